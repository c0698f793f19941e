"""Amounts on the audit set of issue #22: ``eval/gold/amounts-sample.jsonl`` (300 amounts nutgraf
reported and 100 numbers it did not, drawn by ``eval/gold/draw_amounts.py`` from BBC and
PolNeAR-train articles) judged blind in ``eval/gold/amounts-judged.jsonl``.

nutgraf runs on each article of the split as ``nutgraf.extract`` does; an item is found when
one of its amounts overlaps the item's span. Precision and recall weight each item by how many
numbers of its pool (reported or not) it stands for; value, unit and counted accuracy are
shares of the judged amounts that nutgraf found (value: of those with a judged value).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from common import ROOT, Result, table
from gold.draw_amounts import CORPORA, SAMPLE, locate, records
from nutgraf.lexicon import table as lexicon_table
from nutgraf.nlp import load_model
from nutgraf.pipeline import analyse, prepare
from nutgraf.records import Amount
from scoring import AmountJudgement, amount_scores

JUDGED = ROOT / "eval" / "gold" / "amounts-judged.jsonl"
GOALS = {"precision": 0.95, "recall": 0.90, "value": 0.97, "unit": 0.97, "counted": 0.85}


def spellings() -> dict[str, str]:
    """Unit words as nutgraf writes their units ("kilometres" -> "km", "euros" -> "EUR")."""
    units = lexicon_table("units")
    return {**units["measures"], **units["currency_names"], "percent": "%", "per cent": "%"}


def found_amounts(
    rows: list[dict[str, Any]],
) -> dict[tuple[str, str], tuple[str, str, list[Amount]]]:
    """For each article of the rows: its record's text, nutgraf's clean body and amounts."""
    by_corpus = {corpus: records(corpus) for corpus in CORPORA}
    found = {}
    for corpus, record_id in sorted({(r["corpus"], r["record"]) for r in rows}):
        record = by_corpus[corpus][record_id]
        article = prepare(record["text"], record.get("published"))
        amounts = analyse(article, load_model()(article.body)).amounts
        found[(corpus, record_id)] = (record["text"], article.body, amounts)
    return found


def span_now(item: dict[str, Any], text: str, body: str) -> tuple[int, int] | None:
    """The item's span in today's clean body: its own offsets while the body is the one it
    was drawn on, else found again through its span in the record's text."""
    if hashlib.sha1(body.encode()).hexdigest() == item["body_sha1"]:
        return item["start"], item["end"]
    if item.get("raw_start") is None:
        return None
    return locate(text, body, item["raw_start"], item["raw_end"])


def _overlapping(amounts: list[Amount], start: int, end: int) -> Amount | None:
    overlaps = [(min(end, a.end) - max(start, a.start), a) for a in amounts]
    best = max((o for o in overlaps if o[0] > 0), key=lambda o: o[0], default=None)
    return None if best is None else best[1]


def run(split: str) -> Result:
    if not JUDGED.exists():
        return Result(
            task="amounts",
            title="Amounts (issue #22 audit set)",
            table=f"Not scored: {JUDGED.relative_to(ROOT)} is not there yet (the blind "
            "judgements of the sample drawn by eval/gold/draw_amounts.py).",
            data={"judged": False},
        )
    sample = {
        row["item"]: row
        for row in map(json.loads, SAMPLE.read_text(encoding="utf-8").splitlines())
        if row["split"] == split
    }
    judged = [
        row
        for row in map(json.loads, JUDGED.read_text(encoding="utf-8").splitlines())
        if row["item"] in sample
    ]
    found = found_amounts([sample[row["item"]] for row in judged])
    items, lost = [], 0
    for row in judged:
        item = sample[row["item"]]
        text, body, amounts = found[(item["corpus"], item["record"])]
        span = span_now(item, text, body)
        if span is None:
            lost += 1
            continue
        amount = _overlapping(amounts, *span)
        items.append(
            AmountJudgement(
                weight=item["weight"],
                is_amount=bool(row["is_amount"]),
                judged=row,
                found=None if amount is None else amount.__dict__,
            )
        )
    scores = amount_scores(items, spellings())
    rows = [[name, scores[name], f"≥ {goal:.2f}"] for name, goal in GOALS.items()]
    return Result(
        task="amounts",
        title=f"Amounts, {len(items)} judged numbers of the {split} split (issue #22 audit set)",
        table=table(["measure", "nutgraf", "goal"], rows),
        data={"split": split, "items": len(items), "lost": lost, "scores": scores},
        notes=[
            "Precision and recall weight each judged number by the size of the pool it was "
            "drawn from (amounts nutgraf reported before the fix, numbers it did not); value, "
            f"unit and counted are shares of the {scores['found_amounts']} judged amounts "
            "nutgraf finds. Sample and how it was drawn: `eval/gold/draw_amounts.py`; how it "
            "was judged: `eval/gold/AMOUNTS-JUDGED.md`."
            + (
                f" {lost} judged numbers could not be found again in today's bodies."
                if lost
                else ""
            )
        ],
    )
