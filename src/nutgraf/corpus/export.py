"""Export the corpus: JSON Lines (the extract contract, one article a line), Parquet (the same
contract in typed columns, through pyarrow) or CSV (one flat row an article); columns and
types come from ``nutgraf.schema``. Each article keeps its corpus title and every field of its
input record: ``location`` and ``metadata`` (the input fields nutgraf has no column for); JSON
Lines also lists its exact copies under ``records``."""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from nutgraf.schema import arrow_schema, csv_columns, flat_row

FORMATS = ("jsonl", "parquet", "csv")
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".csv": "csv"}
STDOUT = "-"
ROWS_PER_GROUP = 1000


class ExportError(ValueError):
    """An output that cannot be written as asked."""


def export_format(path: str, file_format: str | None) -> str:
    """The format to write ``path`` in: the one asked for, else the extension's (JSON Lines for
    standard output); ``ExportError`` for a mismatch, an unknown one, or Parquet to stdout."""
    if file_format is not None and file_format not in FORMATS:
        raise ExportError(f"unknown format {file_format!r}; choose from {', '.join(FORMATS)}")
    if path == STDOUT:
        if file_format == "parquet":
            raise ExportError("Parquet cannot go to standard output: give a .parquet file")
        return file_format or "jsonl"
    implied = EXTENSIONS.get(Path(path).suffix.lower())
    if implied is None and file_format is None:
        known = ", ".join(EXTENSIONS)
        raise ExportError(f"cannot tell the format of {path}: name it {known}, or give --format")
    if implied is not None and file_format is not None and implied != file_format:
        raise ExportError(f"{path} has the extension of {implied}, not of {file_format}")
    return file_format or str(implied)


def export(articles: Iterable[dict[str, Any]], path: str | Path, file_format: str) -> int:
    """Write the articles to ``path`` (``-``: standard output) in ``file_format``; returns how
    many were written."""
    if file_format == "jsonl":
        return _jsonl(articles, str(path))
    if file_format == "parquet":
        return _parquet(articles, Path(path))
    if file_format == "csv":
        return _csv(articles, str(path))
    raise ExportError(f"unknown format {file_format!r}; choose from {', '.join(FORMATS)}")


@contextlib.contextmanager
def _text_out(path: str) -> Iterator[IO[str]]:
    if path == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
    else:
        with Path(path).open("w", encoding="utf-8", newline="") as out:
            yield out


def _jsonl(articles: Iterable[dict[str, Any]], path: str) -> int:
    count = 0
    with _text_out(path) as out:
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
            batch.append({**article, "metadata": json.dumps(article.get("metadata") or {})})
            count += 1
            if len(batch) >= ROWS_PER_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def _csv(articles: Iterable[dict[str, Any]], path: str) -> int:
    count = 0
    with _text_out(path) as out:
        writer = csv.DictWriter(out, fieldnames=csv_columns())
        writer.writeheader()
        for article in articles:
            writer.writerow(flat_row(article))
            count += 1
    return count
