"""Places: every place entity resolved to a gazetteer entry, disambiguated by the article.

A name's candidates ("Washington": the US capital, the state, a town in England) are scored
by what they are (a country, a capital, a big city) and by the article: a candidate in a
country that the article's other, unambiguous place names lie in wins ("Georgia" next to
Tbilisi is the country, next to Atlanta the state), and "province" or "state" beside the
name asks for a province. The one to three places the story is most about are ``focus``.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from nutgraf.extractors.base import Extractor
from nutgraf.gazetteer import Entry, candidates
from nutgraf.records import Entity, Place

PLACE_TYPES = frozenset({"GPE", "LOC"})
PROVINCE_WORDS = frozenset({"province", "state", "governorate", "region", "county", "prefecture"})
MAX_FOCUS = 3


def extract(doc: Doc, entities: list[Entity]) -> list[Place]:
    """The article's places, in order of first mention."""
    named = [e for e in entities if e.type in PLACE_TYPES]
    context: set[str] = set()
    for entity in named:
        countries = {entry.country for entry in candidates(entity.name)}
        if len(countries) == 1:
            context |= countries
    resolved = [(entity, best(entity, doc, context)) for entity in named]
    found = [(entity, entry) for entity, entry in resolved if entry is not None]
    focus = _focus(doc, [entity for entity, _ in found])
    return [
        Place(
            entity=entity.id,
            name=entry.name,
            country=entry.country,
            admin1=entry.admin1,
            feature=entry.feature,
            lat=entry.lat,
            lon=entry.lon,
            geonameid=entry.geonameid,
            focus=entity.id in focus,
            mentions=entity.mentions,
        )
        for entity, entry in found
    ]


def best(entity: Entity, doc: Doc, context: set[str]) -> Entry | None:
    """The likeliest gazetteer entry for a place entity, or None when none has its name."""
    options = {
        id(e): e for m in {entity.name, *(m.text for m in entity.mentions)} for e in candidates(m)
    }
    if not options:
        return None
    province = _province_cue(doc, entity)
    largest = max((e.population for e in options.values() if e.feature == "city"), default=0)
    return max(options.values(), key=lambda entry: score(entry, context, province, largest))


def score(entry: Entry, context: set[str], province: bool, largest_city: int) -> float:
    """Prior (country > capital > large city > province) plus the article's evidence. The
    article's countries do not turn a great city into a small namesake: a city gets their
    weight only if it has a tenth of the largest candidate's people ("Paris" stays French
    in a story that also names the United States)."""
    if entry.feature == "country":
        value = 3.0
    elif entry.feature == "admin1":
        value = 1.5 + (3.0 if province else 0.0)
    else:
        value = math.log10(entry.population + 1) / 3 + (2.0 if entry.capital else 0.0)
    comparable = entry.feature != "city" or entry.population * 10 >= largest_city
    if entry.country in context and comparable:
        value += 4.0
    return value


def _province_cue(doc: Doc, entity: Entity) -> bool:
    """ "Muthana province", "the state of Georgia": a word for a province beside a mention."""
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        window = {t.lower_ for t in doc[max(span.start - 2, 0) : span.end + 1]}
        if PROVINCE_WORDS & window:
            return True
    return False


def _focus(doc: Doc, places: list[Entity]) -> set[str]:
    """The places the story is about: most mentioned, the lead paragraph counting double."""
    lead_end = doc.text.find("\n\n") if "\n\n" in doc.text else len(doc.text)

    def weight(entity: Entity) -> int:
        return sum(2 if m.start < lead_end else 1 for m in entity.mentions)

    ranked = sorted(places, key=lambda e: -weight(e))
    return {e.id for e in ranked[:MAX_FOCUS] if weight(e) >= 2 or e is ranked[0]}


EXTRACTOR = Extractor(
    "places", lambda context: extract(context.doc, context.facts["entities"]), needs=("entities",)
)
