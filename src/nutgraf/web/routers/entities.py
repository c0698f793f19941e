"""/api/entities: the most named entities, an entity's profile, co-mentions and timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from nutgraf.corpus.store import EntityProfile, EntityRow, RankedEntity, Store
from nutgraf.records import EntityType
from nutgraf.web.dependencies import Corpus, Limit, Offset
from nutgraf.web.downloads import csv_of
from nutgraf.web.models import CoMentions, EntityList, Timeline

router = APIRouter(prefix="/entities", tags=["entities"])


def known(store: Store, entity_id: int) -> EntityRow:
    entity = store.entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return entity


@router.get("")
def list_entities(
    store: Corpus,
    name: Annotated[str | None, Query(description="The entity best known by this name.")] = None,
    type: Annotated[EntityType | None, Query(description="Only entities of this type.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> EntityList:
    """The entities named in the most articles, a page at a time, or the one best known by
    ``name``."""
    if name is None:
        found = store.top_entities(type, limit, offset)
        return EntityList(store.count_entities(type), offset, limit, found)
    entity_id = store.find_entity(name)
    if entity_id is None:
        return EntityList(0, offset, limit, [])
    best = store.entity_profile(entity_id, top=0)
    return EntityList(1, 0, limit, [RankedEntity(best.id, best.name, best.type, best.articles)])


router.get(".csv", response_class=Response)(csv_of(list_entities, "entities", "entities.csv"))


@router.get("/{entity_id}")
def profile(store: Corpus, entity_id: int) -> EntityProfile:
    """Aliases, titles, article count, mentions by month, co-mentioned entities, quotes."""
    known(store, entity_id)
    return store.entity_profile(entity_id)


@router.get("/{entity_id}/co-mentions")
def co_mentions(store: Corpus, entity_id: int, limit: Limit = 20, offset: Offset = 0) -> CoMentions:
    """The entities named in the most articles beside this one, a page at a time."""
    entity = known(store, entity_id)
    return CoMentions(
        entity.id, entity.name, entity.type, store.count_co_mentions(entity_id), offset, limit,
        store.co_mentions(entity_id, limit, offset),
    )  # fmt: skip


@router.get("/{entity_id}/timeline")
def timeline(store: Corpus, entity_id: int) -> Timeline:
    """Mentions per month (YYYY-MM; 'undated' for articles without a date)."""
    entity = known(store, entity_id)
    return Timeline(entity.id, entity.name, entity.type, store.mentions_by_month(entity_id))
