"""The ingest on a Dask cluster: the workers read and extract, the client writes.

A thin shell over the library: ``sources`` cuts the inputs into partitions and reads them on the
workers (a task gets file paths and byte offsets, never article text from the client);
``extract_each`` extracts them with the model each worker process loads once; the ingest's
``Writer`` stores the results in input order in the client, the store's one writer. Dask runs
the tasks where it likes and runs again those of a worker that dies, so every record is
written once whatever happens to the workers.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin

from nutgraf.corpus.batch import REJECTS, part_name, reject_line, row, write_part
from nutgraf.corpus.ingest import (
    COMMIT_EVERY,
    Extracted,
    IngestSummary,
    Writer,
    content_hash,
    record_date,
)
from nutgraf.corpus.sources import (
    InputRecord,
    Item,
    Partition,
    Rejected,
    holds_records,
    input_files,
    partition_file,
    read_partition,
)
from nutgraf.corpus.store import Store
from nutgraf.errors import InputError
from nutgraf.pipeline import extract, extract_each

# Records a task reads and extracts: big enough that the scheduler's few milliseconds a task
# vanish beside the extraction (about 100 ms an article), small enough to spread the work.
PARTITION_SIZE = 32
Chunk = list[Partition | Rejected]


class ClusterError(ValueError):
    """A ``--cluster`` value that names no cluster, or a scheduler out of reach."""


# A short article through every extractor, to load what each loads on first use.
WARM_UP = (
    "Maria Lopez, the mayor of Lyon, said on Tuesday that France would spend $12 million on "
    'the bridge. "We will not wait for another flood," Lopez said.'
)


class WarmUp(WorkerPlugin):
    """Loads the model, the gazetteer and the lexicons as each worker process starts (the
    library keeps them for the process), so that no task pays for them; a restarted worker
    loads them again."""

    def setup(self, worker: Any) -> None:
        extract(WARM_UP)


@contextmanager
def connect(spec: str, dashboard: str = ":8787") -> Iterator[Client]:
    """A client of ``local`` / ``local:N`` (a LocalCluster of N worker processes, every core
    by default) or of the running scheduler at ``tcp://HOST:PORT``; workers have the model."""
    if spec == "local" or spec.startswith("local:"):
        count = spec.partition(":")[2] or str(os.cpu_count() or 1)
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(
                f"local:{count}: the number of workers must be a whole number above 0"
            )
        cluster = LocalCluster(
            n_workers=int(count), threads_per_worker=1, processes=True,
            dashboard_address=dashboard, silence_logs=logging.ERROR,
        )  # fmt: skip
        with cluster, Client(cluster) as client:
            client.register_plugin(WarmUp(), name="nutgraf-warm-up")
            yield client
    elif spec.startswith("tcp://"):
        try:
            running = Client(spec, timeout=10)
        except OSError as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {spec}: {error}") from None
        with running as client:
            client.register_plugin(WarmUp(), name="nutgraf-warm-up")
            yield client
    else:
        raise ClusterError(f"{spec!r}: use local, local:N or tcp://HOST:PORT")


@dataclass(frozen=True)
class Plan:
    """The inputs as tasks: chunks of about ``PARTITION_SIZE`` records, in input order."""

    chunks: list[Chunk]

    @property
    def records(self) -> int:
        return sum(e.items if isinstance(e, Partition) else 1 for c in self.chunks for e in c)


def plan(client: Client, paths: Iterable[str | Path], size: int = PARTITION_SIZE) -> Plan:
    """Cut the inputs into tasks; the JSON Lines and WARC files are scanned for their record
    offsets by the workers, a task a file."""
    files = list(input_files(paths))
    scanned = [f for f in files if isinstance(f, Path) and holds_records(f)]
    futures = client.map(partition_file, scanned, size=size, pure=False)
    cut = dict(zip(scanned, client.gather(futures), strict=True))
    chunks: list[Chunk] = [[]]
    items = 0
    for file in files:
        if isinstance(file, Rejected):
            parts: Chunk = [file]
        elif file in cut:
            parts = cut[file]
        else:
            parts = partition_file(file, size)  # a text or HTML file: one partition, no reading
        for entry in parts:
            chunks[-1].append(entry)
            items += entry.items if isinstance(entry, Partition) else 1
            if items >= size:
                chunks.append([])
                items = 0
    return Plan([chunk for chunk in chunks if chunk])


@dataclass(frozen=True)
class Known:
    """What the store held when the run started: workers do not extract those records again."""

    hashes: frozenset[str] = field(default_factory=frozenset)
    rejected_at: frozenset[str] = field(default_factory=frozenset)


