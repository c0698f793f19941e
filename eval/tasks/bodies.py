"""Article bodies on the scrapinghub article-extraction benchmark (181 pages), with the
benchmark's own metric, for nutgraf, trafilatura alone and newspaper4k, in one run.

nutgraf's body is its cleaning stage (trafilatura, then its dateline, footer and
call-to-action steps). newspaper4k is installed without its nltk extra (nltk fetches data at
run time), so a page it cannot tokenise without it counts as empty. The peers' published
outputs are re-scored too, as a check that this scorer is the benchmark's.
"""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable
from typing import Any

import trafilatura

from common import SHARED, Result, table
from nutgraf.clean import clean
from nutgraf.errors import InputError
from nutgraf.source import read_source
from scoring import body_scores

DATA = SHARED / "eval" / "article-extraction"


def nutgraf_body(html: str, url: str) -> str:
    try:
        return clean(read_source(html)).body
    except InputError:
        return ""


def trafilatura_body(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def newspaper_body(html: str, url: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper
        import tldextract.tldextract

        # Offline: the public-suffix list bundled with tldextract, no image downloads.
        tldextract.tldextract.TLD_EXTRACTOR = tldextract.tldextract.TLDExtract(suffix_list_urls=())
        config = newspaper.Config()
        config.fetch_images = False
        article = newspaper.Article(url=url, config=config)
        article.download(input_html=html)
        try:
            article.parse()
        except ImportError:  # pages in languages whose tokenizer wants nltk and its data
            return ""
    return str(article.text or "")


SYSTEMS: dict[str, Callable[[str, str], str]] = {
    "nutgraf": nutgraf_body,
    "trafilatura (alone)": trafilatura_body,
    "newspaper4k": newspaper_body,
}
PUBLISHED = {"trafilatura.json": "trafilatura 2.0.0", "newspaper.json": "newspaper"}


def run(split: str) -> Result:
    pages = [json.loads(line) for line in (DATA / "index.jsonl").read_text().splitlines()]
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    english = {p["id"] for p in pages if p["english"]}
    rows: list[list[Any]] = []
    data: dict[str, Any] = {}
    for name, extract in SYSTEMS.items():
        outputs, started = {}, time.perf_counter()
        for page in pages:
            html = (DATA / "html" / f"{page['id']}.html").read_text(encoding="utf-8")
            outputs[page["id"]] = extract(html, page["url"])
        seconds = time.perf_counter() - started
        rows.append(_row(name, outputs, truth, english, f"{1000 * seconds / len(pages):.0f}"))
        data[name] = {"row": rows[-1], "ms_per_page": round(1000 * seconds / len(pages), 1)}
    for file, name in PUBLISHED.items():
        published = json.loads((DATA / "reference-outputs" / file).read_text(encoding="utf-8"))
        pages_out = published.get("output", published)
        outputs = {key: value.get("articleBody") or "" for key, value in pages_out.items()}
        rows.append(_row(f"{name}, published output re-scored", outputs, truth, english, "-"))
        data[rows[-1][0]] = {"row": rows[-1]}
    return Result(
        task="bodies",
        title=f"Article bodies, scrapinghub benchmark ({len(pages)} pages, {len(english)} English)",
        table=table(["system", "F1 all", "F1 English", "P", "R", "exact", "ms/page"], rows),
        data={"systems": data},
        notes=["Published F1 (all pages): trafilatura 2.0.0 0.958, newspaper4k 0.949."],
    )


def _row(
    name: str, outputs: dict[str, str], truth: dict[str, Any], english: set[str], ms: str
) -> list[Any]:
    pairs = {key: (outputs.get(key, ""), gold["articleBody"]) for key, gold in truth.items()}
    everything = body_scores(list(pairs.values()))
    in_english = body_scores([pair for key, pair in pairs.items() if key in english])
    return [
        name, everything.f1, in_english.f1, everything.precision, everything.recall,
        everything.accuracy, ms,
    ]  # fmt: skip
