"""The ``nutgraf`` command: a thin shell over the library API.

Errors in the input end in a one-line message on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from nutgraf.corpus.store import SQLiteStore
from nutgraf.errors import InputError
from nutgraf.pipeline import extract as extract_article
from nutgraf.report import report
from nutgraf.source import MAX_INPUT_BYTES

if TYPE_CHECKING:
    from distributed import Client

    from nutgraf.corpus.ingest import IngestSummary

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into structured, verifiable facts.",
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


@app.callback()
def _root() -> None:
    """Turn news articles into structured, verifiable facts."""


@app.command()
def extract(
    path: Annotated[
        str, typer.Argument(help="An article file (plain text or HTML), or - for stdin.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text: a report; json: the contract.")
    ] = OutputFormat.text,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date, YYYY-MM-DD: anchors 'Tuesday', 'last week'..."),
    ] = None,
) -> None:
    """Extract one article's facts: entities, quotes, amounts, dates, summary."""
    try:
        article = extract_article(read_input(path), published=published)
    except InputError as error:
        fail(str(error))
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        Console().print(report(article))


DbOption = Annotated[Path, typer.Option("--db", help="The corpus database file.")]


ClusterOption = Annotated[
    str | None,
    typer.Option(
        help="Run on Dask: local[:N] (a local cluster of N worker processes, default every "
        "core) or tcp://HOST:PORT (a running scheduler)."
    ),
]
PartitionOption = Annotated[
    int, typer.Option(min=1, help="Records per Dask task (with --cluster).")
]


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files and folders: .txt, .html, .jsonl, .warc (gzip'd or not)."),
    ],
    db: DbOption = Path("news.db"),
    workers: Annotated[
        int, typer.Option(help="Extraction processes, without --cluster (default: every core).")
    ] = 0,
    keep_duplicates: Annotated[
        bool, typer.Option(help="Store near-duplicates as full articles.")
    ] = False,
    commit_every: Annotated[int, typer.Option(help="Records per transaction.")] = 64,
    cluster: ClusterOption = None,
    partition_size: PartitionOption = 32,
) -> None:
    """Extract and store articles; safe to run again (it skips what is stored)."""
    from nutgraf.corpus.ingest import ingest as run_ingest
    from nutgraf.corpus.sources import count_records

    if not db.parent.is_dir():
        fail(f"no such folder for the database: {db.parent}")
    store = open_store(db, read_only=False)
    if cluster:
        from nutgraf.corpus.cluster import ingest_on_cluster, plan

        with dask_client(cluster) as client:
            work = plan(client, paths, partition_size)
            with progress_bar("ingesting", work.records) as advance:
                summary = ingest_on_cluster(
                    work, store, client, keep_duplicates, advance, commit_every
                )
    else:
        with progress_bar("ingesting", count_records(paths)) as advance:
            summary = run_ingest(
                paths,
                store,
                workers=workers or os.cpu_count() or 1,
                keep_duplicates=keep_duplicates,
                on_record=advance,
                commit_every=commit_every,
            )
    store.close()
    print_summary(summary)


@contextmanager
def progress_bar(description: str, total: int | None) -> Iterator[Callable[[str], None]]:
    """A progress bar with the rate and time left, on stderr; yields the per-record callback."""
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f}/s"), TimeRemainingColumn()]  # fmt: skip
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task(description, total=total, rate=0.0)
        started = time.perf_counter()

        def advance(outcome: str) -> None:
            done = progress.tasks[0].completed + 1
            progress.update(task, advance=1, rate=done / max(time.perf_counter() - started, 1e-9))

        yield advance


def print_summary(summary: IngestSummary) -> None:
    Console().print(
        f"stored {summary.stored}, near-duplicates {summary.duplicates}, "
        f"rejected {summary.rejected}, already stored {summary.skipped}; "
        f"{summary.seconds:.1f} s, {summary.rate:.1f} articles/s"
    )
    for reason, count in summary.reasons.items():
        Console().print(f"  rejected {count}: {reason}")


