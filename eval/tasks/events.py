"""Event coding on hand-labelled news sentences: precision and recall of CAMEO codes, of
(code, actor) pairs and of (actor, code, target) triples, beside a baseline that codes only
each sentence's main verb.

Two gold sets: ``dev``, the 60 PolNeAR dev sentences of ``eval/gold/events.jsonl`` (how they
were made: ``eval/gold/EVENTS.md``; the coder's rules were revised on them), and ``test``, 237
sentences drawn at random from PolNeAR test and the BBC corpus and coded by a helper who never
read the coder nor saw its output (``eval/gold/events_test/``): nobody tunes on it.

nutgraf reads each article's text as it is (cleaning bypassed, so offsets are the gold's). A
predicted event matches a gold one when the codes are equal, the actors overlap, and the
targets overlap (or both are missing); looser rows ask for the code and the actor, or the code
alone.
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
TEST_GOLD = ROOT / "eval" / "gold" / "events_test" / "events-test.jsonl"
TEXTS = {
    "polnear-dev": SHARED / "eval" / "polnear" / "dev.jsonl",
    "polnear-test": SHARED / "eval" / "polnear" / "test.jsonl",
    "bbc": SHARED / "corpus" / "bbc" / "articles.jsonl",
}
MATCHES = ("triple", "code_actor", "code")


def _span(span: list[int] | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def gold_sentences(split: str) -> list[dict[str, Any]]:
    """The split's sentences in one shape: ``doc`` (corpus, id), the sentence's offsets, and
    events with ``code`` and the actor's and target's offsets."""
    if split == "dev":
        rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
        for row in rows:
            row["doc"] = ("polnear-dev", row["doc"])
        return rows
    sentences = []
    for line in TEST_GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        events = []
        for event in row["events"]:
            actor, target = _span(event["actor_span"]), _span(event["target_span"])
            events.append({
                "code": event["code"], "actor_start": actor[0], "actor_end": actor[1],
                "target_start": target[0], "target_end": target[1],
            })  # fmt: skip
        start, end = row["sentence"]
        sentences.append({
            "doc": (row["corpus"], row["id"]), "sentence_start": start, "sentence_end": end,
            "events": events,
        })  # fmt: skip
    return sentences


def _texts(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    texts = {}
    for corpus in {c for c, _ in wanted}:
        with TEXTS[corpus].open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if (corpus, record["id"]) in wanted:
                    texts[(corpus, record["id"])] = record["text"]
    return texts


def _overlap(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    if a[0] is None or b[0] is None:
        return a[0] is None and b[0] is None
    return a[0] < b[1] and b[0] < a[1]  # type: ignore[operator]


def _matches(event: Event, gold: dict[str, Any], match: str) -> bool:
    same_actor = _overlap(
        (event.actor_start, event.actor_end), (gold["actor_start"], gold["actor_end"])
    )
    same_target = _overlap(
        (event.target_start, event.target_end), (gold["target_start"], gold["target_end"])
    )
    if match == "code":
        return event.code == gold["code"]
    return event.code == gold["code"] and same_actor and (same_target or match == "code_actor")


def score(predicted: list[Event], gold: list[dict[str, Any]], match: str) -> PRF:
    free = list(gold)
    hits = 0
    for event in predicted:
        found = next((g for g in free if _matches(event, g, match)), None)
        if found is not None:
            hits += 1
            free.remove(found)
    return PRF(hits, len(predicted), len(gold))


def run(split: str) -> Result:
    sentences = gold_sentences(split)
    texts = _texts({s["doc"] for s in sentences})
    keys = sorted(texts)
    nlp = load_model()
    docs = dict(zip(keys, nlp.pipe(texts[k] for k in keys), strict=True))
    events = {k: analyse(CleanArticle(body=texts[k]), docs[k]).events for k in keys}
    totals = {name: dict.fromkeys(MATCHES, PRF(0, 0, 0)) for name in ("nutgraf", "main verb only")}
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
            for match in MATCHES:
                totals[name][match] += score(predicted, sentence["events"], match)
    rows = [
        [name, *(getattr(scores[m], k) for m in MATCHES for k in ("precision", "recall", "f1"))]
        for name, scores in totals.items()
    ]
    gold_events = sum(len(s["events"]) for s in sentences)
    which = (
        "hand-labelled PolNeAR dev sentences (the rules were revised on them)"
        if split == "dev"
        else "random PolNeAR test and BBC sentences, coded blind"
    )
    return Result(
        task="events",
        title=f"Event coding, {len(sentences)} {which} ({gold_events} events)",
        table=table(
            [
                "system",
                "P",
                "R",
                "F1",
                "P (code, actor)",
                "R (code, actor)",
                "F1 (code, actor)",
                "P (code)",
                "R (code)",
                "F1 (code)",
            ],
            rows,
        ),
        data={
            "split": split,
            "sentences": len(sentences),
            **{
                name: {
                    "full": s["triple"].as_dict(),
                    "code_actor": s["code_actor"].as_dict(),
                    "code": s["code"].as_dict(),
                }
                for name, s in totals.items()
            },
        },
        notes=[
            "The gold marks every event a sentence states, in quotes too; nutgraf does not code "
            "events whose actor is I, we, you or nobody (a speaker's own words), nor passives "
            "without an agent (but for force after an armed group named just before). "
            "Both systems are nutgraf's coder; the baseline keeps only the events of each "
            "sentence's main verb. Gold and how it was made: `eval/gold/EVENTS.md` (dev, 60 "
            "PolNeAR dev sentences the rules were revised on: optimistic) and "
            "`eval/gold/events_test/EVENTS-TEST.md` (test, untouched)."
        ],
    )
