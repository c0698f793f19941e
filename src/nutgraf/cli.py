"""The ``nutgraf`` command: a thin shell over the library API.

Errors in the input end in a one-line message on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, cast

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
from rich.table import Table
from rich.text import Text
from typer.core import TyperArgument, TyperCommand

from nutgraf.corpus.store import (
    MODES,
    SPEECH,
    Filters,
    QueryError,
    SQLiteStore,
    Store,
    StoreError,
    day,
    migrate,
)
from nutgraf.errors import InputError
from nutgraf.pipeline import extract as extract_article
from nutgraf.records import Article, QuoteMode
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
    rich_markup_mode=None,
)


class NamedArgument(TyperArgument):
    """An argument named in the help by its metavar alone (typer adds ``<list[Path]>``)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class Command(TyperCommand):
    """A command whose help says what each argument is, not its Python type."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = NamedArgument


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


# The modes of an attribution, as the records name them (``QuoteMode``).
QuoteModeOption = StrEnum("QuoteModeOption", {mode: mode for mode in MODES})  # type: ignore[misc]


def _version(show: bool) -> None:
    if show:
        sys.stdout.write(f"nutgraf {metadata.version('nutgraf')}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Turn news articles into structured, verifiable facts."""


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", metavar="FORMAT", help="text: a report; json: the contract."),
]
DbOption = Annotated[Path, typer.Option("--db", metavar="FILE", help="The corpus database file.")]
LimitOption = Annotated[int, typer.Option(metavar="N", min=1, help="At most N results.")]
OffsetOption = Annotated[int, typer.Option(metavar="N", min=0, help="Skip the first N results.")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON on stdout instead of text.")]


@app.command(cls=Command)
def extract(
    path: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="An article file (plain text or HTML), or - for stdin."
        ),
    ],
    output_format: FormatOption = OutputFormat.text,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Publication date, YYYY-MM-DD: anchors 'Tuesday', 'last week'..."
        ),
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


ClusterOption = Annotated[
    str | None,
    typer.Option(
        metavar="SPEC",
        help="Run on Dask: local[:N] (a local cluster of N worker processes, default every "
        "core) or tcp://HOST:PORT (a running scheduler).",
    ),
]
PartitionOption = Annotated[
    int, typer.Option(metavar="N", min=1, help="Records per Dask task (with --cluster).")
]


def _named_path(value: str) -> Path:
    """An input path; an empty one (an unset shell variable, most often) is an error, not the
    current folder."""
    if not value:
        raise typer.BadParameter("an empty path names no file or folder")
    return Path(value)


PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="PATH",
        parser=_named_path,
        help="Files and folders: .txt, .html, .jsonl, .warc (gzip'd or not).",
    ),
]


@app.command(cls=Command)
def ingest(
    paths: PathsArgument,
    db: DbOption = Path("news.db"),
    workers: Annotated[
        int,
        typer.Option(
            metavar="N", help="Extraction processes, without --cluster (default: every core)."
        ),
    ] = 0,
    keep_duplicates: Annotated[
        bool, typer.Option(help="Store near-duplicates as full articles.")
    ] = False,
    commit_every: Annotated[
        int, typer.Option(metavar="N", min=1, help="Records per transaction.")
    ] = 64,
    cluster: ClusterOption = None,
    partition_size: PartitionOption = 32,
) -> None:
    """Extract and store articles; safe to run again (it skips what is stored)."""
    from nutgraf.corpus.ingest import ingest as run_ingest
    from nutgraf.corpus.sources import count_records

    must_exist(paths)
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


def must_exist(paths: list[Path]) -> None:
    """A missing input is a usage error, before anything is made."""
    for path in paths:
        if not path.exists():
            fail(f"no such file or folder: {path}")


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
        f"exact copies {summary.copies}, rejected {summary.rejected}, "
        f"already stored {summary.skipped}; "
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


@app.command("extract-batch", cls=Command)
def extract_batch(
    paths: PathsArgument,
    out: Annotated[
        Path,
        typer.Option(metavar="FOLDER", help="A new or empty folder for the Parquet partitions."),
    ],
    cluster: ClusterOption = "local",
    partition_size: PartitionOption = 32,
) -> None:
    """Extract articles on Dask into Parquet partitions (typed columns), rejects beside them."""
    from nutgraf.corpus.batch import REJECTS
    from nutgraf.corpus.cluster import extract_batch as run_extract_batch
    from nutgraf.corpus.cluster import plan

    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        fail(f"{out} is not an empty folder")
    must_exist(paths)
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


@app.command(cls=Command)
def load(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER", parser=_named_path, help="A folder written by extract-batch."
        ),
    ],
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


