"""One clear path: source -> clean article -> spaCy Doc -> facts -> Article.

``extract`` does one article; ``extract_many`` streams many through ``nlp.pipe`` (and, with
``n_process`` > 1, through worker processes that each load the model once).
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from nutgraf.clean import clean
from nutgraf.errors import InputError
from nutgraf.extractors import amounts, dates, entities, keywords, quotes, summary
from nutgraf.language import require_english
from nutgraf.nlp import MAX_BODY_CHARS, load_model
from nutgraf.records import Article, CleanArticle
from nutgraf.source import read_source

Item = str | bytes | tuple[str | bytes, str | None]
DEFAULT_BATCH_SIZE = 32


def extract(text_or_html: str | bytes, published: str | None = None) -> Article:
    """The facts of one article (plain text or an HTML page, detected by content).

    ``published`` (YYYY-MM-DD) anchors relative dates; for HTML the page's own date is used
    when it is not given. Raises ``InputError`` for input that is not an English article.
    """
    article = prepare(text_or_html, published)
    return analyse(article, load_model()(article.body))


def extract_many(
    items: Iterable[Item], n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Article]:
    """Articles for ``items`` (texts, or ``(text, published)`` pairs), in input order.

    An item that is not an English article raises ``InputError`` naming its position.
    """
    if n_process <= 1:
        yield from _extract_batch_stream(items, batch_size)
        return
    chunks = _chunks(items, batch_size)
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        for chunk_articles in pool.imap(_extract_chunk, chunks):
            yield from chunk_articles


def prepare(text_or_html: str | bytes, published: str | None = None) -> CleanArticle:
    """Read, clean and check one input: the clean article, or ``InputError``."""
    published = _checked_date(published)
    article = clean(read_source(text_or_html), published)
    if len(article.body) > MAX_BODY_CHARS:
        raise InputError(f"article body is longer than {MAX_BODY_CHARS:,} characters")
    require_english(article.body)
    return article


def analyse(article: CleanArticle, doc: Doc) -> Article:
    """Run every extractor on the parsed body; the one place an extractor is added."""
    found_entities = entities.extract(doc)
    return Article(
        body=article.body,
        title=article.title,
        dateline=article.dateline,
        agency=article.agency,
        byline=article.byline,
        publisher=article.publisher,
        published=article.published,
        boilerplate=article.boilerplate,
        entities=found_entities,
        quotes=quotes.extract(doc, found_entities),
        amounts=amounts.extract(doc),
        dates=dates.extract(doc, article.published),
        keywords=keywords.extract(doc, found_entities),
        summary=summary.extract(doc, found_entities),
    )


def _checked_date(published: str | None) -> str | None:
    if published is None:
        return None
    try:
        return dt.date.fromisoformat(published).isoformat()
    except ValueError:
        raise InputError(f"publication date {published!r} is not YYYY-MM-DD") from None


def _split(item: Item) -> tuple[str | bytes, str | None]:
    return item if isinstance(item, tuple) else (item, None)


def _extract_batch_stream(items: Iterable[Item], batch_size: int) -> Iterator[Article]:
    prepared = (_prepare_numbered(n, item) for n, item in enumerate(items))
    nlp = load_model()
    pairs = nlp.pipe(((a.body, a) for a in prepared), as_tuples=True, batch_size=batch_size)
    for doc, article in pairs:
        yield analyse(article, doc)


def _prepare_numbered(position: int, item: Item) -> CleanArticle:
    text, published = _split(item)
    try:
        return prepare(text, published)
    except InputError as error:
        raise InputError(f"item {position}: {error}") from None


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[tuple[int, Item]]]:
    numbered = enumerate(items)
    while chunk := list(itertools.islice(numbered, size)):
        yield chunk


def _extract_chunk(chunk: list[tuple[int, Item]]) -> list[Article]:
    articles = [_prepare_numbered(position, item) for position, item in chunk]
    docs = load_model().pipe((a.body for a in articles), batch_size=len(articles))
    return [analyse(article, doc) for article, doc in zip(articles, docs, strict=True)]
