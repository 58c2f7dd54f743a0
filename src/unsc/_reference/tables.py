"""Loading of the packaged reference tables (``unsc/_reference/data/*.csv``).

The tables are written and sourced by the project; see ``docs/reference-data.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import pkgutil
from dataclasses import dataclass

from unsc._errors import ReferenceDataError

FAR_PAST = dt.date.min
FAR_FUTURE = dt.date.max


def _rows(name: str) -> list[dict[str, str]]:
    # pkgutil.get_data reads through the package's loader (a folder or a zip file) like
    # importlib.resources, without importing zipfile, tempfile and pathlib at start-up:
    # `unsc council` pays about 10 ms less. Newlines are read as text mode reads them.
    data = pkgutil.get_data("unsc", f"_reference/data/{name}")
    if data is None:
        raise ReferenceDataError(f"_reference/data/{name}: not found in the unsc package")
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    for number, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ReferenceDataError(
                f"_reference/data/{name}, line {number}: wrong number of fields"
            )
    return rows


def _date(value: str, default: dt.date, where: str) -> dt.date:
    if not value:
        return default
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ReferenceDataError(f"{where}: bad date {value!r}") from exc


@dataclass(frozen=True, slots=True)
class NameSpan:
    """The official English name of a state over a span of dates (inclusive)."""

    code: str
    start: dt.date
    end: dt.date
    name: str
    source: str


@dataclass(frozen=True, slots=True)
class PermanentTenure:
    """A permanent seat held by one member over a span of dates (inclusive)."""

    seat: str
    code: str
    start: dt.date
    end: dt.date
    represented_by: str | None
    source: str


@dataclass(frozen=True, slots=True)
class ElectedTerm:
    """A non-permanent member's time on the Council (inclusive dates)."""

    code: str
    start: dt.date
    end: dt.date
    elected_for: str
    note: str
    source: str


@dataclass(frozen=True, slots=True)
class PresidencyException:
    """A presidency period fixed by a documented decision rather than by rule 18."""

    start: dt.date
    end: dt.date
    code: str
    source: str


@functools.cache
def name_spans() -> tuple[NameSpan, ...]:
    """All name spans, in file order."""
    out = []
    for n, r in enumerate(_rows("names.csv"), start=2):
        where = f"_reference/data/names.csv, line {n}"
        out.append(
            NameSpan(
                r["code"],
                _date(r["start"], FAR_PAST, where),
                _date(r["end"], FAR_FUTURE, where),
                r["name"],
                r["source"],
            )
        )
    return tuple(out)


@functools.cache
def aliases() -> tuple[tuple[str, str, str], ...]:
    """(alias, code, kind) rows."""
    return tuple((r["alias"], r["code"], r["kind"]) for r in _rows("aliases.csv"))


@functools.cache
def permanent_tenures() -> tuple[PermanentTenure, ...]:
    """Every holder of a permanent seat."""
    out = []
    for n, r in enumerate(_rows("permanent.csv"), start=2):
        where = f"_reference/data/permanent.csv, line {n}"
        out.append(
            PermanentTenure(
                r["seat"],
                r["code"],
                _date(r["start"], FAR_PAST, where),
                _date(r["end"], FAR_FUTURE, where),
                r["represented_by"] or None,
                r["source"],
            )
        )
    return tuple(out)


@functools.cache
def elected_terms() -> tuple[ElectedTerm, ...]:
    """Every elected member's term, 1946-2028."""
    out = []
    for n, r in enumerate(_rows("elected_terms.csv"), start=2):
        where = f"_reference/data/elected_terms.csv, line {n}"
        out.append(
            ElectedTerm(
                r["code"],
                _date(r["start"], FAR_PAST, where),
                _date(r["end"], FAR_FUTURE, where),
                r["elected_for"],
                r["note"],
                r["source"],
            )
        )
    return tuple(out)


@functools.cache
def presidency_exceptions() -> tuple[PresidencyException, ...]:
    """Presidency periods fixed by documented decisions."""
    out = []
    for n, r in enumerate(_rows("presidency_exceptions.csv"), start=2):
        where = f"_reference/data/presidency_exceptions.csv, line {n}"
        out.append(
            PresidencyException(
                _date(r["start"], FAR_PAST, where),
                _date(r["end"], FAR_FUTURE, where),
                r["code"],
                r["source"],
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class LibraryCode:
    """How the UN Library writes a member's code over a span of dates (inclusive).

    ``library_code`` is the code in the Library's voting data (``ms_code``) or
    code tables; ``code`` is the :mod:`unsc` code of the seat it is read as on
    those dates; ``iso_code`` the state's ISO 3166 alpha-3 code at the time;
    ``state`` the state whose successive codes these are.
    """

    library_code: str
    code: str
    iso_code: str
    state: str
    start: dt.date
    end: dt.date
    source: str


@functools.cache
def library_codes() -> tuple[LibraryCode, ...]:
    """The dated table of UN Library codes against ``unsc`` and ISO codes."""
    out = []
    for n, r in enumerate(_rows("library_codes.csv"), start=2):
        where = f"_reference/data/library_codes.csv, line {n}"
        out.append(
            LibraryCode(
                r["library_code"],
                r["code"],
                r["iso_code"],
                r["state"],
                _date(r["start"], FAR_PAST, where),
                _date(r["end"], FAR_FUTURE, where),
                r["source"],
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class DatedFact:
    """A named span of dates the rules depend on (inclusive), with its source."""

    fact: str
    start: dt.date
    end: dt.date
    source: str


@functools.cache
def dated_facts() -> dict[str, DatedFact]:
    """The rows of ``_reference/data/dated_facts.csv``, by name."""
    out: dict[str, DatedFact] = {}
    for n, r in enumerate(_rows("dated_facts.csv"), start=2):
        where = f"_reference/data/dated_facts.csv, line {n}"
        if not r["source"].strip():
            raise ReferenceDataError(f"{where}: no source")
        out[r["fact"]] = DatedFact(
            r["fact"],
            _date(r["start"], FAR_PAST, where),
            _date(r["end"], FAR_FUTURE, where),
            r["source"],
        )
    return out


def dated_fact(name: str) -> DatedFact:
    """One row of ``_reference/data/dated_facts.csv``.

    >>> dated_fact("nine_votes_before_enlargement").start
    datetime.date(1965, 8, 31)
    """
    try:
        return dated_facts()[name]
    except KeyError:
        raise ReferenceDataError(f"_reference/data/dated_facts.csv has no row {name!r}") from None


def permanent_end(code: str) -> dt.date:
    """The last day a permanent seat was held under ``code`` (``SUN``: 23 Dec 1991).

    >>> permanent_end("SUN")
    datetime.date(1991, 12, 23)
    """
    ends = [t.end for t in permanent_tenures() if t.code == code]
    if not ends:
        raise ReferenceDataError(f"_reference/data/permanent.csv has no row for {code!r}")
    return max(ends)
