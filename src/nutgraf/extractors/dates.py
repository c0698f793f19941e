"""Dates and times the article mentions, each with its TimeML (TIMEX3) type, value and mod,
and its calendar value when it names a day, week, month or year.

spaCy finds most expressions; words it leaves out that TimeML counts ("now", "recently",
"the past") are added from ``lexicon/dates.toml``. ``nutgraf.timeml`` gives the values, from
the publication date, the tense of the verb an expression hangs on, and the reference time:
the date mentioned last, which moves as the story moves.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Mapping

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from nutgraf.calendar import Tense, calendar_value
from nutgraf.extractors.base import Extractor
from nutgraf.lexicon import table
from nutgraf.records import DateMention
from nutgraf.timeml import Anchor, normalise, parse_value

FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
# Ages and frequencies: tagged DATE by spaCy, but no dates.
NOT_A_DATE = re.compile(
    r"\b\w+[- ](?:year|month|week|day|hour|minute)s?[- ]old\b|^(?:daily|weekly|monthly|yearly|"
    r"annually|annual|nightly|night|overnight|quarterly|\d{1,3}|\d{5,})$",
    re.IGNORECASE,
)
# Dependencies through which a date hangs on the verb whose tense it takes.
_VERB_PATH = frozenset({"npadvmod", "pobj", "prep", "tmod", "advmod", "nummod", "compound"})


def extract(doc: Doc, published: str | None) -> list[DateMention]:
    """Every date and time expression, in reading order."""
    base = dt.date.fromisoformat(published) if published else None
    mentions = []
    reference: str | None = None
    reference_sentence = -1
    sentence_starts = [sentence.start for sentence in doc.sents]
    for span in _expressions(doc):
        sentence = bisect.bisect_right(sentence_starts, span.start)
        near = reference_sentence == sentence
        timex = normalise(span.text, Anchor(base, reference, tense_of(span), near))
        if span.label_ == "TIME" and timex.value is None:
            continue
        if timex.moves_reference and timex.value and parse_value(timex.value):
            reference, reference_sentence = timex.value, sentence
        calendar = calendar_value(timex)
        mentions.append(
            DateMention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=calendar.value if calendar else None,
                granularity=calendar.granularity if calendar else None,
                timex_type=timex.type,
                timex_value=timex.value,
                timex_mod=timex.mod,
            )
        )
    return mentions


def _expressions(doc: Doc) -> list[Span]:
    """spaCy's DATE and TIME entities and named holidays (cut to TimeML's extents), and the
    words of ``[extents]`` and one-word holidays outside them."""
    extents = table("dates")["extents"]
    spans = [
        part
        for span in _joined(doc)
        if not NOT_A_DATE.search(span.text)
        for part in _parts(_trimmed(span), extents)
    ]
    holidays = table("dates")["holidays"]
    words = {doc.vocab.strings.add(word) for word in _single_words()}
    for index, lower in enumerate(doc.to_array(LOWER).tolist()):
        token = doc[index] if lower in words else None
        if token is None or token.ent_type_:
            continue
        word = token.lower_
        if (
            (word in extents["words"] and token.pos_ == "ADV")
            or (word in extents["adjectives"] and token.dep_ == "amod")
            or (word in holidays and token.pos_ == "PROPN")
        ):
            spans.append(Span(doc, token.i, token.i + 1, label="DATE"))
        elif word in extents["after_the"] and token.pos_ == "NOUN" and token.i:
            previous = doc[token.i - 1]
            if previous.lower_ == "the" and not previous.ent_type_:
                spans.append(Span(doc, token.i - 1, token.i + 1, label="DATE"))
    return sorted(spans, key=lambda span: span.start)


@functools.cache
def _single_words() -> frozenset[str]:
    """Every word that can be a date expression alone, outside spaCy's entities (looked for
    in the doc's array of lower-case word ids: much faster than a loop over its tokens)."""
    extents = table("dates")["extents"]
    groups = (table("dates")["holidays"], extents["words"], extents["adjectives"])
    return frozenset(word for group in (*groups, extents["after_the"]) for word in group)


def _joined(doc: Doc) -> list[Span]:
    """DATE and TIME entities and holidays spaCy tags as events, those side by side as one
    ("noon Thursday"), each with the head noun or part of day that follows it ("the year-ago
    period", "Thursday evening")."""
    tails = table("dates")["extents"]["tails"]
    joined: list[Span] = []
    holidays = table("dates")["holidays"]
    for span in doc.ents:
        if span.label_ not in {"DATE", "TIME"} and (
            span.label_ != "EVENT" or span.text.lower() not in holidays
        ):
            continue
        end = span.end
        if end < len(doc) and doc[end].lower_ in tails and not doc[end].ent_type_:
            end += 1
        if joined and joined[-1].end == span.start and "TIME" in {joined[-1].label_, span.label_}:
            joined[-1] = Span(doc, joined[-1].start, end, label="TIME")
        else:
            joined.append(Span(doc, span.start, end, label=span.label_))
    return joined


def _parts(span: Span, extents: Mapping[str, list[str]]) -> list[Span]:
    """The entity cut where a join word ends one expression and starts another; with the
    "each" or "every" just before it."""
    doc, start = span.doc, span.start
    while start < span.end - 1 and doc[start].lower_ in extents["not_first"]:
        start += 1
    if start and doc[start - 1].lower_ in extents["set_words"]:
        start -= 1
    cut = next((t.i for t in doc[start : span.end] if t.lower_ in extents["joins"]), None)
    if cut is None or cut in {start, span.end - 1}:
        return [Span(doc, start, span.end, label=span.label_)]
    return [
        Span(doc, start, cut, label=span.label_),
        Span(doc, cut + 1, span.end, label=span.label_),
    ]


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
