"""Amounts: a number, written in digits or words, and what it counts.

"600 Japanese troops" -> 600, "Japanese troops"; "Seven Japanese" -> 7; "$1.5 million" ->
1500000 USD; "5 percent" -> 5 %. spaCy finds the numbers; the dependency parse says what
they count; text2num reads numbers written in words.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from nutgraf.extractors.base import Extractor
from nutgraf.records import Amount

NUMERIC_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000,
    "mn": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
}  # fmt: skip
CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "won": "KRW", "francs": "CHF", "roubles": "RUB",
    "rubles": "RUB", "pesos": "MXN", "usd": "USD", "eur": "EUR", "gbp": "GBP",
}  # fmt: skip
WORD_NUMBERS = {"a dozen": 12, "dozen": 12, "a couple": 2, "half": 0.5, "a half": 0.5}
_DIGITS = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)(?:\s*-?\s*(hundred|thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)?",
    re.I,
)
_WORDS = re.compile(
    r"\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion)[\s-]*(?:and\s+)?)+",
    re.I,
)


def extract(doc: Doc) -> list[Amount]:
    """Every amount in the article, in reading order."""
    amounts = [a for span in numeric_spans(doc) if (a := amount_of(span)) is not None]
    amounts += none_amounts(doc)
    return sorted(amounts, key=lambda a: a.start)


def numeric_spans(doc: Doc) -> list[Span]:
    """spaCy's number entities (with a currency sign or scale word beside them), and number
    words it left untagged; scores and tallies ("2-0", "7-2") and the pronoun "one" left out."""
    spans = [e for e in doc.ents if e.label_ in NUMERIC_LABELS]
    tagged = {i for e in doc.ents for i in range(e.start, e.end)}
    for token in doc:
        if token.i not in tagged and token.pos_ == "NUM" and token.like_num and not token.ent_type_:
            spans.append(Span(doc, token.i, token.i + 1, label="CARDINAL"))
    return [
        _widened(span)
        for span in spans
        if not _is_score(span) and not _is_pronoun(span) and not _is_word_part(span)
    ]


def _is_word_part(span: Span) -> bool:
    """A number word inside a compound ("half-time", "one-sided"), not an amount."""
    doc = span.doc
    hyphen = span.end < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_
    return hyphen and not any(c.isdigit() for c in span.text)


def _widened(span: Span) -> Span:
    """Take in a currency sign before and a scale word after ("$" "500" "m")."""
    doc = span.doc
    start, end, label = span.start, span.end, span.label_
    if start > 0 and doc[start - 1].text in CURRENCY_SYMBOLS:
        start, label = start - 1, "MONEY"
    if end < len(doc) and doc[end].lower_ in SCALES and not doc[end - 1].whitespace_:
        end += 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=label)


def _is_score(span: Span) -> bool:
    """A number in a score or tally: "2-0", "7-2"."""
    doc = span.doc

    def dash(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text in {"-", "–"}

    def number(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text.isdigit()

    if re.fullmatch(r"\d+[-–]\d+", span.text):
        return True
    after = dash(span.end) and number(span.end + 1)
    before = dash(span.start - 1) and number(span.start - 2)
    return span.text.isdigit() and (after or before)


def _is_pronoun(span: Span) -> bool:
    """ "one" standing for a thing ("if one is proposed", "number one"), not counting one."""
    root = span.root
    return (
        span.text.lower() == "one"
        and root.dep_ not in {"nummod", "quantmod"}
        and not _of_object(root)
    )


def amount_of(span: Span) -> Amount | None:
    """The amount a number span states, with its unit and what it counts."""
    value = parse_number(span.text)
    if value is None:
        return None
    unit = unit_of(span)
    counted = None if span.label_ == "MONEY" else counted_by(span)
    if unit is None and counted is None and span.label_ == "CARDINAL" and _looks_like_year(span):
        return None
    return Amount(value, span.text, span.start_char, span.end_char, counted, unit)


def parse_number(text: str) -> int | float | None:
    """The number in a phrase: digits with a scale word ("1.5 million"), or number words."""
    lowered = text.lower()
    match = _DIGITS.search(lowered)
    if match:
        number = float(match.group(1).replace(",", ""))
        if match.group(2):
            number *= SCALES[match.group(2).lower()]
        return int(number) if number.is_integer() else number
    if re.search(r"\b(?:hundreds|thousands|millions|billions|trillions|dozens)\b", lowered):
        return None
    for phrase, value in WORD_NUMBERS.items():
        if re.search(rf"\b{phrase}\b(?!-)", lowered):
            return value
    words = _WORDS.search(lowered)
    if words is None:
        return None
    try:
        return int(text2num(re.sub(r"\s+and\s*$", "", words.group(0).strip(" -")), "en"))
    except ValueError:
        return None


def unit_of(span: Span) -> str | None:
    """ "%" for percentages, a currency code for money, the measure for quantities."""
    text = span.text.lower()
    if span.label_ == "PERCENT" or "%" in text or re.search(r"\bper ?cent\b", text):
        return "%"
    for symbol, code in CURRENCY_SYMBOLS.items():
        if symbol in span.text:
            return code
    words = set(re.findall(r"[a-z]+", text))
    for word, code in CURRENCY_WORDS.items():
        if word in words:
            return code
    if span.label_ == "QUANTITY":
        tail = [t.text for t in span if not t.like_num and t.lower_ not in SCALES]
        return " ".join(tail) or None
    return None


def counted_by(span: Span) -> str | None:
    """What a number counts: the noun it modifies ("600 Japanese troops" -> "Japanese
    troops"), or the "of" phrase of a number that heads its own phrase ("two of them")."""
    root = span.root
    if root.dep_ in {"nummod", "quantmod"} and root.head.i >= span.end:
        end = root.head.i + 1
        doc = span.doc
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2
        return doc[span.end : end].text or None
    if root.dep_ in {"nummod", "quantmod"} and root.head.i < span.start:
        return None
    of_phrase = _of_object(root)
    if of_phrase is not None:
        return of_phrase
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        following is not None
        and following.pos_ in {"NOUN", "PROPN"}
        and following.head.i != span.end - 1
    ):
        return following.text
    return None


def _of_object(root: Token) -> str | None:
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].text
    return None


def _looks_like_year(span: Span) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", span.text))


def none_amounts(doc: Doc) -> list[Amount]:
    """ "There were no casualties": zero of a plural noun, in an existential sentence."""
    amounts = []
    for token in doc:
        if token.lower_ != "no" or token.dep_ != "det":
            continue
        noun = token.head
        existential = any(c.dep_ == "expl" for c in noun.head.children)
        if noun.tag_ in {"NNS", "NNPS"} and existential and noun.i == token.i + 1:
            span = doc[token.i : noun.i + 1]
            amounts.append(Amount(0, span.text, span.start_char, span.end_char, noun.text))
    return amounts


EXTRACTOR = Extractor("amounts", lambda context: extract(context.doc))
