"""Word lists, patterns and thresholds as package data, read by one small loader.

Two shapes of file live beside this module:

* word files (``verbs.toml``, ...): each word listed once, with the roles it plays
  (``urge = ["speech", "stance", "control", "cameo:02"]``); ``with_role`` gives every word of
  a role, ``roles`` the roles of one word;
* tables (``settings.toml``, ...): named values and mappings, read with ``table``.

Files are read once per process (``functools.cache``) and handed out as frozen sets or
read-only mappings, so that no extractor can change another's lexicon.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any


@functools.cache
def table(name: str) -> Mapping[str, Any]:
    """The data file ``name`` (without ``.toml``) as a read-only mapping."""
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return MappingProxyType(tomllib.loads(text))


@functools.cache
def _role_index(name: str) -> Mapping[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for word, word_roles in table(name).items():
        for role in word_roles:
            index.setdefault(role, set()).add(word)
    return MappingProxyType({role: frozenset(words) for role, words in index.items()})


def with_role(name: str, role: str) -> frozenset[str]:
    """Every word of the word file ``name`` that plays ``role`` (empty if none does)."""
    return _role_index(name).get(role, frozenset())


def grouped(name: str, kind: str) -> dict[str, frozenset[str]]:
    """The words of roles ``kind:LABEL`` by label: ``grouped("words", "cameo")["18"]``."""
    prefix = f"{kind}:"
    return {
        role.removeprefix(prefix): words
        for role, words in _role_index(name).items()
        if role.startswith(prefix)
    }


@functools.cache
def inflected(lemmas: frozenset[str]) -> frozenset[str]:
    """The lemmas and their inflected forms (regular, and irregular from
    ``inflections.toml``), so that a wrongly lemmatised verb ("hoped" -> "hop") still
    matches."""
    irregular = table("inflections")
    forms = set(lemmas)
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma + "s", lemma + "es", stem + "ed", stem + "ing", *irregular.get(lemma, ())}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return frozenset(forms)


def roles(name: str, word: str) -> frozenset[str]:
    """The roles ``word`` plays in the word file ``name`` (empty for an unknown word)."""
    return frozenset(table(name).get(word, ()))


def setting(section: str, key: str) -> Any:
    """One named threshold or window size from ``settings.toml``."""
    return table("settings")[section][key]
