"""Checks that need the whole data set: ids, references, dates, supersession, sources and the cut-off.

The model validates one file at a time; whether ``kim-jong-un`` exists, or a
treaty that one record says it supersedes agrees, can only be told with every
record at hand. Reference fields are found generically, from the ``Ref`` marks
in briefing/model.py, so a reference field added to the model is checked
without a change here.

Findings name a record and a field path; the loader turns them into located
messages, because only it knows where in the file each field was written.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from briefing import schema
from briefing.messages import did_you_mean
from briefing.model import DateSpan, Record, Source

Records = Mapping[str, Mapping[str, Record]]
FieldPath = tuple[str | int, ...]

# How a message names one record of each kind.
NOUNS = {
    "sources": "source",
    "people": "person",
    "places": "place",
    "events": "event",
    "treaties": "treaty",
    "statistics": "statistic",
    "topics": "topic",
    "glossary": "glossary term",
}
# Fields that state the same relation from both ends: each end must agree with the other.
INVERSES = {("treaties", "supersedes"): "superseded_by", ("treaties", "superseded_by"): "supersedes"}
# Fields that place a record inside another of its kind: following them must not loop.
CONTAINERS = {"places": "within"}
# What a source other than a seed article must give, so that a reader can find and check it.
CHECKABLE_SOURCE = {
    "url": "its address (`url: https://...`), so that a reader can open it",
    "publisher": "who published it at that address (`publisher: ...`)",
    "read": "the day it was read (`read: YYYY-MM-DD`)",
}


@dataclass(frozen=True)
class Finding:
    """One mistake: in which record (kind and file name), at which field path, and what to do."""

    kind: str
    record_id: str
    path: FieldPath
    message: str


def check(records: Records, known: Mapping[str, set[str]] | None = None, as_of: str | None = None) -> list[Finding]:
    """Every integrity mistake in ``records`` (by kind, then by file name).

    ``known`` holds every id that has a file, valid or not, so that a reference to a
    record with its own schema errors is not reported a second time. It defaults to
    the ids of ``records``. ``as_of`` is the book's data cut-off (data/book.yaml):
    no source may be published or read after it.
    """
    known = known if known is not None else {kind: set(by_id) for kind, by_id in records.items()}
    findings = [*_ids(records)]
    for kind, by_id in records.items():
        for name, record in by_id.items():
            for path, model in schema.walk(record):  # one pass over each record: it runs for thousands
                findings += _references(kind, name, model, path, known)
                findings += _date_order(kind, name, model, path)
            findings += _inverses(kind, name, record, records)
    for name, source in records.get("sources", {}).items():
        findings += _checkable(name, source, as_of)
    findings += _loops(records)
    return findings


def _ids(records: Records) -> Iterator[Finding]:
    """A record's id is its file name: that is how other records and the site find it."""
    for kind, by_id in records.items():
        for name, record in by_id.items():
            if record.id == name:
                continue
            if record.id in by_id:
                why = f"`{record.id}` is already the id of {kind}/{record.id}.yaml; ids must be unique"
            else:
                why = f"`{record.id}` is not the file name"
            yield Finding(kind, name, ("id",), f"{why}: write `{name}`, as the file is named, or rename the file")


def _references(kind: str, name: str, model: Record, at: FieldPath, known: Mapping[str, set[str]]) -> Iterator[Finding]:
    """Every id the record mentions names an existing record of the right kind, not itself."""
    for path, target_kind, target in schema.own_references(model, at):
        if target_kind == kind and target == name:
            yield Finding(kind, name, path, f"`{target}` is this {NOUNS[kind]} itself; remove it")
        elif target not in known.get(target_kind, ()):
            yield Finding(kind, name, path, _unknown_reference(target_kind, target, known))


def _unknown_reference(kind: str, target: str, known: Mapping[str, set[str]]) -> str:
    """Say which id is meant when one is close, or what kind the id really is."""
    noun = NOUNS.get(kind, kind)
    message = f"no {noun} has the id `{target}`"
    other_kinds = [NOUNS.get(other, other) for other, ids in sorted(known.items()) if target in ids]
    if other_kinds:
        return f"{message} (`{target}` is a {other_kinds[0]}); use an id from {kind}/"
    hint = did_you_mean(target, sorted(known.get(kind, ())))
    return f"{message}; {hint or f'add {kind}/{target}.yaml, or correct the id'}"


