"""The texts the speaker gold's offsets point into: ``load(corpus, id)`` is the record's
``text`` exactly as stored in ``shared/corpus/<corpus>/articles.jsonl``."""

import json
import os
from pathlib import Path

SHARED = Path(os.environ.get("NUTGRAF_SHARED", Path(__file__).resolve().parents[4] / "shared"))
PATHS = {
    "bbc": SHARED / "corpus" / "bbc" / "articles.jsonl",
    "polnear-train": SHARED / "corpus" / "polnear-train" / "articles.jsonl",
}
_cache: dict[str, dict[str, dict]] = {}


def _load_all(corpus: str) -> dict[str, dict]:
    if corpus not in _cache:
        with PATHS[corpus].open(encoding="utf-8") as lines:
            _cache[corpus] = {r["id"]: r for r in map(json.loads, lines)}
    return _cache[corpus]


def record(corpus: str, id: str) -> dict:
    return _load_all(corpus)[id]


def load(corpus: str, id: str) -> str:
    return _load_all(corpus)[id]["text"]
