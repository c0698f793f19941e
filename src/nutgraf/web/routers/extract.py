"""POST /api/extract: one article's facts, from a text or HTML body, as the extract contract.

Statuses: 413 for a body over 5 MB, 415 for a body that is not text (wrong content type,
binary data, no encoding fits), 400 for malformed JSON, 422 for text that is no English
news article (``InputError``), each with a JSON message.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from nutgraf.errors import InputError
from nutgraf.source import MAX_INPUT_BYTES, decode, looks_binary
from nutgraf.web.dependencies import extract_article
from nutgraf.web.models import ArticleContract

router = APIRouter(tags=["extract"])
TEXT_TYPES = ("text/plain", "text/html")
TOO_LARGE = f"body is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB"
REQUEST_BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"type": "string", "description": "Plain text or an HTML page."},
                    "published": {"type": "string", "format": "date"},
                },
            }
        },
    },
}


@router.post(
    "/extract", openapi_extra={"requestBody": REQUEST_BODY}, response_model=ArticleContract
)
async def extract(
    request: Request,
    published: Annotated[
        dt.date | None, Query(description="Anchors relative dates ('Tuesday').")
    ] = None,
) -> dict[str, Any]:
    """The extract contract (schema_version 1) of the article in the body: text/plain or
    text/html (HTML recognised by content either way), or JSON ``{"text": ..., "published":
    ...}``."""
    media_type, _, parameters = request.headers.get("content-type", "").partition(";")
    media_type = media_type.strip().lower()
    if media_type not in (*TEXT_TYPES, "application/json"):
        raise HTTPException(
            415,
            f"send the article as text/plain, text/html or application/json, "
            f"not {media_type or 'a body without a content type'}",
        )
    body = await read_body(request)
    date = published.isoformat() if published else None
    if media_type == "application/json":
        text, date = from_json(body, date)
    else:
        text = as_text(body, charset(parameters))
    try:
        article = await run_in_threadpool(extract_article, text, date)
    except InputError as error:
        raise HTTPException(422, str(error)) from None
    return article.to_dict()


async def read_body(request: Request) -> bytes:
    """The body, refused with 413 as soon as it is over the limit (not after reading it all)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_INPUT_BYTES:
        raise HTTPException(413, TOO_LARGE)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_INPUT_BYTES:
            raise HTTPException(413, TOO_LARGE)
    return bytes(body)


def charset(parameters: str) -> str | None:
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None


def as_text(body: bytes, encoding: str | None) -> str:
    """The body decoded (by its declared charset, else as nutgraf decodes files); 415 when it
    is not text."""
    try:
        text = body.decode(encoding) if encoding else decode(body)
    except (LookupError, UnicodeDecodeError):
        raise HTTPException(415, f"body is not text in the declared charset {encoding}") from None
    except InputError as error:
        raise HTTPException(415, f"body is not text: {error}") from None
    if looks_binary(text):
        raise HTTPException(415, "body is not text: it looks like binary data")
    return text


def from_json(body: bytes, published: str | None) -> tuple[str, str | None]:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HTTPException(400, f"body is not valid JSON ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise HTTPException(422, 'JSON body must be an object with a "text" string')
    date = data.get("published", published)
    if date is not None and not isinstance(date, str):
        raise HTTPException(422, '"published" must be a string, YYYY-MM-DD')
    return data["text"], date
