"""Ingest: records from files into the store, in order, resumable, with nothing lost.

An article is identified by the hash of its content: a record already stored (or already
rejected at the same location) is skipped, so running the same input twice stores nothing new
and a run killed half-way finishes the job when started again. Extraction runs in ``workers``
processes; the store is written by this one, a batch per transaction. Near-duplicates (the
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

import numpy as np
from datasketch import MinHash, MinHashLSH

from nutgraf.corpus.sources import InputRecord, Rejected, read_paths
from nutgraf.corpus.store import Store, StoredArticle
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
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped: int = 0
    seconds: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        return self.stored + self.duplicates + self.rejected

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
    of each ("stored", "duplicate", "rejected", "skipped")."""
    started = time.perf_counter()
    summary = IngestSummary()
    report = on_record or (lambda outcome: None)
    seen, ids_by_hash = store.hashes(), {}
    rejected_at = store.reject_locations()
    copies = NearDuplicates()
    first_copies = list(store.first_copies())
    copies.load((h, blob) for _, h, blob in first_copies)
    ids_by_hash.update({h: i for i, h, _ in first_copies})
    pending: list[StoredArticle] = []
    rejects: list[tuple[str, str]] = []
    in_flight: deque[tuple[InputRecord, str]] = deque()

    def reject(location: str, reason: str) -> None:
        rejects.append((location, reason))
        rejected_at.add(location)
        summary.rejected += 1
        short = re.split(r"[:(]", reason)[0].strip()
        summary.reasons[short] = summary.reasons.get(short, 0) + 1
        report("rejected")

    def flush() -> None:
        for stored, article_id in zip(pending, store.add(pending, rejects), strict=True):
            ids_by_hash[stored.hash] = article_id
        pending.clear()
        rejects.clear()

    def to_extract() -> Iterator[tuple[str | bytes, str | None]]:
        for item in read_paths(paths):
            if isinstance(item, Rejected):
                if item.location in rejected_at:
                    summary.skipped += 1
                    report("skipped")
                else:
                    reject(item.location, item.reason)
                continue
            digest = content_hash(item.content)
            if digest in seen or item.location in rejected_at:
                summary.skipped += 1
                report("skipped")
                continue
            seen.add(digest)
            in_flight.append((item, digest))
            yield item.content, _date(item.published)

    for outcome in extract_each(to_extract(), n_process=workers, batch_size=batch_size):
        record, digest = in_flight.popleft()
        if isinstance(outcome, InputError):
            reject(record.location, str(outcome))
        else:
            minhash = signature(outcome.body)
            original = copies.first_copy(minhash)
            if original is not None and original not in ids_by_hash:
                flush()
            duplicate_of = ids_by_hash.get(original) if original else None
            pending.append(_stored(record, digest, outcome, minhash, duplicate_of, keep_duplicates))
            if duplicate_of is None:
                copies.add(digest, minhash)
                summary.stored += 1
                report("stored")
            else:
                summary.duplicates += 1
                report("duplicate")
        if len(pending) + len(rejects) >= commit_every:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary


def _date(value: str | None) -> str | None:
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
