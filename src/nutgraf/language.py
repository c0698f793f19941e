"""Is the article in English? nutgraf's model reads English only."""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from nutgraf.errors import InputError
from nutgraf.lexicon import setting

# Fewer letters than this say too little about a language to refuse the text.
MIN_LETTERS: int = setting("language", "min_letters")
# How sure the identifier must be that the text is in another language before it is refused.
MIN_CONFIDENCE: float = setting("language", "min_confidence")
SAMPLE_CHARS: int = setting("language", "sample_chars")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` (ISO 639-1) and its probability."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(language), float(probability)


def require_english(text: str) -> None:
    """Raise ``InputError`` when the text is, with confidence, in another language."""
    if len(re.findall(r"[^\W\d_]", text[:SAMPLE_CHARS])) < MIN_LETTERS:
        return
    language, probability = detect(text)
    if language != "en" and probability >= MIN_CONFIDENCE:
        raise InputError(f"input is not English (it reads as '{language}'); nutgraf reads English")
