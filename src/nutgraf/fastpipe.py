"""Faster exact equivalents of two spaCy components, built from the loaded model's own data.

In ``en_core_web_sm`` the ``attribute_ruler`` and the ``lemmatizer`` cost about as much as the
parser, almost all of it Python work per token. ``speed_up`` replaces them, keeping their names:

- ``AttributeTable`` applies the model's own ``attribute_ruler.patterns``. A one-token
  pattern on a tag alone (most of them: the tag -> POS/morph map) becomes a table looked up for
  every token at once with numpy; the rest go to spaCy's ``Matcher``, as in the stock ruler.
  As there, all patterns match the doc as it was, and where several rules set one attribute of
  one token the latest rule wins.
- ``LemmaMemo`` calls spaCy's own lemmatizer once per (word, POS, morph) and reuses the answer:
  in rule mode a lemma depends on nothing else (spaCy's own cache uses that key).

``tests/test_fastpipe.py`` and ``bench/fastpipe_check.py`` check that both give the stock
components' tags, POS, morphs and lemmas, and so the same facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.vocab import Vocab

NOT_SET = -1
# Token attributes a one-token pattern may test here, each read for all tokens at once with
# ``Doc.to_array`` exactly as spaCy's Matcher reads it; other patterns go to the Matcher.
ARRAY_ATTRS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "IS_SPACE": IS_SPACE}
SET_PREDICATES = {"IN": False, "NOT_IN": True}  # predicate -> whether it negates membership

Condition = tuple[int, np.ndarray, bool]  # attribute id, the values, negated


class AttributeTable:
    """The ``attribute_ruler``'s patterns, the one-token ones tested on whole columns at once."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=False)
        # Per rule, in the order added: its attributes (ids -> value ids) and target index.
        self.rules: list[tuple[dict[int, int], int]] = []
        self.tag_rules: dict[int, list[int]] = {}
        self.tested: list[tuple[int, list[Condition]]] = []
        self._tables: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._vocabularies: dict[int, np.ndarray] = {}
        self._lookups: list[tuple[int, list[tuple[int, np.ndarray]]]] = []

    def add_patterns(self, patterns: Iterable[Mapping[str, Any]]) -> None:
        """Add rules given as ``AttributeRuler.patterns`` lists them."""
        for rule in patterns:
            self.add(rule["patterns"], rule.get("attrs", {}), rule.get("index", 0))

    def add(self, patterns: Sequence[Sequence[Mapping[str, Any]]], attrs: Any, index: int) -> None:
        """One rule, as ``AttributeRuler.add``: ``attrs`` set on token ``index`` of a match."""
        rule = len(self.rules)
        self.rules.append((normalize_token_attrs(self.vocab, attrs), index))
        for pattern in patterns:
            only = pattern[0] if len(pattern) == 1 else {}
            conditions = self._conditions(only) if only else None
            if set(only) == {"TAG"} and isinstance(only["TAG"], str):
                self.tag_rules.setdefault(self.vocab.strings.add(only["TAG"]), []).append(rule)
            elif conditions:
                self.tested.append((rule, conditions))
            else:
                self.matcher.add(str(rule), [[dict(token) for token in pattern]])
        self._build_tables()

    def _conditions(self, token_pattern: Mapping[str, Any]) -> list[Condition] | None:
        """The pattern as column tests, or None where one needs the Matcher (a regex...)."""
        conditions = []
        for key, wanted in token_pattern.items():
            if key not in ARRAY_ATTRS:
                return None
            negated = False
            if isinstance(wanted, dict):
                if len(wanted) != 1 or next(iter(wanted)) not in SET_PREDICATES:
                    return None
                predicate, wanted = next(iter(wanted.items()))
                negated = SET_PREDICATES[predicate]
            values = wanted if isinstance(wanted, list) else [wanted]
            if not all(isinstance(v, str | bool) for v in values):
                return None
            ids = [int(v) if isinstance(v, bool) else self.vocab.strings.add(v) for v in values]
            conditions.append((ARRAY_ATTRS[key], np.array(ids, dtype=np.uint64), negated))
        return conditions

    def _build_tables(self) -> None:
        """For each attribute: the sorted tags, the last rule on each tag setting it, its value."""
        tags = np.array(sorted(self.tag_rules), dtype=np.uint64)
        attributes = {name for attrs, _ in self.rules for name in attrs}
        self._tables = {}
        for name in attributes:
            rules = np.full(len(tags), NOT_SET, dtype=np.int64)
            values = np.zeros(len(tags), dtype=np.uint64)
            for position, tag in enumerate(tags.tolist()):
                setting = [r for r in self.tag_rules[tag] if name in self.rules[r][0]]
                if setting:
                    rules[position] = max(setting)
                    values[position] = self.rules[rules[position]][0][name]
            self._tables[name] = (tags, rules, values)
        named: dict[int, set[int]] = {}
        for _, conditions in self.tested:
            for attr, ids, _ in conditions:
                named.setdefault(attr, set()).update(ids.tolist())
        self._vocabularies = {
            attr: np.array(sorted(ids), dtype=np.uint64) for attr, ids in named.items()
        }
        self._lookups = [
            (rule, [(attr, self._accepted(attr, ids, negated)) for attr, ids, negated in tests])
            for rule, tests in self.tested
        ]

    def _accepted(self, attr: int, ids: np.ndarray, negated: bool) -> np.ndarray:
        """Whether each code of ``attr`` passes the test (the last code: any other value)."""
        known = self._vocabularies[attr]
        accepted = np.zeros(len(known) + 1, dtype=bool)
        accepted[np.searchsorted(known, ids)] = True
        return ~accepted if negated else accepted

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        names = list(self._tables)
        spacy_names: list[int | str] = [*names]
        read: list[int | str] = sorted({TAG, *self._vocabularies})
        columns = dict(zip(read, doc.to_array(read).reshape(len(doc), len(read)).T, strict=True))
        # Each tested column as codes: the position of the token's value among the values the
        # patterns name, or one past them for any other value.
        codes = {
            attr: np.where(known[found] == columns[attr], found, len(known))
            for attr, known in self._vocabularies.items()
            for found in [np.minimum(np.searchsorted(known, columns[attr]), len(known) - 1)]
        }
        current = doc.to_array(spacy_names).reshape(len(doc), len(names))
        winners = np.full(current.shape, NOT_SET, dtype=np.int64)

        def apply(rule: int, tokens: np.ndarray) -> None:
            for column, name in enumerate(names):
                if name in self.rules[rule][0]:
                    wins = tokens[rule >= winners[tokens, column]]
                    winners[wins, column] = rule
                    current[wins, column] = self.rules[rule][0][name]

        for column, name in enumerate(names):
            table_tags, rules, values = self._tables[name]
            if not len(table_tags):
                continue
            found = np.minimum(np.searchsorted(table_tags, columns[TAG]), len(table_tags) - 1)
            hit = (table_tags[found] == columns[TAG]) & (rules[found] != NOT_SET)
            winners[hit, column] = rules[found[hit]]
            current[hit, column] = values[found[hit]]
        for rule, conditions in self._lookups:
            mask = conditions[0][1][codes[conditions[0][0]]]
            for attr, accepted in conditions[1:]:
                mask &= accepted[codes[attr]]
            if mask.any():
                apply(rule, np.flatnonzero(mask))
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            rule = int(self.vocab.strings[match_id])
            apply(rule, np.array([doc[start:end][self.rules[rule][1]].i]))
        doc.from_array(spacy_names, cast(Any, current))
        return doc


