"""Geoparsing end to end on LGL and GeoWebNews (``shared/eval/geoparsing``, see its README).

nutgraf reads each article's text as it is (cleaning bypassed, so offsets are the gold's) and
finds its places itself: spaCy's entities, then ``extractors.places``. Recognition: a place
mention matches a gold toponym that it overlaps (one to one, in text order); precision over
nutgraf's place mentions, recall over all gold toponyms. Resolution, over the matched gold
toponyms with coordinates: Acc@161km (the point within 161 km of the gold's, or the gold's
GeoNames id), exact GeoNames id (over those with an id), mean and median error in km (a
place with no point, such as a region, counts as 20,039 km, the largest error). The
population baseline takes, for the same matched mentions, the gazetteer's most populous
candidate of the mention's text (a demonym's country for a demonym).
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterator
from typing import Any

from common import SHARED, Result, table
from nutgraf.extractors import entities, places
from nutgraf.gazetteer import candidates, country, demonym_country, km
from nutgraf.nlp import load_model
from scoring import PRF

DATA = SHARED / "eval" / "geoparsing"
WORST_KM = 20039.0
PUBLISHED = [
    ["mordecai3 (gold spans, its held-out 30%)", "82.7", "94.1"],
    ["CamCoder (gold spans)", "76", "–"],
    ["Edinburgh Geoparser (end to end)", "76", "–"],
    ["CLAVIN (end to end)", "71", "–"],
    ["population baseline (Gritta et al. 2018)", "70", "–"],
]


def matches(
    predicted: list[tuple[int, int, Any]], gold: list[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any], Any]]:
    """Gold toponyms and the predictions overlapping them, one to one, in text order."""
    used: set[int] = set()
    for toponym in gold:
        for number, (start, end, answer) in enumerate(predicted):
            if number not in used and start < toponym["end"] and toponym["start"] < end:
                used.add(number)
                yield toponym, answer
                break


def resolution(pairs: list[tuple[dict[str, Any], Any]]) -> dict[str, float | int]:
    """Acc@161km, exact id, mean and median error of (gold, (lat, lon, geonameid)) pairs."""
    errors, right, exact, with_id = [], 0, 0, 0
    for gold, (lat, lon, geonameid) in pairs:
        if gold.get("lat") is None:
            continue
        same = geonameid is not None and str(geonameid) == gold.get("geonameid")
        error = WORST_KM if lat is None else km(lat, lon, gold["lat"], gold["lon"])
        errors.append(0.0 if same else error)
        right += same or error <= 161
        if gold.get("geonameid"):
            with_id += 1
            exact += same
    return {
        "n": len(errors),
        "acc161": round(right / len(errors), 4) if errors else 0.0,
        "exact_id": round(exact / with_id, 4) if with_id else 0.0,
        "mean_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_km": round(statistics.median(errors), 1) if errors else 0.0,
    }


def run(split: str) -> Result:
    with (DATA / f"{split}.jsonl").open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines]
    docs = load_model().pipe((a["text"] for a in articles), batch_size=16)
    rows, data = [], {}
    scored: dict[str, dict[str, list[Any]]] = {}
    for article, doc in zip(articles, docs, strict=True):
        found = places.extract(doc, entities.extract(doc))
        ours = sorted(
            (m.start, m.end, (p.lat, p.lon, p.geonameid)) for p in found for m in p.mentions
        )
        corpus = scored.setdefault(article["corpus"], {"prf": [], "ours": [], "baseline": []})
        pairs = list(matches(ours, article["toponyms"]))
        corpus["prf"].append(PRF(len(pairs), len(ours), len(article["toponyms"])))
        corpus["ours"] += pairs
        for gold, _ in pairs:
            code = demonym_country(gold["text"])
            options = [country(code)] if code else candidates(gold["text"])
            top = max(options, key=lambda e: e.population, default=None)
            corpus["baseline"].append(
                (gold, (None, None, None) if top is None else (top.lat, top.lon, top.geonameid))
            )
    for corpus, parts in scored.items():
        prf = sum(parts["prf"], PRF(0, 0, 0))
        ours, baseline = resolution(parts["ours"]), resolution(parts["baseline"])
        data[corpus] = {"recognition": prf.as_dict(), "nutgraf": ours, "population": baseline}
        for name, figures in (("nutgraf", ours), ("population baseline, same mentions", baseline)):
            rows.append([
                f"{corpus.upper()} {split}", name, f"{prf.precision:.3f}", f"{prf.recall:.3f}",
                f"{prf.f1:.3f}", figures["n"], f"{figures['acc161']:.3f}",
                f"{figures['exact_id']:.3f}", f"{figures['mean_km']:.0f}",
                f"{figures['median_km']:.0f}",
            ])  # fmt: skip
    return Result(
        task="geoparsing",
        title=f"Geoparsing end to end, LGL and GeoWebNews ({split})",
        table=table(
            [
                "set",
                "resolver",
                "P",
                "R",
                "F1",
                "resolved toponyms",
                "Acc@161km",
                "exact GeoNames id",
                "mean km",
                "median km",
            ],
            rows,
        ),
        data=data,
        notes=[
            "Recognition by overlap, one to one; resolution over the matched gold toponyms with "
            "coordinates (a place with no point counts as 20,039 km off). Published figures "
            "(Acc@161km, %; most on gold spans, so on more toponyms than nutgraf finds):\n\n"
            + table(["system", "LGL", "GWN"], PUBLISHED)
        ],
    )
