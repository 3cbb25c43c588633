"""Every message the validator prints, in plain English: what is wrong, and what to do.

The readers are editors, not programmers. pydantic's and libyaml's own wording
("Input should be a valid string", "mapping values are not allowed here") is
translated here, in one place, so that the wording stays consistent and can be
improved without touching the loader. Messages name the value as it was written
in the file (``written``), because that is what the editor sees.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from briefing.model import ID_PATTERN

# --- Small helpers -------------------------------------------------------------------------------


def field_path(path: Sequence[str | int]) -> str:
    """``("participants", 0, "person")`` -> ``participants[0].person``, as messages name a field."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """``did you mean `x`?`` for the closest choice, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def _shorten(text: str, limit: int = 40) -> str:
    """A value quoted in a message: one line, and short."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: object, written: str | None) -> str:
    """What the editor wrote, named the way YAML read it."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"`{written}`, which YAML reads as true/false"
    if isinstance(value, (int, float)):
        return f"the number {written}"
    if isinstance(value, str):
        return f"the text `{_shorten(value)}`"
    if isinstance(value, list):
        return "a list"
    return "a group of `key: value` fields"


# --- The YAML itself -------------------------------------------------------------------------------

UTF16 = "the file is saved as UTF-16; save it as UTF-8 (the encoding every data file uses)"
EMPTY_FILE = "the file is empty; write the record's `key: value` fields, or delete the file"
ALIAS_LOOP = "this value contains an alias (`*name`) of itself, which never ends; write the value out in full"
COMPLEX_KEY = "a key must be a plain field name, not a list or mapping; write `name: value`"
WHERE = "see schemas/ for the fields of each kind"


def not_utf8(byte: int) -> str:
    return (
        f"byte 0x{byte:02X} is not UTF-8 (the file was probably saved as Latin-1 or Windows-1252); "
        "save the file as UTF-8"
    )


def control_character(character: str | int) -> str:
    code = character if isinstance(character, int) else ord(character)
    return f"the invisible control character U+{code:04X} is not allowed in YAML; delete it"


def not_a_record(found: str) -> str:
    return f"a data file holds one record as `key: value` lines, but this one holds {found}; write the record's fields"


def too_big(limit: int) -> str:
    return f"aliases (`*name`) expand this file to more than {limit} values; write the values out instead"


def too_deep(limit: int) -> str:
    return f"the value is nested more than {limit} levels deep; no record needs that, check the indentation"


