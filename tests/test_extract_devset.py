"""The reader scored strictly on the development set (tests/extract_devset/, written by hand).

Runs scripts/eval_extract.py on every text that has a gold file; skipped only
while the folder holds fewer than ten such texts. The set is split by a fixed
hash of the file names into a tuning part and a held-out part; both are scored.
A record is correct only when its date, outcome and every stated count are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DEVSET = Path(__file__).resolve().parent / "extract_devset"
MIN_TEXTS = 10
#: Strict record F1 floors (the figures measured are in docs/extract.md).
F1_FLOOR = {"all": 0.82, "tuning": 0.82, "heldout": 0.80}
#: Records paired with a gold record, over the larger of predicted and gold.
PAIRED_FLOOR = 0.95


@pytest.fixture(scope="module")
def module(load_script: Callable[[str], ModuleType]) -> ModuleType:
    mod = load_script("eval_extract")
    if len(mod.pairs(DEVSET)) < MIN_TEXTS:
        pytest.skip(f"fewer than {MIN_TEXTS} annotated texts in {DEVSET}")
    return mod


@pytest.fixture(scope="module")
def reports(module: ModuleType) -> dict[str, dict[str, Any]]:
    return {which: module.evaluate(DEVSET, which) for which in ("all", "tuning", "heldout")}


@pytest.mark.parametrize("which", ["all", "tuning", "heldout"])
def test_strict_record_f1(reports: dict[str, dict[str, Any]], which: str) -> None:
    report = reports[which]
    assert report["texts"] >= 1
    assert report["f1"] >= F1_FLOOR[which], (
        f"{which}: strict F1 {report['f1']:.3f} (precision {report['precision']:.3f}, "
        f"recall {report['recall']:.3f}); run scripts/eval_extract.py --part tuning --show-errors"
    )


def test_records_found(reports: dict[str, dict[str, Any]]) -> None:
    report = reports["all"]
    assert report["matched"] / max(report["predicted"], report["gold"]) >= PAIRED_FLOOR


def test_split_is_fixed_and_disjoint(module: ModuleType) -> None:
    tuning = {p.name for p, _ in module.pairs(DEVSET, "tuning")}
    heldout = {p.name for p, _ in module.pairs(DEVSET, "heldout")}
    assert tuning
    assert heldout
    assert not tuning & heldout
    assert tuning | heldout == {p.name for p, _ in module.pairs(DEVSET)}
    assert len(heldout) * 3 < len(tuning) * 2  # about one in four
    assert module.part("001_jim_postponement_veto_2017.txt") == module.part(
        "001_jim_postponement_veto_2017"
    )


def test_matching_is_one_to_one(module: ModuleType) -> None:
    gold = [{"date": "2017-10-24", "kind": "draft_resolution", "yes": 11, "no": 2, "abstain": 2}]
    twice = gold * 2
    assert module.match(twice, gold) == [(0, 0)]
    other = [{"date": "1950-06-25", "kind": "agenda_adoption", "draft": "S/1", "yes": 1}]
    assert module.match(other, [{**gold[0], "draft": "S/2"}]) == []
    assert module.same("members_no", ["RUS", "BOL"], ["BOL", "RUS"])


def test_strict_needs_every_stated_count(module: ModuleType) -> None:
    gold = {"date": "2017-10-24", "outcome": "vetoed", "yes": 11, "no": 2, "abstain": 2}
    assert module.correct(dict(gold), gold)
    assert not module.correct({**gold, "abstain": None}, gold)
    assert not module.correct({**gold, "date": None}, gold)
    assert not module.correct({**gold, "outcome": "failed"}, gold)
    assert module.correct({**gold, "outcome": "failed"}, {**gold, "outcome_accept": ["failed"]})
    # an outcome the gold does not state is invented
    assert not module.correct({"date": None, "outcome": "adopted"}, {"date": None})


def test_scores_fields_with_precision_and_recall(module: ModuleType) -> None:
    gold = [{"date": "2017-10-24", "outcome": "adopted", "yes": 15, "no": 0, "abstain": 0}]
    rep = module.score(
        [("x.txt", "The Council adopted it unanimously on 24 October 2017.", None, gold)],
        ("date", "yes", "outcome"),
    )
    assert rep["gold"] == 1
    assert rep["texts"] == 1
    assert set(rep["fields"]) == {"date", "yes", "outcome"}
    for v in rep["fields"].values():
        assert 0.0 <= v["f1"] <= 1.0
