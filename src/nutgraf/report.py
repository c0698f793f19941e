"""The terminal report of one article, as rich renderables (the caller prints them)."""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from nutgraf.extractors import EXTRACTORS
from nutgraf.records import Article

QUOTE_PREVIEW = 110


def report(article: Article) -> Group:
    """The article's metadata, then a section for each registered extractor's fact, in
    reading order (an extension's fact as a plain table), then what was set aside."""
    parts: list[RenderableType] = [_header(article)]
    order = {name: rank for rank, name in enumerate(SECTIONS)}
    for extractor in sorted(EXTRACTORS, key=lambda e: order.get(e.name, len(order))):
        if getattr(article, extractor.name, None) == []:
            continue  # no table for a fact the article does not have
        render = SECTIONS.get(extractor.name)
        section = render(article) if render else _extension(extractor.name, article)
        if section is not None:
            parts.append(section)
    if article.boilerplate:
        parts.append(
            Text.assemble(
                ("Set aside as boilerplate: ", "bold"), f"{len(article.boilerplate)} lines"
            )
        )
    return Group(*parts)


def _summary(article: Article) -> RenderableType | None:
    if not article.summary:
        return None
    return Panel(" ".join(s.text for s in article.summary), title="Summary")


def _keywords(article: Article) -> RenderableType:
    return Text.assemble(("Keywords: ", "bold"), ", ".join(article.keywords) or "-")


def _themes(article: Article) -> RenderableType:
    themes = ", ".join(f"{t.theme} ({t.score})" for t in article.themes) or "-"
    return Text.assemble(("Themes: ", "bold"), themes)


def _tone(article: Article) -> RenderableType | None:
    if article.tone is None:
        return None
    tone = article.tone
    shares = f"positive {tone.positive:.1f}%, negative {tone.negative:.1f}%"
    return Text.assemble(("Tone: ", "bold"), f"{tone.tone:+.2f} ({shares})")


def _counts(article: Article) -> RenderableType | None:
    if not article.counts:
        return None
    counted = ", ".join(f"{c.type} {c.value:g}" for c in article.counts)
    return Text.assemble(("Counts: ", "bold"), counted)


def _extension(name: str, article: Article) -> RenderableType | None:
    """A registered fact the report has no section of its own for: one row a record."""
    value = article.extensions.get(name)
    records = value if isinstance(value, list) else [] if value is None else [value]
    if not records:
        return None
    rows = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else {"value": r} for r in records]  # type: ignore[arg-type]
    table = Table(title=name.replace("_", " ").capitalize(), title_justify="left", expand=True)
    for column in rows[0]:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    return table


def _header(article: Article) -> Table:
    table = Table.grid(padding=(0, 2))
    for label, value in (
        ("Title", article.title),
        ("Dateline", article.dateline),
        ("Agency", article.agency),
        ("Byline", article.byline),
        ("Publisher", article.publisher),
        ("Published", article.published),
        ("Body", f"{len(article.body.split())} words"),
    ):
        if value:
            table.add_row(Text(label, style="bold"), value)
    return table


def _entities(article: Article) -> Table:
    table = Table(title="Entities", title_justify="left", expand=True)
    for column in ("type", "name", "titles", "mentions"):
        table.add_column(column, justify="right" if column == "mentions" else "left")
    for entity in sorted(article.entities, key=lambda e: (e.type, -len(e.mentions))):
        table.add_row(entity.type, entity.name, "; ".join(entity.titles), str(len(entity.mentions)))
    return table


def _places(article: Article) -> Table:
    table = Table(title="Places", title_justify="left", expand=True)
    for column in ("place", "kind", "country", "province", "lat, lon", "focus"):
        table.add_column(column)
    for place in article.places:
        where = (
            f"{place.lat:.2f}, {place.lon:.2f}"
            if place.lat is not None and place.lon is not None
            else "-"
        )
        table.add_row(place.name, place.feature, place.country, place.admin1 or "",
                      where, "yes" if place.focus else "")  # fmt: skip
    return table


def _events(article: Article) -> Group:
    lines: list[RenderableType] = [Text("Events (CAMEO)", style="italic")]
    for event in article.events:
        place = article.entity(event.place)
        where = ", ".join(x for x in (place.name if place else None, event.date) if x)
        actor = _party(article, event.actor, event.actor_text, event.actor_type)
        target = _party(article, event.target, event.target_text, event.target_type)
        lines.append(
            Text.assemble(
                (f"  {event.code} {event.action:<28} ", "dim"),
                (actor, "bold"),
                f" {'not ' if event.negated else ''}{event.verb}",
                f" → {target}" if target else "",
                (f"  ({where})" if where else "", "dim"),
            )
        )
    return Group(*lines)


def _party(article: Article, entity_id: str | None, text: str | None, kind: str | None) -> str:
    """An actor or target as read: the entity's name, else the words, with its role."""
    entity = article.entity(entity_id)
    name = entity.name if entity is not None else text or ""
    return f"{name} [{kind}]" if name and kind else name


def _quotes(article: Article) -> Group:
    lines: list[RenderableType] = [Text("Quotes", style="italic")]
    for quote in article.quotes:
        entity = article.entity(quote.speaker)
        speaker = entity.name if entity else (quote.speaker_text or "unknown speaker")
        if entity and quote.speaker_text and quote.speaker_text != entity.name:
            speaker = f"{entity.name} ({quote.speaker_text})"
        text = textwrap.shorten(quote.text, QUOTE_PREVIEW, placeholder=" …")
        cue = f" {quote.cue}" if quote.cue else ""
        lines.append(
            Text.assemble((f"  {quote.kind:<8} ", "dim"), (speaker, "bold"), cue, ": ", f"“{text}”")
        )
    if not article.quotes:
        lines.append(Text("  none", style="dim"))
    return Group(*lines)


def _amounts(article: Article) -> Table:
    table = Table(title="Amounts", title_justify="left", expand=True)
    for column in ("value", "unit", "counts", "text"):
        table.add_column(column)
    for amount in article.amounts:
        value = f"{amount.value:,}" if isinstance(amount.value, int) else f"{amount.value:,.2f}"
        table.add_row(value, amount.unit or "", amount.counted or "", amount.text)
    return table


def _dates(article: Article) -> Table:
    table = Table(title="Dates", title_justify="left", expand=True)
    for column in ("text", "value", "granularity"):
        table.add_column(column)
    for date in article.dates:
        table.add_row(date.text, date.value or "-", date.granularity or "")
    return table


SECTIONS: dict[str, Callable[[Article], RenderableType | None]] = {
    "summary": _summary,
    "entities": _entities,
    "places": _places,
    "quotes": _quotes,
    "amounts": _amounts,
    "dates": _dates,
    "events": _events,
    "keywords": _keywords,
    "themes": _themes,
    "tone": _tone,
    "counts": _counts,
}