def unknown_tag(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the YAML tag `{short}` is not used in the data; remove it and write a plain value"


def bad_tagged_value(written: str, tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return f"`{_shorten(written)}` cannot be read as `{short}`; remove the tag or correct the value"


def duplicate_key(name: str, first_line: int) -> str:
    return f"`{name}` is written twice in the same mapping (first on line {first_line}); keep one of them"


_TAB = "a tab is used for indentation, but YAML allows only spaces; replace the tab with spaces"
_INDENTATION = "this line is indented differently from the lines above; line it up with the keys it belongs with"
_ANCHOR = "a value starting with `&` or `*` is read as an anchor or alias; put the value in quotes"
# libyaml's and PyYAML's wording of a syntax error (either may be installed), matched by
# words in (problem, context), first match wins, with the mark to report ("problem":
# where the parser gave up, "context": where the construct it was reading began) and
# the advice.
YAML_SYNTAX: list[tuple[str, str, str, str]] = [
    ("tab character", "", "problem", _TAB),
    ("escape", "", "problem",
     "a backslash in a double-quoted value starts an unknown escape; write `\\\\` for a backslash, "
     "or use single quotes"),
    ("", "quoted scalar", "context", "this quoted value is never closed; add the closing {quote} quote"),
    ("", "flow sequence", "context",
     "this `[...]` list is never closed; add `]`, or quote items containing `,` `:` `[` `]`"),
    ("", "flow mapping", "context", "this `{...}` mapping is never closed; add `}`, or quote values containing `,` `:`"),
    ("", "block scalar", "problem",
     "the text of a `|` or `>` block is not indented correctly; indent every line of it the same"),
    ("mapping values are not allowed", "", "problem",
     "YAML reads `: ` here as a new key; if the colon is part of the text, put the whole value in quotes, "
     "otherwise fix this line's indentation"),
    ("could not find expected ':'", "", "context",
     "this line is not `key: value`; add the key and its colon, or indent the line under the key it continues"),
    ("expected key", "", "problem", _INDENTATION),
    ("expected <block end>", "", "problem", _INDENTATION),
    ("'-' indicator", "", "problem", "this list item is not lined up with the items above; indent every `- ` the same"),
    ("another document", "", "problem",
     "a second YAML document starts here; keep one record per file and remove the `---`"),
    ("undefined alias", "", "problem", "a value starting with `*` is read as an alias; put the value in quotes"),
    ("anchor", "", "problem", _ANCHOR),
    ("alias", "", "problem", _ANCHOR),
]


def yaml_syntax(problem: str, context: str, character: str) -> tuple[str, str]:
    """Which mark to report ("problem" or "context") and the advice for a YAML syntax error."""
    if "cannot start any token" in problem:
        if character == "\t":
            return "problem", _TAB
        shown = "a backtick" if character == "`" else f"`{character}`"
        return "problem", f"a value cannot start with {shown}; put the whole value in quotes"
    for problem_words, context_words, where, advice in YAML_SYNTAX:
        if problem_words in problem and context_words in context:
            return where, advice
    return "problem", f"YAML cannot read this line ({problem or context}); check its quoting and indentation"


# --- The model's rules: one message per pydantic error type ------------------------------------------
#
# Each entry gets the error, the value as written (scalars only) and the field names of
# the model concerned (for hints), and returns the message without the field path.

ErrorInfo = Mapping[str, Any]
Explain = Callable[[ErrorInfo, "str | None", Sequence[str]], str]

# Advice for the model's patterns, by the pattern itself (see briefing/model.py).
PATTERN_ADVICE = {
    ID_PATTERN: "`{written}` is not a valid id; use lowercase letters, digits and single hyphens, e.g. `{slug}`",
    r"^https://": "must be an https:// address, not `{written}`",
    r"^\d{4}-\d{2}-\d{2}$": "must be a full date YYYY-MM-DD, not `{written}`",
}


def _missing(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    name = error["loc"][-1]
    return f"is required but missing; add `{name}:` here"


def _unknown_field(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    hint = did_you_mean(str(error["loc"][-1]), fields)
    return f"is not a field here; {hint or 'remove it, or use one of: ' + ', '.join(fields)}"


def _text(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    value = error["input"]
    if value is None:
        return "is empty; write the text after the colon"
    if isinstance(value, bool):
        return f"must be text, but YAML reads `{written}` as true/false; put it in quotes: \"{written}\""
    if isinstance(value, (int, float)):
        return f"must be text, but YAML reads `{written}` as a number; put it in quotes: \"{written}\""
    return f"must be text, not {describe(value, written)}"


def _number(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    value = error["input"]
    if isinstance(value, str) and re.fullmatch(r"[-+]?\d[\d_]*(\.\d+)?([eE][-+]?\d+)?", value.strip()):
        return f"must be a number, but `{written}` is written as text; remove the quotes"
    if value is None:
        return "is empty; write a number after the colon"
    return f"must be a number written in digits, not {describe(value, written)}"


def _true_or_false(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    return f"must be true or false, not {describe(error['input'], written)}"


def _list(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    value, name = error["input"], error["loc"][-1]
    if value is None:
        return f"is empty; write a list under `{name}:` as `- item` lines or as [a, b], or remove the line"
    if isinstance(value, dict):
        return f"must be a list, not {describe(value, written)}; start each item with `- `"
    # A value written over several lines cannot be quoted on the message's one line.
    example = written if written and "\n" not in written else "a, b"
    return f"must be a list, not {describe(value, written)}; write it as [{example}]"


def _fields(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    value, name = error["input"], error["loc"][-1]
    expected = f" ({', '.join(fields)})" if fields else ""
    where = f"under `{name}:`" if isinstance(name, str) else "in this list item"
    return f"must be `key: value` fields{expected} indented {where}, not {describe(value, written)}"


def _too_short(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    count = error["ctx"]["min_length"]
    return f"must list at least {count} item{'s' if count != 1 else ''}; add {'one' if count == 1 else 'more'}"


def _empty_text(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    return "is empty; write a value"


def _long_text(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    return f"is longer than {error['ctx']['max_length']} characters; shorten it"


def _pattern(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    pattern = error["ctx"]["pattern"]
    value = str(error["input"])
    slug = "-".join(re.findall(r"[a-z0-9]+", value.lower())) or "kim-jong-un"
    advice = PATTERN_ADVICE.get(pattern, "`{written}` does not have the form this field needs ({pattern})")
    return advice.format(written=_shorten(value), slug=slug, pattern=pattern)


def _choice(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    choices = re.findall(r"'([^']*)'", error["ctx"]["expected"])
    value = error["input"]
    hint = did_you_mean(value, choices) if isinstance(value, str) else ""
    shown = f"`{_shorten(str(written if written is not None else value))}`"
    return f"{shown} is not allowed; {hint or 'use one of: ' + ', '.join(choices)}"


def _validator(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    """The model's own validators already word their messages for editors."""
    return str(error["ctx"]["error"])


def _at_least(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    return f"must be at least {error['ctx']['ge']:g}, not {written}"


def _at_most(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    return f"must be at most {error['ctx']['le']:g}, not {written}"


def _finite(error: ErrorInfo, written: str | None, fields: Sequence[str]) -> str:
    return f"must be an ordinary number, not `{written}`"


SCHEMA_MESSAGES: dict[str, Explain] = {
    "missing": _missing,
    "extra_forbidden": _unknown_field,
    "string_type": _text,
    "int_type": _number,
    "float_type": _number,
    "finite_number": _finite,
    "bool_type": _true_or_false,
    "list_type": _list,
    "model_type": _fields,
    "too_short": _too_short,
    "string_too_short": _empty_text,
    "string_too_long": _long_text,
    "string_pattern_mismatch": _pattern,
    "literal_error": _choice,
    "value_error": _validator,
    "greater_than_equal": _at_least,
    "less_than_equal": _at_most,
}


def schema_message(error: ErrorInfo, written: str | None = None, fields: Sequence[str] = ()) -> str:
    """The plain-English message for one pydantic error (without file, position or field)."""
    explain = SCHEMA_MESSAGES.get(error["type"])
    if explain is None:  # a rule added to the model without a message here yet
        return f"{error['msg'][0].lower()}{error['msg'][1:]}; {WHERE}"
    return explain(error, written, fields)
