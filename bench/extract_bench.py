"""Reports per second read by ``unsc.extract`` on the development set, on one core.

    python bench/extract_bench.py            # prints the figure
    python bench/extract_bench.py --seconds 5

The texts of tests/extract_devset/ are read repeatedly for at least the given
time (after one warm-up pass that builds the lexicon); the figure is texts
processed divided by wall time in this single process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from unsc._extract import extract

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "extract_devset"


def measure(texts: list[str], seconds: float) -> tuple[int, float]:
    """Run the reader over ``texts`` until ``seconds`` have passed; (count, elapsed)."""
    for text in texts:
        extract(text)
    done = 0
    start = time.perf_counter()
    while True:
        for text in texts:
            extract(text)
        done += len(texts)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time to run")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.devset.glob("*.txt"))]
    if not texts:
        print(f"no texts in {args.devset}", file=sys.stderr)
        return 2
    done, elapsed = measure(texts, args.seconds)
    size = sum(len(t) for t in texts) / len(texts)
    print(
        f"{done / elapsed:.0f} reports/s ({done} reports of {size:.0f} characters on average "
        f"in {elapsed:.1f} s, one core)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
