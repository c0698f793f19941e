"""Property-based: whatever the text, extraction either refuses it with an InputError or
returns an article whose every span points into its body."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nutgraf
from nutgraf.errors import InputError
from tests.support import assert_spans_match

WORDS = [
    "the", "minister", "said", "Koizumi", "Tokyo", "troops", "600", "Tuesday", "he", "told",
    "reporters", "would", "withdraw", "from", "Iraq", "in", "2004", "seven", "percent", "U.S.",
    "according", "to", "officials", "“", "”", '"', "’", "'", ",", ".", "--", "—", "(AP)",
    "\n", "\n\n", "  ", "\t", "click here", "Copyright", "$5 million",
]  # fmt: skip
NEWSLIKE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    try:
        article = nutgraf.extract(text, published="2006-06-20")
    except InputError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert_spans_match(article.to_dict())


@SETTINGS
@given(NEWSLIKE)
def test_newslike_text_with_odd_marks_and_spaces(text):
    check(text)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_unicode_text(text):
    check(text)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    try:
        article = nutgraf.extract(data)
    except InputError:
        return
    assert_spans_match(article.to_dict())
