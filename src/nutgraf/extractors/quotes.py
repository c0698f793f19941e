"""Who said what: direct quotations and reported speech, each attributed to its speaker.

Direct quotes are found on the characters of the body (quotation marks, paragraph by
paragraph, with the newspaper convention for quotes that run over paragraphs); reported
speech on spaCy's dependency parse (a speech verb and its clause). A speaker is the subject
of the cue verb, resolved to the article's entity through its name, a pronoun ("he said")
or a description that matches a title ("the prime minister said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from nutgraf.extractors.base import Extractor
from nutgraf.extractors.reference import References, references
from nutgraf.lexicon import inflected, setting, with_role
from nutgraf.records import Entity, Quote, QuoteMode

OPENING_MARKS = frozenset('"“«„')
CLOSING_MARKS = frozenset('"”»')
MARKS = OPENING_MARKS | CLOSING_MARKS
DOUBLED_APOSTROPHES = re.compile(r"(?<!')''(?!')")
SPEECH_VERBS = with_role("words", "speech")
# Verbs of belief and intent that news attributes the same way as speech.
BELIEF_VERBS = with_role("words", "belief")
# Verbs of finding and showing: polls, reports and studies are sources too.
EVIDENCE_VERBS = with_role("words", "evidence")
REPORTED_VERBS = (SPEECH_VERBS - with_role("words", "direct_only")) | BELIEF_VERBS | EVIDENCE_VERBS
# Nouns that report what someone said or holds when a "that" clause follows ("Clinton's claim
# that ...", "issued a statement that ...").
NOUN_CUES = with_role("words", "noun_cue")
# Noun cues of what someone holds, not says ("the belief that ...", "his fear that ...").
BELIEF_NOUNS = with_role("words", "belief_noun")
# Verbs whose object is what was said about it ("criticized the plan", "called for a recount").
STANCE_VERBS = with_role("words", "stance")
# Words of a direct quote below which an unattributed quote is taken for a name or a scare
# quote, not a quotation.
MIN_UNATTRIBUTED_WORDS: int = setting("quotes", "min_unattributed_words")
REFUSALS = with_role("words", "refusal")
# Tokens after a closing mark within which a cue ("..., the minister said on Tuesday") is sought.
CUE_WINDOW: int = setting("quotes", "cue_window")
# A part of a clause its cue interrupts is a fragment of the content when it has these tokens.
MIN_FRAGMENT_TOKENS: int = setting("quotes", "min_fragment_tokens")


@dataclass(frozen=True)
class _Marked:
    """A direct quote located on the characters: content offsets and the paragraph index."""

    start: int
    end: int
    open_at: int
    close_at: int
    paragraph: int


@dataclass(frozen=True)
class _Speaker:
    entity: str | None
    text: str | None
    start: int | None
    end: int | None


_NO_SPEAKER = _Speaker(None, None, None, None)


def extract(doc: Doc, entities: list[Entity], resolved: References | None = None) -> list[Quote]:
    """Direct and reported quotes of the article, in reading order."""
    resolver = SpeakerResolver(resolved or References(doc, entities))
    direct = direct_quotes(doc, resolver)
    reported, absorbed = reported_speech(doc, resolver, direct)
    kept = [q for q in direct if (q.start, q.end) not in absorbed]
    return sorted(kept + reported, key=lambda q: q.start)


# Direct quotes ------------------------------------------------------------------------------


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs (the body separates them with blank lines)."""
    ranges = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        ranges.append((match.start(), match.end()))
    return ranges


