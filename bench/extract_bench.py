"""Reports per second (and kB per second) read by ``unsc.extract``, on one core.

    python bench/extract_bench.py            # prints the figures
    python bench/extract_bench.py --seconds 5 --rounds 7
    taskset -c 0 python bench/extract_bench.py

Three sets of texts are timed:

* **dev set**: the texts of tests/extract_devset/ (short: about 900 characters);
* **press-release length**: the dev-set texts joined in name order into texts
  of 2-8 kB (each grows until it reaches at least 2,000 characters, never past
  8,000), the length of a UN press release or a wire story with background;
* **real texts**: ../shared/texts/real/*.txt when that folder is there (read
  in place, their ``# source:`` line dropped);
* with ``--generated N``, **press-like texts**: the first N texts of 2-8 kB of
  the corpus of ``scripts/extract_diff.py`` (the press-length joins, then dev-set
  and real texts recombined and perturbed with a fixed seed; N = 140 gives the 28
  joins and 112 generated texts, 3.4 kB on average).

``--passes K`` times nothing: it reads each set once, then K more times, and
prints nothing, for counting instructions (run it with K = 0 and K = 2 under
``valgrind --tool=cachegrind --cache-sim=no``; half the difference is one pass).

Each set is read once (a warm-up pass that builds the lexicon and compiles the
patterns), then in rounds: each round reads it repeatedly for at least
``--seconds / --rounds`` and is timed by the wall clock and by the CPU time of
this process. The figure is the median round; the best round and the
CPU-time rate are printed too, since on a shared machine other jobs take part
of the core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from unsc._extract import extract

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "extract_devset"
REAL = REPO.parent / "shared" / "texts" / "real"

sys.path.insert(0, str(REPO / "scripts"))
from extract_diff import press_length  # noqa: E402  (texts of 2-8 kB, one definition)


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


def real_texts(folder: Path) -> list[str]:
    """The real texts of ``folder``, without their first ``# source:`` line."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if lines and lines[0].startswith("# source:"):
            lines = lines[1:]
        out.append("".join(lines))
    return out


def bench(name: str, texts: list[str], seconds: float, rounds: int) -> str:
    """One line of figures for ``texts``."""
    for text in texts:
        extract(text)
    timed = [measure(texts, seconds / max(1, rounds)) for _ in range(rounds)]
    wall = [done / elapsed for done, elapsed, _ in timed]
    cpu = [done / used for done, _, used in timed if used > 0]
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
    rate = statistics.median(wall)
    return (
        f"{name}: {rate:.0f} reports/s, {rate * size / 1000:.0f} kB/s (median of {rounds} "
        f"rounds, best {max(wall):.0f}; {statistics.median(cpu):.0f} per CPU-second; "
        f"{len(texts)} texts of {size / 1000:.1f} kB on average, one core)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time per set")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (median reported)")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--real", type=Path, default=REAL, help="folder of real texts")
    parser.add_argument("--generated", type=int, default=0, help="generated press-like texts")
    parser.add_argument("--passes", type=int, help="read K more times, untimed, print nothing")
    parser.add_argument("--only", help="only the sets whose name starts with this")
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.devset.glob("*.txt"))]
    if not texts:
        print(f"no texts in {args.devset}", file=sys.stderr)
        return 2
    sets = [("dev set", texts), ("press-release length (2-8 kB)", press_length(texts))]
    real = real_texts(args.real) if args.real.is_dir() else []
    if real:
        sets.append((f"real texts ({args.real.name})", real))
    if args.generated:
        from extract_diff import press_like

        sets.append(("press-like (2-8 kB)", press_like(args.generated)))
    if args.only:
        sets = [(name, group) for name, group in sets if name.startswith(args.only)]
    if args.passes is not None:
        for _name, group in sets:
            for _ in range(1 + args.passes):
                for text in group:
                    extract(text)
        return 0
    for name, group in sets:
        print(bench(name, group, args.seconds, args.rounds), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
