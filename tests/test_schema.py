"""The one declaration: every extractor's fact reaches every format, and a new extractor
registered in one place appears in the JSON, Parquet, CSV, the report and the offset checks."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import typing
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from rich.console import Console

import nutgraf
from nutgraf import schema
from nutgraf.corpus.export import export
from nutgraf.extractors import EXTRACTORS, Context, Extractor, register, unregister
from nutgraf.records import Article, Mention
from nutgraf.report import report
from tests.support import EXAMPLES, assert_spans_match


@dataclasses.dataclass(frozen=True)
class Shout:
    """A toy fact: a word written in capitals."""

    start: int
    end: int
    text: str
    letters: int


def find_shouts(context: Context) -> list[Shout]:
    return [
        Shout(t.idx, t.idx + len(t), t.text, len(t))
        for t in context.doc
        if t.is_upper and len(t) > 2 and t.is_alpha
    ]


@pytest.fixture
def shouts() -> Iterator[None]:
    register(Extractor("shouts", find_shouts, produces=list[Shout]))
    yield
    unregister("shouts")


def _every_record_field(kind: typing.Any, path: str = "") -> Iterator[str]:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    for arg in args if origin is not None else ():
        yield from _every_record_field(arg, path)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        for field in dataclasses.fields(kind):
            yield f"{path}.{field.name}".lstrip(".")
            yield from _every_record_field(hints[field.name], f"{path}.{field.name}")


def _arrow_paths(data_type: typing.Any, path: str = "") -> Iterator[str]:
    value_type = getattr(data_type, "value_type", None)
    if value_type is not None:
        yield from _arrow_paths(value_type, path)
        return
    for index in range(getattr(data_type, "num_fields", 0)):
        field = data_type.field(index)
        yield f"{path}.{field.name}".lstrip(".")
        yield from _arrow_paths(field.type, f"{path}.{field.name}")


def test_every_record_field_has_a_parquet_column() -> None:
    arrow = set()
    for field in schema.arrow_schema():
        arrow.add(field.name)
        arrow.update(_arrow_paths(field.type, field.name))
    wanted = {p for p in _every_record_field(Article) if not p.startswith("extensions")}
    assert wanted - arrow == set()


def test_every_built_in_extractor_fills_a_contract_field() -> None:
    names = [name for name, _ in schema.contract_fields()]
    assert [e.name for e in EXTRACTORS if e.name not in names] == []
    assert names.index("schema_version") == 0 and names.index("body") < names.index("entities")


def test_offset_paths_reach_every_span_bearing_record() -> None:
    paths = set(schema.offset_paths())
    assert {"quotes[]", "quotes[].speaker", "quotes[].cue", "events[].actor"} <= paths
    assert {"entities[].mentions[]", "places[].mentions[]", "tone.sentences[]"} <= paths


def test_registration_checks_order_names_and_types() -> None:
    with pytest.raises(ValueError, match="needs"):
        register(Extractor("late", lambda c: [], needs=("nothing",), produces=list[str]))
    with pytest.raises(ValueError, match="already registered"):
        register(Extractor("quotes", lambda c: []))
    with pytest.raises(ValueError, match="produces"):
        register(Extractor("untyped", lambda c: []))
    with pytest.raises(ValueError, match="need"):
        unregister("entities")


def test_shared_work_is_done_once_per_article() -> None:
    calls: list[int] = []

    def work(context: Context) -> int:
        calls.append(1)
        return 42

    context = Context(nutgraf.pipeline.prepare("Some words here, enough of them."), None)  # type: ignore[arg-type]
    assert context.shared(work) == context.shared(work) == 42
    assert len(calls) == 1


STORY = (
    "Leaders of NATO met in Brussels on Tuesday to discuss the war, officials said.\n\n"
    '"We stand together," said Anna Berg, the alliance spokeswoman. The UN welcomed the talks.'
)


@pytest.mark.usefixtures("shouts")
def test_a_registered_extractor_reaches_every_format(tmp_path: Path) -> None:
    article = nutgraf.extract(STORY)
    data = article.to_dict()
    assert list(data)[-1] == "shouts" and data["shouts"], "JSON contract"
    assert any(path == "shouts[]" for path in schema.offset_paths())
    checked_without = assert_spans_match({**data, "shouts": []})
    assert assert_spans_match(data) == checked_without + len(data["shouts"])

    row = {"id": 1, "record_id": "r1", "url": None, "source": "test", **data}
    export([row], tmp_path / "out.parquet", "parquet")
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column("shouts").to_pylist() == [data["shouts"]], "Parquet"
    back = Article.from_dict(table.to_pylist()[0], schema.extensions())
    assert back.extensions["shouts"] == article.extensions["shouts"]

    export([row], tmp_path / "out.csv", "csv")
    (read,) = csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8")))
    assert read["shouts_count"] == str(len(data["shouts"])), "CSV"

    console = Console(file=io.StringIO(), width=120)
    console.print(report(article))
    assert "Shouts" in console.file.getvalue(), "report"  # type: ignore[attr-defined]
    json.dumps(data)


def test_built_in_records_round_trip_through_the_contract() -> None:
    article = nutgraf.extract((EXAMPLES / "wire-story.txt").read_text(encoding="utf-8"))
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
    assert isinstance(article.entities[0].mentions[0], Mention)
