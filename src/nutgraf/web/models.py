"""The API's responses as typed records, so that /openapi.json documents every one: each list
is a page (``total``, ``offset``, ``limit``) of the store's records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nutgraf.corpus.store import ArticleRow, Facets, QuoteRow, RankedEntity, SourceRecord
from nutgraf.schema import contract_model


@dataclass(frozen=True)
class ArticleList:
    total: int
    offset: int
    limit: int
    articles: list[ArticleRow]


@dataclass(frozen=True)
class Hit:
    """A search hit: ``snippet`` is plain text, ``matches`` the [start, end) offsets of the
    words found in it."""

    article_id: int
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    matches: list[tuple[int, int]]
    score: float


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    offset: int
    limit: int
    hits: list[Hit]
    facets: Facets


@dataclass(frozen=True)
class EntityList:
    total: int
    offset: int
    limit: int
    entities: list[RankedEntity]


@dataclass(frozen=True)
class CoMentions:
    id: int
    name: str
    type: str
    total: int
    offset: int
    limit: int
    co_mentioned: list[RankedEntity]


@dataclass(frozen=True)
class Timeline:
    id: int
    name: str
    type: str
    mentions_by_month: list[tuple[str, int]]


@dataclass(frozen=True)
class QuoteList:
    total: int
    offset: int
    limit: int
    quotes: list[QuoteRow]


# A stored article: the extract contract's fields, typed by nutgraf's records (as /api/extract
# returns them), beside the corpus's own; ``records`` are the input records that had its
# content, the first one first.
StoredArticle = contract_model(
    "StoredArticle",
    id=(int, ...),
    record_id=(str | None, None),
    url=(str | None, None),
    source=(str | None, None),
    location=(str, ...),
    duplicate_of=(int | None, None),
    metadata=(dict[str, Any], ...),
    entity_ids=(dict[str, int], ...),
    records=(list[SourceRecord], ...),
)
# The extract contract of one article, typed by nutgraf's records.
ArticleContract = contract_model()


@dataclass(frozen=True)
class PlaceCount:
    """A place with a point, and how many of the selected articles name it."""

    name: str
    country: str | None
    lat: float
    lon: float
    feature: str
    articles: int


@dataclass(frozen=True)
class PlaceList:
    query: str
    total: int
    offset: int
    limit: int
    places: list[PlaceCount]
