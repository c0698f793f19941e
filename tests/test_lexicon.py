"""The lexicon: word lists and thresholds as package data, each word listed once with its
roles, every role documented, and every list any rule asks for present."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from nutgraf import lexicon
from nutgraf.extractors import quotes


def _documented_roles() -> set[str]:
    text = resources.files("nutgraf.lexicon").joinpath("words.toml").read_text(encoding="utf-8")
    return {m.group(1).split(":")[0] for m in re.finditer(r"^#   (\S+)", text, re.M)}


def test_every_role_in_the_word_file_is_documented() -> None:
    used = {role.split(":")[0] for roles in lexicon.table("words").values() for role in roles}
    assert used == _documented_roles()


def test_a_word_cannot_be_listed_twice() -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads('urge = ["speech"]\nurge = ["stance"]\n')


def test_one_word_many_roles() -> None:
    assert {"speech", "stance", "control", "cameo:02"} <= lexicon.roles("words", "urge")
    assert "urge" in lexicon.with_role("words", "control")
    assert lexicon.grouped("words", "cameo")["18"] >= {"kill", "kidnap"}
    assert lexicon.with_role("words", "no such role") == frozenset()


def test_inflected_forms_include_irregular_ones() -> None:
    forms = lexicon.inflected(frozenset({"say", "hope", "deny"}))
    assert {"said", "says", "hoped", "hoping", "denied", "denies"} <= forms


def test_settings_are_named() -> None:
    assert lexicon.setting("quotes", "cue_window") == quotes.CUE_WINDOW


def test_a_verb_of_any_word_list_is_checked_without_error() -> None:
    """``is_verb_of`` once raised KeyError for a list other than three precomputed ones."""
    doc = Doc(English().vocab, words=["They", "hoped", "so"], pos=["PRON", "VERB", "ADV"])
    assert quotes.is_verb_of(doc[1], quotes.BELIEF_VERBS)
    assert not quotes.is_verb_of(doc[1], quotes.EVIDENCE_VERBS)
