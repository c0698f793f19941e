"""Amounts: a quantity a reader could put in a table, with its unit, what it counts and how
the text bounds it.

"600 Japanese troops" -> 600, counting "Japanese troops"; "$1.5 million" -> 1500000 USD;
"one point three per cent" -> 1.3 %; "between 40 and 50" -> range 40-50; "nearly 200" ->
approx. spaCy finds the numbers (and money it took for a name); the parse says what they
count; text2num reads number words. Numbers in names, titles, versions, phone numbers, times,
ages, ranks and scores, and vague sizes ("millions of", "multi-billion") are not amounts. The
words and patterns are data: ``lexicon/amounts.toml``, and ``lexicon/units.toml`` (made from
pint and Babel) for units of measure and currencies.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

import numpy
from spacy.attrs import ENT_TYPE, IS_PUNCT, LIKE_NUM, LOWER, SHAPE
from spacy.tokens import Doc, Span, Token
from text_to_num import alpha2digit

from nutgraf.extractors.base import Extractor
from nutgraf.lexicon import table
from nutgraf.records import Amount, AmountQualifier

Number = int | float
_TOKENS = re.compile(r"\d[\d,]*(?:\.\d+)?(?:/\d+)?|[A-Za-z]+\$|[A-Za-z]+\.?|[^\sA-Za-z\d]")


@functools.cache
def _words(key: str) -> frozenset[str]:
    return frozenset(table("amounts")["words"][key])


def _section(name: str) -> Mapping[str, Any]:
    """A table of ``amounts.toml``: scales, multipliers, fraction words, qualifiers, labels."""
    return table("amounts")[name]  # type: ignore[no-any-return]


def _units(name: str) -> Mapping[str, str]:
    """A table of ``units.toml``: measures, currency symbols or currency names."""
    return table("units")[name]  # type: ignore[no-any-return]


@functools.cache
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(str(_section("patterns")[name]))


@functools.cache
def _qualifier_phrases() -> list[tuple[tuple[str, ...], AmountQualifier]]:
    """Every qualifier phrase as words, longest first."""
    phrases = [
        (tuple(_TOKENS.findall(phrase)), cast(AmountQualifier, kind))
        for kind, words in _section("qualifiers").items()
        for phrase in words
    ]
    return sorted(phrases, key=lambda p: -len(p[0]))


@dataclass(frozen=True)
class Reading:
    """What a number phrase says: its value (the low end of a range), unit and bounds."""

    value: Number
    unit: str | None = None
    qualifier: AmountQualifier | None = None
    low: Number | None = None
    high: Number | None = None


def extract(doc: Doc) -> list[Amount]:
    """Every amount in the article, in reading order."""
    amounts: list[Amount] = []
    for span in numeric_spans(doc):
        if _in_code(span):
            continue
        amount = amount_of(span)
        if amount is not None:
            amounts.append(_elided(amount, span, amounts))
    amounts += none_amounts(doc)
    return sorted(amounts, key=lambda a: a.start)


def _elided(amount: Amount, span: Span, before: list[Amount]) -> Amount:
    """What an amount that does not say what it counts counts, from the amount before it: the
    same sum in another currency ("a $2.5 trillion (£1.3 trillion) package"), or a count whose
    noun is left out ("Clinton has 175 delegates; Sanders has at least 73")."""
    if amount.counted is not None or _counts_a_noun(span) or not before:
        return amount
    doc, last = span.doc, before[-1]
    if amount.unit is not None:
        between = {t.text for t in doc[max(span.start - 3, 0) : span.start]}
        if last.unit is not None and amount.start - last.end < 12 and between & {"(", ";"}:
            return replace(amount, counted=last.counted, counted_entity=last.counted_entity)
        return amount
    window = _section("elision")["chars"]
    counts = [a for a in before if a.unit is None and a.counted is not None]
    near = [a for a in counts if amount.start - a.end <= window]
    if not near:
        return amount
    usual = Counter(a.counted for a in counts)
    chosen = max(reversed(near), key=lambda a: usual[a.counted])  # the article's usual count
    return replace(amount, counted=chosen.counted, counted_entity=chosen.counted_entity)


def _in_code(span: Span) -> bool:
    """A number in a phone number, a time of day, a version ("2.6.11") or numbering a list
    ("1." opening a line): the patterns are read in the few words around it."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    opens_line = before is None or "\n" in before.text_with_ws
    if opens_line and after is not None and after.text in {".", ")"}:
        return True
    neighbours = [t for t in (before, after) if t is not None]
    if not any(c in span.text for c in ":./") and not any(
        t.text in {"(", ")", "+", "-", "."} or t.like_num or t.lower_ in _words("time_after")
        for t in neighbours
    ):
        return False
    window = doc[max(span.start - 6, 0) : span.end + 6]
    start = span.start_char - window.start_char
    end = start + len(span.text)
    text = window.text
    return any(
        m.start() < end and start < m.end()
        for name in ("phone", "clock", "version")
        for m in _pattern(name).finditer(text)
    )