@contextmanager
def dask_client(spec: str) -> Iterator[Client]:
    """A Dask client for ``--cluster``, or a one-line error; says where the dashboard is."""
    from distributed import KilledWorker

    from nutgraf.corpus.cluster import ClusterError, connect

    try:
        with connect(spec) as client:
            Console(stderr=True).print(f"Dask dashboard: {client.dashboard_link}")
            yield client
    except ClusterError as error:
        fail(str(error))
    except KilledWorker as error:
        fail(f"a task was lost with every worker that ran it: {error}")


@app.command("extract-batch")
def extract_batch(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files and folders: .txt, .html, .jsonl, .warc (gzip'd or not)."),
    ],
    out: Annotated[Path, typer.Option(help="A new or empty folder for the Parquet partitions.")],
    cluster: ClusterOption = "local",
    partition_size: PartitionOption = 32,
) -> None:
    """Extract articles on Dask into Parquet partitions (typed columns), rejects beside them."""
    from nutgraf.corpus.batch import REJECTS
    from nutgraf.corpus.cluster import extract_batch as run_extract_batch
    from nutgraf.corpus.cluster import plan

    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        fail(f"{out} is not an empty folder")
    with dask_client(cluster or "local") as client:
        work = plan(client, paths, partition_size)
        with progress_bar("extracting", work.records) as advance:
            summary = run_extract_batch(work, out, client, advance)
    parts = len(list(out.glob("part-*.parquet")))
    Console().print(
        f"wrote {summary.stored} articles in {parts} Parquet partitions to {out}; "
        f"rejected {summary.rejected} (listed in {out / REJECTS}), repeated {summary.skipped}; "
        f"{summary.seconds:.1f} s, {summary.rate:.1f} articles/s"
    )


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="A folder written by extract-batch.")],
    db: DbOption = Path("news.db"),
    keep_duplicates: Annotated[
        bool, typer.Option(help="Store near-duplicates as full articles.")
    ] = False,
) -> None:
    """Store the articles of an extract-batch folder, as ingest would have stored them."""
    from nutgraf.corpus.batch import BatchError, check
    from nutgraf.corpus.batch import load as run_load

    try:
        _, records = check(folder)
    except BatchError as error:
        fail(str(error))
    if not db.parent.is_dir():
        fail(f"no such folder for the database: {db.parent}")
    store = open_store(db, read_only=False)
    with progress_bar("loading", records) as advance:
        summary = run_load(folder, store, keep_duplicates, advance)
    store.close()
    print_summary(summary)


def open_store(db: Path, read_only: bool = True) -> SQLiteStore:
    """The corpus store, or a one-line error when the file is missing or no database."""
    if read_only and not db.exists():
        fail(f"no such database: {db}")
    try:
        store = SQLiteStore(db, read_only=read_only)
        store.db.execute("SELECT 1 FROM articles LIMIT 1")
    except sqlite3.DatabaseError as error:
        fail(f"{db} is not a nutgraf database ({error})")
    return store


@app.command()
def rejects(db: DbOption = Path("news.db")) -> None:
    """Records set aside by ingest, with where they came from and why."""
    for location, reason in open_store(db).rejects():
        sys.stdout.write(f"{location}\t{reason}\n")


