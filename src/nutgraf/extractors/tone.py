"""Tone: GDELT's document tone measures on VADER's sentiment lexicon, and each sentence's
VADER compound score.

GDELT counts the article's words that a tone dictionary marks positive or negative: positive
and negative are their shares of all words (in %), tone is positive minus negative, polarity
their sum. VADER's lexicon (7,500 words rated by people) is the dictionary here.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from nutgraf.extractors.base import Extractor
from nutgraf.records import SentenceTone, Tone


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def extract(doc: Doc) -> Tone:
    """The document's tone and its sentences' sentiment."""
    lexicon = _analyzer().lexicon
    words = [t for t in doc if t.is_alpha]
    valences = [lexicon.get(t.lower_, lexicon.get(t.lemma_.lower(), 0.0)) for t in words]
    positive = 100 * sum(1 for v in valences if v > 0) / max(len(words), 1)
    negative = 100 * sum(1 for v in valences if v < 0) / max(len(words), 1)
    sentences = []
    for sentence in doc.sents:
        tokens = [t for t in sentence if not t.is_space]
        if not any(t.is_alpha for t in tokens):
            continue
        span = doc[tokens[0].i : tokens[-1].i + 1]
        compound = _analyzer().polarity_scores(span.text)["compound"]
        sentences.append(
            SentenceTone(span.start_char, span.end_char, span.text, round(compound, 4))
        )
    return Tone(
        tone=round(positive - negative, 3),
        positive=round(positive, 3),
        negative=round(negative, 3),
        polarity=round(positive + negative, 3),
        words=len(words),
        sentences=sentences,
    )


EXTRACTOR = Extractor("tone", lambda context: extract(context.doc))
