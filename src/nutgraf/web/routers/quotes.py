"""/api/quotes: quotes across the corpus, or one speaker's."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from nutgraf.web.dependencies import Corpus
from nutgraf.web.routers.entities import known

router = APIRouter(prefix="/quotes", tags=["quotes"])


@router.get("")
def list_quotes(
    store: Corpus,
    speaker: Annotated[int | None, Query(description="Only this entity's quotes (id).")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    """Quotes with their speakers and articles, newest first."""
    if speaker is not None:
        known(store, speaker)
    return {"quotes": store.quotes(entity_id=speaker, limit=limit)}
