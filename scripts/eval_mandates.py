"""Evaluate the mandate-clause reader against TAMM, and regenerate ``periods.csv``.

The reader runs over the CR-UNSC resolution texts (``cr-unsc/res_en_gold.csv``,
resolutions 1-899) and is scored against TAMM (``tamm/TAMM.csv``) where they
overlap, on two tasks:

A. Mandate-setting resolutions. TAMM names, for every mission-month, the
   resolution whose mandate is in force; only resolutions that set or change a
   mandate appear. Truth: the (mission, resolution) pairs of TAMM with a
   resolution up to 899. Prediction: the (body, resolution) pairs for which
   the reader finds a clause establishing or modifying a TAMM mission.
B. Mandate periods. Truth: TAMM's mission-months up to the month of the last
   text (March 1994). Prediction: the months covered by the periods the reader
   derives (establishments and extensions with an end), for TAMM missions.

Usage:

    python scripts/eval_mandates.py [--data DIR] [--verbose]
    python scripts/eval_mandates.py --write    # rewrite src/unsc/_mandates/periods.csv
    python scripts/eval_mandates.py --check    # exit 1 if periods.csv is stale
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from unsc._mandates import derive
from unsc._mandates.clauses import ClauseKind, read
from unsc._mandates.facts import facts
from unsc._sources import dppa_peacekeeping as parse_dppa_pko
from unsc._sources import tamm as parse_tamm

REPO = Path(__file__).resolve().parent.parent
PERIODS = REPO / "src" / "unsc" / "_mandates" / "periods.csv"
LAST_TEXT = 899
"""Resolutions 1-899 are complete in the CR-UNSC texts."""

Month = tuple[int, int]


class Score(NamedTuple):
    """Precision and recall of one task."""

    name: str
    predicted: int
    truth: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 0.0

    def line(self) -> str:
        return (
            f"{self.name}: precision {self.precision:.3f} ({self.correct}/{self.predicted}), "
            f"recall {self.recall:.3f} ({self.correct}/{self.truth})"
        )


class Report(NamedTuple):
    """Everything the evaluation measures (a NamedTuple: the tests load this file by path)."""

    settings: Score
    months: Score
    months_dated: Score
    """Task B restricted to the missions for which the texts set at least one period."""
    missions_in_window: int
    missions_with_periods: int
    derived: list[derive.Derived]
    misses: dict[str, list[str]]


def default_data() -> Path:
    """``<repo>/../shared/data``."""
    return REPO.parent / "shared" / "data"


def texts(path: Path) -> Iterator[derive.Text]:
    """The resolution texts of ``res_en_gold.csv``."""
    csv.field_size_limit(1 << 26)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield derive.Text(int(row["res_no"]), int(row["year"]), row["text"])


def _months(start: dt.date, end: dt.date, last: Month) -> set[Month]:
    out: set[Month] = set()
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month) and (y, m) <= last:
        out.add((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def evaluate(data: Path) -> Report:
    """Run the reader over the texts and score it against TAMM."""
    pko = [
        o.data
        for o in parse_dppa_pko.parse(
            data / "dppa-peacekeeping" / "DPPADPOSS-PKO.csv", name="DPPADPOSS-PKO.csv"
        )
    ]
    authored = facts()
    cat = derive.catalogue(pko, authored)
    alias = {f.tamm: f.key for f in authored if f.tamm}
    tamm = [o.data for o in parse_tamm.parse(data / "tamm" / "TAMM.csv", name="TAMM.csv")]
    all_texts = list(texts(data / "cr-unsc" / "res_en_gold.csv"))
    in_scope = [t for t in all_texts if t.number <= LAST_TEXT]

    # Task A: mandate-setting resolutions.
    truth_a: set[tuple[str, int]] = set()
    missions: set[str] = set()
    for d in tamm:
        key = alias.get(str(d["mission"]), str(d["mission"]))
        missions.add(key)
        for n in d["resolutions"]:  # type: ignore[attr-defined]
            if n <= LAST_TEXT:
                truth_a.add((key, n))
    predicted_a: set[tuple[str, int]] = set()
    antecedent: str | None = None
    for t in sorted(in_scope, key=lambda t: t.number):
        clauses = read(t.text, catalogue=cat, antecedent=antecedent)
        named = [c for c in clauses if c.body]
        antecedent = named[-1].body if named else antecedent
        for c in named:
            if c.kind in (ClauseKind.ESTABLISH, ClauseKind.MODIFY) and c.body in missions:
                assert c.body is not None
                predicted_a.add((c.body, t.number))
    settings = Score(
        "A. mandate-setting resolutions",
        len(predicted_a),
        len(truth_a),
        len(predicted_a & truth_a),
    )

    # Task B: mission-months covered by derived periods.
    rows = derive.derive(all_texts, cat)
    last_adopted = max(r.adopted for r in rows if r.resolution <= LAST_TEXT)
    last: Month = (last_adopted.year, last_adopted.month)
    truth_b: set[tuple[str, Month]] = set()
    for d in tamm:
        month = (int(d["year"]), int(d["month"]))  # type: ignore[call-overload]
        if month <= last:
            truth_b.add((alias.get(str(d["mission"]), str(d["mission"])), month))
    predicted_b: set[tuple[str, Month]] = set()
    for r in rows:
        if r.resolution <= LAST_TEXT and r.body in missions and r.start and r.end:
            predicted_b |= {(r.body, m) for m in _months(r.start, r.end, last)}
    months = Score(
        "B. mission-months in force",
        len(predicted_b),
        len(truth_b),
        len(predicted_b & truth_b),
    )
    in_window = {k for k, _ in truth_b}
    with_periods = {k for k, _ in predicted_b} & in_window
    truth_dated = {(k, m) for k, m in truth_b if k in with_periods}
    months_dated = Score(
        "B'. the same, missions with a derived period",
        len(predicted_b),
        len(truth_dated),
        len(predicted_b & truth_dated),
    )
    misses: dict[str, list[str]] = defaultdict(list)
    for key, n in sorted(truth_a - predicted_a):
        misses["A missed"].append(f"{key} {n}")
    for key, n in sorted(predicted_a - truth_a):
        misses["A extra"].append(f"{key} {n}")
    return Report(
        settings, months, months_dated, len(in_window), len(with_periods), rows, dict(misses)
    )


def render(report: Report) -> str:
    """The figures as printed (and quoted in docs/mandates.md)."""
    return "\n".join(
        [
            report.settings.line(),
            report.months.line(),
            report.months_dated.line(),
            f"missions in force up to March 1994: {report.missions_in_window}, "
            f"with derived periods: {report.missions_with_periods}",
            f"derived rows: {len(report.derived)}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data(), help="shared/data folder")
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("--write", action="store_true", help="rewrite periods.csv")
    parser.add_argument("--check", action="store_true", help="fail if periods.csv is stale")
    args = parser.parse_args(argv)
    report = evaluate(args.data)
    print(render(report))
    if args.verbose:
        for what, items in report.misses.items():
            print(f"{what} ({len(items)}): {', '.join(items)}")
    fresh = derive.to_csv(report.derived)
    if args.write:
        PERIODS.write_text(fresh, encoding="utf-8")
        print(f"wrote {PERIODS.relative_to(REPO)}")
    if args.check:
        current = PERIODS.read_text(encoding="utf-8") if PERIODS.exists() else ""
        if current != fresh:
            print(f"{PERIODS.relative_to(REPO)} is stale: run with --write", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
