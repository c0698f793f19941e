"""Export the corpus: JSON Lines (the extract contract, one article a line), Parquet (the same
contract in typed columns, through pyarrow) or CSV (one flat row an article); columns and
types come from ``nutgraf.schema``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from nutgraf.schema import arrow_schema, csv_columns, flat_row

FORMATS = ("jsonl", "parquet", "csv")
ROWS_PER_GROUP = 1000


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
    schema = arrow_schema()
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for article in articles:
            batch.append(article)
            count += 1
            if len(batch) >= ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def _csv(articles: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=csv_columns())
        writer.writeheader()
        for article in articles:
            writer.writerow(flat_row(article))
            count += 1
    return count
