"""Places: every place the article names, resolved to a gazetteer entry by the article's
own evidence.

A name's candidates ("Washington": the US capital, the state, towns in England) get a prior
by what they are (a country, a division, a city by its population) and the article's
evidence: the dateline's place; a division written after the name ("Springfield, Ill.",
"Rapid City, SD", where alone a postal code names nothing); the countries, divisions and
points of the other places the article names ("Manhattan" in a story about Kansas, "Newcastle"
beside Liverpool) and the countries its demonyms name; a word for a division beside the name
("Muthana province"). Resolution starts from the names that lie in one country only, then
goes twice over every name, each answer at once the evidence of the next if the article is
sure of it (its country beats every other country's candidate by ``sure_margin``: a "West
End" is no evidence). The evidence does not turn a great city into a small namesake: a city
with under a tenth of the largest namesake's people (a country or division counted by its
people) gets half of it ("Paris" stays French in a story that also names the United States;
"Wales" is not the English village). Names spaCy typed PERSON or ORG are places when a cue
says so ("in Kent", "Kent police") or when they are a place's very name ("Ohio", "Wales"),
and the gazetteer's answer lies where the article's other places do. Demonyms ("Iraqi") are
their country's places, marked ``demonym``. The one to three places the story is most about
(demonyms aside) are ``focus``. Weights: ``settings.toml`` ``[places]``; words:
``lexicon/places.toml``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from nutgraf.extractors.base import Extractor
from nutgraf.gazetteer import (
    Entry,
    candidates,
    country,
    demonym_country,
    division_code,
    fold,
    km,
    plain,
    within,
    written_as,
)
from nutgraf.lexicon import setting, table
from nutgraf.records import Entity, Mention, Place

PLACE_TYPES = frozenset({"GPE", "LOC"})
RESCUED_TYPES = frozenset({"PERSON", "ORG", "FAC"})
PART_HOLDERS = frozenset({"ORG", "FAC"})
MAX_PART_WORDS = 3
MAX_FOCUS = 3
LOCAL = frozenset({"city", "admin2"})  # features whose point is evidence of nearness
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CONTAINER = re.compile(r",\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*)?)")


@dataclass
class _Named:
    """One place entity while it is being resolved."""

    entity: Entity
    mentions: list[Mention]
    options: list[Entry]
    containers: list[Entry] = field(default_factory=list)
    division_word: bool = False
    rescued: str = ""  # how a PERSON or ORG was taken for a place: "cue", "name", "part"
    key: str = ""  # the evidence's key: the entity's id, with the part's name for a part
    demonym: bool = False

    def __post_init__(self) -> None:
        self.key = self.key or self.entity.id


@dataclass
class _Evidence:
    """What the article says of where it is: each entity's countries, divisions, points."""

    countries: dict[str, set[str]] = field(default_factory=dict)
    divisions: dict[str, set[str]] = field(default_factory=dict)
    points: dict[str, tuple[float, float]] = field(default_factory=dict)
    names: dict[str, frozenset[Entry]] = field(default_factory=dict)
    dateline: Entry | None = None

    def record(self, key: str, entry: Entry, options: frozenset[Entry] = frozenset()) -> None:
        self.names[key] = options
        self.countries[key] = {entry.country} if entry.country else set(entry.countries)
        self.divisions[key] = {entry.division} if entry.division else set()
        if entry.lat is not None and entry.lon is not None and entry.feature in LOCAL:
            self.points[key] = (entry.lat, entry.lon)  # a country's middle is near nothing

    def forget(self, key: str) -> None:
        """An answer the article is not sure of is no evidence ("West End": which one?)."""
        for found in (self.names, self.countries, self.divisions, self.points):
            found.pop(key, None)

    def others(
        self, key: str, options: frozenset[Entry] = frozenset()
    ) -> tuple[Counter[str], set[str], list[tuple[float, float]]]:
        """The evidence of the other names: not this entity's, nor that of another entity of
        the same name ("Kent Police" and "in Kent" do not vouch for each other)."""
        skip = {k for k, names in self.names.items() if k == key or names & options} | {key}
        countries = Counter(
            c for k, found in self.countries.items() if k not in skip for c in found
        )
        divisions = {d for k, found in self.divisions.items() if k not in skip for d in found}
        points = [p for k, p in self.points.items() if k not in skip]
        return countries, divisions, points


