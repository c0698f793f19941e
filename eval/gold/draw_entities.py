"""Draw the entity audit sample (issue #16): ``python eval/gold/draw_entities.py [--view F]``.

Picks 500 BBC and 500 PolNeAR-train articles at random (seed 16; ``NUTGRAF_SHARED`` says
where ``shared`` is), runs nutgraf on them (``nutgraf.extract_each``, each record's text and
publication date) and writes ``entities-sample.jsonl``: 300 entities drawn at random from all
the entities found. The file holds ids, offsets and labels, no article text: the record, the
body's SHA-1 (the body is ``nutgraf.pipeline.prepare(text, published).body``; the hash says
whether a later nutgraf rebuilds the same one), the entity's id, its type, how many titles
nutgraf gave it, and its mentions' offsets; split dev/test by the parity of the SHA-1 of
``corpus/record``.

``--view F`` also writes, to ``F`` outside the repository, each sampled entity as nutgraf
gave it (name, titles, mentions in their sentences): what the judge reads.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
from pathlib import Path
from typing import Any

from nutgraf import Article, extract_each

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NUTGRAF_SHARED", ROOT.parent / "shared"))
CORPORA = {
    "bbc": SHARED / "corpus" / "bbc" / "articles.jsonl",
    "polnear-train": SHARED / "corpus" / "polnear-train" / "articles.jsonl",
}
ARTICLES_EACH = 500
ENTITIES = 300
SEED = 16
OUT = Path(__file__).resolve().parent / "entities-sample.jsonl"


def _split(corpus: str, record: str) -> str:
    return "dev" if hashlib.sha1(f"{corpus}/{record}".encode()).digest()[-1] % 2 else "test"


def _records(rng: random.Random) -> list[tuple[str, dict[str, Any]]]:
    chosen = []
    for corpus, path in CORPORA.items():
        with path.open(encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines]
        chosen += [(corpus, r) for r in rng.sample(records, ARTICLES_EACH)]
    return chosen


def _context(body: str, start: int, end: int) -> str:
    left = max(body.rfind("\n", 0, start), body.rfind(". ", 0, start - 1))
    right = min(x for x in (body.find("\n", end), body.find(". ", end), len(body)) if x >= 0)
    return body[left + 1 : start] + "[[" + body[start:end] + "]]" + body[end : right + 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--view", type=Path, help="write what the judge reads to this file")
    args = parser.parse_args()
    rng = random.Random(SEED)
    chosen = _records(rng)
    items = [(r["text"], r.get("published")) for _, r in chosen]
    found: list[tuple[str, dict[str, Any], Article, int]] = []
    for (corpus, record), article in zip(chosen, extract_each(items, n_process=2), strict=True):
        if isinstance(article, Article):
            found += [(corpus, record, article, n) for n in range(len(article.entities))]
    sample = sorted(rng.sample(found, ENTITIES), key=lambda f: (f[0], f[1]["id"], f[3]))
    rows, views = [], []
    for corpus, record, article, index in sample:
        entity = article.entities[index]
        item = f"{corpus}/{record['id']}/{entity.id}"
        rows.append({
            "item": item, "corpus": corpus, "record": record["id"],
            "split": _split(corpus, record["id"]),
            "body_sha1": hashlib.sha1(article.body.encode()).hexdigest(),
            "entity": entity.id, "type": entity.type, "titles": len(entity.titles),
            "mentions": [[m.start, m.end] for m in entity.mentions],
        })  # fmt: skip
        views.append({
            "item": item, "name": entity.name, "type": entity.type, "titles": entity.titles,
            "mentions": [_context(article.body, m.start, m.end) for m in entity.mentions],
            "title": record.get("title"),
        })  # fmt: skip
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    if args.view:
        text = "".join(json.dumps(v, ensure_ascii=False) + "\n" for v in views)
        args.view.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
