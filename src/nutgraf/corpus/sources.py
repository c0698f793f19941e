"""Input records from files and folders: plain text, HTML, JSON Lines and WARC, gzip'd or not.

Every record read becomes either an ``InputRecord`` or a ``Rejected`` with its location and
reason: nothing is dropped without a trace.
"""

from __future__ import annotations

import gzip
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
    for path in map(Path, paths):
        if not path.exists():
            yield Rejected(str(path), "no such file or folder")
        elif path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if _kind(file) is not None:
                    yield from read_file(file)
        else:
            yield from read_file(path)


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


def read_file(path: Path) -> Iterator[Item]:
    kind = _kind(path) or "file"
    try:
        if kind == "jsonl":
            yield from read_jsonl(path)
        elif kind == "warc":
            yield from read_warc(path)
        else:
            yield InputRecord(location=str(path), content=_open(path).read(), id=path.stem)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        yield Rejected(str(path), f"unreadable file: {error}")


def _open(path: Path) -> Any:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def read_jsonl(path: Path) -> Iterator[Item]:
    """One article a line: ``text`` or ``html``, optional ``id``, ``title``, ``url``,
    ``published``, ``source``; other fields are kept as metadata."""
    with _open(path) as lines:
        for number, raw in enumerate(lines, start=1):
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


def read_warc(path: Path) -> Iterator[Item]:
    """HTML responses of a WARC file (warcio reads gzip'd ones too)."""
    with path.open("rb") as stream:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response":
                continue
            headers = record.http_headers
            content_type = headers.get_header("Content-Type") if headers else ""
            if content_type and "html" not in content_type.lower():
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


def count_records(paths: Iterable[str | Path]) -> int | None:
    """How many records ``read_paths`` will give, for a progress bar; None when a WARC file
    makes it unknown without reading it all."""
    total = 0
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            kind = _kind(file) if path.is_dir() or file.exists() else "file"
            if kind == "warc":
                return None
            if kind == "jsonl":
                with _open(file) as lines:
                    total += sum(1 for line in lines if line.strip())
            elif kind is not None or not path.is_dir():
                total += 1
    return total
