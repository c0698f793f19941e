"""Errors: JSON with a message under /api, an HTML page elsewhere, never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from nutgraf.corpus.store import QueryError, QueryTimeout
from nutgraf.web.dependencies import TEMPLATES

LOG = logging.getLogger("nutgraf.web")


def install(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(QueryTimeout, slow_query)  # type: ignore[arg-type]
    app.add_exception_handler(QueryError, bad_query)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, unexpected_error)


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message}, status_code=status)
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


async def http_error(request: Request, error: HTTPException) -> Response:
    message = "not found" if error.status_code == 404 and error.detail == "Not Found" else None
    return error_response(request, error.status_code, message or str(error.detail))


async def invalid_request(request: Request, error: RequestValidationError) -> Response:
    """One line naming each bad parameter: ``query.limit: Input should be ...``."""
    problems = [
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
        for problem in error.errors()
    ]
    return error_response(request, 422, "; ".join(problems))


async def slow_query(request: Request, error: QueryTimeout) -> Response:
    """503: the corpus is there, this query is too slow for it; a narrower one may do."""
    return error_response(request, 503, f"{error}; try a narrower query")


async def bad_query(request: Request, error: QueryError) -> Response:
    return error_response(request, 400, str(error))


async def unexpected_error(request: Request, error: Exception) -> Response:
    """Logged with its traceback on the server; the client gets a message only."""
    LOG.error("%s %s failed", request.method, request.url.path, exc_info=error)
    return error_response(request, 500, "internal server error")
