"""The long fuzzing run: N inputs per target, counts by outcome, crashes kept.

    .venv/bin/python tests/fuzz/run.py                  # 10,000 inputs per target
    .venv/bin/python tests/fuzz/run.py -n 500 tamm reader

Prints one line per target (typed error, accepted, skipped, crash), then the
first crashes with their traceback, and exits 1 if anything crashed.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from fuzz.harness import fuzz, report, targets
from realdata import shared_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--examples", type=int, default=10_000, help="inputs per target")
    parser.add_argument("names", nargs="*", help="targets (default: all)")
    args = parser.parse_args()
    chosen = [t for t in targets(shared_dir()) if not args.names or t.name in args.names]
    results = []
    for target in chosen:
        start = time.perf_counter()
        result = fuzz(target, args.examples, keep_going=True)
        results.append(result)
        print(f"{result.line()}  ({time.perf_counter() - start:.0f} s)", flush=True)
    print(report(results))
    for result in results:
        for data, trace in result.crashes:
            print(f"\n--- crash in {result.target} on {data[:300]!r}\n{trace}")
    return 1 if any(r.counts["crash"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