def extract(doc: Doc, entities: list[Entity], dateline: str | None = None) -> list[Place]:
    """The article's places, in order of first mention."""
    text = doc.text  # spaCy joins its tokens anew at each reading
    named = []
    for entity in entities:
        found = _named(doc, text, entity)
        if found is not None:
            named.append(found)
        elif entity.type in PART_HOLDERS:
            named += _parts(doc, entity)
    evidence = _Evidence(dateline=_dateline_place(dateline))
    sure = float(setting("places", "sure_margin"))
    for item in named:
        if len({e.country for e in item.options}) == 1 and not item.rescued:
            evidence.record(item.key, best(item, evidence)[0], frozenset(item.options))
    for _ in range(2):  # then every answer the article is sure of, twice over
        resolved = []
        for item in named:  # each answer at once the evidence of the next (no see-saw)
            entry, margin = best(item, evidence)
            if margin >= sure:
                evidence.record(item.key, entry, frozenset(item.options))
            else:
                evidence.forget(item.key)
            resolved.append((item, entry))
    kept = [
        (item, entry)
        for item, entry in resolved
        if not item.rescued or _agrees(entry, item, evidence)
    ]
    focus = _focus(text, [(i.key, i.mentions) for i, _ in kept if not i.demonym])
    return [
        Place(
            entity=item.entity.id,
            name=entry.name,
            country=entry.country,
            admin1=entry.admin1,
            feature=entry.feature,
            lat=entry.lat,
            lon=entry.lon,
            geonameid=entry.geonameid,
            focus=item.key in focus,
            mentions=item.mentions,
            demonym=item.demonym,
        )
        for item, entry in kept
    ]


def _named(doc: Doc, text: str, entity: Entity) -> _Named | None:
    """The entity as a place to resolve, or None when it names none."""
    code = demonym_country(entity.name)
    if entity.type == "NORP" or (
        code and entity.type in PLACE_TYPES and not candidates(entity.name)
    ):
        return _Named(entity, entity.mentions, [country(code)], demonym=True) if code else None
    rescued = ""
    if entity.type in PLACE_TYPES:
        mentions = entity.mentions
    elif entity.type in RESCUED_TYPES and not entity.titles:
        mentions, rescued = _rescued_mentions(doc, entity)
    else:
        return None
    if not mentions:
        return None
    if entity.name.lower() in table("places")["trim"]["before"]:
        return None  # "North", "West": a direction, not a place
    containers: list[Entry] = []
    options: dict[Entry, None] = {}
    for written in {entity.name, *(m.text for m in mentions)}:
        head, _, after = written.partition(",")
        options.update(dict.fromkeys(candidates(head.strip()) or candidates(_trimmed(head))))
        if after and (container := division_code(after.strip())):
            containers.append(container)
    for mention in mentions:
        found = _CONTAINER.match(text, mention.end)
        if found is None:
            continue
        written = found.group(1)  # "N.Y.", "South Dakota" or the first word of "Ill. police"
        container = division_code(written) or division_code(written.split()[0])
        if container is not None:
            containers.append(container)
    if rescued and (whole := _whole(entity.name)):  # "Georgia": the state or the country
        capitals = [e for e in options if e.capital and plain(e.name) == plain(entity.name)]
        options = dict.fromkeys(whole + capitals)  # and "Washington" the capital, no town
    if not options:
        options = dict.fromkeys(_as_container(text, mentions))
    if not options:
        return None
    return _Named(
        entity, mentions, list(options), containers, _division_word(doc, mentions),
        rescued=rescued,
    )  # fmt: skip


def _trimmed(name: str) -> str:
    """The name without a compass word before it or a kind of place after it
    ("Northeast Georgia", "Fargo City", "Kermanshah province")."""
    words = table("places")["trim"]
    parts = name.strip().split()
    if len(parts) > 1 and parts[0].lower() in words["before"]:
        parts = parts[1:]
    if len(parts) > 1 and parts[-1].lower() in words["after"]:
        parts = parts[:-1]
    return " ".join(parts)


def _as_container(text: str, mentions: list[Mention]) -> list[Entry]:
    """A division written after a place and a comma ("Rapid City, SD"): the only place where
    a postal code names a state."""
    for mention in mentions:
        before = text[max(mention.start - 40, 0) : mention.start]
        if re.search(r"[A-Z][\w.]*,\s*$", before) and (found := division_code(mention.text)):
            return [found]
    return []


