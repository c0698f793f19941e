"""End to end in Debian's chromium, headless, driven by Playwright: the real server
(``nutgraf serve`` in a subprocess) over a small corpus. Every test fails on a console error,
a page error or a dialog; screenshots go to pytest's temporary folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from nutgraf.corpus.store import SQLiteStore
from tests.web_support import HOSTILE_NAME, HOSTILE_TEXT, HOSTILE_TITLE, PWN, launch_chromium
from tests.web_support import running_server as start_server

pytestmark = pytest.mark.browser

PASTED = (
    "Mayor Ruth Okafor said on Monday that the harbour wall would be rebuilt before winter. "
    '"We owe it to every family on the waterfront," Okafor said. The work will cost '
    "$30 million, the council said."
)


@pytest.fixture(scope="module")
def server(web_corpus: Path) -> Iterator[str]:
    with start_server(web_corpus) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    """A page that records console errors, page errors and dialogs; none may happen."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []

    def console(message: Any) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    def dialog(opened_dialog: Any) -> None:
        problems.append(f"dialog: {opened_dialog.message}")
        opened_dialog.dismiss()

    opened.on("console", console)
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("dialog", dialog)
    yield opened
    context.close()
    assert problems == []


def shot(page: Page, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000


def test_search_article_person_and_chart(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(server)
    page.get_by_role("searchbox", name="Search the corpus").fill("Islamic State")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Islamic State")
    expect(page.locator(".snippet mark").first).to_be_visible()
    shot(page, tmp_path, "search")

    page.locator(".hits a.title").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+$"))
    body = page.locator("#body")
    for kind in ("person", "quote", "place", "date"):
        expect(body.locator(f".hl-{kind}").first).to_be_visible()
    person = body.locator("a.hl-person", has_text="Clinton").first
    expect(person).to_have_attribute("title", re.compile(r"^Person: Hillary Clinton"))
    expect(page.locator(".facts .quotes li").first).to_be_visible()
    shot(page, tmp_path, "article")

    person.click()
    expect(page.locator("h1")).to_contain_text("Hillary Clinton")
    page.wait_for_function("window.timelineChart !== undefined")
    drawn = page.evaluate(
        """() => {
            const canvas = document.getElementById("timeline");
            const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
            return {
                painted: pixels.data.some((value) => value !== 0),
                labels: window.timelineChart.data.labels,
                total: window.timelineChart.data.datasets[0].data.reduce((a, b) => a + b, 0),
            };
        }"""
    )
    assert drawn["painted"] and drawn["total"] > 0
    assert drawn["labels"] == ["2015-11", "2015-12", "2016-01"]
    expect(page.locator(".ranked li").first).to_be_visible()
    first_quote = page.locator(".quote-list li a").first
    expect(first_quote).to_have_attribute("href", re.compile(r"^/articles/\d+$"))
    shot(page, tmp_path, "entity")


def test_facets_narrow_the_search(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/?q=Clinton")
    before = page.locator(".hits li").count()
    page.locator(".facet", has_text="Months").get_by_role("link", name="2015-12").click()
    expect(page.locator(".chip")).to_contain_text("month 2015-12")
    assert 0 < page.locator(".hits li").count() < before
    for date in page.locator(".hits li .muted").all_inner_texts():
        assert date.startswith("2015-12")
    page.locator(".chip").click()
    expect(page.locator(".hits li")).to_have_count(before)
    shot(page, tmp_path, "facets")


def test_paste_an_article_and_see_its_quotes(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/extract")
    page.get_by_label("Plain text or an HTML page").fill(PASTED)
    page.get_by_role("button", name="Extract").click()
    said = "We owe it to every family on the waterfront"
    expect(page.locator(".facts .quotes li", has_text=said)).to_contain_text("— Ruth Okafor")
    expect(page.locator("#body .hl-quote", has_text=said)).to_have_text(said)
    expect(page.locator("#body .hl-amount").first).to_have_text("$30 million")
    shot(page, tmp_path, "paste")


def test_hostile_text_shows_literally_and_runs_nothing(
    page: Page, server: str, web_corpus: Path, tmp_path: Path
) -> None:
    store = SQLiteStore(web_corpus, read_only=True)
    [hostile] = [a for a in store.list_articles(limit=100) if a.title == HOSTILE_TITLE]
    person = store.find_entity(HOSTILE_NAME)
    store.close()
    pages = {
        "search": f"{server}/?q=shelter",
        "list": f"{server}/?month=2016-01",
        "article": f"{server}/articles/{hostile.id}",
        "entity": f"{server}/entities/{person}",
    }
    for name, url in pages.items():
        page.goto(url)
        text = page.locator("main").inner_text()
        assert HOSTILE_TITLE in text or HOSTILE_NAME in text, name
        assert page.evaluate("window.__pwned") is None, name
        markup = (
            "main script:not(#timeline-data, .place-map-data, [src]), main img,"
            " main :not(.place-map) > svg, main b, main i"
        )
        assert page.locator(markup).count() == 0, name
        shot(page, tmp_path, f"hostile-{name}")
    body = page.goto(pages["article"])
    assert body is not None
    expect(page.locator("#body")).to_contain_text(HOSTILE_TEXT.split(" said")[0])
    expect(page.locator(".facts")).to_contain_text(f"<script>{PWN}</script>")
    page.goto(f"{server}/extract")
    page.get_by_label("Plain text or an HTML page").fill(HOSTILE_TEXT)
    page.get_by_role("button", name="Extract").click()
    expect(page.locator(".facts .quotes")).to_contain_text(f"<script>{PWN}</script>")
    assert page.evaluate("window.__pwned") is None
    shot(page, tmp_path, "hostile-paste")


def test_the_header_fits_a_narrow_screen(browser: Any, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 420, "height": 800})
    narrow = context.new_page()
    for url in (server, f"{server}/articles/1", f"{server}/extract"):
        narrow.goto(url)
        overflow = narrow.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, url
        for link in narrow.locator(".top nav a, .top-search button").all():
            box = link.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 420, url
    narrow.screenshot(path=str(tmp_path / "narrow.png"), full_page=True)
    context.close()


def test_highlight_layers_can_be_switched_off_and_on(page: Page, server: str) -> None:
    page.goto(f"{server}/articles/1")
    quote = page.locator("#body .hl-quote").first
    shown = quote.evaluate("(node) => getComputedStyle(node).backgroundColor")
    assert shown != "rgba(0, 0, 0, 0)"
    page.locator("#layer-quote").uncheck()
    assert quote.evaluate("(node) => getComputedStyle(node).backgroundColor") == "rgba(0, 0, 0, 0)"
    person = page.locator("#body .hl-person").first
    assert person.evaluate("(node) => getComputedStyle(node).backgroundColor") != (
        "rgba(0, 0, 0, 0)"
    )
    page.locator("#layer-quote").check()
    assert quote.evaluate("(node) => getComputedStyle(node).backgroundColor") == shown


def test_search_results_page_through_with_their_filters(page: Page, server: str) -> None:
    page.goto(f"{server}/?month=2016-01")
    expect(page.locator(".pager").first).to_contain_text("of")
    expect(page.locator(".downloads a", has_text=".json")).to_have_attribute(
        "href", "/api/articles?month=2016-01&limit=20"
    )
