"""Generate a synthetic briefing-book data set of a chosen number of pages.

The benchmark needs the shape of the real data at thousands of pages: events
with participants, quotes and agreements; people with roles; treaties in
supersession chains; statistics and sources cited everywhere; ~600 words of
text per page. Records are written as YAML through the same model the real data
uses, so a generated set that fails validation is a bug here, not a benchmark.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

# libyaml's dumper when present: generating 3,000 files is part of each benchmark run.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

WORDS = (
    "summit delegation agreement cooperation leaders talks border railway port energy "
    "security sanctions economy trade missile satellite council treaty friendship visit "
    "minister ceremony capital region statement agency report analysts officials shipping "
    "declaration protocol industry aviation factory fleet island cosmodrome labour workers"
).split()

SURNAMES = "Kim Pak Ri Choe Jang Ivanov Petrov Sokolov Volkov Orlov".split()
SYLLABLES = "Jong Song Hyon Chol Myong Yong Gwang Hui Sun Il Su Nam Hak Ryong Bok Chun Ok Dae Gil Ho".split()

# How many treaties supersede one another in a row, like the real 1961 → 2000 → 2024.
TREATY_CHAIN = 3
# One place in this many is a venue inside a city, without coordinates of its own.
VENUE_EVERY = 4
# How the generated pages are shared among the kinds that get a page each.
# The synthetic book's data cut-off: after every generated date (the last is in 2025).
AS_OF = "2026-01-01"
PAGE_SHARES = {"events": 0.45, "people": 0.35, "treaties": 0.1, "places": 0.07, "topics": 0.03}


@dataclass(frozen=True)
class Plan:
    """How many records of each kind a data set of ``pages`` pages holds."""

    pages: int

    def count(self, kind: str) -> int:
        return max(2, round(self.pages * PAGE_SHARES[kind]))

    @property
    def sources(self) -> int:
        return max(2, self.pages // 20)

    @property
    def statistics(self) -> int:
        return max(2, self.pages // 5)


class Writer:
    """Writes one YAML file per record with a seeded random source of text."""

    def __init__(self, root: Path, seed: int = 7):
        self.root = root
        self.rng = random.Random(seed)

    def sentence(self, words: int = 18) -> str:
        text = " ".join(self.rng.choice(WORDS) for _ in range(words))
        return text[0].upper() + text[1:] + "."

    def statements(self, count: int, sources: list[str], words: int = 40) -> list[dict]:
        return [{"text": " ".join(self.sentence(words // 2) for _ in range(2)),
                 "sources": [self.rng.choice(sources)]} for _ in range(count)]

    def write(self, kind: str, record: dict) -> None:
        folder = self.root / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{record['id']}.yaml").write_text(
            yaml.dump(record, Dumper=DUMPER, allow_unicode=True, sort_keys=False), "utf-8")

    def date(self) -> str:
        return f"{self.rng.randint(1948, 2025)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"


def generate(root: Path, pages: int, seed: int = 7) -> Plan:
    """Write a data set of about ``pages`` pages under ``root`` and return its plan."""
    plan, writer = Plan(pages), Writer(root, seed)
    ids = {kind: [f"{kind[:-1]}-{n:05d}" for n in range(plan.count(kind))] for kind in PAGE_SHARES}
    ids["sources"] = [f"source-{n:04d}" for n in range(plan.sources)]
    root.mkdir(parents=True, exist_ok=True)
    (root / "book.yaml").write_text(f"as_of: {AS_OF}\n", "utf-8")
    _write_sources(writer, ids)
    _write_topics(writer, ids)
    _write_places(writer, ids)
    _write_people(writer, ids)
    _write_treaties(writer, ids)
    _write_events(writer, ids)
    _write_statistics(writer, ids, plan.statistics)
    return plan


def _write_sources(writer: Writer, ids: dict[str, list[str]]) -> None:
    for source_id in ids["sources"]:
        writer.write("sources", {
            "id": source_id, "title": writer.sentence(6), "headline": writer.sentence(8),
            "kind": "agency", "publisher": "Agency", "agencies": ["Agency"],
            "published": {"start": writer.date()}, "language": "en",
            "url": f"https://news.example.org/{source_id}", "read": AS_OF})


def _write_topics(writer: Writer, ids: dict[str, list[str]]) -> None:
    for topic_id in ids["topics"]:
        writer.write("topics", {"id": topic_id, "title": writer.sentence(3).rstrip("."),
                                "description": " ".join(writer.sentence() for _ in range(30)),
                                "sources": [writer.rng.choice(ids["sources"])]})


def _write_places(writer: Writer, ids: dict[str, list[str]]) -> None:
    """Cities with gazetteer coordinates, as the real data has them, and venues within them.

    Most lie in the map's detail panel (the Korean peninsula and Russia's far
    east); one in VENUE_EVERY is a venue without coordinates, which the map
    shows at the city it lies within.
    """
    cities = [place_id for number, place_id in enumerate(ids["places"]) if number % VENUE_EVERY]
    for number, place_id in enumerate(ids["places"]):
        record = {"id": place_id, "name": writer.sentence(2).rstrip("."), "country": "russia"}
        if number % VENUE_EVERY:
            record |= {"kind": "city", "coordinates": _coordinates(writer, number)}
        else:
            record |= {"kind": "venue", "within": writer.rng.choice(cities)}
        writer.write("places", record | {"description": writer.statements(12, ids["sources"]),
                                         "sources": [writer.rng.choice(ids["sources"])]})


def _coordinates(writer: Writer, number: int) -> dict:
    """A point in the detail panel, or (one in five) farther west, in the overview."""
    lat, lon = ((writer.rng.uniform(35, 50), writer.rng.uniform(120, 140)) if number % 5
                else (writer.rng.uniform(45, 58), writer.rng.uniform(40, 110)))
    return {"lat": round(lat, 4), "lon": round(lon, 4), "reference": f"https://www.geonames.org/{900000 + number}"}


def person_name(number: int) -> str:
    """A distinct name per person ("Kim Jong-su"), of words the running text never uses.

    Real names are proper nouns, not the words of the prose: built from the
    text's vocabulary, every page would seem to name hundreds of people.
    """
    surname = SURNAMES[number % len(SURNAMES)]
    first, second = divmod(number // len(SURNAMES), len(SYLLABLES))
    return f"{surname} {SYLLABLES[first % len(SYLLABLES)]}-{SYLLABLES[second].lower()}"


def _write_people(writer: Writer, ids: dict[str, list[str]]) -> None:
    for number, person_id in enumerate(ids["people"]):
        sources = writer.rng.sample(ids["sources"], 2)
        name = person_name(number)
        writer.write("people", {
            "id": person_id, "name": name, "aliases": [name.replace("-", " ")],
            "country": writer.rng.choice(["russia", "north-korea"]),
            "roles": [{"title": writer.sentence(3), "as_of": "2019", "sources": sources}],
            "profile": writer.statements(13, sources), "sources": sources})


def _write_treaties(writer: Writer, ids: dict[str, list[str]]) -> None:
    """Treaties in supersession chains of TREATY_CHAIN (as 1961 → 2000 → 2024), not one endless chain."""
    treaties = ids["treaties"]
    for index, treaty_id in enumerate(treaties):
        sources = writer.rng.sample(ids["sources"], 2)
        successor = index % TREATY_CHAIN < TREATY_CHAIN - 1 and index + 1 < len(treaties)
        writer.write("treaties", {
            "id": treaty_id, "title": writer.sentence(5), "kind": "agreement",
            "date": {"start": str(1950 + index % 70), "sources": sources[:1]}, "parties": ["russia", "north-korea"],
            "status": "superseded" if successor else "in-force",
            "status_note": writer.statements(1, sources)[0],
            "supersedes": [{"treaty": treaties[index - 1], "sources": sources}] if index % TREATY_CHAIN else [],
            "superseded_by": [{"treaty": treaties[index + 1], "sources": sources}] if successor else [],
            "provisions": writer.statements(12, sources), "topics": [writer.rng.choice(ids["topics"])],
            "sources": sources})


def _write_events(writer: Writer, ids: dict[str, list[str]]) -> None:
    events = ids["events"]
    for index, event_id in enumerate(events):
        # Related events are near neighbours, as real ones are close in time.
        neighbours = [events[(index + step) % len(events)] for step in (-2, -1, 1, 2)]
        sources = writer.rng.sample(ids["sources"], 2)
        people = writer.rng.sample(range(len(ids["people"])), 4)
        summary, details = writer.statements(1, sources)[0], writer.statements(4, sources)
        # Text names people, as real text does: the leader, and someone not there
        # (a mention the index must find for that person's page).
        summary["text"] = f"{person_name(people[0])} met the delegation. {summary['text']}"
        details[0]["text"] = f"{person_name(people[3])} was not present. {details[0]['text']}"
        people = [ids["people"][number] for number in people[:3]]
        writer.write("events", {
            "id": event_id, "title": writer.sentence(6).rstrip("."), "kind": "summit",
            "date": {"start": writer.date(), "sources": sources[:1]}, "place": writer.rng.choice(ids["places"]),
            "host": "russia", "countries": ["russia", "north-korea"],
            "summary": summary,
            "participants": [{"person": p, "role": "leader", "sources": sources} for p in people],
            "agenda": writer.statements(3, sources), "outcomes": writer.statements(3, sources),
            "agreements": [{"treaty": writer.rng.choice(ids["treaties"]), "relation": "discussed",
                            "sources": sources}],
            "details": details,
            "quotes": [{"speaker": people[0], "text": writer.sentence(20), "sources": sources}],
            "related": writer.rng.sample(neighbours, 2), "topics": [writer.rng.choice(ids["topics"])],
            "sources": sources})


def _write_statistics(writer: Writer, ids: dict[str, list[str]], count: int) -> None:
    for number in range(count):
        writer.write("statistics", {
            "id": f"statistic-{number:05d}", "label": writer.sentence(6), "value": writer.rng.randint(1, 10**6),
            "unit": "tons", "period": {"start": str(writer.rng.randint(1990, 2024))},
            "asserted_by": "Officials", "series": f"series-{number % 25}",
            "topics": [writer.rng.choice(ids["topics"])], "events": [writer.rng.choice(ids["events"])],
            "sources": [writer.rng.choice(ids["sources"])]})
