"""Assemble every body's timeline from the stored observations, the facts and the texts.

Sources, and what each contributes:

* the DPPA peacekeeping list (``pko_mission``): the operations, their names
  and whether and when they closed;
* TAMM (``tamm_month``): the resolution in force each month, so the
  establishing resolution and the later ones that changed the mandate;
* the clause reader's rows (``periods.csv``): establishments, extensions
  with their periods, terminations, 1946-1994;
* the authored facts (``facts.toml``): bodies no file covers, failed
  renewals, lapses, corrections;
* the record (reconciled decisions), when loaded: exact dates, decision
  keys to link to (``res:2319``, ``draft:S/2017/884``) and the votes on failed
  renewals.

Disagreements between sources become conflicts (kind
``mandate_source_disagreement``), written to the record's ``conflicts`` table.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from unsc._mandates.derive import CLAUSE_READER, PERIODS_FILE, Derived
from unsc._mandates.facts import AUTHORED, FactBody, event_label
from unsc._mandates.model import BodyKind, Event, EventKind, Period, Timeline
from unsc._sources.dppa_peacekeeping import KIND as PKO
from unsc._sources.model import ExtraObservation, Observation, Source, norm_symbol
from unsc._sources.tamm import KIND as TAMM_MONTH

if TYPE_CHECKING:
    from unsc._engine import Decision, Outcome


class Reconciled(Protocol):
    """What timelines read of one reconciled decision of the record.

    :class:`unsc._record.reconcile.Reconciled` is one; the record's load
    passes its decisions in, so that mandates need not import the record.
    """

    @property
    def key(self) -> str: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def draft(self) -> str | None: ...
    @property
    def resolution(self) -> int | None: ...
    @property
    def recorded_outcome(self) -> Outcome | None: ...
    @property
    def recorded_vetoed_by(self) -> tuple[str, ...] | None: ...
    @property
    def yes(self) -> int | None: ...
    @property
    def no(self) -> int | None: ...
    @property
    def abstain(self) -> int | None: ...
    @property
    def decision(self) -> Decision | None: ...


class Result(Protocol):
    """What timelines read of the record's reconciliation (its decisions)."""

    @property
    def decisions(self) -> Sequence[Reconciled]: ...


CONFLICT_KIND = "mandate_source_disagreement"
"""``conflicts.kind`` of the disagreements found while building timelines."""

TAMM_HORIZON = (2015, 12)
"""TAMM's last month: a mission coded until then may well have gone on."""

MONTHS_APART = 3
"""Start or end months further apart than this between TAMM and DPPA are reported."""


@dataclass
class Conflict:
    """A disagreement between mandate sources (a row of the record's ``conflicts``)."""

    decision_key: str | None
    field: str
    chosen: str | None
    chosen_source: str | None
    values: list[dict[str, object]]
    reason: str
    kind: str = CONFLICT_KIND

    def row(self) -> dict[str, object]:
        """The ``conflicts`` row."""
        return {
            "kind": self.kind,
            "decision_key": self.decision_key,
            "field": self.field,
            "chosen": self.chosen,
            "chosen_source": self.chosen_source,
            "values": json.dumps(self.values, ensure_ascii=False, default=str),
            "reason": self.reason,
        }


@dataclass
class Built:
    """Timelines and the disagreements met on the way."""

    timelines: list[Timeline]
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass
class _Body:
    key: str
    name: str
    acronym: str | None
    kind: BodyKind
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    pko: ExtraObservation | None = None
    tamm: list[ExtraObservation] = field(default_factory=list)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _dppa_date(text: object) -> tuple[dt.date, str] | None:
    """A DPPA date; those on the 1st are month precision (the list rounds to months)."""
    if not text:
        return None
    day = dt.date.fromisoformat(str(text))
    return (day, "month") if day.day == 1 else (day, "day")


def _prov(o: ExtraObservation) -> dict[str, object]:
    return {"source": o.prov.source.value, "file": o.prov.file, "line": o.prov.line}


