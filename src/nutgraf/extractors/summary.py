"""A short summary: the lead sentence, then the sentences that carry the most keywords.

News puts its most important fact first, so the lead is always in; up to two more sentences
are chosen by keyword weight per word, and all are given in reading order.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc, Span

from nutgraf.extractors import keywords
from nutgraf.extractors.base import Extractor
from nutgraf.lexicon import setting
from nutgraf.records import Entity, SummarySentence

MAX_SENTENCES: int = setting("summary", "max_sentences")
MIN_TOKENS: int = setting("summary", "min_tokens")


def extract(
    doc: Doc, entities: list[Entity], scores: list[tuple[str, float]] | None = None
) -> list[SummarySentence]:
    """One to three sentences of the body, lead first."""
    sentences = [s for s in (_trimmed(s) for s in doc.sents) if s is not None]
    if not sentences:
        return []
    weights = dict(keywords.keyword_scores(doc, entities) if scores is None else scores)
    whole = [s for s in sentences if _is_whole(s)]
    lead = whole[0] if whole else sentences[0]
    rest = [s for s in whole if s.start > lead.start]
    ranked = sorted(rest, key=lambda s: -_score(s, weights))[: MAX_SENTENCES - 1]
    chosen = [lead, *sorted(ranked, key=lambda s: s.start)]
    return [SummarySentence(s.text, s.start_char, s.end_char) for s in chosen]


def _trimmed(sentence: Span) -> Span | None:
    tokens = [t for t in sentence if not t.is_space]
    if not tokens or not any(t.is_alpha for t in tokens):
        return None
    return sentence.doc[tokens[0].i : tokens[-1].i + 1]


def _is_whole(sentence: Span) -> bool:
    """A sentence that stands on its own: long enough, not a label ("Campaign funding:"), and
    not a fragment of a quotation that the sentence splitter cut (unbalanced marks)."""
    text = sentence.text
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return len(sentence) >= MIN_TOKENS and not text.endswith(":") and straight and curly


def _score(sentence: Span, weights: dict[str, float]) -> float:
    words = [t for t in sentence if t.is_alpha]
    total = sum(weights.get(t.lower_, 0.0) + weights.get(t.text, 0.0) for t in words)
    return total / math.sqrt(max(len(words), 1))


EXTRACTOR = Extractor(
    "summary",
    lambda context: extract(
        context.doc, context.facts["entities"], context.shared(keywords.scores)
    ),
    needs=("entities",),
)
