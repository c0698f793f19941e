"""/api/search: full-text search (FTS5's query syntax) with snippets and facets, paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from nutgraf.web.dependencies import ArticleFilters, Corpus, Limit, Offset
from nutgraf.web.downloads import csv_of
from nutgraf.web.highlight import snippet_parts
from nutgraf.web.models import Hit, SearchResults

router = APIRouter(prefix="/search", tags=["search"])
QUERY = (
    'FTS5 syntax: words (every one must occur), "a phrase", OR, NOT or -word, prefix*, '
    "NEAR(a b, 5), title:word or body:word, parentheses."
)


@router.get("")
def search(
    store: Corpus,
    filters: ArticleFilters,
    q: Annotated[str, Query(min_length=1, description=QUERY)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchResults:
    """Articles matching ``q``, best first (BM25), a page at a time; ``total`` counts them all.
    Each hit's ``snippet`` is plain text and ``matches`` the [start, end) offsets of the words
    found in it; ``facets`` counts the entities, sources and months of every matching article.
    A malformed query is a 400 with a message."""
    hits = []
    for hit in store.search(q, filters=filters, limit=limit, offset=offset):
        snippet, matches, at = "", [], 0
        for piece, is_match in snippet_parts(hit.snippet):
            if is_match:
                matches.append((at, at + len(piece)))
            snippet, at = snippet + piece, at + len(piece)
        hits.append(Hit(hit.article_id, hit.title, hit.published, hit.source, snippet, matches,
                        hit.score))  # fmt: skip
    facets = store.search_facets(q, filters)
    return SearchResults(q, facets.articles, offset, limit, hits, facets)


router.get(".csv", response_class=Response)(csv_of(search, "hits", "search.csv"))
