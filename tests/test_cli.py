"""The command line: the report, the JSON contract, and one-line errors with exit code 2."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from nutgraf.cli import app
from tests.support import EXAMPLES, SEED, SHARED, assert_spans_match

runner = CliRunner()


def run(*args, input=None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_seed_passes_every_check_of_the_reference_tool():
    result = run("extract", str(SEED), "--format", "json", "--published", "2006-06-20")
    assert result.exit_code == 0
    check = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "check_seed.py"), "-"],
        input=result.stdout, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout
    assert_spans_match(json.loads(result.stdout))


def test_text_report_has_its_sections():
    result = run("extract", str(EXAMPLES / "wire-story.txt"), "--published", "2026-03-12")
    assert result.exit_code == 0
    for section in ("Summary", "Entities", "Quotes", "Amounts", "Dates", "Keywords"):
        assert section in result.stdout
    assert "Elena Marsh" in result.stdout


def test_stdin_is_read_with_a_dash():
    text = (EXAMPLES / "wire-story.txt").read_text(encoding="utf-8")
    result = run("extract", "-", "--format", "json", input=text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["dateline"] == "PORTVALE, Maine"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "input is empty"),
        (b" \n\t\n", "input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary"),
        (bytes((i * 97 + 13) % 128 + 128 for i in range(400)), "encoding"),
        (b"a" * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
        ("Die Regierung kündigte am Dienstag den Abzug ihrer Truppen an.".encode(), "not English"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code_2(tmp_path, content, message):
    path = tmp_path / "input"
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.output


def test_missing_file_and_bad_date():
    missing = run("extract", "/no/such/article.txt")
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    bad_date = run("extract", str(SEED), "--published", "June 20")
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.stderr


def test_installed_command_exits_2_without_traceback(tmp_path):
    """The real console script, as a user runs it."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    script = subprocess.run(
        [sys.executable, "-m", "nutgraf", "extract", str(empty)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert script.returncode == 2
    assert script.stderr == "nutgraf: error: input is empty\n"