def numeric_spans(doc: Doc) -> list[Span]:
    """Number phrases: spaCy's number entities, money it took for a name ("$280bn" as a
    PERSON), and numbers it left untagged, each widened to its currency sign, scale word and
    the other end of a range; not those that are part of a word, a score, a name, an age, a
    time, a rank or a pronoun."""
    numeric = _section("labels")["numeric"]
    untagged, with_digits = _number_tokens(doc)
    entities = doc.ents
    spans = [e for e in entities if e.label_ in numeric]
    spans += [
        s
        for e in entities
        if e.label_ not in numeric
        and any(i in with_digits for i in range(e.start, e.end))
        and (s := _money_in(e)) is not None
    ]
    spans += [e for e in entities if e.label_ == "DATE" and _not_a_date(e)]
    spans += [d for e in entities if e.label_ in {"DATE", "TIME"} and (d := _duration_in(e))]
    spans += [Span(doc, i, i + 1, label="CARDINAL") for i in untagged]
    widened = [_widened(s) for s in spans if not _not_an_amount(s)]
    kept: list[Span] = []
    for span in sorted(widened, key=lambda s: (s.start, -len(s))):
        if (not kept or span.start >= kept[-1].end) and not _is_pronoun(span):
            kept.append(span)
    return kept


def _number_tokens(doc: Doc) -> tuple[list[int], set[int]]:
    """Tokens outside entities that are numbers or hold a digit, and every token that holds a
    digit: read from the Doc's arrays, so without making a Token of each of its words."""
    table = doc.to_array([ENT_TYPE, LIKE_NUM, SHAPE, IS_PUNCT])
    shapes = [int(h) for h in numpy.unique(table[:, 2]) if "d" in doc.vocab.strings[int(h)]]
    digits = numpy.isin(table[:, 2], shapes)
    wanted = (table[:, 0] == 0) & (table[:, 3] == 0) & ((table[:, 1] == 1) | digits)
    return [int(i) for i in numpy.flatnonzero(wanted)], {int(i) for i in numpy.flatnonzero(digits)}


def _duration_in(entity: Span) -> Span | None:
    """A length of time in a date entity ("the last 22 years", "72 hours", "a 12-year run"):
    a number and its unit of time, not a point in time ("10 days ago") nor an age."""
    doc = entity.doc
    durations = _section("durations")
    for token in entity:
        if not token.like_num or _looks_like_year(doc[token.i : token.i + 1]):
            continue
        unit = (
            token.i + 2 if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" else token.i + 1
        )
        if unit < len(doc) and doc[unit].lower_ in durations:
            after = doc[unit + 1 : unit + 3].text.lower().lstrip("-").split()
            if not after or after[0] not in _words("not_durations"):
                return Span(doc, token.i, unit + 1, label="DURATION")
    return None


