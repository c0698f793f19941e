"""The corpus store: SQLite in WAL mode with FTS5, one file, no server.

SQLite because everything it needs ships with Python (FTS5 and BM25 included), a reader never
blocks the writer in WAL mode, and the file is the whole database. ``Store`` is the interface
the ingest, the command line and the web use; every read returns typed records, and no SQL runs
outside this module. The database carries its schema version (``PRAGMA user_version``); a
database of an earlier version is migrated when opened for writing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import time
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import dateparser

from nutgraf import lexicon
from nutgraf.corpus.identity import corpus_key
from nutgraf.records import Article, QuoteMode

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    hash TEXT UNIQUE NOT NULL,
    location TEXT NOT NULL,
    record_id TEXT,
    url TEXT,
    source TEXT,
    title TEXT,
    publisher TEXT,
    published TEXT,
    body TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES articles(id),
    data TEXT,
    metadata TEXT,
    minhash BLOB
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS rejects (
    id INTEGER PRIMARY KEY,
    location TEXT UNIQUE NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    key TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL COLLATE NOCASE,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX IF NOT EXISTS aliases_alias ON aliases(alias);
CREATE TABLE IF NOT EXISTS titles (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    title TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity_id, title)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    count INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    entity_id INTEGER REFERENCES entities(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker_text TEXT,
    mode TEXT NOT NULL DEFAULT 'speech'
);
CREATE INDEX IF NOT EXISTS quotes_entity ON quotes(entity_id);
CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    location TEXT NOT NULL,
    record_id TEXT,
    url TEXT,
    source TEXT,
    title TEXT,
    metadata TEXT,
    UNIQUE (article_id, location)
);
CREATE INDEX IF NOT EXISTS records_record_id ON records(record_id);
CREATE INDEX IF NOT EXISTS articles_record_id ON articles(record_id);
CREATE TABLE IF NOT EXISTS article_entities (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (article_id, local_id)
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts
    USING fts5(title, body, content='articles', content_rowid='id');
"""
# 1: the first release (no records, no article_entities); 2: both; 3: quotes' mode
SCHEMA_VERSION = 3
# What a quote list shows unless asked otherwise: words said, not beliefs or stances.
SPEECH: tuple[QuoteMode, ...] = ("speech",)
MODES: tuple[QuoteMode, ...] = typing.get_args(QuoteMode)
HIGHLIGHT = ("\x02", "\x03")
LIVE = "a.duplicate_of IS NULL"
SOURCE = "COALESCE(a.source, a.publisher, 'unknown')"
UNDATED = "undated"  # the month of articles without a date
# How often (in SQLite virtual machine steps) a query under a time limit checks the clock.
CLOCK_STEPS = 100
# Words with no other character than these go to FTS5 as they are; any other word is quoted.
BAREWORD = re.compile(r"^[\w:*^,+]+$")
QUERY_TOKEN = re.compile(r'"(?:[^"]|"")*"?|[()]|[^\s()"]+')


class StoreError(Exception):
    """The file is no nutgraf database, or one that cannot be opened as asked."""


class QueryError(ValueError):
    """A search query or a filter value that cannot be read."""


class QueryTimeout(Exception):
    """A read that ran over the store's time limit."""


PLACE_KEY = ", ".join(
    f"json_extract(p.value, '$.{key}')" for key in ("name", "country", "lat", "lon")
)
PLACE_COLUMNS = f"{PLACE_KEY}, json_extract(p.value, '$.feature')"


@dataclass(frozen=True)
class StoredArticle:
    """An extracted article as the store keeps it."""

    hash: str
    location: str
    article: Article
    minhash: bytes
    record_id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    duplicate_of: int | None = None
    full: bool = True


@dataclass(frozen=True)
class SourceRecord:
    """One input record of an article: the first one read, or an exact copy read later (the
    same content under another id or location)."""

    location: str
    record_id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Copy:
    """An exact copy of the article whose content hash is ``hash``, to store as its record."""

    hash: str
    record: SourceRecord