def find_marked(text: str) -> list[_Marked]:
    """Spans between quotation marks, paragraph by paragraph.

    A mark's direction comes from its shape (a space before and a word after opens, a word
    before closes), so straight and wrongly curled marks pair up. The newspaper convention for
    a quote that runs on is followed: a paragraph left open continues into the next one when
    that opens with a mark; inside a paragraph, a mark that opens right after a sentence's end
    continues the open quote (paragraphs joined by a scraper). A quote never closed ends with
    its paragraph.
    """
    quotes: list[_Marked] = []
    text = _doubled_apostrophes(text)
    paragraphs = paragraph_ranges(text)
    carried: int | None = None
    for index, (start, end) in enumerate(paragraphs):
        open_at, depth = carried, 0
        position = start + 1 if carried is not None and text[start] in OPENING_MARKS else start
        for i in range(position, end):
            if text[i] not in MARKS:
                continue
            shape = _shape(text, i, start, end)
            if open_at is None:
                if shape == "open" or (shape is None and text[i] in OPENING_MARKS):
                    open_at = i
            elif shape == "close" or (shape is None and text[i] in CLOSING_MARKS):
                if depth:
                    depth -= 1
                    continue
                quotes.append(_content(text, open_at, i, index))
                open_at = None
            elif not re.search(r"[.?!:][\s]*$", text[open_at + 1 : i]):
                depth += 1
        next_opens = index + 1 < len(paragraphs) and text[paragraphs[index + 1][0]] in OPENING_MARKS
        if open_at is not None and next_opens:
            carried = open_at
        else:
            if open_at is not None:
                quotes.append(_content(text, open_at, end, index))
            carried = None
    return [q for q in quotes if q.end > q.start]


def _doubled_apostrophes(text: str) -> str:
    """The text with each pair of apostrophes used as a quotation mark (''like this'', as
    some newspaper archives write them) turned into a space and a straight mark, the mark on
    the side of the quoted words, so that offsets stay those of the text."""

    def mark(match: re.Match[str]) -> str:
        at = match.start()
        opens = at == 0 or text[at - 1].isspace() or text[at - 1] in "([{—–-:/"
        return ' "' if opens else '" '

    return DOUBLED_APOSTROPHES.sub(mark, text)


def _shape(text: str, i: int, start: int, end: int) -> str | None:
    """ "open" for a mark before a word, "close" for one after a word, None when unclear."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    opening = (before.isspace() or before in "([{—–-:/") and not after.isspace()
    closing = (
        not before.isspace() and before not in "([{" and (after.isspace() or not after.isalnum())
    )
    if opening != closing:
        return "open" if opening else "close"
    return None


def _content(text: str, open_at: int, close_at: int, paragraph: int) -> _Marked:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return _Marked(start, end, open_at, close_at, paragraph)


def direct_quotes(doc: Doc, resolver: SpeakerResolver) -> list[Quote]:
    """Direct quotes with cue and speaker; a quote with no cue of its own takes the speaker of
    the quote before it in the paragraph, or of the paragraph before when it is all quote."""
    text = doc.text
    marked = find_marked(text)
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_paragraph = -1
    paragraphs = paragraph_ranges(text)
    for index, mark in enumerate(marked):
        cue = cue_after(doc, mark, marked[index + 1 :]) or cue_before(doc, mark, marked[:index])
        quote = Quote(
            kind="direct", text=text[mark.start : mark.end], start=mark.start, end=mark.end
        )
        if cue is not None:
            speaker = resolver.speaker_of(cue)
            quote = _attributed(quote, speaker, cue)
        elif (introduced := resolver.introduced_by(mark.open_at)) is not None:
            quote = _with_speaker(quote, introduced)
        elif previous is not None and previous.speaker_text is not None:
            same_paragraph = previous_paragraph == mark.paragraph
            whole_paragraph = mark.open_at == paragraphs[mark.paragraph][0]
            if same_paragraph or (whole_paragraph and previous_paragraph == mark.paragraph - 1):
                quote = _inherit(quote, previous)
        if is_name(quote.text) or (
            quote.speaker_text is None and len(quote.text.split()) < MIN_UNATTRIBUTED_WORDS
        ):
            continue
        quotes.append(quote)
        if quote.speaker_text is not None:
            previous, previous_paragraph = quote, mark.paragraph
    return quotes


def is_name(text: str) -> bool:
    """A title in quotation marks ("Good Morning America"), not a quotation: a few words,
    each capitalised, no sentence punctuation."""
    words = text.rstrip(".,!?").split()
    if not 1 <= len(words) <= 6 or re.search(r"[.,;:!?]", text.rstrip(".,!?")):
        return False
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at"}
    return all(w[:1].isupper() or w.lower() in small for w in words) and words[0][:1].isupper()


def _with_speaker(quote: Quote, speaker: _Speaker) -> Quote:
    return replace(
        quote,
        speaker=speaker.entity,
        speaker_text=speaker.text,
        speaker_start=speaker.start,
        speaker_end=speaker.end,
    )


def _attributed(quote: Quote, speaker: _Speaker, cue: Token) -> Quote:
    words = cue_words(cue)
    return replace(
        _with_speaker(quote, speaker),
        cue=words.text,
        cue_start=words.start_char,
        cue_end=words.end_char,
    )


def _inherit(quote: Quote, previous: Quote) -> Quote:
    speaker = _Speaker(
        previous.speaker, previous.speaker_text, previous.speaker_start, previous.speaker_end
    )
    return _with_speaker(quote, speaker)


def cue_words(cue: Token) -> Span:
    """The cue as news writes it: the verb with its auxiliaries and adverbs just before it
    ("has also said", "is demanding"), and the particle of "according to", "called for"."""
    doc = cue.doc
    start = cue.i
    while start > 0 and doc[start - 1].head == cue and doc[start - 1].dep_ in CUE_MODIFIERS:
        start -= 1
    end = cue.i + 1
    particles = CUE_PARTICLES.get(cue.lemma_.lower(), ())
    if end < len(doc) and doc[end].head == cue and doc[end].lower_ in particles:
        end += 1
    return doc[start:end]


def is_cue_word(word: str) -> bool:
    """Whether nutgraf takes this word (any inflection) for a cue of speech, belief or stance."""
    word = word.lower()
    cues = SPEECH_VERBS | REPORTED_VERBS | STANCE_VERBS
    return word == "according" or word in inflected(cues)


def is_verb_of(token: Token, lemmas: frozenset[str]) -> bool:
    """Whether a verb token is one of these verbs, by lemma or by its inflected form."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return token.lemma_.lower() in lemmas or token.lower_ in inflected(lemmas)


