"""Fixed-seed draw of the speaker gold's articles: each corpus's ids shuffled with
``random.Random(SEED)``, alternating bbc / polnear-train; split per article: in each block of
4 draws, ``Random(SEED + 1)`` picks one bbc and one polnear article for dev, the others test.
``python draw.py`` prints the first 40 draws (the first 36 were labelled)."""

import random

from load import _load_all, record

SEED = 20261201


def draw(n: int = 200) -> list[dict]:
    a, b = sorted(_load_all("bbc")), sorted(_load_all("polnear-train"))
    random.Random(SEED).shuffle(a)
    random.Random(SEED).shuffle(b)
    rs = random.Random(SEED + 1)
    out = []
    for i in range(n):
        corpus, ids = ("bbc", a) if i % 2 == 0 else ("polnear-train", b)
        out.append({"order": i, "corpus": corpus, "id": ids[i // 2]})
    for k in range(0, n, 4):
        for off in (0, 1):
            pair = [j for j in (k + off, k + off + 2) if j < n]
            chosen = rs.choice(pair)
            for j in pair:
                out[j]["split"] = "dev" if j == chosen else "test"
    return out


if __name__ == "__main__":
    for d in draw(40):
        words = record(d["corpus"], d["id"])["word_count"]
        print(d["order"], d["corpus"], d["id"], d["split"], words)
