"""The HTML pages: search (the home page), an article, an entity, and "paste an article"."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from nutgraf.errors import InputError
from nutgraf.web.dependencies import TEMPLATES, ArticleFilters, Corpus, extract_article
from nutgraf.web.highlight import snippet_html
from nutgraf.web.views import article_view, facet_sections, timeline, with_params

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE_SIZE = 20


@router.get("/")
def search_page(request: Request, store: Corpus, filters: ArticleFilters, q: str = "") -> Response:
    """Search with snippets, or with no words the newest articles; facets narrow either."""
    hits = [
        {"hit": hit, "snippet": snippet_html(hit.snippet)}
        for hit in store.search(q, filters=filters, limit=PAGE_SIZE)
    ]
    articles = [] if q.strip() else store.list_articles(filters, limit=PAGE_SIZE)
    params = dict(request.query_params)
    entity = store.entity(filters.entity_id) if filters.entity_id is not None else None
    facets = store.search_facets(q, filters)
    return TEMPLATES.TemplateResponse(
        request,
        "search.html",
        {
            "q": q, "hits": hits, "articles": articles, "filters": filters, "entity": entity,
            "total": facets["articles"], "facets": facet_sections(facets, filters, params),
            "params": params, "link": with_params,
        },
    )  # fmt: skip


@router.get("/articles/{article_id}")
def article_page(request: Request, store: Corpus, article_id: int) -> Response:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    view = article_view(article, article["entity_ids"])
    return TEMPLATES.TemplateResponse(request, "article.html", {"view": view})


@router.get("/entities/{entity_id}")
def entity_page(request: Request, store: Corpus, entity_id: int) -> Response:
    try:
        profile = store.entity_profile(entity_id, top=15)
    except KeyError:
        raise HTTPException(404, f"no entity {entity_id}") from None
    return TEMPLATES.TemplateResponse(
        request,
        "entity.html",
        {"profile": profile, "timeline": timeline(profile["mentions_by_month"])},
    )


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
