"""Draw the random sentence sample for the event test set.

python3 sample.py  -> writes sample.jsonl (corpus, id, sentence_start, sentence_end, rank)
No article text is written.
"""

import json
import os
import random
import re
from pathlib import Path

from load import all_ids, load
from split import sentences

# The project's shared data: ../shared beside the repository, or $NUTGRAF_SHARED.
SHARED = Path(os.environ.get("NUTGRAF_SHARED", Path(__file__).resolve().parents[4] / "shared"))

SEED = 20261201
PER_CORPUS = 120  # candidates drawn per corpus (labelled in rank order)
MAX_PER_ARTICLE = 2

BOILER = re.compile(
    r"(follow (him|her|us|@)|on twitter|sign up|click here|read more|copyright|"
    r"all rights reserved|subscribe|newsletter|this article|contributed to this report|"
    r"contributed reporting|associated press contributed|photo:|image:|getty images|"
    r"AP Photo|\(AP\)\s*$|email|@\w+|https?://|www\.)",
    re.I,
)
TERMINAL = re.compile(r"[.!?][\"”’')\]]*$")


def eligible(corpus, text):
    for pi, s, e in sentences(text):
        if corpus == "polnear-test" and pi == 0:  # title line
            continue
        sent = text[s:e]
        n = len(sent.split())
        if n < 6 or n > 60:
            continue
        if not TERMINAL.search(sent):  # headlines, captions, datelines
            continue
        if BOILER.search(sent):
            continue
        yield s, e


def main():
    dups = json.loads((SHARED / "corpus" / "bbc" / "exact_duplicates.json").read_text())
    drop = {i for g in dups for i in sorted(g)[1:]}
    out = []
    for corpus in ("polnear-test", "bbc"):
        pool = []
        for aid in all_ids(corpus):
            if aid in drop:
                continue
            t = load(corpus, aid)
            for s, e in eligible(corpus, t):
                pool.append((aid, s, e))
        rng = random.Random(f"{SEED}-{corpus}")
        rng.shuffle(pool)
        per = {}
        rank = 0
        for aid, s, e in pool:
            if per.get(aid, 0) >= MAX_PER_ARTICLE:
                continue
            per[aid] = per.get(aid, 0) + 1
            rank += 1
            out.append(
                {
                    "corpus": corpus,
                    "id": aid,
                    "sentence_start": s,
                    "sentence_end": e,
                    "rank": rank,
                    "pool_size": len(pool),
                }
            )
            if rank >= PER_CORPUS:
                break
        print(corpus, "pool", len(pool), "drawn", rank)
    with open("sample.jsonl", "w") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
