"""Export the corpus: JSON Lines (the extract contract, one article a line), Parquet (the same
contract in typed columns, through pyarrow) or CSV (one flat row an article)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("jsonl", "parquet", "csv")
ROWS_PER_GROUP = 1000

_SPAN = [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
SCHEMA = pa.schema([
    ("id", pa.int64()), ("record_id", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("schema_version", pa.int64()), ("title", pa.string()), ("dateline", pa.string()),
    ("agency", pa.string()), ("byline", pa.string()), ("publisher", pa.string()),
    ("published", pa.string()), ("body", pa.string()), ("boilerplate", pa.list_(pa.string())),
    ("entities", pa.list_(pa.struct([
        ("id", pa.string()), ("name", pa.string()), ("type", pa.string()),
        ("titles", pa.list_(pa.string())), ("mentions", pa.list_(pa.struct(_SPAN))),
    ]))),
    ("quotes", pa.list_(pa.struct([
        ("kind", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("speaker", pa.string()), ("speaker_text", pa.string()), ("speaker_start", pa.int64()),
        ("speaker_end", pa.int64()), ("cue", pa.string()), ("cue_start", pa.int64()),
        ("cue_end", pa.int64()),
    ]))),
    ("amounts", pa.list_(pa.struct([
        ("value", pa.float64()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("counted", pa.string()), ("unit", pa.string()),
    ]))),
    ("dates", pa.list_(pa.struct([*_SPAN, ("value", pa.string()), ("granularity", pa.string())]))),
    ("keywords", pa.list_(pa.string())),
    ("summary", pa.list_(pa.struct(_SPAN))),
    ("tone", pa.struct([
        ("tone", pa.float64()), ("positive", pa.float64()), ("negative", pa.float64()),
        ("polarity", pa.float64()), ("words", pa.int64()),
        ("sentences", pa.list_(pa.struct([*_SPAN, ("compound", pa.float64())]))),
    ])),
    ("themes", pa.list_(pa.struct([
        ("theme", pa.string()), ("score", pa.int64()), ("triggers", pa.list_(pa.struct(_SPAN))),
    ]))),
    ("counts", pa.list_(pa.struct([
        ("type", pa.string()), ("value", pa.float64()), ("text", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("counted", pa.string()),
    ]))),
    ("places", pa.list_(pa.struct([
        ("entity", pa.string()), ("name", pa.string()), ("country", pa.string()),
        ("admin1", pa.string()), ("feature", pa.string()), ("lat", pa.float64()),
        ("lon", pa.float64()), ("geonameid", pa.int64()), ("focus", pa.bool_()),
        ("mentions", pa.list_(pa.struct(_SPAN))), ("demonym", pa.bool_()),
    ]))),
    ("events", pa.list_(pa.struct([
        ("code", pa.string()), ("action", pa.string()), ("verb", pa.string()),
        ("verb_start", pa.int64()), ("verb_end", pa.int64()), ("actor", pa.string()),
        ("actor_text", pa.string()), ("actor_start", pa.int64()), ("actor_end", pa.int64()),
        ("actor_type", pa.string()), ("actor_country", pa.string()), ("target", pa.string()),
        ("target_text", pa.string()), ("target_start", pa.int64()), ("target_end", pa.int64()),
        ("target_type", pa.string()), ("target_country", pa.string()), ("place", pa.string()),
        ("date", pa.string()), ("negated", pa.bool_()), ("start", pa.int64()), ("end", pa.int64()),
    ]))),
])  # fmt: skip
CSV_COLUMNS = [
    "id", "record_id", "url", "source", "title", "publisher", "published", "dateline", "byline",
    "people", "organisations", "places", "quotes", "keywords", "summary", "body",
]  # fmt: skip


def export(articles: Iterable[dict[str, Any]], path: str | Path, file_format: str) -> int:
    """Write the articles to ``path`` in ``file_format``; returns how many were written."""
    if file_format == "jsonl":
        return _jsonl(articles, Path(path))
    if file_format == "parquet":
        return _parquet(articles, Path(path))
    if file_format == "csv":
        return _csv(articles, Path(path))
    raise ValueError(f"unknown format {file_format!r}; choose from {', '.join(FORMATS)}")


def _jsonl(articles: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
    return count


def _parquet(articles: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with pq.ParquetWriter(path, SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for article in articles:
            batch.append(article)
            count += 1
            if len(batch) >= ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
    return count


def _csv(articles: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for article in articles:
            writer.writerow(flat_row(article))
            count += 1
    return count


def flat_row(article: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: scalar fields, entity names by kind, counts, the summary as text."""

    def names(*types: str) -> str:
        return "; ".join(e["name"] for e in article["entities"] if e["type"] in types)

    row = {key: article.get(key) for key in CSV_COLUMNS}
    row.update(
        people=names("PERSON"),
        organisations=names("ORG"),
        places=names("GPE", "LOC"),
        quotes=len(article["quotes"]),
        keywords="; ".join(article["keywords"]),
        summary=" ".join(s["text"] for s in article["summary"]),
    )
    return row
