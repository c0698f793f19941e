"""Learned attribution spans: a CRF (python-crfsuite) that tags the source, cue and content of
attributions token by token (BIO), paragraph by paragraph.

The rules of ``quotes.py`` find most attributions but cut their spans by hand-written
conventions; the CRF, trained on PolNeAR (``scripts/train_attribution.py``), learns where
news annotators put the boundaries. Its features are the parse (lemma, part of speech,
dependency, head), nutgraf's cue lexicon, the quotation marks, and the rules' own tag for the
token, the usual way to stack a learned tagger on a rule system. One model per role, because
the roles nest (a reported attribution inside another's content).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources

import pycrfsuite
from spacy.tokens import Doc, Token

from nutgraf.extractors import entities, quotes
from nutgraf.extractors.base import Context
from nutgraf.extractors.quotes import find_marked, is_cue_word, paragraph_ranges
from nutgraf.extractors.reference import references
from nutgraf.lexicon import with_role
from nutgraf.records import CleanArticle, Quote

ROLES = ("source", "cue", "content")
CharSpan = tuple[int, int]
Features = list[str]
NOUN_CUES = with_role("words", "noun_cue")
# How far up the parse a cue is sought above a token (a source or content word hangs a few
# arcs below its cue).
CUE_ANCESTOR_DEPTH = 8


def model_path(role: str) -> str:
    return str(resources.files(__package__).joinpath("models", f"attribution_{role}.crfsuite"))


@functools.cache
def tagger(role: str) -> pycrfsuite.Tagger:
    """The shipped model of one role, opened once per process."""
    opened = pycrfsuite.Tagger()
    opened.open(model_path(role))
    return opened


def paragraphs(doc: Doc) -> list[list[Token]]:
    """The doc's words (white space left out), paragraph by paragraph: the CRF's sequences."""
    tokens = [t for t in doc if not t.is_space]
    found, position = [], 0
    for _, end in paragraph_ranges(doc.text):
        words = []
        while position < len(tokens) and tokens[position].idx < end:
            words.append(tokens[position])
            position += 1
        if words:
            found.append(words)
    return found


def tags_of(tokens: Sequence[Token], spans: Iterable[CharSpan]) -> list[str]:
    """BIO tags of the tokens for character spans (a token is in a span when it starts in
    it); a span starting inside an earlier one is left to that one."""
    tags = ["O"] * len(tokens)
    for start, end in sorted(spans):
        inside = [i for i, t in enumerate(tokens) if start <= t.idx < end]
        if not inside or tags[inside[0]] != "O":
            continue
        tags[inside[0]] = "B"
        for i in inside[1:]:
            tags[i] = "I"
    return tags


def spans_of(tokens: Sequence[Token], tags: Sequence[str]) -> list[CharSpan]:
    """Character spans of the BIO tags; an I after O starts a span, as B does."""
    spans: list[CharSpan] = []
    start: Token | None = None
    last: Token | None = None
    for token, tag in zip(tokens, tags, strict=True):
        if start is not None and last is not None and tag != "I":
            spans.append((start.idx, last.idx + len(last)))
            start = None
        if tag != "O":
            start = start or token
            last = token
    if start is not None and last is not None:
        spans.append((start.idx, last.idx + len(last)))
    return spans


def _is_cue(token: Token) -> bool:
    if token.lemma_.lower() in NOUN_CUES and token.pos_ == "NOUN":
        return True
    return token.pos_ in {"VERB", "AUX"} or token.lower_ == "according"


def _cue(token: Token) -> bool:
    return is_cue_word(token.text) and _is_cue(token)


def _bucket(distance: int | None) -> str:
    if distance is None:
        return "none"
    size = abs(distance)
    label = str(size) if size <= 3 else "4-6" if size <= 6 else "7+"
    return ("-" if distance < 0 else "+") + label


def _cue_path(token: Token) -> str:
    """The arc by which the token hangs below its nearest cue ancestor ("nsubj" for a source,
    "ccomp" for content) and how deep, or "none"."""
    child, depth = token, 0
    while child.head.i != child.i and depth < CUE_ANCESTOR_DEPTH:
        depth += 1
        if _cue(child.head):
            return f"{child.dep_}@{min(depth, 3)}"
        child = child.head
    return "none"


def _distances(cues: list[bool]) -> list[int | None]:
    """Signed distance in tokens to the nearest cue of the sequence (negative: cue after)."""
    where = [i for i, cue in enumerate(cues) if cue]
    return [min((i - c for c in where), key=abs) if where else None for i in range(len(cues))]


def _since(flags: list[bool]) -> list[int | None]:
    """Tokens since the last flagged one, None before the first."""
    found: list[int | None] = []
    last: int | None = None
    for i, flag in enumerate(flags):
        found.append(None if last is None else i - last)
        if flag:
            last = i
    return found


def features(
    tokens: Sequence[Token], rules: dict[str, list[CharSpan]], marked: Sequence[CharSpan]
) -> list[Features]:
    """Each token's features: the word, its parse, the cue lexicon, its place relative to
    quotation marks (``marked``: opening and closing mark offsets) and to the nearest cue, and
    the rules' BIO tag per role."""
    inside = [any(start < t.idx < end for start, end in marked) for t in tokens]
    opens = [any(t.idx == start for start, _ in marked) for t in tokens]
    closes = [any(t.idx == end for _, end in marked) for t in tokens]
    after_close = _since(closes)
    before_open = list(reversed(_since(list(reversed(opens)))))
    cues = [_cue(t) for t in tokens]
    cue_distance = _distances(cues)
    rule_tags = {role: tags_of(tokens, rules.get(role, [])) for role in ROLES}
    own: list[Features] = []
    for i, t in enumerate(tokens):
        own.append(
            [
                f"w={t.lower_}", f"suf={t.lower_[-3:]}", f"shape={t.shape_}", f"lemma={t.lemma_}",
                f"pos={t.pos_}", f"tag={t.tag_}", f"dep={t.dep_}", f"head={t.head.lemma_}",
                f"headpos={t.head.pos_}", f"dep|headpos={t.dep_}|{t.head.pos_}",
                f"ent={t.ent_type_ or 'O'}", f"cue={cues[i]}", f"cuepath={_cue_path(t)}",
                f"headcue={t.head.i != t.i and _cue(t.head)}", f"inside={inside[i]}",
                f"close={closes[i]}", f"open={opens[i]}", f"afterclose={_bucket(after_close[i])}",
                f"beforeopen={_bucket(before_open[i])}", f"cuedist={_bucket(cue_distance[i])}",
                f"inside|pos={inside[i]}|{t.pos_}", f"sentstart={t.is_sent_start}",
                f"sentend={t.is_sent_end}", f"punct={t.is_punct}",
                *(f"rule_{role}={rule_tags[role][i]}" for role in ROLES),
            ]
        )  # fmt: skip
    shared = ("w=", "pos=", "dep=", "cue=", "inside=", "rule_")
    found: list[Features] = []
    for i, mine in enumerate(own):
        window = list(mine)
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < len(own):
                window.append(f"{offset}:edge")
                continue
            window += [f"{offset}:{f}" for f in own[j] if f.startswith(shared)]
        found.append(window)
    return found


