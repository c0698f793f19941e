"""Shared fixtures: the spaCy pipeline (loaded once) and the project's ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nutgraf.nlp import load_model
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
