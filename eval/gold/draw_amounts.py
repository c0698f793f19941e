"""Draw the amount audit sample (issue #22): ``python eval/gold/draw_amounts.py [--show SPLIT]``.

Reads ``shared/corpus/bbc/articles.jsonl`` and ``shared/corpus/polnear-train/articles.jsonl``
(``NUTGRAF_SHARED`` overrides where ``shared`` is), picks 150 articles of each at random (seed
22), runs nutgraf on them (``nutgraf.extract_each``) and writes ``amounts-sample.jsonl``:
300 amounts drawn at random from nutgraf's output (``origin: reported``) and 100 numbers it
did not report (``origin: unreported``): spaCy CARDINAL/MONEY/PERCENT/QUANTITY entities and
tokens holding a digit that overlap no reported amount.

The file holds no article text. Offsets index the clean body, rebuilt from the corpus record
as ``nutgraf.pipeline.prepare(record["text"], record["published"]).body`` (``body_of`` below);
``body_sha1`` says whether a later nutgraf still rebuilds the same body. Split: by article,
``dev`` or ``test`` from the parity of the SHA-1 of ``corpus/record id``.
``--show dev`` prints each item in its sentence, for a judge.

Row: ``item`` (stable id ``corpus/record/start-end``), ``corpus``, ``record``, ``start``,
``end``, ``origin``, ``label`` (spaCy's label, or ``DIGITS``, for unreported items), ``split``,
``body_sha1``, ``raw_start``/``raw_end`` (the span in the record's ``text``, found by its
context: how the scorer finds an item again when a later cleaning gives another body; added
by ``--anchor`` to the sample drawn before they existed), ``weight`` (how many numbers of its
origin's pool each item stands for, so that precision and recall over the two pools can be
estimated).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nutgraf import Article, extract_each
from nutgraf.nlp import load_model
from nutgraf.pipeline import prepare

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NUTGRAF_SHARED", ROOT.parent / "shared"))
CORPORA = ("bbc", "polnear-train")
SAMPLE = ROOT / "eval" / "gold" / "amounts-sample.jsonl"
SEED = 22
ARTICLES_PER_CORPUS = 150
REPORTED = 300
UNREPORTED = 100
NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}


def records(corpus: str) -> dict[str, dict[str, Any]]:
    """The corpus's records by id."""
    path = SHARED / "corpus" / corpus / "articles.jsonl"
    with path.open(encoding="utf-8") as lines:
        return {r["id"]: r for r in map(json.loads, lines)}


def body_of(record: dict[str, Any]) -> str:
    """The clean body that the sample's offsets index."""
    return prepare(record["text"], record.get("published")).body


