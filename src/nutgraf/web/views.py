"""What the pages show, built from the store's and the pipeline's data: an article with its
highlights and facts (the same for a stored and a pasted article), links that keep filters,
and a timeline with no month missing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from nutgraf.corpus.store import UNDATED, Facets, Filters
from nutgraf.web.highlight import Span, highlight

ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
TYPE_NAMES = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Country, city or state", "LOC": "Place",
    "NORP": "Group (nationality, religion, politics)", "FAC": "Building or facility",
    "EVENT": "Event", "PRODUCT": "Product", "LAW": "Law", "WORK_OF_ART": "Work",
}  # fmt: skip


@dataclass(frozen=True)
class ArticleView:
    """An article as its page shows it: the body with highlights, and the facts beside it."""

    data: dict[str, Any]
    body_html: Markup
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    places: list[dict[str, Any]]
    url: str | None = None


def entity_href(entity_id: int) -> str:
    return f"/entities/{entity_id}"


def article_view(data: dict[str, Any], entity_ids: Mapping[str, int]) -> ArticleView:
    """``data`` is the extract contract; ``entity_ids`` maps its entity ids to corpus ids,
    which become links to the entity pages. A source URL is linked only when it is a web
    address (never ``javascript:``)."""
    by_id = {entity["id"]: entity for entity in data["entities"]}
    hrefs = {local: entity_href(corpus) for local, corpus in entity_ids.items()}
    entities = [
        {**entity, "type_name": TYPE_NAMES.get(entity["type"], entity["type"]),
         "kind": ENTITY_KINDS.get(entity["type"], "other"), "href": hrefs.get(entity["id"])}
        for entity in sorted(data["entities"], key=lambda e: -len(e["mentions"]))
    ]  # fmt: skip
    quotes = []
    for quote in data["quotes"]:
        speaker = by_id.get(quote["speaker"] or "")
        quotes.append(
            {**quote, "speaker_name": speaker["name"] if speaker else quote["speaker_text"],
             "speaker_href": hrefs.get(quote["speaker"] or "")}
        )  # fmt: skip
    body_html = highlight(data["body"], _spans(entities, quotes, data))
    url = data.get("url")
    web_url = url if isinstance(url, str) and url.startswith(("http://", "https://")) else None
    events = [
        {**event, "actor_name": _name(by_id, event["actor"], event["actor_text"]),
         "actor_href": hrefs.get(event["actor"] or ""),
         "target_name": _name(by_id, event["target"], event["target_text"]),
         "target_href": hrefs.get(event["target"] or ""),
         "place_name": _name(by_id, event["place"], None)}
        for event in data.get("events", [])
    ]  # fmt: skip
    places = [{**place, "href": hrefs.get(place["entity"])} for place in data.get("places", [])]
    return ArticleView(data, body_html, entities, quotes, events, places, url=web_url)


def _name(by_id: Mapping[str, Any], entity_id: str | None, text: str | None) -> str | None:
    """An event party as read: its entity's name, else its words."""
    entity = by_id.get(entity_id or "")
    return str(entity["name"]) if entity else text


def _spans(
    entities: list[dict[str, Any]], quotes: list[dict[str, Any]], data: dict[str, Any]
) -> list[Span]:
    """Quotes first, so that on equal extent the quote is the outer tag."""
    spans = [
        Span(q["start"], q["end"], "quote",
             f"Quote ({q['kind']}), {q['speaker_name'] or 'speaker unknown'}")
        for q in quotes
    ]  # fmt: skip
    for entity in entities:
        titles = f" ({', '.join(entity['titles'])})" if entity["titles"] else ""
        label = f"{entity['type_name']}: {entity['name']}{titles}"
        spans += [
            Span(m["start"], m["end"], entity["kind"], label, entity["href"])
            for m in entity["mentions"]
        ]
    for amount in data["amounts"]:
        what = " ".join(str(part) for part in (amount.get("unit"), amount["counted"]) if part)
        spans.append(
            Span(amount["start"], amount["end"], "amount",
                 f"Amount: {amount['value']:,}" + (f" {what}" if what else ""))
        )  # fmt: skip
    for date in data["dates"]:
        spans.append(
            Span(date["start"], date["end"], "date",
                 f"Date: {date['value'] or 'no calendar value'}")
        )  # fmt: skip
    return spans


def with_params(params: Mapping[str, str], **changes: str | int | None) -> str:
    """A query string: ``params`` with ``changes`` (None removes a parameter)."""
    merged: dict[str, str] = {key: value for key, value in params.items() if value}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = str(value)
    return "?" + urlencode(merged) if merged else "?"


def pages(
    total: int, offset: int, size: int, params: Mapping[str, str], key: str = "offset"
) -> dict[str, Any]:
    """Where a list's page is (first and last item shown) and the links to the pages before
    and after it, each keeping the query, the filters and the other lists' pages (a page with
    several lists gives each its own ``key``)."""
    last = min(offset + size, total)
    return {
        "first": offset + 1 if total else 0, "last": last, "total": total,
        "previous": with_params(params, **{key: max(offset - size, 0) or None})
        if offset > 0 else None,
        "next": with_params(params, **{key: offset + size}) if last < total else None,
    }  # fmt: skip


def timeline(mentions_by_month: list[tuple[str, int]]) -> dict[str, Any]:
    """Months from the first to the last with mentions, none skipped, and the undated count."""
    counts = dict(mentions_by_month)
    undated = counts.pop(UNDATED, 0)
    months = sorted(counts)
    labels = []
    if months:
        year, month = map(int, months[0].split("-"))
        while (label := f"{year:04d}-{month:02d}") <= months[-1]:
            labels.append(label)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return {"months": labels, "counts": [counts.get(m, 0) for m in labels], "undated": undated}


def facet_sections(
    facets: Facets, filters: Filters, params: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The search page's facets: each value a link that adds it to the current filters (and
    goes back to the first page)."""

    def item(key: str, value: str | int, label: str, count: int, active: bool) -> dict[str, Any]:
        return {"label": label, "count": count, "active": active,
                "href": with_params(params, offset=None, **{key: value})}  # fmt: skip

    entities = [
        {**item("entity", e.id, e.name, e.articles, e.id == filters.entity_id),
         "profile": entity_href(e.id)}
        for e in facets.entities
    ]  # fmt: skip
    sources = [item("source", v, v, n, v == filters.source) for v, n in facets.sources]
    months = [item("month", v, v, n, v == filters.month) for v, n in sorted(facets.months)]
    return [
        {"title": "Entities", "items": entities},
        {"title": "Sources", "items": sources},
        {"title": "Months", "items": months},
    ]
