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
from nutgraf.errors import ExtractionFailed, InputError
from nutgraf.extractors import EXTRACTORS, Context
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
    for position, outcome in enumerate(extract_each(items, n_process, batch_size)):
        if isinstance(outcome, InputError):
            raise InputError(f"item {position}: {outcome}")
        yield outcome


def extract_each(
    items: Iterable[Item], n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[Article | InputError]:
    """For each item, in input order, its Article or the InputError that sets it aside, so
    that a corpus run goes on past bad records."""
    chunks = _chunks(items, batch_size)
    if n_process <= 1:
        for chunk in chunks:
            yield from _extract_chunk(chunk)
        return
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        for outcomes in pool.imap(_extract_chunk, chunks):
            yield from outcomes


def prepare(text_or_html: str | bytes, published: str | None = None) -> CleanArticle:
    """Read, clean and check one input: the clean article, or ``InputError``."""
    published = _checked_date(published)
    article = clean(read_source(text_or_html), published)
    if len(article.body) > MAX_BODY_CHARS:
        raise InputError(f"article body is longer than {MAX_BODY_CHARS:,} characters")
    require_english(article.body)
    return article


def analyse(article: CleanArticle, doc: Doc) -> Article:
    """Run every registered extractor on the parsed body, in order, and assemble the Article."""
    context = Context(article, doc)
    for extractor in EXTRACTORS:
        context.facts[extractor.name] = extractor.run(context)
    return Article.assemble(article, context.facts)


def _checked_date(published: str | None) -> str | None:
    if published is None:
        return None
    try:
        return dt.date.fromisoformat(published).isoformat()
    except ValueError:
        raise InputError(f"publication date {published!r} is not YYYY-MM-DD") from None


def _split(item: Item) -> tuple[str | bytes, str | None]:
    return item if isinstance(item, tuple) else (item, None)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _prepared(item: Item) -> CleanArticle | InputError:
    try:
        return prepare(*_split(item))
    except InputError as error:
        return error


def _extract_chunk(chunk: list[Item]) -> list[Article | InputError]:
    """One batch through ``nlp.pipe``: the good items parsed together, the bad ones kept in
    their places as errors."""
    prepared = [_prepared(item) for item in chunk]
    good = [p for p in prepared if isinstance(p, CleanArticle)]
    docs = iter(load_model().pipe((a.body for a in good), batch_size=max(len(good), 1)))
    return [p if isinstance(p, InputError) else _analysed(p, next(docs)) for p in prepared]


def _analysed(article: CleanArticle, doc: Doc) -> Article | InputError:
    """In a corpus run a defect met on one record sets that record aside, named, and the run
    goes on; a single ``extract`` still raises it."""
    try:
        return analyse(article, doc)
    except Exception as error:
        return ExtractionFailed(f"nutgraf failed on this record ({type(error).__name__}: {error})")
