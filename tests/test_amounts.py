import pytest

from nutgraf.extractors import amounts
from nutgraf.extractors.amounts import read


def found(parse, text):
    return [(a.value, a.counted, a.unit) for a in amounts.extract(parse(text))]


def texts(parse, text):
    return [a.text for a in amounts.extract(parse(text))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("600", 600),
        ("50,000", 50000),
        ("1.5 million", 1_500_000),
        ("$48 million", 48_000_000),
        ("Seven", 7),
        ("twenty-five", 25),
        ("two hundred thousand", 200_000),
        ("a dozen", 12),
        ("3.2bn", 3_200_000_000),
        ("two dozen", 24),
        ("half a million", 500_000),
        ("two and a half million", 2_500_000),
        ("one hundred and five", 105),
    ],
)
def test_numbers_in_digits_and_words(text, value):
    reading = read(text)
    assert reading is not None and reading.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("1/3", 0.333333), ("3/4", 0.75), ("1 1/2", 1.5), ("a third", 0.333333),
     ("three quarters", 0.75), ("one and a half", 1.5)],
)  # fmt: skip
def test_fractions_and_mixed_numbers(text, value):
    reading = read(text)
    assert reading is not None and reading.value == value


def test_fractions_in_a_recipe(parse):
    result = found(parse, "Mix 1/3 cup of milk with 3/4 teaspoon of salt and 1 1/2 cups of flour.")
    assert [value for value, _, _ in result] == [0.333333, 0.75, 1.5]
    assert [counted for _, counted, _ in result] == ["cup", "teaspoon", "cups"]


def test_number_words_with_a_decimal_point_and_per_cent(parse):
    assert found(parse, "Unemployment rose by one point three per cent last month.") == [
        (1.3, "Unemployment", "%")
    ]


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "low", "high"),
    [
        ("between 40 and 50", "range", 40, 40, 50),
        ("between two and three million", "range", 2_000_000, 2_000_000, 3_000_000),
        ("£20-30m", "range", 20_000_000, 20_000_000, 30_000_000),
        ("up to 3,000", "at_most", 3000, None, None),
        ("nearly 200", "approx", 200, None, None),
        ("more than a dozen", "at_least", 12, None, None),
        ("about 5%", "approx", 5, None, None),
        ("10,000 or more", "at_least", 10_000, None, None),
    ],
)
def test_ranges_and_qualifiers(text, qualifier, value, low, high):
    reading = read(text)
    assert reading is not None
    assert (reading.qualifier, reading.value, reading.low, reading.high) == (
        qualifier, value, low, high
    )  # fmt: skip


def test_ranges_and_qualifiers_in_a_sentence(parse):
    doc = parse(
        "Between 40 and 50 troops left, up to 3,000 people fled, nearly 200 homes burned "
        "and more than a dozen cars were lost."
    )
    found_amounts = [(a.qualifier, a.low, a.high, a.counted) for a in amounts.extract(doc)]
    assert found_amounts == [
        ("range", 40, 50, "troops"),
        ("at_most", None, None, "people"),
        ("approx", None, None, "homes"),
        ("at_least", None, None, "cars"),
    ]


def test_a_hyphenated_range_is_one_amount(parse):
    doc = parse("Police said 20-30 people gathered outside.")
    assert [(a.text, a.low, a.high, a.counted) for a in amounts.extract(doc)] == [
        ("20-30", 20, 30, "people")
    ]


def test_what_a_number_counts(parse):
    assert found(parse, "The 600 Japanese troops were sent to Iraq.") == [
        (600, "Japanese troops", None)
    ]
    assert found(parse, "Seven Japanese have been kidnapped.") == [(7, "Japanese", None)]
    assert found(parse, "Two of them were killed.") == [(2, "them", None)]


def test_the_entity_in_what_is_counted(parse):
    doc = parse("The 600 Japanese troops were sent to Iraq.")
    assert [a.counted_entity for a in amounts.extract(doc)] == ["Japanese"]


def test_a_share_counts_its_of_phrase(parse):
    assert found(parse, "About 5% of Georgian businesses are under investigation.") == [
        (5, "Georgian businesses", "%")
    ]


def test_money_and_percentages_have_units(parse):
    result = found(parse, "The city will spend $48 million, and the state will cover 25 percent.")
    assert (48_000_000, None, "USD") in result
    assert any(value == 25 and unit == "%" for value, _, unit in result)


