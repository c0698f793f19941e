from nutgraf.extractors import entities, keywords, summary

TEXT = (
    "Japan's announcement Tuesday that it would pull its troops from Iraq ended a mission "
    "that symbolized the country's new role.\n\n"
    "The 600 Japanese troops were sent to Iraq in 2004 on a humanitarian mission.\n\n"
    "Koizumi said the troops had done their work. Japan's troops repaired schools in Iraq.\n\n"
    "The weather was fine."
)


def test_summary_starts_with_the_lead_and_keeps_reading_order(parse):
    doc = parse(TEXT)
    sentences = summary.extract(doc, entities.extract(doc))
    assert 1 <= len(sentences) <= 3
    assert sentences[0].text.startswith("Japan's announcement Tuesday")
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    for sentence in sentences:
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_keywords_are_the_main_names_and_nouns_without_junk(parse):
    doc = parse(TEXT)
    words = keywords.extract(doc, entities.extract(doc))
    assert {"Japan", "Iraq", "troops"} <= set(words)
    assert not {"s", "'s", "japan's", "the", "Tuesday"} & {w.lower() for w in words}
