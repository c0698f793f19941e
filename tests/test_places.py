"""Places: the gazetteer, and resolution by the article's own evidence, each rule on a text
written for it."""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest

from nutgraf import gazetteer
from nutgraf.extractors import entities, places
from nutgraf.gazetteer import candidates, division_code, fold
from nutgraf.records import Place


def places_of(parse, text: str, dateline: str | None = None) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    doc = parse(text)
    found = places.extract(doc, entities.extract(doc), dateline)
    return {m.text: p for p in found for m in p.mentions}


# The gazetteer ------------------------------------------------------------------------------


def test_the_gazetteer_holds_small_towns_divisions_and_regions():
    assert any(e.country == "GB" for e in candidates("Tonbridge"))  # 36,000 people
    wales = [e for e in candidates("Wales") if e.feature == "admin1"]
    assert wales[0].geonameid == 2634895 and wales[0].admin1 == "GB-WLS"
    maine = next(e for e in candidates("Maine") if e.feature == "admin1")
    assert (maine.admin1, maine.geonameid) == ("US-ME", 4971068)
    region = next(e for e in candidates("Middle East") if e.feature == "region")
    assert region.lat is None and "IQ" in region.countries  # no false point
    europe = next(e for e in candidates("Europe") if e.feature == "region")
    assert europe.geonameid == 6255148 and europe.lat is None


def test_countries_and_states_have_their_own_point():
    us = candidates("United States")[0]
    assert us.feature == "country" and 35 < (us.lat or 0) < 42 and -105 < (us.lon or 0) < -90
    california = next(e for e in candidates("California") if e.feature == "admin1")
    assert 35 < (california.lat or 0) < 39 and -121 < (california.lon or 0) < -118
    muthana = candidates("Muthana")[0]
    assert muthana.admin1 == "IQ-MU" and muthana.lat is not None


def test_abbreviations_are_matched_as_written_and_short_codes_are_not_places():
    for written in ("US", "U.S.", "USA", "America"):
        assert [e.country for e in candidates(written)][:1] == ["US"], written
    assert candidates("UK")[0].country == candidates("Britain")[0].country == "GB"
    assert candidates("UAE")[0].country == "AE"
    for written, state in (("Calif.", "US-CA"), ("N.Y.", "US-NY"), ("Wis.", "US-WI"),
                           ("Ill.", "US-IL"), ("Colo.", "US-CO")):  # fmt: skip
        assert [e.admin1 for e in candidates(written)] == [state]
    assert candidates("SD") == [] and candidates("ANC") == []
    state = division_code("SD")
    assert state is not None and state.admin1 == "US-SD"  # only after a city


def test_fold_joins_spellings():
    assert fold("Al Muthanná") == fold("Muthana") == "muthana"
    assert fold("the Balkans") == "balkans"


def test_the_index_is_loaded_once_and_quickly():
    gazetteer.index.cache_clear()
    started = time.perf_counter()
    gazetteer.index()
    assert time.perf_counter() - started < 10  # built at worst; loaded from the cache after
    assert gazetteer.index() is gazetteer.index()


# Resolution by the article's evidence -------------------------------------------------------


def test_the_us_is_the_united_states(parse):
    found = places_of(parse, "The US said talks with U.S. allies would go on in the US capital.")
    assert {found[m].country for m in ("US", "U.S.")} == {"US"}
    assert found["US"].feature == "country" and found["US"].geonameid == 6252001


def test_westminster_in_a_london_story_is_in_london(parse):
    found = places_of(parse, "Protesters gathered in Westminster as MPs in London debated.")
    assert found["Westminster"].country == "GB" and abs(found["Westminster"].lon or 9) < 0.5


def test_newcastle_beside_liverpool_in_england(parse):
    found = places_of(parse, "Police in Newcastle and Liverpool said fans from across England "
                             "would be searched.")  # fmt: skip
    assert found["Newcastle"].name == "Newcastle upon Tyne"
    assert found["Liverpool"].country == "GB"


def test_a_postal_code_counts_only_after_a_city(parse):
    found = places_of(parse, "He lives in Sioux Falls, SD, and works in Fargo.")
    assert found["Sioux Falls"].admin1 == "US-SD"
    assert all(p.country == "US" for p in found.values())


def test_ap_abbreviations_name_states_and_contain_cities(parse):
    found = places_of(parse, "He grew up in Springfield, Ill., and later moved to Boulder, Colo.")
    assert found["Springfield"].admin1 == "US-IL" and found["Ill."].admin1 == "US-IL"
    assert found["Colo."].admin1 == "US-CO" and found["Boulder"].admin1 == "US-CO"


def test_a_container_overrides_the_largest_namesake(parse):
    found = places_of(parse, "The plant in Paris, Texas, will close.")
    assert found["Paris"].admin1 == "US-TX"