def day(value: str) -> str:
    """A date as YYYY-MM-DD: ISO (checked), or what dateparser reads ("yesterday",
    "06/01/2016", "1 June 2016"); ``QueryError`` otherwise."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        try:
            return dt.date(*map(int, text.split("-"))).isoformat()
        except ValueError as error:
            raise QueryError(f"{value!r} is not a date ({error})") from None
    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"}) if text else None
    if parsed is None:
        raise QueryError(f"{value!r} is not a date (give YYYY-MM-DD)")
    return str(parsed.date().isoformat())


@dataclass(frozen=True)
class Filters:
    """Which articles a query looks at: every one that is no near-duplicate, narrowed to those
    naming an entity (by alias or corpus id), from a source, of a month (YYYY-MM, or
    ``UNDATED``), or published from ``since`` to ``until`` (YYYY-MM-DD)."""

    entity: str | None = None
    entity_id: int | None = None
    source: str | None = None
    month: str | None = None
    since: str | None = None
    until: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions on ``articles a``, each starting with AND, and their values."""
        undated = self.month == UNDATED
        conditions = [
            (self.since, " AND a.published >= ?"),
            (self.until, " AND a.published <= ?"),
            (None if undated else self.month, " AND substr(a.published, 1, 7) = ?"),
            (self.source, f" AND {SOURCE} = ?"),
            (self.entity_id, " AND a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)"),
            (self.entity, " AND a.id IN (SELECT m.article_id FROM mentions m WHERE m.entity_id"
                          " IN (SELECT entity_id FROM aliases WHERE alias = ?))"),
        ]  # fmt: skip
        used = [(value, sql) for value, sql in conditions if value is not None]
        sql = "".join(sql for _, sql in used) + (" AND a.published IS NULL" if undated else "")
        return sql, [value for value, _ in used]


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    score: float


@dataclass(frozen=True)
class ArticleRow:
    """An article in a list."""

    id: int
    title: str | None
    published: str | None
    source: str


@dataclass(frozen=True)
class EntityRow:
    """A corpus entity."""

    id: int
    name: str
    type: str


@dataclass(frozen=True)
class RankedEntity:
    """A corpus entity with the number of articles (and of mentions, where counted) it is in."""

    id: int
    name: str
    type: str
    articles: int
    mentions: int | None = None


@dataclass(frozen=True)
class QuoteRow:
    """A quote, its speaker (corpus entity, when known) and its article."""

    kind: str
    mode: str
    text: str
    speaker_text: str | None
    speaker: str | None
    speaker_id: int | None
    article_id: int
    title: str | None
    published: str | None


@dataclass(frozen=True)
class Facets:
    """What a set of articles is: their number, most frequent entities, sources and months."""

    articles: int
    entities: list[RankedEntity]
    sources: list[tuple[str, int]]
    months: list[tuple[str, int]]


@dataclass(frozen=True)
class EntityProfile:
    """An entity across the corpus."""

    id: int
    name: str
    type: str
    aliases: list[tuple[str, int]]
    titles: list[tuple[str, int]]
    articles: int
    mentions_by_month: list[tuple[str, int]]
    co_mentioned: list[RankedEntity]
    quotes: list[QuoteRow]


@dataclass(frozen=True)
class Stats:
    """What the corpus holds. ``articles`` + ``near_duplicates`` + ``duplicates`` +
    ``rejected`` is every input record read."""

    articles: int
    near_duplicates: int
    duplicates: int
    rejected: int
    entities: int
    quotes: int
    sources: list[tuple[str, int]]
    entity_types: list[tuple[str, int]]


@dataclass(frozen=True)
class StoredRecord:
    """A stored article as a reader gets it: ``contract`` (the extract contract), where it came
    from, its corpus title, ``entity_ids`` (the corpus entity of each of its entities), and
    ``records``, every input record that had its content (the first one first)."""

    id: int
    title: str | None
    duplicate_of: int | None
    contract: dict[str, Any]
    entity_ids: dict[str, int]
    records: list[SourceRecord]

    @property
    def first(self) -> SourceRecord:
        return self.records[0]

    def to_dict(self) -> dict[str, Any]:
        """The contract with the corpus fields beside it (the API's and the export's shape)."""
        return {
            **self.contract, "id": self.id, "record_id": self.first.record_id,
            "url": self.first.url, "source": self.first.source,
            "location": self.first.location, "duplicate_of": self.duplicate_of,
            "title": self.title, "metadata": self.first.metadata,
            "entity_ids": self.entity_ids,
            "records": [asdict(record) for record in self.records],
        }  # fmt: skip


