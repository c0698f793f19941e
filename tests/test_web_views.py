"""The web layer's HTML building: highlights from offsets, snippets, links, the timeline."""

from __future__ import annotations

from nutgraf.web.highlight import Span, highlight, snippet_html, snippet_parts
from nutgraf.web.views import article_view, pages, timeline, with_params


def test_every_piece_is_escaped_and_spans_nest() -> None:
    text = 'Smith said "<b>go</b> & win" in 2024.'
    quote = Span(12, 27, "quote", 'Quote by "Smith"')
    person = Span(0, 5, "person", "Person: Smith", "/entities/1")
    date = Span(32, 36, "date", "Date: 2024")
    html = str(highlight(text, [quote, person, date]))
    assert html == (
        '<a class="hl hl-person" href="/entities/1" title="Person: Smith">Smith</a> said &#34;'
        '<mark class="hl hl-quote" title="Quote by &#34;Smith&#34;">'
        "&lt;b&gt;go&lt;/b&gt; &amp; win</mark>&#34; in "
        '<mark class="hl hl-date" title="Date: 2024">2024</mark>.'
    )


def test_nested_and_crossing_spans_give_well_nested_tags() -> None:
    text = "abcdefghij"
    outer = Span(0, 10, "quote", "q")
    inner = Span(2, 4, "person", "p")
    crossing = Span(8, 10, "amount", "a")
    across = Span(6, 9, "date", "d")
    html = str(highlight(text, [outer, inner, crossing, across]))
    assert html == (
        '<mark class="hl hl-quote" title="q">ab<mark class="hl hl-person" title="p">cd</mark>'
        'ef<mark class="hl hl-date" title="d">gh<mark class="hl hl-amount" title="a">i</mark>'
        '</mark><mark class="hl hl-amount" title="a">j</mark></mark>'
    )
    opened = html.count("<mark")
    assert opened == html.count("</mark>")


def test_spans_outside_the_text_are_left_out() -> None:
    assert str(highlight("<x>", [Span(2, 9, "date", "d"), Span(3, 3, "date", "d")])) == "&lt;x&gt;"
    assert str(highlight("", [])) == ""


def test_snippets_are_escaped_before_their_matches_are_marked() -> None:
    snippet = "<script>\x02alert\x03(1)</script> and \x02more\x03"
    assert str(snippet_html(snippet)) == (
        "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; and <mark>more</mark>"
    )
    assert snippet_parts("a \x02b\x03") == [("a ", False), ("b", True)]


def test_an_article_view_links_known_entities_and_labels_every_highlight() -> None:
    body = 'Ann Lee said "we won" on Monday, paying $5.'
    data = {
        "body": body,
        "entities": [
            {
                "id": "e1",
                "name": "Ann Lee",
                "type": "PERSON",
                "titles": ["Mayor"],
                "mentions": [{"start": 0, "end": 7, "text": "Ann Lee"}],
            },
        ],
        "quotes": [
            {
                "kind": "direct",
                "text": "we won",
                "start": 14,
                "end": 20,
                "speaker": "e1",
                "speaker_text": "Ann Lee",
                "cue": "said",
            },
        ],
        "amounts": [
            {"value": 5, "text": "$5", "start": 40, "end": 42, "counted": None, "unit": "USD"}
        ],
        "dates": [{"text": "Monday", "start": 25, "end": 31, "value": "2024-05-06"}],
        "url": "javascript:alert(1)",
    }
    view = article_view(data, {"e1": 7})
    html = str(view.body_html)
    assert 'href="/entities/7" title="Person: Ann Lee (Mayor)"' in html
    assert 'title="Quote (direct), Ann Lee"' in html
    assert 'title="Amount: 5 USD"' in html and 'title="Date: 2024-05-06"' in html
    assert view.quotes[0]["speaker_href"] == "/entities/7"
    assert view.url is None
    unlinked = article_view({**data, "url": "https://example.org/a"}, {})
    assert "<a " not in str(unlinked.body_html) and unlinked.url == "https://example.org/a"


def test_links_keep_the_other_filters() -> None:
    assert with_params({"q": "troops", "month": "2024-01"}, entity=3) == (
        "?q=troops&month=2024-01&entity=3"
    )
    assert with_params({"q": "troops", "month": "2024-01"}, month=None) == "?q=troops"
    assert with_params({}, month=None) == "?"


def test_the_timeline_has_every_month_between_the_first_and_the_last() -> None:
    drawn = timeline([("2023-11", 2), ("2024-02", 1), ("undated", 4)])
    assert drawn == {
        "months": ["2023-11", "2023-12", "2024-01", "2024-02"],
        "counts": [2, 0, 0, 1],
        "undated": 4,
    }
    assert timeline([]) == {"months": [], "counts": [], "undated": 0}


def test_pages_link_to_the_previous_and_next_page_with_the_filters() -> None:
    params = {"q": "troops", "month": "2024-01", "offset": "20"}
    middle = pages(total=45, offset=20, size=20, params=params)
    assert (middle["first"], middle["last"], middle["total"]) == (21, 40, 45)
    assert middle["previous"] == "?q=troops&month=2024-01"
    assert middle["next"] == "?q=troops&month=2024-01&offset=40"
    last = pages(total=45, offset=40, size=20, params=params)
    assert last["next"] is None and last["last"] == 45
    assert pages(total=0, offset=0, size=20, params={})["first"] == 0
