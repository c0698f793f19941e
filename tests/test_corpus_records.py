"""Every record accounted for (exact copies kept as records, the invariant over any input, a
second ingest changing nothing), the migration of a first-release corpus, reads under a time
limit, FTS5 search syntax, dates, and exports that keep the whole input record."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from nutgraf.cli import app
from nutgraf.corpus.ingest import ingest
from nutgraf.corpus.store import (
    MODES,
    SCHEMA_VERSION,
    QueryError,
    QueryTimeout,
    SQLiteStore,
    StoreError,
    day,
    fts_query,
    migrate,
)
from tests.support import SHARED
from tests.test_corpus_store import STORY, story

V1_CORPUS = Path(__file__).parent / "data" / "corpus_v1.sql"
runner = CliRunner()


def cli(*args: str) -> object:
    return runner.invoke(app, list(args))


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        names = [row[0] for row in connection.execute(tables)]
        return {n: connection.execute(f"SELECT COUNT(*) FROM {n}").fetchone()[0] for n in names}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """A corpus of every kind of record: stored, exact copies (another id, same content, also a
    copy of a rejected record), a near-duplicate, bad records; returns (db, input, records)."""
    folder = tmp_path_factory.mktemp("mixed")
    wire = f"{story(7)}\n\n{STORY}"
    lines = [
        json.dumps({"id": "one", "text": story(1), "title": "Shelter one", "desk": "city",
                    "author": "A. Writer", "url": "https://example.org/1", "source": "Gazette"}),
        json.dumps({"id": "two", "text": story(2), "published": "2024-02-02"}),
        json.dumps({"id": "one-copy", "text": story(1), "source": "Wire", "desk": "wire"}),
        "{not json",
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "empty-copy", "text": "  "}),
        json.dumps({"id": "site-a", "text": wire + "\n\nSign up for the Riverton newsletter"}),
        json.dumps({"id": "site-b", "text": wire + "\n\nCopyright 2024 Valley Herald."}),
        json.dumps({"id": "two-copy", "text": story(2)}),
    ]  # fmt: skip
    source = folder / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "news.db"
    result = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "exact copies 2, rejected 3" in result.stdout
    return db, source, len(lines)


def test_every_record_read_is_stored_a_copy_a_near_duplicate_or_rejected(
    mixed: tuple[Path, Path, int],
) -> None:
    db, source, read = mixed
    stats = SQLiteStore(db, read_only=True).stats()
    assert (stats.articles, stats.duplicates, stats.near_duplicates, stats.rejected) == (3, 2, 1, 3)
    assert stats.articles + stats.duplicates + stats.near_duplicates + stats.rejected == read
    before = table_counts(db)
    again = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--workers", "1"])
    assert (
        "stored 0, near-duplicates 0, exact copies 0, rejected 0, already stored 9" in again.stdout
    )
    assert table_counts(db) == before


def test_a_copy_of_a_rejected_record_is_rejected_for_the_same_reason(
    mixed: tuple[Path, Path, int],
) -> None:
    db, source, _ = mixed
    reasons = dict(SQLiteStore(db, read_only=True).rejects())
    assert reasons[f"{source}:5"] == reasons[f"{source}:6"] == "input is empty"


def test_an_exact_copy_is_a_record_of_its_article_found_by_its_id(
    mixed: tuple[Path, Path, int],
) -> None:
    db, source, _ = mixed
    store = SQLiteStore(db, read_only=True)
    article_id = store.find_record("one-copy")
    assert article_id is not None and article_id == store.find_record("one")
    article = store.article(article_id)
    assert article is not None
    assert [r.record_id for r in article.records] == ["one", "one-copy"]
    copy = article.records[1]
    assert (copy.location, copy.source, copy.metadata) == (f"{source}:3", "Wire", {"desk": "wire"})
    shown = cli("show", "one-copy", "--db", str(db))
    assert shown.exit_code == 0 and "Record: one-copy" in shown.stdout
    assert "Entities" in shown.stdout and "Shelter one" in shown.stdout
    as_json = json.loads(cli("show", str(article_id), "--db", str(db), "-f", "json").stdout)
    assert as_json["title"] == "Shelter one" and len(as_json["records"]) == 2
    missing = cli("show", "nobody", "--db", str(db))
    assert missing.exit_code == 2 and "no article or record 'nobody'" in missing.stderr
    assert store.find_record("nobody") is None


def test_a_missing_input_is_a_usage_error_and_makes_no_database(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    result = cli("ingest", str(tmp_path / "nothere.jsonl"), "--db", str(db))
    assert result.exit_code == 2 and not db.exists()
    assert (
        result.stderr == f"nutgraf: error: no such file or folder: {tmp_path / 'nothere.jsonl'}\n"
    )


def test_a_first_release_corpus_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    with sqlite3.connect(db) as connection:
        connection.executescript(V1_CORPUS.read_text(encoding="utf-8"))
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 0
    with pytest.raises(StoreError, match="open it for writing once"):
        SQLiteStore(db, read_only=True)
    assert cli("stats", "--db", str(db)).exit_code == 0  # the command line migrates it
    store = SQLiteStore(db, read_only=True)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for record_id in ("v1-a", "v1-b"):
        article_id = store.find_record(record_id)
        assert article_id is not None
        article = store.article(article_id)
        assert article is not None
        # The map is what the first release counted each mention under, entity by entity.
        counted = {r[0] for r in store.db.execute(
            "SELECT entity_id FROM mentions WHERE article_id = ?", (article_id,))}  # fmt: skip
        assert set(article.entity_ids.values()) == counted
        assert set(article.entity_ids) == {e["id"] for e in article.contract["entities"]}
    modes = [row[0] for row in store.db.execute("SELECT mode FROM quotes")]
    assert modes and set(modes) <= set(MODES)  # each quote's mode, read from its cue
    okafor = store.find_entity("Tom Okafor")
    assert okafor is not None and store.entity_profile(okafor).articles == 1
    assert store.count_articles("libraries") == 1
    before = table_counts(db)
    migrate(db)  # a second time does nothing
    assert table_counts(db) == before


def test_a_slow_read_stops_at_the_time_limit(mixed: tuple[Path, Path, int]) -> None:
    db, _, _ = mixed
    with pytest.raises(QueryTimeout, match="time limit"):
        SQLiteStore(db, read_only=True, time_limit=0).search_facets("shelter")
    assert SQLiteStore(db, read_only=True, time_limit=5).search_facets("shelter").articles == 3


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Blair OR Brown", "Blair OR Brown"),
        ("Blair -Brown", "Blair NOT Brown"),
        ('"prime minister" Blai*', '"prime minister" Blai*'),
        ("title:Blair", "title:Blair"),
        ("NEAR(Blair Brown, 5)", "NEAR ( Blair Brown, 5 )"),
        ("U.S. well-known", '"U.S." "well-known"'),
        ("title:U.S.", 'title:"U.S."'),
        ("blair or brown", "blair or brown"),
    ],
)
def test_queries_take_fts5_syntax(query: str, expected: str) -> None:
    assert fts_query(query) == expected


def test_fts5_operators_match_as_documented(mixed: tuple[Path, Path, int]) -> None:
    store = SQLiteStore(mixed[0], read_only=True)

    def ids(query: str) -> set[int]:
        return {hit.article_id for hit in store.search(query, limit=50)}

    assert len(ids("bridge")) == 1 and len(ids("shelter")) == 3
    assert ids("bridge OR beds") == ids("shelter")
    assert ids("shelter NOT bridge") == ids("shelter -bridge") == ids("shelter") - ids("bridge")
    assert ids("shelt*") == ids("shelter")
    assert ids('"Clear River"') == ids("bridge") and ids('"River Clear"') == set()
    assert ids("title:shelter") == {store.find_record("one")}
    assert ids("NEAR(Clear flood, 12)") == ids("bridge")
    for bad in ('"unclosed', "author:Lopez", "-bridge", "shelter AND"):
        with pytest.raises(QueryError, match="malformed search query"):
            store.search(bad)


def test_the_search_command_takes_fts5_queries_and_says_what_is_wrong(
    mixed: tuple[Path, Path, int],
) -> None:
    db = str(mixed[0])
    assert cli("search", "shelter -bridge", "--db", db).stdout.startswith("2 articles match")
    negative = cli("search", "-bridge", "--db", db)
    assert negative.exit_code == 2 and "malformed search query" in negative.stderr
    nothing = cli("search", "zzyzx", "--db", db)
    assert nothing.exit_code == 0 and nothing.stdout == "0 articles match\n"
    bad = cli("search", '"unclosed', "--db", db)
    assert bad.exit_code == 2 and len(bad.stderr.splitlines()) == 1
    paged = json.loads(cli("search", "shelter", "--db", db, "--json", "--limit", "2").stdout)
    assert (paged["total"], len(paged["hits"])) == (3, 2)
    rest = json.loads(cli("search", "shelter", "--db", db, "--json", "--offset", "2").stdout)
    assert len(rest["hits"]) == 1 and rest["hits"][0]["article_id"] not in {
        h["article_id"] for h in paged["hits"]
    }


def test_an_unknown_entity_is_the_same_error_in_search_entity_and_quotes(
    mixed: tuple[Path, Path, int],
) -> None:
    db = str(mixed[0])
    for command in (["search", "shelter", "--entity", "Nobody"], ["entity", "Nobody"],
                    ["quotes", "--speaker", "Nobody"]):  # fmt: skip
        result = cli(*command, "--db", db)
        assert result.exit_code == 2 and "no entity called 'Nobody'" in result.stderr


def test_dates_are_read_and_checked() -> None:
    assert day("2016-06-01") == "2016-06-01"
    assert day("1 June 2016") == "2016-06-01"
    assert day("06/01/2016") == "2016-06-01"
    assert len(day("yesterday")) == 10
    for bad in ("2016-13-45", "not a date", ""):
        with pytest.raises(QueryError):
            day(bad)


def test_search_dates_are_checked_on_the_command_line(mixed: tuple[Path, Path, int]) -> None:
    db = str(mixed[0])
    for option in ("--since", "--until"):
        wrong = cli("search", "shelter", option, "2016-13-45", "--db", db)
        assert wrong.exit_code == 2 and f"{option}: '2016-13-45' is not a date" in wrong.stderr
    since = cli("search", "shelter", "--since", "1 Feb 2024", "--db", db, "--json")
    assert [h["published"] for h in json.loads(since.stdout)["hits"]] == ["2024-02-02"]


def test_exports_keep_the_title_and_every_input_field(
    mixed: tuple[Path, Path, int], tmp_path: Path
) -> None:
    db = str(mixed[0])
    for name in ("out.jsonl", "out.parquet", "out.csv"):
        assert cli("export", str(tmp_path / name), "--db", db).exit_code == 0
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    first = next(a for a in lines if a["record_id"] == "one")
    assert first["title"] == "Shelter one" and first["url"] == "https://example.org/1"
    assert first["metadata"] == {"desk": "city", "author": "A. Writer"}
    assert [r["record_id"] for r in first["records"]] == ["one", "one-copy"]
    table = pq.read_table(tmp_path / "out.parquet").to_pylist()
    row = next(r for r in table if r["record_id"] == "one")
    assert row["title"] == "Shelter one" and json.loads(row["metadata"])["author"] == "A. Writer"
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert next(r for r in rows if r["record_id"] == "one")["title"] == "Shelter one"
    assert (tmp_path / "out.parquet").read_bytes()[:4] == b"PAR1"


def test_export_formats_come_from_the_extension_and_dash_is_stdout(
    mixed: tuple[Path, Path, int], tmp_path: Path
) -> None:
    db = str(mixed[0])
    to_stdout = cli("export", "-", "--db", db)
    assert to_stdout.exit_code == 0 and len(to_stdout.stdout.splitlines()) == 3
    as_csv = cli("export", "-", "--db", db, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(as_csv.stdout)))) == 3
    for args, message in [
        ([str(tmp_path / "x.parquet"), "--format", "jsonl"], "extension of parquet, not of jsonl"),
        ([str(tmp_path / "x.txt")], "cannot tell the format"),
        (["-", "--format", "parquet"], "standard output"),
        ([str(tmp_path / "x.jsonl"), "--format", "xml"], "unknown format 'xml'"),
        (["/no/such/dir/x.jsonl"], "no such folder: /no/such/dir"),
        ([str(tmp_path)], "is a folder"),
    ]:
        result = cli("export", *args, "--db", db)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1


def test_stats_is_a_table_or_json(mixed: tuple[Path, Path, int]) -> None:
    db = str(mixed[0])
    shown = cli("stats", "--db", db).stdout
    assert "exact copies" in shown and "records read" in shown and "│" in shown
    counted = json.loads(cli("stats", "--db", db, "--json").stdout)
    assert counted["duplicates"] == 2 and counted["near_duplicates"] == 1


def test_entity_and_quotes_take_json_and_cut_quotes_at_a_word(
    mixed: tuple[Path, Path, int],
) -> None:
    db = str(mixed[0])
    profile = json.loads(cli("entity", "Maria Lopez", "--db", db, "--json").stdout)
    assert profile["name"] == "Maria Lopez" and profile["quotes"]
    quotes = json.loads(cli("quotes", "--db", db, "--json", "--limit", "1").stdout)
    assert quotes["total"] >= 2 and len(quotes["quotes"]) == 1
    long = SQLiteStore(mixed[0], read_only=True).quotes(limit=50)
    assert long
    text = cli("quotes", "--db", db).stdout
    assert "“Nobody should sleep outside”" in text


def test_version_and_help_without_type_placeholders() -> None:
    version = cli("--version")
    assert version.exit_code == 0 and version.stdout.startswith("nutgraf ")
    for command in ("ingest", "search", "export", "extract", "extract-batch", "load", "show",
                    "entity", "quotes", "stats", "serve", "rejects"):  # fmt: skip
        text = cli(command, "--help").stdout
        assert "<" not in text and "Usage:" in text, command


@pytest.mark.slow
def test_no_command_shows_a_traceback_whatever_its_arguments(
    mixed: tuple[Path, Path, int], tmp_path: Path
) -> None:
    """Every command, each of its arguments and options in turn given a wrong path, a folder,
    a file that is no database, an empty value, a negative number or a word: a one-line error
    (exit 2) or a result (exit 0), never a traceback."""
    from typer.main import get_command

    notes = tmp_path / "notes.txt"
    notes.write_text("these are notes, not a database\n" * 20)
    db = str(mixed[0])
    base = {  # arguments that let each command run, on inputs that do no long work
        "extract": [str(notes)], "ingest": ["/no/such/input"], "load": [str(tmp_path)],
        "extract-batch": ["/no/such/input", "--out", str(tmp_path / "out")],
        "search": ["shelter", "--db", db], "entity": ["Lopez", "--db", db],
        "quotes": ["--db", db], "stats": ["--db", db], "rejects": ["--db", db],
        "show": ["1", "--db", db], "export": [str(tmp_path / "x.jsonl"), "--db", db],
        "serve": ["--db", str(notes)],
    }  # fmt: skip
    wrong = ["", "/no/such/path", str(tmp_path), str(notes), "-1", "zz", "0"]
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) == set(base)
    tried = 0
    for name, command in commands.items():
        for param in command.params:
            if getattr(param, "is_flag", False) or param.name == "help":
                continue
            for value in wrong:
                if param.param_type_name == "argument":
                    position = [p for p in command.params if p.param_type_name == "argument"]
                    args = list(base[name])
                    args[position.index(param)] = value
                else:
                    args = [*base[name], param.opts[0], value]
                result = runner.invoke(app, [name, *args])
                tried += 1
                assert result.exit_code in (0, 2), (name, args, result.output)
                assert not isinstance(result.exception, Exception) or isinstance(
                    result.exception, SystemExit
                ), (name, args, repr(result.exception))
                assert "Traceback" not in result.output, (name, args)
                if result.exit_code == 2:
                    assert len(result.stderr.strip().splitlines()) >= 1
    assert tried > 150


def test_the_report_leaves_out_empty_tables_and_cuts_quotes_at_a_word() -> None:
    from rich.console import Console

    import nutgraf
    from nutgraf.report import QUOTE_PREVIEW, report

    said = " ".join(["the harbour wall will be rebuilt before the storms of winter"] * 4)
    article = nutgraf.extract(
        f'Mayor Ruth Okafor spoke to the council on Monday. "{said}," Okafor said.'
    )
    console = Console(width=200, record=True)
    console.print(report(article))
    text = console.export_text()
    assert "Quotes" in text and "Entities" in text
    assert not article.amounts and "Amounts" not in text
    quoted = next(line for line in text.splitlines() if "“" in line)
    shown = quoted[quoted.index("“") + 1 : quoted.index("”")]
    assert shown.endswith(" …") and len(shown) <= QUOTE_PREVIEW
    assert said.startswith(shown.removesuffix(" …"))
    assert shown.removesuffix(" …").split()[-1] in said.split()


@pytest.mark.slow
def test_the_invariant_holds_on_bbc_articles_with_their_copies_and_bad_records(
    tmp_path: Path,
) -> None:
    """BBC lines 205-245 (line 240 repeats line 214 under another id), line 253 (a copy of
    line 7, read first), and bad lines between them."""
    with (SHARED / "corpus" / "bbc" / "articles.jsonl").open(encoding="utf-8") as lines:
        bbc = dict(enumerate(lines, start=1))
    wanted = [bbc[7], *(bbc[n] for n in range(205, 246)), bbc[253]]
    bad = ["{broken\n", json.dumps({"id": "x", "text": ""}) + "\n", "[1, 2]\n"]
    source = tmp_path / "bbc.jsonl"
    source.write_text("".join(wanted[:20] + bad + wanted[20:]), encoding="utf-8")
    store = SQLiteStore(tmp_path / "news.db")
    summary = ingest([source], store, workers=1)
    stats = store.stats()
    read = len(wanted) + len(bad)
    assert stats.articles + stats.duplicates + stats.near_duplicates + stats.rejected == read
    assert summary.processed == read and stats.duplicates >= 2 and stats.rejected == 3
    assert store.find_record("bbc-business-240") == store.find_record("bbc-business-214")
    assert store.find_record("bbc-business-253") == store.find_record("bbc-business-007")
    before = table_counts(tmp_path / "news.db")
    assert ingest([source], store, workers=1).skipped == read
    assert table_counts(tmp_path / "news.db") == before
