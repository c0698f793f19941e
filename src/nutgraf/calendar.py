"""Calendar values of date expressions: the day, week, month or year a TimeML value names.

``nutgraf.timeml`` gives each expression its TIMEX3 value; this module reads the calendar
value kept on every date (for the corpus and timelines) out of it. Durations, sets, seasons,
quarters and vague references ("recently") have none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

from nutgraf.records import Granularity
from nutgraf.timeml import Anchor, Tense, Timex, normalise, parse_value

__all__ = ["CalendarValue", "Tense", "calendar_value", "parse_calendar_date", "resolve"]

_GRANULARITIES: dict[str, Granularity] = {"D": "day", "W": "week", "M": "month", "Y": "year"}


@dataclass(frozen=True)
class CalendarValue:
    value: str
    granularity: Granularity


def parse_calendar_date(text: str) -> str | None:
    """A full date written out ("June 20, 2006", "2006-06-20") as YYYY-MM-DD, else None."""
    if not re.search(r"\b\d{4}\b", text) or not re.search(r"\d", text):
        return None
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": [],
        "STRICT_PARSING": True,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None


def calendar_value(timex: Timex) -> CalendarValue | None:
    """The day (of a date or time), ISO week (as its Monday), month or year of a TIMEX3."""
    if timex.type not in {"DATE", "TIME"} or timex.value is None:
        return None
    parsed = parse_value(timex.value)
    if parsed is None or parsed[1] not in _GRANULARITIES:
        return None
    granularity = _GRANULARITIES[parsed[1]]
    day = parsed[0]
    value = {"day": day.isoformat(), "week": day.isoformat(), "month": day.isoformat()[:7]}
    return CalendarValue(value.get(granularity, f"{day.year:04d}"), granularity)


def resolve(
    text: str,
    published: dt.date | None,
    tense: Tense = "present",
    last: CalendarValue | None = None,
) -> CalendarValue | None:
    """The calendar value of one date expression, or None for durations and vague periods;
    ``last`` is the date mentioned just before ("the following year")."""
    anchor = Anchor(published, last.value if last else None, tense)
    return calendar_value(normalise(text, anchor))
