import json

import pytest

from nutgraf.clean import (
    PageMetadata,
    clean_text,
    find_title,
    is_boilerplate,
    names_in_footer,
    page_title,
    person_byline,
    site_name,
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
        "Follow Ann Roe on Twitter @annroe.",
        '<tweet author="annroe" tweet_id="123">The wall vote is in</tweet>',
        "CORRECTION: An earlier version of this story misstated the cost of the wall.",
        "Questions and answers have been edited for length and clarity.",
        "Roe reported from Portvale.",
        "Jo Bloggs contributed to this report.",
        "Podcast produced by Sam Lee.",
        "Tips? Questions? Email us at harbor@example.org.",
        "Welcome to the Harbor Report, our weekly digest of news from the coast.",
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


# Every real shape of a news article (issue #14) --------------------------------------------

STORY = (
    "The city council voted on Tuesday to rebuild the harbor flood wall that failed during "
    "last month's storm, ending a debate that had split the town for more than a year."
)
MORE = "The vote was seven to two.\n\nWork starts in May."


@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("DENVER, Colo. (AP) —", "DENVER, Colo.", "AP"),
        ("OSLO (Reuters) -", "OSLO", "Reuters"),
        ("GREEN BAY, Wis. --", "GREEN BAY, Wis.", None),
        ("NAIROBI, Kenya —", "NAIROBI, Kenya", None),
        ("LAGOS, March 3 (Reuters) -", "LAGOS", "Reuters"),
        ("QUITO (AP) _", "QUITO", "AP"),
        ("WASHINGTON _", "WASHINGTON", None),
        ("WASHINGTON ―", "WASHINGTON", None),
        ("SAN JOSE, Calif., Jan. 14, 2025 /PRNewswire/ --", "SAN JOSE, Calif.", "PRNewswire"),
        ("Aug 27 (Reuters) -", None, "Reuters"),
    ],
)
def test_datelines_of_wire_forms(opening: str, place: str | None, agency: str | None) -> None:
    article = clean_text(f"{opening} {STORY}\n\n{MORE}", PageMetadata(), None)
    assert (article.dateline, article.agency) == (place, agency)
    assert article.body.startswith("The city council voted")


def test_a_dateline_on_its_own_line_before_the_lead() -> None:
    article = clean_text(f"CAIRO, May 3 (Xinhua) --\n\n{STORY}\n\n{MORE}", PageMetadata(), None)
    assert (article.dateline, article.agency) == ("CAIRO", "Xinhua")
    assert article.body.startswith("The city council voted")


def test_a_label_in_capitals_is_no_dateline() -> None:
    article = clean_text(f"EXCLUSIVE – {STORY}\n\n{MORE}", PageMetadata(), None)
    assert article.dateline is None


def test_a_deck_before_the_dateline_is_set_aside() -> None:
    deck = "Critics say the cost is too high."
    text = f"Wall wins in harbor town.\n\n{deck}\n\nPORTVALE - {STORY}\n\n{MORE}"
    article = clean_text(text, PageMetadata(), None)
    assert article.title == "Wall wins in harbor town"
    assert article.dateline == "PORTVALE"
    assert article.boilerplate == ["Critics say the cost is too high."]


@pytest.mark.parametrize(
    ("first", "title"),
    [
        (
            "Harbor City Votes To Rebuild Its Wall.",
            "Harbor City Votes To Rebuild Its Wall",
        ),
        ("Harbor city rebuilds its wall.", "Harbor city rebuilds its wall"),
        ("Harbor city rebuilds its wall;", "Harbor city rebuilds its wall"),
        (
            "Harbor city rebuilds its flood wall after storm",
            "Harbor city rebuilds its flood wall after storm",
        ),
    ],
)
def test_headlines_of_plain_text(first: str, title: str) -> None:
    article = clean_text(f"{first}\n\n{STORY}\n\n{MORE}", PageMetadata(), None)
    assert article.title == title
    assert article.body.startswith("The city council voted")


def test_a_headline_and_its_deck_are_one_title() -> None:
    """A database export's "Headline; \nDeck" is the printed headline, in two lines."""
    text = f"Harbor city rebuilds its wall; \nThe vote ends a year of debate.\n\n{STORY}\n\n{MORE}"
    article = clean_text(text, PageMetadata(), None)
    assert article.title == "Harbor city rebuilds its wall; The vote ends a year of debate."
    assert article.body.startswith("The city council voted")


