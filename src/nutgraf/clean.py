"""From a ``Source`` to a ``CleanArticle``: the article body, with the page's furniture set aside.

HTML goes through trafilatura for the main text and the page's metadata; both kinds of input
then pass the same plain-text steps, each a small function with one job: paragraphs, title,
byline, published date, dateline, boilerplate, publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from trafilatura.metadata import extract_meta_json, extract_opengraph
from trafilatura.settings import Document
from trafilatura.utils import load_html

from nutgraf.calendar import parse_calendar_date
from nutgraf.errors import InputError
from nutgraf.lexicon import setting, table
from nutgraf.page_text import is_page_text, split_page_text
from nutgraf.records import CleanArticle, Source

# Paragraphs longer than this are prose, whatever words they contain.
MAX_BOILERPLATE_WORDS: int = setting("clean", "max_boilerplate_words")
MAX_TITLE_WORDS: int = setting("clean", "max_title_words")
MAX_TITLE_CASE_WORDS: int = setting("clean", "max_title_case_title_words")
# A first line this short that ends with a full stop is a headline, not a news lead.
MAX_LEAD_WORDS: int = setting("clean", "max_headline_sentence_words")
TITLE_CASE_SHARE: float = setting("clean", "title_case_share")
LONG_TITLE_CASE_SHARE: float = setting("clean", "long_title_case_share")
MAX_DECK_WORDS: int = setting("clean", "max_deck_words")
# Words of a byline credit that is no person ("Staff Reports", "CNN Business").
NOT_PEOPLE = frozenset(table("clean")["not_people"])
# Capitalised labels that open a story like a dateline but name no place.
NOT_DATELINES = frozenset(table("clean")["not_datelines"])
HEADER_PARAGRAPHS: int = setting("clean", "header_paragraphs")
WIRE_AGENCIES: dict[str, str] = dict(table("clean")["wire_agencies"])
FULL_TEXT_LABELS = frozenset(table("clean")["full_text_labels"])

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"""^(?P<lead>
        (?:(?P<place>
            (?P<upper>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){{0,3}})
            |(?P<titled>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})
          )
          (?P<region>,\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){{0,2}})?
          (?:,\s+{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?)?
        |{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?
        |\(Undated\)
        )?
        \s*(?:\((?P<agency>[A-Za-z][\w&.\- ]{{0,40}})\)|/(?P<wire>[A-Za-z][\w&.\- ]{{0,40}})/)?
        (?:\s*(?P<dash>--|—|–|―|-|_|\|)\s*|(?<=\))(?=[A-Z“"]))
    )(?=\S|$)""",
    re.VERBOSE,
)
_BYLINE = re.compile(
    r"^(?i:by|written by|words by)\s+"
    r"(?P<name>[A-Z][\w.'’\-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w.'’\-]*){0,7})"
    r"(?:\s*(?:,|\||-|—)\s*(?P<affiliation>.{0,60}))?$"
)
# A byline with its date or desk after the name: "Posted by Ann Roe on June 3, 2019",
# "By Ann Roe November 19, 2019, 07:47 PM EST", "October 9, 2018 | by Ann Roe".
_DATED_BYLINE = re.compile(
    r"^(?:.{0,40}\|\s*)?(?i:posted |written |words )?(?i:by)\s+"
    rf"(?P<name>[A-Z][\w.'’\-]*(?:\s+(?:and\s+|&\s+)?(?!{_MONTH}\s*\d)[A-Z][\w.'’\-]*){{0,5}})"
    rf"(?=$|\s*[,|—–-]\s|\s+(?:on|at)\s|\s+\S*\d|\s+{_MONTH}\s+\d)"
)
_PUBLISHED_PREFIX = re.compile(
    r"^(?:published|posted|updated|last updated|first published|date)\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)

# Lines that are about the page, not the story: calls to action, sharing, legal notices.
_BOILERPLATE = [re.compile(p, re.IGNORECASE) for p in table("clean")["boilerplate_lines"]]
_PUBLISHER = [re.compile(p) for p in table("clean")["publisher_lines"]]
_SIGN_OFF = re.compile(r"^[-—–]\s*(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3})\.?$")
_QUOTE_START = re.compile(r"^[\"“”«„]")
_BULLET = re.compile(r"^[-–—•*·]\s")
_SENTENCE_END = re.compile(r"[.!?\"“”’')\]:]$")


@dataclass(frozen=True)
class PageMetadata:
    """What the page itself says about the article (from HTML ``<meta>`` and markup)."""

    title: str | None = None
    byline: str | None = None
    publisher: str | None = None
    published: str | None = None


def clean(source: Source, published: str | None = None) -> CleanArticle:
    """The clean article of a source; ``published`` (YYYY-MM-DD) wins over what the text says."""
    if source.is_html:
        text, page = main_text_of_html(source.text)
        return clean_text(text, page, published, whole_page=False)
    return clean_text(source.text, PageMetadata(), published)


def main_text_of_html(html: str) -> tuple[str, PageMetadata]:
    """The main text of a page and its metadata, through trafilatura (comments left out)."""
    document = trafilatura.bare_extraction(
        html, include_comments=False, with_metadata=True, include_tables=False
    )
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        raise InputError("no article text found in the HTML page")
    text: str = document.text
    publisher = site_name(html, document.sitename or None)
    page = PageMetadata(
        title=page_title(document.title or None, publisher),
        byline=document.author or None,
        publisher=publisher,
        published=document.date or None,
    )
    return text, page


def site_name(html: str, found: str | None) -> str | None:
    """The site's own name: the first of ``og:site_name`` and the JSON-LD publisher (else
    trafilatura's guess) written as a name ("Times Union"); else as the page's copyright line
    spells it when that line names the site ("nj" -> "NJ.com", "Phys.org"); else a host made
    readable ("CBSSports.com" -> "CBS Sports"); a lower-case host alone says nothing."""
    tree = load_html(html)
    if tree is None:
        return found
    named = [extract_opengraph(tree)["sitename"], extract_meta_json(tree, Document()).sitename]
    given = [c.lstrip("@").strip() for c in named if c and c.strip()]
    candidates = given or ([found] if found else [])
    proper = [c for c in candidates if not _HOST.fullmatch(c) and c != c.lower()]
    if proper:
        return proper[0]
    credits = names_in_footer(
        [t for t in tree.itertext() if re.search(r"©|\([Cc]\)|[Cc]opyright", t)]
    )
    keys = {_site_key(c) for c in candidates}
    for credit in credits:
        if _site_key(credit) in keys:
            return credit
    return next((readable_site(c) for c in candidates if readable_site(c)), None)


def readable_site(name: str) -> str | None:
    """A site's name as people write it: a host name without its domain, its words apart
    ("CBSSports.com" -> "CBS Sports", "Sportsnet.ca" -> "Sportsnet"); None for a lower-case
    host ("example.com" says no more than the URL)."""
    if not _HOST.fullmatch(name):
        return name
    if name == name.lower():
        return None
    label = re.sub(r"^www\.", "", name).split(".")[0]
    return re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z])", " ", label)


_HOST = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")


def _site_key(name: str) -> str:
    """A site name's letters, without "www." and a trailing domain: "NJ.com" and "nj" agree."""
    bare = re.sub(r"^www\.|\.[A-Za-z]{2,}$", "", name.casefold())
    return re.sub(r"[^\w]", "", bare)


def clean_text(
    text: str, page: PageMetadata, published: str | None, whole_page: bool = True
) -> CleanArticle:
    """Apply the plain-text steps, in reading order, to the article's text; ``whole_page``:
    the text may be a whole page saved as text (not a main text already cut out of HTML)."""
    title, site = page.title, None
    furniture: list[str] = []
    story = story_of_page_text(text) if whole_page else None
    if story is not None:
        paragraphs, furniture, headline, site = story
        title = title or headline
    else:
        title, paragraphs = take_title(split_paragraphs(text), title)
    header, paragraphs = take_export_header(paragraphs)
    byline, paragraphs = take_byline(paragraphs)
    header_date, paragraphs = take_published_line(paragraphs)
    body_paragraphs, boilerplate = split_boilerplate(paragraphs)
    boilerplate = furniture + header + boilerplate
    if not any(re.search(r"[^\W\d_]", p) for p in body_paragraphs):
        raise InputError("no article text left once site boilerplate is set aside")
    at, dateline, agency, first = find_dateline(body_paragraphs)
    if dateline or agency:  # what stands before the dateline is a deck or standfirst
        boilerplate = body_paragraphs[:at] + boilerplate
        body_paragraphs = [p for p in [first, *body_paragraphs[at + 1 :]] if p]
    footer_names = names_in_footer(boilerplate)
    footer_agencies = [WIRE_AGENCIES[n.lower()] for n in footer_names if n.lower() in WIRE_AGENCIES]
    footer_sites = [readable_site(n) for n in footer_names if n.lower() not in WIRE_AGENCIES]
    publisher = page.publisher or site or next(filter(None, footer_sites), None)
    agency = agency or next(iter(footer_agencies), None)
    return CleanArticle(
        body="\n\n".join(body_paragraphs),
        boilerplate=boilerplate,
        title=title,
        dateline=dateline,
        agency=agency,
        byline=person_byline(page.byline or byline or sign_off(boilerplate), publisher),
        publisher=publisher,
        published=published or page.published or header_date,
    )


def story_of_page_text(text: str) -> tuple[list[str], list[str], str | None, str | None] | None:
    """For a whole page saved as text: the story's paragraphs (its byline line first), the
    page's other lines, the headline and the site's name; None for any other text."""
    lines = [
        line for line in (re.sub(r"\s+", " ", raw).strip() for raw in text.splitlines()) if line
    ]
    if not is_page_text(lines):
        return None
    parts = split_page_text(lines, is_notice, lambda line: byline_name(line) is not None)
    if parts is None:
        return None
    bylines = [line for line in parts.header if byline_name(line)][-1:]
    furniture = [line for line in parts.header if line not in bylines] + parts.furniture
    headline = parts.headline or page_title(lines[0], None)
    return bylines + parts.story, furniture, headline, readable_site(parts.site or "") or None


def take_title(paragraphs: list[str], title: str | None) -> tuple[str | None, list[str]]:
    """The headline the text shows before the story (it wins over the page's ``<title>``), with
    the deck under a "Headline;", and the paragraphs after them."""
    shown = find_title(paragraphs)
    if shown is None and not (
        title and paragraphs and paragraphs[0].casefold() == title.casefold()
    ):
        return title, paragraphs
    title = shown or title
    if paragraphs[0].endswith(";") and len(paragraphs[1].split()) <= MAX_DECK_WORDS:
        return f"{paragraphs[0]} {paragraphs[1]}", paragraphs[2:]  # "Headline;" and its deck
    return title, paragraphs[1:]


def split_paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs with inner white space folded.

    A line is a paragraph, unless the text is hard-wrapped (most lines stop mid-sentence),
    in which case blank lines separate paragraphs.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.split("\n")]
    filled = [line for line in lines if line]
    mid_sentence = sum(1 for line in filled if not _SENTENCE_END.search(line))
    hard_wrapped = len(filled) >= 4 and mid_sentence > 0.6 * len(filled)
    blocks = re.split(r"\n\s*\n", text) if hard_wrapped else filled
    paragraphs = (re.sub(r"\s+", " ", block).strip() for block in blocks)
    return [p for p in paragraphs if p]


def find_title(paragraphs: list[str]) -> str | None:
    """A first line that reads as a headline, with text after it: short, and either without
    closing punctuation, in title case (then it may run longer), closed by the ";" of a
    headline before its deck, too short to be a news lead ("Charter supporters make their case
    to delegation."), or followed by the dateline that opens a story."""
    if len(paragraphs) < 3:
        return None
    first = paragraphs[0]
    if byline_name(first) or _QUOTE_START.match(first) or _BULLET.match(first):
        return None
    if any(take_dateline(first)[:2]):
        return None
    words = first.split()
    titled = is_title_case(words)
    long_title = len(words) > MAX_TITLE_WORDS and is_title_case(words, LONG_TITLE_CASE_SHARE)
    if (len(words) > MAX_TITLE_WORDS and not long_title) or len(words) > MAX_TITLE_CASE_WORDS:
        return None
    if re.search(r"[,:]$", first):
        return None
    after = max(len(p.split()) for p in paragraphs[1:3])
    short = len(words) <= MAX_LEAD_WORDS and after >= 2 * len(words)
    before_dateline = any(take_dateline(paragraphs[1])[:2])
    if not re.search(r"[.;]$", first) or first.endswith(";") or short or titled or before_dateline:
        return first.rstrip(".;")
    return None


def is_title_case(words: list[str], share: float = TITLE_CASE_SHARE) -> bool:
    """Headline capitals: most words of four letters or more start with a capital."""
    long_words = [w for w in words if len(w.strip("\"'“”‘’")) >= 4]
    capitals = sum(1 for w in long_words if w.strip("\"'“”‘’")[:1].isupper())
    return len(long_words) >= 2 and capitals >= share * len(long_words)


def page_title(title: str | None, publisher: str | None) -> str | None:
    """A page's ``<title>`` without the site's name after it ("Story | Site", "Story - Site")."""
    if title is None:
        return None
    parts = re.split(r"\s+[|–—-]\s+|\s+::\s+", title)
    if len(parts) < 2:
        return title
    last, rest = parts[-1], title[: title.rfind(parts[-1])].rstrip(" |–—-:")
    named = publisher is not None and publisher.casefold() in last.casefold()
    piped = re.search(r"\s[|:]{1,2}\s+[^|]+$", title) is not None and len(last.split()) <= 4
    return rest if (named or piped) and len(rest.split()) >= 3 else title


def person_byline(byline: str | None, publisher: str | None) -> str | None:
    """The people of a byline: no site, agency or desk ("Sandee LaMotte; CNN" -> "Sandee
    LaMotte", "Staff Reports" -> None), nothing after "is a" ("Jo Roe is a reporter")."""
    if byline is None:
        return None
    byline = re.split(r"\s+(?:is|was)\s+(?:an?|the)\s+", byline)[0]
    people = []
    for part in re.split(r"\s*[;|,]\s*", byline):
        words = {w.casefold() for w in re.findall(r"[\w.]+", part)}
        not_a_person = words & NOT_PEOPLE or part.lower() in WIRE_AGENCIES
        credential = re.fullmatch(r"[A-Z.]{1,4}", part) is not None  # "MS", "RD", "Ph.D."
        named = part.casefold() != (publisher or "").casefold()
        if part and not not_a_person and not credential and named:
            people.append(part)
    return "; ".join(people) or None


def take_export_header(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """A database export's header ("ABSTRACT." and its abstract, then "FULL TEXT."): the
    header paragraphs, and the story after the label."""
    for index, paragraph in enumerate(paragraphs[: HEADER_PARAGRAPHS + 2]):
        if paragraph.rstrip(".: ").casefold() in FULL_TEXT_LABELS:
            return paragraphs[: index + 1], paragraphs[index + 1 :]
    return [], paragraphs


def take_byline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The "By ..." line among the first paragraphs, and the paragraphs without it."""
    for index, paragraph in enumerate(paragraphs[:HEADER_PARAGRAPHS]):
        name = byline_name(paragraph)
        if name and len(paragraph.split()) <= 16:
            return name, paragraphs[:index] + paragraphs[index + 1 :]
    return None, paragraphs


def byline_name(line: str) -> str | None:
    """The names of a "By ..." line, with or without a desk, date or time after them."""
    match = _BYLINE.match(line) or _DATED_BYLINE.match(line)
    return re.sub(r"[\s,]+$", "", match.group("name")) if match else None


def take_published_line(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """A header line that is only a date ("Published: June 20, 2006"), as YYYY-MM-DD."""
    for index, paragraph in enumerate(paragraphs[:HEADER_PARAGRAPHS]):
        if len(paragraph.split()) > 12 or not re.search(r"\d", paragraph):
            continue
        value = parse_calendar_date(_PUBLISHED_PREFIX.sub("", paragraph))
        if value is not None:
            return value, paragraphs[:index] + paragraphs[index + 1 :]
    return None, paragraphs


def find_dateline(paragraphs: list[str]) -> tuple[int, str | None, str | None, str]:
    """The dateline of the lead, or of a paragraph after short ones (a deck, a standfirst, a
    dateline on its own line): its paragraph's index, place, agency and the paragraph's rest."""
    for index, paragraph in enumerate(paragraphs[:HEADER_PARAGRAPHS]):
        place, agency, rest = take_dateline(paragraph)
        if place or agency:
            return index, place, agency, rest
        if len(paragraph.split()) > MAX_BOILERPLATE_WORDS:
            break
    return 0, None, None, paragraphs[0]


def take_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """Split ``TOKYO --``, ``WASHINGTON (AP) —``, ``LONDON, June 20 (Reuters) -`` off a lead.

    Returns the place, the wire agency and the paragraph without them. A title-case place
    counts only with an agency beside it, so that an ordinary sentence is never cut.
    """
    match = _DATELINE.match(paragraph)
    if match is None or 0 < len(paragraph) - match.end() < 20:
        return None, None, paragraph
    agency = match.group("agency") or match.group("wire")
    wire = (agency or "").split()[0].lower() in WIRE_AGENCIES if agency else False
    if not match.group("dash") and not (match.group("agency") and wire):
        return None, None, paragraph  # no dash: only a wire's "Hong Kong (CNN Business)The"
    if (match.group("upper") or "").rstrip(" .").lower() in NOT_DATELINES:
        return None, None, paragraph  # "EXCLUSIVE -", "BREAKING -": a label, no place
    if match.group("titled") and not agency:
        return None, None, paragraph
    if not match.group("place") and not agency:
        return None, None, paragraph
    place = None
    if match.group("place"):
        place = (match.group("upper") or match.group("titled")) + (match.group("region") or "")
    if agency:
        agency = WIRE_AGENCIES.get(agency.strip().lower(), agency.strip())
    return place, agency, paragraph[match.end() :]


def is_boilerplate(paragraph: str) -> bool:
    """A short paragraph that speaks to the reader about the page, not about the news: a call
    to action, a notice, a sign-off ("- Elise Viebeck.") or a crosshead in capitals."""
    if _QUOTE_START.match(paragraph) or len(paragraph.split()) > MAX_BOILERPLATE_WORDS:
        return False
    return bool(_SIGN_OFF.match(paragraph)) or is_crosshead(paragraph) or is_notice(paragraph)


def is_notice(paragraph: str) -> bool:
    """A paragraph about the page, whatever its length (a cookie or subscription notice)."""
    return any(pattern.search(paragraph) for pattern in _BOILERPLATE)


def is_crosshead(paragraph: str) -> bool:
    """A short heading inside the story, set in capitals ("DIVISIVE, STUPID AND WRONG")."""
    letters = [c for c in paragraph if c.isalpha()]
    return len(paragraph.split()) <= 8 and len(letters) >= 6 and all(c.isupper() for c in letters)


def split_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The story's paragraphs, and the boilerplate ones set aside (in reading order)."""
    body: list[str] = []
    boilerplate: list[str] = []
    for paragraph in paragraphs:
        (boilerplate if is_boilerplate(paragraph) else body).append(paragraph)
    return body, boilerplate


def sign_off(boilerplate: list[str]) -> str | None:
    """The reporter's name from a closing "- Name." line."""
    for paragraph in boilerplate:
        if match := _SIGN_OFF.match(paragraph):
            return match.group("name").rstrip(".")
    return None


def names_in_footer(boilerplate: list[str]) -> list[str]:
    """Names the site's footer gives itself ("Connect with the X Newsroom", "© 2024 X")."""
    names = []
    for paragraph in boilerplate:
        for pattern in _PUBLISHER:
            for match in pattern.finditer(paragraph):
                name = re.sub(r"\s+(?:All|Inc|LLC|Ltd)\b.*$", "", match.group("name"))
                name = re.sub(r"[\s.,;:’']+$", "", name)
                if name and name.lower() not in {"the", "us", "our", "copyright", "all"}:
                    names.append(name)
    return names
