import pytest

from nutgraf.clean import (
    PageMetadata,
    clean_text,
    find_title,
    is_boilerplate,
    names_in_footer,
    split_paragraphs,
    take_dateline,
)
from nutgraf.errors import InputError

LEAD = "Japan said Tuesday it would withdraw its troops from Iraq within weeks."


@pytest.mark.parametrize(
    ("lead", "place", "agency"),
    [
        (f"TOKYO -- {LEAD}", "TOKYO", None),
        (f"WASHINGTON (AP) — {LEAD}", "WASHINGTON", "AP"),
        (f"LONDON, June 20 (Reuters) - {LEAD}", "LONDON", "Reuters"),
        (f"BEIRUT, Lebanon (AP) — {LEAD}", "BEIRUT, Lebanon", "AP"),
        (f"NEW YORK — {LEAD}", "NEW YORK", None),
        (f"(Reuters) — {LEAD}", None, "Reuters"),
        (f"Washington (AFP) - {LEAD}", "Washington", "AFP"),
    ],
)
def test_dateline_is_split_off_the_lead(lead, place, agency):
    found_place, found_agency, rest = take_dateline(lead)
    assert (found_place, found_agency, rest) == (place, agency, LEAD)


@pytest.mark.parametrize(
    "lead",
    [
        LEAD,
        "Washington - the city, not the state - has a new mayor after a long count.",
        "AIDS: the disease that changed a generation of doctors and their patients.",
    ],
)
def test_ordinary_leads_keep_their_words(lead):
    assert take_dateline(lead) == (None, None, lead)


@pytest.mark.parametrize(
    "line",
    [
        "Connect with the Southeast Missourian Newsroom:",
        "For corrections to this story or other insights for the editor, click here.",
        "Sign up for our daily newsletter",
        "Copyright 2024 The Daily Planet. All rights reserved.",
        "© 2019 Example Media Group",
        "Related: How the vote was counted",
        "Share this article",
        "Follow us on Twitter",
        "Reporting by Jane Roe; Editing by John Doe",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ],
)
def test_calls_to_action_and_notices_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        LEAD,
        '"Click here if you dare," the hacker wrote in the message, police said.',
        "The company said it would share its data with regulators by the end of the year.",
    ],
)
def test_news_sentences_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_publisher_is_read_from_the_footer():
    footer = [
        "Connect with the Southeast Missourian Newsroom:",
        "To learn about the Southeast Missourian’s AI Policy, click here.",
    ]
    assert names_in_footer(footer)[0] == "Southeast Missourian"
    assert names_in_footer(["© 2019 The Daily Planet. All rights reserved."]) == ["Daily Planet"]


def test_wire_copyright_gives_the_agency_not_the_publisher():
    text = f"{LEAD}\nMore words follow here for the body.\nCopyright 2006 The Associated Press."
    article = clean_text(text, PageMetadata(), None)
    assert article.agency == "AP"
    assert article.publisher is None


def test_title_byline_and_date_lines_are_read_from_the_header():
    text = (
        "Harbor city votes to rebuild flood wall\n\nBy Dana Whitfield\n\n"
        "Published: March 12, 2026\n\n"
        f"PORTVALE, Maine (AP) — {LEAD}\n\nSecond paragraph of the story.\n\n"
        "Sign up for our newsletter"
    )
    article = clean_text(text, PageMetadata(), None)
    assert article.title == "Harbor city votes to rebuild flood wall"
    assert article.byline == "Dana Whitfield"
    assert article.published == "2026-03-12"
    assert article.dateline == "PORTVALE, Maine"
    assert article.body == f"{LEAD}\n\nSecond paragraph of the story."
    assert article.boilerplate == ["Sign up for our newsletter"]


def test_callers_date_wins_over_the_pages():
    article = clean_text(LEAD, PageMetadata(published="2001-01-01"), "2006-06-20")
    assert article.published == "2006-06-20"


def test_a_sentence_is_not_a_title():
    assert find_title([LEAD, "Two.", "Three."]) is None


def test_hard_wrapped_text_is_joined_into_paragraphs():
    text = (
        "The council voted on Tuesday to spend\nmillions rebuilding the flood wall that\n"
        "failed in the storm.\n\nThe mayor said the vote\nwas the right one for the\ncity.\n"
    )
    assert split_paragraphs(text) == [
        "The council voted on Tuesday to spend millions rebuilding the flood wall that "
        "failed in the storm.",
        "The mayor said the vote was the right one for the city.",
    ]


def test_only_boilerplate_is_refused():
    with pytest.raises(InputError, match="boilerplate"):
        clean_text("Click here to subscribe now\nShare this story", PageMetadata(), None)


def test_credits_sign_offs_and_crossheads_are_set_aside():
    text = (
        f"{LEAD}\n\nDIVISIVE, STUPID AND WRONG\n\nThe second paragraph of the story.\n\n"
        "(Additional reporting by Kylie MacLellan; Editing by Michael Holden)\n\n- Elise Viebeck."
    )
    article = clean_text(text, PageMetadata(), None)
    assert article.body == f"{LEAD}\n\nThe second paragraph of the story."
    assert article.byline == "Elise Viebeck"
    assert len(article.boilerplate) == 3
