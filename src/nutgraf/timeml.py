"""The TimeML (TIMEX3) type, value and mod of one date or time expression.

A value is worked out from three things: the publication date (the document creation time),
the reference time (the value of the date mentioned last: "in 2012 ... in August ... that
day" moves it) and the tense of the verb the expression hangs on ("Friday" in a story about
what will happen is the next one). The words, the shapes of expressions (one pattern per rule
below) and the holidays are data (``lexicon/dates.toml``); dates written out go through
dateparser, Easter through dateutil.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

import dateparser
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as weekday_of
from text_to_num import text2num

from nutgraf.lexicon import table
from nutgraf.records import TimexType

Tense = Literal["past", "present", "future"]

_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": [],
    "PREFER_DATES_FROM": "current_period",
}
# Months of the year in which each season starts (winter runs over the new year).
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# TimeML granularities, finest first.
_ORDER = ["D", "W", "M", "Q", "Y", "DE", "CE"]


@dataclass(frozen=True)
class Timex:
    type: TimexType
    value: str | None
    mod: str | None = None
    # False for dates counted from another ("a year earlier"): they do not move the story.
    moves_reference: bool = True


@dataclass(frozen=True)
class Anchor:
    """What a relative expression is resolved against."""

    published: dt.date | None
    reference: str | None = None
    tense: Tense = "present"
    # Whether the reference time was set in the same sentence ("in 1990, in August").
    near: bool = False


def _lexicon(name: str) -> Mapping[str, Any]:
    """A table of ``dates.toml``; ``mods.prefix`` for a nested one."""
    section: Mapping[str, Any] = table("dates")
    for part in name.split("."):
        section = section[part]
    return section


@functools.cache
def _rx(name: str) -> re.Pattern[str]:
    """The pattern ``name`` of ``[patterns]``, its ``{word lists}`` filled in, compiled once."""

    def words(match: re.Match[str]) -> str:
        if match[1] == "count":
            return r"((?:[\w.,-]+ ){0,4}?)"
        if match[1] == "units":
            return "(" + "|".join(_plural(unit) for unit in _lexicon("units")) + ")"
        entries = sorted(_lexicon(match[1]), key=len, reverse=True)
        return "|".join(re.escape(entry) for entry in entries)

    return re.compile(re.sub(r"\{([a-z_.]+)\}", words, _lexicon("patterns")[name]))


def _plural(unit: str) -> str:
    if unit.endswith("y") and unit[-2] not in "aeiou":
        return unit[:-1] + "(?:y|ies)"
    if unit.endswith("um"):
        return unit[:-2] + "(?:um|a)"
    return unit + "s?"


def normalise(text: str, anchor: Anchor) -> Timex:
    """The TIMEX3 type, value and mod of ``text``; value None when it cannot be worked out."""
    phrase = " ".join(text.lower().replace("’", "'").split()).strip(" .,")
    phrase = re.sub(r"'s?$", "", phrase)
    phrase = re.sub(r"\b(?:fiscal|calendar)[ -]", "", phrase).replace("this past ", "last ")
    phrase, mod = _without_mod(phrase)
    phrase = re.sub(r"^(?:in|on|at|of|by|during|since|until|from) ", "", phrase)
    for rule in _RULES:
        found = rule(phrase, anchor)
        if found is not None:
            return replace(found, mod=mod or found.mod)
    return Timex("DATE", None, mod)


def _without_mod(phrase: str) -> tuple[str, str | None]:
    if match := _rx("mod_prefix").match(phrase):
        return phrase[match.end() :], _lexicon("mods.prefix")[match[1]]
    if match := _rx("mod_suffix").search(phrase):
        return phrase[: match.start()], _lexicon("mods.suffix")[match[1]]
    return phrase, None


def _timex(value: str | None, set_: bool = False) -> Timex | None:
    if value is None:
        return None
    if set_:
        return Timex("SET", value)
    if re.match(r"PT?[\dX]", value):
        return Timex("DURATION", value)
    return Timex("TIME" if "T" in value and value[0].isdigit() else "DATE", value)


# Values: dates at a granularity, and back.


def at(day: dt.date, unit: str) -> str:
    """``day`` written at the TimeML granularity ``unit`` (D, W, WE, M, Q, Y, DE, CE)."""
    formats = {
        "D": day.isoformat(),
        "M": f"{day.year:04d}-{day.month:02d}",
        "Q": f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}",
        "DE": f"{day.year // 10:03d}",
        "CE": f"{day.year // 100:02d}",
    }
    if unit in {"W", "WE"}:
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    return formats.get(unit, f"{day.year:04d}")


@functools.lru_cache(maxsize=1024)
def parse_value(value: str) -> tuple[dt.date, str] | None:
    """The first day of a TimeML date value and its granularity; None for other values."""
    if match := re.match(r"(\d{4})-W(\d{2})", value):
        return dt.date.fromisocalendar(int(match[1]), int(match[2]), 1), "W"
    if match := re.match(r"(\d{4})-Q(\d)", value):
        return dt.date(int(match[1]), int(match[2]) * 3 - 2, 1), "Q"
    if match := re.match(r"(\d{4})-(\d{2})-(\d{2})", value):
        return dt.date(int(match[1]), int(match[2]), int(match[3])), "D"
    if match := re.match(r"(\d{4})-(\d{2})", value):
        return dt.date(int(match[1]), int(match[2]), 1), "M"
    if match := re.fullmatch(r"(\d{4})", value):
        return dt.date(int(match[1]), 1, 1), "Y"
    return None


def moved(day: dt.date, count: int, unit: str) -> dt.date:
    months = {"Y": 12, "Q": 3, "M": 1, "DE": 120, "CE": 1200}
    if unit in months:
        shifted: dt.date = day + relativedelta(months=count * months[unit])
        return shifted
    return day + dt.timedelta(days=count * (7 if unit in {"W", "WE"} else 1))


# Counts and units.


def count_of(text: str) -> float | str | None:
    """ "three", "twenty four", "2.5", "a couple of", "one and a half", "several": a number,
    "X" (unspecified), or None; number words through text2num."""
    text = re.sub(r"\b(?:of|and)\b|,", " ", text).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    tokens = text.replace("-", " ").split()
    vague = _lexicon("vague_counts")["words"]
    if tokens and tokens[-1] in vague and all(t in {*vague, "a", "an"} for t in tokens):
        return "X"
    half = 0.5 if tokens[-1:] == ["half"] else 0.0
    tokens = tokens[:-1] if half else tokens
    if half and tokens[-1:] in (["a"], ["an"]):
        tokens = tokens[:-1]
    if len(tokens) > 1 and tokens[0] in {"a", "an"}:
        tokens = ["one", *tokens[1:]] if tokens[1] in {"hundred", "thousand"} else tokens[1:]
    if not tokens:
        return half or None
    if len(tokens) == 1 and tokens[0] in _lexicon("count_words"):
        return float(_lexicon("count_words")[tokens[0]]) + half
    try:
        return float(text2num(" ".join(tokens), "en")) + half
    except ValueError:
        return None


def unit_of(word: str) -> tuple[str, bool] | None:
    """The TimeML unit letter of a unit word ("years", "centuries") and whether it is a time."""
    units = _lexicon("units")
    for singular in (word, re.sub(r"ies$", "y", word), re.sub(r"a$", "um", word), word[:-1]):
        if singular in units:
            letter, is_time = units[singular]
            return str(letter), bool(is_time)
    return None


def duration(count: float | str, letter: str, is_time: bool) -> str:
    number = count if isinstance(count, str) else f"{count:g}"
    return f"PT{number}{letter}" if is_time else f"P{number}{letter}"


def _weekday_index(name: str) -> int:
    """Monday 0 to Sunday 6, as ``date.weekday()`` counts."""
    return int(_lexicon("weekdays")[name]) - 1


# Rules, tried in order.


def _reference(phrase: str, _: Anchor) -> Timex | None:
    return _timex(_lexicon("references").get(phrase))


def _holiday(phrase: str, anchor: Anchor) -> Timex | None:
    match = _rx("holiday").fullmatch(phrase)
    holidays = _lexicon("holidays")
    if match is None or match[1] not in holidays:
        return None
    rule = str(holidays[match[1]])
    year = int(match[2]) if match[2] else _year_for(anchor, int(rule[:2]) if rule[0] != "e" else 4)
    return _timex(None if year is None else holiday(rule, year).isoformat())


def holiday(rule: str, year: int) -> dt.date:
    """The day of a holiday rule (see ``[holidays]`` in ``dates.toml``) in ``year``."""
    if rule.startswith("easter"):
        sunday: dt.date = easter(year)
        return sunday + dt.timedelta(days=int(rule[6:]))
    match = re.fullmatch(r"(\d{2})-(\d{2})|(\d{2})-(\d|L)-([A-Z]{3})(?:\+(\d+))?", rule)
    if match is None:
        raise ValueError(f"bad holiday rule {rule!r}")
    if match[1]:
        return dt.date(year, int(match[1]), int(match[2]))
    weekday = next(
        _weekday_index(day) for day in _lexicon("weekdays") if day[:3] == match[5].lower()
    )
    first = dt.date(year, int(match[3]), 1)
    nth = -1 if match[4] == "L" else int(match[4])
    day: dt.date = first + relativedelta(day=31 if nth < 0 else 1, weekday=weekday_of(weekday, nth))
    return day + dt.timedelta(days=int(match[6] or 0))


def _year_for(anchor: Anchor, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) written without one: the year written earlier in the
    same sentence, else the occurrence nearest the publication date on the side the tense
    points to."""
    reference = parse_value(anchor.reference) if anchor.reference else None
    published = anchor.published
    if reference is not None and (published is None or (anchor.near and reference[1] == "Y")):
        return reference[0].year
    if published is None:
        return None
    here = (published.month, published.day if day is not None else 0)
    years = [published.year - 1, published.year, published.year + 1]
    if anchor.tense == "past":
        years = [y for y in years if (y, month, day or 0) <= (published.year, *here)]
    elif anchor.tense == "future":
        years = [y for y in years if (y, month, day or 0) >= (published.year, *here)]
    target = dt.date(published.year, month, min(day or 15, 28))
    return min(years, key=lambda y: abs((target.replace(year=y) - published).days))


