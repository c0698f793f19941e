"""Draw the forms gold-set sample (deterministic): ``python sample.py`` writes sample.json."""

import json
import os
import random
from pathlib import Path

SEED = 20261201
SHARED = Path(os.environ.get("NUTGRAF_SHARED", Path(__file__).resolve().parents[4] / "shared"))


def ids(path: Path, keep=None) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    return sorted(r["id"] for r in records if keep is None or keep(r))


def main() -> None:
    rng = random.Random(SEED)
    sample = {
        "polnear": rng.sample(ids(SHARED / "eval" / "polnear" / "train.jsonl"), 40),
        "timebank": rng.sample(ids(SHARED / "eval" / "tempeval3" / "dev.jsonl"), 40),
        "bbc": rng.sample(ids(SHARED / "corpus" / "bbc" / "articles.jsonl"), 40),
    }
    index = SHARED / "eval" / "article-extraction" / "index.jsonl"
    english = rng.sample(ids(index, lambda r: r["english"]), 80)
    sample["html"], sample["pagetext"] = english[:40], english[40:]
    Path("sample.json").write_text(json.dumps({"seed": SEED, "sample": sample}, indent=1))
    print({k: len(v) for k, v in sample.items()})


if __name__ == "__main__":
    main()