CUE_MODIFIERS = frozenset({"aux", "auxpass", "advmod"})
# Words that belong to the cue after its verb, by the verb's lemma.
CUE_PARTICLES = {"accord": ("to",), "call": ("for", "on"), "point": ("to", "out")}


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
    return is_verb_of(token, SPEECH_VERBS) and asserts(token)


def asserts(verb: Token) -> bool:
    """A verb that reports something said: not negated ("hasn't said"), not refused
    ("declined to say"), not an adjective ("pledged delegates")."""
    if verb.dep_ in {"amod", "compound"} or any(c.dep_ == "neg" for c in verb.children):
        return False
    head = verb.head
    refused = verb.dep_ == "xcomp" and head.lemma_.lower() in REFUSALS
    return not (refused or (verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children)))


def _outside(token: Token, marked: list[_Marked]) -> bool:
    return not any(m.open_at <= token.idx <= m.close_at for m in marked)


def cue_after(doc: Doc, mark: _Marked, following: list[_Marked]) -> Token | None:
    """``"...," Koizumi said.`` / ``"...," said Koizumi`` / ``"...," according to X.``"""
    limit = following[0].open_at if following and following[0].paragraph == mark.paragraph else None
    first = doc.char_span(mark.close_at, mark.close_at + 1, alignment_mode="expand")
    if first is None:
        return None
    for count, token in enumerate(doc[first.end :]):
        if count >= CUE_WINDOW or "\n" in token.text or (limit is not None and token.idx >= limit):
            return None
        if _is_cue(token):
            return token
        if token.text in {".", "!", "?", ";"} and count > 0:
            return None
    return None


def cue_before(doc: Doc, mark: _Marked, preceding: list[_Marked]) -> Token | None:
    """``Koizumi said: "..."`` / ``He called the plan "a disaster"``: the last cue before the
    opening mark in the same sentence, not inside an earlier quote."""
    first = doc.char_span(mark.open_at, mark.open_at + 1, alignment_mode="expand")
    if first is None:
        return None
    sentence_start = first.sent.start
    for token in reversed(doc[sentence_start : first.start]):
        if "\n" in token.text:
            return None
        if _is_cue(token) and _outside(token, preceding):
            return token
    return None


# Reported speech ----------------------------------------------------------------------------


