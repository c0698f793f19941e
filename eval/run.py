"""Score nutgraf and its peers on the gold sets: ``python eval/run.py [TASK ...] [--split S]``.

Writes ``eval/results/<task>.json``, prints markdown tables, and puts them in the README's
"Accuracy" section (between the ``eval:begin``/``eval:end`` markers).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import time

from common import RESULTS, Result, update_readme

TASKS = [
    "seed",
    "conll",
    "entity_audit",
    "polnear",
    "speakers",
    "forms",
    "bodies",
    "places",
    "geoparsing",
    "events",
    "tempeval",
    "amounts",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tasks", nargs="*", metavar="TASK", help=f"some of {TASKS} (all)")
    parser.add_argument("--split", default="test", help="test (report) or dev (tune)")
    parser.add_argument("--no-readme", action="store_true", help="leave README.md as it is")
    args = parser.parse_args()
    if unknown := set(args.tasks) - set(TASKS):
        parser.error(f"unknown task(s) {sorted(unknown)}; choose from {TASKS}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    for name in args.tasks or TASKS:
        started = time.perf_counter()
        result: Result = importlib.import_module(f"tasks.{name}").run(args.split)
        result.data["seconds"] = round(time.perf_counter() - started, 1)
        result.data["machine"] = {"cores": os.cpu_count(), "python": platform.python_version()}
        result.data["markdown"] = result.markdown()
        suffix = "" if args.split == "test" or name == "seed" else f"-{args.split}"
        (RESULTS / f"{name}{suffix}.json").write_text(json.dumps(result.data, indent=2) + "\n")
        print(result.markdown(), flush=True)
    if args.split == "test" and not args.no_readme:
        update_readme("eval", [RESULTS / f"{name}.json" for name in TASKS], "make eval")


if __name__ == "__main__":
    main()
