"""The briefing book's data model: every kind of record, in one place.

Each YAML file under ``data/<kind>/<id>.yaml`` holds one record of one of the
models below. The models forbid unknown keys (a typo is an error, not a silently
ignored field) and keep figures as numbers. Cross-references between records are
plain ids here; whether they point at something real is checked by
``briefing.integrity``, which needs the whole data set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    WithJsonSchema,
)

# --- Scalars -----------------------------------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Raw HTML, Jinja and script links are never wanted in data text: the book
# renders text as Markdown, and these would either execute or break the page.
FORBIDDEN_TEXT = {
    "raw HTML is not allowed": r"<[A-Za-z!/?]",  # as browsers see a tag: no space after <
    "`javascript:` links are not allowed": r"(?i:javascript\s*:)",
    "data: and vbscript: addresses are not allowed": r"(?i:(?:data|vbscript)\s*:\s*[a-z]+/)",
}
# One search per text (every text of every record passes here), the group saying which rule matched.
_FORBIDDEN = re.compile("|".join(f"({pattern})" for pattern in FORBIDDEN_TEXT.values()))


# Words a scaffold (scripts/new.py) or an unfinished edit leaves behind: never a fact.
PLACEHOLDER = re.compile(r"\b(?:TODO|TBD|FIXME|XXX+)\b|\blorem ipsum\b", re.IGNORECASE)
PLACEHOLDER_ADVICE = "write what the sources say, or remove the field if it is optional"


def _check_text(value: str) -> str:
    """Reject text that would run as HTML or script once rendered, and placeholders left unfilled."""
    found = _FORBIDDEN.search(value) if "<" in value or ":" in value else None
    if found:
        problem = list(FORBIDDEN_TEXT)[found.lastindex - 1]
        raise ValueError(f"{problem} (`{_snippet(value, found.start())}`); write plain text or Markdown")
    if not value.strip():
        raise ValueError("the text is empty; write it, or remove the field if it is optional")
    _check_placeholder(value)
    return value


def _check_placeholder(value: str) -> str:
    """A ``TODO``, ``TBD``, ``FIXME``, ``xxx`` or ``lorem ipsum`` is unfinished work, not data."""
    found = PLACEHOLDER.search(value.replace("-", " "))
    if found:
        raise ValueError(f"`{found.group()}` is a placeholder, not data (in `{' '.join(value.split())[:60]}`); "
                         f"{PLACEHOLDER_ADVICE}")
    return value


def _snippet(value: str, start: int) -> str:
    """The offending markup, up to its closing ``>``: enough for the editor to find it."""
    end = value.find(">", start, start + 40)
    return " ".join(value[start : end + 1 if end != -1 else start + 40].split())


def _year_as_text(value: object) -> object:
    """Accept ``2019`` written bare in YAML as the partial date ``"2019"``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _check_partial_date(value: str) -> str:
    """A date at the precision the sources allow: YYYY, YYYY-MM or YYYY-MM-DD."""
    import datetime

    match = PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"`{value}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"`{value}` has no month {month:02d}; write a month from 01 to 12")
    if day is not None:
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise ValueError(f"`{value}` is not a real calendar date; check the day") from None
    return value


@dataclass(frozen=True)
class Ref:
    """Marks an id as pointing at a record of another kind (a folder under data/).

    The model itself cannot see other files; ``briefing.integrity`` walks every
    field carrying this mark and checks that the record exists. In the JSON
    Schema the mark becomes a description, so editors see where the id belongs.
    """

    kind: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema["description"] = f"The id of a record in data/{self.kind}/ (its file name without .yaml)."
        return schema


Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=80), AfterValidator(_check_placeholder)]
SourceId = Annotated[Id, Ref("sources")]
PersonId = Annotated[Id, Ref("people")]
PlaceId = Annotated[Id, Ref("places")]
EventId = Annotated[Id, Ref("events")]
TreatyId = Annotated[Id, Ref("treaties")]
TopicId = Annotated[Id, Ref("topics")]
Text = Annotated[str, AfterValidator(_check_text)]
# In the JSON Schema a bare year is allowed too, as editors write ``start: 2019``.
PARTIAL_DATE_JSON_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": PARTIAL_DATE.pattern},
        {"type": "integer", "minimum": 1000, "maximum": 9999},
    ],
    "description": "A date as precise as the sources allow: YYYY, YYYY-MM or YYYY-MM-DD.",
}
PartialDate = Annotated[
    str, BeforeValidator(_year_as_text), AfterValidator(_check_partial_date), WithJsonSchema(PARTIAL_DATE_JSON_SCHEMA)
]
# A figure: YAML's .inf and .nan are not figures any source gives.
Number = Union[StrictInt, Annotated[StrictFloat, Field(allow_inf_nan=False)]]
# When an editor last checked a record against its sources: a full calendar date,
# so that briefing.freshness can tell how long ago that was.
ReviewDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_check_partial_date)]

Country = Literal[
    "russia",
    "soviet-union",
    "north-korea",
    "south-korea",
    "china",
    "united-states",
    "japan",
    "vietnam",
    "ukraine",
]

