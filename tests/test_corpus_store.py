"""The corpus: ingest of every input kind, idempotence, a killed run resumed, bad records set
aside, near-duplicates, people across articles, and the queries on a small corpus."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from nutgraf.cli import app
from nutgraf.corpus.ingest import ingest
from nutgraf.corpus.store import UNDATED, EntityRow, Filters, SQLiteStore
from tests.support import EXAMPLES, SHARED

STORY = (
    "Senator Maria Lopez said on Tuesday that the state would rebuild the bridge over the "
    'Clear River. "We will not wait for another flood," Lopez said. The work will cost '
    "$12 million and take two years, officials said. Lopez spoke in Riverton."
)


def story(n: int, person: str = "Maria Lopez") -> str:
    return (
        f"{person} said on Tuesday that the county would open shelter number {n} before winter. "
        f'"Nobody should sleep outside," {person.split()[-1]} said. The shelter on Main Street '
        f"will hold {20 + n} beds, officials said, and the city will pay for {n + 1} staff."
    )


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    return SQLiteStore(tmp_path / "news.db")


def write_jsonl(path: Path, records: list[dict], gzipped: bool = False) -> Path:  # type: ignore[type-arg]
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data) if gzipped else data)
    return path


def write_warc(path: Path, pages: list[tuple[str, str]]) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)
    return path


def test_every_input_kind_is_ingested(tmp_path: Path, store: SQLiteStore) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(story(1))
    (folder / "page.html").write_text((EXAMPLES / "wire-story.html").read_text())
    write_jsonl(
        folder / "lines.jsonl",
        [{"id": "a", "text": story(2), "published": "2024-05-01", "lang": "en"}],
    )
    write_jsonl(
        folder / "lines2.jsonl.gz",
        [{"id": "b", "html": f"<html><body><p>{story(3)}</p><p>{story(30)}</p></body></html>"}],
        gzipped=True,
    )
    paragraphs = f"<p>{story(4)}</p><p>{story(40)}</p>"
    html = f"<html><head><title>Shelter</title></head><body><article>{paragraphs}</article>"
    write_warc(folder / "crawl.warc.gz", [("https://example.org/shelter", html)])
    summary = ingest([folder], store)
    assert (summary.stored, summary.rejected) == (5, 0)
    rows = store.db.execute(
        "SELECT location, url, metadata FROM articles ORDER BY location"
    ).fetchall()
    assert any(r["url"] == "https://example.org/shelter" for r in rows)
    assert any(json.loads(r["metadata"]) == {"lang": "en"} for r in rows)


def test_ingest_twice_stores_nothing_new(tmp_path: Path, store: SQLiteStore) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"id": str(n), "text": story(n)} for n in range(4)])
    first = ingest([source], store)
    second = ingest([source], store)
    assert (first.stored, second.stored, second.skipped) == (4, 0, 4)
    assert store.stats().articles == 4


def test_bad_records_are_set_aside_with_their_reason(tmp_path: Path, store: SQLiteStore) -> None:
    lines = [
        json.dumps({"id": "good", "text": story(1)}),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps(
            {
                "id": "french",
                "text": "Le gouvernement a annoncé mardi le retrait de ses troupes de la région.",
            }
        ),
        json.dumps({"id": "no-text", "title": "Only a title"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "huge", "text": "word " * 1_200_000}),
        json.dumps({"id": "good2", "text": story(2)}),
    ]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n")
    summary = ingest([source, tmp_path / "missing.jsonl"], store)
    assert (summary.stored, summary.rejected) == (2, 7)
    reasons = dict(store.rejects())
    assert "malformed JSON line" in reasons[f"{source}:2"]
    assert reasons[f"{source}:3"] == "input is empty"
    assert "not English" in reasons[f"{source}:4"]
    assert "no 'text' or 'html'" in reasons[f"{source}:5"]
    assert "not an object" in reasons[f"{source}:6"]
    assert "larger than 5 MB" in reasons[f"{source}:7"] or "longer than" in reasons[f"{source}:7"]
    assert reasons[str(tmp_path / "missing.jsonl")] == "no such file or folder"


def test_near_duplicates_are_linked_to_the_first_copy(tmp_path: Path, store: SQLiteStore) -> None:
    wire = f"{story(7)}\n\n{STORY}"
    records = [
        {"id": "site-a", "text": wire + "\n\nSign up for the Riverton Gazette newsletter"},
        {"id": "site-b", "text": wire + "\n\nCopyright 2024 Valley Herald. All rights reserved."},
    ]
    summary = ingest([write_jsonl(tmp_path / "dup.jsonl", records)], store)
    assert (summary.stored, summary.duplicates) == (1, 1)
    assert store.stats().articles == 1
    kept = ingest(
        [
            write_jsonl(
                tmp_path / "dup2.jsonl", [{"id": "c", "text": wire + "\n\nShare this story"}]
            )
        ],
        store,
        keep_duplicates=True,
    )
    assert kept.duplicates == 1
    row = store.db.execute(
        "SELECT duplicate_of, data FROM articles ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert row["duplicate_of"] is not None and row["data"] is not None


def test_people_across_articles(tmp_path: Path, store: SQLiteStore) -> None:
    records = [
        {"id": "1", "text": story(1, "Junichiro Koizumi"), "published": "2006-06-20"},
        {
            "id": "2",
            "text": "Prime Minister Koizumi met the mayor of Osaka on Friday to discuss the plan.",
            "published": "2006-07-01",
        },
        {"id": "3", "text": story(3, "Bill Clinton"), "published": "2006-07-02"},
        {"id": "4", "text": story(4, "Hillary Clinton"), "published": "2006-07-03"},
    ]
    ingest([write_jsonl(tmp_path / "people.jsonl", records)], store)
    koizumi = store.find_entity("Koizumi")
    assert koizumi is not None and koizumi == store.find_entity("Junichiro Koizumi")
    profile = store.entity_profile(koizumi)
    assert profile.name == "Junichiro Koizumi" and profile.articles == 2
    assert {"Koizumi", "Junichiro Koizumi"} <= {alias for alias, _ in profile.aliases}
    assert ("Prime Minister", 1) in profile.titles
    assert [m for m, _ in profile.mentions_by_month] == ["2006-06", "2006-07"]
    assert store.find_entity("Bill Clinton") != store.find_entity("Hillary Clinton")


def test_queries_on_a_small_corpus(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    records = [
        {"id": str(n), "text": story(n), "published": f"2024-0{n}-01", "source": "Gazette"}
        for n in range(1, 5)
    ]
    records.append({"id": "bridge", "text": STORY, "published": "2024-06-01", "source": "Herald"})
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "ingest",
            str(write_jsonl(tmp_path / "c.jsonl", records)),
            "--db",
            str(db),
            "--workers",
            "1",
        ],
    )
    assert result.exit_code == 0 and "stored 5" in result.stdout
    found = runner.invoke(app, ["search", "bridge flood", "--db", str(db)])
    assert "Clear River" in found.stdout or "bridge" in found.stdout
    store = SQLiteStore(db, read_only=True)
    assert [h.title for h in store.search("shelter", since="2024-03-01", until="2024-04-30")] != []
    assert all(h.published >= "2024-03-01" for h in store.search("shelter", since="2024-03-01"))
    assert store.search("bridge", entity="Riverton")[0].snippet.count("\x02") >= 1
    assert "Maria Lopez" in runner.invoke(app, ["entity", "Lopez", "--db", str(db)]).stdout
    said = runner.invoke(app, ["quotes", "--speaker", "Maria Lopez", "--db", str(db)]).stdout
    assert "Nobody should sleep outside" in said
    counted = runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout
    assert json.loads(counted)["articles"] == 5
    for file_format in ("jsonl", "parquet", "csv"):
        out = tmp_path / f"out.{file_format}"
        assert (
            runner.invoke(
                app, ["export", str(out), "--db", str(db), "--format", file_format]
            ).exit_code
            == 0
        )
    exported = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert len(exported) == 5 and exported[0]["schema_version"] == 1
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 5 and str(table.schema.field("published").type) == "string"
    missing = runner.invoke(app, ["stats", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2 and "no such database" in missing.stderr


@pytest.mark.slow
def test_a_killed_run_resumes_without_duplicates_or_gaps(tmp_path: Path) -> None:
    with (SHARED / "corpus" / "bbc" / "articles.jsonl").open() as lines:
        records = [json.loads(next(lines)) for _ in range(100)]
    source = write_jsonl(tmp_path / "bbc.jsonl", records)
    db = tmp_path / "news.db"
    command = [
        sys.executable,
        "-m",
        "nutgraf",
        "ingest",
        str(source),
        "--db",
        str(db),
        "--workers",
        "1",
    ]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and run.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db) as check:
                    stored = check.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 1:
                break
    assert run.poll() is None, "the run ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert 0 < stored < len(records)
    subprocess.run(command, check=True, capture_output=True)
    with sqlite3.connect(db) as check:
        hashes = [row[0] for row in check.execute("SELECT hash FROM articles")]
    unique_texts = {r["text"] for r in records}
    assert len(hashes) == len(set(hashes)) == len(unique_texts)


def test_a_file_that_is_no_database_is_refused(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are my notes, not a database\n" * 50)
    runner = CliRunner()
    for command in (
        ["stats", "--db", str(not_a_db)],
        ["ingest", str(EXAMPLES), "--db", str(not_a_db)],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 2 and "not a nutgraf database" in result.stderr
    missing_folder = runner.invoke(
        app, ["ingest", str(EXAMPLES), "--db", str(tmp_path / "no" / "x.db")]
    )
    assert missing_folder.exit_code == 2 and "no such folder" in missing_folder.stderr


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    """Shelter stories by Maria Lopez in three months and two sources, one undated story by
    Junichiro Koizumi, and the bridge story (Lopez again, in Riverton)."""
    folder = tmp_path_factory.mktemp("queries")
    records = [
        {"id": f"s{n}", "text": story(n), "published": f"2024-0{n}-0{n}",
         "source": "Gazette" if n < 3 else "Herald"}
        for n in (1, 2, 4)
    ]  # fmt: skip
    records += [
        {"id": "pm", "text": story(5, "Junichiro Koizumi")},
        {"id": "bridge", "text": STORY, "published": "2024-06-01", "source": "Herald"},
    ]
    store = SQLiteStore(folder / "news.db")
    ingest([write_jsonl(folder / "c.jsonl", records)], store)
    return store


def test_articles_are_listed_newest_first_and_filtered(small_corpus: SQLiteStore) -> None:
    store = small_corpus
    listed = store.list_articles()
    assert [a.published for a in listed] == [
        "2024-06-01", "2024-04-04", "2024-02-02", "2024-01-01", None,
    ]  # fmt: skip
    lopez = store.find_entity("Maria Lopez")
    assert lopez is not None
    assert len(store.list_articles(Filters(entity_id=lopez))) == 4
    assert {a.source for a in store.list_articles(Filters(source="Herald"))} == {"Herald"}
    assert [a.published for a in store.list_articles(Filters(month="2024-02"))] == ["2024-02-02"]
    assert [a.published for a in store.list_articles(Filters(month=UNDATED))] == [None]
    between = Filters(since="2024-02-01", until="2024-04-30")
    assert len(store.list_articles(between)) == 2
    assert len(store.list_articles(limit=2, offset=4)) == 1


def test_search_takes_the_same_filters_and_facets_count_them(small_corpus: SQLiteStore) -> None:
    store = small_corpus
    assert len(store.search("shelter")) == 4
    assert [h.source for h in store.search("shelter", filters=Filters(source="Herald"))] == [
        "Herald"
    ]
    facets = store.search_facets("shelter")
    assert facets.articles == 4
    assert dict(facets.sources) == {"Gazette": 2, "Herald": 1, "unknown": 1}
    assert dict(facets.months)[UNDATED] == 1
    counted = {e.name: e.articles for e in facets.entities}
    assert counted["Main Street"] == 4 and counted["Maria Lopez"] == 3
    narrowed = store.search_facets("shelter", Filters(month="2024-04"))
    assert narrowed.articles == 1 and dict(narrowed.months) == {"2024-04": 1}
    everything = store.search_facets()
    assert everything.articles == 5
    assert store.search_facets("no such word anywhere").articles == 0


def test_one_article_with_its_facts_and_corpus_entities(small_corpus: SQLiteStore) -> None:
    store = small_corpus
    newest = store.list_articles(limit=1)[0]
    stored = store.article(newest.id)
    assert stored is not None
    article = stored.to_dict()
    assert article["schema_version"] == 1 and article["source"] == "Herald"
    assert "Clear River" in article["body"] and article["quotes"]
    lopez = next(e for e in article["entities"] if e["name"] == "Maria Lopez")
    assert article["entity_ids"][lopez["id"]] == store.find_entity("Maria Lopez")
    assert store.article(10_000) is None
    pasted = store.corpus_entity_ids([("e9", "Lopez", "PERSON"), ("e10", "Nobody Known", "ORG")])
    assert pasted == {"e9": store.find_entity("Maria Lopez")}


def test_entity_queries(small_corpus: SQLiteStore) -> None:
    store = small_corpus
    lopez = store.find_entity("Lopez")
    assert lopez is not None
    assert store.entity(lopez) == EntityRow(lopez, "Maria Lopez", "PERSON")
    assert store.entity(10_000) is None
    with pytest.raises(KeyError):
        store.entity_profile(10_000)
    months = store.mentions_by_month(lopez)
    assert [m for m, _ in months] == ["2024-01", "2024-02", "2024-04", "2024-06"]
    co_mentioned = store.co_mentions(lopez, limit=3)
    assert co_mentioned[0].name == "Main Street" and co_mentioned[0].articles == 3
    assert store.entity_profile(lopez).co_mentioned[:3] == co_mentioned
    top = store.top_entities(limit=2)
    assert [(e.name, e.articles) for e in top] == [("Main Street", 4), ("Maria Lopez", 4)]
    assert all(e.type == "PERSON" for e in store.top_entities("PERSON"))
    quotes = store.quotes(entity_id=lopez)
    assert quotes and all(q.speaker_id == lopez for q in quotes)