def _set(phrase: str, _: Anchor) -> Timex | None:
    """ "every year", "daily", "each July", "every Sunday", "Tuesday nights"."""
    if phrase in _lexicon("sets.values"):
        return _timex(_lexicon("sets.values")[phrase], set_=True)
    match = _rx("set_weekday").fullmatch(phrase)
    if match and (match[1] or match[3] or match[5]):
        part = f"T{_lexicon('parts_of_day')[match[4]]}" if match[4] else ""
        return _timex(f"XXXX-WXX-{_weekday_index(match[2]) + 1}{part}", set_=True)
    if match := _rx("set_month").fullmatch(phrase):
        return _timex(f"XXXX-{_lexicon('months')[match[1]]:02d}", set_=True)
    match = _rx("set_unit").fullmatch(phrase)
    unit = unit_of(match[2]) if match else None
    if match is None or unit is None:
        return None
    count = count_of(match[1]) if match[1].strip() else 1
    return _timex(None if count is None else duration(count, *unit), set_=True)


def _offset(phrase: str, anchor: Anchor) -> Timex | None:
    """ "three years ago" (from the publication date), "a year earlier" (from the reference
    time, at its granularity: the quarter a year before the quarter just mentioned)."""
    match = _rx("offset").fullmatch(phrase)
    unit = unit_of(match[2]) if match else None
    if match is None or unit is None:
        return None
    forward = match[3] in {"later", "after", "hence", "from now"}
    plural = match[2].endswith(("s", "ia"))
    count = count_of(match[1]) if match[1].strip() else ("X" if plural else 1)
    if not isinstance(count, float | int) or count != int(count):
        return _timex("FUTURE_REF" if forward else "PAST_REF")
    letter = "D" if unit[1] else unit[0].replace("WE", "W")
    if letter not in _ORDER:
        return None
    reference = parse_value(anchor.reference or "")
    quarter = reference is not None and reference[1] == "Q" and anchor.near
    from_published = (match[3] in {"ago", "hence", "from now"} and not quarter) or not reference
    base = reference if not from_published else None
    if base is None:
        if anchor.published is None:
            return None
        base = (anchor.published, "D")
    granularity = base[1] if _ORDER.index(base[1]) < _ORDER.index(letter) else letter
    if from_published:
        granularity = letter
    day = moved(base[0], int(count) * (1 if forward else -1), letter)
    found = _timex(at(day, granularity))
    return None if found is None else replace(found, moves_reference=False)


