"""The shipped data against the five source articles it was captured from.

These tests read the articles in ``../shared/seeds`` (beside the project, as in CI)
and check what a fact-checker would: every quote is the article's exact words,
every figure is one the article prints, no scraping junk slipped in, and the
project holds no long stretch of an article's text.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from briefing.dataset import load_dataset
from briefing.model import Quote, Record

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"

# Which article file each source record was captured from.
SEED_OF_SOURCE = {
    "ap-2000": "000_d0100a7f8343dc86.txt",
    "cnn-2024": "001_6518fb5451382061.txt",
    "afp-2019": "002_427d82112af66446.txt",
    "reuters-2023": "003_6bcf3990a133e540.txt",
    "choi-2019": "004_6faf80669b8d7052.txt",
}

# Fragments of the articles' scraping junk, none of which may reach the book.
JUNK = ("gtag", "UA-12595121", "Spread the love", "MOST POPULAR", "LATEST NEWS",
        "Back To Top", "피터빈트", "subscribe", "heraldcorp.com)", "Сosmodrome")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source articles not found at {SEEDS}")


def _normalise(text: str) -> str:
    """Fold typographic quotes, dashes and white space, as a reader would."""
    text = unicodedata.normalize("NFC", text)
    for fancy, plain in {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}.items():
        text = text.replace(fancy, plain)
    return re.sub(r"\s+", " ", text).strip()


def _article(source_id: str) -> str:
    return _normalise((SEEDS / SEED_OF_SOURCE[source_id]).read_text("utf-8"))


def _walk(value: object):
    """Every nested record and string of a record, depth first."""
    if isinstance(value, Record):
        yield value
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, str):
        yield value


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(ROOT / "data")


def _quotes(dataset) -> list[Quote]:
    return [item for kind in dataset.records.values() for record in kind.values()
            for item in _walk(record) if isinstance(item, Quote)]


def test_the_seed_articles_are_exactly_the_sources_of_kind_seed_article(dataset):
    seeds = {source_id for source_id, source in dataset.kind("sources").items() if source.kind == "seed-article"}
    assert seeds == set(SEED_OF_SOURCE)
    assert len(dataset.kind("sources")) > len(seeds)  # the corroborating sources


def test_every_quote_is_exact_words_of_a_cited_article(dataset):
    quotes = _quotes(dataset)
    assert len(quotes) >= 30
    wrong = [q.text for q in quotes
             if not any(_normalise(q.text).rstrip(".") in _article(s) for s in q.sources if s in SEED_OF_SOURCE)]
    assert wrong == []


# The longest quotation a statement may carry from a source other than the five
# articles (which the tests above can read): a short attributed phrase, never a passage.
MAX_QUOTED_WORDS = 12


def _statements(dataset):
    """Every nested record with text and sources (statements, claims, milestones...)."""
    return [item for kind in dataset.records.values() for record in kind.values() for item in _walk(record)
            if isinstance(item, Record) and isinstance(getattr(item, "text", None), str)
            and isinstance(getattr(item, "sources", None), list)]


def test_text_quotes_only_short_phrases_of_the_sources_beyond_the_articles(dataset):
    statements = [item for item in _statements(dataset) if not set(item.sources) & set(SEED_OF_SOURCE)]
    assert len(statements) > 50
    quoted = [(phrase, item.sources) for item in statements for phrase in re.findall(r'"([^"]+)"', item.text)]
    assert quoted  # some phrases are quoted, with their source
    assert [(phrase, sources) for phrase, sources in quoted if len(phrase.split()) > MAX_QUOTED_WORDS] == []


def test_every_event_is_dated_to_the_day_or_says_why_not(dataset):
    undated = [event.id for event in dataset.kind("events").values()
               if event.date.start.count("-") < 2 and not event.date.derivation]
    assert undated == []
    # The articles date few events to the day; the corroborating sources close the rest.
    beyond = [event.id for event in dataset.kind("events").values()
              if set(event.date.sources) - set(SEED_OF_SOURCE)]
    assert len(beyond) >= 20


def test_every_headline_event_says_what_its_sources_cannot_tell(dataset):
    headline = [event for event in dataset.kind("events").values() if event.headline]
    assert len(headline) == 4
    assert [event.id for event in headline if not event.limits] == []


def _figure_spellings(value: float) -> set[str]:
    """How an article may print a figure: 10000 as 10,000; 1 as 'one'."""
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
             9: "nine", 10: "10", 12: "12", 18: "18", 24: "24"}
    whole = int(value) == value
    spellings = {f"{int(value):,}" if whole else f"{value:g}", str(value)}
    if whole and int(value) in words:
        spellings.add(words[int(value)])
    return spellings


def test_every_figure_is_printed_in_its_article(dataset):
    missing = []
    for stat in dataset.kind("statistics").values():
        text = " ".join(_article(s).lower() for s in stat.sources if s in SEED_OF_SOURCE)
        if not any(re.search(rf"(?<![\d.,]){re.escape(s)}(?![\d,])", text)
                   for s in _figure_spellings(stat.value)):
            missing.append((stat.id, stat.value))
    assert missing == []


def test_no_scraping_junk_in_the_data(dataset):
    texts = [t for kind in dataset.records.values() for r in kind.values()
             for t in _walk(r) if isinstance(t, str)]
    assert len(texts) > 500
    found = [(junk, t) for t in texts for junk in JUNK if junk.lower() in t.lower()]
    assert found == []


def test_no_word_mixes_latin_and_cyrillic(dataset):
    """Catches look-alike letters such as the Cyrillic С in 'Сosmodrome'."""
    mixed = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04FF])\w+\b")
    texts = [t for kind in dataset.records.values() for r in kind.values()
             for t in _walk(r) if isinstance(t, str)]
    assert [m.group() for t in texts for m in mixed.finditer(t)] == []


def _shingles(text: str, size: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", _normalise(text).lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def test_project_holds_no_long_passage_of_an_article():
    """Short attributed quotations only: no 40-word run of any article anywhere."""
    articles = set().union(*(_shingles(_article(s), 40) for s in SEED_OF_SOURCE))
    files = [p for p in ROOT.rglob("*") if p.is_file() and p.suffix in {".yaml", ".md", ".py", ".j2", ".html", ".txt"}
             and not any(part.startswith(".") or part in {"site", "dist", "build"} for part in p.relative_to(ROOT).parts)]
    assert len(files) > 50
    copied = [str(p.relative_to(ROOT)) for p in files if _shingles(p.read_text("utf-8", "ignore"), 40) & articles]
    assert copied == []
