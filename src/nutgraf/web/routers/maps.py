"""The corpus map: the places of the articles that the current search, entity and dates
select, each sized by its number of articles and linking to them; and its JSON."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from nutgraf.corpus.store import Filters, Store
from nutgraf.web.dependencies import TEMPLATES, ArticleFilters, Corpus, Offset
from nutgraf.web.models import PlaceCount, PlaceList
from nutgraf.web.views import pages, with_params

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api = APIRouter(prefix="/places", tags=["places"])
MAX_PLACES = 500
PAGE_SIZE = 20


def map_points(
    store: Store, q: str, filters: Filters, params: dict[str, str]
) -> list[dict[str, Any]]:
    """The places to draw, each with the link to its articles (keeping the filters)."""
    return [
        {
            **place,
            "href": "/map/place"
            + with_params(params, name=place["name"], country=place["country"] or None),
        }
        for place in store.place_counts(q, filters, limit=MAX_PLACES)
    ]


@router.get("/map")
def map_page(request: Request, store: Corpus, filters: ArticleFilters, q: str = "") -> Response:
    params = {k: v for k, v in request.query_params.items() if k not in ("name", "country")}
    points = map_points(store, q, filters, params)
    entity = store.entity(filters.entity_id) if filters.entity_id is not None else None
    return TEMPLATES.TemplateResponse(
        request, "map.html",
        {"q": q, "points": points, "entity": entity, "filters": filters, "params": params},
    )  # fmt: skip


@router.get("/map/place")
def place_page(
    request: Request,
    store: Corpus,
    filters: ArticleFilters,
    name: Annotated[str, Query(min_length=1)],
    country: str = "",
    offset: Offset = 0,
) -> Response:
    """The articles naming one place of the map, a page at a time."""
    total = store.count_place_articles(name, country or None, filters)
    if not total:
        raise HTTPException(404, f"no article names {name}")
    articles = store.place_articles(name, country or None, filters, PAGE_SIZE, offset)
    page = pages(total, offset, PAGE_SIZE, dict(request.query_params))
    return TEMPLATES.TemplateResponse(
        request, "map_place.html",
        {"name": name, "country": country, "articles": articles, "page": page},
    )  # fmt: skip


@api.get("")
def places(
    store: Corpus,
    filters: ArticleFilters,
    q: Annotated[str, Query(description="Every word must occur (none: every article).")] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PLACES)] = 100,
    offset: Offset = 0,
) -> PlaceList:
    """A page of the places with a point of the selected articles, most named first, each
    with its number of articles."""
    found = store.place_counts(q, filters, limit=limit, offset=offset)
    total = store.count_places(q, filters)
    return PlaceList(q, total, offset, limit, [PlaceCount(**place) for place in found])
