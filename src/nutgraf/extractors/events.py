"""Events: who did what to whom, where and when, as CAMEO root codes.

Each verb of a sentence whose lemma the dictionary below codes becomes an event: its actor is
the verb's subject, its target the object (or the object of "to", "with", "against", "from"),
its place a place named in the sentence, its date a date of the sentence. The dictionary
follows the root categories of the public CAMEO codebook (Schrodt 2012), 01 "make public
statement" to 20 "use unconventional mass violence"; it is small and general, not PETRARCH's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from nutgraf.extractors.entities import entity_index
from nutgraf.records import DateMention, Entity, Event, Place

CAMEO_ROOTS = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}
VERB_CODES = {
    code: frozenset(verbs.split())
    for code, verbs in {
        "01": "say announce state declare comment claim note explain tell report acknowledge",
        "02": "appeal urge ask request plead call",
        "03": "pledge promise offer vow agree propose",
        "04": "meet visit consult discuss host negotiate talk confer telephone summit",
        "05": "praise endorse thank support apologize apologise recognize forgive welcome value",
        "06": "cooperate hand deploy share exchange transfer",
        "07": "aid fund donate supply ferry provide",
        "08": "withdraw pull retreat release ease concede yield resign surrender lift",
        "09": "investigate probe examine inspect",
        "10": "demand insist require",
        "11": "criticize criticise accuse condemn denounce blame complain sue slam blast attack",
        "12": "reject refuse deny oppose veto block dismiss",
        "13": "threaten warn",
        "14": "protest march rally boycott strike",
        "15": "mobilize mobilise station",
        "16": "suspend cut expel sever recall halt",
        "17": "arrest detain seize impose sanction ban deport raid",
        "18": "kidnap abduct kill assassinate shoot stab wound injure torture",
        "19": "fight bomb shell invade clash occupy",
        "20": "massacre",
    }.items()
}
# A verb whose object is what it acts on needs one; these count only with a target.
NEEDS_TARGET = frozenset({"attack", "hand", "pull", "lift", "strike", "support", "value", "call"})
ACTOR_TYPES = {
    kind: frozenset(words.split())
    for kind, words in {
        "MIL": "troops troop army military soldiers soldier forces navy defense defence",
        "GOV": "government minister president ministry cabinet embassy ambassador "
        "administration governor official officials prime chancellor",
        "REB": "militants militant rebels rebel insurgents insurgent",
        "COP": "police officers officer",
    }.items()
}
SPEAKER_WORDS = frozenset({"i", "we", "you", "nobody", "everyone", "everybody", "somebody"})
_OBJECT_PREPOSITIONS = frozenset({"to", "with", "against", "from", "on"})


def extract(
    doc: Doc, entities: list[Entity], places: list[Place], dates: list[DateMention]
) -> list[Event]:
    """The coded events of the article, in reading order."""
    entity_at = entity_index(entities)
    events = []
    for token in doc:
        code = code_of(token)
        if code is None:
            continue
        actor = _participant(_subject(token))
        target = _participant(_object(token))
        if actor is None or actor.root.lower_ in SPEAKER_WORDS:
            continue  # "we cannot ask": a speaker's own words, not a reported event
        if target is None and token.lemma_.lower() in NEEDS_TARGET:
            continue
        sentence = token.sent
        events.append(
            Event(
                code=code,
                action=CAMEO_ROOTS[code],
                verb=token.text,
                verb_start=token.idx,
                verb_end=token.idx + len(token),
                actor=_entity(actor, entity_at),
                actor_text=actor.text,
                actor_start=actor.start_char,
                actor_end=actor.end_char,
                actor_type=actor_type(actor),
                target=_entity(target, entity_at) if target is not None else None,
                target_text=target.text if target is not None else None,
                target_start=target.start_char if target is not None else None,
                target_end=target.end_char if target is not None else None,
                place=_within(sentence, [(p.entity, m.start) for p in places for m in p.mentions]),
                date=_within(sentence, [(d.value, d.start) for d in dates if d.value]),
                negated=any(c.dep_ == "neg" for c in token.children),
                start=sentence.start_char,
                end=sentence.end_char,
            )
        )
    return events


def code_of(token: Token) -> str | None:
    """The CAMEO root of a verb, by its lemma (statements only when they have a subject)."""
    if token.pos_ != "VERB" or token.dep_ in {"amod", "compound"}:
        return None
    lemma = token.lemma_.lower()
    return next((code for code, verbs in VERB_CODES.items() if lemma in verbs), None)


def _subject(verb: Token) -> Token | None:
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
        if subjects:
            subject = subjects[0]
            if subject.dep_ == "agent":
                objects = [c for c in subject.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
            return subject
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive:
            return None  # "were kidnapped": the one acted on, not the actor
        if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head
        else:
            return None
    return None


def _object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            return child
    for child in verb.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in _OBJECT_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _participant(head: Token | None) -> Span | None:
    """The words naming a participant: the head noun with its compounds and modifiers."""
    if head is None or head.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
        return None
    left = min((t.i for t in head.lefts if t.dep_ in {"compound", "amod", "poss", "nummod", "det"}),
               default=head.i)  # fmt: skip
    return head.doc[left : head.i + 1]


def _entity(span: Span, entity_at: dict[int, Entity]) -> str | None:
    entity = entity_at.get(span.root.idx)
    return entity.id if entity is not None else None


def actor_type(span: Span) -> str | None:
    """A CAMEO-style role of the actor (government, military, rebels, police), by its words."""
    words = {t.lower_ for t in span}
    return next((kind for kind, cues in ACTOR_TYPES.items() if words & cues), None)


def _within(sentence: Span, found: list[tuple[str | None, int]]) -> str | None:
    return next(
        (value for value, at in found if sentence.start_char <= at < sentence.end_char), None
    )
