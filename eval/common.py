"""What every evaluation task shares: where the data is, and how a result is reported."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NUTGRAF_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "eval" / "results"


@dataclass
class Result:
    """One task's outcome: a markdown table for people, data for the JSON file."""

    task: str
    title: str
    table: str
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        notes = "".join(f"\n{note}\n" for note in self.notes)
        return f"### {self.title}\n\n{self.table}\n{notes}"


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """A markdown table; floats as 3-decimal figures."""

    def cell(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def update_readme(section: str, result_files: list[Path], command: str) -> None:
    """Put the markdown of these result files between the README's ``<section>:begin`` and
    ``<section>:end`` markers, each with the machine and command that measured it, so that
    its tables are always the latest measured."""
    parts = []
    for path in result_files:
        if path.exists():
            data = json.loads(path.read_text())
            machine = data["machine"]
            parts.append(
                f"{data['markdown']}\n_Measured by `{command}` on {machine['cores']} cores, "
                f"Python {machine['python']}; raw figures in `{path.relative_to(ROOT)}`._\n"
            )
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = re.sub(
        rf"(<!-- {section}:begin -->\n).*?(<!-- {section}:end -->)",
        lambda match: match.group(1) + "\n".join(parts) + match.group(2),
        text,
        flags=re.S,
    )
    readme.write_text(text, encoding="utf-8")