def marked_spans(doc: Doc) -> list[CharSpan]:
    """Where each direct quote's marks are: opening and closing mark offsets."""
    return [(m.open_at, m.close_at) for m in find_marked(doc.text)]


def sequences(
    doc: Doc, rules: dict[str, list[CharSpan]]
) -> Iterator[tuple[list[Token], list[Features]]]:
    """Each paragraph's tokens with their features."""
    marked = marked_spans(doc)
    for tokens in paragraphs(doc):
        yield tokens, features(tokens, rules, marked)


def tag(doc: Doc, rules: dict[str, list[CharSpan]]) -> dict[str, list[CharSpan]]:
    """The model's source, cue and content spans of the doc, per role."""
    found: dict[str, list[CharSpan]] = {role: [] for role in ROLES}
    for tokens, token_features in sequences(doc, rules):
        for role in ROLES:
            found[role] += spans_of(tokens, tagger(role).tag(token_features))
    return found


def rule_quotes(doc: Doc) -> list[Quote]:
    """nutgraf's rules alone on a parsed article: what the model is trained over."""
    context = Context(CleanArticle(body=doc.text), doc)
    context.facts["entities"] = entities.EXTRACTOR.run(context)
    return quotes.extract(doc, context.facts["entities"], context.shared(references))


def rule_roles(quotes: Iterable[Quote]) -> dict[str, list[CharSpan]]:
    """The rules' quotes as spans per role, the model's ``rule_*`` features."""
    roles: dict[str, list[CharSpan]] = {role: [] for role in ROLES}
    for quote in quotes:
        roles["content"].append((quote.start, quote.end))
        if quote.speaker_start is not None and quote.speaker_end is not None:
            roles["source"].append((quote.speaker_start, quote.speaker_end))
        if quote.cue_start is not None and quote.cue_end is not None:
            roles["cue"].append((quote.cue_start, quote.cue_end))
    return roles
