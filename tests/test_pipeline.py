import json

import pytest

import nutgraf
from nutgraf.errors import InputError
from tests.support import EXAMPLES, SEED, assert_spans_match

CONTRACT_KEYS = {
    "schema_version", "title", "dateline", "byline", "publisher", "published", "body",
    "boilerplate", "entities", "quotes", "amounts", "dates", "keywords", "summary",
}  # fmt: skip


def test_to_dict_is_the_contract():
    article = nutgraf.extract(SEED.read_text(encoding="utf-8"), published="2006-06-20")
    data = article.to_dict()
    assert set(data) >= CONTRACT_KEYS
    assert data["schema_version"] == 1
    assert json.loads(json.dumps(data)) == data
    assert_spans_match(data)


def test_html_uses_the_pages_own_metadata():
    article = nutgraf.extract((EXAMPLES / "wire-story.html").read_bytes())
    assert article.title == "Harbor city votes to rebuild flood wall after storm"
    assert article.publisher == "Portvale Ledger"
    assert article.byline == "Dana Whitfield"
    assert article.published == "2026-03-12"
    assert article.dateline == "PORTVALE, Maine"
    assert "Sign up" not in article.body
    assert any(d.text == "Tuesday" and d.value == "2026-03-10" for d in article.dates)


def test_plain_text_example_matches_its_html_twin():
    text = nutgraf.extract((EXAMPLES / "wire-story.txt").read_text(encoding="utf-8"))
    html = nutgraf.extract((EXAMPLES / "wire-story.html").read_bytes())
    assert text.published == html.published == "2026-03-12"
    assert [e.name for e in text.entities] == [e.name for e in html.entities]
    assert len(text.quotes) == len(html.quotes)


def test_extract_many_keeps_input_order_and_matches_extract():
    texts = [
        "Prime Minister Junichiro Koizumi visited Tokyo on Monday, officials said.",
        ("Mayor Elena Marsh said the city would rebuild the wall by Friday.", "2026-03-12"),
        "The Federal Reserve raised rates by 0.25 percent, the bank said in a statement.",
    ]
    many = list(nutgraf.extract_many(texts, batch_size=2))
    singles = [nutgraf.extract(*(t if isinstance(t, tuple) else (t,))) for t in texts]
    assert [a.to_dict() for a in many] == [a.to_dict() for a in singles]


def test_extract_many_in_two_processes_gives_the_same_articles():
    texts = [f"Senator Maria Lopez said on Tuesday that vote {n} would pass." for n in range(6)]
    assert [a.to_dict() for a in nutgraf.extract_many(texts, n_process=2, batch_size=2)] == [
        a.to_dict() for a in nutgraf.extract_many(texts)
    ]


def test_a_bad_item_is_named_by_its_position():
    with pytest.raises(InputError, match="item 1: input is empty"):
        list(nutgraf.extract_many(["A good article about the council vote.", "  "]))


def test_non_english_text_is_refused():
    with pytest.raises(InputError, match="not English"):
        nutgraf.extract("Le gouvernement a annoncé mardi le retrait de ses troupes d'Irak.")


def test_bad_publication_date_is_refused():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        nutgraf.extract("The council voted on Tuesday.", published="20/06/2006")


def test_seed_attributions_name_their_speakers():
    article = nutgraf.extract(SEED.read_text(encoding="utf-8"), published="2006-06-20")
    names = {e.id: e.name for e in article.entities}
    said = {
        (q.kind, q.text[:25]): (names.get(q.speaker or ""), q.speaker_text) for q in article.quotes
    }
    assert said[("direct", "We played a major role in")][0] == "Junichiro Koizumi"
    assert said[("direct", "Japan's policy to coopera")] == ("Junichiro Koizumi", "he")
    assert said[("indirect", "it would take weeks")][0] == "Fukushiro Nukaga"
    assert said[("indirect", "The government will now l")] == (None, "officials")
    assert said[("indirect", "the decision was made in ")][0] == "Junichiro Koizumi"


def test_a_defect_on_one_record_sets_it_aside_and_the_run_goes_on():
    from nutgraf.errors import ExtractionFailed
    from nutgraf.extractors import Context, Extractor, register, unregister
    from nutgraf.pipeline import extract_each

    def fails_on_zebras(context: Context) -> list[str]:
        if "zebra" in context.article.body:
            raise ZeroDivisionError("a defect")
        return []

    register(Extractor("zebras", fails_on_zebras, produces=list[str]))
    try:
        texts = ["The council voted on Monday.", "A zebra escaped the zoo.", "Rain fell."]
        outcomes = list(extract_each(texts))
    finally:
        unregister("zebras")
    assert [type(o).__name__ for o in outcomes] == ["Article", "ExtractionFailed", "Article"]
    assert isinstance(outcomes[1], ExtractionFailed)
    assert "ZeroDivisionError: a defect" in str(outcomes[1])
