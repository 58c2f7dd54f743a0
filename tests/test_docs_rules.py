"""docs/rules.md documents every reason code and outcome, with the right severity."""

from __future__ import annotations

import pathlib
import re

import unsc

DOC = pathlib.Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def _table_rows() -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `([a-z0-9_]+)` \| ([a-z]+) \|", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def test_every_reason_code_is_documented_with_its_severity() -> None:
    rows = _table_rows()
    expected = {code.value: code.severity.value for code in unsc.ReasonCode}
    assert {k: v for k, v in rows.items() if k in expected} == expected


def test_every_outcome_and_kind_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for outcome in unsc.Outcome:
        assert f"`{outcome.value}`" in text
    for kind in unsc.Kind:
        assert f"`{kind.value}`" in text
