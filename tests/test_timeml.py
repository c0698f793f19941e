"""TimeML (TIMEX3) values, one kind of expression per test, on phrases and sentences written
for them. The publication date is Friday 22 March 2013 unless a test says otherwise."""

import datetime as dt

import pytest

from nutgraf.extractors import dates
from nutgraf.timeml import Anchor, Timex, holiday, normalise

FRIDAY = dt.date(2013, 3, 22)


def timex(text: str, tense: str = "present", reference: str | None = None) -> Timex:
    return normalise(text, Anchor(FRIDAY, reference, tense, near=False))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("March 22, 2013", "2013-03-22"),
        ("today", "2013-03-22"),
        ("yesterday", "2013-03-21"),
        ("last week", "2013-W11"),
        ("the last week", "2013-W11"),
        ("this month", "2013-03"),
        ("next year", "2014"),
        ("the past year", "2012"),
        ("last summer", "2012-SU"),
        ("this winter", "2013-WI"),
        ("the third quarter", "2013-Q3"),
        ("the 1990s", "199"),
        ("the '80s", "198"),
        ("the nineties", "199"),
        ("the 20th century", "19"),
        ("the year two thousand", "2000"),
        ("fiscal 2012", "2012"),
        ("June last year", "2012-06"),
        ("the weekend", "2013-W12-WE"),
    ],
)
def test_dates(text, value):
    assert timex(text) == Timex("DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sunday night", "2013-03-17TNI"),
        ("yesterday afternoon", "2013-03-21TAF"),
        ("this morning", "2013-03-22TMO"),
        ("tonight", "2013-03-22TNI"),
        ("8 PM", "2013-03-22T20:00"),
        ("7:30 p.m. Thursday", "2013-03-21T19:30"),
        ("noon", "2013-03-22T12:00"),
    ],
)
def test_times_of_day(text, value):
    assert timex(text, "past") == Timex("TIME", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a decade", "P1DE"),
        ("90 days", "P90D"),
        ("the past two months", "P2M"),
        ("the first nine months", "P9M"),
        ("twenty four hours", "PT24H"),
        ("30 minutes", "PT30M"),
        ("a few days", "PXD"),
        ("several years", "PXY"),
        ("weeks", "PXW"),
        ("a two-year", "P2Y"),
        ("one and a half years", "P1.5Y"),
    ],
)
def test_durations(text, value):
    assert timex(text) == Timex("DURATION", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("every year", "P1Y"),
        ("each week", "P1W"),
        ("daily", "P1D"),
        ("every Sunday", "XXXX-WXX-7"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
        ("each July", "XXXX-07"),
    ],
)
def test_sets(text, value):
    assert timex(text) == Timex("SET", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("soon", "FUTURE_REF"),
        ("several years ago", "PAST_REF"),
    ],
)
def test_vague_references(text, value):
    assert timex(text) == Timex("DATE", value)


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("more than two years", "P2Y", "MORE_THAN"),
        ("about a month", "P1M", "APPROX"),
        ("at least 30 days", "P30D", "EQUAL_OR_MORE"),
        ("early 2012", "2012", "START"),
        ("the end of 2012", "2012", "END"),
        ("mid-November", "2012-11", "MID"),
        ("the late 1990s", "199", "END"),
        ("a week or so", "P1W", "APPROX"),
    ],
)
def test_mods(text, value, mod):
    found = timex(text, "past")
    assert (found.value, found.mod) == (value, mod)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Thanksgiving Day", "past", "2012-11-22"),
        ("Thanksgiving", "future", "2013-11-28"),
        ("Christmas Eve", "future", "2013-12-24"),
        ("Christmas", "past", "2012-12-25"),
        ("Labor Day", "future", "2013-09-02"),
        ("Memorial Day", "past", "2012-05-28"),
        ("Easter", "future", "2013-03-31"),
        ("Good Friday, 2010", "past", "2010-04-02"),
        ("New Year's Day", "past", "2013-01-01"),
    ],
)
def test_holidays_fall_in_the_year_the_tense_points_to(text, tense, value):
    assert timex(text, tense) == Timex("DATE", value)


def test_holiday_rules():
    assert holiday("11-4-THU", 2012) == dt.date(2012, 11, 22)
    assert holiday("05-L-MON", 2013) == dt.date(2013, 5, 27)
    assert holiday("11-4-THU+1", 2013) == dt.date(2013, 11, 29)
    assert holiday("easter-2", 2013) == dt.date(2013, 3, 29)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Monday", "past", "2013-03-18"),
        ("Monday", "future", "2013-03-25"),
        ("Friday", "past", "2013-03-22"),
        ("August", "past", "2012-08"),
        ("August", "future", "2013-08"),
        ("January", "future", "2014-01"),
        ("the fourth quarter", "past", "2012-Q4"),
    ],
)
def test_weekdays_months_and_quarters_take_the_tense(text, tense, value):
    assert timex(text, tense).value == value


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("the following day", "2012-08-14", "2012-08-15"),
        ("the next month", "2012-08", "2012-09"),
        ("that year", "2009", "2009"),
        ("a year earlier", "2012-Q3", "2011-Q3"),
        ("three days later", "2012-08-14", "2012-08-17"),
        ("that day", "2012-08-14", "2012-08-14"),
        ("that day", "2012-08", None),
    ],
)
def test_relative_to_the_reference_time(text, reference, value):
    assert timex(text, "past", reference).value == value


def test_the_reference_time_moves_as_the_story_moves(parse):
    doc = parse(
        "The company was founded in 1998. In August 2009, it moved to Boston. "
        "That day, it hired its first engineer. The following year, sales doubled. "
        "Last week, it was sold."
    )
    found = {d.text: d.timex_value for d in dates.extract(doc, "2013-03-22")}
    assert found["1998"] == "1998"
    assert found["August 2009"] == "2009-08"
    assert found["The following year"] == "2010"
    assert found["Last week"] == "2013-W11"


def test_a_month_takes_the_year_written_in_its_sentence(parse):
    doc = parse("In 1990, the mill closed in August. It reopened in May.")
    values = [d.timex_value for d in dates.extract(doc, "2013-03-22")]
    assert values == ["1990", "1990-08", "2012-05"]


def test_a_weekday_takes_the_tense_of_its_verb(parse):
    doc = parse("The minister resigned on Monday. Her successor will be named on Monday.")
    assert [d.timex_value for d in dates.extract(doc, "2013-03-20")] == [
        "2013-03-18",
        "2013-03-25",
    ]


def test_each_expression_has_a_type_and_the_calendar_value_is_kept(parse):
    doc = parse(
        "Since the 1990s, the club has met every Sunday. Now, after a decade of decline, "
        "it will close on Christmas Eve at 8 PM."
    )
    found = {
        d.text: (d.timex_type, d.timex_value, d.value) for d in dates.extract(doc, "2013-03-22")
    }
    assert found["the 1990s"] == ("DATE", "199", None)
    assert found["every Sunday"] == ("SET", "XXXX-WXX-7", None)
    assert found["Now"] == ("DATE", "PRESENT_REF", None)
    assert found["a decade"] == ("DURATION", "P1DE", None)
    assert found["Christmas Eve"] == ("DATE", "2013-12-24", "2013-12-24")


def test_words_that_are_no_dates_are_left_out(parse):
    doc = parse(
        "The current account deficit and a recent filing were discussed by his former aide."
    )
    assert [d.text for d in dates.extract(doc, "2013-03-22")] == ["current", "recent"]
