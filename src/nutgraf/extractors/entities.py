"""People, organisations and places: spaCy's entities, made right for news.

spaCy tags spans; news needs one canonical entity per real-world thing. This module
- trims spans (leading "the", titles and honorifics inside a PERSON span),
- drops title words taken for organisations ("Defense" in "Defense chief Fukushiro Nukaga"),
- links short names to the full name they stand for ("Koizumi" -> "Junichiro Koizumi"),
  and finds the mentions of a known person the tagger missed or mistyped,
- merges aliases of one place or organisation ("U.S." / "the United States", "UN" /
  "United Nations"),
- reads each person's titles from the words around the name ("Prime Minister ...",
  "The Iraqi ambassador to Japan, ...").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pycountry
from spacy.tokens import Doc, Span, Token

from nutgraf import gazetteer
from nutgraf.extractors.base import Extractor
from nutgraf.lexicon import grouped, setting, table, with_role
from nutgraf.records import Entity, EntityType, Mention

KEPT_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
# Forms of address that are not roles: dropped from names, never reported as titles.
HONORIFICS = with_role("words", "honorific")
# Capitalised words that begin a title when they stand before a name ("President Bush").
TITLE_WORDS = with_role("words", "title")
# Department words spaCy often tags ORG inside a title ("Defense chief", "Foreign Minister").
DEPARTMENT_WORDS = with_role("words", "department")
# Last words that make a name an organisation's or a law's, whatever spaCy tagged it.
ORG_SUFFIXES = with_role("words", "org_suffix")
LAW_SUFFIXES = with_role("words", "law_suffix")
# Nouns of a person's role: a title's head must be one ("the company's chief economist").
ROLE_NOUNS = with_role("words", "role") | TITLE_WORDS
ROLE_ENDINGS: tuple[str, ...] = tuple(setting("entities", "role_endings"))
GENDER_WORDS = {w: g for g, words in grouped("words", "gender").items() for w in words}
FIRST_NAMES: Mapping[str, str] = table("first_names")
# Party names as news writes them -> one canonical name ("Tories" -> "Conservative Party").
PARTIES: Mapping[str, str] = table("parties")["forms"]
# Kinds whose mentions become a person's only when the gazetteer knows no such place.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
# "in Scotland": a word after these is a place, not a person's surname.
PLACE_PREPOSITIONS = with_role("words", "place_preposition")
# Informal country names pycountry does not know ("Britain", "Holland").
COUNTRY_ALIASES: Mapping[str, str] = table("countries")["aliases"]
POSSESSIVES = frozenset({"'s", "’s", "‘s", "'", "’"})
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "prep", "pobj", "punct", "npadvmod"})
_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de"})


@dataclass
class _Cluster:
    """Mentions believed to name one thing, gathered before an id is given."""

    type: str
    forms: list[Span] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    canonical: str | None = None

    @property
    def first(self) -> int:
        return min(span.start_char for span in self.forms)


def extract(doc: Doc, publisher: str | None = None) -> list[Entity]:
    """The article's canonical entities, ordered by first mention, ids ``e1``, ``e2``, ...

    The publisher's own name ("BBC News" on a BBC page) is not an entity of the story."""
    parts = [part for span in doc.ents for part in split_parenthetical(span)]
    spans = [trimmed for span in parts if (trimmed := trim(span)) is not None]
    spans = [typed for span in spans if (typed := retype(span)) is not None]
    spans = [span for span in spans if not is_title_word(span)]
    if publisher:
        spans = [span for span in spans if span.text.lower() != publisher.lower()]
    people = cluster_people(doc, spans)
    taken = {i for cluster in people for span in cluster.forms for i in range(span.start, span.end)}
    others = cluster_others([s for s in spans if s.label_ != "PERSON" and s.start not in taken])
    clusters = sorted(people + others, key=lambda c: c.first)
    return [to_entity(f"e{n}", cluster) for n, cluster in enumerate(clusters, start=1)]


def split_parenthetical(span: Span) -> list[Span]:
    """ "World Health Organization (WHO": the name and, apart, the acronym in brackets."""
    opening = next((t.i for t in span if t.text == "("), None)
    if opening is None:
        return [span]
    closing = next((t.i for t in span if t.text == ")"), span.end)
    parts = [Span(span.doc, span.start, opening, label=span.label_)]
    if closing > opening + 1:
        parts.append(Span(span.doc, opening + 1, closing, label=span.label_))
    return [part for part in parts if len(part)]


