import pytest

from nutgraf.extractors import amounts
from nutgraf.extractors.amounts import parse_number


def found(parse, text):
    return [(a.value, a.counted, a.unit) for a in amounts.extract(parse(text))]


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
    ],
)
def test_numbers_in_digits_and_words(text, value):
    assert parse_number(text) == value


def test_what_a_number_counts(parse):
    assert found(parse, "The 600 Japanese troops were sent to Iraq.") == [
        (600, "Japanese troops", None)
    ]
    assert found(parse, "Seven Japanese have been kidnapped.") == [(7, "Japanese", None)]
    assert found(parse, "Two of them were killed.") == [(2, "them", None)]


def test_money_and_percentages_have_units(parse):
    result = found(parse, "The city will spend $48 million, and the state will cover 25 percent.")
    assert (48_000_000, None, "USD") in result
    assert any(value == 25 and unit == "%" for value, _, unit in result)


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


def test_scores_vague_numbers_and_pronouns_are_not_amounts(parse):
    text = (
        "Arsenal lost 2-0 at half-time. Millions of viewers watched. "
        "If one is proposed, we will consider it."
    )
    assert found(parse, text) == []


def test_a_hyphenated_noun_is_counted_whole(parse):
    assert found(parse, "She sent two e-mail messages.")[0][:2] == (2, "e-mail messages")
