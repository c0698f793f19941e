"""What the routers share: the store of the request (its reads under the app's time limit), the
article filters, paging, the templates, and extraction with the one spaCy pipeline of the
process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader

from nutgraf.corpus.store import UNDATED, Filters, QueryError, SQLiteStore, Store, day
from nutgraf.pipeline import extract
from nutgraf.records import Article

TEMPLATES = Jinja2Templates(
    env=Environment(loader=PackageLoader("nutgraf.web"), autoescape=True, trim_blocks=True)
)
MONTH = rf"^(\d{{4}}-\d{{2}}|{UNDATED})$"
_EXTRACTING = threading.Lock()


def corpus(request: Request) -> Iterator[Store]:
    """A read-only connection for this request (SQLite connections are not shared across
    the threads that run requests)."""
    store = SQLiteStore(
        request.app.state.db_path, read_only=True, time_limit=request.app.state.time_limit
    )
    try:
        yield store
    finally:
        store.close()


def article_filters(
    entity: Annotated[
        int | None, Query(description="Only articles naming this entity (id).")
    ] = None,
    source: Annotated[str | None, Query(description="Only articles from this source.")] = None,
    month: Annotated[
        str | None, Query(pattern=MONTH, description=f"YYYY-MM, or {UNDATED}.")
    ] = None,
    since: Annotated[
        str | None,
        Query(
            description="Published on or after: YYYY-MM-DD, or what dateparser reads "
            "('1 June 2016', 'yesterday')."
        ),
    ] = None,
    until: Annotated[str | None, Query(description="Published on or before (as since).")] = None,
) -> Filters:
    return Filters(
        entity_id=entity,
        source=source or None,
        month=month or None,
        since=_day("since", since),
        until=_day("until", until),
    )


def _day(name: str, value: str | None) -> str | None:
    """The CLI's reading of a date; what it can't read is a 422 naming the parameter."""
    if not value:
        return None
    try:
        return day(value)
    except QueryError as error:
        raise RequestValidationError(
            [{"loc": ("query", name), "msg": str(error), "type": "value_error"}]
        ) from None


Corpus = Annotated[Store, Depends(corpus)]
ArticleFilters = Annotated[Filters, Depends(article_filters)]
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many items (the next page).")]


def extract_article(text_or_html: str | bytes, published: str | None) -> Article:
    """``nutgraf.extract``, one request at a time: the process has one spaCy pipeline."""
    with _EXTRACTING:
        return extract(text_or_html, published=published)
