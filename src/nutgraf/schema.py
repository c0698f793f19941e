"""The output schema, derived from the records: JSON key order, Parquet types, CSV columns,
the offset-bearing fields, for the built-in facts and every registered extension alike.

Nothing here lists a field by hand: a field added to a record in ``records.py``, or an
extractor registered with what it ``produces``, appears in every format at once.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, create_model

from nutgraf.extractors import EXTRACTORS
from nutgraf.records import Article

# The corpus's own columns, before the article's in every export.
CORPUS_COLUMNS: list[tuple[str, Any]] = [
    ("id", int),
    ("record_id", str | None),
    ("url", str | None),
    ("source", str | None),
    ("location", str | None),
    ("metadata", str | None),  # the input record's other fields, as a JSON object
]
_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}


def extensions() -> dict[str, Any]:
    """The registered facts that are not fields of ``Article``, with their types."""
    names = {f.name for f in dataclasses.fields(Article)}
    return {e.name: e.produces for e in EXTRACTORS if e.name not in names}


def contract_fields() -> list[tuple[str, Any]]:
    """The JSON contract's keys in order, with their Python types."""
    hints = typing.get_type_hints(Article)
    fields = [(f.name, hints[f.name]) for f in dataclasses.fields(Article)]
    return [(name, kind) for name, kind in fields if name != "extensions"] + list(
        extensions().items()
    )


def arrow_type(kind: Any) -> pa.DataType:
    """The Arrow type of a record field's Python type."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        present = [arg for arg in args if arg is not type(None)]
        if set(present) == {int, float}:
            return pa.float64()
        (kind,) = present
        return arrow_type(kind)
    if origin is list:
        return pa.list_(arrow_type(args[0]))
    if origin is Literal:
        return pa.string()
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        return pa.struct([(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(kind)])
    if kind in _SCALARS:
        return _SCALARS[kind]
    raise TypeError(f"no Arrow type for {kind!r}: records hold plain, typed fields")


def arrow_schema() -> pa.Schema:
    """The Parquet schema of an exported article (``export``, ``extract-batch``, ``load``)."""
    return pa.schema(
        [(name, arrow_type(kind)) for name, kind in CORPUS_COLUMNS + contract_fields()]
    )


def _is_scalar(kind: Any) -> bool:
    if typing.get_origin(kind) is list:
        return False
    args = [a for a in typing.get_args(kind) if a is not type(None)] or [kind]
    return all(a in _SCALARS or typing.get_origin(a) is Literal for a in args)


def _is_word_list(kind: Any) -> bool:
    return typing.get_origin(kind) is list and typing.get_args(kind)[0] is str


def csv_columns() -> list[str]:
    """One flat row an article: the scalar fields, word lists joined, entity names by kind,
    the summary as text, and how many of each other fact there are."""
    columns = [name for name, kind in CORPUS_COLUMNS]
    fields = contract_fields()
    columns += [name for name, kind in fields if _is_scalar(kind) and name != "body"]
    columns += ["people", "organisations", "places_named"]
    columns += [name for name, kind in fields if _is_word_list(kind) and name != "boilerplate"]
    columns += ["summary_text"]
    listed = [name for name, kind in fields if typing.get_origin(kind) is list]
    columns += [f"{name}_count" for name in listed if not _is_word_list(dict(fields)[name])]
    return [*columns, "body"]


def flat_row(article: dict[str, Any]) -> dict[str, Any]:
    """The CSV row of an exported article (a contract object with the corpus's columns)."""

    def names(*kinds: str) -> str:
        return "; ".join(e["name"] for e in article["entities"] if e["type"] in kinds)

    row: dict[str, Any] = {}
    for column in csv_columns():
        value = article.get(column.removesuffix("_count"))
        if column.endswith("_count"):
            row[column] = len(value or [])
        elif isinstance(value, dict):
            row[column] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, list):
            row[column] = "; ".join(value)
        else:
            row[column] = value
    row.update(
        people=names("PERSON"),
        organisations=names("ORG"),
        places_named=names("GPE", "LOC"),
        summary_text=" ".join(s["text"] for s in article["summary"]),
    )
    return row


def offset_paths(kind: Any = Article, path: str = "") -> Iterator[str]:
    """Every place in a record type that holds a span of the body: a record with ``start``,
    ``end`` and ``text``, or a ``<role>_start``/``<role>_end`` pair beside ``<role>`` or
    ``<role>_text``. Paths read like ``quotes[].speaker`` or ``tone.sentences[]``."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is list:
        yield from offset_paths(args[0], path + "[]")
        return
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            yield from offset_paths(arg, path)
        return
    if not (dataclasses.is_dataclass(kind) and isinstance(kind, type)):
        return
    hints = typing.get_type_hints(kind)
    names = set(hints)
    if {"start", "end", "text"} <= names:
        yield path
    for name in sorted(names):
        if name.endswith("_start") and name.removesuffix("_start") + "_end" in names:
            yield f"{path}.{name.removesuffix('_start')}".lstrip(".")
    for name, field_kind in hints.items():
        if kind is Article and name == "extensions":
            continue
        yield from offset_paths(field_kind, f"{path}.{name}".lstrip("."))
    if kind is Article:
        for name, produced in extensions().items():
            yield from offset_paths(produced, name)


def contract_model(name: str = "Article", **more: Any) -> type[BaseModel]:
    """The JSON contract as a pydantic model, for the API's OpenAPI schema: every field of
    ``Article`` and of the registered extensions, typed by their records; ``more`` adds
    fields (``name=(type, default)``) beside them, as the corpus's article does."""
    hints = typing.get_type_hints(Article)
    defaults = {f.name: f for f in dataclasses.fields(Article)}
    fields: dict[str, Any] = {}
    for field_name, kind in contract_fields():
        known = defaults.get(field_name)
        if known is None or known.default is not dataclasses.MISSING:
            default = None if known is None else known.default
        elif known.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=known.default_factory)
        else:
            default = ...
        fields[field_name] = (hints.get(field_name, kind), default)
    fields.update(more)
    model: type[BaseModel] = create_model(name, __config__=ConfigDict(extra="allow"), **fields)
    return model
