"""The accuracy gate: nutgraf's figures on a small pinned slice of each gold set, against the
floors recorded in ``eval/floors.toml`` (as trafilatura's evaluation gate does).

Seconds, not minutes: ``make test`` runs it (``tests/test_accuracy_gate.py``), so that a change
that loses accuracy fails the build, not the next ``make eval``. A floor is raised by hand
when a change gains accuracy (``python eval/gate.py`` prints the current figures).
"""

from __future__ import annotations

import itertools
import json
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, SHARED
from nutgraf.extractors import entities
from nutgraf.nlp import load_model
from scoring import PRF, body_scores, entity_prf

FLOORS = ROOT / "eval" / "floors.toml"


def conll() -> dict[str, float]:
    """Entity F1 (PER, ORG, LOC, exact) on the first documents of CoNLL-2003 dev."""
    from tasks.conll import LABELS, documents

    docs = list(itertools.islice(documents("dev"), 40))
    total = PRF(0, 0, 0)
    for doc, gold in zip(load_model().pipe(d.text for d in docs), docs, strict=True):
        found = {
            (m.start, m.end, LABELS[e.type])
            for e in entities.extract(doc)
            for m in e.mentions
            if e.type in LABELS
        }
        for label in ("PER", "ORG", "LOC"):
            total += entity_prf(found, gold.gold, label)
    return {"entities_f1": total.f1}


def polnear() -> dict[str, float]:
    """Exact F1 of source, cue and content on the first articles of PolNeAR dev."""
    from tasks.polnear import gold_roles, nutgraf_quotes, nutgraf_roles, score

    path = SHARED / "eval" / "polnear" / "dev.jsonl"
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, 25)]
    texts = [r["text"] for r in records]
    docs = load_model().pipe(texts)
    found = [nutgraf_roles(nutgraf_quotes(d, r)) for d, r in zip(docs, records, strict=True)]
    scores = score(found, [gold_roles(r) for r in records], texts, "exact")["all"]
    return {f"{role}_f1": scores[role].f1 for role in ("source", "cue", "content")}


def bodies() -> dict[str, float]:
    """Body F1 on the first pages of the article-extraction benchmark."""
    from tasks.bodies import DATA, nutgraf_body

    pages = [json.loads(line) for line in (DATA / "index.jsonl").read_text().splitlines()][:60]
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pairs = [
        (
            nutgraf_body((DATA / "html" / f"{p['id']}.html").read_text(encoding="utf-8"), p["url"]),
            truth[p["id"]]["articleBody"],
        )
        for p in pages
    ]
    return {"body_f1": body_scores(pairs).f1}


def events() -> dict[str, float]:
    """Full-triple F1 on the hand-labelled dev sentences."""
    from tasks.events import run

    return {"triple_f1": run("dev").data["nutgraf"]["full"]["f1"]}


def places() -> dict[str, float]:
    """Share of the hand-labelled place mentions whose country nutgraf gets right."""
    from tasks.places import run

    data = run("dev").data
    return {"country_share": data["scores"]["nutgraf"][1] / data["mentions"]}


def forms() -> dict[str, float]:
    """Per-field accuracy of the cleaning stage on the forms gold set's dev articles, and on
    its dev pages saved as page text (``page_text_`` fields)."""
    from tasks.forms import run

    scores = run("dev").data["scores"]
    measured = {field: float(share) for field, share in scores["nutgraf"].items()}
    page_text = scores["nutgraf on the page's text"].items()
    return measured | {f"page_text_{field}": float(share) for field, share in page_text}


SLICES: dict[str, Callable[[], dict[str, float]]] = {
    "conll": conll,
    "polnear": polnear,
    "bodies": bodies,
    "forms": forms,
    "events": events,
    "places": places,
}


def floors() -> dict[str, dict[str, float]]:
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    for name, measure in SLICES.items():
        print(name, {k: round(v, 4) for k, v in measure().items()}, flush=True)
