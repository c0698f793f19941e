"""Keywords: the entities and nouns an article is most about.

Named entities count by mentions (names carry the news), common nouns by frequency with a
lift for the lead paragraph; stop words, possessives and one-letter debris never qualify.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from nutgraf.extractors.base import Context, Extractor
from nutgraf.lexicon import setting
from nutgraf.records import Entity

MAX_KEYWORDS: int = setting("keywords", "max_keywords")
ENTITY_WEIGHT: float = setting("keywords", "entity_weight")
LEAD_WEIGHT: float = setting("keywords", "lead_weight")
KEYWORD_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT", "LAW", "FAC", "PRODUCT"})


def extract(doc: Doc, entities: list[Entity]) -> list[str]:
    """Up to ten keywords, most important first."""
    return best(keyword_scores(doc, entities))


def best(scores: list[tuple[str, float]]) -> list[str]:
    return [word for word, _ in scores[:MAX_KEYWORDS]]


def scores(context: Context) -> list[tuple[str, float]]:
    """The article's keyword scores, shared with the summary (``Context.shared``)."""
    return keyword_scores(context.doc, context.facts["entities"])


def keyword_scores(doc: Doc, entities: list[Entity]) -> list[tuple[str, float]]:
    """Keywords with their scores, best first (also used to rank summary sentences)."""
    scores: dict[str, float] = defaultdict(float)
    in_entity = {offset for e in entities for m in e.mentions for offset in range(m.start, m.end)}
    text = doc.text
    lead_end = text.find("\n\n") if "\n\n" in text else len(text)
    for entity in entities:
        if entity.type in KEYWORD_TYPES:
            scores[entity.name] += ENTITY_WEIGHT * len(entity.mentions)
    surface: dict[str, Counter[str]] = defaultdict(Counter)
    for token in doc:
        if token.ent_type_ or token.idx in in_entity:
            continue
        if not _is_candidate(token.text, token.pos_, token.is_stop):
            continue
        lemma = token.lemma_.lower()
        surface[lemma][token.lower_] += 1
        scores[lemma] += LEAD_WEIGHT if token.idx < lead_end else 1.0
    named = {lemma: forms.most_common(1)[0][0] for lemma, forms in surface.items()}
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [(named.get(word, word), score) for word, score in ranked if score > 1.0]


def _is_candidate(text: str, pos: str, is_stop: bool) -> bool:
    return pos == "NOUN" and not is_stop and text.isalpha() and len(text) > 2


EXTRACTOR = Extractor("keywords", lambda context: best(context.shared(scores)), needs=("entities",))
