"""Calendar values of date expressions, given the publication date and the tense around them.

Absolute dates ("June 20, 2006", "Nov. 3") go through dateparser; what news writes relative to
its own day ("Tuesday", "last week", "the following year") is resolved here, against the
publication date or the year last mentioned. Durations and vague periods get no value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

import dateparser

from nutgraf.records import Granularity

Tense = Literal["past", "present", "future"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_UNITS = {"day": 1, "week": 7}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": [],
}


@dataclass(frozen=True)
class CalendarValue:
    value: str
    granularity: Granularity


def parse_calendar_date(text: str) -> str | None:
    """A full date written out ("June 20, 2006", "2006-06-20") as YYYY-MM-DD, else None."""
    if not re.search(r"\b\d{4}\b", text) or not re.search(r"\d", text):
        return None
    settings = {**_DATEPARSER_SETTINGS, "STRICT_PARSING": True}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None


def resolve(
    text: str,
    published: dt.date | None,
    tense: Tense = "present",
    last: CalendarValue | None = None,
) -> CalendarValue | None:
    """The calendar value of one date expression, or None for durations and vague periods.

    ``last`` is the value of the date mentioned just before, for "the following year" and
    "the next month"."""
    phrase = normalise(text)
    sequel = _sequel(text, last)
    if sequel is not None or re.match(r"the (?:following|next|previous|preceding)\b", text.lower()):
        return sequel
    last_year = int(last.value[:4]) if last is not None else None
    for rule in (_year, _relative_year, _weekday, _relative_day, _relative_span, _ago):
        value = rule(phrase, published, tense, last_year)
        if value is not None:
            return value
    return _absolute(phrase, published)


def _sequel(text: str, last: CalendarValue | None) -> CalendarValue | None:
    """ "the following day/month/year", "the previous week": one step from the date before."""
    match = re.fullmatch(
        r"the (following|next|previous|preceding) (day|week|month|year)", text.lower().strip()
    )
    if match is None or last is None:
        return None
    step = 1 if match.group(1) in {"following", "next"} else -1
    unit = match.group(2)
    year = int(last.value[:4])
    month = int(last.value[5:7]) if len(last.value) >= 7 else 1
    if unit == "year":
        return CalendarValue(str(year + step), "year")
    if unit == "month" and len(last.value) >= 7:
        index = year * 12 + month - 1 + step
        return CalendarValue(f"{index // 12:04d}-{index % 12 + 1:02d}", "month")
    if unit in {"day", "week"} and len(last.value) == 10:
        day = dt.date.fromisoformat(last.value) + dt.timedelta(days=step * _UNITS[unit])
        return CalendarValue(day.isoformat(), "day" if unit == "day" else "week")
    return None


def normalise(text: str) -> str:
    """Lower case, no leading article or preposition, no trailing possessive."""
    phrase = text.lower().strip()
    phrase = re.sub(r"[’']s$", "", phrase)
    phrase = re.sub(r"^(?:the|on|in|since|by|until|from|of|this past)\s+", "", phrase)
    return re.sub(r"\s+", " ", phrase)


def _year(phrase: str, *_: object) -> CalendarValue | None:
    match = re.fullmatch(r"(?:(?:early|mid|late|mid-)\s*)?(?:the year\s+)?(\d{4})", phrase)
    if match and 1000 <= int(match.group(1)) <= 2999:
        return CalendarValue(match.group(1), "year")
    return None


def _relative_year(
    phrase: str, published: dt.date | None, _tense: Tense, last_year: int | None
) -> CalendarValue | None:
    """ "a year later" (after the year just mentioned); "last year", "next year" (from the
    publication date)."""
    if phrase in {"a year later", "year after"} and last_year is not None:
        return CalendarValue(str(last_year + 1), "year")
    if phrase in {"a year earlier", "year before"} and last_year is not None:
        return CalendarValue(str(last_year - 1), "year")
    offsets = {"last year": -1, "this year": 0, "next year": 1}
    if published is None or phrase not in offsets:
        return None
    return CalendarValue(str(published.year + offsets[phrase]), "year")


def _weekday(
    phrase: str, published: dt.date | None, tense: Tense, _last_year: int | None
) -> CalendarValue | None:
    match = re.fullmatch(
        rf"(?:(last|next|this|early|late)\s+)?({'|'.join(WEEKDAYS)})"
        r"(?:\s+(?:morning|afternoon|evening|night))?",
        phrase,
    )
    if match is None or published is None:
        return None
    modifier, weekday = match.group(1), WEEKDAYS.index(match.group(2))
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if modifier == "last":
        delta = -(back or 7)
    elif modifier == "next":
        delta = forward or 7
    elif tense == "future":
        delta = forward
    else:
        delta = -back
    return CalendarValue((published + dt.timedelta(days=delta)).isoformat(), "day")


def _relative_day(
    phrase: str, published: dt.date | None, _tense: Tense, _last_year: int | None
) -> CalendarValue | None:
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    match = re.fullmatch(r"(today|tonight|yesterday|tomorrow)(?:\s+\w+)?", phrase)
    if match is None or published is None:
        return None
    day = published + dt.timedelta(days=offsets[match.group(1)])
    return CalendarValue(day.isoformat(), "day")


def _relative_span(
    phrase: str, published: dt.date | None, _tense: Tense, _last_year: int | None
) -> CalendarValue | None:
    match = re.fullmatch(r"(last|this|next|past|previous|coming) (week|month)", phrase)
    if match is None or published is None or match.group(1) in {"past", "previous", "coming"}:
        return None
    step = {"last": -1, "this": 0, "next": 1}[match.group(1)]
    if match.group(2) == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return CalendarValue(monday.isoformat(), "week")
    month_index = published.year * 12 + published.month - 1 + step
    return CalendarValue(f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month")


def _ago(
    phrase: str, published: dt.date | None, _tense: Tense, _last_year: int | None
) -> CalendarValue | None:
    match = re.fullmatch(r"(\d+|[a-z]+) (day|week|month|year)s? ago", phrase)
    if match is None or published is None:
        return None
    count_text = match.group(1)
    count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS.get(count_text)
    if count is None:
        return None
    unit = match.group(2)
    if unit in _UNITS:
        day = published - dt.timedelta(days=count * _UNITS[unit])
        return CalendarValue(day.isoformat(), "day")
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 - count
        return CalendarValue(f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month")
    return CalendarValue(str(published.year - count), "year")


def _absolute(phrase: str, published: dt.date | None) -> CalendarValue | None:
    """Month names, days and years through dateparser; the granularity is what the text gives.

    A month or day without a year is put in the year that brings it nearest the publication
    date (news writes "November" for the last one or the next one, whichever is closer)."""
    core = re.sub(r"^(?:early|mid|late|mid-|end of|the end of|beginning of)\s*", "", phrase)
    has_month = re.search(rf"\b(?:{_MONTHS})\b\.?", core) is not None
    has_year = re.search(r"\b\d{4}\b", core) is not None
    numeric = re.fullmatch(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}", core) is not None
    if not (has_month or numeric):
        return None
    if not has_year and published is None:
        return None
    has_day = numeric or re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", core) is not None
    settings = {**_DATEPARSER_SETTINGS, "PREFER_DATES_FROM": "current_period"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(core, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if not has_year and published is not None:
        day = min(
            (_with_year(day, published.year + shift) for shift in (-1, 0, 1)),
            key=lambda candidate: abs((candidate - published).days),
        )
    if has_day:
        return CalendarValue(day.isoformat(), "day")
    return CalendarValue(f"{day.year:04d}-{day.month:02d}", "month")


def _with_year(day: dt.date, year: int) -> dt.date:
    return day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)
