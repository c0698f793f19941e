"""The reference article, checked by ../shared/tools/check_seed.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nutgraf
from common import SHARED, Result, table


def run(split: str) -> Result:
    seed = SHARED / "seed" / "000_04032723e9b8b91d.txt"
    article = nutgraf.extract(seed.read_text(encoding="utf-8"), published="2006-06-20")
    check = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "check_seed.py"), "-"],
        input=json.dumps(article.to_dict()), capture_output=True, text=True, check=False,
    )  # fmt: skip
    match = re.search(r"seed: (\d+)/(\d+) checks pass", check.stdout)
    passed, total = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    misses = [line[5:] for line in check.stdout.splitlines() if line.startswith("MISS ")]
    return Result(
        task="seed",
        title="Reference article (`../shared/seed`)",
        table=table(
            ["checks passed", "total", "missed"], [[passed, total, "; ".join(misses) or "-"]]
        ),
        data={"passed": passed, "total": total, "missed": misses},
    )