def _own_name(doc: Doc, entity: Entity, mention: Mention) -> bool:
    """A mention that is a country's or a first-level division's name (or abbreviation), or
    the entity's whole name that is, as written, the name of a town that is not small, where
    it does not act ("Alexandria"; not "Scott" of "Rick Scott", nor "Kent said")."""
    if _whole(mention.text):
        return True
    options = candidates(mention.text)
    if mention.text != entity.name:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    acts = span is not None and span.root.dep_ in SUBJECTS
    return not acts and _is_town(mention.text, options)


def _whole(written: str) -> list[Entry]:
    """The countries and first-level divisions written so."""
    return [e for e in written_as(written) if e.feature in ("country", "admin1")]


def _is_town(written: str, options: list[Entry]) -> bool:
    """Whether a candidate is a town of this very name (accents aside) and not small."""
    least = int(setting("places", "part_min_population"))
    return any(
        e.feature == "city" and e.population >= least and plain(e.name) == plain(written)
        for e in options
    )


def _rescued_mentions(doc: Doc, entity: Entity) -> tuple[list[Mention], str]:
    """The mentions of a PERSON or ORG that a cue marks as a place: "in Kent", "Kent police"
    (the place is then the name before the public body's word); or the mentions that are a
    place's own name (``_own_name``: "Wales"; "Egypt" that the entities joined to
    "Rethinking Egypt")."""
    named = [m for m in entity.mentions if _own_name(doc, entity, m)]
    if named:
        return named, "name"
    words = table("places")["rescue"]
    found = []
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if span[-1].lower_ in words["after"] and len(span) > 1:
            head = span[:-1]
            found.append(Mention(head.start_char, head.end_char, head.text))
        elif before in words["before"] or after in words["after"]:
            found.append(mention)
    return found, "cue"


def _parts(doc: Doc, entity: Entity) -> list[_Named]:
    """Places named inside an organisation's or a building's name ("University of Georgia",
    "U.S. Army", "Dublin City Schools"): the longest runs of proper nouns, not the name's
    head, that are a place's name (``_is_place_name``). Each stays a place only where the
    article's other places agree (``_agrees``)."""
    found: dict[str, list[Mention]] = {}
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        start = 0
        while start < len(span):
            for size in range(min(MAX_PART_WORDS, len(span) - start), 0, -1):
                part = span[start : start + size]
                named = all(t.pos_ == "PROPN" for t in part) and span.root not in part
                if size < len(span) and named and _is_place_name(part.text):
                    found.setdefault(part.text, []).append(
                        Mention(part.start_char, part.end_char, part.text)
                    )
                    start += size - 1
                    break
            start += 1
    items = []
    for name, mentions in found.items():
        options = _whole(name) or list(dict.fromkeys(candidates(name)))
        items.append(_Named(entity, mentions, options, rescued="part", key=f"{entity.id}#{name}"))
    return items


def _is_place_name(words: str) -> bool:
    """Written as a country's or a division's name, a known abbreviation, or the name of a
    town that is not small ("Dublin City Schools"; not "Street" in "Royal Street")."""
    return all(w[:1].isupper() for w in words.split()) and (
        bool(_whole(words)) or _is_town(words, candidates(words))
    )


def _agrees(entry: Entry, item: _Named, evidence: _Evidence) -> bool:
    """A rescued name stays a place only where the article's other places are: a country or
    division, or a name with a cue, in one of their countries (or the dateline's); a town
    named with no cue in one of their divisions, or near one of them."""
    countries, divisions, points = evidence.others(item.key, frozenset(item.options))
    if evidence.dateline is not None:
        countries.update([evidence.dateline.country] if evidence.dateline.country else [])
        divisions |= {evidence.dateline.division}
    if item.rescued == "cue" or entry.feature in ("country", "admin1"):
        return entry.country in countries
    near = float(setting("places", "agree_km"))
    return entry.division in divisions or (
        entry.lat is not None
        and entry.lon is not None
        and any(km(entry.lat, entry.lon, lat, lon) <= near for lat, lon in points)
    )


def _division_word(doc: Doc, mentions: list[Mention]) -> bool:
    """ "Muthana province", "the state of Georgia": a word for a division beside a mention."""
    words = {w for group in table("places")["division_words"].values() for w in group}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        window = {t.lower_ for t in doc[max(span.start - 3, 0) : span.end + 1]}
        if words & window:
            return True
    return False


def _dateline_place(dateline: str | None) -> Entry | None:
    """The place of a dateline ("WASHINGTON", "SPRINGFIELD, Ill.")."""
    if not dateline:
        return None
    head, _, after = dateline.partition(",")
    container = division_code(after.strip()) if after else None
    options = candidates(head.strip().title())
    if not options:
        return None
    item = _Named(Entity("dateline", head, "GPE", [], []), [], options,
                  [container] if container else [])  # fmt: skip
    return best(item, _Evidence())[0]