@pytest.mark.parametrize(
    "first",
    [
        "Mayor says the harbor wall will be rebuilt by spring.",  # a sentence, then a dateline
        "Long-Time Residents of the Harbor Town Unite in Support of a New Flood Wall Plan.",
        "Harbor Town Votes To Rebuild the Flood Wall That Failed in Last Month's Storm After a "
        "Year of Debate Split Neighbours, Councillors and the Port's Owners.",  # 26 words
    ],
)
def test_headlines_before_a_dateline_with_hyphens_or_long_in_title_case(first: str) -> None:
    article = clean_text(f"{first}\n\nPORTVALE - {STORY}\n\n{MORE}", PageMetadata(), None)
    assert article.title == first.rstrip(".")
    assert article.dateline == "PORTVALE"


def test_a_bulleted_line_is_no_headline() -> None:
    text = f"- The wall will cost $12 million.\n\n{STORY}\n\n{MORE}"
    assert clean_text(text, PageMetadata(), None).title is None


def test_an_exports_abstract_and_labels_are_its_header() -> None:
    text = (
        f"Harbor city rebuilds its wall\n\nABSTRACT.\n\nThe council voted to rebuild the wall."
        f"\n\nFULL TEXT.\n\n{STORY}\n\n{MORE}"
    )
    article = clean_text(text, PageMetadata(), None)
    assert article.title == "Harbor city rebuilds its wall"
    assert article.body.startswith("The city council voted")
    assert article.boilerplate[:3] == [
        "ABSTRACT.",
        "The council voted to rebuild the wall.",
        "FULL TEXT.",
    ]


def test_a_wire_name_glued_to_the_lead_is_a_dateline() -> None:
    article = clean_text(f"Hong Kong (Reuters){STORY}\n\n{MORE}", PageMetadata(), None)
    assert (article.dateline, article.agency) == ("Hong Kong", "Reuters")
    assert article.body.startswith("The city council voted")
    named = clean_text(f"Leaders of Acme (ACME){STORY}\n\n{MORE}", PageMetadata(), None)
    assert named.dateline is None


@pytest.mark.parametrize(
    ("title", "publisher", "expected"),
    [
        ("Harbor city rebuilds its wall | The Daily Planet", None, "Harbor city rebuilds its wall"),
        (
            "Harbor city rebuilds its wall - Portvale Ledger",
            "Portvale Ledger",
            "Harbor city rebuilds its wall",
        ),
        (
            "Storm - and wall - divide the harbor town",
            None,
            "Storm - and wall - divide the harbor town",
        ),
    ],
)
def test_the_site_name_leaves_the_page_title(
    title: str, publisher: str | None, expected: str
) -> None:
    assert page_title(title, publisher) == expected


@pytest.mark.parametrize(
    ("credit", "people"),
    [
        ("Sandee LaMotte; CNN", "Sandee LaMotte"),
        ("Staff Reports", None),
        ("Associated Press", None),
        ("Phil Helsel is a reporter for NBC News", "Phil Helsel"),
        ("Lia Eustachewich; Yaron Steinbuch", "Lia Eustachewich; Yaron Steinbuch"),
    ],
)
def test_bylines_name_people(credit: str, people: str | None) -> None:
    assert person_byline(credit, "NBC News") == people


def _json_ld(publisher: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "publisher": {"@type": "Organization", "name": publisher}}  # fmt: skip
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _page(head: str, footer: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{STORY}</p><footer>{footer}</footer></body></html>"


@pytest.mark.parametrize(
    ("html", "found", "name"),
    [  # the page's own name wins over a wire's JSON-LD publisher
        (_page('<meta property="og:site_name" content="Portvale Ledger">'
               + _json_ld("Associated Press")),
         "Associated Press", "Portvale Ledger"),
        # a lower-case name: as the copyright line spells the site
        (_page('<meta property="og:site_name" content="pv">', "© 2024 PV.com. All rights reserved"),
         "Pv", "PV.com"),
        # a host name only: made readable
        (_page('<meta property="og:site_name" content="HarborSports.com">'), None, "Harbor Sports"),
        (_page('<meta property="og:site_name" content="harborsports.com">'), None, None),
        # a host name, and the JSON-LD publisher's name for it
        (_page('<meta property="og:site_name" content="harborscience.com">'
               + _json_ld("Harbor Science")),
         None, "Harbor Science"),
    ],
)  # fmt: skip
def test_the_site_name_of_a_page(html: str, found: str | None, name: str | None) -> None:
    assert site_name(html, found) == name
