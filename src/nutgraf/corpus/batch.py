"""extract-batch output: extracted articles as Parquet partitions, for a data lake, and the
way back into the store.

A partition (``part-NNNNN.parquet``) holds the export's typed contract columns
(``schema.arrow_schema``) plus what the store needs to take an article in: its content hash,
location, the record's own title and metadata. Records set aside are listed in
``rejects.jsonl``, in input order. ``load`` writes a folder of them through the ingest's
``Writer``, so the store ends as an ingest of the same inputs would leave it (exact
duplicates skipped, near-duplicates linked, rejects kept).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from nutgraf.corpus.ingest import COMMIT_EVERY, Extracted, IngestSummary, Writer
from nutgraf.corpus.sources import InputRecord, Rejected
from nutgraf.corpus.store import Store
from nutgraf.errors import InputError
from nutgraf.records import Article
from nutgraf.schema import arrow_schema, extensions

REJECTS = "rejects.jsonl"
RECORD_COLUMNS = [("hash", pa.string()), ("record_title", pa.string())]
REQUIRED = ("hash", "location", "body")


def batch_schema() -> pa.Schema:
    """A partition's schema: the export's columns, then what the store needs of the record."""
    return pa.schema([*arrow_schema(), *RECORD_COLUMNS])


class BatchError(ValueError):
    """A folder that is not extract-batch output, or a damaged file in it."""


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def row(extracted: Extracted, article: Article) -> dict[str, Any]:
    """One Parquet row: the export's columns (no corpus id yet) and the record's."""
    record = extracted.record
    return {
        "id": None, "record_id": record.id, "url": record.url, "source": record.source,
        **article.to_dict(),
        "hash": extracted.digest, "location": record.location, "record_title": record.title,
        "metadata": json.dumps(record.metadata, ensure_ascii=False),
    }  # fmt: skip


def write_part(rows: list[dict[str, Any]], path: Path) -> None:
    """Write a partition whole or not at all (a task run again overwrites it)."""
    partial = path.with_name(f".{path.name}.partial")
    pq.write_table(pa.Table.from_pylist(rows, schema=batch_schema()), partial)
    os.replace(partial, path)


def reject_line(location: str, reason: str, digest: str | None) -> str:
    """A line of ``rejects.jsonl``; an extraction's reject keeps its content hash, so that a
    copy of it elsewhere in the input is skipped on load, as ingest skips it."""
    return json.dumps({"location": location, "reason": reason, "hash": digest}) + "\n"


def check(folder: Path) -> tuple[list[Path], int]:
    """The partitions of an extract-batch folder and how many records it holds, or
    ``BatchError`` saying what is wrong (before anything is written)."""
    if not folder.is_dir():
        raise BatchError(f"no such folder: {folder}")
    parts = sorted(folder.glob("part-*.parquet"))
    if not parts and not (folder / REJECTS).exists():
        raise BatchError(f"{folder} holds no extract-batch output (part-*.parquet, {REJECTS})")
    records = sum(1 for _ in _rejects(folder))
    for part in parts:
        try:
            schema = pq.read_schema(part)
            for field in batch_schema():
                if field.name not in schema.names:
                    raise BatchError(
                        f"{part} is not extract-batch output: no column {field.name!r}"
                    )
                found = schema.field(field.name).type
                if found != field.type:
                    raise BatchError(f"{part}: column {field.name!r} is {found}, not {field.type}")
            table = pq.read_table(part, columns=list(REQUIRED))
        except (pa.ArrowException, OSError) as error:
            raise BatchError(f"{part} is not a readable Parquet file ({error})") from None
        for name in REQUIRED:
            if table.column(name).null_count:
                raise BatchError(f"{part}: column {name!r} has empty values")
        records += table.num_rows
    return parts, records


def load(
    folder: Path, store: Store, keep_duplicates: bool = False,
    on_record: Callable[[str], None] | None = None, commit_every: int = COMMIT_EVERY,
) -> IngestSummary:  # fmt: skip
    """Bring an extract-batch folder into the store; ``BatchError`` if it is not one."""
    parts, _ = check(folder)
    writer = Writer(store, keep_duplicates, commit_every, on_record)
    for part in parts:
        for batch in pq.ParquetFile(part).iter_batches(batch_size=256):
            for values in batch.to_pylist():
                record = InputRecord(
                    location=values["location"], content="", id=values["record_id"],
                    title=values["record_title"], url=values["url"], source=values["source"],
                    metadata=json.loads(values["metadata"] or "{}"),
                )  # fmt: skip
                if writer.is_new(record, values["hash"]):
                    writer.take(record, values["hash"], Article.from_dict(values, extensions()))
    for location, reason, digest in _rejects(folder):
        if digest is None:
            writer.set_aside(Rejected(location, reason))
        elif writer.is_new(record := InputRecord(location, content=""), digest):
            writer.take(record, digest, InputError(reason))
    return writer.finish()


def _rejects(folder: Path) -> Iterator[tuple[str, str, str | None]]:
    path = folder / REJECTS
    if not path.exists():
        return
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                entry = json.loads(line)
                yield str(entry["location"]), str(entry["reason"]), entry.get("hash")
            except (json.JSONDecodeError, KeyError, TypeError):
                raise BatchError(f"{path}:{number}: not a reject line") from None
