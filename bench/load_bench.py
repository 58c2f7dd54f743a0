"""Benchmark: the full validated, reconciled, adjudicated load against a plain CSV load.

Side by side in one run:
  * ``unsc data load DATA`` into a fresh SQLite file (parse HTML and CSV,
    validate, reconcile, re-adjudicate every decision, write);
  * ``sqlite-utils insert --csv`` of the same sources' raw CSV files (for the
    UN Library pages, their CSV derivative in dhl-meetings-outcomes/) into a
    fresh SQLite file: a plain load with no validation.

Usage: python bench/load_bench.py [--data ../shared/data] [--repeat 3]
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CSV_FILES = [
    "dhl-meetings-outcomes/sc_meetings_outcomes_1946_2022.csv",
    "dhl-meetings-outcomes/sc_veto_list_dhl_1946_2022.csv",
    "dhl-sc-voting-excerpt/sc_voting_2026_02_06_EXCERPT.csv",
    "dppa-sc-membership/DPPA-SCMEMBERSHIP.csv",
    "dppa-sc-membership/DPPA-SCMembership_2025-2027_rows.csv",
    "sc-votes-1994-2025/sc_voting.csv",
    "failed-drafts-unsc-for-us/cleaned_data_unsc.csv",
    "wpdl-vetoes/unsc_vetoes_1946_sept2022.csv",
    "tamm/TAMM.csv",
    "dppa-peacekeeping/DPPADPOSS-PKO.csv",
]


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bindir = pathlib.Path(sys.executable).parent
    unsc_bin, sqlite_utils = bindir / "unsc", shutil.which("sqlite-utils", path=str(bindir))
    if sqlite_utils is None:
        sys.exit("sqlite-utils is not installed: pip install -e '.[bench]'")
    ours: list[float] = []
    plain: list[float] = []
    data = args.data
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            db = pathlib.Path(tmp) / "record.sqlite3"
            ours.append(
                _time([str(unsc_bin), "--database", f"sqlite:///{db}", "data", "load", str(data)])
            )
            raw = pathlib.Path(tmp) / "raw.sqlite3"
            start = time.perf_counter()
            for i, name in enumerate(CSV_FILES):
                subprocess.run(
                    [sqlite_utils, "insert", str(raw), f"t{i}", str(data / name), "--csv"],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
            plain.append(time.perf_counter() - start)
    o, p = statistics.median(ours), statistics.median(plain)
    print(f"unsc data load (validated, reconciled, adjudicated): median {o:.2f} s  runs {ours}")
    n = len(CSV_FILES)
    print(f"sqlite-utils insert --csv (plain, {n} files):  median {p:.2f} s  runs {plain}")
    print(f"ratio unsc / sqlite-utils: {o / p:.2f} (goal: <= 2.0)")


if __name__ == "__main__":
    main()
