import datetime as dt

import pytest

from nutgraf.calendar import CalendarValue, parse_calendar_date, resolve
from nutgraf.extractors import dates

TUESDAY = dt.date(2006, 6, 20)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Tuesday", "past", "2006-06-20"),
        ("Monday", "past", "2006-06-19"),
        ("Wednesday", "past", "2006-06-14"),
        ("Wednesday", "future", "2006-06-21"),
        ("next Monday", "present", "2006-06-26"),
        ("last Tuesday", "past", "2006-06-13"),
        ("yesterday", "past", "2006-06-19"),
        ("last week", "past", "2006-06-12"),
        ("last month", "past", "2006-05"),
        ("last year", "past", "2005"),
        ("three days ago", "past", "2006-06-17"),
        ("2004", "past", "2004"),
        ("late June", "present", "2006-06"),
        ("September", "present", "2006-09"),
        ("March 3", "past", "2006-03-03"),
        ("June 20, 2006", "past", "2006-06-20"),
        ("Nov. 3, 2004", "past", "2004-11-03"),
        ("May 2001", "past", "2001-05"),
    ],
)
def test_calendar_values(text, tense, value):
    resolved = resolve(text, TUESDAY, tense)
    assert resolved is not None and resolved.value == value


def test_the_following_year_follows_the_year_just_mentioned():
    resolved = resolve("the following year", TUESDAY, "past", CalendarValue("2002", "year"))
    assert resolved is not None and resolved.value == "2003"


@pytest.mark.parametrize("text", ["weeks", "recent years", "18 months", "the 1990s", "decades"])
def test_durations_and_vague_periods_have_no_value(text):
    assert resolve(text, TUESDAY, "past") is None


def test_relative_dates_need_a_publication_date():
    assert resolve("Tuesday", None, "past") is None
    resolved = resolve("2004", None, "past")
    assert resolved is not None and resolved.value == "2004"


def test_full_dates_parse_strictly():
    assert parse_calendar_date("June 20, 2006") == "2006-06-20"
    assert parse_calendar_date("June 2006") is None


def test_dates_in_a_text_use_tense_and_the_last_year(parse):
    doc = parse(
        "Tokyo backed the attack on Afghanistan in 2002 and the invasion of Iraq the following "
        "year. The minister will visit Washington on Friday."
    )
    found = {d.text: d.value for d in dates.extract(doc, "2006-06-20")}
    assert found["2002"] == "2002"
    assert found["the following year"] == "2003"
    assert found["Friday"] == "2006-06-23"


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("November", dt.date(2016, 2, 19), "2015-11"),
        ("Nov. 8", dt.date(2016, 5, 16), "2016-11-08"),
        ("January 20", dt.date(2016, 12, 1), "2017-01-20"),
    ],
)
def test_a_date_without_a_year_is_the_nearest_one(text, published, value):
    resolved = resolve(text, published, "present")
    assert resolved is not None and resolved.value == value


def test_the_next_month_follows_the_month_just_mentioned():
    september = CalendarValue("2015-09", "month")
    resolved = resolve("The next month", dt.date(2016, 2, 19), "past", september)
    assert resolved is not None and resolved.value == "2015-10"
    assert resolve("the next day", TUESDAY, "past", None) is None


def test_ages_and_frequencies_are_not_dates(parse):
    doc = parse("The 83-year-old judge holds monthly meetings and spoke on Monday night.")
    assert [d.text for d in dates.extract(doc, "2006-06-20")] == ["Monday night"]


def test_a_date_on_a_noun_does_not_take_the_verbs_tense(parse):
    doc = parse("The results of Tuesday's primaries will force the party to change course.")
    found = dates.extract(doc, "2016-04-28")
    assert [(d.text, d.value) for d in found] == [("Tuesday", "2016-04-26")]
