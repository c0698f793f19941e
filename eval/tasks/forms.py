"""Article forms on the hand-labelled forms gold set (``eval/gold/forms/``, how it was made:
``FORMS.md``): per field, the share of articles where nutgraf's cleaning stage gets it right.

Each article goes through ``nutgraf.pipeline.prepare`` as a user would give it (the text, or
the raw page). A field is right when nutgraf's value equals the gold's once case, white space,
quotation marks and edge punctuation are set aside, or both are empty (a publisher also when
the words of one name are all in the other: "Slate Magazine" is Slate). The dateline is compared
by its place ("DENVER, Colo."), as nutgraf reports it; the first sentence is right when the
body starts with it; "boilerplate kept" is the share of gold boilerplate lines (three words or
more) still in the body. On the page-text articles, the peers read the same page's HTML:
trafilatura's metadata (title, author, sitename) and newspaper4k's (title, authors, source).
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Callable
from typing import Any

from common import ROOT, Result, table
from nutgraf.errors import InputError
from nutgraf.pipeline import prepare

FORMS = ROOT / "eval" / "gold" / "forms"
sys.path.insert(0, str(FORMS))

from forms_sources import html_to_text, load, raw_html  # noqa: E402

FIELDS = ["title", "byline", "dateline", "agency", "publisher", "first_sentence"]
Values = dict[str, str | None]


def normal(text: str | None) -> str:
    """A value as compared: unescaped, folded, without quotes, dashes or edge punctuation."""
    text = html.unescape(text or "").casefold()
    text = re.sub(r"[\"“”‘’'`«»]|\s+", " ", text)
    text = re.sub(r"^(?:the|by)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text.strip(" .,;:-—–_()[]")).strip()


def gold_values(row: dict[str, Any]) -> Values:
    text = load(row["source"], row["id"])

    def span(key: str) -> str | None:
        if not row.get(key):
            return None
        return re.sub(r"<[^>]*>", "", text[row[key][0] : row[key][1]])  # a page's markup

    return {
        "title": span("title"), "byline": span("byline"), "dateline": span("dateline_place"),
        "agency": row["agency"], "publisher": row["publisher"],
        "first_sentence": span("first_sentence"),
    }  # fmt: skip


def nutgraf_values(given: str | bytes) -> tuple[Values, str]:
    try:
        article = prepare(given)
    except InputError:
        return dict.fromkeys(FIELDS), ""
    values: Values = {
        "title": article.title, "byline": article.byline, "dateline": article.dateline,
        "agency": article.agency, "publisher": article.publisher, "first_sentence": article.body,
    }  # fmt: skip
    return values, article.body


def trafilatura_values(page: str) -> Values:
    from trafilatura import extract_metadata

    meta = extract_metadata(page)
    if meta is None:
        return dict.fromkeys(FIELDS)
    return {"title": meta.title, "byline": meta.author, "publisher": meta.sitename}


def newspaper_values(page: str) -> Values:
    from newspaper import Article

    article = Article("https://example.org/")
    article.download(input_html=page)
    article.parse()
    return {
        "title": article.title, "byline": ", ".join(article.authors) or None,
        "publisher": article.meta_site_name or None,
    }  # fmt: skip


def right(field: str, found: str | None, gold: str | None) -> bool:
    if field == "first_sentence":
        return bool(gold) and normal(found).startswith(normal(gold))
    if field == "publisher" and found and gold:  # "Slate Magazine" is Slate
        ours, theirs = set(normal(found).split()), set(normal(gold).split())
        return ours <= theirs or theirs <= ours
    return normal(found) == normal(gold)


def run(split: str) -> Result:
    lines = (FORMS / "forms.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [r for r in map(json.loads, lines) if r["split"] == split]
    scores: dict[str, dict[str, list[bool]]] = {}
    kept: list[bool] = []

    def tally(system: str, values: Values, gold: Values) -> None:
        for field in FIELDS:
            if field in values:
                scores.setdefault(system, {}).setdefault(field, []).append(
                    right(field, values[field], gold[field])
                )

    for row in rows:
        gold = gold_values(row)
        given: str | bytes = load(row["source"], row["id"])
        if row["source"] == "html":
            given = raw_html(row["id"]).encode("utf-8")
            # the same pages as page text: the test's page-text form, made from dev pages
            tally(
                "nutgraf on the page's text",
                nutgraf_values(html_to_text(raw_html(row["id"])))[0],
                gold,
            )
        values, body = nutgraf_values(given)
        tally("nutgraf", values, gold)
        text = load(row["source"], row["id"])
        for start, end in row["boilerplate"] or []:
            line = text[start:end]
            if len(line.split()) >= 3:
                kept.append(normal(line) in normal(body))
        if row["source"] == "pagetext":
            page = raw_html(row["id"])
            peers: dict[str, Callable[[str], Values]] = {
                "nutgraf on the page's HTML": lambda p: nutgraf_values(p.encode("utf-8"))[0],
                "trafilatura metadata, HTML": trafilatura_values,
                "newspaper4k, HTML": newspaper_values,
            }
            for name, read in peers.items():
                tally(name, read(page), gold)
    table_rows = [
        [name, len(next(iter(found.values()))),
         *(_share(found.get(f)) for f in FIELDS)]
        for name, found in scores.items()
    ]  # fmt: skip
    sources = sorted({r["source"] for r in rows})
    return Result(
        task="forms",
        title=f"Article forms, {len(rows)} hand-labelled articles ({split}: {', '.join(sources)})",
        table=table(["system", "articles", *FIELDS], table_rows),
        data={
            "split": split,
            "scores": {n: {f: _share(v) for f, v in s.items()} for n, s in scores.items()},
            "boilerplate_kept": _share(kept),
        },
        notes=[
            f"Gold boilerplate lines (three words or more) still in nutgraf's body: "
            f"{sum(kept)} of {len(kept)}. "
            "Peers have no dateline, agency or first-sentence field (-). Goal (issue #14): "
            "0.95 on every field. Gold and how it was made: `eval/gold/forms/FORMS.md`."
        ],
    )


def _share(found: list[bool] | None) -> float | str:
    return sum(found) / len(found) if found else "-"
