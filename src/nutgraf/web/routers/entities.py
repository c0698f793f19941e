"""/api/entities: the most named entities, an entity's profile, co-mentions and timeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from nutgraf.corpus.store import SQLiteStore
from nutgraf.web.dependencies import Corpus

router = APIRouter(prefix="/entities", tags=["entities"])


def known(store: SQLiteStore, entity_id: int) -> dict[str, Any]:
    entity = store.entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return entity


@router.get("")
def list_entities(
    store: Corpus,
    name: Annotated[str | None, Query(description="The entity best known by this name.")] = None,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE...")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """The entities named in the most articles, or the one best known by ``name``."""
    if name is None:
        return {"entities": store.top_entities(type, limit)}
    entity_id = store.find_entity(name)
    return {"entities": [known(store, entity_id)] if entity_id is not None else []}


@router.get("/{entity_id}")
def profile(store: Corpus, entity_id: int) -> dict[str, Any]:
    """Aliases, titles, article count, mentions by month, co-mentioned entities, quotes."""
    known(store, entity_id)
    return store.entity_profile(entity_id)


@router.get("/{entity_id}/co-mentions")
def co_mentions(
    store: Corpus, entity_id: int, limit: Annotated[int, Query(ge=1, le=100)] = 20
) -> dict[str, Any]:
    """The entities named in the most articles beside this one."""
    return {**known(store, entity_id), "co_mentioned": store.co_mentions(entity_id, limit)}


@router.get("/{entity_id}/timeline")
def timeline(store: Corpus, entity_id: int) -> dict[str, Any]:
    """Mentions per month (YYYY-MM; 'undated' for articles without a date)."""
    return {**known(store, entity_id), "mentions_by_month": store.mentions_by_month(entity_id)}