def locate(source: str, target: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``source[start:end]`` lies in ``target``: the one place where it and the words
    around it are found (white space may differ), with as much context as makes it unique."""
    for margin in (400, 150, 60, 30, 15, 5):
        left, right = source[max(0, start - margin) : start], source[end : end + margin]
        parts = [_loose(left), _loose(source[start:end]), _loose(right)]
        found = list(re.finditer(rf"{parts[0]}\s*({parts[1]})\s*{parts[2]}", target))
        if len(found) == 1:
            return found[0].span(1)
    return None


def _loose(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in text.split()) if text.strip() else ""


def anchored(row: dict[str, Any], record: dict[str, Any], body: str) -> dict[str, Any]:
    """The row with ``raw_start``/``raw_end``: its span in the record's own text, so that a
    later nutgraf whose cleaning gives another body can still find it."""
    raw = locate(body, record["text"], row["start"], row["end"])
    return {**row, "raw_start": raw[0] if raw else None, "raw_end": raw[1] if raw else None}


def anchor() -> None:
    """Add raw offsets to the sample drawn before they existed (the bodies must still match)."""
    by_corpus = {corpus: records(corpus) for corpus in CORPORA}
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    bodies: dict[tuple[str, str], str] = {}
    out = []
    for row in rows:
        key = (row["corpus"], row["record"])
        record = by_corpus[key[0]][key[1]]
        body = bodies.setdefault(key, body_of(record))
        if hashlib.sha1(body.encode()).hexdigest() != row["body_sha1"]:
            sys.exit(f"the clean body of {key} has changed since the sample was drawn")
        out.append(anchored(row, record, body))
    SAMPLE.write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    print(f"{sum(r['raw_start'] is not None for r in out)} of {len(out)} items anchored")


def split_of(corpus: str, record_id: str) -> str:
    digest = hashlib.sha1(f"{corpus}/{record_id}".encode()).digest()
    return "dev" if digest[-1] % 2 == 0 else "test"


def chosen() -> list[tuple[str, dict[str, Any]]]:
    rng = random.Random(SEED)
    picked = []
    for corpus in CORPORA:
        by_id = records(corpus)
        ids = sorted(by_id)
        picked += [(corpus, by_id[i]) for i in sorted(rng.sample(ids, ARTICLES_PER_CORPUS))]
    return picked


def candidates(
    picked: list[tuple[str, dict[str, Any]]],
) -> Iterator[tuple[dict[str, Any], bool]]:
    """(row, reported) for every amount nutgraf reports and every number it leaves out."""
    items = [(r["text"], r.get("published")) for _, r in picked]
    nlp = load_model()
    for (corpus, record), outcome in zip(picked, extract_each(items), strict=True):
        if not isinstance(outcome, Article):
            continue
        base = {
            "corpus": corpus,
            "record": record["id"],
            "split": split_of(corpus, record["id"]),
            "body_sha1": hashlib.sha1(outcome.body.encode()).hexdigest(),
        }
        covered = [(a.start, a.end) for a in outcome.amounts]
        for a in outcome.amounts:
            row = {**base, "start": a.start, "end": a.end, "origin": "reported", "label": None}
            yield anchored(row, record, outcome.body), True
        doc = nlp(outcome.body)
        spans = [
            (e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in NUMERIC_LABELS
        ]
        in_ents = {i for e in doc.ents if e.label_ in NUMERIC_LABELS for i in range(e.start, e.end)}
        spans += [
            (t.idx, t.idx + len(t), "DIGITS")
            for t in doc
            if t.i not in in_ents and any(c.isdigit() for c in t.text)
        ]
        for start, end, label in spans:
            if not any(s < end and start < e for s, e in covered):
                row = {**base, "start": start, "end": end, "origin": "unreported", "label": label}
                yield anchored(row, record, outcome.body), False


def draw() -> None:
    reported, unreported = [], []
    for row, is_reported in candidates(chosen()):
        (reported if is_reported else unreported).append(row)
    rng = random.Random(SEED)
    weights = {"reported": len(reported) / REPORTED, "unreported": len(unreported) / UNREPORTED}
    sample = rng.sample(reported, REPORTED) + rng.sample(unreported, UNREPORTED)
    sample.sort(key=lambda r: (r["corpus"], r["record"], r["start"], r["end"]))
    with SAMPLE.open("w", encoding="utf-8") as out:
        for row in sample:
            item = f"{row['corpus']}/{row['record']}/{row['start']}-{row['end']}"
            weight = round(weights[row["origin"]], 4)
            out.write(json.dumps({"item": item, **row, "weight": weight}) + "\n")
    print(f"{len(sample)} items from {len(reported)} reported, {len(unreported)} unreported")


def show(split: str) -> None:
    """Each item of a split in its context, the number between [[ ]]."""
    by_corpus = {corpus: records(corpus) for corpus in CORPORA}
    bodies: dict[str, str] = {}
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] != split:
            continue
        key = f"{row['corpus']}/{row['record']}"
        if key not in bodies:
            bodies[key] = body_of(by_corpus[row["corpus"]][row["record"]])
        body, start, end = bodies[key], row["start"], row["end"]
        if hashlib.sha1(body.encode()).hexdigest() != row["body_sha1"]:
            sys.exit(f"the clean body of {key} has changed since the sample was drawn")
        before = re.sub(r"\s+", " ", body[max(0, start - 150) : start])
        after = re.sub(r"\s+", " ", body[end : end + 150])
        print(f"{row['item']}\n  ...{before}[[{body[start:end]}]]{after}...\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", metavar="SPLIT", help="print the items of dev or test")
    parser.add_argument("--anchor", action="store_true", help="add raw offsets to the sample")
    args = parser.parse_args()
    if args.anchor:
        anchor()
    elif args.show:
        show(args.show)
    else:
        draw()


if __name__ == "__main__":
    main()
