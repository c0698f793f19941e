import nutgraf
from nutgraf.extractors import amounts, counts, themes, tone
from tests.support import SEED


def test_tone_counts_lexicon_words_and_scores_each_sentence(parse):
    doc = parse("The attack was a terrible tragedy.\n\nThe rescue was a wonderful success.")
    found = tone.extract(doc)
    assert found.negative > 0 and found.positive > 0
    assert found.polarity == round(found.positive + found.negative, 3)
    assert [s.compound < 0 for s in found.sentences] == [True, False]
    assert all(doc.text[s.start : s.end] == s.text for s in found.sentences)


def test_themes_need_two_triggers(parse):
    doc = parse("The troops left the base. The soldiers were sent home. The election is near.")
    found = {t.theme: t for t in themes.extract(doc)}
    assert found["MILITARY"].score == 3
    assert "ELECTION" not in found
    assert [m.text for m in found["MILITARY"].triggers] == ["troops", "base", "soldiers"]


def test_counts_tie_amounts_to_events(parse):
    doc = parse(
        "Seven Japanese have been kidnapped in Iraq, and two of them were killed. "
        "Police arrested 12 protesters. The city has 40 schools."
    )
    found = [(c.type, c.value) for c in counts.extract(doc, amounts.extract(doc))]
    assert found == [("KIDNAP", 7), ("KILL", 2), ("ARREST", 12)]


def places_of(parse, text):  # type: ignore[no-untyped-def]
    doc = parse(text)
    from nutgraf.extractors import entities, places

    return {p.mentions[0].text: p for p in places.extract(doc, entities.extract(doc))}


def test_places_are_resolved_by_the_article(parse):
    found = places_of(
        parse,
        "Koizumi heads to Washington for a summit. The troops in Samawah, in southern "
        "Muthana province, will return to Japan from Iraq.",
    )
    assert (found["Washington"].country, found["Washington"].feature) == ("US", "city")
    assert found["Samawah"].name == "As Samawah" and found["Samawah"].country == "IQ"
    assert found["Muthana"].admin1 == "IQ-MU"
    assert found["Japan"].feature == "country" and found["Japan"].lat is not None


def test_georgia_is_the_country_or_the_state_by_its_neighbours(parse):
    abroad = places_of(parse, "Georgia sent troops after talks in Tbilisi with Russia.")
    at_home = places_of(parse, "Georgia voters in Atlanta backed the senator, unlike Ohio.")
    assert (abroad["Georgia"].country, abroad["Georgia"].feature) == ("GE", "country")
    assert (at_home["Georgia"].country, at_home["Georgia"].admin1) == ("US", "US-GA")
    assert 30 < (at_home["Georgia"].lat or 0) < 35  # the centre of the state's cities


def test_the_focus_is_the_places_the_story_is_about(parse):
    found = places_of(
        parse,
        "Japan will pull its troops from Iraq. Japan said Iraq is safer.\n\n"
        "A minister also visited Australia.",
    )
    assert found["Japan"].focus and found["Iraq"].focus and not found["Australia"].focus


def test_seed_places_and_counts():
    article = nutgraf.extract(SEED.read_text(encoding="utf-8"), published="2006-06-20")
    found = {p.mentions[0].text: p for p in article.places}
    assert (found["Washington"].country, found["Washington"].feature) == ("US", "city")
    assert found["Muthana"].admin1 == "IQ-MU"
    assert (found["Samawah"].name, found["Samawah"].country) == ("As Samawah", "IQ")
    assert found["Iraq"].lat is not None and found["Japan"].focus and found["Iraq"].focus
    assert [(c.type, c.value) for c in article.counts] == [("KIDNAP", 7), ("KILL", 2)]
