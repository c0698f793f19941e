"""Shared fixtures: the spaCy pipeline (loaded once) and the project's ../shared data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nutgraf.nlp import load_model
from nutgraf.pipeline import extract_each
from nutgraf.records import Article
from tests.support import SHARED


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def parse(nlp: Language):  # type: ignore[no-untyped-def]
    """Parse a body the way the pipeline does (paragraphs separated by blank lines)."""

    def _parse(text: str) -> Doc:
        return nlp(text)

    return _parse


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"the project's shared data is expected at {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small corpus for the web tests: real articles, the seed, and a hostile article."""
    from tests.web_support import build_corpus

    folder = tmp_path_factory.mktemp("web")
    build_corpus(folder / "news.db", folder)
    return folder / "news.db"


@pytest.fixture(scope="session")
def bbc_articles(shared: Path) -> list[Article]:
    """Every article of the BBC corpus through the whole pipeline, once a test session (for
    the corpus-wide property tests, marked slow): about three minutes on two cores."""
    with (shared / "corpus" / "bbc" / "articles.jsonl").open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    outcomes = extract_each((r["text"] for r in records), n_process=2)
    return [a for a in outcomes if isinstance(a, Article)]
