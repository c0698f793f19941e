"""The JSON API, endpoint by endpoint, with its errors; the server never writes the corpus."""

from __future__ import annotations

import hashlib
import html
import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from nutgraf.cli import app as cli
from nutgraf.schema import contract_fields
from nutgraf.source import MAX_INPUT_BYTES
from nutgraf.web import create_app
from nutgraf.web.dependencies import corpus
from tests.support import EXAMPLES
from tests.web_support import HOSTILE_TITLE

STORY = (
    "Senator Maria Lopez said on Tuesday that the state would rebuild the bridge over the "
    'Clear River. "We will not wait for another flood," Lopez said. The work will cost '
    "$12 million and take two years, officials said."
)


@pytest.fixture(scope="module")
def client(web_corpus: Path) -> TestClient:
    return TestClient(create_app(web_corpus))


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def clinton(client: TestClient) -> int:
    found = get(client, "/api/entities?name=Hillary Clinton")["entities"]
    assert found and found[0]["name"] == "Hillary Clinton"
    return int(found[0]["id"])


def test_articles_list_and_filters(client: TestClient) -> None:
    articles = get(client, "/api/articles")["articles"]
    assert len(articles) == 8
    dated = [a["published"] for a in articles if a["published"]]
    assert dated == sorted(dated, reverse=True) and articles[-1]["published"] is None
    person = clinton(client)
    assert len(get(client, f"/api/articles?entity={person}")["articles"]) == 5
    january = get(client, "/api/articles?month=2016-01")["articles"]
    assert january and all(a["published"].startswith("2016-01") for a in january)
    assert [a["source"] for a in get(client, "/api/articles?source=BBC News")["articles"]] == [
        "BBC News"
    ]
    ranged = get(client, "/api/articles?since=2015-12-01&until=2015-12-31")["articles"]
    assert len(ranged) == 2
    assert len(get(client, "/api/articles?limit=2&offset=1")["articles"]) == 2
    assert "month" in get(client, "/api/articles?month=January", 422)["error"]
    assert "limit" in get(client, "/api/articles?limit=0", 422)["error"]
    assert "since" in get(client, "/api/articles?since=2016-13-45", 422)["error"]
    assert "until" in get(client, "/api/articles?until=someday", 422)["error"]
    words = get(client, "/api/articles?since=1 December 2015&until=31 Dec 2015")["articles"]
    assert [a["id"] for a in words] == [a["id"] for a in ranged]
    assert get(client, "/api/articles?since=yesterday")["articles"] == []


def test_one_article_with_its_facts(client: TestClient) -> None:
    first = get(client, "/api/articles?month=2015-11")["articles"][0]
    article = get(client, f"/api/articles/{first['id']}")
    assert article["schema_version"] == 1 and article["title"] == first["title"]
    assert article["quotes"] and article["entities"]
    for entity in article["entities"]:
        for mention in entity["mentions"]:
            assert article["body"][mention["start"] : mention["end"]] == mention["text"]
    assert clinton(client) in article["entity_ids"].values()
    assert get(client, "/api/articles/99999", 404) == {"error": "no article 99999"}
    assert "article_id" in get(client, "/api/articles/first", 422)["error"]


def test_search_with_snippets_and_facets(client: TestClient) -> None:
    found = get(client, "/api/search?q=Clinton")
    assert found["hits"] and found["facets"]["articles"] == len(found["hits"])
    for hit in found["hits"]:
        assert hit["matches"] and "\x02" not in hit["snippet"]
        start, end = hit["matches"][0]
        assert hit["snippet"][start:end].lower() == "clinton"
    assert found["facets"]["entities"][0]["name"] == "Hillary Clinton"
    months = dict(found["facets"]["months"])
    narrowed = get(client, "/api/search?q=Clinton&month=2015-12")
    assert len(narrowed["hits"]) == months["2015-12"]
    assert get(client, "/api/search?q=zzyzx")["hits"] == []
    assert "q" in get(client, "/api/search", 422)["error"]


