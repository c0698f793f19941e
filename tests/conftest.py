"""Shared fixtures: the spaCy pipeline (loaded once) and the project's ../shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nutgraf.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NUTGRAF_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_04032723e9b8b91d.txt"
EXAMPLES = ROOT / "examples"


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


def assert_spans_match(data: dict) -> None:  # type: ignore[type-arg]
    """Every span of an article's JSON satisfies ``body[start:end] == text``."""
    body = data["body"]
    spans = [m for e in data["entities"] for m in e["mentions"]]
    spans += data["quotes"] + data["amounts"] + data["dates"] + data["summary"] + data["counts"]
    spans += [t for theme in data["themes"] for t in theme["triggers"]]
    spans += data["tone"]["sentences"] if data["tone"] else []
    spans += [m for place in data["places"] for m in place["mentions"]]
    for event in data["events"]:
        for role in ("verb", "actor_text", "target_text"):
            start, end = (
                event[role.replace("_text", "") + "_start"],
                event[role.replace("_text", "") + "_end"],
            )
            if start is not None:
                assert body[start:end] == event[role], event
    for span in spans:
        assert body[span["start"] : span["end"]] == span["text"], span
    for quote in data["quotes"]:
        if quote["speaker_start"] is not None:
            assert body[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker_text"]
        if quote["cue_start"] is not None:
            assert body[quote["cue_start"] : quote["cue_end"]] == quote["cue"]


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small corpus for the web tests: real articles, the seed, and a hostile article."""
    from tests.web_support import build_corpus

    folder = tmp_path_factory.mktemp("web")
    build_corpus(folder / "news.db", folder)
    return folder / "news.db"
