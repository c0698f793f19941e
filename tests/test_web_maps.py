"""The maps: the article page's places and the corpus map, through the app (TestClient) and
in Debian's chromium (the points drawn where their coordinates say, no console error)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect, sync_playwright

from nutgraf.corpus.store import SQLiteStore
from nutgraf.web import create_app
from tests.web_support import launch_chromium, running_server

WIDTH, HEIGHT = 960, 480  # the SVG's box; equirectangular over the whole sphere


@pytest.fixture(scope="module")
def client(web_corpus: Path) -> TestClient:
    return TestClient(create_app(web_corpus))


def seed_id(client: TestClient) -> int:
    koizumi = client.get("/api/entities?name=Koizumi").json()["entities"][0]["id"]
    return int(client.get(f"/api/articles?entity={koizumi}").json()["articles"][0]["id"])


def test_the_places_api_counts_articles(client: TestClient) -> None:
    places = client.get("/api/places?limit=50").json()["places"]
    assert places and all(p["lat"] is not None and p["articles"] >= 1 for p in places)
    counts = [p["articles"] for p in places]
    assert counts == sorted(counts, reverse=True)
    iraq = [p for p in client.get("/api/places?q=Samawah").json()["places"] if p["name"] == "Iraq"]
    assert iraq and iraq[0]["articles"] == 1


def test_the_map_page_links_each_place_to_its_articles(client: TestClient) -> None:
    page = client.get("/map?q=Samawah").text
    data = json.loads(re.search(r'class="place-map-data">(.*?)</script>', page, re.S)[1])  # type: ignore[index]
    samawah = next(p for p in data if p["name"] == "As Samawah")
    listing = client.get(samawah["href"])
    assert listing.status_code == 200 and f"/articles/{seed_id(client)}" in listing.text
    assert client.get("/map/place?name=Atlantis").status_code == 404


def test_places_and_a_places_articles_are_paged_with_their_totals(
    client: TestClient, web_corpus: Path
) -> None:
    everything = client.get("/api/places?limit=500").json()
    assert everything["total"] == len(everything["places"]) > 4
    first, rest = (client.get(f"/api/places?limit=2&offset={n}").json() for n in (0, 2))
    assert first["total"] == rest["total"] == everything["total"]
    assert [p["name"] for p in first["places"] + rest["places"]] == [
        p["name"] for p in everything["places"][:4]
    ]
    assert client.get("/api/places?offset=-1").status_code == 422
    store = SQLiteStore(web_corpus, read_only=True)
    try:
        widest = everything["places"][0]
        named = store.place_articles(widest["name"], widest["country"])
        assert store.count_place_articles(widest["name"], widest["country"]) == len(named) > 1
        second = store.place_articles(widest["name"], widest["country"], limit=1, offset=1)
        assert second == named[1:2]
    finally:
        store.close()


def test_the_article_page_maps_its_places(client: TestClient) -> None:
    page = client.get(f"/articles/{seed_id(client)}").text
    assert 'class="place-map"' in page and "/static/places-map.js" in page


@pytest.fixture(scope="module")
def server(web_corpus: Path) -> Iterator[str]:
    with running_server(web_corpus) as base:
        yield base


@pytest.fixture
def page(web_corpus: Path) -> Iterator[Page]:
    """A chromium page on which no console error or page error may happen."""
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        opened = browser.new_page(viewport={"width": 1280, "height": 900})
        opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        opened.on("pageerror", lambda error: problems.append(str(error)))
        yield opened
        browser.close()
    assert problems == []


def points_where_coordinates_say(page: Page) -> list[dict[str, Any]]:
    expect(page.locator("figure.place-map")).to_have_attribute("data-drawn", "true")
    assert page.locator("figure.place-map path.country").count() > 100
    points = page.evaluate(
        """() => [...document.querySelectorAll("figure.place-map circle.point")].map((c) => ({
            name: c.dataset.name, lat: +c.dataset.lat, lon: +c.dataset.lon,
            x: +c.getAttribute("cx"), y: +c.getAttribute("cy"),
            focus: c.classList.contains("focus"),
        }))"""
    )
    assert points
    for point in points:
        assert abs(point["x"] - (point["lon"] + 180) / 360 * WIDTH) < 0.5, point
        assert abs(point["y"] - (90 - point["lat"]) / 180 * HEIGHT) < 0.5, point
    return list(points)


def test_the_article_map_in_chromium(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/?q=Samawah")
    page.locator(".hits a.title").first.click()
    points = points_where_coordinates_say(page)
    iraq = next(p for p in points if p["name"] == "Iraq")
    assert 20 < iraq["lat"] < 40 and 35 < iraq["lon"] < 50 and iraq["focus"]
    page.screenshot(path=str(tmp_path / "article-map.png"), full_page=True)


def test_the_corpus_map_in_chromium(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/map")
    points = points_where_coordinates_say(page)
    assert len(points) > 3
    page.locator("figure.place-map a").last.click()  # the smallest, drawn on top
    expect(page).to_have_url(re.compile(r"/map/place\?"))
    page.locator(".hits a.title").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+$"))
    page.screenshot(path=str(tmp_path / "corpus-map.png"), full_page=True)
