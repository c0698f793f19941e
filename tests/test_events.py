import nutgraf
from nutgraf.extractors import dates, entities, events, places
from tests.support import SEED


def events_of(parse, text):  # type: ignore[no-untyped-def]
    """(actor entity or text, code, target entity or text, place, date) of each event."""
    doc = parse(text)
    found = entities.extract(doc)
    names = {e.id: e.name for e in found}
    coded = events.extract(doc, found, places.extract(doc, found), dates.extract(doc, "2006-06-20"))
    return [
        (
            names.get(e.actor or "", e.actor_text),
            e.code,
            names.get(e.target or "", e.target_text),
            names.get(e.place or ""),
            e.date,
        )
        for e in coded
    ]


def triples(parse, text):  # type: ignore[no-untyped-def]
    return [(actor, code, target) for actor, code, target, _, _ in events_of(parse, text)]


def test_events_are_coded_with_actor_target_place_and_date(parse):
    found = events_of(parse, "The Iraqi ambassador visited Koizumi in Tokyo on Monday.")
    assert found == [("The Iraqi ambassador", "04", "Koizumi", "Tokyo", "2006-06-19")]
    assert ("Police", "17", "the protesters") in triples(parse, "Police arrested the protesters.")


def test_troops_are_withdrawn_from_a_place_and_handed_to_a_party(parse):
    assert triples(parse, "Japan will withdraw its troops from Iraq.") == [("Japan", "08", "Iraq")]
    found = triples(parse, "Britain will hand over responsibility for security to Iraqi forces.")
    assert found == [("Britain", "06", "Iraqi forces")]


def test_pronouns_are_resolved_and_joined_actors_split(parse):
    found = triples(
        parse,
        "Britain and Australia announced Monday that they would hand over control to "
        "Iraqi forces. Japan said it would pull its soldiers from Iraq.",
    )
    assert ("Britain", "06", "Iraqi forces") in found
    assert ("Australia", "06", "Iraqi forces") in found
    assert ("Japan", "08", "Iraq") in found


def test_a_name_in_the_sentence_stands_for_its_pronoun(parse):
    doc = parse("John Kerry spoke on Monday, and he urged North Korea to resume talks.")
    found = entities.extract(doc)
    urged = next(e for e in events.extract(doc, found, [], []) if e.verb == "urged")
    assert doc.text[urged.actor_start : urged.actor_end] == "John Kerry"


def test_meeting_nouns_are_events_of_their_parties(parse):
    summit = "Koizumi heads to Washington for a summit with President Bush in late June."
    assert events_of(parse, summit)[0][:4] == ("Koizumi", "04", "Bush", "Washington")
    assert ("Merkel", "04", "Macron") in triples(parse, "Merkel held talks with Macron in Paris.")
    assert ("Russia", "19", "Ukraine") in triples(parse, "Russia's invasion of Ukraine went on.")


def test_the_one_told_to_act_is_the_target_of_an_appeal(parse):
    assert triples(parse, "The minister urged Japan to withdraw.")[0] == (
        "The minister",
        "02",
        "Japan",
    )
    found = triples(parse, "Russia insisted that North Korea halt its missile tests.")
    assert ("Russia", "10", "North Korea") in found


def test_a_passive_of_force_takes_the_armed_group_named_just_before(parse):
    text = (
        "Foreign workers were targeted by militants in the north. "
        "Seven Japanese have been kidnapped in Iraq since the deployment."
    )
    assert ("militants", "18", "Seven Japanese") in triples(parse, text)
    assert triples(parse, "Seven Japanese have been kidnapped in Iraq.") == []


def test_reporting_verbs_and_refusals_are_not_acts(parse):
    assert triples(parse, "Officials said the talks had failed.") == []
    assert triples(parse, "Cruz refused to endorse Trump.") == [("Cruz", "12", None)]


def test_actor_types_and_countries(parse):
    doc = parse("Iraqi police arrested two men. Japan praised Australia.")
    found = entities.extract(doc)
    coded = events.extract(doc, found, places.extract(doc, found), [])
    assert coded[0].actor_type == "COP"
    praised = coded[-1]
    assert (praised.actor_country, praised.target_country) == ("JP", "AU")


def test_seed_events_have_the_right_actor_target_and_code():
    article = nutgraf.extract(SEED.read_text(encoding="utf-8"), published="2006-06-20")
    names = {e.id: e.name for e in article.entities}
    found = {
        (names.get(e.actor or "", e.actor_text), e.code, names.get(e.target or "", e.target_text))
        for e in article.events
    }
    assert ("Japan", "08", "Iraq") in found  # pulling its ground troops from Iraq
    assert ("Britain", "06", "Iraqi forces") in found  # hand over security
    assert ("Australia", "06", "Iraqi forces") in found
    assert ("Junichiro Koizumi", "04", "George W. Bush") in found or (
        "Junichiro Koizumi",
        "04",
        "Bush",
    ) in found  # summit with President Bush in Washington
    assert ("Washington", "05", "Japan") in found  # valued Japan's contribution
    assert ("Ghanim Alwan al-Jumaily", "04", "Junichiro Koizumi") in found  # visited
    assert ("Ghanim Alwan al-Jumaily", "05", "Junichiro Koizumi") in found  # to thank him
    assert ("militants", "18", "Seven Japanese") in found  # kidnapped
    summit = next(e for e in article.events if e.verb == "summit")
    assert names[summit.place or ""] == "Washington"


def test_praise_and_aid_are_between_parties(parse):
    assert triples(parse, "The burning pyres provided shocking images.") == []
    assert triples(parse, "The minister praised Japan.") == [("The minister", "05", "Japan")]
    assert triples(parse, "Trump did not apologize.") == [("Trump", "05", None)]


def test_dates_times_and_amounts_are_never_targets(parse):
    found = triples(parse, "The two sides agreed on Wednesday to resume talks.")
    assert all(target not in {"Wednesday", "on Wednesday"} for _, _, target in found)
    paid = triples(parse, "Germany paid $5m to the rebels last year.")
    assert all(target is None or "$" not in target for _, _, target in paid)


def test_the_general_dictionary_codes_what_named_parties_do(parse):
    # "rebuke" and "snub" are in PETRARCH's CAMEO dictionary, not in nutgraf's own list.
    assert ("France", "11", "Russia") in triples(parse, "France rebuked Russia on Monday.")
    assert ("Iran", "12", "Britain") in triples(parse, "Iran snubbed the offer from Britain.")
    assert triples(parse, "The old man rebuked his dog.") == []
