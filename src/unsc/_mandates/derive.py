"""Mandate periods derived from resolution texts with the clause reader.

:func:`derive` runs :func:`unsc._mandates.clauses.read` over resolution texts
in order of their numbers and turns the clauses into dated rows: the
establishment of a body (with its first period when one is set), each
extension with its period, each termination. The rows are kept in the package
as ``periods.csv`` (written by ``scripts/eval_mandates.py --write``, checked
against the shared texts by a real-data test) and merged into the timelines on
every load. Each row is sourced by its resolution (``S/RES/N (YEAR)``) and
quotes the clause it comes from.

How a period's ends are set:

* start: the adoption date for an establishment; for an extension, the day
  after the previous period's end, or the adoption date if that is later (a
  renewal after a gap);
* end: the date the clause states (``until 31 May 1990``), else the start of
  the grant (the previous end for an extension, the adoption date otherwise)
  plus the stated length (``for a further period of six months``); else none.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from unsc._mandates.clauses import Catalogue, Clause, ClauseKind, Name, add_months, read
from unsc._mandates.facts import FactBody

PERIODS_FILE = "unsc/_mandates/periods.csv"
"""How derived rows name their file in provenance."""

HEADER = ("body", "event", "resolution", "year", "adopted", "start", "end", "end_basis", "text")

CLAUSE_READER = "clause-reader"
"""The ``source`` of derived rows."""

TEXT_LIMIT = 300
"""Characters of the clause kept in a row."""


@dataclass(frozen=True, slots=True)
class Derived:
    """One dated fact read from a resolution text."""

    body: str
    event: str
    """``established``, ``extended`` or ``terminated``."""
    resolution: int
    year: int
    adopted: dt.date
    start: dt.date | None
    end: dt.date | None
    end_basis: str
    """``stated``, ``computed`` or ``none``."""
    text: str
    line: int = 0
    """The row's line in ``periods.csv`` (0 when not read from it)."""

    def row(self) -> dict[str, str]:
        """The ``periods.csv`` row."""
        return {
            "body": self.body,
            "event": self.event,
            "resolution": str(self.resolution),
            "year": str(self.year),
            "adopted": self.adopted.isoformat(),
            "start": self.start.isoformat() if self.start else "",
            "end": self.end.isoformat() if self.end else "",
            "end_basis": self.end_basis,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Text:
    """A resolution text."""

    number: int
    year: int
    text: str


def catalogue(pko: Iterable[Mapping[str, object]], facts: Sequence[FactBody]) -> Catalogue:
    """The reader's catalogue: DPPA operations (names, dates) and the authored bodies.

    ``pko`` are ``pko_mission`` payloads; aggregate rows and rows without a
    start date are left out.
    """
    extra = {f.key: f for f in facts}
    names: list[Name] = []
    for d in pko:
        flags = d.get("flags") or []
        if not d.get("start") or (isinstance(flags, list) and "aggregate" in flags):
            continue
        key = str(d["acronym"])
        fact = extra.get(key)
        end = d.get("end")
        names.append(
            Name(
                key,
                (str(d["name"]), *(fact.names if fact else ())),
                fact.acronyms if fact else (),
                dt.date.fromisoformat(str(d["start"])),
                dt.date.fromisoformat(str(end)) if end else None,
            )
        )
    known = {n.key for n in names}
    for f in facts:
        if f.new and f.key not in known and f.name:
            starts = [e.date for e in f.events] + [p.start for p in f.periods]
            names.append(
                Name(f.key, (f.name, *f.names), f.acronyms, min(starts) if starts else None)
            )
    return Catalogue(names)


def _period(
    clause: Clause, prev_end: dt.date | None, adopted: dt.date
) -> tuple[dt.date, dt.date | None, str]:
    extension = clause.kind is ClauseKind.EXTEND
    after_prev = prev_end + dt.timedelta(days=1) if prev_end else None
    start = clause.start or (max(adopted, after_prev) if extension and after_prev else adopted)
    if clause.end is not None:
        return start, clause.end, "stated"
    base = prev_end if extension and prev_end and prev_end >= adopted else adopted
    if clause.months:
        return start, add_months(base, clause.months), "computed"
    if clause.days:
        return start, base + dt.timedelta(days=clause.days), "computed"
    return start, None, "none"


_RANK = {ClauseKind.TERMINATE: 0, ClauseKind.ESTABLISH: 1, ClauseKind.EXTEND: 2}


def _best(clauses: list[Clause]) -> Clause:
    """The clause that says most about one body in one resolution."""
    return min(
        clauses,
        key=lambda c: (
            _RANK[c.kind],
            c.end is None,
            c.months is None and c.days is None,
        ),
    )


def derive(texts: Iterable[Text], cat: Catalogue) -> list[Derived]:
    """Dated establishments, extensions and terminations, in order of resolution."""
    out: list[Derived] = []
    founding: dict[str, int] = {}
    """Index in ``out`` of each body's establishment."""
    prev_end: dict[str, dt.date] = {}
    antecedent: str | None = None
    for t in sorted(texts, key=lambda t: t.number):
        clauses = read(t.text, catalogue=cat, antecedent=antecedent)
        adopted = clauses[0].adopted if clauses else None
        named = [c for c in clauses if c.body is not None]
        antecedent = named[-1].body if named else antecedent
        if adopted is None:
            continue
        by_body: dict[str, list[Clause]] = {}
        for c in named:
            if c.kind is not ClauseKind.MODIFY:
                assert c.body is not None
                by_body.setdefault(c.body, []).append(c)
        for body, group in by_body.items():
            dated = [c for c in group if c.kind is not ClauseKind.TERMINATE]
            if body not in founding and any(c.kind is ClauseKind.ESTABLISH for c in group):
                best = _best([_as(c, ClauseKind.ESTABLISH) for c in dated])
            elif body in founding and _completes(out[founding[body]], group, adopted):
                # A later text sets the first period (425 creates UNIFIL, 426 its period).
                first = out[founding[body]]
                best = _best([_as(c, ClauseKind.ESTABLISH) for c in dated])
                _, end, basis = _period(best, None, adopted)
                text = f"{first.text} / S/RES/{t.number}: {_clip(best.text)}"[:TEXT_LIMIT]
                out[founding[body]] = Derived(
                    body, first.event, first.resolution, first.year, first.adopted,
                    first.start, end, basis, text,
                )  # fmt: skip
                if end is not None:
                    prev_end[body] = end
                continue
            else:
                usable = [
                    c
                    for c in group
                    if c.kind is ClauseKind.TERMINATE
                    or (c.kind is ClauseKind.EXTEND and (c.end or c.months or c.days))
                ]
                if not usable:
                    continue
                best = _best(usable)
            text = _clip(best.text)
            if best.kind is ClauseKind.TERMINATE:
                day = best.end or adopted
                out.append(
                    Derived(
                        body, "terminated", t.number, t.year, adopted, None, day, "stated", text
                    )
                )
                continue
            start, end, basis = _period(best, prev_end.get(body), adopted)
            event = "established" if best.kind is ClauseKind.ESTABLISH else "extended"
            if event == "established":
                founding[body] = len(out)
            if end is not None:
                prev_end[body] = end
            out.append(Derived(body, event, t.number, t.year, adopted, start, end, basis, text))
    return out


def _clip(text: str) -> str:
    return " ".join(text.split())[:TEXT_LIMIT]


def _completes(first: Derived, group: list[Clause], adopted: dt.date) -> bool:
    """Whether ``group`` sets the period an earlier establishment left open."""
    return (
        first.end is None
        and (adopted - first.adopted).days <= 31
        and any(c.kind is ClauseKind.ESTABLISH and (c.end or c.months or c.days) for c in group)
    )


def _as(c: Clause, kind: ClauseKind) -> Clause:
    return Clause(kind, c.body, c.mention, c.end, c.months, c.days, c.start, c.text, c.adopted)


def to_csv(rows: Sequence[Derived]) -> str:
    """``periods.csv`` text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow(r.row())
    return out.getvalue()


def from_csv(text: str) -> list[Derived]:
    """Rows read back from ``periods.csv`` text."""

    def day(value: str) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    rows = []
    reader = csv.DictReader(io.StringIO(text))
    for line, r in enumerate(reader, start=2):
        adopted = day(r["adopted"])
        assert adopted is not None
        rows.append(
            Derived(
                body=r["body"],
                event=r["event"],
                resolution=int(r["resolution"]),
                year=int(r["year"]),
                adopted=adopted,
                start=day(r["start"]),
                end=day(r["end"]),
                end_basis=r["end_basis"],
                text=r["text"],
                line=line,
            )
        )
    return rows


@functools.cache
def packaged() -> tuple[Derived, ...]:
    """The derived rows shipped with the package."""
    path = resources.files("unsc._mandates").joinpath("periods.csv")
    if not path.is_file():
        return ()
    return tuple(from_csv(path.read_text(encoding="utf-8")))
