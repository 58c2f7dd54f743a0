"""The mandate facts written by the project (``facts.toml``), read and checked.

Each fact is sourced by a UN document symbol. ``[[body]]`` entries are bodies
no data file covers (the JIM, sanctions panels, UNMOVIC, missions TAMM codes
but the DPPA list lacks); ``[[amend]]`` entries add names, events and periods
to operations known from the data files, and correct them (MINUSMA).

>>> jim = next(b for b in facts() if b.key == "JIM")
>>> [e.kind.value for e in jim.events][:3], jim.events[3].draft
(['established', 'extended', 'extended'], 'S/2017/884')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from unsc._errors import ReferenceDataError
from unsc._mandates.model import BodyKind, Event, EventKind, Period

FILE = "unsc/_mandates/facts.toml"
"""How facts name their file in provenance."""

AUTHORED = "authored"
"""The ``source`` of facts from this file."""

_SYMBOL = re.compile(r"(?:S|A|DC|SC)/[\w./() -]+")
_TALLY = re.compile(r"(\d+)-(\d+)-(\d+)")
_BODY_KEYS = {"key", "name", "acronym", "kind", "names", "acronyms", "tamm", "source"}
_BODY_KEYS |= {"period", "event", "corrects"}
_EVENT_KEYS = {"date", "kind", "resolution", "draft", "outcome", "vetoed_by", "tally"}
_EVENT_KEYS |= {"sponsor", "source", "note", "document"}
_PERIOD_KEYS = {"start", "end", "end_basis", "resolution", "source", "text", "granted"}


@dataclass(frozen=True, slots=True)
class FactBody:
    """One ``[[body]]`` or ``[[amend]]`` entry."""

    key: str
    new: bool
    """``True`` for a ``[[body]]`` (a body of its own), ``False`` for an ``[[amend]]``."""
    name: str | None
    acronym: str | None
    kind: BodyKind | None
    names: tuple[str, ...]
    acronyms: tuple[str, ...]
    tamm: str | None
    source: str | None
    corrects: str | None
    """The data source this entry corrects (its disagreements are reported)."""
    events: tuple[Event, ...]
    periods: tuple[Period, ...]


def resolution_symbol(number: int, year: int) -> str:
    """``S/RES/2319 (2016)``."""
    return f"S/RES/{number} ({year})"


def event_label(e: Event, *, sponsor: str | None = None) -> str:
    """A short human label for an event (the timeline's mark)."""
    ref = resolution_symbol(e.resolution, e.date.year) if e.resolution is not None else e.document
    by = f" by {ref}" if ref else ""
    if e.kind is EventKind.RENEWAL_FAILED:
        who = f" ({sponsor} draft)" if sponsor else ""
        if e.outcome == "vetoed":
            result = "vetoed" + (f" by {', '.join(e.vetoed_by)}" if e.vetoed_by else "")
        else:
            result = "not adopted"
        tally = f", {e.tally}" if e.tally else ""
        return f"Renewal failed: {e.draft or 'draft'}{who} {result}{tally}"
    return {
        EventKind.ESTABLISHED: f"Established{by}",
        EventKind.EXTENDED: f"Extended{by}",
        EventKind.MODIFIED: f"Mandate modified{by}",
        EventKind.TERMINATED: f"Terminated{by}",
        EventKind.LAPSED: "Mandate lapsed",
        EventKind.CLOSED: "Closed",
    }[e.kind]


def _fail(where: str, message: str) -> ReferenceDataError:
    return ReferenceDataError(f"{FILE}, {where}: {message}")


def _date(value: object, where: str, field: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise _fail(where, f"{field} must be a date written YYYY-MM-DD, not {value!r}")


def _str(value: object, where: str, field: str) -> str:
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise _fail(where, f"{field} must be a non-empty string, not {value!r}")


def _strings(value: object, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    raise _fail(where, f"{field} must be a list of strings")


def _source(value: object, where: str) -> str:
    text = _str(value, where, "source")
    if not _SYMBOL.fullmatch(text):
        raise _fail(where, f"source {text!r} is not a UN document symbol")
    return text


def _unknown(entry: Mapping[str, Any], allowed: set[str], where: str) -> None:
    extra = sorted(set(entry) - allowed)
    if extra:
        raise _fail(where, f"unknown field(s) {extra}")


def _event(entry: Mapping[str, Any], where: str) -> tuple[Event, str | None]:
    _unknown(entry, _EVENT_KEYS, where)
    try:
        kind = EventKind(_str(entry.get("kind"), where, "kind"))
    except ValueError:
        raise _fail(where, f"unknown event kind {entry.get('kind')!r}") from None
    source = _source(entry.get("source"), where)
    resolution = entry.get("resolution")
    if resolution is not None and not isinstance(resolution, int):
        raise _fail(where, "resolution must be a number")
    draft = entry.get("draft")
    if kind is EventKind.RENEWAL_FAILED and not draft:
        raise _fail(where, "a renewal_failed event names its draft")
    yes = no = abstain = None
    if entry.get("tally") is not None:
        m = _TALLY.fullmatch(_str(entry["tally"], where, "tally"))
        if m is None:
            raise _fail(where, "tally is written yes-no-abstain, e.g. 11-2-2")
        yes, no, abstain = (int(g) for g in m.groups())
    outcome = entry.get("outcome")
    if outcome is not None and outcome not in ("adopted", "vetoed", "failed"):
        raise _fail(where, f"outcome {outcome!r} is not adopted, vetoed or failed")
    sponsor = entry.get("sponsor")
    event = Event(
        date=_date(entry.get("date"), where, "date"),
        kind=kind,
        label="",
        resolution=resolution,
        draft=_str(draft, where, "draft") if draft else None,
        document=entry.get("document") or source,
        outcome=outcome,
        vetoed_by=_strings(entry.get("vetoed_by"), where, "vetoed_by"),
        yes=yes,
        no=no,
        abstain=abstain,
        source=AUTHORED,
        file=FILE,
        note=entry.get("note"),
    )
    return event, sponsor if isinstance(sponsor, str) else None


def _period(entry: Mapping[str, Any], where: str) -> Period:
    _unknown(entry, _PERIOD_KEYS, where)
    start = _date(entry.get("start"), where, "start")
    end = _date(entry["end"], where, "end") if "end" in entry else None
    if end is not None and end < start:
        raise _fail(where, f"end {end} is before start {start}")
    basis = entry.get("end_basis", "stated" if end else "unknown")
    if basis not in ("stated", "computed", "unknown"):
        raise _fail(where, f"end_basis {basis!r} is not stated, computed or unknown")
    return Period(
        start=start,
        end=end,
        resolution=entry.get("resolution"),
        granted=_date(entry["granted"], where, "granted") if "granted" in entry else None,
        document=_source(entry.get("source"), where),
        end_basis=basis,
        source=AUTHORED,
        file=FILE,
        text=entry.get("text"),
    )


def parse_facts(text: str) -> tuple[FactBody, ...]:
    """Read and check facts written in the ``facts.toml`` format."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail("syntax", str(exc)) from None
    unknown = sorted(set(data) - {"body", "amend"})
    if unknown:
        raise _fail("top level", f"unknown table(s) {unknown}")
    out: list[FactBody] = []
    seen: set[str] = set()
    for table in ("body", "amend"):
        for n, entry in enumerate(data.get(table, []), start=1):
            where = f"[[{table}]] #{n}"
            _unknown(entry, _BODY_KEYS, where)
            key = _str(entry.get("key"), where, "key")
            where = f"[[{table}]] {key}"
            if key in seen:
                raise _fail(where, "the key is used twice")
            seen.add(key)
            new = table == "body"
            kind: BodyKind | None = None
            if new:
                try:
                    kind = BodyKind(_str(entry.get("kind"), where, "kind"))
                except ValueError:
                    raise _fail(where, f"unknown body kind {entry.get('kind')!r}") from None
                _str(entry.get("name"), where, "name")
            events = []
            for i, e in enumerate(entry.get("event", []), start=1):
                event, sponsor = _event(e, f"{where}, event {i}")
                label = event_label(event, sponsor=_SPONSORS.get(sponsor or "", sponsor))
                events.append(_with_label(event, label))
            periods = tuple(
                _period(p, f"{where}, period {i}")
                for i, p in enumerate(entry.get("period", []), start=1)
            )
            out.append(
                FactBody(
                    key=key,
                    new=new,
                    name=entry.get("name"),
                    acronym=entry.get("acronym"),
                    kind=kind,
                    names=_strings(entry.get("names"), where, "names"),
                    acronyms=_strings(entry.get("acronyms"), where, "acronyms"),
                    tamm=entry.get("tamm"),
                    source=_source(entry["source"], where) if "source" in entry else None,
                    corrects=entry.get("corrects"),
                    events=tuple(events),
                    periods=periods,
                )
            )
    return tuple(out)


_SPONSORS = {
    "USA": "United States",
    "RUS": "Russian",
    "JPN": "Japanese",
    "FRA": "French",
    "GBR": "United Kingdom",
    "CHN": "Chinese",
}


def _with_label(e: Event, label: str) -> Event:
    return replace(e, label=label)


@functools.cache
def facts() -> tuple[FactBody, ...]:
    """The packaged facts."""
    text = resources.files("unsc._mandates").joinpath("facts.toml").read_text(encoding="utf-8")
    return parse_facts(text)


def by_key(bodies: Sequence[FactBody]) -> dict[str, FactBody]:
    """Facts by body key."""
    return {b.key: b for b in bodies}
