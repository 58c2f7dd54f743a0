"""The reader scored on the development set (tests/extract_devset/, written by hand).

Runs scripts/eval_extract.py on every text that has a gold file; skipped only
while the folder holds fewer than ten such texts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DEVSET = Path(__file__).resolve().parent / "extract_devset"
MIN_TEXTS = 10
F1_FLOOR = 0.95
FIELD_FLOOR = 0.95


@pytest.fixture(scope="module")
def report(load_script: Callable[[str], ModuleType]) -> dict[str, Any]:
    module = load_script("eval_extract")
    if len(module.pairs(DEVSET)) < MIN_TEXTS:
        pytest.skip(f"fewer than {MIN_TEXTS} annotated texts in {DEVSET}")
    result: dict[str, Any] = module.evaluate(DEVSET)
    return result


def test_record_f1(report: dict[str, Any]) -> None:
    assert report["texts"] >= MIN_TEXTS
    assert report["f1"] >= F1_FLOOR, (
        f"F1 {report['f1']:.3f} (precision {report['precision']:.3f}, "
        f"recall {report['recall']:.3f}); run scripts/eval_extract.py --show-errors"
    )


def test_mean_field_accuracy(report: dict[str, Any]) -> None:
    weakest = sorted(report["fields"].items(), key=lambda kv: kv[1])[:3]
    assert report["mean_field_accuracy"] >= FIELD_FLOOR, (
        f"mean field accuracy {report['mean_field_accuracy']:.3f}; weakest {weakest}"
    )


def test_matching_is_one_to_one(load_script: Callable[[str], ModuleType]) -> None:
    module = load_script("eval_extract")
    gold = [{"date": "2017-10-24", "kind": "draft_resolution", "yes": 11, "no": 2, "abstain": 2}]
    twice = gold * 2
    assert module.match(twice, gold) == [(0, 0)]
    other = [{"date": "1950-06-25", "kind": "agenda_adoption", "draft": "S/1", "yes": 1}]
    assert module.match(other, gold) == []
    assert module.same("members_no", ["RUS", "BOL"], ["BOL", "RUS"])
