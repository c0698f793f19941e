import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from nutgraf.extractors import entities
from nutgraf.records import Entity


def by_name(doc):
    return {e.name: e for e in entities.extract(doc)}


def test_short_names_join_the_full_name_and_titles_are_read(parse):
    doc = parse(
        "Prime Minister Junichiro Koizumi said the decision was final. "
        "Koizumi later flew to Washington, where Koizumi met reporters."
    )
    found = by_name(doc)
    koizumi = found["Junichiro Koizumi"]
    assert koizumi.type == "PERSON"
    assert koizumi.titles == ["Prime Minister"]
    assert len(koizumi.mentions) == 3
    assert "Koizumi" not in found


def test_a_department_word_is_part_of_the_title_not_an_organisation(parse):
    found = by_name(parse("Defense chief Fukushiro Nukaga ordered the withdrawal to begin."))
    assert found["Fukushiro Nukaga"].titles == ["Defense chief"]
    assert "Defense" not in found


def test_a_title_in_apposition_is_read(parse):
    doc = parse(
        "The Iraqi ambassador to Japan, Ghanim Alwan al-Jumaily, also visited the prime minister."
    )
    assert by_name(doc)["Ghanim Alwan al-Jumaily"].titles == ["Iraqi ambassador to Japan"]


def test_aliases_of_a_country_are_one_place(parse):
    doc = parse(
        "Japan works with the United States on missile defense. "
        "U.S. troops are based in Japan, and the U.S. pays part of the cost."
    )
    found = by_name(doc)
    assert found["United States"].type == "GPE"
    assert [m.text for m in found["United States"].mentions] == ["United States", "U.S.", "U.S."]


def test_an_acronym_joins_its_long_name(parse):
    doc = parse(
        "The United Nations Security Council met on Monday. The UN Security Council "
        "issued a statement. The World Health Organization (WHO) said the WHO would help."
    )
    found = by_name(doc)
    assert "World Health Organization" in found
    assert "WHO" not in found


def test_people_sharing_a_surname_stay_apart(parse):
    doc = parse(
        "Hillary Clinton spoke in Ohio on Monday. Bill Clinton campaigned in Florida. "
        "Clinton told the crowd he was proud of his wife."
    )
    found = by_name(doc)
    assert len(found["Hillary Clinton"].mentions) == 1
    assert len(found["Bill Clinton"].mentions) == 2


def test_nationalities_are_not_places(parse):
    found = by_name(parse("Seven Japanese were kidnapped by militants in Iraq."))
    assert found["Japanese"].type == "NORP"
    assert found["Iraq"].type == "GPE"


def test_mentions_point_into_the_text(parse):
    doc = parse("President Bush met Prime Minister Tony Blair at Camp David on Friday.")
    for entity in entities.extract(doc):
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
    assert by_name(doc)["Bush"].titles == ["President"]


def test_a_wrongly_curled_possessive_is_not_part_of_the_name(parse):
    found = by_name(parse("Donald Trump‘s comments were criticised by Donald Trump himself."))
    assert "Donald Trump" in found and not any("‘" in name for name in found)


def test_an_age_is_not_a_title(parse):
    doc = parse("Paul McCartney, 62, said the 62-year-old singer Paul McCartney would tour.")
    assert all(
        "year" not in t and not any(c.isdigit() for c in t)
        for e in entities.extract(doc)
        for t in e.titles
    )


# One entity per real thing, of the right kind (issue #16) -----------------------------------


def _named(parse, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    return {e.name: e for e in entities.extract(parse(text))}


def test_a_person_named_after_a_place_never_takes_the_place(parse) -> None:  # type: ignore[no-untyped-def]
    found = _named(
        parse,
        "Police in Scotland said the man had been arrested on Monday.\n\n"
        "Baroness Scotland, the attorney general, said the law was clear. "
        "Courts in Scotland will hear the case next year.",
    )
    assert found["Baroness Scotland"].type == "PERSON"
    assert found["Scotland"].type == "GPE" and len(found["Scotland"].mentions) == 2


def test_a_word_of_a_firms_name_never_joins_a_person(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gordon Brown met tobacco executives in London on Tuesday.\n\n"
        "Brown & Williamson said it would appeal. Mr Brown said the talks had been useful."
    )
    brown = _named(parse, text)["Gordon Brown"]
    assert [m.start for m in brown.mentions] == [0, text.index("Mr Brown") + 3]


def test_mrs_howard_is_not_michael_howard(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Michael Howard spoke to party members in Folkestone on Friday.\n\n"
        "Mrs Howard said her husband had worked hard. Mr Howard said he was confident."
    )
    found = entities.extract(parse(text))
    michael = next(e for e in found if e.name == "Michael Howard")
    assert text.index("Mr Howard") + 3 in [m.start for m in michael.mentions]
    assert text.index("Mrs Howard") + 4 not in [m.start for m in michael.mentions]


def test_party_forms_are_one_organisation(parse) -> None:  # type: ignore[no-untyped-def]
    found = _named(
        parse,
        "The Tories and Labour clashed over tax on Monday.\n\n"
        "The Conservatives said Labour would raise taxes. A Tory spokesman said the "
        "Conservative Party would cut them.",
    )
    assert found["Conservative Party"].type == "ORG"
    assert len(found["Conservative Party"].mentions) == 4
    assert found["Labour Party"].type == "ORG"


def _hand_built(words: list[str], ents: list[str]) -> Doc:
    """A Doc with the entity tags given, as spaCy's own tests build them (no model)."""
    return Doc(English().vocab, words=words, ents=ents)


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["The", "$", "280bn", "plan"], ["O", "O", "B-PERSON", "O"], []),
        (["She", "backed", "the", "Bill", "."], ["O", "O", "O", "B-PERSON", "O"], []),
        (
            ["Acme", "Ltd", "said", "so", "."],
            ["B-PERSON", "I-PERSON", "O", "O", "O"],
            [("Acme Ltd", "ORG")],
        ),
        (
            ["the", "Health", "Service", "Bill", "passed"],
            ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O"],
            [("Health Service Bill", "LAW")],
        ),
        (["Labour", "said", "no", "."], ["B-PERSON", "O", "O", "O"], [("Labour Party", "ORG")]),
    ],
)
def test_kinds_from_the_names_own_words(
    words: list[str], ents: list[str], expected: list[tuple[str, str]]
) -> None:
    assert [(e.name, e.type) for e in entities.extract(_hand_built(words, ents))] == expected


def test_the_publisher_is_not_an_entity_of_the_story() -> None:
    doc = _hand_built(
        ["BBC", "News", "met", "Ann", "Lee"], ["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON"]
    )
    assert [e.name for e in entities.extract(doc, publisher="BBC News")] == ["Ann Lee"]


@pytest.mark.parametrize(
    ("title", "is_role"),
    [
        ("chief economist", True),
        ("campaigner", True),
        ("@RobertMaguire", False),
        ("stamp duty threshold", False),
        ("nuanced approach", False),
        ("most hawkish candidate on their side", False),
        ("-", False),
    ],
)
def test_titles_are_roles(title: str, is_role: bool) -> None:
    assert entities.is_role(title) is is_role