def _duration(phrase: str, _: Anchor) -> Timex | None:
    """ "90 days", "the past two months", "a two-year", "several years", "weeks"."""
    phrase = re.sub(r"-(?=[a-z]+(?:-long|-old)?$)", " ", phrase)
    match = _rx("duration").fullmatch(phrase)
    unit = unit_of(match[4]) if match else None
    if match is None or unit is None:
        return None
    plural = match[4].endswith(("s", "ia"))
    count: float | str | None
    if match[3].strip():
        count = count_of(match[3])
    elif plural:
        count = "X"
    else:
        return None
    if count is None or (not plural and isinstance(count, float) and count >= 1000):
        return None
    return _timex(duration(count, *unit))


def _day_word(phrase: str, anchor: Anchor) -> Timex | None:
    """ "today", "yesterday afternoon", "tonight", "this morning", "last night"."""
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}
    match = _rx("day_word").fullmatch(phrase)
    if match is None or anchor.published is None:
        return None
    if match[1] in {"this", "last"} and not match[2]:
        return None
    day = (anchor.published + dt.timedelta(days=offsets[match[1]])).isoformat()
    part = match[2] or ("tonight" if match[1] == "tonight" else None)
    return _timex(f"{day}T{_lexicon('parts_of_day')[part]}" if part else day)


