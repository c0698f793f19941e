"""Screenshots of each page for the README, taken from the real app: ``make screenshots``.

Builds the web tests' small corpus (a few ../shared articles and the seed), starts
``nutgraf serve`` on it, and saves 1280x900 views of the search, article, entity, paste
and map pages to ``docs/web-*.png`` through Debian's chromium.
"""

from __future__ import annotations

import json
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from tests.web_support import build_corpus, launch_chromium, running_server  # noqa: E402

DOCS = ROOT / "docs"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "news.db"
        build_corpus(db, Path(folder))
        with running_server(db) as base, sync_playwright() as playwright:
            with urllib.request.urlopen(f"{base}/api/entities?name=Hillary%20Clinton") as answer:
                person = json.load(answer)["entities"][0]["id"]
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/?q=Clinton")
            page.screenshot(path=DOCS / "web-search.png")
            page.goto(f"{base}/?q=Islamic+State")
            page.locator(".hits a.title").first.click()
            page.wait_for_selector("#body")
            page.screenshot(path=DOCS / "web-article.png")
            page.goto(f"{base}/entities/{person}")
            page.wait_for_function("window.timelineChart !== undefined")
            page.screenshot(path=DOCS / "web-entity.png")
            page.goto(f"{base}/extract")
            page.locator("#text").fill((ROOT / "examples" / "wire-story.txt").read_text())
            page.get_by_role("button", name="Extract").click()
            page.locator(".article").scroll_into_view_if_needed()
            page.screenshot(path=DOCS / "web-paste.png")
            page.goto(f"{base}/map")
            page.wait_for_selector("figure.place-map[data-drawn]")
            page.screenshot(path=DOCS / "web-map.png")
            browser.close()
    for name in ("search", "article", "entity", "paste", "map"):
        path = DOCS / f"web-{name}.png"
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
