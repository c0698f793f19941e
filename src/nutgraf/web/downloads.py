"""CSV downloads of the API's lists (as Datasette offers .csv beside .json): one row a record,
nested values as JSON."""

from __future__ import annotations

import csv
import dataclasses
import inspect
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from fastapi.responses import Response


def csv_response(rows: Sequence[Any], filename: str) -> Response:
    """``rows`` (dataclasses or dicts) as a CSV file to download."""
    plain = [
        dataclasses.asdict(row)
        if dataclasses.is_dataclass(row) and not isinstance(row, type)
        else row
        for row in rows
    ]
    out = io.StringIO()
    if plain:
        writer = csv.DictWriter(out, fieldnames=list(plain[0]))
        writer.writeheader()
        for row in plain:
            writer.writerow({key: _cell(value) for key, value in row.items()})
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def csv_of(endpoint: Callable[..., Any], field: str, filename: str) -> Callable[..., Response]:
    """An endpoint that takes what ``endpoint`` takes and gives its ``field`` list as CSV."""

    def download(**params: Any) -> Response:
        return csv_response(getattr(endpoint(**params), field), filename)

    signature = inspect.signature(endpoint, eval_str=True)
    download.__signature__ = signature.replace(return_annotation=Response)  # type: ignore[attr-defined]
    download.__doc__ = f"The same page of {field} as CSV."
    return download


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
