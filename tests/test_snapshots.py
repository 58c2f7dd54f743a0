"""The committed snapshots of the whole dataset equal a fresh render (habit 3)."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
NAMES = ["composition.json", "presidency.json"]


@pytest.fixture(scope="module")
def fresh(load_script: Callable[[str], ModuleType]) -> dict[str, str]:
    rendered: dict[str, str] = load_script("gen_snapshots").render()
    return rendered


def test_render_covers_every_snapshot(fresh: dict[str, str]) -> None:
    assert sorted(fresh) == NAMES
    assert sorted(p.name for p in SNAPSHOTS.glob("*.json")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_snapshot_is_current(fresh: dict[str, str], name: str) -> None:
    committed = (SNAPSHOTS / name).read_text(encoding="utf-8")
    assert committed == fresh[name], (
        f"tests/snapshots/{name} is stale: run `make docs` and review the diff"
    )


def test_composition_has_two_dates_per_year() -> None:
    data = json.loads((SNAPSHOTS / "composition.json").read_text(encoding="utf-8"))
    assert list(data) == [str(y) for y in range(1946, 2028)]
    assert list(data["1946"]) == ["1946-01-17", "1946-07-01"]
    for year in range(1947, 2028):
        assert list(data[str(year)]) == [f"{year}-01-01", f"{year}-07-01"]
        for members in data[str(year)].values():
            assert len(members) == (11 if year < 1966 else 15)
            assert [m["code"] for m in members] == sorted(m["code"] for m in members)


def test_presidency_periods_are_contiguous() -> None:
    data = json.loads((SNAPSHOTS / "presidency.json").read_text(encoding="utf-8"))
    assert data[0] == {
        "code": "AUS",
        "end": "1946-02-16",
        "name": "Australia",
        "start": "1946-01-17",
    }
    assert data[-1]["end"] == "2027-12-31"
    assert all(set(p) == {"start", "end", "code", "name"} for p in data)
    assert all(a["end"] < b["start"] for a, b in itertools.pairwise(data))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(__file__).resolve().parent.parent / "scripts" / "gen_snapshots.py"
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )


def test_check_mode_passes_on_fresh_snapshots(tmp_path: Path) -> None:
    assert _run("--out", str(tmp_path)).returncode == 0
    result = _run("--check", "--out", str(tmp_path))
    assert (result.returncode, result.stderr) == (0, "")


def test_check_mode_fails_on_stale_snapshots(tmp_path: Path, fresh: dict[str, str]) -> None:
    (tmp_path / "composition.json").write_text(fresh["composition.json"], encoding="utf-8")
    stale = fresh["presidency.json"].replace('"code": "FRA"', '"code": "XXX"', 1)
    (tmp_path / "presidency.json").write_text(stale, encoding="utf-8")
    result = _run("--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'presidency.json'}: stale (2 lines differ)" in result.stdout
    assert "composition.json" not in result.stdout
    assert result.stdout.endswith("snapshots are stale: run `make docs` and review the diff\n")