def open_store(db: Path, read_only: bool = True) -> Store:
    """The corpus store (migrated to this version first), or a one-line error when the file is
    missing or no database."""
    if read_only and not db.exists():
        fail(f"no such database: {db}")
    if db.is_dir():
        fail(f"{db} is a folder, not a database")
    try:
        if read_only:
            migrate(db)
        return SQLiteStore(db, read_only=read_only)
    except StoreError as error:
        fail(str(error))


def to_json(value: Any) -> None:
    """``value`` (records, lists and dicts of them) as indented JSON on stdout."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False, default=_record) + "\n")


def _record(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def shorten(text: str, width: int) -> str:
    """A quote cut at a word, with an ellipsis, when it is longer than ``width``."""
    return textwrap.shorten(text, width, placeholder=" …")


def checked_day(value: str | None, option: str) -> str | None:
    try:
        return day(value) if value is not None else None
    except QueryError as error:
        fail(f"{option}: {error}")


def known_entity(store: Store, name: str, db: Path) -> int:
    """The corpus entity of that name, or the one-line error every command gives."""
    entity_id = store.find_entity(name)
    if entity_id is None:
        fail(f"no entity called {name!r} in {db}")
    return entity_id


@app.command(cls=Command)
def rejects(db: DbOption = Path("news.db")) -> None:
    """Records set aside by ingest, with where they came from and why."""
    for location, reason in open_store(db).rejects():
        sys.stdout.write(f"{location}\t{reason}\n")


@app.command(cls=Command, context_settings={"ignore_unknown_options": True})
def search(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY",
            help='FTS5 syntax: words (all must occur), "a phrase", OR, NOT or -word, prefix*, '
            "NEAR(a b, 5), title:word or body:word, parentheses.",
        ),
    ],
    db: DbOption = Path("news.db"),
    entity: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only articles that name this entity.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Published on or after (YYYY-MM-DD, '1 June 2016', 'yesterday'...).",
        ),
    ] = None,
    until: Annotated[
        str | None, typer.Option(metavar="DATE", help="Published on or before (as --since).")
    ] = None,
    limit: LimitOption = 10,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Full-text search, best matches first (BM25), with highlighted snippets."""
    from nutgraf.corpus.store import HIGHLIGHT

    store = open_store(db)
    filters = Filters(
        entity_id=known_entity(store, entity, db) if entity is not None else None,
        since=checked_day(since, "--since"),
        until=checked_day(until, "--until"),
    )
    try:
        total = store.count_articles(query, filters) if query.strip() else 0
        hits = store.search(query, filters=filters, limit=limit, offset=offset)
    except QueryError as error:
        fail(str(error))
    if as_json:
        to_json({"query": query, "total": total, "offset": offset, "limit": limit, "hits": hits})
        return
    console = Console()
    shown = f", {offset + 1}-{offset + len(hits)} shown" if hits and len(hits) < total else ""
    console.print(f"{total} article{'' if total == 1 else 's'} match{'es' if total == 1 else ''}"
                  f"{shown}")  # fmt: skip
    for hit in hits:
        heading = (hit.title or "(no title)", "bold")
        where = f"  {hit.published or ''} {hit.source or ''}"
        console.print(Text.assemble((f"#{hit.article_id} ", "dim"), heading, where))
        snippet = Text("  ")
        for index, part in enumerate(
            hit.snippet.replace(HIGHLIGHT[1], HIGHLIGHT[0]).split(HIGHLIGHT[0])
        ):
            snippet.append(part, style="bold yellow" if index % 2 else None)
        console.print(snippet)


@app.command(cls=Command)
def entity(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A name or alias.")],
    db: DbOption = Path("news.db"),
    as_json: JsonOption = False,
) -> None:
    """Profile of a person, organisation or place across the corpus."""
    store = open_store(db)
    profile = store.entity_profile(known_entity(store, name, db))
    if as_json:
        to_json(profile)
        return
    console = Console()
    console.print(
        Text.assemble((profile.name, "bold"), f"  {profile.type}, {profile.articles} articles")
    )
    console.print("aliases: " + ", ".join(f"{a} ({n})" for a, n in profile.aliases))
    console.print("titles: " + (", ".join(f"{t} ({n})" for t, n in profile.titles) or "-"))
    console.print(
        "mentions by month: " + ", ".join(f"{m}: {n}" for m, n in profile.mentions_by_month)
    )
    console.print(
        "co-mentioned: " + ", ".join(f"{c.name} ({c.articles})" for c in profile.co_mentioned)
    )
    for quote in profile.quotes:
        console.print(Text(f"  “{shorten(quote.text, 150)}” (#{quote.article_id})"))


