"""Text sources for the nutgraf forms gold set (forms.jsonl).

load(source, id) -> str returns the exact text that a row's [start, end] offsets index
(Python str indices, half-open):

  polnear   record["text"] of shared/eval/polnear/train.jsonl (title line included)
  timebank  record["text"] of shared/eval/tempeval3/dev.jsonl
  bbc       record["text"] of shared/corpus/bbc/articles.jsonl (title is NOT in text)
  html      raw bytes of article-extraction/html/<id>.html decoded UTF-8 (errors="replace")
  pagetext  html_to_text() of the same kind of page (a different set of pages from "html")

html_to_text is deliberately plain and deterministic: lxml.html parse of the whole document,
drop script/style/noscript/template elements and comments, every block-level element starts
and ends a line, <br> ends a line, whitespace inside a line collapsed to one space, lines
stripped, empty lines dropped, lines joined with "\n". The <title> element counts as a block,
so the page's <title> text is usually the first line.

Needs lxml (in the project's virtualenv, through trafilatura).
"""

import functools
import json
import os
import re
from pathlib import Path

SHARED = os.environ.get("NUTGRAF_SHARED", str(Path(__file__).resolve().parents[4] / "shared"))
PATHS = {
    "polnear": SHARED + "/eval/polnear/train.jsonl",
    "timebank": SHARED + "/eval/tempeval3/dev.jsonl",
    "bbc": SHARED + "/corpus/bbc/articles.jsonl",
}
HTML_DIR = SHARED + "/eval/article-extraction/html"

BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
        "iframe",
        "video",
        "audio",
        "picture",
        "select",
        "textarea",
        "button",
        "label",
    ]
)
DROP = frozenset(["script", "style", "noscript", "template"])


@functools.cache
def _records(source):
    out = {}
    with open(PATHS[source], encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out[r["id"]] = r
    return out


def raw_html(id):
    with open(f"{HTML_DIR}/{id}.html", "rb") as f:
        return f.read().decode("utf-8", errors="replace")


def html_to_text(html):
    import lxml.html

    # lxml refuses str input that carries an XML encoding declaration
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    root = lxml.html.document_fromstring(html)
    lines = [[]]

    def brk():
        if lines[-1]:
            lines.append([])

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment / processing instruction: skip, keep tail
            if el.tail:
                lines[-1].append(el.tail)
            return
        tag = tag.lower()
        if tag in DROP:
            if el.tail:
                lines[-1].append(el.tail)
            return
        block = tag in BLOCK
        if block:
            brk()
        if tag == "br":
            brk()
        if el.text:
            lines[-1].append(el.text)
        for ch in el:
            walk(ch)
        if block:
            brk()
        if el.tail:
            lines[-1].append(el.tail)

    walk(root)
    out = []
    for parts in lines:
        s = re.sub(r"\s+", " ", "".join(parts)).strip()
        if s:
            out.append(s)
    return "\n".join(out)


@functools.cache
def load(source, id):
    if source in PATHS:
        return _records(source)[id]["text"]
    if source == "html":
        return raw_html(id)
    if source == "pagetext":
        return html_to_text(raw_html(id))
    raise ValueError(source)


SPAN_FIELDS = (
    "title",
    "byline",
    "byline_role",
    "dateline",
    "dateline_place",
    "publisher_evidence",
    "first_sentence",
)


def check_row(row):
    """Return a list of problems with a row's offsets (empty when all fine)."""
    text = load(row["source"], row["id"])
    bad = []
    spans = [(k, row.get(k)) for k in SPAN_FIELDS]
    spans += [("boilerplate", s) for s in (row.get("boilerplate") or [])]
    for k, s in spans:
        if s is None:
            continue
        a, b = s
        if not (0 <= a < b <= len(text)):
            bad.append(f"{k} {s} out of range")
        elif text[a:b] != text[a:b].strip():
            bad.append(f"{k} {s} has edge whitespace: {text[a:b]!r}")
    return bad


if __name__ == "__main__":
    import sys

    with open(sys.argv[1] if len(sys.argv) > 1 else "forms.jsonl") as lines:
        rows = [json.loads(line) for line in lines]
    for row in rows:
        for problem in check_row(row):
            print(row["source"], row["id"], problem)
    print(len(rows), "rows checked")