class _Record:
    """The record's decisions, by resolution number and by draft symbol."""

    def __init__(self, result: Result | None) -> None:
        self.by_res: dict[int, Reconciled] = {}
        self.by_draft: dict[str, Reconciled] = {}
        for rec in result.decisions if result else ():
            if rec.resolution is not None:
                self.by_res.setdefault(rec.resolution, rec)
            d = norm_symbol(rec.draft)
            if d:
                self.by_draft.setdefault(d, rec)


def build(
    observations: Iterable[Observation],
    result: Result | None,
    facts: Sequence[FactBody],
    derived: Sequence[Derived],
) -> Built:
    """Every body's timeline (see the module docstring)."""
    record = _Record(result)
    conflicts: list[Conflict] = []
    aliases = {f.tamm: f.key for f in facts if f.tamm}
    bodies: dict[str, _Body] = {}
    named_only: dict[str, FactBody] = {}
    for f in facts:
        if f.new:
            assert f.name is not None
            assert f.kind is not None
            if f.events or f.periods:
                bodies[f.key] = _Body(f.key, f.name, f.acronym, f.kind, [AUTHORED])
            else:
                named_only[f.key] = f  # a name for a body the data files must bring
    tamm_by: dict[str, list[ExtraObservation]] = defaultdict(list)
    for o in observations:
        if not isinstance(o, ExtraObservation):
            continue
        if o.kind == PKO:
            _add_pko(bodies, o)
        elif o.kind == TAMM_MONTH:
            mission = str(o.data["mission"])
            tamm_by[aliases.get(mission, mission)].append(o)
    for key, months in tamm_by.items():
        body = bodies.get(key)
        if body is None and key in named_only:
            f = named_only[key]
            assert f.name is not None
            assert f.kind is not None
            body = bodies[key] = _Body(key, f.name, f.acronym, f.kind, [AUTHORED])
        if body is None:
            body = bodies[key] = _Body(key, key, key, BodyKind.PEACEKEEPING_OPERATION)
            body.notes.append("known only from TAMM, which gives no name")
        body.tamm = sorted(months, key=lambda o: (int(o.data["year"]), int(o.data["month"])))  # type: ignore[call-overload]
        if Source.TAMM.value not in body.sources:
            body.sources.append(Source.TAMM.value)
    dates = {d.resolution: d.adopted for d in derived}
    amended = {f.key: f for f in facts}
    for body in bodies.values():
        _from_derived(body, [d for d in derived if d.body == body.key], conflicts)
        fact = amended.get(body.key)
        if fact is not None:
            body.events.extend(fact.events)
            body.periods.extend(fact.periods)
            if not fact.new and AUTHORED not in body.sources:
                body.sources.append(AUTHORED)
        _from_tamm(body, record, dates)
        _closure(body, fact, conflicts)
        _compare_tamm_dppa(body, conflicts)
    timelines = []
    for body in sorted(bodies.values(), key=lambda b: b.key):
        events = _dedupe([_link(e, record, conflicts, body.key) for e in body.events])
        periods = [_link_period(p, record) for p in body.periods]
        established = next((e.date for e in events if e.kind is EventKind.ESTABLISHED), None)
        if established is None and body.pko is not None:
            start = _dppa_date(body.pko.data.get("start"))
            established = start[0] if start else None
        timelines.append(
            Timeline(
                key=body.key,
                name=body.name,
                acronym=body.acronym,
                kind=body.kind,
                periods=tuple(periods),
                events=tuple(events),
                sources=tuple(body.sources),
                notes=tuple(body.notes),
                established=established,
            )
        )
    return Built(timelines, conflicts)


def _add_pko(bodies: dict[str, _Body], o: ExtraObservation) -> None:
    d = o.data
    flags = d.get("flags") or []
    if isinstance(flags, list) and "aggregate" in flags:
        return
    if not d.get("start"):
        return  # no start date: not a Council operation we can date (UNOHCI, UNFOR, UNSCOB)
    key = str(d["acronym"])
    body = bodies.get(key)
    if body is None:
        body = bodies[key] = _Body(key, str(d["name"]), key, BodyKind.PEACEKEEPING_OPERATION)
    body.pko = o
    body.sources.append(Source.DPPA_PEACEKEEPING.value)
    notes = d.get("notes") or []
    if isinstance(notes, list):
        body.notes.extend(str(n) for n in notes)


