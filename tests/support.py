"""What the tests share: where the project's data is, and the check that every span of an
article's JSON points into its body (derived from the records, so a new fact is checked too)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from nutgraf.schema import offset_paths

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NUTGRAF_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_04032723e9b8b91d.txt"
EXAMPLES = ROOT / "examples"


def _spans(value: Any, path: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """The records a path like ``quotes[].speaker`` reaches, with the role it names."""
    if value is None:
        return []
    if not path:
        return [("", value)]
    step, rest = path[0], path[1:]
    if step.endswith("[]"):
        items = value.get(step[:-2], []) if step[:-2] else value
        return [found for item in items for found in _spans(item, rest)]
    if not rest and f"{step}_start" in value:
        return [(step, value)]
    return _spans(value.get(step), rest)


def assert_spans_match(data: dict[str, Any]) -> int:
    """Every span of an article's JSON satisfies ``body[start:end] == text``; returns how
    many spans were checked."""
    body, checked = data["body"], 0
    for path in offset_paths():
        for role, record in _spans(data, path.replace("[]", "[].").strip(".").split(".")):
            if role:
                start, end = record[f"{role}_start"], record[f"{role}_end"]
                text = record.get(f"{role}_text", record.get(role))
            else:
                start, end, text = record["start"], record["end"], record["text"]
            if start is not None:
                assert body[start:end] == text, (path, record)
                checked += 1
    return checked
