from nutgraf.extractors import entities


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