def best(item: _Named, evidence: _Evidence) -> tuple[Entry, float]:
    """The candidate the prior and the article's evidence like best, and by how much it beats
    the best candidate in another country (infinite when there is none)."""
    weights = table("settings")["places"]
    largest = max(
        e.population if e.feature != "region" else int(weights["division_people"])
        for e in item.options
    )
    others = evidence.others(item.key, frozenset(item.options))
    names = {m.text.lower() for m in item.mentions} | {fold(m.text) for m in item.mentions}
    names |= {f"{name} city" for name in names}  # "New York" is New York City's own name
    countries = {e.country for e in item.options if e.feature == "country"}
    namesakes = _Namesakes(largest, frozenset(names), countries, weights)
    scored = sorted(
        ((score(e, item, evidence, namesakes, others), n) for n, e in enumerate(item.options)),
        reverse=True,
    )
    chosen = item.options[scored[0][1]]
    rival = next(
        (value for value, n in scored if item.options[n].country != chosen.country), -math.inf
    )
    return chosen, scored[0][0] - rival


@dataclass(frozen=True)
class _Namesakes:
    """What a candidate is weighed against: the largest namesake's people, the name as
    written and folded, the countries of the name, and the weights."""

    largest: int
    names: frozenset[str]
    countries: set[str | None]
    weights: Mapping[str, float]


def score(
    entry: Entry,
    item: _Named,
    evidence: _Evidence,
    namesakes: _Namesakes,
    others: tuple[Counter[str], set[str], list[tuple[float, float]]],
) -> float:
    """Prior plus evidence (weights: ``settings.toml`` ``[places]``). A city much smaller
    than its largest namesake (a country or division by its people, so that "Wales" is not
    the English village; a region as ``division_people``),
    and a division named as its own country ("Mexico"), get half the article's evidence. The
    name as written, not only folded alike ("Cooke", not "Coke"), counts a little."""
    names = namesakes.names

    def weight(key: str) -> float:
        return float(namesakes.weights[key])

    countries, divisions, points = others
    value = weight(entry.feature) if entry.feature != "city" else 0.0
    if entry.feature == "city":
        value = weight("city_weight") * math.log10(entry.population + 1)
        value += weight("capital") if entry.capital else 0.0
    elif entry.feature == "admin1":
        value += weight("admin1_weight") * math.log10(entry.population + 1)
    if (
        entry.feature == "city"
        and entry.name.lower() not in names
        and fold(entry.name) not in names
    ):
        value -= weight("alternate")  # found by another of its spellings
    small = entry.feature == "city" and (
        entry.population < weight("comparable_share") * namesakes.largest
    )
    own_country = entry.feature == "admin1" and entry.country in namesakes.countries
    share = 0.5 if small or own_country else 1.0
    found = weight("exact") if entry.name.lower() in names else 0.0
    if entry.country and entry.country in countries:
        found += weight("same_country") * share
    if entry.division and entry.division in divisions:
        found += weight("same_admin1") * share
    if points and entry.lat is not None and entry.lon is not None:
        near = weight("near_km")
        if any(km(entry.lat, entry.lon, lat, lon) <= near for lat, lon in points):
            found += weight("near") * share
    if evidence.dateline is not None:
        if entry.country and entry.country == evidence.dateline.country:
            found += weight("dateline") * share
        if entry.division and entry.division == evidence.dateline.division:
            found += weight("dateline")
    for container in item.containers:
        found += weight("container") if within(entry, container) else -weight("container")
    if item.division_word and entry.feature in ("admin1", "admin2"):
        found += weight("division_word")
    return value + found


def _focus(text: str, places: list[tuple[str, list[Mention]]]) -> set[str]:
    """The places the story is about: most mentioned, the lead paragraph counting double."""
    lead_end = text.find("\n\n") if "\n\n" in text else len(text)

    def weight(mentions: list[Mention]) -> int:
        return sum(2 if m.start < lead_end else 1 for m in mentions)

    ranked = sorted(places, key=lambda place: -weight(place[1]))
    return {
        key for key, mentions in ranked[:MAX_FOCUS] if weight(mentions) >= 2 or key == ranked[0][0]
    }


EXTRACTOR = Extractor(
    "places",
    lambda context: extract(context.doc, context.facts["entities"], context.article.dateline),
    needs=("entities",),
)
