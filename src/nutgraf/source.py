"""Turn raw input (bytes or str) into a ``Source``: decoded text, and whether it is HTML.

Refuses what is not an article with an ``InputError``: empty, binary, undecodable or too large.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from nutgraf.errors import InputError
from nutgraf.records import Source

MAX_INPUT_BYTES = 5 * 1024 * 1024
# Share of "chaos" (odd characters, mixed scripts) above which charset-normalizer's best
# decoding is taken for noise rather than text.
MAX_DECODING_CHAOS = 0.2
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|br|span|a|h[1-6]|script|li)"
    r"\b[^>]*>",
    re.IGNORECASE,
)


def read_source(data: bytes | str) -> Source:
    """Decode and sniff ``data``; raise ``InputError`` for anything that is not article text."""
    text = decode(data) if isinstance(data, bytes) else data
    if len(text.encode("utf-8", errors="surrogatepass")) > MAX_INPUT_BYTES:
        raise InputError(f"input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError("input is empty")
    if looks_binary(text):
        raise InputError("input looks like binary data, not text")
    return Source(text=text, is_html=looks_like_html(text))


def decode(data: bytes) -> str:
    """UTF-8 when it is, else the encoding charset-normalizer finds; refuse binary and noise."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data[:65536]:
        raise InputError("input looks like binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_DECODING_CHAOS:
        raise InputError("input is not valid UTF-8 and no text encoding fits it")
    return str(best)


def looks_binary(text: str) -> bool:
    """Control characters (other than whitespace) in more than 1% of the first 64k characters."""
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > max(1, len(sample) // 100)


def looks_like_html(text: str) -> bool:
    """HTML by content, not by name: a document type, or several common tags near the start."""
    sample = text[:65536]
    if re.match(r"\s*<!doctype\s+html", sample, re.IGNORECASE):
        return True
    return len(_HTML_TAG.findall(sample)) >= 2
