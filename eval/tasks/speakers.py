"""Speaker accuracy on the hand-labelled speaker gold set (``eval/gold/speakers/``, how it was
made: ``SPEAKERS.md``): 36 BBC and PolNeAR-train articles with every attribution labelled
with its speaker's canonical name, split dev/test by article.

For each gold attribution of speech, direct or reported: did nutgraf find it (a quote whose
content overlaps half of the gold content, or of itself), and, where the gold speaker is a
person, organisation or place named in the article, is nutgraf's speaker the same entity (by
canonical name: equal once case, "the" and punctuation are set aside, or, for people, the
same surname where one side is the surname alone or the first names agree)? nutgraf reads
each article's text as it is (cleaning bypassed, so offsets are the gold's).
"""

from __future__ import annotations

import json
import re
from typing import Any

from common import ROOT, SHARED, Result, table
from nutgraf.nlp import load_model
from nutgraf.pipeline import analyse
from nutgraf.records import Article, CleanArticle, Quote

GOLD = ROOT / "eval" / "gold" / "speakers" / "gold.jsonl"
CORPORA = {
    "bbc": SHARED / "corpus" / "bbc" / "articles.jsonl",
    "polnear-train": SHARED / "corpus" / "polnear-train" / "articles.jsonl",
}
NAMED = {"PERSON", "ORG", "GPE"}


def _words(name: str) -> list[str]:
    words = re.findall(r"[\w’'-]+", name.lower())
    return words[1:] if words[:1] == ["the"] else words


def same_speaker(found: str | None, gold: str, gold_type: str) -> bool:
    """Whether nutgraf's speaker's name names the gold speaker."""
    if found is None:
        return False
    ours, theirs = _words(found), _words(gold)
    if ours == theirs:
        return True
    if gold_type != "PERSON" or not ours or not theirs or ours[-1] != theirs[-1]:
        return False
    return len(ours) == 1 or len(theirs) == 1 or ours[0] == theirs[0]


def best_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote whose content overlaps the gold content most, if it overlaps half of one."""

    def shared(q: Quote) -> int:
        return max(0, min(q.end, end) - max(q.start, start))

    best = max(quotes, key=shared, default=None)
    if best is None or shared(best) * 2 < min(best.end - best.start, end - start):
        return None
    return best


def _texts(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    texts = {}
    for corpus, path in CORPORA.items():
        with path.open(encoding="utf-8") as lines:
            for record in map(json.loads, lines):
                if (corpus, record["id"]) in wanted:
                    texts[(corpus, record["id"])] = record["text"]
    return texts


def score(rows: list[dict[str, Any]], articles: dict[tuple[str, str], Article]) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        tally = counts.setdefault(row["kind"], dict.fromkeys(
            ("gold", "found", "named", "named_found", "speaker_right"), 0))  # fmt: skip
        article = articles[(row["corpus"], row["id"])]
        quote = best_quote(article.quotes, *row["content"])
        tally["gold"] += 1
        tally["found"] += quote is not None
        if row["speaker"] and row["speaker_type"] in NAMED:
            tally["named"] += 1
            if quote is not None:
                tally["named_found"] += 1
                entity = article.entity(quote.speaker)
                name = entity.name if entity else None
                tally["speaker_right"] += same_speaker(name, row["speaker"], row["speaker_type"])
    return counts


def run(split: str) -> Result:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in gold if r["split"] == split and r["mode"] == "speech"]
    texts = _texts({(r["corpus"], r["id"]) for r in rows})
    keys = sorted(texts)
    docs = load_model().pipe(texts[k] for k in keys)
    articles = {
        k: analyse(CleanArticle(body=texts[k]), doc) for k, doc in zip(keys, docs, strict=True)
    }
    counts = score(rows, articles)
    table_rows = []
    for kind in ("direct", "reported"):
        c = counts.get(kind, {})
        table_rows.append([
            kind, c.get("gold", 0), c.get("found", 0) / max(c.get("gold", 0), 1),
            c.get("named", 0), c.get("speaker_right", 0) / max(c.get("named_found", 0), 1),
            c.get("speaker_right", 0) / max(c.get("named", 0), 1),
        ])  # fmt: skip
    return Result(
        task="speakers",
        title=f"Speakers, {len(keys)} hand-labelled BBC and PolNeAR-train articles ({split})",
        table=table(
            [
                "attributions",
                "gold",
                "found",
                "named speakers",
                "speaker right (of found)",
                "speaker right (of all named)",
            ],
            table_rows,
        ),
        data={"split": split, "articles": len(keys), "counts": counts},
        notes=[
            "Gold and how it was made: `eval/gold/speakers/SPEAKERS.md` (one labeller, who "
            "never read nutgraf's code). Speech only (belief and stance rows are not counted). "
            "Goal (issue #15): speaker right ≥ 0.95 for direct quotes, ≥ 0.90 for reported "
            "speech."
        ],
    )