def _weekday(phrase: str, anchor: Anchor) -> Timex | None:
    """ "Friday" (the last one, or the next one when the verb is future), "next Monday",
    "the following Tuesday" (after the reference day), "Sunday night"."""
    match = _rx("weekday").fullmatch(phrase)
    if match is None:
        return None
    modifier, weekday = match[1], _weekday_index(match[2])
    base = anchor.published
    reference = parse_value(anchor.reference or "")
    if modifier in {"that", "the following", "the previous"}:
        base = reference[0] if reference and reference[1] == "D" else None
    if base is None:
        return None
    back, forward = (base.weekday() - weekday) % 7, (weekday - base.weekday()) % 7
    if modifier in {"last", "the previous"}:
        delta = -(back or 7)
    elif modifier in {"next", "the following"}:
        delta = forward or 7
    elif anchor.tense == "future":
        delta = forward
    else:
        delta = -back
    day = (base + dt.timedelta(days=delta)).isoformat()
    return _timex(f"{day}T{_lexicon('parts_of_day')[match[3]]}" if match[3] else day)


def _quarter(phrase: str, anchor: Anchor) -> Timex | None:
    """ "the third quarter", "last year's fourth quarter", "the latest quarter", "the
    year-ago period" (the quarter a year before the quarter just mentioned)."""
    phrase = re.sub(r"'s\b", "", phrase)
    if match := _rx("quarter").fullmatch(phrase):
        quarter = int(_lexicon("ordinals")[match[2]])
        year = _quarter_year(match[1] or match[3], anchor, quarter)
        return _timex(None if year is None else f"{year}-Q{quarter}")
    match = _rx("period").fullmatch(phrase)
    published = anchor.published
    if match is None or (match[2] == "period" and not match[1]) or published is None:
        return None
    reference = parse_value(anchor.reference or "")
    base = reference[0] if reference and reference[1] == "Q" else moved(published, -1, "Q")
    if match[1] and match[1].isdigit():
        base = base.replace(year=int(match[1]))
    earlier = match[1] in {"year-ago", "year-earlier"}
    found = _timex(at(moved(base, -4 if earlier else 0, "Q"), "Q"))
    return replace(found, moves_reference=False) if found and earlier else found


def _quarter_year(text: str | None, anchor: Anchor, quarter: int) -> int | None:
    """The year written ("1989", "last year") or, without one, that of the quarter's middle
    month nearest the publication date on the tense's side."""
    published = anchor.published
    if text and text.isdigit():
        return int(text)
    if published is None:
        return None
    if text is None:
        return _year_for(anchor, quarter * 3 - 1)
    return published.year + {"last year": -1, "next year": 1}.get(text, 0)


