"""Which of the article's entities a word refers to: a name, a name in apposition, a
relative pronoun, he/she/it/they, or a title ("the minister").

Quotes ask it for speakers and events for actors and targets, so the two always agree.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from nutgraf.extractors.base import Context
from nutgraf.extractors.entities import entity_index
from nutgraf.lexicon import grouped, table
from nutgraf.records import Entity

MASCULINE = frozenset({"he", "him", "his", "himself"})
REFLEXIVES = frozenset({"himself", "herself"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
# Words that tell a person's gender ("Mrs", "spokeswoman"), word -> "m" or "f".
GENDERED_WORDS = {
    word: gender for gender, words in grouped("words", "gender").items() for word in words
}


def references(context: Context) -> References:
    """The article's resolver, shared by quotes and events (``Context.shared``)."""
    return References(context.doc, context.facts["entities"])


# The usual gender of common first names (1990 US Census lists, ``first_names.toml``).
FIRST_NAMES = table("first_names")
QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]")


class References:
    """Resolves words of one article to its entities."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.entity_at = entity_index(entities)
        self.gender = infer_gender(doc, entities, self.entity_at)
        self.sentence_starts = [s.start for s in doc.sents]
        self.quoted = quoted_ranges(doc.text)

    def resolve(self, word: Token) -> str | None:
        """The one entity a phrase's head refers to, or None (anonymous, unresolved or a group).

        Only the phrase's head counts ("Cameron's spokesman" is not Cameron, "the Conservative
        leader" not the Conservatives), or a name in apposition to it ("one of his deputies,
        Mahendra Siregar").
        """
        found = self.referents(word)
        return found[0].id if len(found) == 1 else None

    def referents(self, word: Token) -> list[Entity]:
        """Every entity the word refers to: "they" may be two ("Britain and Australia ...
        that they would hand over")."""
        if word.tag_ in {"WP", "WDT"} and word.head.dep_ == "relcl":
            word = word.head.head  # "Clinton, who said ...": the one the clause is about
        for token in [word, *(c for c in word.children if c.dep_ == "appos")]:
            entity = self.entity_at.get(token.idx)
            if entity is not None and entity.type in {"PERSON", "ORG", "GPE"}:
                return [entity]
        lower = word.lower_
        if lower in PERSON_PRONOUNS:
            gender = "m" if lower in MASCULINE else "f"
            return self._ids(self.salient_before(word.idx, {"PERSON"}, gender))
        if lower in THING_PRONOUNS:
            return self._ids(self.salient_before(word.idx, {"ORG", "GPE"}, None))
        if lower in GROUP_PRONOUNS:
            return self.group_before(word)
        if word.pos_ == "NOUN":
            return self._ids(self.titled_before(word))
        return []

    def _ids(self, entity_id: str | None) -> list[Entity]:
        return [self.by_id[entity_id]] if entity_id is not None else []

    def group_before(self, word: Token) -> list[Entity]:
        """What "they" refers to: the latest plural subject of this or the previous sentence,
        when its members are entities ("Britain and Australia", "the police")."""
        for token in reversed(words_before(word)):
            if token.dep_ not in {"nsubj", "nsubjpass"} or token.lower_ in GROUP_PRONOUNS:
                continue
            members = [token, *token.conjuncts]
            found = [self.entity_at.get(t.idx) for t in members]
            entities = [e for e in found if e is not None and e.type in {"ORG", "GPE", "NORP"}]
            if len(members) > 1 or token.tag_ in {"NNS", "NNPS"}:
                return entities if len(entities) == len(members) else []
            if entities and entities[0].type == "ORG":
                return entities
        return []

    def salient_before(self, offset: int, types: set[str], gender: str | None) -> str | None:
        """The most salient entity of these types (and not of the other gender) before
        ``offset``: a subject before a mere mention, the nearest sentence first, in it the
        main clause's subject before an embedded one ("Balls said Brown would ... He said":
        Balls), the latest last. Words inside quotation marks are the speaker's, not the
        story's: a person they mention is never what a later "he" refers to."""
        here = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        current = here.sent.start if here is not None else len(self.doc)
        best: tuple[tuple[int, int, int, int], str] | None = None
        for entity in self.entities:
            other_gender = gender is not None and self.gender.get(entity.id) not in {None, gender}
            if entity.type not in types or other_gender:
                continue
            for mention in entity.mentions:
                if mention.start >= offset or self._quoted(mention.start):
                    continue
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                root = span.root
                is_subject = root.dep_ in {"nsubj", "nsubjpass"}
                main_clause = is_subject and root.head.dep_ == "ROOT"
                distance = self._sentences_between(span.sent.start, current)
                rank = (0 if is_subject else 1, distance, 0 if main_clause else 1, -mention.start)
                if best is None or rank < best[0]:
                    best = (rank, entity.id)
        return best[1] if best else None

    def _sentences_between(self, start: int, current: int) -> int:
        starts = self.sentence_starts  # sorted: count those in (start, current] by bisection
        return bisect.bisect_right(starts, current) - bisect.bisect_right(starts, start)

    def _quoted(self, offset: int) -> bool:
        return any(start < offset < end for start, end in self.quoted)

    def titled_before(self, subject: Token) -> str | None:
        """ "the prime minister said": the latest person whose title ends with that noun."""
        noun = subject.lower_
        candidates = [
            (max(m.start for m in e.mentions if m.start < subject.idx), e.id)
            for e in self.entities
            if e.type == "PERSON"
            and any(t.lower().split()[-1] == noun for t in e.titles)
            and any(m.start < subject.idx for m in e.mentions)
        ]
        return max(candidates)[1] if candidates else None


def infer_gender(doc: Doc, entities: list[Entity], entity_at: dict[int, Entity]) -> dict[str, str]:
    """What the article itself says of each person's gender: forms of address and gendered
    titles ("Mrs", "congresswoman"), and the pronouns of sentences that name only them."""
    text = doc.text
    votes: dict[str, Counter[str]] = {e.id: Counter() for e in entities if e.type == "PERSON"}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for title in entity.titles:
            for word in title.lower().split():
                if word in GENDERED_WORDS:
                    votes[entity.id][GENDERED_WORDS[word]] += 3
        first = entity.name.split()[0].lower() if len(entity.name.split()) > 1 else ""
        if first in FIRST_NAMES:
            votes[entity.id][FIRST_NAMES[first]] += 2
        for mention in entity.mentions:
            before = text[max(0, mention.start - 6) : mention.start].lower().split()
            if before and before[-1].rstrip(".") in GENDERED_WORDS:
                votes[entity.id][GENDERED_WORDS[before[-1].rstrip(".")]] += 3
    sentences = list(doc.sents)
    named = [_people_in(sentence, entity_at) for sentence in sentences]
    for index, sentence in enumerate(sentences):
        if len(named[index]) != 1:
            continue
        (person,) = named[index]
        pronouns = [t for t in sentence if t.lower_ in REFLEXIVES or t.lower_ == "his"]
        if index + 1 < len(sentences) and not named[index + 1]:
            pronouns += [
                t for t in sentences[index + 1] if t.dep_ == "nsubj" and t.lower_ in {"he", "she"}
            ][:1]
        for token in pronouns:
            votes[person]["m" if token.lower_ in MASCULINE else "f"] += 1
    return {
        person: count.most_common(1)[0][0]
        for person, count in votes.items()
        if count and (len(count) == 1 or count.most_common(2)[0][1] > count.most_common(2)[1][1])
    }


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges between quotation marks, paragraph by paragraph (a quote never runs
    past its paragraph here: what matters is what a speaker's own words mention)."""
    return [(m.start(), m.end()) for m in QUOTED.finditer(text)]


def _people_in(sentence: Span, entity_at: dict[int, Entity]) -> set[str]:
    found = (entity_at[t.idx] for t in sentence if t.idx in entity_at)
    return {entity.id for entity in found if entity.type == "PERSON"}


def words_before(word: Token) -> Span:
    """The words of the previous sentence and of this one up to ``word``: where what a word
    refers back to is named."""
    start = word.sent.start
    if start > 0:
        start = word.doc[start - 1].sent.start
    return word.doc[start : word.i]
