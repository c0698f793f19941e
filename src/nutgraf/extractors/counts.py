"""Counts, as GDELT keeps them: amounts tied to a kind of event where the text says so.

"two of them were killed" -> KILL 2; "Seven Japanese have been kidnapped" -> KIDNAP 7. An
amount counts an event when the verb its phrase is the subject of (or the noun it counts is
the subject of) is one of the event verbs below.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from nutgraf.extractors.base import Extractor
from nutgraf.lexicon import grouped, inflected
from nutgraf.records import Amount, Count

EVENT_VERBS = grouped("words", "count")


def extract(doc: Doc, amounts: list[Amount]) -> list[Count]:
    """The amounts that count an event, with the event's type."""
    counts = []
    for amount in amounts:
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None or amount.unit is not None:
            continue
        kind = _event_of(span.root)
        if kind is not None:
            counts.append(
                Count(kind, amount.value, amount.text, amount.start, amount.end, amount.counted)
            )
    return counts


def _event_of(number: Token) -> str | None:
    """The event the number's phrase undergoes: the verb of which it (or the noun it counts)
    is the subject or object, or an event adjective ("five dead")."""
    phrase = number.head if number.dep_ in {"nummod", "quantmod"} else number
    verb = phrase.head
    if phrase.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} or verb.pos_ in {"VERB", "ADJ"}:
        return _kind(verb)
    return None


def _kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    found = (kind for kind, verbs in EVENT_VERBS.items() if lemma in verbs)
    return next(found, None) or next(
        (kind for kind, verbs in EVENT_VERBS.items() if token.lower_ in inflected(verbs)), None
    )


EXTRACTOR = Extractor(
    "counts", lambda context: extract(context.doc, context.facts["amounts"]), needs=("amounts",)
)