@app.command()
def search(
    query: str,
    db: DbOption = Path("news.db"),
    entity: Annotated[str | None, typer.Option(help="Only articles that name this entity.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: int = 10,
) -> None:
    """Full-text search, best matches first (BM25), with highlighted snippets."""
    from nutgraf.corpus.store import HIGHLIGHT

    console = Console()
    for hit in open_store(db).search(query, entity=entity, since=since, until=until, limit=limit):
        heading = (hit.title or "(no title)", "bold")
        where = f"  {hit.published or ''} {hit.source or ''}"
        console.print(Text.assemble((f"#{hit.article_id} ", "dim"), heading, where))
        snippet = Text("  ")
        for index, part in enumerate(
            hit.snippet.replace(HIGHLIGHT[1], HIGHLIGHT[0]).split(HIGHLIGHT[0])
        ):
            snippet.append(part, style="bold yellow" if index % 2 else None)
        console.print(snippet)


@app.command()
def entity(name: str, db: DbOption = Path("news.db")) -> None:
    """Profile of a person, organisation or place across the corpus."""
    store = open_store(db)
    entity_id = store.find_entity(name)
    if entity_id is None:
        fail(f"no entity called {name!r} in {db}")
    profile = store.entity_profile(entity_id)
    console = Console()
    console.print(
        Text.assemble(
            (profile["name"], "bold"), f"  {profile['type']}, {profile['articles']} articles"
        )
    )
    console.print("aliases: " + ", ".join(f"{a} ({n})" for a, n in profile["aliases"]))
    console.print("titles: " + (", ".join(f"{t} ({n})" for t, n in profile["titles"]) or "-"))
    console.print(
        "mentions by month: " + ", ".join(f"{m}: {n}" for m, n in profile["mentions_by_month"])
    )
    console.print(
        "co-mentioned: "
        + ", ".join(f"{c['name']} ({c['articles']})" for c in profile["co_mentioned"])
    )
    for quote in profile["quotes"]:
        console.print(Text(f"  “{quote['text'][:150]}” (#{quote['article_id']})"))


@app.command()
def quotes(
    db: DbOption = Path("news.db"),
    speaker: Annotated[str | None, typer.Option(help="Only this speaker's quotes.")] = None,
    limit: int = 20,
) -> None:
    """Quotes across the corpus, with their speakers."""
    store = open_store(db)
    entity_id = store.find_entity(speaker) if speaker else None
    if speaker and entity_id is None:
        fail(f"no entity called {speaker!r} in {db}")
    for quote in store.quotes(entity_id=entity_id, limit=limit):
        who = quote["speaker"] or quote["speaker_text"] or "unknown"
        when = quote["published"] or "undated"
        Console().print(Text(f"{who}: “{quote['text'][:200]}” (#{quote['article_id']}, {when})"))


@app.command()
def stats(db: DbOption = Path("news.db")) -> None:
    """Counts: articles, near-duplicates, rejects, entities, quotes, sources."""
    sys.stdout.write(json.dumps(open_store(db).stats(), indent=2, ensure_ascii=False) + "\n")


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="The file to write.")],
    db: DbOption = Path("news.db"),
    file_format: Annotated[str, typer.Option("--format", help="jsonl, parquet or csv")] = "jsonl",
) -> None:
    """Every article's extract contract: JSON Lines, Parquet (typed columns) or CSV."""
    from nutgraf.corpus.export import FORMATS
    from nutgraf.corpus.export import export as write

    if file_format not in FORMATS:
        fail(f"unknown format {file_format!r}; choose from {', '.join(FORMATS)}")
    count = write(open_store(db).articles(), out, file_format)
    Console(stderr=True).print(f"wrote {count} articles to {out}")


@app.command()
def serve(
    db: DbOption = Path("news.db"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Web pages and a JSON API over the corpus (read-only), at http://HOST:PORT/."""
    import uvicorn

    from nutgraf.web import create_app

    open_store(db).close()
    uvicorn.run(create_app(db), host=host, port=port)


def read_input(path: str) -> bytes:
    """The bytes of a file or of stdin, refusing what cannot be an article file."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        file = Path(path)
        if not file.exists():
            fail(f"no such file: {path}")
        if not file.is_file():
            fail(f"not a file: {path}")
        if file.stat().st_size > MAX_INPUT_BYTES:
            fail(f"{path}: input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
        try:
            data = file.read_bytes()
        except OSError as error:
            fail(f"cannot read {path}: {error.strerror}")
    if len(data) > MAX_INPUT_BYTES:
        fail(f"input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return data


def fail(message: str) -> NoReturn:
    """One line on stderr, exit code 2."""
    sys.stderr.write(f"nutgraf: error: {message}\n")
    raise typer.Exit(code=2)


def main() -> None:
    app()
