"""briefing.model: the checks every text and id passes, whatever record holds it."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefing.model import PLACEHOLDER_ADVICE, Topic, kind_named

TOPIC = {"id": "labour", "title": "Labour", "description": "Workers.", "sources": ["a"]}


@pytest.mark.parametrize(("field", "value", "word"), [
    ("title", "TODO: title", "TODO"), ("description", "Workers, tbd.", "tbd"), ("description", "FIXME later", "FIXME"),
    ("description", "In xxx 2019.", "xxx"), ("description", "Lorem ipsum dolor.", "Lorem ipsum"),
    ("id", "todo-topic", "todo"), ("sources", ["todo-source"], "todo"),
])
def test_placeholders_are_refused_in_text_and_ids(field, value, word):
    with pytest.raises(ValidationError) as raised:
        Topic.model_validate({**TOPIC, field: value})
    message = raised.value.errors()[0]["msg"]
    assert f"`{word}` is a placeholder, not data" in message and PLACEHOLDER_ADVICE in message


@pytest.mark.parametrize("text", ["Todorov met Xi.", "The XXIst congress.", "Stated: to do so later.", "Tbilisi"])
def test_words_that_merely_contain_a_placeholder_pass(text):
    assert Topic.model_validate({**TOPIC, "description": text}).description == text


@pytest.mark.parametrize(("typed", "kind"), [("people", "people"), ("person", "people"), (" Event ", "events"),
                                             ("term", "glossary"), ("persons", None)])
def test_kinds_are_named_in_the_singular_or_the_plural(typed, kind):
    assert kind_named(typed) == kind