def _relative(phrase: str, anchor: Anchor) -> Timex | None:
    """ "last week", "this summer", "next April" (from the publication date); "the following
    month", "that year" (from the reference time)."""
    match = _rx("relative").fullmatch(phrase)
    if match is None:
        return None
    word, noun = match[2], match[3]
    from_reference = word in _lexicon("reference_steps")
    step = int(_lexicon("reference_steps" if from_reference else "steps")[word])
    seasons, unit = _lexicon("seasons"), unit_of(noun)
    letter = "Q" if noun in seasons else unit[0] if unit else "M"
    base = anchor.published
    if from_reference or (match[1] and word in {"next", "previous"}):
        reference = parse_value(anchor.reference or "")
        finer = reference and _ORDER.index(reference[1]) <= _ORDER.index(letter.replace("WE", "W"))
        base = reference[0] if reference and finer else None
    if base is None:
        return None
    if noun in seasons:
        return _timex(f"{_season_year(base, _SEASON_START[seasons[noun]], step)}-{seasons[noun]}")
    if unit is None:
        month = int(_lexicon("months")[noun])
        return _timex(f"{_season_year(base, month, step, 1)}-{month:02d}")
    return _timex(at(moved(base, step, letter), letter))


def _season_year(base: dt.date, start: int, step: int, months: int = 3) -> int:
    """The year of "last", "this" or "next" season (or month) starting in month ``start``."""
    ended = (base.month - start) % 12 >= months if start == 12 else base.month >= start + months
    started = base.month >= start
    if step < 0:
        return base.year if ended else base.year - 1
    if step > 0:
        return base.year if not started else base.year + 1
    return base.year


def _season(phrase: str, anchor: Anchor) -> Timex | None:
    match = _rx("season").fullmatch(phrase)
    if match is None:
        return None
    letter = str(_lexicon("seasons")[match[2]])
    year = match[1] or match[3] or _year_for(anchor, _SEASON_START[letter])
    return _timex(f"{year}-{letter}" if year else f"XXXX-{letter}")