def test_entities_profile_co_mentions_and_timeline(client: TestClient) -> None:
    top = get(client, "/api/entities?limit=3")["entities"]
    assert len(top) == 3 and top[0]["articles"] >= top[-1]["articles"]
    people = get(client, "/api/entities?type=PERSON")["entities"]
    assert people and all(e["type"] == "PERSON" for e in people)
    assert get(client, "/api/entities?name=Nobody At All")["entities"] == []
    person = clinton(client)
    profile = get(client, f"/api/entities/{person}")
    assert "Clinton" in [alias for alias, _ in profile["aliases"]]
    assert profile["articles"] == 5 and profile["quotes"]
    co = get(client, f"/api/entities/{person}/co-mentions?limit=5")
    assert co["name"] == "Hillary Clinton" and len(co["co_mentioned"]) == 5
    assert "Donald Trump" in [e["name"] for e in co["co_mentioned"]]
    months = get(client, f"/api/entities/{person}/timeline")["mentions_by_month"]
    assert [m for m, _ in months] == ["2015-11", "2015-12", "2016-01"]
    for url in ("/api/entities/99999", "/api/entities/99999/co-mentions",
                "/api/entities/99999/timeline"):  # fmt: skip
        assert get(client, url, 404) == {"error": "no entity 99999"}


def test_quotes(client: TestClient) -> None:
    too_many = get(client, "/api/quotes?limit=1000", 422)
    assert "limit" in too_many["error"]
    quotes = get(client, "/api/quotes?limit=200")["quotes"]
    assert len({q["article_id"] for q in quotes}) >= 5
    person = clinton(client)
    hers = get(client, f"/api/quotes?speaker={person}")["quotes"]
    assert hers and all(q["speaker"] == "Hillary Clinton" for q in hers)
    assert get(client, "/api/quotes?speaker=99999", 404) == {"error": "no entity 99999"}


def post(client: TestClient, body: bytes | str, content_type: str | None, **kw: Any) -> Any:
    headers = {"content-type": content_type} if content_type else {}
    data = body.encode() if isinstance(body, str) else body
    return client.post("/api/extract", content=data, headers=headers, **kw)