def _date_order(kind: str, name: str, model: Record, path: FieldPath) -> Iterator[Finding]:
    """A span must not end before it starts, at whatever precision each end is written."""
    if isinstance(model, DateSpan) and model.end and _last_day(model.end) < _first_day(model.start):
        yield Finding(kind, name, (*path, "end"),
                      f"`{model.end}` is before the start `{model.start}`; correct one of the two dates")


def _first_day(date: str) -> datetime.date:
    """The earliest day a partial date can mean: 2019 -> 2019-01-01."""
    year, month, day = (date.split("-") + ["01", "01"])[:3]
    return datetime.date(int(year), int(month), int(day))


def _last_day(date: str) -> datetime.date:
    """The latest day a partial date can mean: 2019-02 -> 2019-02-28."""
    parts = date.split("-")
    if len(parts) == 3:
        return _first_day(date)
    year, month = int(parts[0]), int(parts[1]) if len(parts) == 2 else 12
    next_month = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return next_month - datetime.timedelta(days=1)


def _inverses(kind: str, name: str, record: Record, records: Records) -> Iterator[Finding]:
    """``a supersedes b`` needs ``b superseded_by a``, and the other way round."""
    for (inverse_kind, field), inverse in INVERSES.items():
        if inverse_kind != kind:
            continue
        for index, link in enumerate(getattr(record, field)):
            other_id = link.treaty
            other = records.get(kind, {}).get(other_id)
            if other is not None and other_id != name and name not in [back.treaty for back in getattr(other, inverse)]:
                yield Finding(kind, name, (field, index),
                              f"{kind}/{other_id}.yaml does not list `{name}` in its {inverse}; "
                              f"add it there, or remove `{other_id}` here")


def _checkable(name: str, source: Source, as_of: str | None) -> Iterator[Finding]:
    """A source a reader can find (address, publisher, day read), within the book's cut-off.

    The seed articles are exempt from the first rule: their copies came without an
    address, and the book keeps them as given.
    """
    if source.kind != "seed-article":
        for field, what in CHECKABLE_SOURCE.items():
            if getattr(source, field) is None:
                yield Finding("sources", name, (field,), f"a source that is not a seed article needs {what}")
    if source.read and source.published and source.read < _first_day(source.published.start).isoformat():
        yield Finding("sources", name, ("read",), f"`{source.read}` is before the source was published "
                      f"(`{source.published.start}`); correct one of the two dates")
    yield from _after_cut_off(name, source, as_of)


def _after_cut_off(name: str, source: Source, as_of: str | None) -> Iterator[Finding]:
    """Nothing the book cites can postdate its cut-off: the pages say the record is complete to that day."""
    if as_of is None:
        return
    fix = f"is after the book's data cut-off `{as_of}`; move `as_of` in book.yaml forward, or correct the date"
    if source.read and source.read > as_of:
        yield Finding("sources", name, ("read",), f"`{source.read}` {fix}")
    if source.published and _first_day(source.published.start).isoformat() > as_of:
        yield Finding("sources", name, ("published", "start"), f"`{source.published.start}` {fix}")


def _loops(records: Records) -> Iterator[Finding]:
    """A place within a place within the first place: reported once, at the loop's first id."""
    for kind, field in CONTAINERS.items():
        by_id = records.get(kind, {})
        for name in sorted(by_id):
            chain = _chain(by_id, field, name)
            if len(chain) > 2 and chain[-1] == name and min(chain) == name:
                path = " → ".join(chain)
                yield Finding(kind, name, (field,), f"the {NOUNS[kind]}s form a loop ({path}); break it in one of them")


def _chain(by_id: Mapping[str, Record], field: str, start: str) -> list[str]:
    """Follow ``field`` from ``start`` until it ends or comes back to an id already seen."""
    chain, current = [start], getattr(by_id[start], field)
    while current is not None and current in by_id and current not in chain:
        chain.append(current)
        current = getattr(by_id[current], field)
    return chain + [current] if current == start else chain
