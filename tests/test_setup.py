"""``make test`` does its own set-up: Debian's chromium is installed when missing and this user
may, else one line says the one command to run."""

from __future__ import annotations

import subprocess

from tests.support import ROOT


def make_chromium(*overrides: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", "--no-print-directory", "chromium", *overrides],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_a_missing_chromium_that_cannot_be_installed_is_one_line_naming_the_command() -> None:
    result = make_chromium("CHROMIUM=/no/such/chromium", "CAN_INSTALL=")
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        "make test needs Debian's chromium at /no/such/chromium for the browser tests; "
        "install it with: sudo apt-get install chromium"
    )


def test_a_missing_chromium_is_installed_with_apt_when_this_user_may() -> None:
    planned = subprocess.run(
        ["make", "-n", "chromium", "CHROMIUM=/no/such/chromium", "CAN_INSTALL=yes"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "apt-get install" in planned and "chromium" in planned


def test_a_present_chromium_needs_nothing() -> None:
    assert make_chromium("CHROMIUM=/bin/sh").returncode == 0
