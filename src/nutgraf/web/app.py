"""``create_app``: the pages and the JSON API over one corpus file, read-only.

A thin shell, laid out as FastAPI's "bigger applications": one router per area under
``routers/``, the shared dependencies in ``dependencies.py``. Every query goes through the
store's API, every extraction through ``nutgraf.pipeline.extract``; the store is opened
read-only, one connection per request, and a read that runs over ``time_limit`` seconds
ends the request with a 503 (as Datasette's time limit does).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from nutgraf.web import errors
from nutgraf.web.routers import articles, entities, extract, maps, pages, quotes, records, search

STATIC = Path(__file__).parent / "static"
# Scripts and styles only from the app itself: an injected <script> would not run even if
# escaping failed somewhere. The favicon is an empty data: URL, so that no request 404s.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


TIME_LIMIT = 5.0  # seconds a read may take


def create_app(db_path: str | Path, time_limit: float = TIME_LIMIT) -> FastAPI:
    """The application over the corpus in ``db_path`` (checked by the caller: ``cli.serve``)."""
    app = FastAPI(
        title="nutgraf",
        summary="Articles, search, entities, quotes and extraction over a nutgraf corpus.",
        version="1",
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN: /openapi.json only
        redoc_url=None,
    )
    app.state.db_path = Path(db_path)
    app.state.time_limit = time_limit
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    routers = (articles.router, records.router, search.router, entities.router, quotes.router,
               extract.router)  # fmt: skip
    for router in routers:
        app.include_router(router, prefix="/api")
    app.include_router(pages.router)
    app.include_router(maps.api, prefix="/api")
    app.include_router(maps.router)
    errors.install(app)
    app.middleware("http")(security_headers)
    return app


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response
