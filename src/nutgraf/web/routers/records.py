"""/api/records: an article found by the id of any input record it came from (an exact copy's
id too)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from nutgraf.web.dependencies import Corpus
from nutgraf.web.models import StoredArticle
from nutgraf.web.routers.articles import stored_article

router = APIRouter(prefix="/records", tags=["articles"])


@router.get("/{record_id}", response_model=StoredArticle)
def by_record(store: Corpus, record_id: str) -> dict[str, Any]:
    """The article of the input record with this id, as /api/articles/{id} gives it."""
    article_id = store.find_record(record_id)
    if article_id is None:
        raise HTTPException(404, f"no record {record_id}")
    return stored_article(store, article_id)
