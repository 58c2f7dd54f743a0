"""The charts' value axis: round steps, and the tallest column under the top grid line."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unsc._web.charts import axis_ticks, stacked_columns


@pytest.mark.parametrize(
    ("peak", "ticks"),
    [
        (0, (0, 1)),
        (1, (0, 1)),
        (6, (0, 1, 2, 3, 4, 5, 6)),
        (7, (0, 2, 4, 6, 8)),
        (12, (0, 2, 4, 6, 8, 10, 12)),
        (13, (0, 5, 10, 15)),
        (30, (0, 5, 10, 15, 20, 25, 30)),
        (31, (0, 10, 20, 30, 40)),
        (46, (0, 10, 20, 30, 40, 50)),
        (60, (0, 10, 20, 30, 40, 50, 60)),
        (61, (0, 20, 40, 60, 80)),
        (1000, (0, 200, 400, 600, 800, 1000)),
    ],
)
def test_ticks_at_each_boundary(peak: int, ticks: tuple[int, ...]) -> None:
    assert axis_ticks(peak) == ticks


def _is_round(step: int) -> bool:
    while step % 10 == 0:
        step //= 10
    return step in (1, 2, 5)


@given(st.integers(min_value=1, max_value=10**7))
def test_ticks_cover_the_peak_in_the_smallest_round_step(peak: int) -> None:
    ticks = axis_ticks(peak)
    step = ticks[1]
    assert ticks[0] == 0
    assert all(b - a == step for a, b in itertools.pairwise(ticks))
    assert _is_round(step)
    assert ticks[-1] >= peak > ticks[-2]  # covers the peak, no empty interval on top
    assert len(ticks) - 1 <= 6
    rounds = (f * 10**k for k in range(9) for f in (1, 2, 5))
    smaller = [s for s in rounds if s < step]
    assert all(-(-peak // s) > 6 for s in smaller)  # no rounder, finer step fits


def _ticks_and_column_tops(chart_svg: str) -> tuple[list[int], list[float], list[float]]:
    labels = [int(t) for t in re.findall(r'class="tick">(\d+)</text>', chart_svg)]
    grid = [float(y) for y in re.findall(r'y1="([\d.]+)" y2="[\d.]+" class="grid"', chart_svg)]
    tops = [float(y) for y in re.findall(r'<rect x="[\d.]+" y="([\d.]+)" [^>]*><title>', chart_svg)]
    return labels, grid, tops


def test_the_tallest_column_stays_under_the_top_grid_line() -> None:
    chart = stacked_columns("c", "Changes", [1940, 1950], {"SUN": {1940: 40}, "USA": {1940: 6}})
    labels, grid, tops = _ticks_and_column_tops(str(chart.svg))
    assert labels[:6] == [0, 10, 20, 30, 40, 50]  # 46 in all: the axis goes on to 50
    assert len(grid) == 6
    assert min(tops) > min(grid)  # the column ends below the top line (SVG y grows down)


def test_a_round_peak_is_the_top_grid_line() -> None:
    chart = stacked_columns("c", "Changes", [1940], {"SUN": {1940: 40}})
    labels, grid, tops = _ticks_and_column_tops(str(chart.svg))
    assert labels[:5] == [0, 10, 20, 30, 40]
    assert len(grid) == 5
    assert min(tops) == pytest.approx(min(grid))
