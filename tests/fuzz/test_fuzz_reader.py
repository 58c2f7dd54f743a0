"""The reader on generated input: it never fails, trusts no noise, and runs in linear time.

Quick runs by default (a few hundred generated inputs); set ``UNSC_FUZZ_EXAMPLES``
for a long run (e.g. 10000), which prints the counts by outcome.
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unsc import UnscError
from unsc._extract import extract

EXAMPLES = int(os.environ.get("UNSC_FUZZ_EXAMPLES", "150"))

#: Fragments of vote reports, repeated to make long texts (issue 15, item 8).
FRAGMENTS = (
    "13 in favour, 2 against, ",
    "on Tuesday ",
    "resolution 1 ",
    "The Security Council adopted resolution 2401 (2018) by 15 votes. ",
    "Russia vetoed the draft on 3 May 2017, 11 in favour, 2 against. \n",
    "S/2017/884 ",
    '"vetoed" ',
    "China and Russia, ",
    "two days later, ",
    "by a vote of 12-0-3; ",
)

WORDS = (
    'the', 'Council', 'voted', 'adopted', 'resolution', 'draft', 'vetoed', 'Russia', 'China',
    'France', 'United', 'States', 'abstained', 'against', 'in', 'favour', '13', '2', '0',
    'nine', 'eleven', 'unanimously', 'failed', 'rejected', 'blocked', 'on', 'Monday', '24',
    'October', '2017', 'S/2017/884', 'UNSCR', '678', '.', ',', ';', '-', '\n',
)  # fmt: skip


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        extract(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_time_grows_linearly_with_repetitions(fragment: str) -> None:
    extract(fragment)  # warm-up: the lexicon and the patterns
    small = fragment * (20_000 // len(fragment))
    large = fragment * (160_000 // len(fragment))
    t_small, t_large = _seconds(small), _seconds(large)
    # 8 times the text: linear is about 8 times the time, quadratic 64 times
    assert t_large <= 20 * t_small + 0.25, (fragment, t_small, t_large)


@settings(
    max_examples=max(12, EXAMPLES // 10),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8),
    st.integers(min_value=1, max_value=12),
)
def test_generated_repetitions_grow_linearly(parts: list[str], times: int) -> None:
    # A ratio of CPU times measured side by side, not a time budget: a loaded
    # machine slows both texts alike, and a quadratic pattern still shows.
    unit = "".join(parts)
    small, large = unit * times, unit * (8 * times)
    t_small, t_large = _seconds(small), _seconds(large)
    # 8 times the text: linear is about 8 times the time, quadratic 64 times
    assert t_large <= 20 * t_small + 0.25, (len(small), t_small, t_large)


def _noise(rnd: random.Random, size: int) -> str:
    return bytes(rnd.getrandbits(8) for _ in range(size)).decode("latin-1")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_any_text_is_read_without_error(text: str) -> None:
    for vote in extract(text):
        assert vote.warnings or (
            vote.date is not None and vote.outcome is not None and vote.yes is not None
        ), vote.to_dict()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=120))
def test_word_salad_gives_no_untrusted_confirmed_vote(words: list[str]) -> None:
    for vote in extract(" ".join(words)):
        # a record without date, outcome or counts always carries a warning
        counts = (vote.yes, vote.no, vote.abstain)
        if vote.date is None or vote.outcome is None or counts == (None, None, None):
            assert vote.warnings, vote.to_dict()
        # counts that leave too few members for a majority contradict an adoption
        if vote.outcome is not None and vote.outcome.value == "adopted" and vote.yes is None:
            given = (vote.no or 0) + (vote.abstain or 0) + (vote.not_voting or 0)
            if given > 6:  # fewer than 9 of 15 (7 of 11) left
                assert vote.warnings, vote.to_dict()


def test_random_bytes_yield_no_trusted_vote() -> None:
    rnd = random.Random(15)
    outcomes: Counter[str] = Counter()
    for size in (1_000, 10_000, 100_000, 1_000_000):
        try:
            votes = extract(_noise(rnd, size))
        except UnscError:
            outcomes["typed error"] += 1
            continue
        outcomes["accepted"] += 1
        assert all(v.warnings for v in votes), [v.to_dict() for v in votes]
    assert outcomes["accepted"] == 4