def _from_derived(body: _Body, rows: list[Derived], conflicts: list[Conflict]) -> None:
    if not rows:
        return
    closed = (
        _dppa_date(body.pko.data.get("end"))
        if body.pko and not body.pko.data.get("active")
        else None
    )
    last_day = None
    if closed is not None:
        last_day = (
            _month_end(closed[0].year, closed[0].month) if closed[1] == "month" else closed[0]
        )
    for d in rows:
        line = d.line
        if last_day is not None and d.adopted > last_day + dt.timedelta(days=31):
            conflicts.append(
                Conflict(
                    f"body:{body.key}",
                    "clause",
                    None,
                    Source.DPPA_PEACEKEEPING.value,
                    [
                        {
                            "source": CLAUSE_READER,
                            "file": PERIODS_FILE,
                            "line": line,
                            "value": f"{d.event} by S/RES/{d.resolution} ({d.year})",
                        },
                        {**_prov(body.pko), "value": f"closed {last_day.isoformat()}"},  # type: ignore[arg-type]
                    ],
                    f"the clause reader attributes S/RES/{d.resolution} ({d.year}) to "
                    f"{body.key}, which had closed by then; the clause is left out",
                )
            )
            continue
        kind = {
            "established": EventKind.ESTABLISHED,
            "extended": EventKind.EXTENDED,
            "terminated": EventKind.TERMINATED,
        }[d.event]
        day = d.end if kind is EventKind.TERMINATED and d.end else d.adopted
        body.events.append(
            Event(
                date=day,
                kind=kind,
                label="",
                resolution=d.resolution,
                source=CLAUSE_READER,
                file=PERIODS_FILE,
                line=line,
                note=d.text,
            )
        )
        if kind is not EventKind.TERMINATED and d.start is not None:
            body.periods.append(
                Period(
                    start=d.start,
                    end=d.end,
                    resolution=d.resolution,
                    granted=d.adopted,
                    end_basis=d.end_basis if d.end else "unknown",
                    source=CLAUSE_READER,
                    file=PERIODS_FILE,
                    line=line,
                    text=d.text,
                )
            )
    if CLAUSE_READER not in body.sources:
        body.sources.append(CLAUSE_READER)


def _from_tamm(body: _Body, record: _Record, dates: Mapping[int, dt.date]) -> None:
    if not body.tamm:
        return
    seen: list[tuple[str, ExtraObservation]] = []
    for o in body.tamm:
        text = str(o.data["resolution_text"])
        if not seen or seen[-1][0] != text:
            seen.append((text, o))
    have = {e.resolution for e in body.events if e.resolution is not None}
    has_establishment = any(e.kind is EventKind.ESTABLISHED for e in body.events)
    for i, (_, o) in enumerate(seen):
        d = o.data
        numbers = [int(n) for n in d["resolutions"]]  # type: ignore[attr-defined]
        if numbers and numbers[0] in have:
            continue
        first = numbers[0] if numbers else None
        rec = record.by_res.get(first) if first is not None else None
        if rec is not None and rec.date is not None:
            day, precision = rec.date, "day"
        elif first is not None and first in dates:
            day, precision = dates[first], "day"
        else:
            day, precision = dt.date(int(d["year"]), int(d["month"]), 1), "month"  # type: ignore[call-overload]
        document = None
        if d.get("document"):
            document = str(d["document"])
        elif d.get("ga_resolution"):
            document = f"General Assembly resolution {d['ga_resolution']}"
        kind = EventKind.ESTABLISHED if i == 0 and not has_establishment else EventKind.MODIFIED
        notes = d.get("notes") or []
        note = "; ".join(str(n) for n in notes) if isinstance(notes, list) else None
        body.events.append(
            Event(
                date=day,
                kind=kind,
                label="",
                precision=precision,
                resolution=first,
                document=document,
                source=Source.TAMM.value,
                file=o.prov.file,
                line=o.prov.line,
                note=note or None,
            )
        )
        have.update(numbers)


