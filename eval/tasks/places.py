"""Geocoding on the hand-labelled place mentions of ``eval/gold/places.jsonl`` (100 mentions
from PolNeAR test and ten BBC articles; how they were made: ``eval/gold/PLACES.md``).

nutgraf reads each article's text as it is (cleaning bypassed, so offsets are the gold's); a
gold mention is matched by the place whose mentions overlap it. Scored: the share of mentions
with the right country, and with the exact entry (the GeoNames id for countries and cities,
the ISO 3166-2 code for provinces and states), beside a naive choice of the gazetteer
candidate with the largest population.
"""

from __future__ import annotations

import json
from typing import Any

from common import ROOT, SHARED, Result, table
from nutgraf.gazetteer import Entry, candidates
from nutgraf.nlp import load_model
from nutgraf.pipeline import analyse
from nutgraf.records import CleanArticle

GOLD = ROOT / "eval" / "gold" / "places.jsonl"
TEXTS = {
    "polnear-test": SHARED / "eval" / "polnear" / "test.jsonl",
    "bbc": SHARED / "corpus" / "bbc" / "articles.jsonl",
}


def articles(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    texts = {}
    for source, path in TEXTS.items():
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if (source, record["id"]) in wanted:
                    texts[(source, record["id"])] = record["text"]
    return texts


def same_entry(gold: dict[str, Any], country: str | None, geonameid: int | None,
               admin1: str | None) -> bool:  # fmt: skip
    if gold["subdivision"]:
        return admin1 == gold["subdivision"]
    if gold["geonameid"] is not None:
        return geonameid == gold["geonameid"]
    return False


def run(split: str) -> Result:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    texts = articles({(g["source"], g["doc"]) for g in gold})
    keys = sorted(texts)
    docs = dict(zip(keys, load_model().pipe(texts[k] for k in keys), strict=True))
    found = {k: analyse(CleanArticle(body=texts[k]), docs[k]).places for k in keys}
    scores = {
        "nutgraf": [0, 0, 0],
        "largest population (given the gold mentions)": [0, 0, 0],
        "largest population, on the mentions nutgraf resolved": [0, 0, 0],
    }
    for mention in gold:
        places = found[(mention["source"], mention["doc"])]
        place = next(
            (p for p in places for m in p.mentions
             if m.start < mention["end"] and mention["start"] < m.end), None,
        )  # fmt: skip
        options = candidates(mention["text"])
        naive: Entry | None = max(options, key=lambda e: e.population, default=None)
        ours = None if place is None else (place.country, place.geonameid, place.admin1)
        theirs = None if naive is None else (naive.country, naive.geonameid, naive.admin1)
        for name, answer in (
            ("nutgraf", ours),
            ("largest population (given the gold mentions)", theirs),
            ("largest population, on the mentions nutgraf resolved", theirs if ours else None),
        ):
            if answer is None:
                continue
            scores[name][0] += 1
            scores[name][1] += answer[0] == mention["country"]
            scores[name][2] += same_entry(mention, *answer)
    total = len(gold)
    with_entry = sum(1 for g in gold if g["subdivision"] or g["geonameid"] is not None)
    rows = [
        [name, f"{found_any / total:.2f}", f"{country / total:.2f}", f"{exact / with_entry:.2f}"]
        for name, (found_any, country, exact) in scores.items()
    ]
    return Result(
        task="places",
        title=f"Geocoding, {total} hand-labelled place mentions ({with_entry} with an entry)",
        table=table(["system", "resolved", "country right", "exact entry right"], rows),
        data={"mentions": total, "with_entry": with_entry, "scores": scores},
        notes=[
            "Shares of all gold mentions. nutgraf must find the mention itself (spaCy must tag "
            "it a place: most of what it leaves unresolved is tagged ORG or PERSON); the naive "
            "baseline is handed the gold mention text. Exact entry is scored on the mentions "
            "whose gold has a GeoNames id or an ISO 3166-2 code. Gold and how it was made: "
            "`eval/gold/PLACES.md`."
        ],
    )
