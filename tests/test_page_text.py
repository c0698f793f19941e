"""A whole web page saved as plain text: the story is found among menus, teasers, captions
and the footer, with its headline, byline and site (a page written for this test)."""

from nutgraf.clean import PageMetadata, clean_text
from nutgraf.page_text import is_page_text

MENU = ["Home", "News", "Sport", "Business", "Opinion", "Weather", "Podcasts", "Sign In",
        "Subscribe", "Search", "Local", "Politics", "Arts", "Obituaries", "Jobs"]  # fmt: skip
BODY = [
    "The harbor wall will be rebuilt.",
    "The city council of Portvale voted on Tuesday evening to rebuild the harbor flood wall "
    "that failed during last month's storm, ending a debate that had split the small town for "
    "more than a year and cost two councillors their seats in the spring election.",
    "Mayor Elena Marsh said the work would start in May and that the state had agreed to pay "
    "for more than half of the cost, which engineers have put at about twelve million dollars, "
    "once the final design has been approved by the harbor commission and by the state.",
    "Residents who lost their homes in the storm welcomed the decision, but several of them "
    "said they would keep pressing the council for a faster timetable and for help with the "
    "repairs that their insurers have refused to pay for since the water went down.",
]
PAGE = "\n".join([
    "Portvale votes to rebuild its harbor wall - Portvale Ledger", "Skip to content", *MENU,
    "Portvale votes to rebuild its harbor wall", "By Ann Roe | Portvale Ledger",
    "Published March 12, 2026", "Share", "Tweet", "Email",
    "Workers inspect the broken wall on Monday.", "Photo: Jo Lee/Getty Images", *BODY,
    "Related stories", "Storm damage tops estimates", "Ferry service resumes", "Most read",
    "1", "Council race heats up", "2", "Schools reopen after flood", *MENU,
    "Privacy policy", "Terms of use", "© 2026 Portvale Ledger Media. All rights reserved.",
])  # fmt: skip


def test_a_page_of_menus_and_links_is_page_text_and_an_article_is_not() -> None:
    assert is_page_text(PAGE.splitlines())
    assert not is_page_text("\n\n".join(BODY).splitlines())


def test_the_story_of_a_page_saved_as_text() -> None:
    article = clean_text(PAGE, PageMetadata(), None)
    assert article.title == "Portvale votes to rebuild its harbor wall"
    assert article.byline == "Ann Roe"
    assert article.publisher == "Portvale Ledger"
    assert article.body == "\n\n".join(BODY)
    for furniture in ("Sign In", "Workers inspect", "Storm damage tops", "Privacy policy"):
        assert any(furniture in line for line in article.boilerplate), furniture