def _not_a_date(entity: Span) -> bool:
    """A "date" that spaCy got wrong: a number that counts a noun after it ("between 40 and
    50 troops", when the noun is no unit of time) or a price ("1130p")."""
    if len(entity) == 1 and _has_digit(entity[0]):
        reading = read(entity.text)
        return reading is not None and reading.unit is not None
    root = entity.root
    head = root.head
    return (
        root.like_num
        and root.dep_ in {"nummod", "quantmod"}
        and head.i >= entity.end
        and head.pos_ == "NOUN"
        and not head.ent_type_
    )


def _has_digit(token: Token) -> bool:
    return "d" in token.shape_


def _money_in(entity: Span) -> Span | None:
    """A number after a currency sign, in (or at the start of) an entity of another kind."""
    symbols = _units("currency_symbols")
    doc = entity.doc
    for token in doc[max(entity.start - 1, 0) : entity.end - 1]:
        if token.text in symbols and _pattern("amount_token").match(doc[token.i + 1].text):
            return Span(doc, token.i, token.i + 2, label="MONEY")
    return None


def _widened(span: Span) -> Span:
    """Take in a currency sign before, a scale word, percent sign and the other end of a range
    after ("$" "500" "m"; "20" "-" "30"; "1" "1/2")."""
    doc = span.doc
    start, end, label = span.start, span.end, span.label_
    symbols = _units("currency_symbols")
    if start > 0 and doc[start - 1].text in symbols:
        start, label = start - 1, "MONEY"
    money = label == "MONEY" or any(t.text in symbols for t in doc[start:end])
    end = _past_scale(doc, end, money)
    coin = doc[end].lower_ if end < len(doc) else ""
    if coin in _section("subunits") and (len(coin) > 1 or not doc[end - 1].whitespace_):
        end += 1
    if end + 1 < len(doc) and doc[end].lower_ in {"-", "–", "or"} and doc[end + 1].like_num:
        far = _past_scale(doc, end + 2, money)
        reading = read(doc[start:far].text)
        if reading is not None and reading.qualifier == "range":
            end = far
    ratio_starts = {joiner.split()[0] for joiner in _words("ratio_joiners")}
    following = doc[end].lower_ if end < len(doc) else ""
    for joiner in _words("ratio_joiners") if following in ratio_starts else ():
        size = len(joiner.split())  # "three out of four", "4 in 10"
        words = [t.lower_ for t in doc[end : end + size]]
        if words == joiner.split() and end + size < len(doc):
            other = doc[end + size]
            if other.like_num and other.ent_type_ not in {"DATE", "TIME"}:
                reading = read(doc[start : end + size + 1].text)
                if reading is not None and reading.value < 1:
                    end += size + 1
                    break
    if end < len(doc) and re.fullmatch(r"\d+/\d+", doc[end].text) and doc[end - 1].text.isdigit():
        end += 1
    if end < len(doc) and doc[end].text == "%":
        end, label = end + 1, "PERCENT"
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=label)


def _past_scale(doc: Doc, end: int, money: bool) -> int:
    """The end of a number with the scale word glued to it ("5" "m", "3" "bn"); "m" is
    million next to money or before a plural noun, metres otherwise."""
    if end >= len(doc) or doc[end - 1].whitespace_ or doc[end].lower_ not in _section("scales"):
        return end
    after = doc[end + 1] if end + 1 < len(doc) else None
    if (
        doc[end].lower_ == "m"
        and not money
        and (after is None or after.tag_ not in {"NNS", "NNPS"})
    ):
        return end
    return end + 1


def _not_an_amount(span: Span) -> bool:
    return (
        _is_score(span) or _is_word_part(span) or _is_name_part(span) or _is_age_time_or_rank(span)
    )


def _is_word_part(span: Span) -> bool:
    """A number word inside a compound word ("half-time", "one-sided", "one-off"); "a two-man
    race" and "a six-time champion" count men and times."""
    doc = span.doc
    hyphen = span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_
    if not hyphen or any(c.isdigit() for c in span.text):
        return False
    return span.text.lower() in {"one", "half"} or doc[span.end + 1].pos_ != "NOUN"


