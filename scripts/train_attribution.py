"""Train nutgraf's attribution tagger (``nutgraf.extractors.attribution_model``) on PolNeAR.

Data: PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR,
commit c3eee833), the train split (840 articles, months 1-10 of the 2016 campaign) as converted
to ``shared/eval/polnear/train.jsonl`` (see that folder's README; no licence stated upstream,
research use). Only the learned weights ship with nutgraf, no text. Run::

    python scripts/train_attribution.py [--shared ../shared] [--processes 1]

It parses each article with nutgraf's spaCy model, runs nutgraf's rules (whose tags are
features), and trains one CRF per role (L-BFGS, elastic net) on the annotated fragments, into
``src/nutgraf/extractors/models/attribution_<role>.crfsuite``. About 16 minutes on 2 shared
cores (8 of parsing and rules, 7 of training).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.tokens import Doc

from nutgraf.extractors import attribution_model
from nutgraf.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NUTGRAF_SHARED", ROOT.parent / "shared"))
# Elastic-net weights, chosen on PolNeAR dev (c1 0.2 with features seen 3 times beat c1 0.1
# with all features on every role) and iterations.
PARAMS = {
    "c1": 0.2, "c2": 0.01, "feature.minfreq": 3, "max_iterations": 150,
    "feature.possible_transitions": True,
}  # fmt: skip

Spans = dict[str, list[tuple[int, int]]]
Parsed = tuple[Doc, Spans, Spans]  # the article, the rules' spans, the gold spans


def records(split: str, shared: Path = SHARED) -> list[dict[str, Any]]:
    path = shared / "eval" / "polnear" / f"{split}.jsonl"
    if not path.is_file():
        sys.exit(f"PolNeAR {split} split not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def gold_spans(record: dict[str, Any]) -> Spans:
    """The annotated fragments of each role."""
    return {
        role: [
            (fragment["start"], fragment["end"])
            for relation in record["attributions"]
            for fragment in (relation[role] or {}).get("fragments", [])
        ]
        for role in attribution_model.ROLES
    }


def rules(doc: Doc) -> Spans:
    return attribution_model.rule_roles(attribution_model.rule_quotes(doc))


def parsed(split: str, shared: Path = SHARED, processes: int = 1) -> list[Parsed]:
    data = records(split, shared)
    docs = load_model().pipe((r["text"] for r in data), batch_size=8, n_process=processes)
    return [(doc, rules(doc), gold_spans(r)) for r, doc in zip(data, docs, strict=True)]


def train(articles: list[Parsed], role: str, path: str, params: dict[str, Any]) -> None:
    """One role's CRF on every paragraph of the articles (features are made again for each
    role, so that only one role's data is held in memory)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc, rule_spans, gold in articles:
        for tokens, features in attribution_model.sequences(doc, rule_spans):
            trainer.append(features, attribution_model.tags_of(tokens, gold[role]))
    trainer.set_params(params)
    trainer.train(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--processes", type=int, default=1, help="spaCy parsing processes")
    args = parser.parse_args()
    started = time.perf_counter()
    articles = parsed("train", args.shared, args.processes)
    print(f"{len(articles)} articles parsed: {time.perf_counter() - started:.0f} s")
    for role in attribution_model.ROLES:
        train(articles, role, attribution_model.model_path(role), PARAMS)
        print(f"{role} trained: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
