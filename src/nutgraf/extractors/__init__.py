"""The extractors, declared once each in their own module and listed here in running order.

An extractor runs after every extractor whose fact it needs. ``register`` adds one (a new
module's ``EXTRACTOR``); its fact then appears in the JSON contract, the exports, the report,
the web article page and the API without another change (see "Adding an extractor" in the
README).
"""

from __future__ import annotations

import dataclasses

from nutgraf.extractors import (
    amounts,
    counts,
    dates,
    entities,
    events,
    keywords,
    places,
    quotes,
    summary,
    themes,
    tone,
)
from nutgraf.extractors.base import Context, Extractor
from nutgraf.records import Article

__all__ = ["EXTRACTORS", "Context", "Extractor", "register", "unregister"]

EXTRACTORS: list[Extractor] = []


def register(extractor: Extractor) -> None:
    """Add an extractor after those already listed; its needs must come before it."""
    known = {e.name for e in EXTRACTORS}
    if extractor.name in known:
        raise ValueError(f"an extractor named {extractor.name!r} is already registered")
    missing = [need for need in extractor.needs if need not in known]
    if missing:
        raise ValueError(f"{extractor.name!r} needs {missing}, which no earlier extractor finds")
    is_field = extractor.name in {f.name for f in dataclasses.fields(Article)}
    if not is_field and extractor.produces is None:
        raise ValueError(f"extension {extractor.name!r} must say what it produces")
    EXTRACTORS.append(extractor)


def unregister(name: str) -> None:
    """Remove the extractor ``name`` (and nothing that needs it may stay)."""
    dependants = [e.name for e in EXTRACTORS if name in e.needs]
    if dependants:
        raise ValueError(f"{dependants} need {name!r}")
    EXTRACTORS[:] = [e for e in EXTRACTORS if e.name != name]


for _module in (
    entities, amounts, places, dates, quotes, keywords, summary, tone, themes, counts, events
):  # fmt: skip
    register(_module.EXTRACTOR)