COUNTRY_NAMES: dict[str, str] = {
    "russia": "Russia",
    "soviet-union": "Soviet Union",
    "north-korea": "North Korea",
    "south-korea": "South Korea",
    "china": "China",
    "united-states": "United States",
    "japan": "Japan",
    "vietnam": "Vietnam",
    "ukraine": "Ukraine",
}


class Record(BaseModel):
    """Base of every model: unknown keys are errors, strings are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- Building blocks -----------------------------------------------------------


class Statement(Record):
    """One sourced statement: the unit every page footnotes."""

    text: Text
    sources: list[SourceId] = Field(min_length=1)
    note: Text | None = None


class DateSpan(Record):
    """When something happened, at the precision the sources allow.

    ``derivation`` says how a relative date in a source ("Wednesday",
    "yesterday", "24 years to the day") was turned into this one, or why the
    sources fix no more than this precision.
    """

    start: PartialDate
    end: PartialDate | None = None
    weekday: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] | None = None
    approximate: bool = False
    derivation: Text | None = None


class SourcedDateSpan(DateSpan):
    """The date of an event or treaty, with the sources that establish it.

    A date is a fact like any other: the page cites where it comes from, and
    ``derivation`` says why it is no more precise when the sources stop short.
    """

    sources: list[SourceId] = Field(min_length=1)


class Claim(Record):
    """One side of a conflict between sources."""

    text: Text
    sources: list[SourceId] = Field(min_length=1)


class Conflict(Record):
    """Where sources disagree, or cannot be reconciled: every claim is kept."""

    about: Text
    claims: list[Claim] = Field(min_length=1)
    note: Text
    # Where the note itself states a fact (a third account, the real date), what it rests on.
    sources: list[SourceId] = []


class Quote(Record):
    """Exact words, with who said them and where they were reported."""

    speaker: PersonId
    text: Text
    context: Text | None = None
    reported_via: Text | None = None
    sources: list[SourceId] = Field(min_length=1)


# --- Kinds ------------------------------------------------------------------------


# What a source is, for a reader weighing it: one of the five articles the book
# grew from, an official record, a news agency's wire, a newspaper or broadcaster,
# or a reference work (cited only where nothing better exists).
SourceKind = Literal["seed-article", "official", "agency", "press", "reference"]
SOURCE_KIND_NAMES: dict[str, str] = {
    "seed-article": "Seed article",
    "official": "Official record",
    "agency": "News agency",
    "press": "Press",
    "reference": "Reference work",
}
# The same kinds as headings over a list of sources.
SOURCE_KIND_HEADINGS: dict[str, str] = {
    "seed-article": "Seed articles", "official": "Official records", "agency": "News agencies",
    "press": "Press", "reference": "Reference works",
}
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "ru": "Russian", "ko": "Korean", "zh": "Chinese", "ja": "Japanese", "fr": "French",
}
Language = Literal["en", "ru", "ko", "zh", "ja", "fr"]


class Source(Record):
    """A source the book cites. Never its text: only what identifies it and where to read it.

    Every source but a seed article has a ``publisher``, an ``url`` and the day it
    was ``read`` (briefing.integrity says so); the seed articles keep what their
    copies give, which is often no address at all.
    """

    id: Id
    title: Text
    kind: SourceKind
    headline: Text | None = None
    publisher: Text | None = None
    outlet: Text | None = None
    outlet_note: Text | None = None
    agencies: list[Text] = []
    authors: list[Text] = []
    contributors: list[Text] = []
    dateline: Text | None = None
    # None for a web page that carries no date (an agency's "about" page): the book says "undated".
    published: DateSpan | None = None
    language: Language
    url: Annotated[str, Field(pattern=r"^https://")] | None = None
    read: ReviewDate | None = None
    notes: list[Text] = []
    reviewed: ReviewDate | None = None


class NativeName(Record):
    """A name in the person's own (or another standard) script."""

    script: Literal["Hangul", "Cyrillic", "Hanzi", "Latin"]
    name: Text
    sources: list[SourceId] = Field(min_length=1)


class Role(Record):
    """A position a person held, for the period the sources give."""

    title: Text
    organisation: Text | None = None
    country: Country | None = None
    period: DateSpan | None = None
    as_of: Text | None = None
    sources: list[SourceId] = Field(min_length=1)


class Person(Record):
    id: Id
    name: Text
    aliases: list[Text] = []
    native_names: list[NativeName] = []
    country: Country
    roles: list[Role] = Field(min_length=1)
    profile: list[Statement] = Field(min_length=1)
    sources: list[SourceId] = Field(min_length=1)
    reviewed: ReviewDate | None = None


class Coordinates(Record):
    """Latitude and longitude, with the gazetteer they were taken from."""

    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    reference: Annotated[str, Field(pattern=r"^https://")]


class Place(Record):
    id: Id
    name: Text
    aliases: list[Text] = []
    native_names: list[NativeName] = []
    country: Country
    kind: Literal["capital", "city", "port-city", "border-town", "island", "cosmodrome", "venue", "region"]
    within: PlaceId | None = None
    coordinates: Coordinates | None = None
    description: list[Statement] = []
    sources: list[SourceId] = Field(min_length=1)
    reviewed: ReviewDate | None = None