def trim(span: Span) -> Span | None:
    """The span without a leading article, trailing possessive or, for people, titles."""
    if span.label_ not in KEPT_LABELS:
        return None
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in POSSESSIVES
    ):
        end -= 1
    if span.label_ == "PERSON":
        while start < end - 1 and (
            _is_title_token(doc[start]) or (end - start > 2 and doc[start].lower_ in ROLE_NOUNS)
        ):
            start += 1
    text = doc[start:end].text
    if start >= end or not any(c.isalpha() for c in text):
        return None
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return None  # a name has a capital: "unbeaten league run" is no person
    return Span(doc, start, end, label=span.label_)


def retype(span: Span) -> Span | None:
    """The span with the kind its own words give it, or None when it names nothing: a
    "person" with a digit ("280bn") or after an article ("the Bill"), or a word of an
    organisation's name ("Brown" of "Brown & Williamson"), is no person; "... Ltd" is an
    organisation, "... Bill" a law, a party's name a party (ORG)."""
    doc = span.doc
    last = span[-1].lower_.rstrip(".")
    if span.text.lower() in PARTIES and span.label_ in {"PERSON", "NORP", "ORG"}:
        return Span(doc, span.start, span.end, label="ORG")
    before = doc[span.start - 1] if span.start > 0 else None
    if span.label_ in {"GPE", "LOC"} and before is not None and _addresses(before):
        return Span(doc, span.start - 1, span.end, label="PERSON")  # "Baroness Scotland"
    if span.label_ != "PERSON":
        return span
    if len(span) > 1 and (last in LAW_SUFFIXES or last in ORG_SUFFIXES):
        return Span(doc, span.start, span.end, label="LAW" if last in LAW_SUFFIXES else "ORG")
    after_article = before is not None and before.lower_ in {"the", "a", "an"}
    if any(c.isdigit() for c in span.text) or after_article:
        return None
    if len(span) == 1 and (_beside_ampersand(span[0])):
        return None
    return span


def _beside_ampersand(token: Token) -> bool:
    """A word of a firm's name ("Brown" of "Brown & Williamson")."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].text == "&" for i in (token.i - 1, token.i + 1))


def _addresses(token: Token) -> bool:
    """A capitalised form of address or rank before a name ("Baroness", "Lord", "Mrs")."""
    word = token.lower_.rstrip(".")
    return token.is_title and (word in GENDER_WORDS or word in HONORIFICS)


def _is_title_token(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or word in HONORIFICS


def is_title_word(span: Span) -> bool:
    """A department word tagged as an organisation, standing in a title before a name."""
    if span.label_ != "ORG" or len(span) != 1 or span[0].lower_ not in DEPARTMENT_WORDS:
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and (nxt.lower_.rstrip(".") in TITLE_WORDS or nxt.pos_ == "NOUN")


# People -------------------------------------------------------------------------------------


def name_tokens(span: Span) -> list[str]:
    """The words of a person's name (``trim`` has already taken titles off its start)."""
    return [t.text for t in span if not t.is_punct]


def cluster_people(doc: Doc, spans: list[Span]) -> list[_Cluster]:
    """One cluster per person: full names first, then short names linked to the latest match."""
    person_spans = [s for s in spans if s.label_ == "PERSON"]
    clusters: dict[str, _Cluster] = {}
    by_surname: dict[str, list[tuple[int, str]]] = {}
    for span in sorted(person_spans, key=lambda s: (-len(name_tokens(s)), s.start)):
        words = name_tokens(span)
        if len(words) < 2:
            continue
        key = " ".join(words).lower()
        match = next((k for k in clusters if _same_full_name(k.split(), key.split())), key)
        clusters.setdefault(match, _Cluster("PERSON")).forms.append(span)
        for part in {words[0].lower(), words[-1].lower()}:
            by_surname.setdefault(part, []).append((span.start, match))
    short_forms = _short_person_forms(doc, spans, person_spans, clusters, by_surname)
    for span in short_forms:
        word = " ".join(name_tokens(span)).lower()
        gender = honorific_gender(span)
        candidates = [
            (start, key)
            for start, key in sorted(by_surname.get(word, []))
            if gender is None or cluster_gender(clusters[key]) in {None, gender}
        ]
        if gender is not None and not candidates:
            word = f"{word} ({gender})"  # "Mrs Howard" beside Michael Howard: someone else
        before = [key for start, key in candidates if start < span.start]
        key = before[-1] if before else (candidates[0][1] if candidates else word)
        clusters.setdefault(key, _Cluster("PERSON")).forms.append(span)
    for cluster in clusters.values():
        cluster.titles = [title for span in cluster.forms for title in titles_of(span)]
    return list(clusters.values())


def honorific_gender(span: Span) -> str | None:
    """The gender the form of address before a name gives ("Mrs Howard" -> "f"), if any."""
    if span.start == 0:
        return None
    return GENDER_WORDS.get(span.doc[span.start - 1].lower_.rstrip("."))


