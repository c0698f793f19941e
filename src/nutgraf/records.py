"""The record types of each pipeline stage: source -> clean article -> facts -> article.

Plain, typed, frozen dataclasses, so that every stage hands the next one data, not behaviour.
Offsets are Python string indices into the clean ``body`` (``body[start:end] == text``).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

EntityType = Literal[
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"
]
QuoteKind = Literal["direct", "indirect"]
# What an attribution reports: words said, a belief or intent held, or a stance taken.
QuoteMode = Literal["speech", "belief", "stance"]
Granularity = Literal["day", "week", "month", "year"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
AmountQualifier = Literal["approx", "at_least", "at_most", "range"]


@dataclass(frozen=True)
class Source:
    """Decoded input: the text as given, and whether it is an HTML page."""

    text: str
    is_html: bool


@dataclass(frozen=True)
class CleanArticle:
    """The article after cleaning: the body every offset points into, and its metadata."""

    body: str
    boilerplate: list[str] = field(default_factory=list)
    title: str | None = None
    dateline: str | None = None
    agency: str | None = None
    byline: str | None = None
    publisher: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    titles: list[str]
    mentions: list[Mention]


@dataclass(frozen=True)
class Quote:
    kind: QuoteKind
    text: str
    start: int
    end: int
    mode: QuoteMode = "speech"
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True)
class Amount:
    """A quantity a reader could put in a table. ``qualifier`` is how the text bounds it
    (``approx``, ``at_least``, ``at_most``, or ``range`` from ``low`` to ``high``, when
    ``value`` is ``low``); ``counted_entity`` names the entity in what it counts."""

    value: int | float
    text: str
    start: int
    end: int
    counted: str | None
    unit: str | None = None
    qualifier: AmountQualifier | None = None
    low: int | float | None = None
    high: int | float | None = None
    counted_entity: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date or time expression: its calendar value (a day, week, month or year) when it
    names one, and its TimeML TIMEX3 type, value and mod (``nutgraf.timeml``)."""

    text: str
    start: int
    end: int
    value: str | None
    granularity: Granularity | None = None
    timex_type: TimexType | None = None
    timex_value: str | None = None
    timex_mod: str | None = None


@dataclass(frozen=True)
class SummarySentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SentenceTone:
    start: int
    end: int
    text: str
    compound: float


@dataclass(frozen=True)
class Tone:
    """GDELT-style document tone from a sentiment lexicon, and each sentence's sentiment."""

    tone: float
    positive: float
    negative: float
    polarity: float
    words: int
    sentences: list[SentenceTone] = field(default_factory=list)


@dataclass(frozen=True)
class Theme:
    theme: str
    score: int
    triggers: list[Mention]


@dataclass(frozen=True)
class Count:
    """An amount tied to a kind of event ("two of them were killed" -> KILL 2)."""

    type: str
    value: int | float
    text: str
    start: int
    end: int
    counted: str | None


@dataclass(frozen=True)
class Place:
    """A place entity resolved to its gazetteer entry."""

    entity: str
    name: str
    country: str | None  # ISO 3166-1 alpha-2; None for a region ("Middle East", "Europe")
    admin1: str | None
    feature: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    focus: bool
    mentions: list[Mention]
    demonym: bool = False  # named by its people ("Iraqi", "the Welsh"), not by itself


@dataclass(frozen=True)
class Event:
    """Who did what to whom (a CAMEO root code), where and when, in one sentence."""

    code: str
    action: str
    verb: str
    verb_start: int
    verb_end: int
    actor: str | None
    actor_text: str
    actor_start: int
    actor_end: int
    actor_type: str | None
    actor_country: str | None
    target: str | None
    target_text: str | None
    target_start: int | None
    target_end: int | None
    target_type: str | None
    target_country: str | None
    place: str | None
    date: str | None
    negated: bool
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Article:
    """Everything nutgraf extracts from one article; ``to_dict`` is the JSON contract.

    The fields' order is the contract's key order. ``extensions`` holds the facts of
    extractors registered beyond the built-in ones; ``to_dict`` lists them after the others.
    """

    schema_version: int = SCHEMA_VERSION
    title: str | None = None
    dateline: str | None = None
    agency: str | None = None
    byline: str | None = None
    publisher: str | None = None
    published: str | None = None
    body: str
    boilerplate: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    tone: Tone | None = None
    themes: list[Theme] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extensions: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def assemble(cls, article: CleanArticle, facts: dict[str, Any]) -> Article:
        """The clean article's metadata and body with the extractors' facts."""
        names = {f.name for f in dataclasses.fields(cls)}
        metadata = {f.name: getattr(article, f.name) for f in dataclasses.fields(article)}
        builtin = {name: value for name, value in facts.items() if name in names}
        extensions = {name: value for name, value in facts.items() if name not in names}
        return cls(**metadata, **builtin, extensions=extensions)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object, fields in contract order, extensions last."""
        data = dataclasses.asdict(self)
        extensions = data.pop("extensions")
        return {**data, **extensions}

    @classmethod
    def from_dict(cls, data: dict[str, Any], extensions: dict[str, Any] | None = None) -> Article:
        """The article of a contract object (``to_dict``'s inverse), e.g. read back from
        Parquet; fields the object lacks take their defaults. ``extensions`` names the
        extension facts to read, with their types (other keys are ignored)."""
        built: Article = _build(cls, data)
        wanted = (extensions or {}).items()
        found = {name: _build(kind, data[name]) for name, kind in wanted if name in data}
        return dataclasses.replace(built, extensions=found) if found else built

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)


@functools.cache
def _hints(record: type) -> dict[str, Any]:
    return typing.get_type_hints(record)


def _build(kind: Any, value: Any) -> Any:
    """``value`` (JSON-like) as the type ``kind`` of a record field."""
    if value is None:
        return None
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = (f.name for f in dataclasses.fields(kind) if f.name in value)
        return kind(**{name: _build(hints[name], value[name]) for name in fields})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is list:
        return [_build(args[0], item) for item in value]
    if origin in (typing.Union, types.UnionType):
        if int in args and float in args:  # a number: int when whole, as the extractors give it
            return int(value) if float(value).is_integer() else float(value)
        record = next((arg for arg in args if dataclasses.is_dataclass(arg)), None)
        return _build(record, value) if record else value
    return value