def _is_score(span: Span) -> bool:
    """A number in a score or tally: "2-0", "7-2"."""
    doc = span.doc

    def dash(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text in {"-", "–"}

    def number(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text.isdigit()

    if any(int(a) >= int(b) for a, b in re.findall(r"\b(\d+)[-–](\d+)\b", span.text)):
        return True
    after = (
        dash(span.end) and number(span.end + 1) and int(span.text) >= int(doc[span.end + 1].text)
        if span.text.isdigit()
        else False
    )
    before = dash(span.start - 1) and number(span.start - 2) and span.text.isdigit()
    return bool(after or before)


def _is_pronoun(span: Span) -> bool:
    """The word "one" on its own: a pronoun or an indefinite article ("one of the biggest",
    "if one is proposed", "for one thing", "one key program"), not a count a reader would
    tabulate; "one or two" and "one and a half" are read as numbers."""
    return span.text.lower() == "one"


def _is_name_part(span: Span) -> bool:
    """A number in a name or title: a number word written with a capital inside a sentence
    ("the Guildford Four", "Million Dollar Baby"), a number after the proper noun it belongs
    to ("Windows 10", "IE 6/7") or after a word that numbers things ("Room 101"), and tokens
    that mix letters and digits ("Q3", "MP3")."""
    doc = span.doc
    first = span[0]
    money = any(
        t.text in _units("currency_symbols") or t.text == "%" or t.lower_ in _words("percent")
        for t in span
    )  # "the bottom 95 percent of earners" is a share
    if any(
        _has_digit(t) and not (_pattern("amount_token").match(t.text) and _fraction_or_not(t.text))
        for t in span
    ):
        return True
    if (
        first.i > 1
        and span.end < len(doc)
        and (doc[first.i - 1].text, doc[span.end].text) == ("(", ")")
        and doc[first.i - 2].pos_ == "PROPN"
    ):
        return True
    if (
        first.is_alpha
        and first.is_title
        and not first.is_sent_start
        and first.lower_ in _words("number_words")
    ):
        before = doc[first.i - 1]
        return before.text not in {'"', "“", "‘", "'", ":", "(", "-", "—"}
    if first.lower_ in _words("name_before") and len(span) > 1 and span[1].like_num:
        return True  # "Number 73" as one entity
    if first.i == 0 or money:
        return False
    if _glued_to_a_name(span):
        return True
    before = doc[first.i - 1]
    named = before.lower_ in _words("name_before") or (
        before.text == "."
        and first.i > 1
        and f"{doc[first.i - 2].lower_}." in _words("name_before")
    )
    if named and not _counts_a_noun(span):
        return True
    proper = (
        before.pos_ == "PROPN" and (before.is_title or before.is_upper) and before.whitespace_ != ""
    )
    tied = (
        span.root.head == before
        or before.head == span.root
        or (before.head == span.root.head and before.dep_ == "compound")
    )
    return (
        proper
        and tied
        and before.text not in _units("currency_symbols")
        and before.lower_ not in _units("currency_names")
    )


def _glued_to_a_name(span: Span) -> bool:
    """A number written together with a capital letter or word ("3G", "3D", "29A")."""
    doc = span.doc
    if span.end >= len(doc) or span[-1].whitespace_:
        return False
    after = doc[span.end]
    unit = after.lower_ in _section("scales") or after.lower_ in _units("measures")
    return after.is_alpha and after.text[0].isupper() and not unit


def _fraction_or_not(text: str) -> bool:
    """Whether "a/b" is a fraction ("3/4", not "9/11" or "24/7"); True for other numbers."""
    if "/" not in text:
        return True
    top, bottom = (int(part) for part in re.findall(r"\d+", text)[-2:])
    return top < bottom and bottom in _section("words")["fraction_denominators"]


def _counts_a_noun(span: Span) -> bool:
    root = span.root
    return root.dep_ in {"nummod", "quantmod"} and root.head.i >= span.end


@functools.cache
def _age_openers() -> frozenset[str]:
    """The first word of each way of writing an age after a number ("-" of "-year-old")."""
    return frozenset(_TOKENS.findall(phrase)[0].lower() for phrase in _words("age_after"))


def _is_age_time_or_rank(span: Span) -> bool:
    """ "aged 30", "a 25-year-old", "at 4pm", "21st"."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in _words("age_before"):
        return True
    if (
        before in _words("range_joiners")
        and any(  # "between the ages of 10 and 17"
            t.lower_ in _words("age_before") for t in doc[max(span.start - 4, 0) : span.start]
        )
    ):
        return True
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ in _words("range_joiners") and doc[end + 1].like_num:
        end += 2  # "18 to 24-year-olds"
    if end < len(doc) and doc[end].lower_ in _age_openers():
        after = doc[end : end + 5].text.lower()
        return any(after.startswith(w) for w in _words("age_after"))
    if span.end < len(doc) and doc[span.end].lower_ in _words("time_after"):
        return True
    return bool(re.search(r"\d(?:st|nd|rd|th)\b", span.text))


def amount_of(span: Span) -> Amount | None:
    """The amount a number span states, with its unit and what it counts."""
    reading = read(span.text)
    if reading is None or _is_vague(span):
        return None
    unit = reading.unit or unit_after(span)
    if unit == "m" and reading.unit is None and _names_a_race(span):
        return None
    counted = _measured(span) if unit is not None else counted_by(span)
    if unit is None and _looks_like_year(span) and (counted is None or counted.root.tag_ != "NNS"):
        return None
    return Amount(
        reading.value, span.text, span.start_char, span.end_char,
        counted.text if counted is not None else None, unit,
        reading.qualifier, reading.low, reading.high, _entity_in(counted),
    )  # fmt: skip


def _names_a_race(span: Span) -> bool:
    """ "the 100m", "Bekele's 5,000m world record": a distance that names a race; "ran 200m"
    and "over 400m" are distances run."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is None or before.pos_ not in {"VERB", "AUX", "ADP", "NUM"}


def _is_vague(span: Span) -> bool:
    """ "multi-billion dollar", "billion-dollar": a scale with no number before it."""
    doc = span.doc
    before = doc[span.start - 2 : span.start]
    return any(t.lower_ in _words("vague") for t in before if not t.whitespace_)


def unit_after(span: Span) -> str | None:
    """The percent word, currency or unit of measure just after a number ("5 per cent",
    "10 dollars", "3 km", "the 100m")."""
    doc = span.doc
    following = [t.lower_ for t in doc[span.end : span.end + 2]]
    for size in (2, 1):
        phrase = " ".join(following[:size])
        if len(following) < size:
            continue
        if phrase in _words("percentage_points"):
            return "pp"
        if phrase in _words("percent"):
            return "%"
        if phrase in _units("currency_names"):
            return _units("currency_names")[phrase]
        if phrase in _units("measures") and doc[span.end].pos_ != "PROPN":
            return _units("measures")[phrase]
        if phrase in _section("durations"):
            return str(_section("durations")[phrase])
    if following[:1] in (["m"], ["m."]) and not span[-1].whitespace_:
        return _units("measures")["metre"]
    return None


@functools.lru_cache(maxsize=8192)
def read(text: str) -> Reading | None:
    """What a number phrase says: "up to 3,000", "between 40 and 50", "US$5m", "3/4",
    "one point three per cent", "more than a dozen"; None for a vague size or no number."""
    words = _TOKENS.findall(text.rstrip("."))  # spaCy leaves a full stop on "2kW."
    qualifier, lowered, words = _qualified([w.lower() for w in words], words)
    if any(w in _words("vague") for w in lowered):
        return None
    unit, share, kept = _unit_in(words, lowered)
    ratio = _ratio(kept)
    if ratio is not None:
        return Reading(ratio, unit, qualifier)
    bounds = _range(kept)
    if bounds is not None:
        low, high = _tidy(bounds[0] * share), _tidy(bounds[1] * share)
        return Reading(low, unit, "range", low, high)
    value = number_value(kept)
    if value is None:
        return None
    return Reading(_tidy(value * share), unit, qualifier)


def _qualified(
    lowered: list[str], words: list[str]
) -> tuple[AmountQualifier | None, list[str], list[str]]:
    """The qualifier at the start or end of a phrase, and the phrase without it."""
    ends = {lowered[0], lowered[-1]} if lowered else set()
    for phrase, kind in _qualifier_phrases():
        if phrase[0] not in ends and phrase[-1] not in ends:
            continue
        size = len(phrase)
        if tuple(lowered[:size]) == phrase and len(lowered) > size:
            return kind, lowered[size:], words[size:]
        if tuple(lowered[-size:]) == phrase and len(lowered) > size:
            return kind, lowered[:-size], words[:-size]
    return None, lowered, words


def _unit_in(words: list[str], lowered: list[str]) -> tuple[str | None, float, list[str]]:
    """The currency, percent or measure named in a phrase, the share of it that a coin word
    stands for ("25p" -> GBP, 0.01), and the phrase's other words."""
    symbols, names, measures = (
        _units("currency_symbols"),
        _units("currency_names"),
        _units("measures"),
    )
    percent = _words("percent")
    unit, share = None, 1.0
    kept: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(lowered[i : i + 2])
        if i + 1 < len(words) and pair in _words("percentage_points"):
            unit, i = "pp", i + 2
            continue
        if i + 1 < len(words) and (pair in names or pair in percent or pair in measures):
            unit = names.get(pair) or ("%" if pair in percent else measures[pair])
            i += 2
            continue
        word = lowered[i]
        if word in _section("subunits") and i > 0:
            unit, share = _section("subunits")[word][0], float(_section("subunits")[word][1])
        elif words[i] in symbols:
            unit = symbols[words[i]]
        elif word in names and word not in _words("number_words"):
            unit = names[word]
        elif word in percent:
            unit = "%"
        elif word in measures and word not in _section("scales") and unit is None:
            unit = measures[word]
        elif word in _section("durations") and unit is None:
            unit = str(_section("durations")[word])
        else:
            kept.append(word)
        i += 1
    return unit, share, kept


def _ratio(words: list[str]) -> Number | None:
    """ "three out of four" -> 0.75, "4 in 10" -> 0.4: a share, when the first is the smaller."""
    for joiner in _words("ratio_joiners"):
        parts = joiner.split()
        for i in range(1, len(words) - len(parts)):
            if words[i : i + len(parts)] != parts:
                continue
            part, whole = number_value(words[:i]), number_value(words[i + len(parts) :])
            if part is not None and whole and part < whole <= 1000:
                return _tidy(part / whole)
    return None


def _range(words: list[str]) -> tuple[Number, Number] | None:
    """Low and high of "40 to 50", "between 40 and 50", "20-30m", "two or three"."""
    between = bool(words) and words[0] in _words("range_openers")
    words = words[1:] if between else words
    for i, word in enumerate(words):
        if word not in _words("range_joiners") or i == 0 or (word == "and" and not between):
            continue
        low, high = number_value(words[:i]), number_value(words[i + 1 :])
        if low is None or high is None or not _spelled(words[:i]) or not _spelled(words[i + 1 :]):
            continue
        scale = _section("scales").get(words[-1])
        if scale is not None and words[i - 1] not in _section("scales") and low * scale <= high:
            low = low * scale
        if low < high:
            return _tidy(low), _tidy(high)
    return None


def _spelled(words: list[str]) -> bool:
    """Whether words hold a number in digits or words (not only "half" or "dozen")."""
    return any(w[0].isdigit() or w in _words("number_words") for w in words)


def number_value(words: list[str]) -> Number | None:
    """The number that words (lower case, split as ``_TOKENS`` does) make: digits with a
    scale ("1.5 million"), fractions and mixed numbers ("3/4", "1 1/2"), number words
    ("twenty-five", "one point three"), multipliers and parts ("two dozen", "half a million",
    "two and a half", "three quarters"); None when a scale has no number before it."""
    scales, multipliers = _section("scales"), _section("multipliers")
    fractions = _section("fraction_words")
    value: float | None = None
    counted = False  # a number was read, not just "a"
    last_digits = False
    i = 0
    while i < len(words):
        word = words[i]
        if word[0].isdigit():
            number = _digits(word)
            if number is None:
                return None
            if last_digits and value is not None and number < 1:
                value += number
            else:
                value = number if value is None else value * number
            counted, last_digits = True, True
            i += 1
            continue
        last_digits = False
        if word in _words("number_words") and not (counted and word in scales):
            end = i
            while end < len(words) and (
                words[end] in _words("number_words") or _joins_words(words, end)
            ):
                end += 1
            spelled = _words_number(" ".join(words[i:end]).replace(" - ", "-"))
            if spelled is None or (value is None and all(w in scales for w in words[i:end])):
                return None
            value, counted, i = spelled if value is None else value * spelled, True, end
            continue
        if word == "and" and value is not None and words[i + 1 : i + 2] in (["a"], ["an"]):
            part = fractions.get(words[i + 2]) if i + 2 < len(words) else None
            if part is not None:
                value += 1 / part
                i += 3
                continue
        if word in scales or word in fractions or word in multipliers:
            factor = _factor(word)
            if value is None and word in scales and word not in multipliers:
                return None
            value = factor if value is None else value * factor
            counted = counted or word not in {"a", "an"}
        i += 1
    return _tidy(value) if value is not None and counted else None


def _joins_words(words: list[str], i: int) -> bool:
    """A hyphen or "and" inside a number in words ("twenty-five", "two hundred and five")."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return (
        words[i] in {"-", "and"}
        and nxt in _words("number_words")
        and nxt not in {"point", "hundred"}
    )


def _factor(word: str) -> float:
    """What a scale, multiplier or part word multiplies by."""
    if word in _section("multipliers"):
        return float(_section("multipliers")[word])
    if word in _section("fraction_words"):
        return 1 / float(_section("fraction_words")[word])
    return float(_section("scales")[word])


def _digits(word: str) -> float | None:
    """A number in digits, a fraction ("3/4") included; None for what only starts with a digit
    ("1895.22/3", "1.2.3")."""
    parts = word.replace(",", "").split("/")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        return None
    if len(numbers) == 1:
        return numbers[0]
    if len(numbers) == 2 and numbers[1]:
        return numbers[0] / numbers[1]
    return None


def _words_number(run: str) -> float | None:
    """A number written in words, through text2num ("twenty-five", "one point three")."""
    digits = alpha2digit(run, "en", threshold=0).replace(" ", "")
    try:
        return float(digits)
    except ValueError:
        return None


def _tidy(value: float) -> Number:
    rounded = round(value, 6)
    return int(rounded) if float(rounded).is_integer() else rounded


def counted_by(span: Span) -> Span | None:
    """What a number counts: the noun it modifies ("600 Japanese troops" -> "Japanese
    troops"), or the "of" phrase of a number that heads its own phrase ("two of them")."""
    root = span.root
    doc = span.doc
    if root.dep_ in {"nummod", "quantmod"} and root.head.i >= span.end:
        head = root.head
        start = span.end
        if doc[span.end].text == "-" and head.i == span.end + 1 and head.head.i > head.i:
            head, start = head.head, head.i + 1  # "a six-time All-Star" -> "All-Star"
        end = head.i + 1
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2
        qualifiers = dict(_qualifier_phrases())
        while start < end and (doc[start].is_punct or (doc[start].lower_,) in qualifiers):
            start += 1
        return doc[start:end] if end > start else None
    if root.dep_ in {"nummod", "quantmod"} and root.head.i < span.start:
        return None
    of_phrase = _of_object(root)
    if of_phrase is not None:
        return of_phrase
    following = doc[span.end] if span.end < len(doc) else None
    if (
        following is not None
        and following.pos_ in {"NOUN", "PROPN"}
        and following.head.i != span.end - 1
        and following.ent_type_ not in {"DATE", "TIME"}
    ):
        modified = following.head if following.dep_ in {"compound", "amod"} else following
        return doc[span.end : max(modified.i, following.i) + 1]
    return None


def _of_object(root: Token, preposition: str = "of") -> Span | None:
    """The noun phrase of "of" after a number ("two of them", "5% of Georgian businesses")."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _phrase(objects[0])
    return None


def _phrase(noun: Token) -> Span:
    """A noun with the words that describe it before it ("Georgian businesses")."""
    left = [c for c in noun.lefts if c.dep_ in {"amod", "compound", "nmod", "poss"}]
    start = min((c.left_edge.i for c in left), default=noun.i)
    return noun.doc[start : noun.i + 1]


def _measured(span: Span) -> Span | None:
    """What money, a share or a measure is of: its "of" phrase ("5% of voters"), the noun it
    describes ("a $2.5 trillion package"), "in" what ("$5m in cash"), the noun it is "of"
    ("debts of more than 6bn euros"), or what rose or fell by it ("sales rose 2%")."""
    root, doc = span.root, span.doc
    head = root.head
    found = _of_object(root)
    if found is None and root.dep_ in _words("describing") and head.i >= span.end:
        described = doc[span.end : head.i + 1]
        if not _is_unit_word(described.text.lower()):
            found = described if head.pos_ in {"NOUN", "PROPN"} else None
        else:
            root, head = head, head.head  # "6bn euros": go on from "euros"
    if span.label_ == "DURATION":
        return found
    if found is None and root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        found = _phrase(head.head)
    if found is None:
        found = _of_object(root, "in") or _in_after(span)
    return found if found is not None else _what_changed(root)


def _in_after(span: Span) -> Span | None:
    """ "$5m in cash", where the parse hangs "in cash" on the verb."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "in":
        objects = [c for c in doc[span.end].children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
        if objects and not objects[0].ent_type_:
            return _phrase(objects[0])
    return None


def _is_unit_word(text: str) -> bool:
    """Whether words name a unit ("per cent", "m", "dollars") rather than what is measured."""
    return (
        text in _words("percent")
        or text in _words("percentage_points")
        or text in _units("measures")
        or text in _units("currency_names")
        or text in _section("durations")
        or text in _section("scales")
    )


def _what_changed(root: Token) -> Span | None:
    """The subject of the verb of change an amount measures ("sales rose 2% to $11.1bn",
    "shares were up 2.4%")."""
    node = root
    for _ in range(3):
        node = node.head
        stated = node.lemma_ == "be" and root.dep_ == "attr"  # "the saving would be £1,000"
        if stated or node.lemma_ in _words("change_verbs") or node.lower_ in {"up", "down"}:
            verb = node.head if node.pos_ not in {"VERB", "AUX"} else node
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].pos_ == "NOUN":
                return _phrase(subjects[0])
            return None
        if node.pos_ in {"VERB", "AUX"} or node.dep_ == "ROOT":
            return None
    return None


def _entity_in(counted: Span | None) -> str | None:
    """The named entity in what an amount counts ("600 Japanese troops" -> "Japanese")."""
    names = _section("labels")["name"]
    for token in counted or ():
        if token.ent_type_ in names:
            doc, start, end = token.doc, token.i, token.i + 1
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[start:end].text
    return None


def _looks_like_year(span: Span) -> bool:
    """A year, unless it counts things ("1947 constitution" is a year, "2000 people" not)."""
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", span.text))


def none_amounts(doc: Doc) -> list[Amount]:
    """ "There were no casualties": zero of a plural noun, in an existential sentence."""
    amounts = []
    lowers = doc.to_array(LOWER)
    for i in numpy.flatnonzero(lowers == doc.vocab.strings.add("no")):
        token = doc[int(i)]
        if token.dep_ != "det":
            continue
        noun = token.head
        existential = any(c.dep_ == "expl" for c in noun.head.children)
        if noun.tag_ in {"NNS", "NNPS"} and existential and noun.i == token.i + 1:
            span = doc[token.i : noun.i + 1]
            amounts.append(Amount(0, span.text, span.start_char, span.end_char, noun.text))
    return amounts


EXTRACTOR = Extractor("amounts", lambda context: extract(context.doc))