def extract_chunk(chunk: Chunk, known: Known) -> list[Extracted | Rejected]:
    """A task: read one chunk's records and extract those not known, nor repeated in the chunk
    (their outcome is None); the records come back without their content."""
    items: list[Item] = [
        item
        for entry in chunk
        for item in (read_partition(entry) if isinstance(entry, Partition) else [entry])
    ]
    seen: set[str] = set()
    todo: list[tuple[InputRecord, str, bool]] = []
    for item in items:
        if isinstance(item, InputRecord):
            digest = content_hash(item.content)
            known_before = digest in known.hashes or item.location in known.rejected_at
            todo.append((item, digest, not known_before and digest not in seen))
            seen.add(digest)
    outcomes = extract_each(
        (record.content, record_date(record.published)) for record, _, new in todo if new
    )
    extracted = iter(
        Extracted(dataclasses.replace(record, content=""), digest, next(outcomes) if new else None)
        for record, digest, new in todo
    )
    return [item if isinstance(item, Rejected) else next(extracted) for item in items]


def in_order(
    client: Client, task: Callable[..., Any], calls: Iterable[tuple[Any, ...]]
) -> Iterator[Any]:
    """The results of ``task`` over ``calls``, in order, with a bounded number of tasks out
    (four per worker thread, as many as the cluster has now): results wait on the workers,
    not all in the client."""
    out: deque[Any] = deque()
    for args in calls:
        out.append(client.submit(task, *args, pure=False))
        if len(out) >= 4 * max(sum(client.nthreads().values()), 1):
            yield out.popleft().result()
    while out:
        yield out.popleft().result()


def ingest_on_cluster(
    work: Plan, store: Store, client: Client, keep_duplicates: bool = False,
    on_record: Callable[[str], None] | None = None, commit_every: int = COMMIT_EVERY,
) -> IngestSummary:  # fmt: skip
    """``ingest.ingest`` with the reading and extraction on the cluster's workers: the same
    records stored, skipped and set aside, in the same order."""
    writer = Writer(store, keep_duplicates, commit_every, on_record)
    known = client.scatter(
        Known(frozenset(writer.seen), frozenset(writer.rejected_at)), broadcast=True
    )
    for results in in_order(client, extract_chunk, ((chunk, known) for chunk in work.chunks)):
        for result in results:
            if isinstance(result, Rejected):
                writer.set_aside(result)
            elif writer.is_new(result.record, result.digest):
                # A worker leaves out only what the writer has seen before.
                assert result.outcome is not None, result.record.location
                writer.take(result.record, result.digest, result.outcome)
    return writer.finish()


def write_chunk(chunk: Chunk, part: str) -> tuple[int, list[str], int]:
    """A task: extract one chunk into the Parquet partition ``part``; returns how many articles
    it holds, the reject lines and how many records were repeats."""
    rows, rejects, repeats = [], [], 0
    for result in extract_chunk(chunk, Known()):
        if isinstance(result, Rejected):
            rejects.append(reject_line(result.location, result.reason, None))
        elif isinstance(result.outcome, InputError):
            rejects.append(reject_line(result.record.location, str(result.outcome), result.digest))
        elif result.outcome is None:
            repeats += 1
        else:
            rows.append(row(result, result.outcome))
    if rows:
        write_part(rows, Path(part))
    return len(rows), rejects, repeats


def extract_batch(
    work: Plan, out: Path, client: Client, on_record: Callable[[str], None] | None = None
) -> IngestSummary:
    """Extract the inputs into Parquet partitions in ``out``, written by the workers, and the
    records set aside into ``out/rejects.jsonl``, in input order; ``stored`` counts articles
    written, ``skipped`` records repeated within a task (copies across tasks are written, and
    skipped by ``load``)."""
    started = time.perf_counter()
    report = on_record or (lambda outcome: None)
    summary = IngestSummary()
    out.mkdir(parents=True, exist_ok=True)
    calls = ((chunk, str(out / part_name(n))) for n, chunk in enumerate(work.chunks))
    with (out / REJECTS).open("w", encoding="utf-8") as rejects:
        for written, lines, repeats in in_order(client, write_chunk, calls):
            rejects.writelines(lines)
            for outcome, count in (("stored", written), ("rejected", len(lines)),
                                   ("skipped", repeats)):  # fmt: skip
                for _ in range(count):
                    report(outcome)
            summary.stored += written
            summary.rejected += len(lines)
            summary.skipped += repeats
    summary.seconds = time.perf_counter() - started
    return summary
