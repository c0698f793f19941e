"""Dates and times the article mentions, each with its calendar value when it has one.

spaCy finds the expressions; ``nutgraf.calendar`` gives them a value from the publication
date, the tense of the verb they hang on, and the year mentioned last ("the following year").
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from nutgraf.calendar import CalendarValue, Tense, resolve
from nutgraf.extractors.base import Extractor
from nutgraf.records import DateMention

FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
# Ages, lengths of time used as adjectives, and frequencies: tagged DATE, but no dates.
NOT_A_DATE = re.compile(
    r"\b\w+-(?:year|month|week|day|hour|minute)s?(?:-old)?\b|^(?:daily|weekly|monthly|yearly|"
    r"annually|annual|nightly|night|overnight)$",
    re.IGNORECASE,
)
# Dependencies through which a date hangs on the verb whose tense it takes.
_VERB_PATH = frozenset({"npadvmod", "pobj", "prep", "tmod", "advmod", "nummod", "compound"})


def extract(doc: Doc, published: str | None) -> list[DateMention]:
    """Every DATE expression (and TIME with a day in it), in reading order."""
    base = dt.date.fromisoformat(published) if published else None
    mentions = []
    last: CalendarValue | None = None
    for span in doc.ents:
        if span.label_ not in {"DATE", "TIME"} or NOT_A_DATE.search(span.text):
            continue
        span = _trimmed(span)
        value = resolve(span.text, base, tense_of(span), last)
        if span.label_ == "TIME" and value is None:
            continue
        if value is not None:
            last = value
        mentions.append(
            DateMention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=value.value if value else None,
                granularity=value.granularity if value else None,
            )
        )
    return mentions


def _trimmed(span: Span) -> Span:
    end = span.end
    while end > span.start + 1 and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[span.start : end]


def tense_of(span: Span) -> Tense:
    """The tense of the verb a date expression hangs on: future, past or present."""
    verb: Token | None = span.root
    for _ in range(4):
        if verb is None or verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head if verb.dep_ in _VERB_PATH and verb.head != verb else None
    if verb is None:
        return "present"
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in FUTURE_AUXILIARIES for a in auxiliaries):
        return "future"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxiliaries):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxiliaries):
        return "past"
    return "present"


EXTRACTOR = Extractor("dates", lambda context: extract(context.doc, context.article.published))