def reported_speech(
    doc: Doc, resolver: SpeakerResolver, direct: list[Quote]
) -> tuple[list[Quote], set[tuple[int, int]]]:
    """ "X said (that) ...", "..., X said.", "according to X, ...", "X believes ...".

    A clause that quotes a few words of the speaker ("said all Americans must engage in "more
    listening"") is one attribution: the clause is reported, and the partial quote it holds is
    absorbed into it. Returns the reported quotes and the spans of the direct ones absorbed.
    """
    quotes = []
    absorbed: set[tuple[int, int]] = set()
    for token in doc:
        found = reported_content(token)
        if found is None:
            continue
        content, mode = found
        start, end = content.start_char, content.end_char
        inside = [q for q in direct if start < q.end and q.start < end]
        if inside and not _holds_partial_quotes(content, inside, token):
            continue
        subject = resolver.subject(token)
        if subject is None or subject.dep_ == "nsubjpass":
            continue
        speaker = resolver.speaker_of(token)
        for part in fragments(content, token):
            quote = Quote(
                kind="indirect", text=part.text, start=part.start_char, end=part.end_char,
                mode=mode,
            )  # fmt: skip
            quotes.append(_attributed(quote, speaker, token))
        absorbed |= {(q.start, q.end) for q in inside}
    return quotes, absorbed


def fragments(content: Span, cue: Token) -> list[Span]:
    """The content as attribution corpora mark it: a clause its cue interrupts ("The plan has
    flaws, she says, and will cost more") is two fragments, one each side of the cue's words."""
    own = sorted(cue.subtree, key=lambda t: t.i)
    if not content.start < own[0].i <= own[-1].i < content.end - 1:
        return [content]
    doc = content.doc
    parts = [doc[content.start : own[0].i], doc[own[-1].i + 1 : content.end]]
    trimmed = [_without_edge_punctuation(part) for part in parts]
    return [part for part in trimmed if len(part) >= MIN_FRAGMENT_TOKENS] or [content]


def _without_edge_punctuation(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_punct:
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


def _holds_partial_quotes(clause: Span, quotes: list[Quote], cue: Token) -> bool:
    """The clause contains these quotes whole, they hang on its cue, and it says more than
    they do (at least two words outside the quotation marks)."""
    end = clause.end
    while end < len(clause.doc) and clause.doc[end].is_punct and "\n" not in clause.doc[end].text:
        end += 1  # the closing punctuation and mark the clause was trimmed of
    end_char = clause.doc[end - 1].idx + len(clause.doc[end - 1])
    whole = all(clause.start_char <= q.start and q.end <= end_char for q in quotes)
    same_cue = all(q.cue_start in {None, cue.idx} for q in quotes)
    quoted = {i for q in quotes for i in range(q.start, q.end)}
    outside = [t for t in clause if t.is_alpha and t.idx not in quoted]
    return whole and same_cue and len(outside) >= 2


def reported_content(cue: Token) -> tuple[Span, QuoteMode] | None:
    """The clause a reporting verb introduces, without "that" and closing punctuation, and
    whether it reports what was said, what is held, or a stance taken on something."""
    mode: QuoteMode = "speech"
    if cue.lower_ == "according":
        own_words = set(cue.subtree)
        tokens = [t for t in cue.head.subtree if t not in own_words]
    elif is_verb_of(cue, REPORTED_VERBS) and asserts(cue):
        clause = _reported_clause(cue)
        if clause is None:
            return None
        tokens = list(clause.subtree)
        speech = is_verb_of(cue, SPEECH_VERBS | EVIDENCE_VERBS)
        mode = "speech" if speech else "belief"
    elif is_verb_of(cue, STANCE_VERBS) and asserts(cue):
        said_of = _stance_object(cue)
        if said_of is None:
            return None
        tokens, mode = list(said_of.subtree), "stance"
    elif cue.pos_ == "NOUN" and cue.lemma_.lower() in NOUN_CUES:
        clauses = [c for c in cue.children if any(m.lower_ == "that" for m in _marks(c))]
        if not clauses:
            return None
        tokens = list(clauses[0].subtree)
        mode = "belief" if cue.lemma_.lower() in BELIEF_NOUNS else "speech"
    else:
        return None
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].lower_ == "to"):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and not _closes_a_quote(tokens):
        tokens = tokens[:-1]
    if len(tokens) < 3:
        return None
    return cue.doc[tokens[0].i : tokens[-1].i + 1], mode


def _marks(clause: Token) -> list[Token]:
    return [c for c in clause.children if c.dep_ == "mark"]


def _closes_a_quote(tokens: list[Token]) -> bool:
    """The last token is a quotation mark that closes one opened inside these tokens."""
    marks = [t for t in tokens if t.text in MARKS]
    return bool(marks) and tokens[-1].text in MARKS and len(marks) % 2 == 0


