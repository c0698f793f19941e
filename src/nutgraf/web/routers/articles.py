"""/api/articles: the articles of the corpus, filtered and paged, and one article with its facts
and records."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from nutgraf.corpus.store import Store
from nutgraf.schema import flat_row
from nutgraf.web.dependencies import ArticleFilters, Corpus, Limit, Offset
from nutgraf.web.downloads import csv_of, csv_response
from nutgraf.web.models import ArticleList, StoredArticle

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("")
def list_articles(
    store: Corpus, filters: ArticleFilters, limit: Limit = 20, offset: Offset = 0
) -> ArticleList:
    """Articles (near-duplicates left out), newest first, undated last, a page at a time."""
    found = store.list_articles(filters, limit=limit, offset=offset)
    return ArticleList(store.count_articles("", filters), offset, limit, found)


router.get(".csv", response_class=Response)(csv_of(list_articles, "articles", "articles.csv"))


def stored_article(store: Store, article_id: int) -> dict[str, Any]:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return article.to_dict()


@router.get("/{article_id}.csv", response_class=Response)
def article_csv(store: Corpus, article_id: int) -> Response:
    """The article as one flat CSV row (as ``nutgraf export`` writes it)."""
    row = flat_row(stored_article(store, article_id))
    return csv_response([row], f"article-{article_id}.csv")


@router.get("/{article_id}", response_model=StoredArticle)
def get_article(store: Corpus, article_id: int) -> dict[str, Any]:
    """One article: the extract contract, where it came from (``records``: every input record
    with its content), and ``entity_ids`` (the corpus entity of each of its entities)."""
    return stored_article(store, article_id)