def _era(phrase: str, anchor: Anchor) -> Timex | None:
    """Decades ("the 1990s", "the '80s", "the nineties") and centuries ("the 20th century")."""
    if match := _rx("decade").fullmatch(phrase):
        century = match[1]
        if century is None and anchor.published is not None:
            year = anchor.published.year
            century = str(year // 100 - (int(match[2]) * 10 > year % 100))
        return _timex(f"{century}{match[2]}" if century else None)
    if match := _rx("decade_word").fullmatch(phrase):
        return _era(f"the '{_lexicon('decades')[match[1]]}0s", anchor)
    if match := _rx("century").fullmatch(phrase):
        return _timex(f"{int(match[1]) - 1:02d}")
    return None


def _year(phrase: str, _: Anchor) -> Timex | None:
    """ "2012", "the year 2000", "nineteen ninety-six", "the year two thousand"."""
    match = _rx("year").fullmatch(phrase)
    if match and 1000 <= int(match[1]) <= 2999:
        return _timex(match[1])
    spoken = _rx("spoken_year").fullmatch(phrase)
    if spoken is None:
        return None
    hundreds, rest = count_of(spoken[1]), count_of(spoken[2]) if spoken[2] else 0.0
    if not isinstance(hundreds, float) or not isinstance(rest, float) or rest >= 100:
        return None
    year = int(hundreds) if hundreds >= 1000 else int(hundreds) * 100
    return _timex(str(year + int(rest)) if 1000 <= year <= 2999 else None)


def _clock(phrase: str, anchor: Anchor) -> Timex | None:
    """ "8 PM", "7:30 p.m. Thursday", "noon": on the day written, else the reference day."""
    match = _rx("clock").search(phrase)
    if match is None:
        return None
    if match[4]:
        clock = str(_lexicon("clock_words")[match[4]])
    else:
        hour = int(match[1]) % 12 + (12 if match[3].startswith("p") else 0)
        clock = f"{hour:02d}:{match[2] or '00'}"
    rest = re.sub(r"\b(?:at|on|of)\b|,", " ", phrase[: match.start()] + phrase[match.end() :])
    rest = re.sub(r"\b(?:[a-z]s?t|[a-z]dt|gmt|utc|local time)\b", " ", rest).strip()
    reference = parse_value(anchor.reference or "")
    day = reference[0].isoformat() if reference and reference[1] == "D" else None
    if rest:
        found = normalise(rest, anchor)
        day = found.value[:10] if found.value and parse_value(found.value[:10]) else None
    elif day is None and anchor.published is not None:
        day = anchor.published.isoformat()
    return _timex(f"{day}T{clock}" if day else f"XXXX-XX-XXT{clock}")


def _absolute(phrase: str, anchor: Anchor) -> Timex | None:
    """Month names, days and years through dateparser, at the granularity the text gives; a
    weekday written with the date picks its year."""
    weekday = re.match(r"([a-z]+day),? ", phrase)
    weekday = weekday if weekday and weekday[1] in _lexicon("weekdays") else None
    core = phrase[weekday.end() :] if weekday else phrase
    if anchor.published is not None:
        this_year, steps = anchor.published.year, _lexicon("steps")
        core = re.sub(r",? (last|this|next) year$", lambda m: f" {this_year + steps[m[1]]}", core)
    has_year = re.search(r"\b\d{4}\b", core) is not None
    numeric = re.fullmatch(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}", core) is not None
    if not (numeric or _rx("month_name").search(core)) or re.search(r"\b\d{3}\b|\d{5}", core):
        return None
    has_day = numeric or re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", core) is not None
    day = _parsed(core)
    if day is None:
        return None
    if not has_year:
        year = _year_for(anchor, day.month, day.day if has_day else None)
        if year is None:
            return _timex(f"XXXX-{day.month:02d}-{day.day:02d}" if has_day else None)
        day = day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)
        if weekday and has_day:
            written = _weekday_index(weekday[1])
            shifts = (day.replace(year=day.year + shift) for shift in (0, 1, -1))
            day = min(shifts, key=lambda candidate: candidate.weekday() != written)
    return _timex(day.isoformat() if has_day else at(day, "M"))


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> dt.date | None:
    """dateparser's reading of a date written out; the same few recur across a corpus."""
    month = _lexicon("months").get(text)
    if month is not None:
        return dt.date(2000, month, 1)
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def _part_of_day(phrase: str, anchor: Anchor) -> Timex | None:
    """ "Sunday night", "yesterday afternoon", "the morning": a day and a part of it."""
    match = _rx("part_of_day").fullmatch(phrase)
    if match is None or (match[1] and match[3]):
        return None
    rest = match[1] or match[3]
    reference = parse_value(anchor.reference or "")
    day = reference[0].isoformat() if reference and reference[1] == "D" else None
    if rest not in {None, "the", "this", "that"}:
        found = normalise(rest, anchor).value
        day = found if found and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found) else None
    elif anchor.published is not None and rest != "that":
        day = anchor.published.isoformat()
    return _timex(f"{day}T{_lexicon('parts_of_day')[match[2]]}" if day else None)


def _vague(phrase: str, anchor: Anchor) -> Timex | None:
    """ "the day", "the year", "the weekend": the reference day, the publication's year and
    weekend."""
    reference = parse_value(anchor.reference or "")
    published = anchor.published
    if phrase in {"the day", "the same day"}:
        day = reference[0] if reference and reference[1] == "D" else published
        return _timex(day.isoformat() if day else None)
    if phrase in {"the year", "the full year"} and published is not None:
        return _timex(str(reference[0].year if reference and anchor.near else published.year))
    if phrase == "the weekend" and published is not None:
        back = anchor.tense == "past" and published.weekday() < 5
        return _timex(at(moved(published, -1 if back else 0, "W"), "WE"))
    return None


_RULES: list[Callable[[str, Anchor], Timex | None]] = [
    _reference, _holiday, _set, _offset, _quarter, _duration, _day_word, _weekday, _relative,
    _season, _era, _year, _clock, _part_of_day, _absolute, _vague,
]  # fmt: skip