def _stance_object(cue: Token) -> Token | None:
    """What a stance verb is said of: its object ("criticized the plan"), or the object of
    its particle ("called for a recount")."""
    for child in cue.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ in {"for", "on"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _reported_clause(cue: Token) -> Token | None:
    """The clause after the verb ("X said Y"), else the one before it ("Y, X said") when no
    semicolon or full stop stands between them, else the one it interrupts."""
    clauses = [
        c for c in cue.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}
    ]
    after = [c for c in clauses if c.i > cue.i]
    if after:
        return after[0]
    for clause in reversed(clauses):
        between = cue.doc[clause.right_edge.i + 1 : cue.i]
        if not any(t.text in {";", ".", "?", "!"} for t in between):
            return clause
    if cue.dep_ == "parataxis" and cue.head.pos_ in {"VERB", "AUX"}:
        return cue.head  # "The plan has flaws, she says, and will cost more": the whole clause
    return None


# Speakers -----------------------------------------------------------------------------------


class SpeakerResolver:
    """Finds the subject of a cue and resolves it to one of the article's entities."""

    def __init__(self, resolved: References) -> None:
        self.references = resolved

    def introduced_by(self, offset: int) -> _Speaker | None:
        """A quote a name introduces with a colon and no verb ("Republican pollster Daron
        Shaw: "...""): that name's person or organisation."""
        before = self.references.doc.text[:offset].rstrip()
        if not before.endswith(":"):
            return None
        entity = self.references.entity_at.get(len(before.rstrip(":").rstrip()) - 1)
        if entity is None or entity.type not in {"PERSON", "ORG"}:
            return None
        end = len(before.rstrip(":").rstrip())
        mention = next(m for m in entity.mentions if m.start < end <= m.end)
        return _Speaker(entity.id, mention.text, mention.start, mention.end)

    def speaker_of(self, cue: Token) -> _Speaker:
        """The cue's speaker: its subject (or the "to" of "according to"), resolved."""
        subject = self.subject(cue)
        if subject is None:
            return _NO_SPEAKER
        phrase = self.phrase(subject, cue)
        entity = self.references.resolve(subject)
        return _Speaker(entity, phrase.text, phrase.start_char, phrase.end_char)

    def subject(self, cue: Token) -> Token | None:
        """The cue's grammatical subject (through xcomp, conj and participles), or the name
        right after it ("said Koizumi")."""
        if cue.lower_ == "according":
            objects = [c for t in cue.subtree for c in t.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        if cue.pos_ == "NOUN":  # "Clinton's claim that", "Clinton made the claim that"
            owners = [c for c in cue.children if c.dep_ == "poss"]
            if owners or cue.dep_ != "dobj":
                return owners[0] if owners else None
            cue = cue.head
        verb: Token | None = cue
        for _ in range(3):
            if verb is None:
                return None
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:
                return subjects[0]
            if verb.dep_ in {"xcomp", "conj", "advcl", "acl", "relcl"}:
                verb = verb.head if verb.head.pos_ in {"VERB", "AUX"} else verb.head.head
            else:
                verb = None
        after = [t for t in cue.doc[cue.i + 1 : cue.i + 4] if t.pos_ in {"PROPN", "PRON"}]
        return after[0] if after else None

    def phrase(self, subject: Token, cue: Token) -> Span:
        """The words that name the speaker: the subject's whole phrase, with its apposition
        and relative clause ("Kenneth Baer, a former official who runs a firm,"), as news
        attribution is annotated; never past the cue or into a quotation."""
        tokens = sorted(subject.subtree, key=lambda t: t.i)
        stop = next((t.i for t in tokens if t.text in MARKS or t.i == cue.i), None)
        if stop is not None and stop > subject.i:
            tokens = [t for t in tokens if t.i < stop]
        while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
            tokens = tokens[:-1]
        while len(tokens) > 1 and tokens[0].is_punct:
            tokens = tokens[1:]
        return subject.doc[tokens[0].i : tokens[-1].i + 1]


EXTRACTOR = Extractor(
    "quotes",
    lambda context: extract(context.doc, context.facts["entities"], context.shared(references)),
    needs=("entities",),
)