class Participant(Record):
    person: PersonId
    role: Literal["leader", "host", "guest", "delegation", "official", "attendee", "absent"]
    note: Text | None = None
    sources: list[SourceId] = Field(min_length=1)


class AgreementLink(Record):
    treaty: TreatyId
    relation: Literal["signed", "expected", "discussed", "mentioned"]
    sources: list[SourceId] = Field(min_length=1)


class Event(Record):
    id: Id
    title: Text
    kind: Literal[
        "summit",
        "state-visit",
        "leaders-meeting",
        "visit",
        "arrival",
        "talks",
        "speech",
        "missile-launch",
        "diplomatic",
        "sanctions",
        "other",
    ]
    status: Literal["held", "planned", "reported"] = "held"
    headline: bool = False
    date: SourcedDateSpan
    place: PlaceId | None = None
    place_note: Text | None = None
    host: Country | None = None
    countries: list[Country] = Field(min_length=1)
    summary: Statement
    participants: list[Participant] = []
    agenda: list[Statement] = []
    outcomes: list[Statement] = []
    agreements: list[AgreementLink] = []
    details: list[Statement] = []
    quotes: list[Quote] = []
    conflicts: list[Conflict] = []
    limits: list[Statement] = []
    related: list[EventId] = []
    topics: list[TopicId] = []
    sources: list[SourceId] = Field(min_length=1)
    reviewed: ReviewDate | None = None


class Signatory(Record):
    """Who signed a treaty, and which source says so."""

    person: PersonId
    note: Text | None = None
    sources: list[SourceId] = Field(min_length=1)


class TreatyLink(Record):
    """One treaty replacing another, with the source that says it did."""

    treaty: TreatyId
    note: Text | None = None
    sources: list[SourceId] = Field(min_length=1)


class Milestone(Record):
    """One step in a treaty's life: planned, signed, ratified by a party, in force, ended."""

    stage: Literal["planned", "signed", "ratified", "in-force", "invoked", "notice-given", "lapsed", "replaced"]
    date: DateSpan
    party: Country | None = None
    place: PlaceId | None = None
    text: Text
    sources: list[SourceId] = Field(min_length=1)


class Treaty(Record):
    id: Id
    title: Text
    official_name: Statement | None = None
    kind: Literal["treaty", "agreement", "declaration"]
    date: SourcedDateSpan
    parties: list[Country] = Field(min_length=2)
    signatories: list[Signatory] = []
    status: Literal["in-force", "superseded", "lapsed", "abandoned", "expected", "signed", "unknown"]
    status_note: Statement
    milestones: list[Milestone] = []
    supersedes: list[TreatyLink] = []
    superseded_by: list[TreatyLink] = []
    provisions: list[Statement] = []
    conflicts: list[Conflict] = []
    topics: list[TopicId] = []
    sources: list[SourceId] = Field(min_length=1)
    reviewed: ReviewDate | None = None


class Statistic(Record):
    id: Id
    label: Text
    value: Number
    qualifier: Literal["exactly", "about", "more than", "at least", "some", "nearly"] = "exactly"
    unit: Text
    period: DateSpan | None = None
    period_note: Text | None = None
    asserted_by: Text
    caveats: list[Text] = []
    series: Id | None = None
    topics: list[TopicId] = []
    events: list[EventId] = []
    sources: list[SourceId] = Field(min_length=1)
    reviewed: ReviewDate | None = None


class Topic(Record):
    id: Id
    title: Text
    aliases: list[Text] = []
    description: Text
    sources: list[SourceId] = Field(min_length=1)
    reviewed: ReviewDate | None = None


class GlossaryTerm(Record):
    """An abbreviation the site explains on hover wherever it appears."""

    id: Id
    term: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]*$")]
    expansion: Text
    definition: Text | None = None
    sources: list[SourceId] = Field(min_length=1)
    reviewed: ReviewDate | None = None


class Edition(Record):
    """The book as a whole (``data/book.yaml``): the day its record is complete to.

    ``as_of`` is the data cut-off: every source was read by then, and the home
    page, the PDF cover and every "Cite this page" print this one date.
    """

    as_of: ReviewDate
    note: Text | None = None


# The folder name under data/ for each kind, and the model its files hold.
KINDS: dict[str, type[Record]] = {
    "sources": Source,
    "people": Person,
    "places": Place,
    "events": Event,
    "treaties": Treaty,
    "statistics": Statistic,
    "topics": Topic,
    "glossary": GlossaryTerm,
}
# What an editor may type for a kind, besides its folder name: the singular first
# ("person" for people/), as anyone writes it ("make new KIND=person").
KIND_NAMES: dict[str, str] = {
    **{kind: kind for kind in KINDS},
    "source": "sources", "person": "people", "place": "places", "event": "events", "treaty": "treaties",
    "statistic": "statistics", "topic": "topics", "term": "glossary", "glossary-term": "glossary",
}


def kind_named(name: str) -> str | None:
    """The folder a kind name means ("person" or "people" -> "people"); None if it names none."""
    return KIND_NAMES.get(name.strip().lower())