def test_currencies_by_sign_and_name(parse):
    result = found(parse, "It paid US$5m, A$3bn and 40 euros, and owes 2 million Japanese yen.")
    assert [(value, unit) for value, _, unit in result] == [
        (5_000_000, "USD"), (3_000_000_000, "AUD"), (40, "EUR"), (2_000_000, "JPY")
    ]  # fmt: skip


def test_units_of_measure(parse):
    result = found(parse, "The pipeline runs 1,200 kilometres and carries 84 million barrels.")
    assert [(value, unit) for value, _, unit in result] == [(1200, "km"), (84_000_000, "bbl")]


def test_m_is_million_before_people(parse):
    assert found(parse, "The show drew 20m viewers.") == [(20_000_000, "viewers", None)]


def test_no_casualties_is_zero(parse):
    assert found(parse, "There were no casualties among the soldiers.") == [(0, "casualties", None)]


def test_offsets_point_into_the_text(parse):
    text = "About 3,200 residents live there, and 140 homes were flooded; two people were hurt."
    for amount in amounts.extract(parse(text)):
        assert text[amount.start : amount.end] == amount.text


def test_currency_and_scale_next_to_the_number(parse):
    result = found(parse, "The firm raised $500m and £25.5bn, and spent $1.7bn on the deal.")
    assert (500_000_000, None, "USD") in result
    assert (25_500_000_000, None, "GBP") in result
    assert (1_700_000_000, None, "USD") in result


def test_money_that_spacy_took_for_a_name(parse):
    doc = parse("Enron $280bn case opens.")
    assert [(a.text, a.value, a.unit) for a in amounts.extract(doc)] == [
        ("$280bn", 280_000_000_000, "USD")
    ]


def test_scores_vague_numbers_and_pronouns_are_not_amounts(parse):
    text = (
        "Arsenal lost 2-0 at half-time. Millions of viewers watched. "
        "If one is proposed, we will consider it."
    )
    assert found(parse, text) == []


def test_one_of_is_not_an_amount_of_one(parse):
    assert texts(parse, "The firm is now one of the biggest investors in Google.") == []


def test_vague_sizes_are_not_amounts(parse):
    text = (
        "It was a multi-billion dollar deal for a billion-dollar industry; tens of thousands came."
    )
    assert texts(parse, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Clint Eastwood won for Million Dollar Baby last year.",
        "Sales slowed in Q3 as buyers waited.",
        "Users of IE 6/7 saw the fault.",
        "The update for Windows 10 arrives soon.",
        "Call (408) 555-1234 for details.",
        "The meeting ended at 4:25 in the afternoon.",
        "The case of the Guildford Four was reopened.",
        "The Boeing 747 and the G8 summit and the MP3 player.",
        "He lives at No 10 and works in Room 101.",
        "Arnold presented the children's show Number 73 in the 1980s.",
        "The 25-year-old man, aged 30 by now, finished 21st.",
    ],
)
def test_names_titles_codes_times_ages_and_ranks_are_not_amounts(parse, text):
    assert texts(parse, text) == []


def test_a_hyphenated_noun_is_counted_whole(parse):
    assert found(parse, "She sent two e-mail messages.")[0][:2] == (2, "e-mail messages")


def test_prices_with_pence_are_not_times_but_clock_times_are(parse):
    assert found(parse, "Shares were up 2.4% at $20.15 on Monday.") == [
        (2.4, "Shares", "%"), (20.15, "Shares", "USD")
    ]  # fmt: skip
    assert texts(parse, "The polls closed at 8.40pm and results came at 9:15.") == []


def test_a_list_number_is_not_an_amount(parse):
    assert texts(parse, "Here is what we learned.\n\n1. The party is split.") == []


def test_the_words_between_number_and_noun_are_counted(parse):
    assert found(parse, "Voters must hold a half-dozen Senate seats.") == [
        (6, "Senate seats", None)
    ]


def test_slashes_that_are_not_fractions(parse):
    text = "The 9/11 attacks changed the 2005/06 budget; the shop is open 24/7."
    assert texts(parse, text) == []


def test_pence_and_cents(parse):
    result = found(parse, "Shares rose 64 pence to 1130p, and coffee costs 50 cents.")
    assert [(value, unit) for value, _, unit in result] == [
        (0.64, "GBP"), (11.3, "GBP"), (0.5, "USD")
    ]  # fmt: skip


def test_a_seed_in_brackets_is_not_an_amount(parse):
    assert texts(parse, "The seeds are New Zealand (1), Fiji (3) and Samoa (7).") == []


