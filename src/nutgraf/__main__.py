"""``python -m nutgraf``: the same command line as ``nutgraf``."""

from nutgraf.cli import main

main()
