"""Build ``src/nutgraf/lexicon/cameo_verbs.toml`` from PETRARCH2's CAMEO verb dictionary.

Source: ``petrarch2/data/dictionaries/CAMEO.2.0.txt`` of the Open Event Data Alliance's
PETRARCH2 (https://github.com/openeventdata/petrarch2, commit 676801c, dictionary last updated
30 April 2015; MIT licence, copyright (c) 2015 Open Event Data Alliance). Run::

    python scripts/build_cameo_verbs.py path/to/CAMEO.2.0.txt

The dictionary groups verbs in synonym blocks (``--- KILL [183] ---``), each verb with its own
code or its block's, and patterns that code a verb by its object (``- * EXTRADITION [0213]``).
nutgraf keeps, for each one-word verb, the CAMEO root (the code's first two digits) of its own
or its block's code, and, for each pattern whose object is one plain word, that verb-object
pair's root. Multi-word verbs (``+ASK_FOR``), patterns on synonym sets (``&WEAPON``), on
phrases or on prepositions are left out: nutgraf reads the parse, not word sequences.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "nutgraf" / "lexicon" / "cameo_verbs.toml"
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[(\d{2})\d*[^\]]*\]")
PLAIN_OBJECT = re.compile(r"^-\s+\*\s+([A-Z]+)\s+\[(\d{2})")


def root(text: str) -> str | None:
    match = CODE.search(text)
    return match.group(1) if match else None


def convert(lines: list[str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    verbs: dict[str, str] = {}
    objects: dict[str, dict[str, str]] = defaultdict(dict)
    block_code: str | None = None
    block_verbs: list[str] = []
    started = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            started = True
            continue
        if not started or not line.strip():
            continue
        if header := BLOCK.match(line):
            block_code, block_verbs = root(f"[{header.group(2)}]"), []
            continue
        if line.startswith("-"):
            if pattern := PLAIN_OBJECT.match(line):
                for verb in block_verbs:
                    objects[verb].setdefault(pattern.group(1).lower(), pattern.group(2))
            continue
        word = line.split()[0]
        if word.startswith("+") or not re.fullmatch(r"[A-Z]+", word):
            continue
        lemma = word.lower()
        block_verbs.append(lemma)
        code = root(line) or block_code
        if code is not None and lemma not in verbs:
            verbs[lemma] = code
    return verbs, dict(objects)


def _inline(found: dict[str, str]) -> str:
    return ", ".join(f'{word} = "{code}"' for word, code in sorted(found.items()))


def main(path: Path) -> None:
    verbs, objects = convert(path.read_text(encoding="utf-8").splitlines())
    out = [
        "# CAMEO roots of verbs, converted by scripts/build_cameo_verbs.py from PETRARCH2's",
        "# CAMEO.2.0.txt (Open Event Data Alliance, 30 April 2015, MIT licence).",
        "# [verbs]: a verb's root; [objects]: a verb's root when its object is that word.",
        "",
        "[verbs]",
        *(f'{verb} = "{code}"' for verb, code in sorted(verbs.items())),
        "",
        "[objects]",
        *(f"{verb} = {{ {_inline(found)} }}" for verb, found in sorted(objects.items())),
    ]
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
