"""Load article texts for the event test set (read-only, from /work/shared).

load(corpus, id) -> str   corpus is "polnear-test" or "bbc".
Offsets in events-test.jsonl are Python str indices into this text.
"""

import json
import os
from functools import cache
from pathlib import Path

# The project's shared data: ../shared beside the repository, or $NUTGRAF_SHARED.
SHARED = Path(os.environ.get("NUTGRAF_SHARED", Path(__file__).resolve().parents[4] / "shared"))

PATHS = {
    "polnear-test": str(SHARED / "eval" / "polnear" / "test.jsonl"),
    "bbc": str(SHARED / "corpus" / "bbc" / "articles.jsonl"),
}


@cache
def _all(corpus):
    out = {}
    with open(PATHS[corpus], encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out[r["id"]] = r["text"]
    return out


def load(corpus, id):
    return _all(corpus)[id]


def all_ids(corpus):
    return sorted(_all(corpus))
