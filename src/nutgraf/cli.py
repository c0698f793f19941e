"""The ``nutgraf`` command: a thin shell over the library API.

Errors in the input end in a one-line message on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from nutgraf.errors import InputError
from nutgraf.pipeline import extract as extract_article
from nutgraf.report import report
from nutgraf.source import MAX_INPUT_BYTES

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into structured, verifiable facts.",
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


@app.callback()
def _root() -> None:
    """Turn news articles into structured, verifiable facts."""


@app.command()
def extract(
    path: Annotated[
        str, typer.Argument(help="An article file (plain text or HTML), or - for stdin.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="text: a report; json: the contract.")
    ] = OutputFormat.text,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date, YYYY-MM-DD: anchors 'Tuesday', 'last week'..."),
    ] = None,
) -> None:
    """Extract one article's facts: entities, quotes, amounts, dates, summary."""
    try:
        article = extract_article(read_input(path), published=published)
    except InputError as error:
        fail(str(error))
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        Console().print(report(article))


def read_input(path: str) -> bytes:
    """The bytes of a file or of stdin, refusing what cannot be an article file."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        file = Path(path)
        if not file.exists():
            fail(f"no such file: {path}")
        if not file.is_file():
            fail(f"not a file: {path}")
        if file.stat().st_size > MAX_INPUT_BYTES:
            fail(f"{path}: input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
        try:
            data = file.read_bytes()
        except OSError as error:
            fail(f"cannot read {path}: {error.strerror}")
    if len(data) > MAX_INPUT_BYTES:
        fail(f"input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB")
    return data


def fail(message: str) -> NoReturn:
    """One line on stderr, exit code 2."""
    sys.stderr.write(f"nutgraf: error: {message}\n")
    raise typer.Exit(code=2)


def main() -> None:
    app()
