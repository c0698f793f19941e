"""/api/search: full-text search with snippets and facets."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Query

from nutgraf.web.dependencies import ArticleFilters, Corpus
from nutgraf.web.highlight import snippet_parts

router = APIRouter(prefix="/search", tags=["search"])


@router.get("")
def search(
    store: Corpus,
    filters: ArticleFilters,
    q: Annotated[str, Query(min_length=1, description="Every word must occur.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Articles matching every word of ``q``, best first (BM25). Each hit's ``snippet`` is
    plain text and ``matches`` the [start, end) offsets of the words found in it; ``facets``
    counts the entities, sources and months of every matching article."""
    hits = []
    for hit in store.search(q, filters=filters, limit=limit):
        snippet, matches, at = "", [], 0
        for piece, is_match in snippet_parts(hit.snippet):
            if is_match:
                matches.append([at, at + len(piece)])
            snippet, at = snippet + piece, at + len(piece)
        hits.append({**dataclasses.asdict(hit), "snippet": snippet, "matches": matches})
    return {"query": q, "hits": hits, "facets": store.search_facets(q, filters)}
