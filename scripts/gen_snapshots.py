"""Render the whole reference dataset to sorted JSON snapshots in tests/snapshots/.

- composition.json: for every year 1946-2027, the members of the Council on
  1 January and on 1 July (codes, names, permanent or not, term dates). In
  1946 no Council existed on 1 January, so the first meeting (17 January,
  S/PV.1) stands in for it.
- presidency.json: every presidency period (start, end, code, name).

Changes to the reference data or to the rotation show up as diffs of these
files in review. Usage:

    python scripts/gen_snapshots.py            # rewrite the snapshots
    python scripts/gen_snapshots.py --check    # exit 1 if they are stale
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import sys
from pathlib import Path

import unsc
from unsc._reference.council import FIRST_MEETING

REPO = Path(__file__).resolve().parent.parent
SNAPSHOTS = REPO / "tests" / "snapshots"
FIRST_YEAR = 1946
LAST_YEAR = 2027
DIFF_LINES = 40


def dump(data: object) -> str:
    """Serialise as the snapshots are stored: sorted keys, two-space indent, UTF-8."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def composition_dates(year: int) -> tuple[dt.date, dt.date]:
    """1 January (or the first meeting, in 1946) and 1 July of ``year``."""
    return max(dt.date(year, 1, 1), FIRST_MEETING), dt.date(year, 7, 1)


def composition() -> dict[str, dict[str, list[dict[str, object]]]]:
    """Members on each snapshot date, by year, each list sorted by code."""
    out: dict[str, dict[str, list[dict[str, object]]]] = {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        out[str(year)] = {
            day.isoformat(): [
                m.to_dict() for m in sorted(unsc.council(day).members, key=lambda m: m.code)
            ]
            for day in composition_dates(year)
        }
    return out


def presidency() -> list[dict[str, str]]:
    """Every presidency period, in order."""
    return [
        {"start": p.start.isoformat(), "end": p.end.isoformat(), "code": p.code, "name": p.name}
        for p in unsc.presidencies()
    ]


def render() -> dict[str, str]:
    """File name -> text of every snapshot."""
    return {
        "composition.json": dump(composition()),
        "presidency.json": dump(presidency()),
    }


def stale(out_dir: Path) -> list[str]:
    """A summary line and a (truncated) diff for every snapshot that differs from a fresh render."""
    report: list[str] = []
    for name, fresh in render().items():
        path = out_dir / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if old == fresh:
            continue
        diff = list(
            difflib.unified_diff(
                old.splitlines(),
                fresh.splitlines(),
                f"{name} (committed)",
                f"{name} (fresh render)",
                lineterm="",
            )
        )
        changed = sum(
            1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))
        )
        report.append(f"{path}: stale ({'missing' if not old else f'{changed} lines differ'})")
        report.extend(diff[:DIFF_LINES])
        if len(diff) > DIFF_LINES:
            report.append(f"... {len(diff) - DIFF_LINES} more diff lines")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the snapshots are stale")
    parser.add_argument("--out", type=Path, default=SNAPSHOTS, help="snapshot directory")
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    if args.check:
        report = stale(out_dir)
        if report:
            print("\n".join(report))
            print("snapshots are stale: run `make docs` and review the diff")
            return 1
        print(f"snapshots in {out_dir} are current")
        return 0
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in render().items():
        (out_dir / name).write_text(text, encoding="utf-8")
        print(f"wrote {out_dir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
