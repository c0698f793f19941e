"""The fast attribute ruler and lemmatizer give exactly what spaCy's stock components give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from nutgraf.fastpipe import AttributeTable
from nutgraf.nlp import load_stock_model
from nutgraf.pipeline import analyse, prepare

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "wire-story.txt"

# Written to reach the model's rarer attribute rules: pronouns in each case, contractions,
# "gonna", "let's", "y'all", "there is", modal verbs, "that" as a relative, odd spacing.
TEXTS = [
    "I told him we'd go, but she said they're not ready. Let's wait, y'all.\n\n"
    "There is nothing anyone can do, and there were   several people who'd left.",
    "We're gonna win, he said. \"I ain't doin' it,\" she replied; they gotta agree with us.\n"
    "The mayor, who has said that the plan that failed won't return, did not comment.",
    "Its owners said it would cost $4.5 million. Somebody c'mon! Everything was fine until "
    "the council's vote on Tuesday, when 'em lawyers said nothin' at all.",
]


def token_attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def stock() -> Language:
    return load_stock_model()


@pytest.fixture(scope="module")
def bodies() -> list[str]:
    return [*TEXTS, prepare(EXAMPLE.read_text(encoding="utf-8")).body]


def test_same_token_attributes_as_the_stock_pipeline(
    nlp: Language, stock: Language, bodies: list[str]
) -> None:
    assert nlp.pipe_names == stock.pipe_names
    for body in bodies:
        assert token_attributes(nlp(body)) == token_attributes(stock(body))


def test_same_facts_as_the_stock_pipeline(nlp: Language, stock: Language) -> None:
    article = prepare(EXAMPLE.read_text(encoding="utf-8"))
    fast_facts = analyse(article, nlp(article.body)).to_dict()
    assert fast_facts["entities"]
    assert json.dumps(fast_facts) == json.dumps(analyse(article, stock(article.body)).to_dict())


def test_later_rules_win_as_in_spacys_attribute_ruler(stock: Language) -> None:
    """Order, one-token and two-token patterns, IN and NOT_IN, and a negative index, on rules
    written for the test and applied to a doc as the tagger and parser left it."""
    patterns = [
        {"patterns": [[{"LOWER": "dogs", "TAG": "NNS"}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
        {"patterns": [[{"TAG": "NNS"}]], "attrs": {"LEMMA": "thing"}},
        {"patterns": [[{"LOWER": {"IN": ["cats", "dogs"]}}]], "attrs": {"MORPH": "Animacy=Anim"}},
        {
            "patterns": [[{"TAG": {"NOT_IN": ["NNS", ""]}, "IS_SPACE": False}]],
            "attrs": {"POS": "X"},
        },
        {
            "patterns": [[{"LOWER": "the"}, {"LOWER": "cats"}]],
            "attrs": {"LEMMA": "cat"},
            "index": -1,
        },
        {"patterns": [[{"LOWER": {"REGEX": "^ch"}}]], "attrs": {"LEMMA": "chase"}},
    ]
    text = "The cats chase dogs, and the dogs chase  cats."
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        stock_doc, fast_doc = stock(text), stock(text)
    ruler = AttributeRuler(stock.vocab)
    ruler.add_patterns(patterns)  # type: ignore[arg-type]
    table = AttributeTable(stock.vocab)
    table.add_patterns(patterns)
    assert token_attributes(table(fast_doc)) == token_attributes(ruler(stock_doc))
    assert [t.lemma_ for t in fast_doc if t.lower_ == "cats"] == ["cat", "thing"]
