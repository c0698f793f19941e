"""The API's responses as typed records, so that /openapi.json documents every one: each list
is a page (``total``, ``offset``, ``limit``) of the store's records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from nutgraf.corpus.store import ArticleRow, Facets, QuoteRow, RankedEntity, SourceRecord


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


class StoredArticle(BaseModel):
    """A stored article: the extract contract's fields (``schema_version``, ``body``,
    ``entities``, ``quotes``... as /api/extract returns them) beside these corpus fields;
    ``records`` are the input records that had its content, the first one first."""

    model_config = ConfigDict(extra="allow")

    id: int
    title: str | None
    record_id: str | None
    url: str | None
    source: str | None
    location: str
    duplicate_of: int | None
    metadata: dict[str, Any]
    entity_ids: dict[str, int]
    records: list[SourceRecord]
