"""The ingest on a real Dask LocalCluster (two worker processes started here): the same store as
a single-machine run, with a worker killed mid-run; extract-batch to Parquet and load back."""

from __future__ import annotations

import itertools
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import Client
from typer.testing import CliRunner

from nutgraf.cli import app
from nutgraf.corpus.batch import REJECTS, batch_schema
from nutgraf.corpus.cluster import connect, ingest_on_cluster, plan
from nutgraf.corpus.export import export
from nutgraf.corpus.ingest import ingest
from nutgraf.corpus.sources import Partition, partition_file, read_file, read_partition
from nutgraf.corpus.store import SQLiteStore
from nutgraf.schema import arrow_schema
from tests.support import SHARED
from tests.test_corpus_store import STORY, story, write_jsonl, write_warc

pytestmark = pytest.mark.cluster

PARTITION = 4


def shared_records(name: str, count: int) -> list[dict]:  # type: ignore[type-arg]
    with (SHARED / "corpus" / name / "articles.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in itertools.islice(lines, count)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """About 35 records of every kind: BBC articles with an exact copy and bad lines, political
    news gzip'd, a WARC, text files (one empty), a near-duplicate pair, a missing path."""
    folder = tmp_path_factory.mktemp("corpus")
    bbc = folder / "bbc.jsonl"
    records = shared_records("bbc", 18)
    lines = [json.dumps(r) for r in records]
    lines[5:5] = ["{not json", json.dumps({"id": "empty", "text": "  "})]
    french = "Le gouvernement a annoncé mardi le retrait de ses troupes de la région du nord."
    lines[12:12] = ["", json.dumps({"id": "fr", "text": french}), json.dumps(["a", "list"])]
    lines.append(json.dumps(records[2]))
    bbc.write_text("\n".join(lines) + "\n")
    write_jsonl(folder / "polnear.jsonl.gz", shared_records("polnear-train", 5), gzipped=True)
    pages = [(f"https://example.org/{n}", f"<html><body><p>{story(n)}</p></body></html>")
             for n in range(3)]  # fmt: skip
    write_warc(folder / "crawl.warc.gz", pages)
    texts = folder / "texts"
    texts.mkdir()
    wire = f"{story(7)}\n\n{STORY}"
    (texts / "a.txt").write_text(wire + "\n\nSign up for the Riverton Gazette newsletter")
    (texts / "b.txt").write_text(wire + "\n\nCopyright 2024 Valley Herald. All rights reserved.")
    (texts / "empty.txt").write_text("")
    return [bbc, folder / "polnear.jsonl.gz", folder / "crawl.warc.gz", texts, folder / "nope"]


@pytest.fixture(scope="module")
def single_machine(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    store = SQLiteStore(tmp_path_factory.mktemp("local") / "news.db")
    ingest(corpus, store, workers=1)
    return store


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with connect("local:2", dashboard=":0") as client:
        yield client


def exported(store: SQLiteStore, path: Path) -> str:
    export((a.to_dict() for a in store.articles(include_duplicates=True)), path, "jsonl")
    return path.read_text(encoding="utf-8")


def test_partitions_give_the_records_of_the_whole_file(corpus: list[Path]) -> None:
    for file in corpus[:3]:
        parts = partition_file(file, 2)
        assert len(parts) > 1 and all(isinstance(p, Partition) for p in parts)
        read = [item for p in parts if isinstance(p, Partition) for item in read_partition(p)]
        assert read == list(read_file(file))


def test_a_killed_worker_loses_nothing_and_the_store_is_as_on_one_machine(
    corpus: list[Path], single_machine: SQLiteStore, client: Client, tmp_path: Path
) -> None:
    workers = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(outcome: str) -> None:
        if not killed:
            busy = [address for address, keys in client.processing().items() if keys]
            killed.append(workers[busy[0]])
            os.kill(killed[0], signal.SIGKILL)

    store = SQLiteStore(tmp_path / "news.db")
    work = plan(client, corpus, size=PARTITION)
    assert len(work.chunks) > 4
    summary = ingest_on_cluster(work, store, client, on_record=kill_a_busy_worker)
    assert killed and killed[0] not in client.run(os.getpid).values()
    assert summary.processed + summary.skipped == work.records
    hashes = [row[0] for row in store.db.execute("SELECT hash FROM articles")]
    assert (
        len(hashes)
        == len(set(hashes))
        == single_machine.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    )
    assert exported(store, tmp_path / "cluster.jsonl") == exported(
        single_machine, tmp_path / "local.jsonl"
    )
    assert store.rejects() == single_machine.rejects()
    assert len(store.rejects()) == 6 and store.stats() == single_machine.stats()
    assert store.stats().near_duplicates == 1


def test_extract_batch_and_load_give_the_same_store(
    corpus: list[Path], single_machine: SQLiteStore, client: Client, tmp_path: Path
) -> None:
    runner = CliRunner()
    scheduler = client.scheduler.address
    size = ["--partition-size", str(PARTITION)]
    out = tmp_path / "lake"
    # The command line refuses a missing input outright; the library rejects it as a record.
    inputs = [str(path) for path in corpus if path.exists()]
    result = runner.invoke(
        app, ["extract-batch", *inputs, "--out", str(out), "--cluster", scheduler, *size]
    )
    assert result.exit_code == 0, result.output
    assert "rejected 5" in result.stdout
    parts = sorted(out.glob("part-*.parquet"))
    assert parts and pq.read_schema(parts[0]) == batch_schema()
    assert set(arrow_schema().names) < set(batch_schema().names)
    rejects = [json.loads(line) for line in (out / REJECTS).read_text().splitlines()]
    read = [r for r in single_machine.rejects() if r[1] != "no such file or folder"]
    assert [(r["location"], r["reason"]) for r in rejects] == read
    db = tmp_path / "news.db"
    assert runner.invoke(app, ["load", str(out), "--db", str(db)]).exit_code == 0
    again = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert "stored 0" in again.stdout
    local = exported(single_machine, tmp_path / "local.jsonl")
    assert exported(SQLiteStore(db), tmp_path / "loaded.jsonl") == local
    ingested = tmp_path / "ingested.db"
    result = runner.invoke(
        app, ["ingest", *inputs, "--db", str(ingested), "--cluster", scheduler, *size]
    )
    assert result.exit_code == 0 and "rejected 5" in result.stdout
    assert exported(SQLiteStore(ingested), tmp_path / "ingested.jsonl") == local


def test_bad_batch_folders_and_cluster_names_are_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "news.db")

    def refused(*args: str) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 2, result.output
        assert result.stderr.count("\n") == 1
        return result.stderr

    assert "no such folder" in refused("load", str(tmp_path / "nope"), "--db", db)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no extract-batch output" in refused("load", str(empty), "--db", db)
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / "part-00000.parquet").write_text("not parquet at all")
    assert "not a readable Parquet file" in refused("load", str(garbage), "--db", db)
    exported_only = tmp_path / "exported"
    exported_only.mkdir()
    export([], exported_only / "part-00000.parquet", "parquet")
    assert "no column 'hash'" in refused("load", str(exported_only), "--db", db)
    (exported_only / "part-00000.parquet").unlink()
    (exported_only / REJECTS).write_text("{broken\n")
    assert "not a reject line" in refused("load", str(exported_only), "--db", db)
    assert "not an empty folder" in refused("extract-batch", db, "--out", str(exported_only))
    assert "use local" in refused("ingest", str(empty), "--db", db, "--cluster", "yarn")
    assert "whole number" in refused("ingest", str(empty), "--db", db, "--cluster", "local:x")
