"""Page text: a whole web page saved as plain text (menus, teasers and footer with the story),
as scrapers and "save as text" write it. jusText, the boilerplate classifier made for this,
tells the story's paragraphs from the page's furniture by their length and stopword density in
context; the story starts at the first paragraph that is prose on its own, and the headline is
the header line that the page's ``<title>`` line repeats, else the line above the byline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import justext

from nutgraf.lexicon import setting, table

MIN_LINES: int = setting("page_text", "min_lines")
SHORT_LINE_WORDS: int = setting("page_text", "short_line_words")
SHORT_LINE_SHARE: float = setting("page_text", "short_line_share")
MAX_HEADLINE_WORDS: int = setting("page_text", "max_headline_words")
_STOPLIST = justext.get_stoplist("English")
_CREDITS = [re.compile(pattern) for pattern in table("clean")["photo_credits"]]


@dataclass(frozen=True)
class PageText:
    """The story's paragraphs, the header lines before them (with the headline and byline
    lines, when the header has them) and every other line of the page, in reading order."""

    story: list[str]
    header: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    headline: str | None = None
    site: str | None = None


def is_page_text(lines: list[str]) -> bool:
    """Many lines, most of them short: menus and link lists around a story."""
    short = sum(1 for line in lines if len(line.split()) < SHORT_LINE_WORDS)
    return len(lines) >= MIN_LINES and short >= SHORT_LINE_SHARE * len(lines)


def split_page_text(
    lines: list[str],
    notice: Callable[[str], bool] = lambda line: False,
    byline: Callable[[str], bool] = lambda line: False,
) -> PageText | None:
    """The story of a page's lines, or None when jusText finds no paragraph of prose.

    The first line is the page's ``<title>``: the headline is the line further down that the
    title starts with ("Story - Site" gives the site too), else the title-length line above the
    last ``byline`` line. The story starts at the first sentence of some length after the
    headline and byline, which jusText keeps, and ends with the last paragraph it keeps; when
    the header has neither, at the first paragraph that is prose on its own (a one-line lead
    above it taken in). A ``notice`` (a cookie or subscription notice is long prose too) never
    starts a story.
    """
    document = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    paragraphs = justext.justext(f"<html><body>{document}</body></html>", _STOPLIST)
    if len(paragraphs) != len(lines):
        return None  # jusText joined or split lines: no safe mapping back
    prose = [i for i, p in enumerate(paragraphs) if p.cf_class == "good" and not notice(lines[i])]
    if not prose:
        return None
    headline, site, marks = _headline(lines[: prose[0]], byline)
    start = prose[0]
    if marks:
        start = next(
            i for i in range(max(marks) + 1, prose[0] + 1)
            if i == prose[0] or _lead(lines, i, notice)
        )  # fmt: skip
    else:
        while start > 1 and _lead(lines, start - 1, notice):
            start -= 1
    end = max(i for i, p in enumerate(paragraphs) if p.class_type == "good") + 1
    kept = {i for i in range(start, end) if i < prose[0] or paragraphs[i].class_type == "good"}
    story = [lines[i] for i in sorted(kept)]
    header = lines[:start]
    furniture = [line for i, line in enumerate(lines) if i >= start and i not in kept]
    return PageText(story, header, furniture, headline, site)


def _lead(lines: list[str], index: int, notice: Callable[[str], bool]) -> bool:
    """A line that may open the story: a sentence, no notice, no photograph's caption."""
    return _sentence(lines[index]) and not notice(lines[index]) and not _caption(lines, index)


def _caption(lines: list[str], index: int) -> bool:
    """A photograph's caption: a line with a photo credit, or just above one."""
    nearby = lines[index : index + 2]
    return any(credit.search(line) for credit in _CREDITS for line in nearby)


def _sentence(line: str) -> bool:
    return len(line.split()) >= 5 and re.search(r"[.!?:][\"”’]?$", line) is not None


def _headline(
    header: list[str], byline: Callable[[str], bool]
) -> tuple[str | None, str | None, list[int]]:
    """The headline, the site's name after it in the ``<title>`` line, and where the headline
    and the last byline stand in the header."""
    bylines = [i for i, line in enumerate(header) if i > 0 and byline(line)][-1:]
    title = header[0] if header else ""
    for index, line in enumerate(header[1:], start=1):
        if len(line.split()) < 3 or not title.startswith(line):
            continue
        rest = re.fullmatch(r"\s*[|–—:-]+\s*(?P<site>.{1,60})", title[len(line) :])
        if title == line or rest:
            site = rest.group("site").strip() if rest else None
            return line, site, [index, *bylines]
    for index in bylines:
        above = index - 1
        if _sentence(header[above]) and above > 1:
            above -= 1  # a deck sentence under the headline
        if 3 <= len(header[above].split()) <= MAX_HEADLINE_WORDS and above > 0:
            return header[above], None, [above, index]
        return None, None, [index]
    return None, None, []
