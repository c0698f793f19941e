"""Event coding on the 60 hand-labelled PolNeAR dev sentences of ``eval/gold/events.jsonl``
(how they were made: ``eval/gold/EVENTS.md``): precision and recall of (actor, code, target)
triples, beside a baseline that codes only each sentence's main verb.

nutgraf reads each article's text as it is (cleaning bypassed, so offsets are the gold's). A
predicted event matches a gold one when the codes are equal, the actors overlap, and the
targets overlap (or both are missing); a looser row asks only for the code and the actor.
"""

from __future__ import annotations

import json
from typing import Any

from common import ROOT, SHARED, Result, table
from nutgraf.nlp import load_model
from nutgraf.pipeline import analyse
from nutgraf.records import CleanArticle, Event
from scoring import PRF

GOLD = ROOT / "eval" / "gold" / "events.jsonl"


def _overlap(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    if a[0] is None or b[0] is None:
        return a[0] is None and b[0] is None
    return a[0] < b[1] and b[0] < a[1]  # type: ignore[operator]


def _matches(event: Event, gold: dict[str, Any], with_target: bool) -> bool:
    same_actor = _overlap(
        (event.actor_start, event.actor_end), (gold["actor_start"], gold["actor_end"])
    )
    same_target = _overlap(
        (event.target_start, event.target_end), (gold["target_start"], gold["target_end"])
    )
    return event.code == gold["code"] and same_actor and (same_target or not with_target)


def score(predicted: list[Event], gold: list[dict[str, Any]], with_target: bool) -> PRF:
    free = list(gold)
    hits = 0
    for event in predicted:
        match = next((g for g in free if _matches(event, g, with_target)), None)
        if match is not None:
            hits += 1
            free.remove(match)
    return PRF(hits, len(predicted), len(gold))


def run(split: str) -> Result:
    sentences = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    wanted = {s["doc"] for s in sentences}
    texts = {}
    with (SHARED / "eval" / "polnear" / "dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    keys = sorted(texts)
    nlp = load_model()
    docs = dict(zip(keys, nlp.pipe(texts[k] for k in keys), strict=True))
    events = {k: analyse(CleanArticle(body=texts[k]), docs[k]).events for k in keys}
    totals = {name: [PRF(0, 0, 0), PRF(0, 0, 0)] for name in ("nutgraf", "main verb only")}
    for sentence in sentences:
        doc = docs[sentence["doc"]]
        inside = [
            e for e in events[sentence["doc"]]
            if sentence["sentence_start"] <= e.verb_start < sentence["sentence_end"]
        ]  # fmt: skip
        roots = {t.idx for t in doc if t.dep_ == "ROOT"}
        systems = {
            "nutgraf": inside,
            "main verb only": [e for e in inside if e.verb_start in roots],
        }
        for name, predicted in systems.items():
            totals[name][0] += score(predicted, sentence["events"], with_target=True)
            totals[name][1] += score(predicted, sentence["events"], with_target=False)
    rows = [
        [name, full.precision, full.recall, full.f1, loose.precision, loose.recall, loose.f1]
        for name, (full, loose) in totals.items()
    ]
    gold_events = sum(len(s["events"]) for s in sentences)
    return Result(
        task="events",
        title=f"Event coding, {len(sentences)} hand-labelled sentences ({gold_events} events)",
        table=table(
            ["system", "P", "R", "F1", "P (code, actor)", "R (code, actor)", "F1 (code, actor)"],
            rows,
        ),
        data={
            name: {"full": f.as_dict(), "code_actor": c.as_dict()}
            for name, (f, c) in totals.items()
        },
        notes=[
            "The gold marks every event a sentence states, in quotes too; nutgraf does not code "
            "events whose actor is I, we, you or nobody (a speaker's own words), nor passives "
            "without an agent (but for force after an armed group named just before). "
            "Both systems are nutgraf's coder; the baseline keeps only the "
            "events of each sentence's main verb. Gold and how it was made: "
            "`eval/gold/EVENTS.md`. These are dev sentences and the coder's rules were "
            "revised while reading its errors on them, so the figures are optimistic for "
            "unseen text."
        ],
    )
