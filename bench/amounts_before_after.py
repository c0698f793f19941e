"""CPU time of the amounts stage now and at an earlier commit, on the same parsed articles:
``python bench/amounts_before_after.py [COMMIT] [--articles N]`` (default: 12803bd, the commit
before issue #22's rewrite; 200 articles, alternating BBC and PolNeAR-train).

Both versions run on the same Docs, each twice, turn about, with its caches emptied first;
process CPU time, so that other work on the machine weighs less than on the wall clock.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from benchmark import corpus  # noqa: E402
from nutgraf.extractors import amounts  # noqa: E402
from nutgraf.nlp import load_model  # noqa: E402
from nutgraf.pipeline import prepare  # noqa: E402


def module_at(commit: str, folder: str) -> ModuleType:
    """``extractors/amounts.py`` as it was at ``commit``, loaded as a module of its own."""
    source = subprocess.run(
        ["git", "show", f"{commit}:src/nutgraf/extractors/amounts.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    path = Path(folder) / "amounts_then.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("amounts_then", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("commit", nargs="?", default="12803bd")
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    docs = list(load_model().pipe(prepare(t, p).body for t, p in corpus(args.articles)))
    with tempfile.TemporaryDirectory() as folder:
        then = module_at(args.commit, folder)
        for name, module in [(args.commit, then), ("now", amounts)] * 2:
            module.extract(docs[0])  # lexicons loaded
            if module is amounts:
                amounts.read.cache_clear()
            started = time.process_time()
            for doc in docs:
                module.extract(doc)
            per_article = 1000 * (time.process_time() - started) / len(docs)
            print(f"{name}: {per_article:.2f} ms CPU an article ({len(docs)} articles)")


if __name__ == "__main__":
    main()