@app.command(cls=Command)
def quotes(
    db: DbOption = Path("news.db"),
    speaker: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only this speaker's quotes.")
    ] = None,
    mode: Annotated[
        list[QuoteModeOption] | None,
        typer.Option(
            metavar="MODE",
            help="What kind of attribution: speech (the default), belief, stance; repeat it "
            "for several.",
        ),
    ] = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
) -> None:
    """Quotes across the corpus, with their speakers: words said, unless --mode asks for
    beliefs or stances."""
    store = open_store(db)
    entity_id = known_entity(store, speaker, db) if speaker is not None else None
    modes = [cast(QuoteMode, m.value) for m in mode] if mode else list(SPEECH)
    found = store.quotes(entity_id=entity_id, limit=limit, offset=offset, modes=modes)
    if as_json:
        to_json({"total": store.count_quotes(entity_id, modes), "offset": offset,
                 "limit": limit, "quotes": found})  # fmt: skip
        return
    for quote in found:
        who = quote.speaker or quote.speaker_text or "unknown"
        when = quote.published or "undated"
        Console().print(Text(f"{who}: “{shorten(quote.text, 200)}” (#{quote.article_id}, {when})"))


@app.command(cls=Command)
def stats(db: DbOption = Path("news.db"), as_json: JsonOption = False) -> None:
    """Counts: articles, near-duplicates, exact copies, rejects, entities, quotes, sources."""
    counts = open_store(db).stats()
    if as_json:
        to_json(counts)
        return
    table = Table(title=str(db), title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("articles", counts.articles), ("near-duplicates", counts.near_duplicates),
        ("exact copies", counts.duplicates), ("rejected records", counts.rejected),
        ("records read", counts.articles + counts.near_duplicates + counts.duplicates
         + counts.rejected),
        ("entities", counts.entities), ("quotes", counts.quotes),
    ):  # fmt: skip
        table.add_row(label, str(value))
    for title, pairs in (("source", counts.sources), ("entity type", counts.entity_types)):
        table.add_section()
        for name, count in pairs:
            table.add_row(f"{title}: {name}", str(count))
    Console().print(table)


@app.command(cls=Command)
def show(
    article: Annotated[
        str,
        typer.Argument(metavar="ID", help="The article's corpus id, or an input record's id."),
    ],
    db: DbOption = Path("news.db"),
    output_format: FormatOption = OutputFormat.text,
) -> None:
    """A stored article's report (as extract prints it), and every input record it came from."""
    store = open_store(db)
    found = store.article(int(article)) if article.isdigit() else None
    if found is None:
        record_article = store.find_record(article)
        found = store.article(record_article) if record_article is not None else None
    if found is None:
        fail(f"no article or record {article!r} in {db}")
    if output_format is OutputFormat.json:
        to_json(found.to_dict())
        return
    contract = Article.from_dict(found.contract)
    console = Console()
    console.print(report(dataclasses.replace(contract, title=found.title)))
    for record in found.records:
        console.print(Text.assemble(("Record: ", "bold"), record.record_id or "-",
                                    f"  {record.location}"))  # fmt: skip


@app.command(cls=Command)
def export(
    out: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="The file to write (.jsonl, .parquet, .csv), or - for stdout."
        ),
    ],
    db: DbOption = Path("news.db"),
    file_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="jsonl, parquet or csv (default: from the file's extension; jsonl for -).",
        ),
    ] = None,
) -> None:
    """Every article: its extract contract, title, and every field of its input record."""
    from nutgraf.corpus.export import ExportError, export_format
    from nutgraf.corpus.export import export as write

    if out != "-":
        target = Path(out)
        if target.is_dir():
            fail(f"{out} is a folder: give a file name")
        if not target.parent.is_dir():
            fail(f"no such folder: {target.parent}")
    try:
        chosen = export_format(out, file_format)
    except ExportError as error:
        fail(str(error))
    store = open_store(db)
    try:
        count = write((record.to_dict() for record in store.articles()), out, chosen)
    except OSError as error:
        fail(f"cannot write {out}: {error.strerror}")
    Console(stderr=True).print(f"wrote {count} articles to {'stdout' if out == '-' else out}")


@app.command(cls=Command)
def serve(
    db: DbOption = Path("news.db"),
    host: Annotated[str, typer.Option(metavar="HOST", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port to listen on.")] = 8000,
    time_limit: Annotated[
        float,
        typer.Option(metavar="SECONDS", min=0.01, help="A slower query is answered with a 503."),
    ] = 5.0,
) -> None:
    """Web pages and a JSON API over the corpus (read-only), at http://HOST:PORT/."""
    import uvicorn

    from nutgraf.web import create_app

    open_store(db).close()
    uvicorn.run(create_app(db, time_limit=time_limit), host=host, port=port)


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