def cluster_gender(cluster: _Cluster) -> str | None:
    """A person's gender by what the article shows: forms of address before the mentions,
    else the usual gender of the first name (None when they disagree or say nothing)."""
    said = {g for span in cluster.forms if (g := honorific_gender(span))}
    if not said:
        firsts = {name_tokens(s)[0].lower() for s in cluster.forms if len(name_tokens(s)) > 1}
        said = {FIRST_NAMES[first] for first in firsts if first in FIRST_NAMES}
    return said.pop() if len(said) == 1 else None


def _same_full_name(a: list[str], b: list[str]) -> bool:
    """ "George W. Bush" and "George Bush": same first and last name."""
    return a == b or (a[0] == b[0] and a[-1] == b[-1])


def _short_person_forms(
    doc: Doc,
    spans: list[Span],
    person_spans: list[Span],
    clusters: dict[str, _Cluster],
    by_surname: dict[str, list[tuple[int, str]]],
) -> list[Span]:
    """One-word person mentions: tagged ones, mistyped ones, and ones the tagger missed."""
    short = [s for s in person_spans if len(name_tokens(s)) < 2]
    known = set(by_surname) | {" ".join(name_tokens(s)).lower() for s in short}
    retyped = [
        Span(doc, s.start, s.end, label="PERSON")
        for s in spans
        if s.label_ != "PERSON"
        and (s.label_ not in PLACE_LABELS or not gazetteer.candidates(s.text))
        and s.text.lower() not in PARTIES
        and " ".join(name_tokens(s)).lower() in known
    ]
    covered = {i for s in spans for i in range(s.start, s.end)}
    missed = [
        Span(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if t.i not in covered
        and t.lower_ in known
        and t.is_title
        and t.pos_ == "PROPN"
        and not (t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPOSITIONS)
        and "&"
        not in {doc[t.i - 1].text if t.i else "", t.nbor().text if t.i + 1 < len(doc) else ""}
    ]
    full_forms = {id(s) for c in clusters.values() for s in c.forms}
    return [s for s in short + retyped + missed if id(s) not in full_forms]


def titles_of(span: Span) -> list[str]:
    """Titles and roles the words around one mention give the person (not ages)."""
    found = [title_before(span), title_in_apposition(span)]
    return [t for t in found if t and is_role(t)]


def is_role(title: str) -> bool:
    """Whether words read as a person's role: no handle, number, age or superlative ("most
    hawkish candidate"), and a head noun that names a role ("stamp duty threshold" does not)."""
    if re.search(r"[@#\d]|year-old", title):
        return False
    words = [w.rstrip(".,") for w in title.lower().replace("-", " ").split()]
    if not words:
        return False
    superlative = any(w in {"most", "least"} or (w.endswith("est") and w not in ROLE_NOUNS)
                      for w in words)  # fmt: skip
    return not superlative and (bool(set(words) & ROLE_NOUNS) or words[-1].endswith(ROLE_ENDINGS))


def title_before(span: Span) -> str | None:
    """ "Prime Minister Junichiro Koizumi", "Defense chief Fukushiro Nukaga": the words before."""
    doc = span.doc
    root = span.root
    start = span.start
    while start > 0:
        token = doc[start - 1]
        if token.lower_ in {"the", "a", "an"} or token.tag_ == "POS" or token.ent_type_ == "PERSON":
            break
        if token.dep_ not in _TITLE_DEPS or not _inside(token, root, span):
            break
        if token.is_punct and token.text not in {"-", "."}:
            break
        start -= 1
    while start < span.start and (doc[start].is_punct or doc[start].pos_ == "ADP"):
        start += 1
    zone = doc[start : span.start]
    words = [t for t in zone if t.lower_.rstrip(".") not in HONORIFICS]
    if not words or not any(t.pos_ in {"NOUN", "PROPN"} for t in words) or len(zone) > 7:
        return None
    if not any(_is_title_token(t) or t.pos_ == "NOUN" for t in words):
        return None
    return _text(words)


def _inside(token: Token, root: Token, span: Span) -> bool:
    """Whether ``token`` hangs (directly or through other modifiers) on the name's root."""
    head = token
    for _ in range(6):
        head = head.head
        if head == root or span.start <= head.i < span.end:
            return True
        if head.i > span.end or head == head.head:
            return False
    return False


def title_in_apposition(span: Span) -> str | None:
    """ "The Iraqi ambassador to Japan, Ghanim Alwan al-Jumaily" and "X, the ambassador, ..."."""
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < span.start:
        head = root.head
        tokens = [t for t in head.subtree if t.i < span.start]
    else:
        appos = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if not appos or appos[0].i < span.end:
            return None
        head = appos[0]
        tokens = [t for t in head.subtree if not (t.dep_ in {"relcl", "acl"} and t.head == head)]
        tokens = _cut_at_clause(tokens, head)
    tokens = [t for t in tokens if not (t.is_punct and t.text != "-")]
    while tokens and tokens[0].pos_ == "DET":
        tokens = tokens[1:]
    if not tokens or len(tokens) > 8 or head.ent_type_ or head.tag_ == "NNS":
        return None
    return _text(tokens)


def _cut_at_clause(tokens: list[Token], head: Token) -> list[Token]:
    """Stop an apposition at the first comma after its head (a clause follows it)."""
    kept: list[Token] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if token.i > head.i and token.text == ",":
            break
        kept.append(token)
    return kept


def _text(tokens: Iterable[Token]) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


# Organisations and places -------------------------------------------------------------------


def alias_key(span: Span) -> str:
    """What two names of one place or organisation share: a country code, or folded text."""
    return name_key(span.text, span.label_)


def name_key(name: str, label: str) -> str:
    """The key of a place's or organisation's name: ``country:XX`` for a country, whatever
    it is called ("U.S.", "the United States"), else the name folded."""
    text = re.sub(r"\s+", " ", name.replace(".", "")).strip()
    text = re.sub(r"^(?:the|The)\s+", "", text)
    folded = text.lower()
    if folded in PARTIES:
        return f"party:{PARTIES[folded]}"
    if label in {"GPE", "LOC", "ORG"}:
        code = COUNTRY_ALIASES.get(folded) or country_code(text)
        if code:
            return f"country:{code}"
    return folded


def country_code(text: str) -> str | None:
    """The ISO 3166 code of a country's name, official name or code, through pycountry."""
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None


def cluster_others(spans: list[Span]) -> list[_Cluster]:
    """One cluster per place or organisation: same alias key, then acronyms onto long names."""
    clusters: dict[str, _Cluster] = {}
    for span in spans:
        key = alias_key(span)
        clusters.setdefault(key, _Cluster(span.label_)).forms.append(span)
    for key, cluster in list(clusters.items()):
        long_name = _expansion(key, clusters)
        if long_name is not None:
            clusters[long_name].forms.extend(cluster.forms)
            del clusters[key]
    for key, cluster in clusters.items():
        labels = Counter(span.label_ for span in cluster.forms)
        cluster.type = labels.most_common(1)[0][0]
        if key.startswith("party:"):
            cluster.canonical = key.removeprefix("party:")
    return list(clusters.values())


def _expansion(key: str, clusters: dict[str, _Cluster]) -> str | None:
    """The key of the long name an acronym stands for ("un" -> "united nations"), if any."""
    if not re.fullmatch(r"[a-z]{2,6}", key):
        return None
    if not all(span.text.replace(".", "").isupper() for span in clusters[key].forms):
        return None
    for other in clusters:
        words = [w for w in other.split() if w not in _ACRONYM_STOP]
        if other != key and len(words) >= 2 and "".join(w[0] for w in words) == key:
            return other
    return None


# Output -------------------------------------------------------------------------------------


def entity_index(entities: list[Entity]) -> dict[int, Entity]:
    """Every character offset inside a mention, to its entity (how later extractors ask
    "which entity is this token?")."""
    return {i: e for e in entities for m in e.mentions for i in range(m.start, m.end)}


def to_entity(entity_id: str, cluster: _Cluster) -> Entity:
    """The entity record: the longest name as canonical, titles by frequency, mentions in order."""
    forms = sorted(cluster.forms, key=lambda s: s.start_char)
    if cluster.canonical is not None:
        name = cluster.canonical
    elif cluster.type == "PERSON":
        name = max(forms, key=lambda s: (len(name_tokens(s)), -s.start)).text
    else:
        name = max(forms, key=lambda s: (len(s.text), -s.start)).text
    seen: set[tuple[int, int]] = set()
    mentions = []
    for span in forms:
        if (span.start_char, span.end_char) not in seen:
            seen.add((span.start_char, span.end_char))
            mentions.append(Mention(span.start_char, span.end_char, span.text))
    counts = Counter(cluster.titles)
    titles = sorted(counts, key=lambda t: (-counts[t], cluster.titles.index(t)))
    entity_type: EntityType = cluster.type  # type: ignore[assignment]
    return Entity(id=entity_id, name=name, type=entity_type, titles=titles, mentions=mentions)


EXTRACTOR = Extractor("entities", lambda context: extract(context.doc, context.article.publisher))
