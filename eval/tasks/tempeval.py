"""TIMEX3 extents, types and values on TempEval-3 (``../shared/eval/tempeval3``): TimeBank
(``--split dev``, for tuning) and the platinum test set (the task's own test).

Each document's text is read as it is and its document creation time (DCT) is given as the
publication date. Scored as the official scorer does (UzZaman et al. 2013, Section 4.1):
strict spans match exactly, relaxed spans overlap (one to one); type and value are scored on
relaxed matches, so value F1 = relaxed F1 x value accuracy, the task's ranking figure.
"""

from __future__ import annotations

import json
from typing import Any

from common import SHARED, Result, table
from nutgraf.extractors import dates
from nutgraf.nlp import load_model

DATA = SHARED / "eval" / "tempeval3"
# UzZaman et al. 2013, Table 3 (TempEval-3 platinum): relaxed F1, strict F1, value F1.
PUBLISHED = {
    "HeidelTime-t": (0.9030, 0.8134, 0.7761),
    "NavyTime-1,2": (0.9032, 0.7957, 0.7097),
    "SUTime": (0.9032, 0.7957, 0.6738),
}


def score(gold: list[dict[str, Any]], found: list[dates.DateMention]) -> dict[str, int]:
    """Counts for one document: system, gold, strict and relaxed matches, right types and
    values among the relaxed matches."""
    counts = {"system": len(found), "gold": len(gold), "strict": 0, "relaxed": 0}
    counts |= {"type": 0, "value": 0}
    free = list(found)
    for timex in gold:
        match = next((m for m in free if m.start < timex["end"] and timex["start"] < m.end), None)
        if match is None:
            continue
        free.remove(match)
        counts["strict"] += (match.start, match.end) == (timex["start"], timex["end"])
        counts["relaxed"] += 1
        counts["type"] += match.timex_type == timex["type"]
        counts["value"] += match.timex_value == timex["value"]
    return counts


def figures(counts: dict[str, int]) -> dict[str, float]:
    def f1(hits: int) -> float:
        return 2 * hits / (counts["system"] + counts["gold"]) if counts["gold"] else 0.0

    relaxed = counts["relaxed"] or 1
    return {
        "strict_precision": counts["strict"] / (counts["system"] or 1),
        "strict_recall": counts["strict"] / counts["gold"],
        "strict_f1": f1(counts["strict"]),
        "relaxed_precision": counts["relaxed"] / (counts["system"] or 1),
        "relaxed_recall": counts["relaxed"] / counts["gold"],
        "relaxed_f1": f1(counts["relaxed"]),
        "type_accuracy": counts["type"] / relaxed,
        "value_accuracy": counts["value"] / relaxed,
        "type_f1": f1(counts["type"]),
        "value_f1": f1(counts["value"]),
    }


def run(split: str) -> Result:
    path = DATA / f"{split}.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs = load_model().pipe(record["text"] for record in records)
    totals: dict[str, int] = {}
    for record, doc in zip(records, docs, strict=True):
        for key, count in score(record["timexes"], dates.extract(doc, record["dct"])).items():
            totals[key] = totals.get(key, 0) + count
    ours = figures(totals)
    name = "TimeBank (dev)" if split == "dev" else "TempEval-3 platinum (test)"
    rows = [
        ["nutgraf", ours["strict_f1"], ours["relaxed_precision"], ours["relaxed_recall"],
         ours["relaxed_f1"], ours["type_accuracy"], ours["value_accuracy"], ours["value_f1"]],
    ]  # fmt: skip
    if split == "test":
        rows += [[system, strict, "", "", relaxed, "", "", value]
                 for system, (relaxed, strict, value) in PUBLISHED.items()]  # fmt: skip
    headers = ["system", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "type acc.",
               "value acc.", "value F1"]  # fmt: skip
    return Result(
        task="tempeval",
        title=f"Dates to TimeML (TIMEX3), {name}: {len(records)} documents, "
        f"{totals['gold']} timexes",
        table=table(headers, rows),
        data={"split": split, "counts": totals, "nutgraf": ours, "published": PUBLISHED},
        notes=[
            "Value F1 = relaxed F1 x value accuracy ranks the task. "
            + (
                "Published rows: UzZaman et al. 2013, Table 3, on the same platinum test "
                "(HeidelTime-t was tuned on TBAQ, which contains the TimeBank dev set)."
                if split == "test"
                else "Tuning set; the task's test is the platinum set (`--split test`)."
            )
        ],
    )
