from nutgraf.extractors import amounts, counts, themes, tone


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