class Store(Protocol):
    """What ingest, the command line and the web need of a store."""

    def record_keys(self) -> set[tuple[str, str]]: ...
    def hashes(self) -> set[str]: ...
    def reject_locations(self) -> set[str]: ...
    def first_copies(self) -> Iterator[tuple[int, str, bytes]]: ...
    def add(
        self, articles: list[StoredArticle], rejects: list[tuple[str, str]],
        copies: list[Copy] | None = None,
    ) -> list[int]: ...  # fmt: skip
    def search(
        self, query: str, entity: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 20, filters: Filters | None = None,
        offset: int = 0,
    ) -> list[SearchHit]: ...  # fmt: skip
    def list_articles(
        self, filters: Filters | None = None, limit: int = 20, offset: int = 0
    ) -> list[ArticleRow]: ...
    def search_facets(
        self, query: str = "", filters: Filters | None = None, top: int = 10
    ) -> Facets: ...
    def count_articles(self, query: str = "", filters: Filters | None = None) -> int: ...
    def article(self, article_id: int) -> StoredRecord | None: ...
    def find_record(self, record_id: str) -> int | None: ...
    def corpus_entity_ids(self, entities: Iterable[tuple[str, str, str]]) -> dict[str, int]: ...
    def find_entity(self, name: str) -> int | None: ...
    def top_entities(
        self, entity_type: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[RankedEntity]: ...
    def count_entities(self, entity_type: str | None = None) -> int: ...
    def entity(self, entity_id: int) -> EntityRow | None: ...
    def entity_profile(self, entity_id: int, top: int = 10) -> EntityProfile: ...
    def mentions_by_month(self, entity_id: int) -> list[tuple[str, int]]: ...
    def co_mentions(
        self, entity_id: int, limit: int = 10, offset: int = 0
    ) -> list[RankedEntity]: ...
    def count_co_mentions(self, entity_id: int) -> int: ...
    def quotes(
        self, entity_id: int | None = None, limit: int = 50, offset: int = 0,
        modes: Sequence[QuoteMode] = SPEECH,
    ) -> list[QuoteRow]: ...  # fmt: skip
    def count_quotes(
        self, entity_id: int | None = None, modes: Sequence[QuoteMode] = SPEECH
    ) -> int: ...
    def stats(self) -> Stats: ...
    def place_counts(
        self, query: str = "", filters: Filters | None = None, limit: int = 500, offset: int = 0
    ) -> list[dict[str, Any]]: ...
    def count_places(self, query: str = "", filters: Filters | None = None) -> int: ...
    def place_articles(
        self, name: str, country: str | None, filters: Filters | None = None, limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]: ...  # fmt: skip
    def count_place_articles(
        self, name: str, country: str | None, filters: Filters | None = None
    ) -> int: ...
    def rejects(self) -> list[tuple[str, str]]: ...
    def articles(self, include_duplicates: bool = False) -> Iterator[StoredRecord]: ...
    def close(self) -> None: ...


def migrate(path: str | Path) -> None:
    """Bring a database of an earlier version to this one (a no-op when it is current);
    ``StoreError`` when it is no nutgraf database or cannot be written."""
    if _version(path) < SCHEMA_VERSION:
        SQLiteStore(path).close()


def _version(path: str | Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a nutgraf database ({error})") from None


class SQLiteStore:
    """The corpus in one SQLite file. A store opened with a ``time_limit`` (seconds) stops any
    read that runs longer with ``QueryTimeout``."""

    def __init__(
        self, path: str | Path, read_only: bool = False, time_limit: float | None = None
    ) -> None:
        self.path = Path(path)
        self.time_limit = time_limit
        try:
            if read_only:
                uri = f"file:{self.path}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(SCHEMA)
                self._migrate()
            self.db.execute("SELECT 1 FROM articles LIMIT 1")
            version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} is not a nutgraf database ({error})") from None
        if version != SCHEMA_VERSION:
            self.db.close()
            raise StoreError(
                f"{self.path} is a nutgraf database of version {version}, this nutgraf reads "
                f"version {SCHEMA_VERSION}: open it for writing once to migrate it"
            )
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        """Version 0 or 1 to 2: the records table is new and empty (earlier versions kept no
        exact copies); the article -> corpus entity map is filled as the first release read it
        (same key, or the one person of the article with that surname). To 3: each quote's mode,
        read from the stored article's quote (its cue, for an article stored before modes)."""
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version >= SCHEMA_VERSION:
            return
        with self.db:
            columns = {row[1] for row in self.db.execute("PRAGMA table_info(quotes)")}
            if "mode" not in columns:
                self.db.execute("ALTER TABLE quotes ADD COLUMN mode TEXT NOT NULL DEFAULT 'speech'")
            self._fill_quote_modes()
            rows = self.db.execute(
                "SELECT id, data FROM articles WHERE data IS NOT NULL AND id NOT IN"
                " (SELECT article_id FROM article_entities)"
            ).fetchall()
            for article_id, data in rows:
                for entity in json.loads(data)["entities"]:
                    corpus_id = self._existing_entity_id(entity["name"], entity["type"], article_id)
                    if corpus_id is not None:
                        self._map_entity(article_id, entity["id"], corpus_id)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _fill_quote_modes(self) -> None:
        stored = self.db.execute("SELECT id, data FROM articles WHERE data IS NOT NULL")
        for article_id, data in stored.fetchall():
            rows = self.db.execute(
                "SELECT id FROM quotes WHERE article_id = ? ORDER BY id", (article_id,)
            )
            ids = [row[0] for row in rows]
            quotes = json.loads(data)["quotes"]
            modes = [q.get("mode") or mode_of_cue(q.get("cue")) for q in quotes]
            self.db.executemany(
                "UPDATE quotes SET mode = ? WHERE id = ?", list(zip(modes, ids, strict=False))
            )

    # Writing ---------------------------------------------------------------------------------

    def record_keys(self) -> set[tuple[str, str]]:
        """(content hash, record id or else location) of every stored input record: what a
        new run skips as already read."""
        rows = self.db.execute(
            "SELECT hash, COALESCE(record_id, location) FROM articles UNION"
            " SELECT a.hash, COALESCE(r.record_id, r.location) FROM records r"
            " JOIN articles a ON a.id = r.article_id"
        )
        return {(str(row[0]), str(row[1])) for row in rows}

    def hashes(self) -> set[str]:
        """The content hashes of every stored article."""
        return {row[0] for row in self.db.execute("SELECT hash FROM articles")}

    def reject_locations(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT location FROM rejects")}

    def first_copies(self) -> Iterator[tuple[int, str, bytes]]:
        """(id, hash, MinHash) of every article that is no near-duplicate of another."""
        sql = "SELECT id, hash, minhash FROM articles WHERE duplicate_of IS NULL"
        for row in self.db.execute(sql):
            yield int(row[0]), str(row[1]), bytes(row[2])

    def add(
        self, articles: list[StoredArticle], rejects: list[tuple[str, str]],
        copies: list[Copy] | None = None,
    ) -> list[int]:  # fmt: skip
        """Store a batch in one transaction: articles, rejects, and exact copies (records of
        articles stored before or in this batch); returns the new articles' ids."""
        ids = []
        with self.db:
            for stored in articles:
                ids.append(self._add_article(stored))
            self.db.executemany(
                "INSERT OR IGNORE INTO rejects (location, reason) VALUES (?, ?)", rejects
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO records (article_id, location, record_id, url, source,"
                " title, metadata) SELECT id, ?, ?, ?, ?, ?, ? FROM articles WHERE hash = ?",
                [
                    (c.record.location, c.record.record_id, c.record.url, c.record.source,
                     c.record.title, json.dumps(c.record.metadata, ensure_ascii=False), c.hash)
                    for c in copies or []
                ],
            )  # fmt: skip
        return ids

    def _add_article(self, stored: StoredArticle) -> int:
        article = stored.article
        cursor = self.db.execute(
            "INSERT INTO articles (hash, location, record_id, url, source, title, publisher,"
            " published, body, duplicate_of, data, metadata, minhash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                stored.hash, stored.location, stored.record_id, stored.url, stored.source,
                stored.title or article.title, article.publisher, article.published,
                article.body if stored.full else "", stored.duplicate_of,
                json.dumps(article.to_dict(), ensure_ascii=False) if stored.full else None,
                json.dumps(stored.metadata, ensure_ascii=False), stored.minhash,
            ),
        )  # fmt: skip
        article_id = int(cursor.lastrowid or 0)
        if not stored.full:
            return article_id
        self.db.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, stored.title or article.title or "", article.body),
        )
        local_to_corpus = {}
        for entity in article.entities:
            entity_id = self._entity_id(entity.name, entity.type)
            local_to_corpus[entity.id] = entity_id
            self._map_entity(article_id, entity.id, entity_id)
            self.db.execute(
                "INSERT INTO mentions (article_id, entity_id, count) VALUES (?, ?, ?)"
                " ON CONFLICT (article_id, entity_id) DO UPDATE SET count = count + excluded.count",
                (article_id, entity_id, len(entity.mentions)),
            )
            for alias in {m.text for m in entity.mentions} | {entity.name}:
                self._count("aliases", "alias", entity_id, alias)
            for title in entity.titles:
                self._count("titles", "title", entity_id, title)
        self.db.executemany(
            "INSERT INTO quotes (article_id, entity_id, kind, text, speaker_text, mode)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    local_to_corpus.get(q.speaker or ""),
                    q.kind,
                    q.text,
                    q.speaker_text,
                    q.mode,
                )
                for q in article.quotes
            ],
        )
        return article_id

    def _map_entity(self, article_id: int, local_id: str, entity_id: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO article_entities (article_id, local_id, entity_id)"
            " VALUES (?, ?, ?)",
            (article_id, local_id, entity_id),
        )

    def _count(self, table: str, column: str, entity_id: int, value: str) -> None:
        self.db.execute(
            f"INSERT INTO {table} (entity_id, {column}, count) VALUES (?, ?, 1)"
            f" ON CONFLICT (entity_id, {column}) DO UPDATE SET count = count + 1",
            (entity_id, value),
        )

    def _entity_id(self, name: str, entity_type: str) -> int:
        """The corpus entity of an article's entity, made when the corpus has none yet."""
        found = self._existing_entity_id(name, entity_type)
        if found is not None:
            return found
        cursor = self.db.execute(
            "INSERT INTO entities (key, name, type) VALUES (?, ?, ?)",
            (corpus_key(name, entity_type), name, entity_type),
        )
        return int(cursor.lastrowid or 0)

    def _existing_entity_id(
        self, name: str, entity_type: str, article_id: int | None = None
    ) -> int | None:
        """Same key, or for a lone surname, the one person of the corpus (of the article, when
        ``article_id`` is given) with that surname (two or more: it stays apart)."""
        key = corpus_key(name, entity_type)
        row = self.db.execute("SELECT id FROM entities WHERE key = ?", (key,)).fetchone()
        if row:
            return int(row[0])
        surname = key.removeprefix("person:")
        if entity_type != "PERSON" or " " in surname:
            return None
        sql = "SELECT id FROM entities WHERE type = 'PERSON' AND key LIKE ?"
        params: list[Any] = [f"person:% {surname}"]
        if article_id is not None:
            sql += " AND id IN (SELECT entity_id FROM mentions WHERE article_id = ?)"
            params.append(article_id)
        rows = self.db.execute(sql, params).fetchall()
        return int(rows[0][0]) if len(rows) == 1 else None

    # Reading ---------------------------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """Every row of a read, under the time limit when there is one."""
        limit = self.time_limit
        if limit is not None:
            deadline = time.monotonic() + limit
            self.db.set_progress_handler(lambda: int(time.monotonic() > deadline), CLOCK_STEPS)
        try:
            return self.db.execute(sql, list(params)).fetchall()
        except sqlite3.OperationalError as error:
            if str(error) == "interrupted":
                raise QueryTimeout(f"the query ran over the time limit of {limit} s") from None
            if " MATCH " in sql:  # the only text from outside the program: a search query
                raise QueryError(f"malformed search query: {error}") from None
            raise
        finally:
            if limit is not None:
                self.db.set_progress_handler(None, 0)

    def _one(self, sql: str, params: Iterable[Any] = ()) -> int:
        return int(self._rows(sql, params)[0][0])

    def search(
        self, query: str, entity: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 20, filters: Filters | None = None,
        offset: int = 0,
    ) -> list[SearchHit]:  # fmt: skip
        """Articles matching ``query`` (FTS5's syntax, see ``fts_query``), best first (BM25),
        with a snippet whose matches are marked with ``HIGHLIGHT``. ``filters`` narrows them;
        ``entity``, ``since`` and ``until`` are the command line's shorthand for it, used when
        it is not given."""
        if not fts_query(query):
            return []
        matching, params = _matching(query, filters or Filters(entity, since=since, until=until))
        sql = (
            "SELECT a.id, a.title, a.published, a.source,"
            f" snippet(articles_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', 16) AS snippet,"
            f" bm25(articles_fts, 2.0, 1.0) AS score {matching} ORDER BY score LIMIT ? OFFSET ?"
        )
        return [
            SearchHit(row[0], row[1], row[2], row[3], row[4], float(row[5]))
            for row in self._rows(sql, [*params, limit, offset])
        ]

    def list_articles(
        self, filters: Filters | None = None, limit: int = 20, offset: int = 0
    ) -> list[ArticleRow]:
        """Articles (no near-duplicates), newest first, undated last."""
        matching, params = _matching("", filters or Filters())
        sql = (
            f"SELECT a.id, a.title, a.published, {SOURCE} {matching}"
            " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?"
        )
        return [ArticleRow(*row) for row in self._rows(sql, [*params, limit, offset])]

    def search_facets(
        self, query: str = "", filters: Filters | None = None, top: int = 10
    ) -> Facets:
        """What the articles matching ``query`` (every article when it has no word) and
        ``filters`` are: their number, and the most frequent entities, sources and months."""
        matching, params = _matching(query, filters or Filters())

        def counted(value: str) -> list[tuple[str, int]]:
            return _pairs(self._rows(
                f"SELECT {value} AS value, COUNT(*) AS n {matching} GROUP BY value"
                " ORDER BY n DESC, value LIMIT ?", [*params, top]))  # fmt: skip

        return Facets(
            articles=self.count_articles(query, filters),
            entities=[
                RankedEntity(*row)
                for row in self._rows(
                    "SELECT e.id, e.name, e.type, COUNT(*) AS n FROM mentions m"
                    " JOIN entities e ON e.id = m.entity_id"
                    f" WHERE m.article_id IN (SELECT a.id {matching})"
                    " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?", [*params, top])
            ],
            sources=counted(SOURCE),
            months=counted(f"COALESCE(substr(a.published, 1, 7), '{UNDATED}')"),
        )  # fmt: skip

    def count_articles(self, query: str = "", filters: Filters | None = None) -> int:
        """How many articles ``search`` (or ``list_articles``, for no query) gives in all."""
        matching, params = _matching(query, filters or Filters())
        return self._one(f"SELECT COUNT(*) {matching}", params)

    def article(self, article_id: int) -> StoredRecord | None:
        """One article with its facts and records; None when there is no such article, or it
        is a near-duplicate kept without its facts."""
        rows = self._rows(
            "SELECT id, location, record_id, url, source, title, duplicate_of, data, metadata"
            " FROM articles WHERE id = ? AND data IS NOT NULL",
            (article_id,),
        )
        return self._stored_record(rows[0]) if rows else None

    def _stored_record(self, row: sqlite3.Row) -> StoredRecord:
        contract = json.loads(row["data"])
        first = SourceRecord(row["location"], row["record_id"], row["url"], row["source"],
                             row["title"], json.loads(row["metadata"] or "{}"))  # fmt: skip
        copies = [
            SourceRecord(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "{}"))
            for r in self._rows(
                "SELECT location, record_id, url, source, title, metadata FROM records"
                " WHERE article_id = ? ORDER BY id", (row["id"],))
        ]  # fmt: skip
        entity_ids = {
            str(r[0]): int(r[1])
            for r in self._rows(
                "SELECT local_id, entity_id FROM article_entities WHERE article_id = ?",
                (row["id"],))
        }  # fmt: skip
        return StoredRecord(
            id=row["id"], title=row["title"] or contract["title"],
            duplicate_of=row["duplicate_of"], contract=contract, entity_ids=entity_ids,
            records=[first, *copies],
        )  # fmt: skip

    def find_record(self, record_id: str) -> int | None:
        """The article of an input record, by the record's id (a copy's id leads to the article
        it is a copy of)."""
        rows = self._rows(
            "SELECT id FROM articles WHERE record_id = ?"
            " UNION ALL SELECT article_id FROM records WHERE record_id = ? LIMIT 1",
            (record_id, record_id),
        )
        return int(rows[0][0]) if rows else None

    def corpus_entity_ids(self, entities: Iterable[tuple[str, str, str]]) -> dict[str, int]:
        """For a pasted article's entities, ``(id, name, type)``, the corpus entities they are,
        as ingest would join them; an entity the corpus does not know is left out."""
        found = {}
        for local_id, name, entity_type in entities:
            corpus_id = self._existing_entity_id(name, entity_type)
            if corpus_id is not None:
                found[local_id] = corpus_id
        return found

    def find_entity(self, name: str) -> int | None:
        """The corpus entity best known by this name or alias (most mentioned first)."""
        rows = self._rows(
            "SELECT e.id FROM entities e JOIN aliases a ON a.entity_id = e.id"
            " LEFT JOIN mentions m ON m.entity_id = e.id WHERE a.alias = ? OR e.name = ?"
            " GROUP BY e.id ORDER BY SUM(m.count) DESC LIMIT 1",
            (name, name),
        )
        return int(rows[0][0]) if rows else None

    def top_entities(
        self, entity_type: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[RankedEntity]:
        """The entities named in the most articles (of one type when given)."""
        where = " AND e.type = ?" if entity_type else ""
        rows = self._rows(
            "SELECT e.id, e.name, e.type, COUNT(*) AS n, SUM(m.count) FROM entities e"
            " JOIN mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id"
            f" WHERE {LIVE}{where} GROUP BY e.id ORDER BY n DESC, e.name LIMIT ? OFFSET ?",
            [*([entity_type] if entity_type else []), limit, offset],
        )
        return [RankedEntity(*row) for row in rows]

    def count_entities(self, entity_type: str | None = None) -> int:
        """How many entities ``top_entities`` lists in all."""
        where = " AND e.type = ?" if entity_type else ""
        return self._one(
            "SELECT COUNT(DISTINCT e.id) FROM entities e JOIN mentions m ON m.entity_id = e.id"
            f" JOIN articles a ON a.id = m.article_id WHERE {LIVE}{where}",
            [entity_type] if entity_type else [],
        )

    def entity(self, entity_id: int) -> EntityRow | None:
        """An entity's id, name and type, or None."""
        rows = self._rows("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,))
        return EntityRow(*rows[0]) if rows else None

    def entity_profile(self, entity_id: int, top: int = 10) -> EntityProfile:
        """Aliases, titles, articles, mentions by month, co-mentioned entities, quotes.
        Raises ``KeyError`` for an id the corpus does not have."""
        entity = self.entity(entity_id)
        if entity is None:
            raise KeyError(entity_id)
        return EntityProfile(
            id=entity.id, name=entity.name, type=entity.type,
            aliases=_pairs(self._rows(
                "SELECT alias, count FROM aliases WHERE entity_id = ? ORDER BY count DESC",
                (entity_id,))),
            titles=_pairs(self._rows(
                "SELECT title, count FROM titles WHERE entity_id = ? ORDER BY count DESC",
                (entity_id,))),
            articles=self._one(
                "SELECT COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
                f" WHERE m.entity_id = ? AND {LIVE}", (entity_id,)),
            mentions_by_month=self.mentions_by_month(entity_id),
            co_mentioned=self.co_mentions(entity_id, top),
            quotes=self.quotes(entity_id=entity_id, limit=top),
        )  # fmt: skip

    def mentions_by_month(self, entity_id: int) -> list[tuple[str, int]]:
        """(YYYY-MM, mentions) in month order; articles without a date count as 'undated'."""
        return _pairs(self._rows(
            f"SELECT COALESCE(substr(a.published, 1, 7), '{UNDATED}') AS month, SUM(m.count)"
            " FROM mentions m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.entity_id = ? AND {LIVE} GROUP BY month ORDER BY month",
            (entity_id,)))  # fmt: skip

    _CO_MENTIONS = (
        " FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id"
        " AND m2.entity_id != m1.entity_id JOIN entities e ON e.id = m2.entity_id"
        f" JOIN articles a ON a.id = m1.article_id WHERE m1.entity_id = ? AND {LIVE}"
    )

    def co_mentions(self, entity_id: int, limit: int = 10, offset: int = 0) -> list[RankedEntity]:
        """The entities named in the most articles beside this one, with that number."""
        return [
            RankedEntity(*row)
            for row in self._rows(
                f"SELECT e.id, e.name, e.type, COUNT(*) AS n {self._CO_MENTIONS}"
                " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ? OFFSET ?",
                (entity_id, limit, offset))
        ]  # fmt: skip

    def count_co_mentions(self, entity_id: int) -> int:
        return self._one(f"SELECT COUNT(DISTINCT e.id) {self._CO_MENTIONS}", (entity_id,))

    def quotes(
        self,
        entity_id: int | None = None,
        limit: int = 50,
        offset: int = 0,
        modes: Sequence[QuoteMode] = SPEECH,
    ) -> list[QuoteRow]:
        """Quotes of these modes (words said, by default), a speaker's when ``entity_id`` is
        given, newest first."""
        where, params = _quote_filter(entity_id, modes)
        rows = self._rows(
            "SELECT q.kind, q.mode, q.text, q.speaker_text, e.name, e.id, a.id, a.title,"
            " a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" LEFT JOIN entities e ON e.id = q.entity_id {where}"
            " ORDER BY a.published DESC, q.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [QuoteRow(*row) for row in rows]

    def count_quotes(
        self, entity_id: int | None = None, modes: Sequence[QuoteMode] = SPEECH
    ) -> int:
        where, params = _quote_filter(entity_id, modes)
        return self._one(f"SELECT COUNT(*) FROM quotes q {where}", params)

    def stats(self) -> Stats:
        return Stats(
            articles=self._one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL"),
            near_duplicates=self._one(
                "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            duplicates=self._one("SELECT COUNT(*) FROM records"),
            rejected=self._one("SELECT COUNT(*) FROM rejects"),
            entities=self._one("SELECT COUNT(*) FROM entities"),
            quotes=self._one("SELECT COUNT(*) FROM quotes"),
            sources=_pairs(self._rows(
                "SELECT COALESCE(source, publisher, 'unknown'), COUNT(*) FROM articles"
                " WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 20")),
            entity_types=_pairs(self._rows(
                "SELECT type, COUNT(*) FROM entities GROUP BY type ORDER BY 2 DESC")),
        )  # fmt: skip

    def place_counts(
        self, query: str = "", filters: Filters | None = None, limit: int = 500, offset: int = 0
    ) -> list[dict[str, Any]]:
        """The places with a point of the articles matching ``query`` and ``filters``, each
        with the number of those articles naming it, most named first."""
        placed, params = _placed(query, filters or Filters())
        rows = self._rows(
            f"SELECT {PLACE_COLUMNS}, COUNT(DISTINCT b.id) AS n {placed}"
            " GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 1 LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        keys = ["name", "country", "lat", "lon", "feature", "articles"]
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def count_places(self, query: str = "", filters: Filters | None = None) -> int:
        placed, params = _placed(query, filters or Filters())
        return self._one(
            f"SELECT COUNT(*) FROM (SELECT 1 {placed} GROUP BY {PLACE_KEY})",
            params,
        )

    def place_articles(
        self,
        name: str,
        country: str | None,
        filters: Filters | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """The articles matching ``filters`` that name this place, newest first."""
        naming, params = _naming_place(name, country, filters or Filters())
        rows = self._rows(
            f"SELECT a.id, a.title, a.published, {SOURCE} {naming}"
            " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        keys = ["id", "title", "published", "source"]
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def count_place_articles(
        self, name: str, country: str | None, filters: Filters | None = None
    ) -> int:
        naming, params = _naming_place(name, country, filters or Filters())
        return self._one(f"SELECT COUNT(*) {naming}", params)

    def rejects(self) -> list[tuple[str, str]]:
        return _reasons(self._rows("SELECT location, reason FROM rejects ORDER BY id"))

    def articles(self, include_duplicates: bool = False) -> Iterator[StoredRecord]:
        """Every stored article with its facts, in corpus order."""
        where = "" if include_duplicates else "AND duplicate_of IS NULL"
        sql = (
            "SELECT id, location, record_id, url, source, title, duplicate_of, data, metadata"
            f" FROM articles WHERE data IS NOT NULL {where} ORDER BY id"
        )
        for row in self.db.execute(sql):
            yield self._stored_record(row)


def fts_query(query: str) -> str:
    """The query in FTS5's syntax: phrases in double quotes, AND, OR, NOT, NEAR(...), prefix*,
    ^initial, column filters (``title:Blair``), parentheses; ``-word`` is ``NOT word``. A word
    holding other punctuation ("U.S.", "well-known") is matched as a phrase of its words;
    ``QueryError`` for a query that can only exclude."""
    tokens = QUERY_TOKEN.findall(query)
    out: list[str] = []
    for token in tokens:
        if token.startswith("-") and len(token) > 1:
            out.append("NOT")
            token = token[1:]
        if token.startswith('"') or token in "()" or BAREWORD.match(token):
            out.append(token)
            continue
        column, colon, words = token.rpartition(":")
        prefix = f"{column}:" if colon and BAREWORD.match(column) else ""
        words = token[len(prefix) :]
        star = "*" if words.endswith("*") else ""
        phrase = words.removesuffix("*").replace('"', '""')
        out.append(f'{prefix}"{phrase}"{star}')
    if out and out[0] == "NOT":
        raise QueryError(f"malformed search query {query!r}: say what to match before NOT or -")
    return " ".join(out)


def _matching(query: str, filters: Filters) -> tuple[str, list[Any]]:
    """FROM and WHERE for the live articles matching ``query`` (all of them when it is empty)
    and ``filters``, and their values."""
    conditions, params = filters.where()
    match = fts_query(query)
    if not match:
        return f"FROM articles a WHERE {LIVE}{conditions}", params
    return (
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        f" WHERE articles_fts MATCH ? AND {LIVE}{conditions}",
        [match, *params],
    )


def _placed(query: str, filters: Filters) -> tuple[str, list[Any]]:
    """FROM and WHERE for the places with a point (``p``) of the matching articles (``b``)."""
    matching, params = _matching(query, filters)
    return (
        "FROM articles b, json_each(b.data, '$.places') p"
        f" WHERE b.id IN (SELECT a.id {matching})"
        " AND json_extract(p.value, '$.lat') IS NOT NULL",
        params,
    )


def _naming_place(name: str, country: str | None, filters: Filters) -> tuple[str, list[Any]]:
    """FROM and WHERE for the matching articles (``a``) that name this place."""
    matching, params = _matching("", filters)
    return (
        f"{matching} AND a.id IN (SELECT b.id FROM articles b, json_each(b.data, '$.places') p"
        " WHERE json_extract(p.value, '$.name') = ? AND json_extract(p.value, '$.country') IS ?)",
        [*params, name, country],
    )


def _pairs(rows: Iterable[Any]) -> list[tuple[str, int]]:
    return [(str(row[0]), int(row[1])) for row in rows]


def _reasons(rows: Iterable[Any]) -> list[tuple[str, str]]:
    return [(str(row[0]), str(row[1])) for row in rows]


def _quote_filter(entity_id: int | None, modes: Sequence[QuoteMode]) -> tuple[str, list[Any]]:
    """The WHERE clause and its parameters for quotes of these modes, of one speaker or all."""
    clauses = [f"q.mode IN ({', '.join('?' for _ in modes)})"]
    params: list[Any] = list(modes)
    if entity_id is not None:
        clauses.append("q.entity_id = ?")
        params.append(entity_id)
    return "WHERE " + " AND ".join(clauses), params


def mode_of_cue(cue: str | None) -> QuoteMode:
    """The mode of a quote stored before quotes had one, from its cue's first word: belief
    and stance verbs by nutgraf's word lists, anything else speech."""
    word = (cue or "").split()[0].lower() if cue else ""
    if word in lexicon.inflected(lexicon.with_role("words", "belief")):
        return "belief"
    stance = lexicon.with_role("words", "stance") - lexicon.with_role("words", "speech")
    return "stance" if word in lexicon.inflected(stance) else "speech"
