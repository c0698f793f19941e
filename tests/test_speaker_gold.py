"""The speaker gold set: every offset points into its article, and the scorer's name match."""

from __future__ import annotations

import json
import sys

from tests.support import ROOT, SHARED

sys.path.insert(0, str(ROOT / "eval"))

from tasks.speakers import CORPORA, GOLD, same_speaker


def test_every_gold_span_lies_in_its_article() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    wanted = {(r["corpus"], r["id"]) for r in rows}
    texts = {}
    for corpus, path in CORPORA.items():
        with path.open(encoding="utf-8") as lines:
            texts |= {(corpus, r["id"]): r["text"] for r in map(json.loads, lines)}
    assert SHARED.is_dir() and wanted <= set(texts)
    for row in rows:
        text = texts[(row["corpus"], row["id"])]
        for role in ("content", "cue", "speaker_mention"):
            if row[role] is not None:
                start, end = row[role]
                assert 0 <= start < end <= len(text), row
                assert text[start:end].strip(), row


def test_speaker_names_match_by_canonical_name_or_surname() -> None:
    assert same_speaker("the Office of National Statistics", "Office of National Statistics", "ORG")
    assert same_speaker("Blair", "Tony Blair", "PERSON")
    assert not same_speaker("Michael Howard", "Sandra Howard", "PERSON")
    assert not same_speaker(None, "Tony Blair", "PERSON")
    assert not same_speaker("Gordon Brown", "Tony Blair", "PERSON")
