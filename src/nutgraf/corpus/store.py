"""The corpus store: SQLite in WAL mode with FTS5, one file, no server.

SQLite because everything it needs ships with Python (FTS5 and BM25 included), a reader never
blocks the writer in WAL mode, and the file is the whole database. ``Store`` is the interface
the ingest and the queries use; a server database would implement the same methods.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from nutgraf.corpus.identity import corpus_key
from nutgraf.records import Article

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
    speaker_text TEXT
);
CREATE INDEX IF NOT EXISTS quotes_entity ON quotes(entity_id);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts
    USING fts5(title, body, content='articles', content_rowid='id');
"""
HIGHLIGHT = ("\x02", "\x03")
LIVE = "a.duplicate_of IS NULL"
SOURCE = "COALESCE(a.source, a.publisher, 'unknown')"
UNDATED = "undated"  # the month of articles without a date
PLACE_COLUMNS = ", ".join(
    f"json_extract(p.value, '$.{key}')" for key in ("name", "country", "lat", "lon", "feature")
)


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


class Store(Protocol):
    """What ingest and the queries need of a store."""

    def hashes(self) -> set[str]: ...
    def reject_locations(self) -> set[str]: ...
    def first_copies(self) -> Iterator[tuple[int, str, bytes]]: ...
    def add(self, articles: list[StoredArticle], rejects: list[tuple[str, str]]) -> list[int]: ...
    def search(
        self, query: str, entity: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 20, filters: Filters | None = None,
    ) -> list[SearchHit]: ...  # fmt: skip


