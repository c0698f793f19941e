"""HTML from text and character spans: every piece of text escaped, every span a tag.

Spans may nest (a name inside a quote) or cross (an amount that runs out of a quote): tags
are always well nested, so a span that crosses the end of another is closed there and opened
again after it, in two pieces with the same label.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from nutgraf.corpus.store import HIGHLIGHT


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` shown as a ``kind`` with a ``label`` saying what it is; a link when
    it has an ``href``."""

    start: int
    end: int
    kind: str
    label: str
    href: str | None = None

    def open_tag(self) -> Markup:
        if self.href:
            return Markup('<a class="hl hl-{}" href="{}" title="{}">').format(
                self.kind, self.href, self.label
            )
        return Markup('<mark class="hl hl-{}" title="{}">').format(self.kind, self.label)

    def close_tag(self) -> Markup:
        return Markup("</a>" if self.href else "</mark>")


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` as HTML with each span in ``spans`` (order given = outermost first on ties)
    marked; spans outside the text are left out."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    starting: dict[int, list[Span]] = defaultdict(list)
    for span in sorted(valid, key=lambda s: (s.start, -s.end)):
        starting[span.start].append(span)
    boundaries = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[Markup] = []
    open_spans: list[Span] = []
    for position, following in pairwise([*boundaries, len(text)]):
        ending = [i for i, span in enumerate(open_spans) if span.end == position]
        reopened: list[Span] = []
        if ending:
            closed = open_spans[ending[0] :]
            del open_spans[ending[0] :]
            out.extend(span.close_tag() for span in reversed(closed))
            reopened = [span for span in closed if span.end > position]
        for span in sorted(reopened + starting[position], key=lambda s: -s.end):
            out.append(span.open_tag())
            open_spans.append(span)
        out.append(escape(text[position:following]))
    return Markup("").join(out)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet's pieces, each with whether it is a match (marked by ``HIGHLIGHT``)."""
    pieces = snippet.replace(HIGHLIGHT[1], HIGHLIGHT[0]).split(HIGHLIGHT[0])
    return [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece]


def snippet_html(snippet: str) -> Markup:
    """A search snippet as HTML: the text escaped first, then the matches in <mark>."""
    return Markup("").join(
        Markup("<mark>{}</mark>").format(piece) if hit else escape(piece)
        for piece, hit in snippet_parts(snippet)
    )