def _closure(body: _Body, fact: FactBody | None, conflicts: list[Conflict]) -> None:
    authored_end = [e for e in fact.events if e.kind is EventKind.CLOSED] if fact else []
    pko = body.pko
    if pko is not None:
        d = pko.data
        end = _dppa_date(d.get("end"))
        if authored_end:
            chosen = authored_end[-1]
            listed = "active" if d.get("active") else f"closed {end[0] if end else '?'}"
            if d.get("active") or (end and abs((end[0] - chosen.date).days) > 31):
                conflicts.append(
                    Conflict(
                        f"body:{body.key}",
                        "closed",
                        chosen.date.isoformat(),
                        AUTHORED,
                        [
                            {**_prov(pko), "value": listed},
                            {
                                "source": AUTHORED,
                                "file": chosen.file,
                                "line": None,
                                "value": f"closed {chosen.date.isoformat()} ({chosen.document})",
                            },
                        ],
                        f"the DPPA list (updated {d.get('last_update')}) shows {body.key} as "
                        f"{listed}; {chosen.document} has it closed on "
                        f"{chosen.date.isoformat()}: the sourced fact is kept",
                    )
                )
            return
        if not d.get("active") and end is not None:
            day = _month_end(end[0].year, end[0].month) if end[1] == "month" else end[0]
            body.events.append(
                Event(
                    date=day,
                    kind=EventKind.CLOSED,
                    label="",
                    precision=end[1],
                    source=Source.DPPA_PEACEKEEPING.value,
                    file=pko.prov.file,
                    line=pko.prov.line,
                    note=f"the DPPA list's end date is {d.get('end')}",
                )
            )
        return
    if authored_end or not body.tamm:
        return
    last = body.tamm[-1]
    month = (int(last.data["year"]), int(last.data["month"]))  # type: ignore[call-overload]
    if month < TAMM_HORIZON and not any(e.kind is EventKind.CLOSED for e in body.events):
        body.events.append(
            Event(
                date=_month_end(*month),
                kind=EventKind.CLOSED,
                label="",
                precision="month",
                source=Source.TAMM.value,
                file=last.prov.file,
                line=last.prov.line,
                note="the last month TAMM codes",
            )
        )


def _months(a: tuple[int, int], b: tuple[int, int]) -> int:
    return (a[0] - b[0]) * 12 + a[1] - b[1]


def _compare_tamm_dppa(body: _Body, conflicts: list[Conflict]) -> None:
    if body.pko is None or not body.tamm:
        return
    d = body.pko.data
    first, last = body.tamm[0], body.tamm[-1]
    t_start = (int(first.data["year"]), int(first.data["month"]))  # type: ignore[call-overload]
    t_end = (int(last.data["year"]), int(last.data["month"]))  # type: ignore[call-overload]
    start = _dppa_date(d.get("start"))
    if start and abs(_months(t_start, (start[0].year, start[0].month))) >= MONTHS_APART:
        conflicts.append(
            Conflict(
                f"body:{body.key}",
                "start",
                start[0].isoformat(),
                Source.DPPA_PEACEKEEPING.value,
                [
                    {**_prov(first), "value": f"{t_start[0]}-{t_start[1]:02d}"},
                    {**_prov(body.pko), "value": d.get("start")},
                ],
                f"TAMM codes {body.key} from {t_start[0]}-{t_start[1]:02d}, the DPPA list "
                f"starts it on {d.get('start')}; the DPPA date is kept as the start of operations",
            )
        )
    if t_end >= TAMM_HORIZON:
        return
    end = _dppa_date(d.get("end"))
    if d.get("active") or (
        end and abs(_months(t_end, (end[0].year, end[0].month))) >= MONTHS_APART
    ):
        listed = "active" if d.get("active") else str(d.get("end"))
        conflicts.append(
            Conflict(
                f"body:{body.key}",
                "end",
                listed,
                Source.DPPA_PEACEKEEPING.value,
                [
                    {**_prov(last), "value": f"{t_end[0]}-{t_end[1]:02d}"},
                    {**_prov(body.pko), "value": listed},
                ],
                f"TAMM's months for {body.key} stop in {t_end[0]}-{t_end[1]:02d}; the DPPA list "
                f"has it {'active' if d.get('active') else 'closing on ' + listed}: "
                "the DPPA list is kept",
            )
        )


