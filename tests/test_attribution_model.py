"""The learned attribution tagger: its features, BIO coding and decoding, and the shipped
models, on sentences written for these tests."""

from nutgraf.extractors import attribution_model

TEXT = (
    "The harbour master said on Friday that the ferry would run again.\n\n"
    '"We have fixed the engine," she added.'
)


def spans_in(text, spans):
    return [text[start:end] for start, end in spans]


def test_paragraphs_are_the_sequences_and_leave_out_white_space(parse):
    doc = parse(TEXT)
    found = attribution_model.paragraphs(doc)
    assert [t.text for t in found[0]][:3] == ["The", "harbour", "master"]
    assert found[1][0].text == '"'
    assert not any(t.is_space for words in found for t in words)


def test_tags_and_spans_round_trip(parse):
    doc = parse(TEXT)
    tokens = attribution_model.paragraphs(doc)[0]
    content = TEXT.index("the ferry"), TEXT.index(".")
    tags = attribution_model.tags_of(tokens, [content, (0, 3)])
    assert tags[:2] == ["B", "O"]
    assert tags[tags.index("B", 1) : tags.index("B", 1) + 5] == ["B", "I", "I", "I", "I"]
    assert spans_in(TEXT, attribution_model.spans_of(tokens, tags)) == [
        "The",
        "the ferry would run again",
    ]


def test_an_inside_tag_after_outside_starts_a_span(parse):
    doc = parse("Officials insisted the road was safe.")
    tokens = attribution_model.paragraphs(doc)[0]
    tags = ["I", "O", "I", "I", "I", "I", "O"]
    assert spans_in(doc.text, attribution_model.spans_of(tokens, tags)) == [
        "Officials",
        "the road was safe",
    ]


def test_features_mark_cues_their_subjects_quotes_and_the_rules_tags(parse):
    doc = parse(TEXT)
    rules = {"cue": [(TEXT.index("said"), TEXT.index("said") + 4)]}
    by_word = {
        t.text: features
        for tokens, token_features in attribution_model.sequences(doc, rules)
        for t, features in zip(tokens, token_features, strict=True)
    }
    assert "cue=True" in by_word["said"]
    assert "rule_cue=B" in by_word["said"]
    assert "rule_cue=O" in by_word["master"]
    assert "cuepath=nsubj@1" in by_word["master"]
    assert "cuepath=ccomp@1" in by_word["run"]
    assert "inside=True" in by_word["engine"]
    assert "inside=False" in by_word["she"]
    assert "afterclose=+1" in by_word["she"]
    assert "cuedist=-1" in by_word["she"]
    assert "-1:w=she" in by_word["added"]


def test_the_shipped_models_load_and_tag_a_sentence(parse):
    text = '"The bridge is safe," the engineer said on Monday.'
    doc = parse(text)
    found = attribution_model.tag(doc, {})
    assert spans_in(text, found["cue"]) == ["said"]
    assert spans_in(text, found["source"]) == ["the engineer"]
    assert any("bridge is safe" in content for content in spans_in(text, found["content"]))
