"""Benchmark: the validated load against a one-process plain load of the same files.

Side by side, interleaved (A B C, A B C, ...), ``--repeat`` rounds, each a
whole process into a fresh SQLite file:

* ``unsc data load DATA``: parse the HTML and CSV sources, validate,
  reconcile, re-adjudicate every decision, write the record (with its
  precomputed agreement table and documents), in one transaction;
* plain load: one Python process calling ``sqlite_utils``' ``insert_all`` over
  the same sources' CSV files (for the UN Library's HTML pages, their CSV
  derivative in ``dhl-meetings-outcomes/``), every column as text, no
  validation -- sqlite-utils' own way of loading (it commits every chunk);
* plain copy: the same CSV files copied byte for byte (the floor of any load);
* with ``--before SRC``, also ``unsc data load`` run from another checkout's
  ``src`` folder (``PYTHONPATH=SRC``), in the same rounds: before and after a
  change, measured side by side under the same load (both then run as
  ``python -m unsc`` from a ``src`` folder).

The table gives the median wall time and CPU time (user + system of the
child, from the operating system) and the ratios to the plain load.

Usage: python bench/load_bench.py [--data ../shared/data] [--repeat 3] [--before SRC]
"""

from __future__ import annotations

import argparse
import os
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

PLAIN = """
import csv, pathlib, sys
import sqlite_utils
data, target = pathlib.Path(sys.argv[1]), sys.argv[2]
db = sqlite_utils.Database(target)
for i, name in enumerate(sys.argv[3:]):
    with open(data / name, newline="", encoding="utf-8-sig", errors="replace") as handle:
        db[f"t{i}"].insert_all(csv.DictReader(handle), alter=True)
"""

COPY = """
import pathlib, shutil, sys
data, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for name in sys.argv[3:]:
    shutil.copyfile(data / name, target / name.replace("/", "_"))
"""


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv[0]} ... failed")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--before",
        type=pathlib.Path,
        help="a checkout's src folder: also time `unsc data load` from it, in the same rounds",
    )
    args = parser.parse_args()
    data = args.data.resolve()
    unsc = str(pathlib.Path(sys.executable).parent / "unsc")
    try:
        import sqlite_utils  # noqa: F401
    except ImportError:
        sys.exit("sqlite-utils is not installed: pip install -e '.[bench]'")
    runs: dict[str, list[tuple[float, float]]] = {"unsc": [], "plain": [], "copy": []}
    if args.before:
        runs["before"] = []
        before_env = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
        after_env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    loads: list[float] = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            work = pathlib.Path(tmp)
            loads.append(os.getloadavg()[0])
            db = work / "record.sqlite3"
            if args.before:  # both the same way: python -m unsc, from a src folder
                argv = [sys.executable, "-m", "unsc", "--database", f"sqlite:///{db}"]
                runs["unsc"].append(run([*argv, "data", "load", str(data)], after_env))
            else:
                runs["unsc"].append(
                    run([unsc, "--database", f"sqlite:///{db}", "data", "load", str(data)])
                )
            if args.before:
                old = work / "before.sqlite3"
                argv = [sys.executable, "-m", "unsc", "--database", f"sqlite:///{old}"]
                runs["before"].append(run([*argv, "data", "load", str(data)], before_env))
            raw = work / "raw.sqlite3"
            runs["plain"].append(
                run([sys.executable, "-c", PLAIN, str(data), str(raw), *CSV_FILES])
            )
            (work / "copy").mkdir()
            runs["copy"].append(
                run([sys.executable, "-c", COPY, str(data), str(work / "copy"), *CSV_FILES])
            )
            shutil.rmtree(work / "copy")
    med = {
        k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
        for k, v in runs.items()
    }
    print(
        f"{args.repeat} interleaved rounds, whole processes, fresh SQLite files; "
        f"{os.cpu_count()} cores; load average (1 min) at the rounds: "
        f"median {statistics.median(loads):.1f}, max {max(loads):.1f}\n"
    )
    print("| load | wall median (s) | CPU median (s) | wall / plain | CPU / plain |")
    print("| --- | ---: | ---: | ---: | ---: |")
    labels = {
        "unsc": "`unsc data load` (validated, reconciled, adjudicated)",
        "plain": f"plain: sqlite_utils insert_all, one process ({len(CSV_FILES)} CSV files)",
        "copy": "plain copy of the same CSV files",
        "before": "`unsc data load` from the --before source",
    }
    pw, pc = med["plain"]
    for key, (wall, cpu) in med.items():
        print(f"| {labels[key]} | {wall:.2f} | {cpu:.2f} | {wall / pw:.2f} | {cpu / pc:.2f} |")
    if args.before:
        paired = [
            (now[0] / then[0], now[1] / then[1])
            for now, then in zip(runs["unsc"], runs["before"], strict=True)
        ]
        print(
            "\nafter / before, paired by round (median): "
            f"wall {statistics.median(w for w, _ in paired):.3f}, "
            f"CPU {statistics.median(c for _, c in paired):.3f}"
        )
    print("\n(goal: unsc at most 1.2x the plain load)")


if __name__ == "__main__":
    main()