class SQLiteStore:
    """The corpus in one SQLite file."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only:
            uri = f"file:{self.path}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.db = sqlite3.connect(self.path, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    # Writing ---------------------------------------------------------------------------------

    def hashes(self) -> set[str]:
        """The content hashes of every stored article (what a new run skips)."""
        return {row[0] for row in self.db.execute("SELECT hash FROM articles")}

    def reject_locations(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT location FROM rejects")}

    def first_copies(self) -> Iterator[tuple[int, str, bytes]]:
        """(id, hash, MinHash) of every article that is no near-duplicate of another."""
        sql = "SELECT id, hash, minhash FROM articles WHERE duplicate_of IS NULL"
        for row in self.db.execute(sql):
            yield int(row[0]), str(row[1]), bytes(row[2])

    def add(self, articles: list[StoredArticle], rejects: list[tuple[str, str]]) -> list[int]:
        """Store a batch in one transaction; returns the new articles' ids."""
        ids = []
        with self.db:
            for stored in articles:
                ids.append(self._add_article(stored))
            self.db.executemany(
                "INSERT OR IGNORE INTO rejects (location, reason) VALUES (?, ?)", rejects
            )
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
            "INSERT INTO quotes (article_id, entity_id, kind, text, speaker_text)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (article_id, local_to_corpus.get(q.speaker or ""), q.kind, q.text, q.speaker_text)
                for q in article.quotes
            ],
        )
        return article_id

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

    def search(
        self, query: str, entity: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 20, filters: Filters | None = None,
    ) -> list[SearchHit]:  # fmt: skip
        """Articles matching every word of ``query``, best first (BM25), with a snippet whose
        matches are marked with ``HIGHLIGHT``. ``filters`` narrows them; ``entity``, ``since``
        and ``until`` are the command line's shorthand for it, used when it is not given."""
        if not _match(query):
            return []
        matching, params = _matching(query, filters or Filters(entity, since=since, until=until))
        sql = (
            "SELECT a.id, a.title, a.published, a.source,"
            f" snippet(articles_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', 16) AS snippet,"
            f" bm25(articles_fts, 2.0, 1.0) AS score {matching} ORDER BY score LIMIT ?"
        )
        return [
            SearchHit(row[0], row[1], row[2], row[3], row[4], float(row[5]))
            for row in self.db.execute(sql, [*params, limit])
        ]

    def list_articles(
        self, filters: Filters | None = None, limit: int = 20, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Articles (no near-duplicates), newest first, undated last."""
        matching, params = _matching("", filters or Filters())
        sql = (
            f"SELECT a.id, a.title, a.published, {SOURCE} {matching}"
            " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?"
        )
        keys = ["id", "title", "published", "source"]
        rows = self.db.execute(sql, [*params, limit, offset])
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def search_facets(
        self, query: str = "", filters: Filters | None = None, top: int = 10
    ) -> dict[str, Any]:
        """What the articles matching ``query`` (every article when it has no word) and
        ``filters`` are: their number, and the most frequent entities, sources and months."""
        matching, params = _matching(query, filters or Filters())

        def counted(value: str) -> list[tuple[str, int]]:
            return _pairs(
                self.db.execute(
                    f"SELECT {value} AS value, COUNT(*) AS n {matching} GROUP BY value"
                    " ORDER BY n DESC, value LIMIT ?",
                    [*params, top],
                )
            )

        return {
            "articles": self.db.execute(f"SELECT COUNT(*) {matching}", params).fetchone()[0],
            "entities": [
                {"id": r[0], "name": r[1], "type": r[2], "articles": r[3]}
                for r in self.db.execute(
                    "SELECT e.id, e.name, e.type, COUNT(*) AS n FROM mentions m"
                    " JOIN entities e ON e.id = m.entity_id"
                    f" WHERE m.article_id IN (SELECT a.id {matching})"
                    " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?", [*params, top])
            ],
            "sources": counted(SOURCE),
            "months": counted(f"COALESCE(substr(a.published, 1, 7), '{UNDATED}')"),
        }  # fmt: skip

    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article: its contract, where it came from, its corpus title, and
        ``entity_ids``, the corpus entity of each of its entities (article id -> corpus id).
        None when there is no such article, or it is a near-duplicate kept without its facts."""
        row = self.db.execute(
            "SELECT id, record_id, url, source, location, title, duplicate_of, data"
            " FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None or row["data"] is None:
            return None
        contract = json.loads(row["data"])
        entities = [(e["id"], e["name"], e["type"]) for e in contract["entities"]]
        return {
            **contract,
            "id": row["id"], "record_id": row["record_id"], "url": row["url"],
            "source": row["source"], "location": row["location"],
            "duplicate_of": row["duplicate_of"], "title": row["title"] or contract["title"],
            "entity_ids": self.corpus_entity_ids(entities, article_id),
        }  # fmt: skip

    def corpus_entity_ids(
        self, entities: Iterable[tuple[str, str, str]], article_id: int | None = None
    ) -> dict[str, int]:
        """For an article's entities, ``(id, name, type)``, the corpus entities they are, as
        ingest joins them; an entity the corpus does not know is left out."""
        found = {}
        for local_id, name, entity_type in entities:
            corpus_id = self._existing_entity_id(name, entity_type, article_id)
            if corpus_id is not None:
                found[local_id] = corpus_id
        return found

    def find_entity(self, name: str) -> int | None:
        """The corpus entity best known by this name or alias (most mentioned first)."""
        row = self.db.execute(
            "SELECT e.id FROM entities e JOIN aliases a ON a.entity_id = e.id"
            " LEFT JOIN mentions m ON m.entity_id = e.id WHERE a.alias = ? OR e.name = ?"
            " GROUP BY e.id ORDER BY SUM(m.count) DESC LIMIT 1",
            (name, name),
        ).fetchone()
        return int(row[0]) if row else None

    def top_entities(self, entity_type: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """The entities named in the most articles (of one type when given)."""
        where = " AND e.type = ?" if entity_type else ""
        rows = self.db.execute(
            "SELECT e.id, e.name, e.type, COUNT(*) AS n, SUM(m.count) FROM entities e"
            " JOIN mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id"
            f" WHERE {LIVE}{where} GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
            [*([entity_type] if entity_type else []), limit],
        )
        keys = ["id", "name", "type", "articles", "mentions"]
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def entity(self, entity_id: int) -> dict[str, Any] | None:
        """An entity's id, name and type, or None."""
        row = self.db.execute(
            "SELECT id, name, type FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        return dict(row) if row else None

    def entity_profile(self, entity_id: int, top: int = 10) -> dict[str, Any]:
        """Aliases, titles, articles, mentions by month, co-mentioned entities, quotes.
        Raises ``KeyError`` for an id the corpus does not have."""
        db = self.db
        entity = self.entity(entity_id)
        if entity is None:
            raise KeyError(entity_id)
        return {
            **entity,
            "aliases": _pairs(db.execute(
                "SELECT alias, count FROM aliases WHERE entity_id = ? ORDER BY count DESC",
                (entity_id,))),
            "titles": _pairs(db.execute(
                "SELECT title, count FROM titles WHERE entity_id = ? ORDER BY count DESC",
                (entity_id,))),
            "articles": db.execute(
                "SELECT COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
                f" WHERE m.entity_id = ? AND {LIVE}", (entity_id,)).fetchone()[0],
            "mentions_by_month": self.mentions_by_month(entity_id),
            "co_mentioned": self.co_mentions(entity_id, top),
            "quotes": self.quotes(entity_id=entity_id, limit=top),
        }  # fmt: skip

    def mentions_by_month(self, entity_id: int) -> list[tuple[str, int]]:
        """(YYYY-MM, mentions) in month order; articles without a date count as 'undated'."""
        return _pairs(self.db.execute(
            f"SELECT COALESCE(substr(a.published, 1, 7), '{UNDATED}') AS month, SUM(m.count)"
            " FROM mentions m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.entity_id = ? AND {LIVE} GROUP BY month ORDER BY month",
            (entity_id,)))  # fmt: skip

    def co_mentions(self, entity_id: int, limit: int = 10) -> list[dict[str, Any]]:
        """The entities named in the most articles beside this one, with that number."""
        return [
            {"id": r[0], "name": r[1], "type": r[2], "articles": r[3]}
            for r in self.db.execute(
                "SELECT e.id, e.name, e.type, COUNT(*) AS n FROM mentions m1"
                " JOIN mentions m2 ON m2.article_id = m1.article_id"
                " AND m2.entity_id != m1.entity_id"
                " JOIN entities e ON e.id = m2.entity_id"
                " JOIN articles a ON a.id = m1.article_id"
                f" WHERE m1.entity_id = ? AND {LIVE}"
                " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?", (entity_id, limit))
        ]  # fmt: skip

    def quotes(self, entity_id: int | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Quotes, a speaker's when ``entity_id`` is given, newest first."""
        where = "WHERE q.entity_id = ?" if entity_id is not None else ""
        params: list[Any] = [entity_id] if entity_id is not None else []
        rows = self.db.execute(
            "SELECT q.kind, q.text, q.speaker_text, e.name, e.id, a.id, a.title, a.published"
            " FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" LEFT JOIN entities e ON e.id = q.entity_id {where}"
            " ORDER BY a.published DESC, q.id LIMIT ?",
            [*params, limit],
        )
        keys = ["kind", "text", "speaker_text", "speaker", "speaker_id", "article_id", "title",
                "published"]  # fmt: skip
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def stats(self) -> dict[str, Any]:
        def one(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        return {
            "articles": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL"),
            "near_duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "rejected": one("SELECT COUNT(*) FROM rejects"),
            "entities": one("SELECT COUNT(*) FROM entities"),
            "quotes": one("SELECT COUNT(*) FROM quotes"),
            "sources": _pairs(self.db.execute(
                "SELECT COALESCE(source, publisher, 'unknown'), COUNT(*) FROM articles"
                " WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 20")),
            "entity_types": _pairs(self.db.execute(
                "SELECT type, COUNT(*) FROM entities GROUP BY type ORDER BY 2 DESC")),
        }  # fmt: skip

    def place_counts(
        self, query: str = "", filters: Filters | None = None, limit: int = 500
    ) -> list[dict[str, Any]]:
        """The places with a point of the articles matching ``query`` and ``filters``, each
        with the number of those articles naming it, most named first."""
        matching, params = _matching(query, filters or Filters())
        rows = self.db.execute(
            f"SELECT {PLACE_COLUMNS}, COUNT(DISTINCT b.id) AS n"
            " FROM articles b, json_each(b.data, '$.places') p"
            f" WHERE b.id IN (SELECT a.id {matching})"
            " AND json_extract(p.value, '$.lat') IS NOT NULL"
            " GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 1 LIMIT ?",
            [*params, limit],
        )
        keys = ["name", "country", "lat", "lon", "feature", "articles"]
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def place_articles(
        self, name: str, country: str | None, filters: Filters | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """The articles matching ``filters`` that name this place, newest first."""
        matching, params = _matching("", filters or Filters())
        sql = (
            f"SELECT a.id, a.title, a.published, {SOURCE} {matching} AND a.id IN ("
            " SELECT b.id FROM articles b, json_each(b.data, '$.places') p"
            " WHERE json_extract(p.value, '$.name') = ?"
            " AND json_extract(p.value, '$.country') IS ?)"
            " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ?"
        )
        keys = ["id", "title", "published", "source"]
        rows = self.db.execute(sql, [*params, name, country, limit])
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def rejects(self) -> list[tuple[str, str]]:
        return [
            (r[0], r[1])
            for r in self.db.execute("SELECT location, reason FROM rejects ORDER BY id")
        ]

    def articles(self, include_duplicates: bool = False) -> Iterator[dict[str, Any]]:
        """Every stored article's contract (with its corpus id and source fields)."""
        where = "" if include_duplicates else "WHERE duplicate_of IS NULL"
        sql = f"SELECT id, record_id, url, source, data FROM articles {where} ORDER BY id"
        for row in self.db.execute(sql):
            if row[4] is None:
                continue
            yield {"id": row[0], "record_id": row[1], "url": row[2], "source": row[3],
                   **json.loads(row[4])}  # fmt: skip


def _match(query: str) -> str:
    """An FTS5 query for every word of ``query`` (each quoted, so no word is an operator)."""
    return " ".join(f'"{term}"' for term in re.findall(r"\w+", query))


def _matching(query: str, filters: Filters) -> tuple[str, list[Any]]:
    """FROM and WHERE for the live articles matching ``query`` (all of them when it has no
    word) and ``filters``, and their values."""
    conditions, params = filters.where()
    match = _match(query)
    if not match:
        return f"FROM articles a WHERE {LIVE}{conditions}", params
    return (
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        f" WHERE articles_fts MATCH ? AND {LIVE}{conditions}",
        [match, *params],
    )


def _pairs(rows: Iterable[Any]) -> list[tuple[str, int]]:
    return [(str(row[0]), int(row[1])) for row in rows]
