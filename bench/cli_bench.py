"""Benchmark: whole-process start and run times of the ``unsc`` command line.

Every command is run as a new process, as a user types it, ``--repeat``
times, the commands interleaved (A B C ... A B C ...): the table shows the
median wall time and the median CPU time (user + system, from the operating
system's accounting of the finished child), with the minimum and maximum wall
time. Side by side:

* ``python -c pass``: the interpreter's own start, the floor;
* ``sqlite-utils --help``: a comparable click-based tool;
* the commands that read no large data (goal: <= 150 ms median, marked in
  the table): ``unsc --help``, ``unsc --version``, ``unsc council``,
  ``unsc presidents``, ``unsc vote`` (a ballot file, the inline options, a
  tally, its ``--help``), ``unsc power --list`` and ``unsc extract --help``;
* ``unsc power --weights W --quota Q --index ss,bz`` on a random 100-player
  game (weights 1-100, quota half the total plus one), against powerindex's
  computation alone (``calc_shapley_shubik`` and ``calc_banzhaf``, timed inside
  its process after the import, the median of ``--repeat`` processes): goal,
  unsc's whole process at least 10x faster.

The children run without ``PYTHONDONTWRITEBYTECODE``, so that the warm-up
round writes the bytecode of ``src/unsc`` as an installed package has it:
with that variable set, every run compiles the project's modules again, about
35 ms more per command on this machine. The header says whether the caller
had it set. Each row also gives its median over the ``python -c pass`` floor
of the same run.

Usage: python bench/cli_bench.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = pathlib.Path(sys.executable).parent
GOAL_MS = 150
"""The start-up goal for the commands that read no large data (issue 16)."""
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

POWERINDEX = """
import sys, time
import powerindex
weights = [int(w) for w in sys.argv[1].split(",")]
game = powerindex.Game(int(sys.argv[2]), weights)
start = time.perf_counter()
game.calc_shapley_shubik()
game.calc_banzhaf()
print(time.perf_counter() - start)
"""


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one whole process, its output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or CHILD_ENV
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(argv[:3])}... exited with {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def game(n: int = 100, seed: int = 100) -> tuple[str, int]:
    """The random weighted game of bench/power_bench.py: weights and quota."""
    rng = random.Random(seed)
    weights = [rng.randint(1, 100) for _ in range(n)]
    return ",".join(map(str, weights)), sum(weights) // 2 + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--baseline-src",
        metavar="DIR",
        help="also run every unsc command with DIR first on PYTHONPATH (the src folder of "
        "an earlier commit, e.g. from git archive), interleaved in the same rounds",
    )
    args = parser.parse_args()
    unsc = str(BIN / "unsc")
    weights, quota = game()
    ballot = str(ROOT / "examples" / "2017-10-24-jim-renewal.json")
    inline = ["--yes", "FRA,GBR,USA,EGY,ETH,ITA,JPN,SEN,SWE,UKR,URY", "--no", "RUS,BOL"]
    light: dict[str, list[str]] = {
        "unsc --help": [unsc, "--help"],
        "unsc --version": [unsc, "--version"],
        "unsc council 2017-10-24": [unsc, "council", "2017-10-24"],
        "unsc presidents 1984": [unsc, "presidents", "1984"],
        "unsc vote examples/2017-10-24-jim-renewal.json": [unsc, "vote", ballot],
        "unsc vote --date 2017-10-24 --yes ... --no ... --abstain CHN,KAZ": [
            unsc,
            "vote",
            "--date",
            "2017-10-24",
            *inline,
            "--abstain",
            "CHN,KAZ",
        ],
        "unsc vote --date 2017-10-24 --tally 4-8-3": [
            unsc,
            "vote",
            "--date",
            "2017-10-24",
            "--kind",
            "procedural_motion",
            "--tally",
            "4-8-3",
        ],
        "unsc vote --help": [unsc, "vote", "--help"],
        "unsc power --list": [unsc, "power", "--list"],
        "unsc extract --help": [unsc, "extract", "--help"],
    }
    commands: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        **light,
        "unsc power --weights (n=100) --quota Q --index ss,bz": [
            unsc,
            "power",
            "--weights",
            weights,
            "--quota",
            str(quota),
            "--index",
            "ss,bz",
        ],
    }
    sqlite_utils = shutil.which("sqlite-utils", path=str(BIN))
    if sqlite_utils:
        commands["sqlite-utils --help"] = [sqlite_utils, "--help"]
    envs: dict[str, dict[str, str] | None] = dict.fromkeys(commands)
    baselines: dict[str, str] = {}  # each command's baseline row, listed right after it
    if args.baseline_src:
        baseline = {**CHILD_ENV, "PYTHONPATH": str(pathlib.Path(args.baseline_src).resolve())}
        ordered: dict[str, list[str]] = {}
        for name, argv in commands.items():
            ordered[name] = argv
            if name.startswith("unsc "):
                label = baselines[name] = f"{name} [baseline]"
                ordered[label], envs[label] = argv, baseline
        commands = ordered
    for name, argv in commands.items():  # warm-up: the files in the page cache, bytecode compiled
        run(argv, envs[name])
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    loads: list[float] = []
    computation: list[float] = []
    for _ in range(args.repeat):
        loads.append(os.getloadavg()[0])
        for name, argv in commands.items():
            times[name].append(run(argv, envs[name]))
        done = subprocess.run(
            [sys.executable, "-c", POWERINDEX, weights, str(quota)],
            capture_output=True,
            text=True,
            check=False,
            env=CHILD_ENV,
        )
        if done.returncode == 0:
            computation.append(float(done.stdout.strip()))
    caller = "set" if "PYTHONDONTWRITEBYTECODE" in os.environ else "not set"
    print(
        f"{args.repeat} interleaved rounds, whole processes; {os.cpu_count()} cores; load "
        f"average (1 min) at the rounds: median {statistics.median(loads):.1f}, "
        f"max {max(loads):.1f}; bytecode written by the warm-up (PYTHONDONTWRITEBYTECODE "
        f"{caller} here, unset for the children)\n"
    )
    floor = statistics.median(w for w, _ in times["python -c pass"])
    print(
        "| command | wall median (ms) | over the floor (ms) | CPU median (ms) "
        "| wall min-max (ms) | goal |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, runs in times.items():
        walls = [w for w, _ in runs]
        cpus = [c for _, c in runs]
        wall = statistics.median(walls)
        goal = ""
        if name in light:
            goal = f"<= {GOAL_MS}: " + ("met" if wall * 1e3 <= GOAL_MS else "not met")
        print(
            f"| `{name}` | {wall * 1e3:.0f} | "
            f"{(wall - floor) * 1e3:.0f} | "
            f"{statistics.median(cpus) * 1e3:.0f} | "
            f"{min(walls) * 1e3:.0f}-{max(walls) * 1e3:.0f} | {goal} |"
        )

    def median_ms(name: str) -> float:
        return statistics.median(w for w, _ in times[name]) * 1e3

    medians = {n: median_ms(n) for n in light}
    over = [f"`{n}` ({m:.0f} ms)" for n, m in medians.items() if m > GOAL_MS]
    print(
        f"\nCommands that read no large data: medians {min(medians.values()):.0f}-"
        f"{max(medians.values()):.0f} ms; goal <= {GOAL_MS} ms: "
        + (f"not met by {', '.join(over)}" if over else "met by every one")
    )
    if baselines:
        before = [median_ms(baselines[n]) for n in light]
        print(
            f"The same commands from {args.baseline_src} (the [baseline] rows, same rounds): "
            f"medians {min(before):.0f}-{max(before):.0f} ms; the sum of the medians "
            f"{sum(before):.0f} ms before, {sum(medians.values()):.0f} ms now"
        )
    power = statistics.median(
        w for w, _ in times["unsc power --weights (n=100) --quota Q --index ss,bz"]
    )
    if computation:
        theirs = statistics.median(computation)
        print(
            f"\npowerindex, computation alone (n=100, ss + bz, in its process after the "
            f"import): median {theirs * 1e3:.0f} ms over {len(computation)} processes; "
            f"unsc power, whole process: {power * 1e3:.0f} ms; ratio {theirs / power:.1f}x "
            "(goal >= 10x)"
        )
    else:
        print("\npowerindex is not installed (pip install -e '.[bench]'): no ratio")


if __name__ == "__main__":
    main()
