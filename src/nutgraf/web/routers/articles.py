"""/api/articles: the articles of the corpus, filtered, and one article with its facts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from nutgraf.web.dependencies import ArticleFilters, Corpus

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("")
def list_articles(
    store: Corpus,
    filters: ArticleFilters,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Articles (near-duplicates left out), newest first, undated last."""
    return {"articles": store.list_articles(filters, limit=limit, offset=offset)}


@router.get("/{article_id}")
def get_article(store: Corpus, article_id: int) -> dict[str, Any]:
    """One article: the extract contract, where it came from, and ``entity_ids`` (the corpus
    entity of each of its entities)."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return article
