"""The entity audit: 300 entities drawn at random from nutgraf's output on 500 BBC and 500
PolNeAR-train articles (``eval/gold/draw_entities.py``), each judged by a helper who had not
read ``entities.py``: is its kind right, are all its mentions one thing, is each title a role
(``eval/gold/entities-judged.jsonl``, how: ``eval/gold/ENTITIES-JUDGED.md``).

The judgements are of the output at the commit that drew the sample; after a change to the
entity rules, redraw and judge again to measure it. This task only counts them.
"""

from __future__ import annotations

import json
from typing import Any

from common import ROOT, Result, table

GOLD = ROOT / "eval" / "gold"


def run(split: str) -> Result:
    sample = {
        row["item"]: row
        for row in map(json.loads, (GOLD / "entities-sample.jsonl").read_text().splitlines())
    }
    judged = [
        json.loads(line) for line in (GOLD / "entities-judged.jsonl").read_text().splitlines()
    ]
    rows = [j for j in judged if sample[j["item"]]["split"] == split]
    titles = [ok for j in rows for ok in j["titles_roles"]]
    figures: dict[str, Any] = {
        "entities": len(rows),
        "kind right": sum(j["kind_right"] for j in rows) / len(rows),
        "not an entity": sum(j["not_an_entity"] for j in rows) / len(rows),
        "one thing": sum(j["one_thing"] for j in rows) / len(rows),
        "titles": len(titles),
        "title a role": sum(titles) / len(titles) if titles else "-",
    }
    return Result(
        task="entity_audit",
        title=f"Entity audit, {len(rows)} entities judged by hand ({split})",
        table=table(list(figures), [list(figures.values())]),
        data={"split": split, **figures},
        notes=[
            "Precision of nutgraf's entities on random BBC and PolNeAR-train articles, as judged "
            "(goal, issue #16: 0.95 on each question). Redraw with `python "
            "eval/gold/draw_entities.py --view FILE` and judge again after a change."
        ],
    )
