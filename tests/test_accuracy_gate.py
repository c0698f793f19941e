"""The accuracy gate: a pinned slice of each gold set must stay at or above its floor."""

from __future__ import annotations

import sys

import pytest

from tests.support import ROOT

sys.path.insert(0, str(ROOT / "eval"))

import gate


@pytest.mark.slow
@pytest.mark.parametrize("task", sorted(gate.SLICES))
def test_accuracy_stays_above_its_floor(task: str) -> None:
    floors = gate.floors()[task]
    measured = gate.SLICES[task]()
    assert set(measured) == set(floors), "every measured figure has a floor"
    below = {k: (round(v, 4), floors[k]) for k, v in measured.items() if v < floors[k]}
    assert not below, f"{task}: below the recorded floor (measured, floor): {below}"
