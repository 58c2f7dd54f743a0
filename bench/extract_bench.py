"""Reports per second read by ``unsc.extract`` on the development set, on one core.

    python bench/extract_bench.py            # prints the figure
    python bench/extract_bench.py --seconds 5 --rounds 7
    taskset -c 0 python bench/extract_bench.py

The texts of tests/extract_devset/ are read once (a warm-up pass that builds
the lexicon and compiles the patterns), then in rounds: each round reads them
repeatedly for at least ``--seconds / --rounds`` and is timed by the wall clock
and by the CPU time of this process. The figure is the median round (reports
per wall-clock second); the best round and the CPU-time rate are printed too,
since on a shared machine other jobs take part of the core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from unsc._extract import extract

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "extract_devset"


def measure(texts: list[str], seconds: float) -> tuple[int, float, float]:
    """Read ``texts`` repeatedly for at least ``seconds``: (count, wall s, CPU s)."""
    done = 0
    wall, cpu = time.perf_counter(), time.process_time()
    while True:
        for text in texts:
            extract(text)
        done += len(texts)
        elapsed = time.perf_counter() - wall
        if elapsed >= seconds:
            return done, elapsed, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time to run")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (median reported)")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.devset.glob("*.txt"))]
    if not texts:
        print(f"no texts in {args.devset}", file=sys.stderr)
        return 2
    for text in texts:
        extract(text)
    rounds = [measure(texts, args.seconds / max(1, args.rounds)) for _ in range(args.rounds)]
    wall = [done / elapsed for done, elapsed, _ in rounds]
    cpu = [done / used for done, _, used in rounds if used > 0]
    done = sum(r[0] for r in rounds)
    size = sum(len(t) for t in texts) / len(texts)
    print(
        f"{statistics.median(wall):.0f} reports/s (median of {len(rounds)} rounds, best "
        f"{max(wall):.0f}; {statistics.median(cpu):.0f} per CPU-second; {done} reports of "
        f"{size:.0f} characters on average, one core)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
