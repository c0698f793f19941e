"""Events: who did what to whom, where and when, as CAMEO root codes.

Each verb of a sentence whose lemma the dictionary below codes becomes an event, and so does a
noun of meeting, protest or force with its parties ("heads to Washington for a summit with
President Bush"). The actor is the verb's subject, the target its object or the party of "to",
"with", "against", "from" (the recipient of what is handed over, the place troops leave), each
resolved to the article's entities through pronouns, apposition and possessives, one event per
joined actor; the place is a place named in the sentence, the date a date of the sentence.
Reporting verbs that only credit a clause ("officials said that ...") are attribution, which
``quotes`` keeps, not events. The dictionary
follows the root categories of the public CAMEO codebook (Schrodt 2012), 01 "make public
statement" to 20 "use unconventional mass violence"; it is small and general, not PETRARCH's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from nutgraf.extractors.base import Context, Extractor
from nutgraf.extractors.quotes import REFUSALS
from nutgraf.extractors.reference import References, references, words_before
from nutgraf.lexicon import grouped, table, with_role
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
VERB_CODES = grouped("words", "cameo")
# PETRARCH2's CAMEO verb dictionary (scripts/build_cameo_verbs.py): verbs and verb-object pairs.
CAMEO_VERBS: Mapping[str, str] = table("cameo_verbs")["verbs"]
CAMEO_OBJECTS: Mapping[str, Mapping[str, str]] = table("cameo_verbs")["objects"]
MOTION_PREPOSITIONS = with_role("words", "motion_preposition")
# Nouns of an event, coded when a party holds them ("Russia's invasion", "held talks").
NOUN_CODES = grouped("words", "cameo_noun")
# Verbs that only carry the event their object names: "held talks", "launched an attack".
LIGHT_VERBS = with_role("words", "light_verb")
# Praise, cooperation and aid are between parties: coded only when the object is one (or,
# for praise and apology, when there is none: "didn't apologize").
GIVING = frozenset({"05", "06", "07"})
# A verb whose object is what it acts on needs one; these count only with a target.
NEEDS_TARGET = with_role("words", "needs_target")
# Verbs that credit a clause ("said that ...") to someone: attribution, not an act.
REPORTING = with_role("words", "reporting")
# Where the other party of these verbs stands: the one handed to, the one withdrawn from.
RECIPIENT_VERBS = with_role("words", "recipient")
SOURCE_VERBS = with_role("words", "source")
# Verbs whose object is told, asked or made to act: "urged Japan to withdraw".
CONTROL_VERBS = with_role("words", "control")
TIMES = frozenset({"DATE", "TIME"})
NOT_TARGETS = TIMES | {"MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"}
# Heads that stand for the group they are "of": "a group of Republicans and Democrats".
GROUP_HEADS = with_role("words", "group_head")
ARMED = frozenset({"MIL", "REB", "COP"})
# CAMEO agent types, in order of precedence when a phrase has words of two.
ACTOR_TYPES = {kind: grouped("words", "actor")[kind] for kind in ("MIL", "GOV", "REB", "COP")}
SPEAKER_WORDS = with_role("words", "speaker_word")
# Prepositions that introduce a party, in order of preference; "of" only after a noun
# ("the invasion of Ukraine", "sanctions of ...", not "accused of").
_OBJECT_PREPOSITIONS = ("to", "with", "against", "from", "on", "of")


@dataclass(frozen=True)
class _Party:
    """An actor or target: its words in the text and the entity they name, if any."""

    span: Span
    entity: Entity | None


def extract(
    doc: Doc,
    entities: list[Entity],
    places: list[Place],
    dates: list[DateMention],
    resolved: References | None = None,
) -> list[Event]:
    """The coded events of the article, in reading order."""
    references = resolved or References(doc, entities)
    country_of = {place.entity: place.country for place in places}
    events = []
    for token in doc:
        code = code_of(token)
        refused = token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSALS
        if code is None or (refused and token.head.lemma_.lower() in VERB_CODES["12"]):
            continue  # "refused to apologize": the refusal is the event
        actors = _parties(_actor(token), references)
        target_word = _target(token, references)
        targets: list[_Party | None] = [*_parties(target_word, references)] or [None]
        if not actors or actors[0].span.root.lower_ in SPEAKER_WORDS:
            continue  # "we cannot ask": a speaker's own words, not a reported event
        if not _hand_coded(token) and not (_named_parties(actors) and _named_parties(targets)):
            continue  # the general dictionary codes only what one named party does to another
        if target_word is None and token.lemma_.lower() in NEEDS_TARGET:
            continue
        if code in GIVING and not _between_parties(code, target_word, references):
            continue  # "pyres provided images", "valued the animals"
        parties = {p.entity.id for p in [*actors, *targets] if p is not None and p.entity}
        where = [
            (p.entity, m.start)
            for p in places
            if p.entity not in parties and not p.demonym
            for m in p.mentions
        ]
        setting = _Setting(
            place=_nearest(token, where),
            date=_nearest(token, [(d.value, d.start) for d in dates if d.value]),
            negated=refused or any(c.dep_ == "neg" for c in token.children),
        )
        events += [
            _event(token, code, actor, target, setting, country_of)
            for actor in actors
            for target in targets
        ]
    return events


@dataclass(frozen=True)
class _Setting:
    """Where and when an event happened, and whether it did."""

    place: str | None
    date: str | None
    negated: bool


def _event(
    verb: Token,
    code: str,
    actor: _Party,
    target: _Party | None,
    setting: _Setting,
    country_of: dict[str, str | None],
) -> Event:
    sentence = verb.sent
    return Event(
        code=code,
        action=CAMEO_ROOTS[code],
        verb=verb.text,
        verb_start=verb.idx,
        verb_end=verb.idx + len(verb),
        actor=actor.entity.id if actor.entity else None,
        actor_text=actor.span.text,
        actor_start=actor.span.start_char,
        actor_end=actor.span.end_char,
        actor_type=_kind(actor),
        actor_country=_country(actor, country_of),
        target=target.entity.id if target and target.entity else None,
        target_text=target.span.text if target else None,
        target_start=target.span.start_char if target else None,
        target_end=target.span.end_char if target else None,
        target_type=_kind(target) if target else None,
        target_country=_country(target, country_of) if target else None,
        place=setting.place,
        date=setting.date,
        negated=setting.negated,
        start=sentence.start_char,
        end=sentence.end_char,
    )


def code_of(token: Token) -> str | None:
    """The CAMEO root of a verb or event noun, by its lemma; a light verb takes its event
    noun's ("imposed sanctions", "held a summit"); reporting verbs that only credit a clause,
    and event nouns with no party named, have none."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        if token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
            return None  # coded on its verb
        code = _noun_code(token)
        return code if code is not None and _noun_actor(token) is not None else None
    if token.pos_ != "VERB" or token.dep_ in {"amod", "compound"}:
        return None
    if lemma in LIGHT_VERBS:
        nouns = [_noun_code(c) for c in token.children if c.dep_ == "dobj"]
        if nouns and nouns[0] is not None:
            return nouns[0]
    if lemma in REPORTING and not any(c.dep_ == "dobj" for c in token.children):
        return None
    objects = [c.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "attr"}]
    by_object = CAMEO_OBJECTS.get(lemma, {})
    coded = next((by_object[o] for o in objects if o in by_object), None)
    hand = next((code for code, verbs in VERB_CODES.items() if lemma in verbs), None)
    heading = not objects and any(
        c.dep_ == "prep" and c.lower_ in MOTION_PREPOSITIONS for c in token.children
    )  # "heads to Washington": motion, which PETRARCH's prepositional patterns code
    return hand or coded or (None if heading else CAMEO_VERBS.get(lemma))