def _link(e: Event, record: _Record, conflicts: list[Conflict], key: str) -> Event:
    """Attach the record's decision (key, date, votes) and a label."""
    if e.resolution is not None and (rec := record.by_res.get(e.resolution)) is not None:
        e = replace(e, decision_key=rec.key)
        if e.precision == "month" and rec.date is not None:
            e = replace(e, date=rec.date, precision="day")
    if e.draft and (rec := record.by_draft.get(norm_symbol(e.draft) or "")) is not None:
        outcome = (
            rec.decision.outcome.value
            if rec.decision
            else (rec.recorded_outcome.value if rec.recorded_outcome else None)
        )
        vetoed = (
            tuple(rec.decision.vetoed_by) if rec.decision else tuple(rec.recorded_vetoed_by or ())
        )
        theirs = {
            "date": rec.date.isoformat() if rec.date else None,
            "outcome": outcome,
            "vetoed_by": sorted(vetoed),
            "tally": f"{rec.yes}-{rec.no}-{rec.abstain}" if rec.yes is not None else None,
        }
        ours = {
            "date": e.date.isoformat(),
            "outcome": e.outcome,
            "vetoed_by": sorted(e.vetoed_by),
            "tally": e.tally,
        }
        for name, value in ours.items():
            if value and theirs[name] and value != theirs[name]:
                conflicts.append(
                    Conflict(
                        rec.key,
                        f"mandate:{name}",
                        str(theirs[name]),
                        "record",
                        [
                            {"source": e.source, "file": e.file, "line": e.line, "value": value},
                            {"source": "record", "file": None, "line": None, "value": theirs[name]},
                        ],
                        f"the mandate facts for {key} give {name} {value}, the record "
                        f"{theirs[name]}; the record is kept",
                    )
                )
        e = replace(
            e,
            decision_key=rec.key,
            outcome=outcome or e.outcome,
            vetoed_by=vetoed or e.vetoed_by,
            yes=rec.yes if rec.yes is not None else e.yes,
            no=rec.no if rec.no is not None else e.no,
            abstain=rec.abstain if rec.abstain is not None else e.abstain,
        )
    return replace(e, label=e.label or event_label(e))


def _link_period(p: Period, record: _Record) -> Period:
    if p.resolution is not None and (rec := record.by_res.get(p.resolution)) is not None:
        return replace(p, decision_key=rec.key)
    return p


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (kind, resolution or draft, date): the authored or day-precise one wins."""
    rank = {AUTHORED: 0, CLAUSE_READER: 1}
    best: dict[tuple[object, ...], Event] = {}
    for e in events:
        ref: object = e.resolution if e.resolution is not None else e.draft
        key: tuple[object, ...]
        if e.kind is EventKind.ESTABLISHED:
            key = (e.kind,)
        elif ref is not None:
            key = (e.kind, ref)
        else:
            key = (e.kind, e.date, e.source)
        old = best.get(key)
        if old is None or (rank.get(e.source, 2), e.precision != "day") < (
            rank.get(old.source, 2),
            old.precision != "day",
        ):
            best[key] = e
    kept = set(map(id, best.values()))
    established = [e for e in events if e.kind is EventKind.ESTABLISHED and id(e) not in kept]
    # A second establishing decision (TAMM's first resolution when a text or fact names
    # another) is kept as a modification.
    out = [e for e in events if id(e) in kept]
    have = {(e.kind, e.resolution) for e in out}
    for e in established:
        if e.resolution is not None and (EventKind.ESTABLISHED, e.resolution) not in have:
            out.append(replace(e, kind=EventKind.MODIFIED, label=""))
    return [replace(e, label=e.label or event_label(e)) for e in out]