def test_as_many_as_is_an_upper_bound(parse):
    doc = parse("As many as 300 jobs will be lost.")
    assert [(a.value, a.qualifier, a.counted) for a in amounts.extract(doc)] == [
        (300, "at_most", "jobs")
    ]


def test_one_or_two_is_a_range(parse):
    doc = parse("These may be too focused on one or two product lines.")
    assert [(a.low, a.high, a.counted) for a in amounts.extract(doc)] == [(1, 2, "product lines")]


def test_units_glued_to_the_number(parse):
    result = found(parse, "Speeds reach up to 14.4Mbps, and the dam makes 2kW.")
    assert [(value, unit) for value, _, unit in result] == [(14.4, "Mbit/s"), (2, "kW")]


def test_a_number_glued_to_a_capital_is_a_name(parse):
    assert texts(parse, "Few owners want 3G phones or 3D games.") == []


def test_a_few_billion_is_vague(parse):
    assert texts(parse, "It will take more than a few billion dollars.") == []


def test_tennis_scores_are_not_ranges(parse):
    assert texts(parse, "Zvonareva crashed 6-2 6-4 to Kuznetsova on Wednesday.") == []


def test_currency_with_an_irregular_plural(parse):
    assert found(parse, "Profit was 6.3bn kronor last year.") == [(6_300_000_000, "Profit", "SEK")]


def test_one_on_its_own_is_not_a_count(parse):
    text = "We have hay, for one thing. One message read Stop. She backed one key program."
    assert texts(parse, text) == []


def test_shares_written_as_two_numbers(parse):
    doc = parse("Nearly three out of four girls said so, and about 4 in 10 voters are angry.")
    assert [(a.value, a.qualifier, a.counted) for a in amounts.extract(doc)] == [
        (0.75, "approx", "girls"), (0.4, "approx", "voters")
    ]  # fmt: skip


def test_age_ranges_are_not_amounts(parse):
    text = "Children between the ages of 10 and 17 spent more; so did 18 to 24-year-old males."
    assert texts(parse, text) == []


def test_a_distance_that_names_a_race(parse):
    assert texts(parse, "He won the world 5,000m title, then Bekele's 5,000m record fell.") == []
    assert found(parse, "She ran 200m before she fell.") == [(200, None, "m")]


def test_percentage_points_and_square_measures(parse):
    result = found(
        parse, "Support fell 4.2 percentage points; the hall covers 1.5 million square feet."
    )
    assert [(value, unit) for value, _, unit in result] == [(4.2, "pp"), (1_500_000, "ft**2")]


def test_lengths_of_time_are_amounts_but_points_in_time_are_not(parse):
    doc = parse("Over the past 20 years and the next 12 months, it raised $5m in 72 hours.")
    assert [(a.value, a.unit) for a in amounts.extract(doc)] == [
        (20, "yr"), (12, "month"), (5_000_000, "USD"), (72, "h")
    ]  # fmt: skip
    assert texts(parse, "The firm warned 10 days ago that it was short of cash.") == []


def test_a_number_in_a_hyphenated_word_counts_the_noun_after_it(parse):
    assert found(parse, "Schilling, a six-time All-Star, entered a two-man race.") == [
        (6, "All-Star", None), (2, "race", None)
    ]  # fmt: skip
    assert texts(parse, "It was a one-off charge at half-time.") == []


def test_what_money_and_shares_are_of(parse):
    text = (
        "The country has a $1.7bn public debt. Sales rose 2% to $11.1bn. It had $5m in cash. "
        "It has debts of more than 6bn euros."
    )
    assert [(a.value, a.counted) for a in amounts.extract(parse(text))] == [
        (1_700_000_000, "public debt"), (2, "Sales"), (11_100_000_000, "Sales"),
        (5_000_000, "cash"), (6_000_000_000, "debts"),
    ]  # fmt: skip


def test_a_count_whose_noun_is_left_out(parse):
    doc = parse("Clinton has won at least 175 delegates. Sanders will win at least 73.")
    assert [(a.value, a.counted) for a in amounts.extract(doc)] == [
        (175, "delegates"), (73, "delegates")
    ]  # fmt: skip


@pytest.mark.parametrize("words", [["1/2/2011"], ["1895.22/3/4"], ["1.2.3"], ["5/0"]])
def test_digits_that_make_no_one_number_give_no_value(words):
    """What only starts with a digit (a version, a date with slashes) is no number, and never
    an error that would stop a corpus run."""
    assert amounts.number_value(words) is None
