"""Ingest: records from files into the store, in order, resumable, with nothing lost.

An article is identified by the hash of its content, an input record by that hash and its id
(else its location): a record already stored (or already rejected at the same location) is
skipped, so running the same input twice stores nothing new and a run killed half-way finishes
the job when started again. A record with the content of an article already read but another
id is an exact copy: it is stored as another record of that article, and a copy of a rejected
record is rejected for the same reason, so that every record read is accounted for.
Extraction runs in ``workers`` processes; the store is written by this one through ``Writer``
(which the cluster runner and ``load`` share), a batch per transaction. Near-duplicates (the
same story with another site's footer) are found with MinHash LSH and linked to the first copy.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import numpy as np
from datasketch import MinHash, MinHashLSH

from nutgraf.corpus.sources import InputRecord, Rejected, read_paths
from nutgraf.corpus.store import Copy, SourceRecord, Store, StoredArticle
from nutgraf.errors import InputError
from nutgraf.pipeline import extract_each
from nutgraf.records import Article

NUM_PERM = 64
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are rebuilt with it
# Jaccard similarity of word 5-grams above which two articles are one story.
DUPLICATE_THRESHOLD = 0.8
SHINGLE = 5
COMMIT_EVERY = 64


@dataclass
class IngestSummary:
    """What became of the records read: ``processed`` is every new one, ``skipped`` those an
    earlier run (or an earlier line of this one) stored already."""

    stored: int = 0
    duplicates: int = 0
    copies: int = 0
    rejected: int = 0
    skipped: int = 0
    seconds: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        return self.stored + self.duplicates + self.copies + self.rejected

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0


def content_hash(content: str | bytes) -> str:
    data = content.encode("utf-8", errors="surrogatepass") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


def signature(body: str) -> MinHash:
    """MinHash of the body's word 5-grams (lower case)."""
    words = re.findall(r"\w+", body.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return minhash


class NearDuplicates:
    """The first copies seen so far, searchable by MinHash LSH."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)

    def load(self, stored: Iterable[tuple[str, bytes]]) -> None:
        for key, blob in stored:
            hashvalues = np.frombuffer(blob, dtype=np.uint64)
            minhash = MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, scheme=SCHEME)
            self.lsh.insert(key, minhash)

    def first_copy(self, minhash: MinHash) -> str | None:
        found = self.lsh.query(minhash)
        return str(sorted(found)[0]) if found else None

    def add(self, key: str, minhash: MinHash) -> None:
        self.lsh.insert(key, minhash)


@dataclass(frozen=True)
class Extracted:
    """One record's outcome without its content: what an extraction worker hands the writer.
    ``outcome`` is None when the worker skipped the record as already stored."""

    record: InputRecord
    digest: str
    outcome: Article | InputError | None


class Writer:
    """The store's one writer: takes every record's outcome in input order, skips what is
    stored, sets bad records aside, links near-duplicates to their first copy and commits a
    batch per transaction. The local and the cluster ingest both write through it."""

    def __init__(
        self, store: Store, keep_duplicates: bool = False, commit_every: int = COMMIT_EVERY,
        on_record: Callable[[str], None] | None = None,
    ) -> None:  # fmt: skip
        self.started = time.perf_counter()
        self.store = store
        self.keep_duplicates = keep_duplicates
        self.commit_every = commit_every
        self.report = on_record or (lambda outcome: None)
        self.summary = IngestSummary()
        self.seen = store.hashes()
        self.keys = store.record_keys()
        # Copies waiting for their first record's outcome, and the reason of each rejected one.
        self.waiting: dict[str, list[InputRecord]] = {}
        self.rejected_for: dict[str, str] = {}
        self.copies_to_add: list[Copy] = []
        self.rejected_at = store.reject_locations()
        self.copies = NearDuplicates()
        first_copies = list(store.first_copies())
        self.copies.load((h, blob) for _, h, blob in first_copies)
        self.ids_by_hash = {h: i for i, h, _ in first_copies}
        self.stored = set(self.seen)  # the hashes of articles stored or to be stored
        self.pending: list[StoredArticle] = []
        self.rejects: list[tuple[str, str]] = []

    def is_new(self, record: InputRecord, digest: str) -> bool:
        """Whether a record is still to be extracted; from now on its content counts as seen.
        A record read before is skipped; an exact copy is kept as a record of its article (or
        rejected as its first record was) once that one's outcome is known."""
        key = (digest, record.id or record.location)
        if key in self.keys or record.location in self.rejected_at:
            self._skip()
            return False
        self.keys.add(key)
        if digest not in self.seen:
            self.seen.add(digest)
            return True
        if digest in self.rejected_for:
            self._reject(record.location, self.rejected_for[digest])
        elif digest in self.stored:
            self._copy(record, digest)
        else:
            self.waiting.setdefault(digest, []).append(record)
        return False

    def set_aside(self, rejected: Rejected) -> None:
        """A record that could not be read (skipped when set aside by an earlier run)."""
        if rejected.location in self.rejected_at:
            self._skip()
        else:
            self._reject(rejected.location, rejected.reason)

    def take(self, record: InputRecord, digest: str, outcome: Article | InputError) -> None:
        """A new record's extraction: stored, stored as a near-duplicate, or set aside."""
        if isinstance(outcome, InputError):
            self._reject(record.location, str(outcome))
            self.rejected_for[digest] = str(outcome)
        else:
            self.stored.add(digest)
            minhash = signature(outcome.body)
            original = self.copies.first_copy(minhash)
            if original is not None and original not in self.ids_by_hash:
                self._flush()
            duplicate_of = self.ids_by_hash.get(original) if original else None
            self.pending.append(
                _stored(record, digest, outcome, minhash, duplicate_of, self.keep_duplicates)
            )
            if duplicate_of is None:
                self.copies.add(digest, minhash)
                self.summary.stored += 1
                self.report("stored")
            else:
                self.summary.duplicates += 1
                self.report("duplicate")
        for copy in self.waiting.pop(digest, []):
            if isinstance(outcome, InputError):
                self._reject(copy.location, str(outcome))
            else:
                self._copy(copy, digest)
        if len(self.pending) + len(self.rejects) + len(self.copies_to_add) >= self.commit_every:
            self._flush()

    def finish(self) -> IngestSummary:
        self._flush()
        self.summary.seconds = time.perf_counter() - self.started
        return self.summary

    def _copy(self, record: InputRecord, digest: str) -> None:
        source = SourceRecord(record.location, record.id, record.url, record.source,
                              record.title, record.metadata)  # fmt: skip
        self.copies_to_add.append(Copy(digest, source))
        self.summary.copies += 1
        self.report("copy")

    def _skip(self) -> None:
        self.summary.skipped += 1
        self.report("skipped")

    def _reject(self, location: str, reason: str) -> None:
        self.rejects.append((location, reason))
        self.rejected_at.add(location)
        self.summary.rejected += 1
        short = re.split(r"[:(]", reason)[0].strip()
        self.summary.reasons[short] = self.summary.reasons.get(short, 0) + 1
        self.report("rejected")

    def _flush(self) -> None:
        added = self.store.add(self.pending, self.rejects, self.copies_to_add)
        for stored, article_id in zip(self.pending, added, strict=True):
            self.ids_by_hash[stored.hash] = article_id
        self.pending.clear()
        self.rejects.clear()
        self.copies_to_add.clear()


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    workers: int = 1,
    keep_duplicates: bool = False,
    batch_size: int = 16,
    on_record: Callable[[str], None] | None = None,
    commit_every: int = COMMIT_EVERY,
) -> IngestSummary:
    """Read, extract and store every record under ``paths``; ``on_record`` hears the outcome
    of each ("stored", "duplicate", "copy", "rejected", "skipped")."""
    writer = Writer(store, keep_duplicates, commit_every, on_record)
    # Records read ahead of the extraction, in input order: unreadable ones wait here too, so
    # that everything is written in input order.
    in_flight: deque[tuple[InputRecord, str] | Rejected] = deque()

    def to_extract() -> Iterator[tuple[str | bytes, str | None]]:
        for item in read_paths(paths):
            if isinstance(item, Rejected):
                in_flight.append(item)
                continue
            digest = content_hash(item.content)
            if writer.is_new(item, digest):
                in_flight.append((item, digest))
                yield item.content, record_date(item.published)

    for outcome in extract_each(to_extract(), n_process=workers, batch_size=batch_size):
        while isinstance(waiting := in_flight.popleft(), Rejected):
            writer.set_aside(waiting)
        writer.take(*waiting, outcome)
    for rest in in_flight:  # only unreadable records are left
        writer.set_aside(cast(Rejected, rest))
    return writer.finish()


def record_date(value: str | None) -> str | None:
    """A record's date as YYYY-MM-DD when it has one in that shape (else left to the page)."""
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _stored(
    record: InputRecord, digest: str, article: Article, minhash: MinHash,
    duplicate_of: int | None, keep_duplicates: bool,
) -> StoredArticle:  # fmt: skip
    return StoredArticle(
        hash=digest,
        location=record.location,
        article=article,
        minhash=np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes(),
        record_id=record.id,
        url=record.url,
        source=record.source,
        title=record.title,
        metadata=record.metadata,
        duplicate_of=duplicate_of,
        full=duplicate_of is None or keep_duplicates,
    )