def test_manhattan_in_a_kansas_story(parse):
    found = places_of(parse, "Farmers near Manhattan said Kansas needs rain, as did Topeka.")
    assert found["Manhattan"].admin1 == "US-KS"


def test_wales_uae_and_maine_are_placed(parse):
    found = places_of(parse, "The Welsh government said Wales would follow England and "
                             "Scotland. The UAE and Saudi Arabia cut ties with Qatar.")  # fmt: skip
    assert (found["Wales"].feature, found["Wales"].admin1) == ("admin1", "GB-WLS")
    assert found["UAE"].country == "AE" and found["UAE"].feature == "country"
    maine = places_of(parse, "Maine voters went to the polls in Portland and Augusta.")
    assert maine["Maine"].admin1 == "US-ME" and maine["Portland"].admin1 == "US-ME"


def test_kent_and_tonbridge_are_rescued_from_person_and_org(parse):
    found = places_of(parse, "Kent Police said a man from Tonbridge was arrested. Officers in "
                             "Kent said he was held in Maidstone.")  # fmt: skip
    assert found["Kent"].country == "GB" and found["Kent"].feature == "admin2"
    assert found["Tonbridge"].country == "GB"


def test_a_person_is_not_rescued_without_a_cue_or_the_context(parse):
    found = places_of(parse, "Kent said the vote was close, the senator from Ohio added.")
    assert "Kent" not in found


def test_muthana_has_a_point_and_a_division_word_asks_for_a_division(parse):
    found = places_of(parse, "The troops in Samawah, in southern Muthana province, will leave.")
    assert found["Muthana"].admin1 == "IQ-MU" and found["Muthana"].lat is not None
    assert found["Samawah"].admin1 == "IQ-MU"


def test_regions_have_no_point(parse):
    found = places_of(parse, "Leaders from the Middle East and Southeast Asia met in Paris.")
    assert found["Middle East"].feature == "region" and found["Middle East"].lat is None
    assert found["Middle East"].country is None


def test_the_dateline_places_the_story(parse):
    found = places_of(parse, "Officials in Portland said the storm had passed.", "AUGUSTA, Maine")
    assert found["Portland"].admin1 == "US-ME"


def test_demonyms_link_to_their_country_and_are_not_the_focus(parse):
    found = places_of(parse, "Iraqi officials met British diplomats in Baghdad.")
    assert found["Iraqi"].country == "IQ" and found["Iraqi"].demonym
    assert found["British"].country == "GB" and not found["British"].focus
    assert found["Baghdad"].focus and not found["Baghdad"].demonym


def test_a_country_is_not_its_small_namesake(parse):
    found = places_of(parse, "Trade between Denmark and Wisconsin grew, officials in Madison said.")
    assert found["Denmark"].feature == "country" and found["Denmark"].country == "DK"


# The whole BBC corpus -----------------------------------------------------------------------


GREAT_CITY = 500_000


def _right(place: Place, named: list[gazetteer.Entry], text: str) -> bool:
    """The country or state itself, a city-state's city, or a great city or capital of the
    state's name ("New York", "Washington")."""
    if any((e.feature, e.country, e.admin1) == (place.feature, place.country, place.admin1)
           for e in named):  # fmt: skip
        return True
    city = next((e for e in candidates(text) if e.geonameid == place.geonameid), None)
    if city is None or city.feature != "city":
        city = next((e for e in gazetteer.index().entries if e.geonameid == place.geonameid
                     and e.feature == "city"), None)  # fmt: skip
    if city is None:
        return False
    if any(e.feature == "country" and e.country == city.country for e in named):
        return fold(city.name) == fold(text)  # a city-state
    return city.population >= GREAT_CITY or city.capital


@pytest.mark.slow
def test_every_country_or_state_named_in_the_bbc_corpus_is_placed_there(nlp, shared):
    """A mention that is a country's or a US state's own name resolves to it (see
    ``_right`` for what else is allowed)."""
    with (shared / "corpus" / "bbc" / "articles.jsonl").open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    wrong: Counter[tuple[str, str]] = Counter()
    for doc in nlp.pipe(texts, batch_size=32):
        for place in places.extract(doc, entities.extract(doc)):
            if place.demonym:
                continue
            for mention in place.mentions:
                named = [
                    e for e in candidates(mention.text)
                    if fold(e.name) == fold(mention.text)
                    and (e.feature == "country" or (e.feature == "admin1" and e.country == "US"))
                ]  # fmt: skip
                if named and not _right(place, named, mention.text):
                    wrong[(mention.text, f"{place.name}, {place.country}")] += 1
    assert not wrong, wrong.most_common(20)


def test_distances_are_great_circle_kilometres():
    assert 340 < gazetteer.km(51.5074, -0.1278, 48.8566, 2.3522) < 345  # London to Paris
