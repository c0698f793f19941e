"""Input records from files and folders: plain text, HTML, JSON Lines and WARC, gzip'd or not.

Every record read becomes either an ``InputRecord`` or a ``Rejected`` with its location and
reason: nothing is dropped without a trace. A file can also be cut into ``Partition``s (runs of
records from a byte offset) that workers of a cluster read apart, giving the same records.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
JSONL_FIELDS = {"id", "title", "text", "html", "url", "published", "source"}


@dataclass(frozen=True)
class InputRecord:
    """One article to extract, with where it came from."""

    location: str
    content: str | bytes
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejected:
    """An input record set aside, and why."""

    location: str
    reason: str


Item = InputRecord | Rejected


def read_paths(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Every record under these files and folders, in a stable order."""
    for file in input_files(paths):
        if isinstance(file, Rejected):
            yield file
        else:
            yield from read_file(file)


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    """The files to read, in a stable order: each file given, and the known kinds of file in
    each folder given; a path that does not exist is rejected."""
    for path in map(Path, paths):
        if not path.exists():
            yield Rejected(str(path), "no such file or folder")
        elif path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _kind(p) is not None)
        else:
            yield path


def _kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_SUFFIXES:
        return "jsonl"
    if last in WARC_SUFFIXES:
        return "warc"
    if last in TEXT_SUFFIXES:
        return "file"
    return None


def holds_records(path: Path) -> bool:
    """Whether a file holds many records (JSON Lines, WARC), to be cut into partitions."""
    return _kind(path) in {"jsonl", "warc"}


def read_file(path: Path) -> Iterator[Item]:
    return read_partition(Partition(str(path)))


@dataclass(frozen=True)
class Partition:
    """A run of one file's records that a worker reads by itself: ``count`` JSON lines or WARC
    records (None: to the end) from byte ``offset`` (of the uncompressed stream for gzip'd JSON
    Lines), the first numbered ``first`` as locations number them. ``items`` is how many records
    it gives, for progress; a text or HTML file is one partition of one item."""

    path: str
    offset: int = 0
    first: int = 1
    count: int | None = None
    items: int = 1


def read_partition(partition: Partition) -> Iterator[Item]:
    """The records of one partition, exactly as ``read_paths`` gives them."""
    path = Path(partition.path)
    kind = _kind(path) or "file"
    where = (partition.offset, partition.first, partition.count)
    try:
        if kind == "jsonl":
            yield from read_jsonl(path, *where)
        elif kind == "warc":
            yield from read_warc(path, *where)
        else:
            yield InputRecord(location=str(path), content=_open(path).read(), id=path.stem)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield Rejected(str(path), f"unreadable file: {error}")


def partition_file(path: Path, size: int) -> list[Partition | Rejected]:
    """The file cut into partitions of ``size`` records, in one scan that parses nothing (a
    file that turns out unreadable ends with its ``Rejected``, as ``read_file`` gives it)."""
    if (_kind(path) or "file") == "file":
        return [Partition(str(path))]
    entries = _jsonl_entries(path) if _kind(path) == "jsonl" else _warc_entries(path)
    parts: list[Partition | Rejected] = []
    unreadable: list[Partition | Rejected] = []
    offset, first, count, items = 0, 1, 0, 0
    try:
        for at, number, is_item in entries:
            if count and is_item and items == size:
                parts.append(Partition(str(path), offset, first, count, items))
                count = items = 0
            if not count:
                offset, first = at, number
            count += 1
            items += is_item
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        unreadable.append(Rejected(str(path), f"unreadable file: {error}"))
    if count:
        parts.append(Partition(str(path), offset, first, count, items))
    return parts + unreadable


def _jsonl_entries(path: Path) -> Iterator[tuple[int, int, bool]]:
    """(byte offset, line number, not blank) of each line."""
    with _open(path) as lines:
        offset = 0
        for number, raw in enumerate(lines, start=1):
            yield offset, number, bool(raw.strip())
            offset += len(raw)


def _warc_entries(path: Path) -> Iterator[tuple[int, int, bool]]:
    """(byte offset, record number, an HTML response) of each WARC record."""
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for number, record in enumerate(records, start=1):
            yield records.get_record_offset(), number, _is_page(record)


def _open(path: Path) -> Any:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def read_jsonl(
    path: Path, offset: int = 0, first: int = 1, count: int | None = None
) -> Iterator[Item]:
    """One article a line: ``text`` or ``html``, optional ``id``, ``title``, ``url``,
    ``published``, ``source``; other fields are kept as metadata."""
    with _open(path) as lines:
        lines.seek(offset)
        for number, raw in enumerate(itertools.islice(lines, count), start=first):
            location = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                yield Rejected(location, f"malformed JSON line: {error}")
                continue
            if not isinstance(record, dict):
                yield Rejected(location, "JSON line is not an object")
                continue
            content = record.get("text") or record.get("html")
            if not isinstance(content, str):
                yield Rejected(location, "JSON line has no 'text' or 'html' string")
                continue
            yield InputRecord(
                location=location,
                content=content,
                id=_text(record.get("id")),
                title=_text(record.get("title")),
                url=_text(record.get("url")),
                published=_text(record.get("published")),
                source=_text(record.get("source")),
                metadata={k: v for k, v in record.items() if k not in JSONL_FIELDS},
            )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def read_warc(
    path: Path, offset: int = 0, first: int = 1, count: int | None = None
) -> Iterator[Item]:
    """HTML responses of a WARC file (warcio reads gzip'd ones too)."""
    with path.open("rb") as stream:
        stream.seek(offset)
        records = itertools.islice(ArchiveIterator(stream), count)
        for number, record in enumerate(records, start=first):
            if not _is_page(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            location = f"{path}#{number}"
            yield InputRecord(
                location=location,
                content=record.content_stream().read(),
                id=record.rec_headers.get_header("WARC-Record-ID"),
                url=url,
                metadata={"crawled": record.rec_headers.get_header("WARC-Date")},
            )


def _is_page(record: Any) -> bool:
    """Whether a WARC record is an HTTP response holding an HTML page."""
    if record.rec_type != "response":
        return False
    headers = record.http_headers
    content_type = headers.get_header("Content-Type") if headers else ""
    return not content_type or "html" in content_type.lower()


def count_records(paths: Iterable[str | Path]) -> int | None:
    """How many records ``read_paths`` will give, for a progress bar; None when a WARC file
    makes it unknown without reading it all."""
    total = 0
    for file in input_files(paths):
        kind = _kind(file) if isinstance(file, Path) else None
        if kind == "warc":
            return None
        if kind == "jsonl" and isinstance(file, Path):
            with _open(file) as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total