class LemmaMemo:
    """spaCy's rule lemmatizer, asked once per (word, POS, morph)."""

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        self.memo: dict[tuple[int, int, int], int] = {}

    def use(self, lemmatizer: Lemmatizer) -> None:
        """Answer with ``lemmatizer``, which must be in rule mode, never overwriting."""
        if lemmatizer.mode != "rule" or lemmatizer.overwrite:
            raise ValueError("only a rule lemmatizer that keeps lemmas already set is memoised")
        self.lemmatizer = lemmatizer
        self.memo = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None or not len(doc):
            return doc
        found = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = found[:, 3]
        unset = np.flatnonzero(lemmas == 0).tolist()
        keys = zip(*(found[unset, column].tolist() for column in range(3)), strict=True)
        strings = doc.vocab.strings
        for i, key in zip(unset, keys, strict=True):
            lemma = self.memo.get(key)
            if lemma is None:
                lemma = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self.memo[key] = lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], cast(Any, lemmas))
        return doc


@Language.factory("nutgraf_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.vocab)


@Language.factory("nutgraf_lemma_memo")
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    return LemmaMemo()


def speed_up(nlp: Language) -> None:
    """Swap the stock ``attribute_ruler`` and ``lemmatizer`` for their faster equivalents."""
    ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
    lemmatizer = cast(Lemmatizer, nlp.get_pipe("lemmatizer"))
    table = cast(AttributeTable, nlp.replace_pipe("attribute_ruler", "nutgraf_attribute_table"))
    table.add_patterns(ruler.patterns)
    cast(LemmaMemo, nlp.replace_pipe("lemmatizer", "nutgraf_lemma_memo")).use(lemmatizer)