def _named_parties(parties: Sequence[_Party | None]) -> bool:
    """Whether a party is an entity of the article or an agent ("police", "the government")."""
    return any(p is not None and (p.entity is not None or _kind(p)) for p in parties)


def _hand_coded(token: Token) -> bool:
    """Whether nutgraf's own list (``words.toml``) codes the word, not only PETRARCH's."""
    lemma = token.lemma_.lower()
    lists = (*VERB_CODES.values(), *NOUN_CODES.values(), LIGHT_VERBS)
    return any(lemma in words for words in lists)


def _noun_code(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    return next((code for code, nouns in NOUN_CODES.items() if lemma in nouns), None)


def _actor(word: Token) -> Token | None:
    if word.pos_ == "NOUN":
        return _noun_actor(word)
    return _subject(word) or _implicit_agent(word)


def _noun_actor(noun: Token) -> Token | None:
    """Who holds a meeting or launches an attack: the owner ("Russia's invasion"), or the
    subject of the verb the noun is the object of ("heads ... for a summit with")."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in TIMES]
    if owners:
        return owners[0]
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in {"dobj", "pobj"} and head.pos_ == "VERB" and head.i != noun.i:
        return _subject(head)
    return None


def _subject(verb: Token) -> Token | None:
    """Who does what the verb says: its subject or passive agent; for an infinitive, the one
    its governing verb tells to act ("urged Japan to withdraw": Japan), else that verb's
    subject ("pledged to withdraw")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
        if subjects:
            subject = subjects[0]
            if subject.dep_ == "agent":
                objects = [c for c in subject.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
            return subject
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "were kidnapped": the one acted on, not the actor
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return verb.head  # "militants demanding ...": the noun does what its participle says
        if verb.dep_ == "ROOT":
            # "Koizumi heads to Washington": the small model takes a name before a verb that
            # is also a noun for a compound of it.
            names = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            return names[-1] if names else None
        if verb.dep_ not in {"xcomp", "conj", "advcl"} or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        if verb.dep_ == "xcomp":
            told = [
                c for c in verb.head.children
                if c.dep_ == "nsubjpass"
                or (c.dep_ == "dobj" and verb.head.lemma_.lower() in CONTROL_VERBS)
            ]  # fmt: skip
            if told:
                return told[0]
        verb = verb.head
    return None


def _implicit_agent(verb: Token) -> Token | None:
    """The armed group of this or the previous sentence's "by ..." for an agentless passive
    of force ("... were targeted by militants. Seven have been kidnapped"): news names the
    perpetrators once and goes on in the passive."""
    if code_of(verb) not in {"17", "18", "19", "20"}:
        return None
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    agents = [
        t for t in words_before(verb)
        if t.dep_ == "pobj" and t.head.dep_ == "agent"
        and actor_type(w.text for w in _phrase(t)) in ARMED
    ]  # fmt: skip
    return agents[-1] if agents else None


def _target(word: Token, references: References) -> Token | None:
    """The party acted on: the preferred party of a handing-over or withdrawal verb; else the
    first party among the objects, the parties inside an object that is not one ("sanctions
    on individual terrorists", "a request from Democrats"), the verb's own prepositional
    parties and, for appeals, demands and threats, the one told to act ("insisted that
    Pyongyang stop"); else the first object."""
    objects = [c for c in word.children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
    if word.lemma_.lower() in LIGHT_VERBS and any(_noun_code(o) for o in objects):
        objects = [t for o in objects for t in _inside(o)]  # "held talks with X": X
    if word.dep_ == "acl" and word.tag_ == "VBN":
        objects.insert(0, word.head)  # "a man shot by police": the noun it describes
    lemma = word.lemma_.lower()
    preferred = "to" if lemma in RECIPIENT_VERBS else "from" if lemma in SOURCE_VERBS else ""
    reached = [p for holder in [word, *objects] for p in _prepositional(holder, depth=2)]
    party = next((obj for preposition, obj in reached if preposition == preferred), None)
    if party is not None:
        return party
    inner = [t for o in objects for t in _inside(o)]
    own = sorted(
        (p for p in _prepositional(word, depth=1) if p[0] != "of" or word.pos_ == "NOUN"),
        key=lambda p: _OBJECT_PREPOSITIONS.index(p[0]),
    )
    told = _told(word) if code_of(word) in {"02", "10", "13"} else []
    candidates = [c for c in objects + inner + [o for _, o in own] + told if not _is_measure(c)]
    parties = [c for c in candidates if _is_party(c, references)]
    return next(iter(parties or candidates), None)


def _is_measure(word: Token) -> bool:
    """A date, time, amount or duration: what an event happens on or costs, never its target
    ("agreed on Wednesday", "paid $5m")."""
    return word.ent_type_ in NOT_TARGETS or word.like_num or any(c.isdigit() for c in word.text)


def _inside(thing: Token) -> list[Token]:
    """Parties named inside an object: its owner and its prepositional parties."""
    owners = [c for c in thing.children if c.dep_ == "poss"]
    return owners + [obj for _, obj in _prepositional(thing, depth=1)]


def _told(verb: Token) -> list[Token]:
    """Who an appeal, demand or threat is aimed at when the verb has no object: the subject
    or object of the clause it governs ("insisted that Pyongyang stop")."""
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}]
    for clause in clauses:
        for dep in ("nsubj", "dobj"):
            found = [c for c in clause.children if c.dep_ == dep]
            if found:
                return found[:1]
        clauses += [c for c in clause.children if c.dep_ == "ccomp"]
    return []


def _between_parties(code: str, target: Token | None, references: References) -> bool:
    if target is None:
        return code == "05"  # "didn't apologize"
    return _is_party(target, references)


def _is_party(word: Token, references: References) -> bool:
    """Whether a word names someone who can be acted on: an entity or a role."""
    return _named(word, references) is not None or actor_type([word.text]) is not None


def _prepositional(holder: Token, depth: int) -> list[tuple[str, Token]]:
    """The objects of the prepositions hanging on a word, through chains of them
    ("responsibility for security to Iraqi forces")."""
    found = []
    for child in holder.children:
        if child.dep_ not in {"prep", "dative"}:
            continue
        for obj in (c for c in child.children if c.dep_ == "pobj"):
            if child.lower_ in _OBJECT_PREPOSITIONS:
                found.append((child.lower_, obj))
            if depth > 1:
                found += _prepositional(obj, depth - 1)
    return found


def _parties(head: Token | None, references: References) -> list[_Party]:
    """The participants a head word names: one per joined name ("Britain and Australia"),
    one per entity a pronoun stands for ("they")."""
    if head is None:
        return []
    if head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl":
        head = head.head.head  # "the constitution, which bans ...": the clause's noun
    if head.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
        return []
    if head.lower_ in GROUP_HEADS:
        members = [c for p in head.children if p.lower_ == "of" for c in p.children]
        head = members[0] if members else head
    if head.pos_ == "PRON":
        pronoun = head.doc[head.i : head.i + 1]
        found = references.referents(head)
        return [_Party(_named_in(pronoun, e), e) for e in found] or [_Party(pronoun, None)]
    return [
        _Party(_phrase(member), _named(member, references)) for member in [head, *head.conjuncts]
    ]


def _named_in(pronoun: Span, entity: Entity) -> Span:
    """The entity's name in the pronoun's sentence, if it is there, else the pronoun: a name
    is what a reader checks ("Kerry said ... and he urged")."""
    sentence = pronoun.sent
    for mention in entity.mentions:
        if sentence.start_char <= mention.start < sentence.end_char:
            name = pronoun.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if name is not None:
                return name
    return pronoun


def _named(head: Token, references: References) -> Entity | None:
    """The entity a phrase names: its head or apposition, else its owner ("Japan's
    contribution" is Japan's)."""
    for word in [head, *(c for c in head.children if c.dep_ == "poss")]:
        found = references.referents(word)
        if len(found) == 1:
            return found[0]
    return None


def _phrase(head: Token) -> Span:
    """The words naming a participant: the head noun with its compounds and modifiers."""
    left = min((t.i for t in head.lefts if t.dep_ in {"compound", "amod", "poss", "nummod", "det"}),
               default=head.i)  # fmt: skip
    return head.doc[left : head.i + 1]


def actor_type(words: Iterable[str]) -> str | None:
    """A CAMEO-style role (government, military, rebels, police), by the words naming it."""
    lowered = {word.lower() for word in words}
    return next((kind for kind, cues in ACTOR_TYPES.items() if lowered & cues), None)


def _kind(party: _Party) -> str | None:
    """The party's role by its own words, else by its entity's titles ("Prime Minister")."""
    titles = party.entity.titles if party.entity is not None else []
    return actor_type(t.text for t in party.span) or actor_type(" ".join(titles).split())


def _country(party: _Party, country_of: dict[str, str | None]) -> str | None:
    return country_of.get(party.entity.id) if party.entity is not None else None


def _nearest(word: Token, found: Sequence[tuple[str | None, int]]) -> str | None:
    """The value found nearest the word in its sentence: the place or date of its clause."""
    sentence = word.sent
    inside = [(abs(at - word.idx), value) for value, at in found
              if sentence.start_char <= at < sentence.end_char and value is not None]  # fmt: skip
    return min(inside)[1] if inside else None


def _run(context: Context) -> list[Event]:
    facts = context.facts
    return extract(
        context.doc, facts["entities"], facts["places"], facts["dates"], context.shared(references)
    )


EXTRACTOR = Extractor("events", _run, needs=("entities", "places", "dates"))
