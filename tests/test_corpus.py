"""End to end on real articles of ../shared/corpus: ten of each kind come out whole."""

import itertools
import json

import pytest

import nutgraf
from tests.support import SHARED, assert_spans_match


def sample(name: str, count: int) -> list[dict]:  # type: ignore[type-arg]
    path = SHARED / "corpus" / name / "articles.jsonl"
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in itertools.islice(lines, 0, 400, 40)]
    return records[:count]


@pytest.mark.parametrize(
    "record", sample("bbc", 5) + sample("polnear-train", 5), ids=lambda r: r["id"]
)
def test_corpus_article(record):
    article = nutgraf.extract(record["text"], published=record.get("published"))
    data = article.to_dict()
    assert_spans_match(data)
    assert len(article.body) > 0.8 * len(record["text"].strip()) - 400
    assert article.entities and article.summary and article.keywords
    people = [e for e in article.entities if e.type == "PERSON"]
    assert all(len(e.name) > 1 for e in people)
