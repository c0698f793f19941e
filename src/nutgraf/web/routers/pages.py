"""The HTML pages: search (the home page), an article, an entity, and "paste an article"."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from nutgraf.corpus.store import QueryError
from nutgraf.errors import InputError
from nutgraf.web.dependencies import TEMPLATES, ArticleFilters, Corpus, Offset, extract_article
from nutgraf.web.highlight import snippet_html
from nutgraf.web.views import article_view, facet_sections, pages, timeline, with_params

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE_SIZE = 20
ENTITY_PAGE_SIZE = 15


@router.get("/")
def search_page(
    request: Request, store: Corpus, filters: ArticleFilters, q: str = "", offset: Offset = 0
) -> Response:
    """Search with snippets, or with no words the newest articles, a page at a time; facets
    narrow either; a malformed query says what is wrong."""
    params = dict(request.query_params)
    entity = store.entity(filters.entity_id) if filters.entity_id is not None else None
    context: dict[str, Any] = {
        "q": q, "filters": filters, "entity": entity, "params": params, "link": with_params,
        "hits": [], "articles": [], "facets": [], "total": 0,
    }  # fmt: skip
    try:
        found = store.search(q, filters=filters, limit=PAGE_SIZE, offset=offset)
        facets = store.search_facets(q, filters)
    except QueryError as error:
        return TEMPLATES.TemplateResponse(
            request, "search.html", {**context, "error": str(error)}, status_code=400
        )
    articles = [] if q.strip() else store.list_articles(filters, PAGE_SIZE, offset)
    api = "/api/search" if q.strip() else "/api/articles"
    return TEMPLATES.TemplateResponse(
        request,
        "search.html",
        {
            **context, "articles": articles, "total": facets.articles,
            "hits": [{"hit": hit, "snippet": snippet_html(hit.snippet)} for hit in found],
            "dated": any(article.published for article in articles),
            "facets": facet_sections(facets, filters, params),
            "page": pages(facets.articles, offset, PAGE_SIZE, params),
            "downloads": {"json": api + with_params(params, limit=PAGE_SIZE),
                          "csv": api + ".csv" + with_params(params, limit=PAGE_SIZE)},
        },
    )  # fmt: skip


@router.get("/articles/{article_id}")
def article_page(request: Request, store: Corpus, article_id: int) -> Response:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    view = article_view(article.to_dict(), article.entity_ids)
    downloads = {"json": f"/api/articles/{article_id}", "csv": f"/api/articles/{article_id}.csv"}
    return TEMPLATES.TemplateResponse(
        request, "article.html", {"view": view, "downloads": downloads}
    )


@router.get("/entities/{entity_id}")
def entity_page(
    request: Request,
    store: Corpus,
    entity_id: int,
    quotes_offset: Offset = 0,
    named_offset: Offset = 0,
) -> Response:
    """An entity's profile; its quotes and the entities named beside it are paged apart."""
    try:
        profile = store.entity_profile(entity_id, top=0)
    except KeyError:
        raise HTTPException(404, f"no entity {entity_id}") from None
    params = dict(request.query_params)
    downloads = {"json": f"/api/entities/{entity_id}",
                 "csv": f"/api/quotes.csv?speaker={entity_id}&limit=500"}  # fmt: skip
    return TEMPLATES.TemplateResponse(
        request,
        "entity.html",
        {"profile": profile, "timeline": timeline(profile.mentions_by_month),
         "downloads": downloads,
         "quotes": store.quotes(entity_id=entity_id, limit=ENTITY_PAGE_SIZE, offset=quotes_offset),
         "quotes_page": pages(store.count_quotes(entity_id), quotes_offset, ENTITY_PAGE_SIZE,
                              params, "quotes_offset"),
         "named": store.co_mentions(entity_id, ENTITY_PAGE_SIZE, named_offset),
         "named_page": pages(store.count_co_mentions(entity_id), named_offset, ENTITY_PAGE_SIZE,
                             params, "named_offset")},
    )  # fmt: skip


@router.get("/extract")
def extract_form(request: Request) -> Response:
    return TEMPLATES.TemplateResponse(request, "extract.html", {"text": "", "published": ""})


@router.post("/extract")
def extract_page(
    request: Request,
    store: Corpus,
    text: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
) -> Response:
    """The pasted article shown as an article page is; entities the corpus knows link to
    their pages."""
    context = {"text": text, "published": published}
    try:
        article = extract_article(text, published or None).to_dict()
    except InputError as error:
        return TEMPLATES.TemplateResponse(
            request, "extract.html", {**context, "error": str(error)}, status_code=422
        )
    entities = [(e["id"], e["name"], e["type"]) for e in article["entities"]]
    view = article_view(article, store.corpus_entity_ids(entities))
    return TEMPLATES.TemplateResponse(request, "extract.html", {**context, "view": view})