def test_extract_takes_text_html_and_json(client: TestClient) -> None:
    text = post(client, STORY, "text/plain", params={"published": "2024-05-09"})
    assert text.status_code == 200
    contract = text.json()
    assert contract["schema_version"] == 1
    assert "We will not wait for another flood" in [q["text"] for q in contract["quotes"]]
    assert contract["dates"][0]["value"] == "2024-05-07"
    html = post(client, (EXAMPLES / "wire-story.html").read_bytes(), "text/html; charset=utf-8")
    assert html.status_code == 200 and html.json()["title"]
    latin = post(client, STORY.replace("Lopez", "López").encode("latin-1"),
                 "text/plain; charset=iso-8859-1")  # fmt: skip
    assert "López" in latin.json()["body"]
    as_json = post(client, json.dumps({"text": STORY, "published": "2024-05-09"}),
                   "application/json")  # fmt: skip
    assert as_json.json()["dates"][0]["value"] == "2024-05-07"


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"a" * (MAX_INPUT_BYTES + 1), "text/plain", 413, "larger than 5 MB"),
        (STORY, "application/octet-stream", 415, "not application/octet-stream"),
        (STORY, None, 415, "without a content type"),
        (STORY, "multipart/form-data; boundary=x", 415, "text/plain, text/html"),
        (b"\x00\x01\x02\x03PNG\x00" * 50, "text/plain", 415, "not text"),
        (b"\xff\xfe\x00\xd8" * 50, "text/plain; charset=utf-8", 415, "declared charset"),
        (STORY, "text/plain; charset=klingon", 415, "declared charset"),
        ("{not json", "application/json", 400, "not valid JSON"),
        ('["a list"]', "application/json", 422, '"text" string'),
        ('{"text": 3}', "application/json", 422, '"text" string'),
        ('{"text": "x", "published": 5}', "application/json", 422, "published"),
        ("   ", "text/plain", 422, "input is empty"),
        (
            "Le gouvernement a annoncé mardi le retrait de ses troupes.",
            "text/plain",
            422,
            "not English",
        ),
        (json.dumps({"text": STORY, "published": "May 9"}), "application/json", 422, "YYYY"),
    ],
)
def test_extract_errors_are_json_with_a_message(
    client: TestClient, body: bytes | str, content_type: str | None, status: int, message: str
) -> None:
    response = post(client, body, content_type)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert message in response.json()["error"]


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    assert set(paths) == {
        "/api/articles", "/api/articles/{article_id}", "/api/search", "/api/entities",
        "/api/entities/{entity_id}", "/api/entities/{entity_id}/co-mentions",
        "/api/entities/{entity_id}/timeline", "/api/quotes", "/api/extract", "/api/places",
        "/api/records/{record_id}", "/api/articles.csv", "/api/articles/{article_id}.csv",
        "/api/search.csv", "/api/entities.csv", "/api/quotes.csv",
    }  # fmt: skip
    for path, methods in paths.items():
        if path.endswith(".csv") or path == "/api/extract":
            continue
        schema = methods["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in schema, path  # a named record, not an untyped object
    body = paths["/api/extract"]["post"]["requestBody"]["content"]
    assert set(body) == {"text/plain", "text/html", "application/json"}
    assert client.get("/docs").status_code == 404


def test_pages_and_their_errors(client: TestClient) -> None:
    for url in ("/", "/?q=Clinton", "/?month=undated", "/extract",
                f"/entities/{clinton(client)}", "/articles/1"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in response.headers["content-security-policy"]
    for url in ("/articles/99999", "/entities/99999", "/no/such/page"):
        missing = client.get(url)
        assert missing.status_code == 404 and "<h1>404</h1>" in missing.text
    assert get(client, "/api/no/such/endpoint", 404) == {"error": "not found"}
    assert client.get("/?month=June").status_code == 422
    pasted = client.post("/extract", data={"text": STORY, "published": "2024-05-09"})
    assert pasted.status_code == 200 and "We will not wait for another flood" in pasted.text
    refused = client.post("/extract", data={"text": "  "})
    assert refused.status_code == 422 and "input is empty" in refused.text


def test_titles_and_names_are_escaped_in_pages(client: TestClient) -> None:
    page = client.get("/?q=shelter").text
    assert "&lt;script&gt;window.__pwned = true&lt;/script&gt;" in page
    assert HOSTILE_TITLE not in page and "<script>window" not in page


def test_an_unexpected_failure_is_json_without_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database at all " * 100)
    client = TestClient(create_app(broken), raise_server_exceptions=False)
    response = client.get("/api/articles")
    assert response.status_code == 500
    assert response.json() == {"error": "internal server error"}


def test_no_endpoint_writes_the_corpus(client: TestClient, web_corpus: Path) -> None:
    def fingerprint() -> tuple[str, int]:
        wal = web_corpus.with_name(web_corpus.name + "-wal")
        size = wal.stat().st_size if wal.exists() else 0
        return hashlib.sha256(web_corpus.read_bytes()).hexdigest(), size

    before = fingerprint()
    person = clinton(client)
    for url in ("/api/articles", "/api/articles/1", "/api/search?q=Clinton", "/api/entities",
                f"/api/entities/{person}", f"/api/entities/{person}/co-mentions",
                f"/api/entities/{person}/timeline", "/api/quotes", "/", "/?q=Clinton",
                "/articles/1", f"/entities/{person}", "/extract"):  # fmt: skip
        assert client.get(url).status_code == 200, url
    assert post(client, STORY, "text/plain").status_code == 200
    assert client.post("/extract", data={"text": STORY}).status_code == 200
    assert fingerprint() == before
    requested = corpus(SimpleNamespace(app=client.app))  # type: ignore[arg-type]
    store = next(requested)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("CREATE TABLE scribble (x)")
    requested.close()


def test_serve_refuses_a_missing_or_foreign_database(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such database" in missing.stderr
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100)
    foreign = runner.invoke(cli, ["serve", "--db", str(notes)])
    assert foreign.exit_code == 2 and "not a nutgraf database" in foreign.stderr


def test_the_article_page_lists_events_places_and_themes(client: TestClient) -> None:
    koizumi = get(client, "/api/entities?name=Koizumi")["entities"][0]["id"]
    seed = get(client, f"/api/articles?entity={koizumi}")["articles"]
    page = client.get(f"/articles/{seed[0]['id']}").text
    events = page[page.index("<h2>Events") : page.index("<h2>Places")]
    assert (
        '<span class="verb">summit</span>' in events
        and "Bush" in events
        and "CAMEO 04 consult" in events
    )
    places = page[page.index("<h2>Places") : page.index("<h2>Amounts")]
    assert "As Samawah" in places and "(focus)" in places
    assert "MILITARY" in page


def test_every_list_is_paged_with_its_total(client: TestClient) -> None:
    everything = get(client, "/api/articles")
    assert everything["total"] == 8 and len(everything["articles"]) == 8
    first = get(client, "/api/articles?limit=3")
    rest = get(client, "/api/articles?limit=3&offset=3")
    assert first["total"] == rest["total"] == 8 and (first["offset"], rest["offset"]) == (0, 3)
    assert {a["id"] for a in first["articles"]}.isdisjoint(a["id"] for a in rest["articles"])
    found = get(client, "/api/search?q=Clinton&limit=2")
    later = get(client, "/api/search?q=Clinton&limit=2&offset=2")
    assert found["total"] == later["total"] == found["facets"]["articles"] > 2
    assert {h["article_id"] for h in found["hits"]}.isdisjoint(
        h["article_id"] for h in later["hits"]
    )
    entities = get(client, "/api/entities?limit=2&offset=2")
    assert entities["total"] > 4 and len(entities["entities"]) == 2
    quotes = get(client, "/api/quotes?limit=1&offset=1")
    assert quotes["total"] > 2 and len(quotes["quotes"]) == 1
    person = clinton(client)
    co = get(client, f"/api/entities/{person}/co-mentions?limit=2&offset=2")
    assert co["total"] > 4 and len(co["co_mentioned"]) == 2


def test_every_list_and_page_downloads_as_csv(client: TestClient) -> None:
    person = clinton(client)
    for url, column in [
        ("/api/articles.csv?limit=3", "published"), ("/api/search.csv?q=Clinton", "snippet"),
        ("/api/entities.csv?type=PERSON", "articles"), ("/api/quotes.csv?speaker=Clinton", "text"),
        ("/api/articles/1.csv", "body"), (f"/api/quotes.csv?speaker={person}", "speaker"),
    ]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/csv")
        header, *rows = response.text.splitlines()
        assert column in header.split(",") and rows, url


def test_entity_types_are_checked_and_speakers_named(client: TestClient) -> None:
    assert "type" in get(client, "/api/entities?type=PERSN", 422)["error"]
    by_name = get(client, "/api/quotes?speaker=Hillary Clinton")["quotes"]
    by_id = get(client, f"/api/quotes?speaker={clinton(client)}")["quotes"]
    assert by_name == by_id and by_name
    assert get(client, "/api/quotes?speaker=Nobody At All", 404) == {
        "error": "no entity called 'Nobody At All'"
    }


def test_an_exact_copy_is_found_by_its_record_id(client: TestClient) -> None:
    copy = get(client, "/api/records/bbc-business-001-copy")
    assert copy == get(client, "/api/records/bbc-business-001")
    assert [r["record_id"] for r in copy["records"]] == [
        "bbc-business-001",
        "bbc-business-001-copy",
    ]
    assert copy["records"][1]["source"] == "Wire"
    page = client.get(f"/articles/{copy['id']}").text
    assert "Input records (2)" in page and "bbc-business-001-copy" in page
    assert get(client, "/api/records/nobody", 404) == {"error": "no record nobody"}


def test_search_syntax_errors_and_slow_queries_are_clear(
    client: TestClient, web_corpus: Path
) -> None:
    assert len(get(client, "/api/search?q=Clinton OR Islamic")["hits"]) > len(
        get(client, "/api/search?q=Islamic")["hits"]
    )
    assert "malformed search query" in get(client, '/api/search?q="unclosed', 400)["error"]
    page = client.get('/?q="unclosed')
    assert page.status_code == 400 and "malformed search query" in page.text
    slow = TestClient(create_app(web_corpus, time_limit=0))
    response = slow.get("/api/search?q=Clinton")
    assert response.status_code == 503
    assert "time limit" in response.json()["error"]


def test_the_search_page_pages_and_keeps_its_filters(client: TestClient) -> None:
    page = client.get("/?q=Clinton&month=2015-12").text
    assert 'Download: <a href="/api/search?q=Clinton&amp;month=2015-12&amp;limit=20">' in page
    everything = client.get("/").text
    assert "Newest articles" in everything and "1–8 of 8" in everything
    assert '<a href="/api/articles.csv?limit=20">.csv</a>' in everything
    undated = client.get("/?month=undated").text
    assert "Newest articles" not in undated and "<h1>Articles" in undated


def test_the_article_page_lets_the_reader_switch_highlight_layers(client: TestClient) -> None:
    page = client.get("/articles/1").text
    for kind in ("person", "org", "place", "quote", "amount", "date"):
        assert f'id="layer-{kind}" checked' in page


def test_openapi_documents_every_field_of_the_contract(client: TestClient) -> None:
    """The article schemas come from the records: a field added to a record is documented."""
    spec = get(client, "/openapi.json")
    schemas = spec["components"]["schemas"]
    article_fields = {name for name, _ in contract_fields()}
    for name in ("Article", "StoredArticle"):
        assert article_fields <= set(schemas[name]["properties"]), name
    quote = schemas["Quote"]["properties"]
    assert {"kind", "mode", "speaker", "cue_start"} <= set(quote)
    ok = spec["paths"]["/api/extract"]["post"]["responses"]["200"]["content"]
    assert ok["application/json"]["schema"]["$ref"].endswith("/Article")


def test_quotes_are_speech_unless_asked(client: TestClient) -> None:
    speech = get(client, "/api/quotes")
    every = get(client, "/api/quotes?mode=speech&mode=belief&mode=stance")
    assert {q["mode"] for q in speech["quotes"]} == {"speech"}
    assert every["total"] >= speech["total"]
    get(client, "/api/quotes?mode=gossip", status=422)


def test_the_entity_page_pages_its_quotes_and_co_mentions_apart(client: TestClient) -> None:
    person = clinton(client)
    named = get(client, f"/api/entities/{person}/co-mentions?limit=100")
    assert named["total"] > 15
    first = client.get(f"/entities/{person}").text
    assert f"1–15 of {named['total']}" in first
    assert 'href="?named_offset=15"' in first
    second = client.get(f"/entities/{person}?named_offset=15&quotes_offset=0").text
    assert f"16–{min(30, named['total'])} of {named['total']}" in second
    later = [e["name"] for e in named["co_mentioned"][15:30]]
    assert all(html.escape(name) in second for name in later)
    assert '<a rel="prev" href="?quotes_offset=0">' in second  # the other list's page kept
    assert client.get(f"/entities/{person}?named_offset=-1").status_code == 422
