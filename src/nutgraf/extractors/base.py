"""What an extractor is, and the per-article context every extractor reads.

An extractor is declared once, in its own module, as an ``Extractor``: the name of the fact it
fills (a field of ``Article``, or an extension's key), the facts it needs, and the function
that finds it. ``nutgraf.extractors.EXTRACTORS`` lists them in running order; the pipeline, the
benchmark's stage table, the report, the exports and the tests all iterate over that list.

Work that several extractors share (the reference resolver, keyword scores) is asked for with
``Context.shared(work)`` and computed once per article, by whichever extractor asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.tokens import Doc

from nutgraf.records import CleanArticle

T = TypeVar("T")


@dataclass
class Context:
    """One article on its way through the extractors."""

    article: CleanArticle
    doc: Doc
    facts: dict[str, Any] = field(default_factory=dict)
    _shared: dict[Callable[[Context], Any], Any] = field(default_factory=dict)

    def shared(self, work: Callable[[Context], T]) -> T:
        """``work(self)``, computed once for this article."""
        if work not in self._shared:
            self._shared[work] = work(self)
        found: T = self._shared[work]
        return found


@dataclass(frozen=True)
class Extractor:
    """One fact of an article and how to find it.

    ``produces`` is the fact's type; it is needed only for an extension (a name that is not a
    field of ``Article``), whose exports and API schema are derived from it.
    """

    name: str
    run: Callable[[Context], Any]
    needs: tuple[str, ...] = ()
    produces: Any = None
