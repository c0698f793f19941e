"""/api/quotes: quotes across the corpus, or one speaker's (by entity id or by name), paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from nutgraf.corpus.store import SPEECH, Store
from nutgraf.records import QuoteMode
from nutgraf.web.dependencies import Corpus, Limit, Offset
from nutgraf.web.downloads import csv_of
from nutgraf.web.models import QuoteList
from nutgraf.web.routers.entities import known

router = APIRouter(prefix="/quotes", tags=["quotes"])
Speaker = Annotated[
    str | None, Query(description="Only this speaker's quotes: an entity id, or a name.")
]


def speaker_id(store: Store, speaker: str | None) -> int | None:
    """The entity a ``speaker`` parameter names, 404 when there is none."""
    if not speaker:
        return None
    if speaker.isdigit():
        return known(store, int(speaker)).id
    found = store.find_entity(speaker)
    if found is None:
        raise HTTPException(404, f"no entity called {speaker!r}")
    return found


Modes = Annotated[
    list[QuoteMode] | None,
    Query(description="What kind of attribution: speech (the default), belief, stance."),
]


@router.get("")
def list_quotes(
    store: Corpus,
    speaker: Speaker = None,
    mode: Modes = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> QuoteList:
    """Quotes with their speakers and articles, newest first, a page at a time: words said,
    unless ``mode`` asks for beliefs or stances too."""
    entity_id = speaker_id(store, speaker)
    modes = mode or list(SPEECH)
    found = store.quotes(entity_id=entity_id, limit=limit, offset=offset, modes=modes)
    return QuoteList(store.count_quotes(entity_id, modes), offset, limit, found)


router.get(".csv", response_class=Response)(csv_of(list_quotes, "quotes", "quotes.csv"))
