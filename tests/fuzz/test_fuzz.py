"""A quick fuzzing pass over every importer and the reader (part of ``make test``).

``UNSC_FUZZ_EXAMPLES`` sets the inputs per target (default 100, under a minute
in all); ``tests/fuzz/run.py`` makes the long runs with counts by outcome.
A crash fails the test, shrunk by Hypothesis to a small input.
"""

from __future__ import annotations

import os

import pytest

from fuzz.harness import Target, fuzz, targets
from realdata import require_shared, shared_dir

pytestmark = pytest.mark.realdata

EXAMPLES = int(os.environ.get("UNSC_FUZZ_EXAMPLES", "100"))


def _names() -> list[str]:
    root = shared_dir()
    if not (root / "data").is_dir():
        return ["(no shared data)"]
    return [t.name for t in targets(root)]


def _target(name: str) -> Target:
    return next(t for t in targets(require_shared()) if t.name == name)


@pytest.mark.parametrize("name", _names())
def test_no_input_crashes(name: str) -> None:
    result = fuzz(_target(name), EXAMPLES, keep_going=False)
    assert result.counts["crash"] == 0
    assert result.total >= EXAMPLES
    # The seeds are real files: some inputs must still be read, others refused.
    assert result.counts["accepted"] + result.counts["skipped"] > 0
