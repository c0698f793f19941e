"""Tiny deterministic sentence splitter (no nutgraf, no library).

1. Paragraphs = text split on blank lines (runs of "\n" with optional spaces).
2. Inside a paragraph, a sentence ends after [.!?] plus any closing quotes/brackets
   (" ” ’ ' ) ]) when followed by whitespace and then an opening quote, bracket,
   digit or upper-case letter -- unless the token ending in "." is a known
   abbreviation (Mr. Dr. Sen. Gen. Jan. U.S. a.m. ...) or a single initial ("J.").
3. Sentence spans are stripped of surrounding whitespace; offsets are Python str
   indices into the text.
"""

import re

ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "maj",
    "prof",
    "rev",
    "jr",
    "sr",
    "hon",
    "pres",
    "sec",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "no",
    "vs",
    "v",
    "etc",
    "inc",
    "corp",
    "co",
    "ltd",
    "dept",
    "univ",
    "ft",
    "mt",
    "a.m",
    "p.m",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "d.c",
    "n.y",
    "calif",
    "fla",
    "ariz",
    "mass",
    "penn",
    "va",
    "wash",
    "mich",
    "ill",
    "ore",
    "conn",
    "tenn",
    "ky",
    "la",
    "md",
    "mo",
    "nev",
    "wis",
    "minn",
    "ala",
    "ga",
    "okla",
    "colo",
    "n.c",
    "s.c",
    "n.h",
    "n.j",
    "r",
    "d",
    "u.s.a",
    "op",
    "ed",
}

_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[0-9A-Z£$])")
_PARA = re.compile(r"\n[ \t]*\n")


def _is_abbrev(text, dot_pos):
    # token ending at the dot
    i = dot_pos
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "\"“‘'(":
        i -= 1
    tok = text[i:dot_pos].lower()
    if tok in ABBREV:
        return True
    if re.fullmatch(r"[a-z]", tok):  # single initial
        return True
    return bool(re.fullmatch(r"([a-z]\.)+[a-z]", tok))  # U.S / a.m style


def paragraphs(text):
    pos = 0
    for m in _PARA.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def sentences(text):
    """Yield (para_index, start, end) for each sentence."""
    for pi, (ps, pe) in enumerate(paragraphs(text)):
        para = text[ps:pe]
        cur = 0
        for m in _END.finditer(para):
            if para[m.start()] == "." and _is_abbrev(para, m.start()):
                continue
            s, e = cur, m.end()
            cur = m.end()
            yield from _strip(text, pi, ps + s, ps + e)
        if cur < len(para):
            yield from _strip(text, pi, ps + cur, pe)


def _strip(text, pi, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield pi, s, e
