"""Reconciliation: merge every source's account of each decision, and say why.

Decisions are identified by resolution number (adopted), draft symbol
(failed or vetoed), or meeting and order within the meeting (early drafts
named only by their meeting). Each field is taken from the first source, in
the documented precedence, that gives it; every disagreement becomes a
conflict with all values, their provenance, the value chosen and why.
Per-member votes are used only when the members match the Council on that
date and the counts agree with the official tally. Every decision with
enough information is then adjudicated by the engine and compared with the
recorded outcome.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

from unsc._engine import (
    Ballot,
    Decision,
    Kind,
    NonVoting,
    Outcome,
    Position,
    adjudicate,
    adjudicate_tally,
)
from unsc._errors import UnscError
from unsc._reference.council import council, required_votes
from unsc._sources.model import (
    DecisionObservation,
    MeetingObservation,
    MembershipObservation,
    Modality,
    Observation,
    Source,
    norm_symbol,
)

PRECEDENCE: dict[str, tuple[Source, ...]] = {
    "date": (
        Source.DHL_VOTING_CSV,
        Source.DHL_MEETINGS_HTML,
        Source.DHL_VETO_HTML,
        Source.SC_VOTES_1994_2025,
        Source.WPDL_VETOES,
        Source.FAILED_DRAFTS,
        Source.PROCEDURAL_TABLE,
    ),
    "tally": (
        Source.DHL_VOTING_CSV,
        Source.DHL_MEETINGS_HTML,
        Source.SC_VOTES_1994_2025,
        Source.FAILED_DRAFTS,
        Source.PROCEDURAL_TABLE,
    ),
    "outcome": (
        Source.DHL_VETO_HTML,
        Source.DHL_VOTING_CSV,
        Source.DHL_MEETINGS_HTML,
        Source.SC_VOTES_1994_2025,
        Source.FAILED_DRAFTS,
        Source.WPDL_VETOES,
        Source.PROCEDURAL_TABLE,
    ),
    "vetoed_by": (
        Source.DHL_VETO_HTML,
        Source.DHL_MEETINGS_HTML,
        Source.SC_VOTES_1994_2025,
        Source.WPDL_VETOES,
        Source.FAILED_DRAFTS,
    ),
    "votes": (Source.DHL_VOTING_CSV, Source.SC_VOTES_1994_2025, Source.FAILED_DRAFTS),
    "text": (
        Source.DHL_VOTING_CSV,
        Source.DHL_MEETINGS_HTML,
        Source.DHL_VETO_HTML,
        Source.SC_VOTES_1994_2025,
        Source.WPDL_VETOES,
        Source.FAILED_DRAFTS,
        Source.PROCEDURAL_TABLE,
    ),
}
"""Which source is believed first, field by field (see ``docs/record.md``)."""

_ORDER = {s: i for i, s in enumerate(PRECEDENCE["text"])}
_VOTED = {
    Modality.WITHOUT_VOTE: "without_vote",
    Modality.CONSENSUS: "without_vote",
    Modality.ACCLAMATION: "without_vote",
}
"""Modalities in which no vote was taken (any other modality is a vote)."""
_MEETING_REF = re.compile(r"^S/PV\.\d+", re.IGNORECASE)


@dataclass
class Conflict:
    """A disagreement between sources, or between a source and the engine."""

    kind: str
    decision_key: str | None
    field: str
    chosen: str | None
    chosen_source: str | None
    values: list[dict[str, object]]
    reason: str


@dataclass
class Reconciled:
    """One decision after reconciliation and adjudication."""

    key: str
    observations: list[DecisionObservation] = field(default_factory=list)
    date: dt.date | None = None
    meeting: str | None = None
    kind: Kind = Kind.DRAFT_RESOLUTION
    procedural: bool | None = None
    draft: str | None = None
    resolution: int | None = None
    agenda: str | None = None
    description: str | None = None
    modality: str | None = None
    recorded_outcome: Outcome | None = None
    recorded_vetoed_by: tuple[str, ...] | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    not_voting: int | None = None
    tally_source: Source | None = None
    votes: dict[str, Position] | None = None
    absence: dict[str, NonVoting] = field(default_factory=dict)
    votes_source: Source | None = None
    sponsors: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    known_votes: dict[str, Position] = field(default_factory=dict)
    """Members a source names without a full ballot (procedural votes); not adjudicated."""
    decision: Decision | None = None
    adjudication: str = "none"
    agrees: bool | None = None


@dataclass
class Result:
    """Everything reconciliation produces."""

    decisions: list[Reconciled]
    meetings: list[MeetingObservation]
    conflicts: list[Conflict]


def _prov(obs: DecisionObservation | MembershipObservation) -> dict[str, object]:
    return {"source": obs.prov.source.value, "file": obs.prov.file, "line": obs.prov.line}


@functools.cache
def _procedural_resolutions() -> dict[int, str]:
    text = (
        resources.files("unsc")
        .joinpath("_reference")
        .joinpath("data")
        .joinpath("procedural_decisions.csv")
    )
    rows = csv.DictReader(io.StringIO(text.read_text(encoding="utf-8")))
    return {int(r["resolution"]): r["source"] for r in rows}


KNOWN_ERRORS_FILE = "known_source_errors.csv"
"""The one sourced table of reviewed source errors (``unsc/_reference/data``)."""


@functools.cache
def known_error_rows() -> tuple[dict[str, str], ...]:
    """Every row of ``_reference/data/known_source_errors.csv``.

    Rows with a ``key`` and ``field`` explain a decision of the record; rows
    with an ``event_id`` explain an event of a per-member file (the real-data
    tests read those). ``status`` is ``confirmed`` (a reviewed error, its
    evidence in the reason) or ``unconfirmed`` (a suspicion no source here
    settles).
    """
    text = (
        resources.files("unsc").joinpath("_reference").joinpath("data").joinpath(KNOWN_ERRORS_FILE)
    )
    rows = tuple(csv.DictReader(io.StringIO(text.read_text(encoding="utf-8"))))
    for n, row in enumerate(rows, start=2):
        if row.get("status") not in ("confirmed", "unconfirmed"):
            raise UnscError(
                f"_reference/data/{KNOWN_ERRORS_FILE}, line {n}: "
                "status must be confirmed or unconfirmed"
            )
    return rows


@functools.cache
def known_errors() -> dict[tuple[str, str], tuple[str, str]]:
    """Reviewed source errors of the record: (decision key, field) -> (status, reason)."""
    return {
        (r["key"], r["field"]): (r["status"], r["reason"])
        for r in known_error_rows()
        if r["key"] and r["field"]
    }


def _error_kind(status: str) -> str:
    return "known_source_error" if status == "confirmed" else "unconfirmed_source_error"


def _repair_resolution_numbers(
    obs: list[DecisionObservation], conflicts: list[Conflict]
) -> dict[int, int]:
    """Find misprinted resolution numbers in the meetings pages by sequence.

    Resolutions are numbered in order of adoption. When a number is printed
    twice at different meetings, the occurrence whose date does not fit
    between its neighbours is a misprint; if exactly one number is missing
    where its date fits, that is the number meant. Returns {id(obs): number}.
    """
    by_number: dict[int, list[DecisionObservation]] = defaultdict(list)
    for o in obs:
        if o.prov.source is Source.DHL_MEETINGS_HTML and o.resolution is not None:
            by_number[o.resolution].append(o)
    numbers = sorted(by_number)
    first_date = {n: min(o.date for o in by_number[n]) for n in numbers}
    repaired: dict[int, int] = {}
    for n in numbers:
        group = by_number[n]
        places = {(o.date, o.meeting) for o in group}
        if len(places) < 2:
            continue
        i = bisect.bisect_left(numbers, n)
        prev_date = first_date[numbers[i - 1]] if i > 0 else dt.date.min
        next_date = first_date[numbers[i + 1]] if i + 1 < len(numbers) else dt.date.max
        for o in group:
            if prev_date <= o.date <= next_date:
                continue
            # Candidates: numbers absent from the pages whose neighbours bracket o.date.
            candidates: list[int] = []
            j = bisect.bisect_left(numbers, 1)
            for a, b in zip(numbers[j:], numbers[j + 1 :], strict=False):
                if b - a > 1 and first_date[a] <= o.date <= first_date[b]:
                    candidates.extend(range(a + 1, b))
            if len(candidates) == 1:
                fixed = candidates[0]
                repaired[id(o)] = fixed
                conflicts.append(
                    Conflict(
                        kind="resolution_number_misprint",
                        decision_key=f"res:{fixed}",
                        field="resolution",
                        chosen=str(fixed),
                        chosen_source="sequence",
                        values=[{**_prov(o), "value": n, "date": o.date.isoformat()}],
                        reason=(
                            f"{o.meeting} ({o.date.isoformat()}) prints resolution {n}, which was "
                            f"adopted on {first_date[n].isoformat()}; resolutions are numbered "
                            f"in order of adoption and {fixed} is the only number missing "
                            "between its neighbours."
                        ),
                    )
                )
    return repaired


class _Index:
    def __init__(self) -> None:
        self.items: list[Reconciled] = []
        self.by_key: dict[str, Reconciled] = {}
        self.by_res: dict[int, Reconciled] = {}
        self.by_draft: dict[str, list[Reconciled]] = defaultdict(list)
        self.by_meeting: dict[tuple[str, dt.date], list[Reconciled]] = defaultdict(list)
        self.meeting_days: dict[str, list[tuple[str, dt.date]]] = defaultdict(list)

    def add(self, rec: Reconciled, o: DecisionObservation, resolution: int | None) -> None:
        self.items.append(rec)
        self.by_key[rec.key] = rec
        self.attach(rec, o, resolution)

    def attach(self, rec: Reconciled, o: DecisionObservation, resolution: int | None) -> None:
        rec.observations.append(o)
        if resolution is not None:
            self.by_res.setdefault(resolution, rec)
        d = norm_symbol(o.draft)
        if d and not _MEETING_REF.match(d) and rec not in self.by_draft[d]:
            self.by_draft[d].append(rec)
        if o.meeting and o.date:
            slot = (_meeting(o.meeting), o.date)
            if slot not in self.by_meeting:
                self.meeting_days[slot[0]].append(slot)
            if rec not in self.by_meeting[slot]:
                self.by_meeting[slot].append(rec)


def _meeting(symbol: str) -> str:
    m = _MEETING_REF.match(symbol.strip())
    return m.group(0).upper().replace("S/PV.", "S/PV.") if m else symbol.strip()


def _adopted(o: DecisionObservation) -> bool:
    return o.outcome is Outcome.ADOPTED or o.resolution is not None


def _days(rec: Reconciled, o: DecisionObservation) -> int:
    if o.prov.source is Source.FAILED_DRAFTS:
        return 0 if rec_date(rec).year == o.date.year else 10_000
    return abs((rec_date(rec) - o.date).days)


def _same_story(rec: Reconciled, o: DecisionObservation) -> bool:
    """Whether ``rec`` already holds an account with the same outcome (and vetoing members)."""
    return any(
        x.outcome is o.outcome and (o.vetoed_by is None or x.vetoed_by in (None, o.vetoed_by))
        for x in rec.observations
    )


def _match(
    index: _Index, o: DecisionObservation, resolution: int | None, used: set[str]
) -> tuple[Reconciled | None, bool]:
    """The decision ``o`` is an account of, and whether it repeats its source."""
    if resolution is not None:
        rec = index.by_res.get(resolution)
        if rec is not None and rec.key not in used and _days(rec, o) <= 3:
            return rec, False
    d = norm_symbol(o.draft)
    if d and not _MEETING_REF.match(d):
        candidates = [
            rec
            for rec in index.by_draft.get(d, [])
            if (_adopted(rec.observations[0]) == _adopted(o) and _days(rec, o) <= 400)
            or (_days(rec, o) == 0 and o.resolution is None and rec.resolution is None)
        ]
        fresh = [rec for rec in candidates if rec.key not in used]
        if fresh:
            return min(fresh, key=lambda rec: _days(rec, o)), False
        repeated = [rec for rec in candidates if _days(rec, o) <= 3]
        # A draft recorded again on the same day is a duplicate row when a better
        # source records it once, or when the two accounts contradict each other;
        # the first source recording it twice with the same outcome records two
        # questions (S/552 of 1947, vetoed twice at one meeting).
        for rec in repeated:
            owner = rec.observations[0]
            if owner.prov.source is not o.prov.source or owner.outcome is not o.outcome:
                return rec, True
        if repeated:
            return None, False
    meeting = o.meeting or (d if d and _MEETING_REF.match(d) else None)
    if meeting:
        if o.prov.source is Source.FAILED_DRAFTS and d and not _MEETING_REF.match(d):
            return None, False
        same_class = [
            rec
            for (_, day), recs in _meeting_items(index, _meeting(meeting))
            for rec in recs
            if rec.key not in used
            and (o.prov.source is Source.FAILED_DRAFTS or abs((day - o.date).days) <= 3)
            and _adopted(rec.observations[0]) == _adopted(o)
        ]
        if same_class:
            alike = [rec for rec in same_class if _same_story(rec, o)]
            return (alike or same_class)[0], False
    return None, False


def _meeting_items(
    index: _Index, meeting: str
) -> list[tuple[tuple[str, dt.date], list[Reconciled]]]:
    return [(k, index.by_meeting[k]) for k in index.meeting_days.get(meeting, ())]


def rec_date(rec: Reconciled) -> dt.date:
    """The best date known so far for a decision."""
    return rec.observations[0].date


def _new_key(index: _Index, o: DecisionObservation, resolution: int | None) -> str:
    if resolution is not None and f"res:{resolution}" not in index.by_key:
        return f"res:{resolution}"
    d = norm_symbol(o.draft)
    base = f"draft:{d}" if d and not _MEETING_REF.match(d) else None
    if base is None:
        ref = _meeting(o.meeting or d or "unknown")
        base = f"meeting:{ref}@{o.date.isoformat()}"
    key, n = base, 1
    while key in index.by_key:
        n += 1
        key = f"{base}#{n}"
    return key


def reconcile(observations: Iterable[Observation]) -> Result:
    """Merge observations from every source into decisions, meetings and conflicts."""
    conflicts: list[Conflict] = []
    decisions_obs: list[DecisionObservation] = []
    meetings: dict[tuple[str, dt.date], MeetingObservation] = {}
    membership: list[MembershipObservation] = []
    for o in observations:
        if isinstance(o, DecisionObservation):
            decisions_obs.append(o)
        elif isinstance(o, MeetingObservation):
            meetings.setdefault((o.symbol, o.date), o)
        elif isinstance(o, MembershipObservation):
            membership.append(o)

    repaired = _repair_resolution_numbers(decisions_obs, conflicts)
    decisions_obs.sort(key=lambda o: (_ORDER[o.prov.source], o.prov.file, o.prov.line))
    index = _Index()
    used_by_source: dict[Source, set[str]] = defaultdict(set)
    for o in decisions_obs:
        resolution = repaired.get(id(o), o.resolution)
        used = used_by_source[o.prov.source]
        if o.prov.source is Source.PROCEDURAL_TABLE:
            # Its own question: never another source's account of a draft at that meeting.
            from unsc._record.procedural import key_of

            index.add(Reconciled(key=key_of(o)), o, None)
            continue
        rec, repeated = _match(index, o, resolution, used)
        if rec is None:
            rec = Reconciled(key=_new_key(index, o, resolution))
            index.add(rec, o, resolution)
        else:
            index.attach(rec, o, resolution)
        if repeated:
            earlier = next(x for x in rec.observations if x.prov.source is o.prov.source)
            conflicts.append(
                Conflict(
                    kind="duplicate_in_source",
                    decision_key=rec.key,
                    field="observation",
                    chosen=None,
                    chosen_source=o.prov.source.value,
                    values=[
                        {**_prov(x), "outcome": x.outcome.value if x.outcome else None}
                        for x in (earlier, o)
                    ],
                    reason=(
                        f"{o.prov.source.value} records draft {norm_symbol(o.draft)} twice; both "
                        "accounts are kept on one decision and weighed by precedence"
                    ),
                )
            )
        used.add(rec.key)
        owner = index.by_res.get(resolution) if resolution is not None else None
        if owner is not None and owner is not rec:
            conflicts.append(
                Conflict(
                    kind="resolution_number_taken",
                    decision_key=rec.key,
                    field="resolution",
                    chosen=None,
                    chosen_source=None,
                    values=[{**_prov(o), "value": resolution, "date": o.date.isoformat()}],
                    reason=(
                        f"the source gives resolution {resolution}, which is {owner.key} of "
                        f"{rec_date(owner).isoformat()}; the number is not used for this decision"
                    ),
                )
            )
        elif resolution is not None and rec.resolution is None:
            rec.resolution = resolution
        if resolution is not None and o.resolution is not None and resolution != o.resolution:
            o_notes = f"printed {o.resolution}"
            rec.description = rec.description or o_notes

    for rec in index.items:
        _choose_fields(rec, conflicts, repaired)
        _adjudicate(rec, conflicts)
    conflicts.extend(_drop_repeated_rows(index))
    conflicts.extend(_shared_drafts(index))
    conflicts.extend(_membership_conflicts(membership))
    ordered_meetings = sorted(meetings.values(), key=lambda m: (m.date, m.symbol))
    return Result(index.items, ordered_meetings, conflicts)


def _drop_repeated_rows(index: _Index) -> list[Conflict]:
    """Drop vetoes that only the meetings pages record, for drafts the veto list places elsewhere.

    The veto list is the Library's count of vetoes; when the meetings pages
    show a draft vetoed at a second meeting that no other source records, the
    page repeats a row (e.g. S/5407, vetoed on 3 Sep 1963, shown again at the
    13 Sep 1963 meeting on Southern Rhodesia).
    """
    out = []
    for symbol, recs in list(index.by_draft.items()):
        confirmed = [
            r for r in recs if any(o.prov.source is Source.DHL_VETO_HTML for o in r.observations)
        ]
        if not confirmed:
            continue
        for r in recs:
            sources = {o.prov.source for o in r.observations}
            if r in confirmed or sources != {Source.DHL_MEETINGS_HTML}:
                continue
            if r.recorded_outcome is not Outcome.VETOED:
                continue
            index.items.remove(r)
            recs.remove(r)
            out.append(
                Conflict(
                    kind="repeated_row",
                    decision_key=r.key,
                    field="observation",
                    chosen=confirmed[0].key,
                    chosen_source=Source.DHL_VETO_HTML.value,
                    values=[
                        {**_prov(o), "date": o.date.isoformat(), "meeting": o.meeting}
                        for o in r.observations
                    ],
                    reason=(
                        f"the meetings page shows {symbol} vetoed again on "
                        f"{rec_date(r).isoformat()}; the veto list records it once, on "
                        f"{rec_date(confirmed[0]).isoformat()}: the row is a repeat and is dropped"
                    ),
                )
            )
    return out


def _shared_drafts(index: _Index) -> list[Conflict]:
    out = []
    for symbol, recs in sorted(index.by_draft.items()):
        if len(recs) < 2:
            continue
        out.append(
            Conflict(
                kind="draft_symbol_shared",
                decision_key=recs[0].key,
                field="draft",
                chosen=None,
                chosen_source=None,
                values=[
                    {
                        "decision": r.key,
                        "date": rec_date(r).isoformat(),
                        "sources": sorted({x.prov.source.value for x in r.observations}),
                    }
                    for r in recs
                ],
                reason=(
                    f"{symbol} is given for {len(recs)} different decisions; a source has "
                    "attached the symbol to the wrong decision, or the page repeats a row"
                ),
            )
        )
    return out


def _ranked(rec: Reconciled, purpose: str) -> list[DecisionObservation]:
    order = PRECEDENCE[purpose]
    rank = {s: i for i, s in enumerate(order)}
    return sorted(
        (o for o in rec.observations if o.prov.source in rank),
        key=lambda o: (rank[o.prov.source], o.prov.line),
    )


def _disagree(
    rec: Reconciled,
    conflicts: list[Conflict],
    field_name: str,
    chosen: DecisionObservation,
    values: Sequence[tuple[DecisionObservation, object]],
    reason: str,
    kind: str = "source_disagreement",
) -> None:
    distinct = {json.dumps(v, default=str) for _, v in values}
    if len(distinct) < 2:
        return
    chosen_value = next(v for o, v in values if o is chosen)
    conflicts.append(
        Conflict(
            kind=kind,
            decision_key=rec.key,
            field=field_name,
            chosen=json.dumps(chosen_value, default=str),
            chosen_source=chosen.prov.source.value,
            values=[{**_prov(o), "value": v} for o, v in values],
            reason=reason,
        )
    )


def _choose_fields(rec: Reconciled, conflicts: list[Conflict], repaired: dict[int, int]) -> None:
    ranked = _ranked(rec, "text")
    first = ranked[0]
    # Date.
    dated = [o for o in _ranked(rec, "date") if "date_year_only" not in o.flags]
    chosen = dated[0] if dated else first
    rec.date = chosen.date
    _disagree(
        rec,
        conflicts,
        "date",
        chosen,
        [(o, o.date.isoformat()) for o in dated],
        f"dates differ; {chosen.prov.source.value} is believed first for dates",
    )
    rec.meeting = next((o.meeting for o in ranked if o.meeting), None)
    rec.draft = next(
        (norm_symbol(o.draft) for o in ranked if o.draft and not _MEETING_REF.match(o.draft)),
        None,
    )
    rec.agenda = next((o.agenda for o in ranked if o.agenda), None)
    rec.description = next((o.description for o in ranked if o.description), rec.description)
    with_modality = [(o, o.modality) for o in ranked if o.modality is not None]
    rec.modality = with_modality[0][1].value if with_modality else None
    if with_modality:
        _disagree(
            rec,
            conflicts,
            "modality",
            with_modality[0][0],
            [(o, _VOTED.get(m, "vote")) for o, m in with_modality],
            "sources differ on whether a vote was taken; "
            f"{with_modality[0][0].prov.source.value} is believed: the UN Library's voting data "
            "states each decision's modality in a field of its own, with a note for each "
            "peculiarity, where the meetings tables give only a count or a remark; the outcome, "
            "adopted, is the same either way",
        )
    rec.kind = next((o.kind for o in ranked if o.kind is not Kind.DRAFT_RESOLUTION), first.kind)
    rec.sponsors = next((o.sponsors for o in ranked if o.sponsors), ())
    rec.subjects = next((o.subjects for o in ranked if o.subjects), ())
    rec.known_votes = dict(next((o.known_votes for o in ranked if o.known_votes), {}))
    procedural = next((o.procedural for o in ranked if o.procedural is not None), None)
    if procedural is None and rec.resolution in _procedural_resolutions():
        procedural = True
    rec.procedural = procedural
    # Resolution numbers printed differently by sources.
    numbered = [(o, repaired.get(id(o), o.resolution)) for o in ranked if o.resolution is not None]
    if numbered and rec.resolution is not None:
        chosen_num = next((o for o, n in numbered if n == rec.resolution), numbered[0][0])
        _disagree(
            rec,
            conflicts,
            "resolution",
            chosen_num,
            [(o, o.resolution) for o, _ in numbered],
            "sources print different resolution numbers for this decision; the number that "
            "fits the sequence of adoption dates is kept",
        )
    # Outcome.
    with_outcome = [o for o in _ranked(rec, "outcome") if o.outcome is not None]
    if with_outcome:
        chosen = with_outcome[0]
        rec.recorded_outcome = chosen.outcome
        _disagree(
            rec,
            conflicts,
            "outcome",
            chosen,
            [(o, o.outcome.value if o.outcome else None) for o in with_outcome],
            f"recorded outcomes differ; {chosen.prov.source.value} is believed first",
        )
    # Vetoing members as recorded.
    with_veto = [o for o in _ranked(rec, "vetoed_by") if o.vetoed_by is not None]
    if with_veto:
        chosen = with_veto[0]
        rec.recorded_vetoed_by = tuple(sorted(chosen.vetoed_by or ()))
        _disagree(
            rec,
            conflicts,
            "vetoed_by",
            chosen,
            [(o, sorted(o.vetoed_by or ())) for o in with_veto],
            f"sources name different vetoing members; {chosen.prov.source.value} is believed first",
        )
    _choose_tally_and_votes(rec, conflicts)


def _tally_of(o: DecisionObservation) -> tuple[int, int, int, int | None] | None:
    if o.votes is not None:
        c = {p: 0 for p in Position}
        for p in o.votes.values():
            c[p] += 1
        return c[Position.YES], c[Position.NO], c[Position.ABSTAIN], c[Position.NOT_VOTING]
    if o.yes is None or o.no is None:
        return None
    return o.yes, o.no, o.abstain or 0, o.not_voting


def _same_tally(a: tuple[int, int, int, int | None], b: tuple[int, int, int, int | None]) -> bool:
    """Equal, allowing one side to lump abstentions and non-voting together."""
    if a[:2] != b[:2]:
        return False
    lump_a = a[2] + (a[3] or 0)
    lump_b = b[2] + (b[3] or 0)
    return a[2:] == b[2:] or lump_a == lump_b


def _choose_tally_and_votes(rec: Reconciled, conflicts: list[Conflict]) -> None:
    tallied = [(o, t) for o in _ranked(rec, "tally") if (t := _tally_of(o)) is not None]
    official_sources = (Source.DHL_VOTING_CSV, Source.DHL_MEETINGS_HTML)
    official = next(((o, t) for o, t in tallied if o.prov.source in official_sources), None)
    misprint = known_errors().get((rec.key, "tally"))
    if misprint and official is not None:
        conflicts.append(
            Conflict(
                kind=_error_kind(misprint[0]),
                decision_key=rec.key,
                field="tally",
                chosen=None,
                chosen_source=None,
                values=[{**_prov(o), "value": list(t)} for o, t in tallied],
                reason=misprint[1],
            )
        )
        official = None
    date = rec.date
    assert date is not None
    try:
        members = set(council(date).codes)
    except UnscError:
        members = set()
    chosen_votes: DecisionObservation | None = None
    for o in _ranked(rec, "votes"):
        if o.votes is None:
            continue
        t = _tally_of(o)
        assert t is not None
        if set(o.votes) != members:
            missing = sorted(members - set(o.votes))
            extra = sorted(set(o.votes) - members)
            conflicts.append(
                Conflict(
                    kind="members_mismatch",
                    decision_key=rec.key,
                    field="votes",
                    chosen=None,
                    chosen_source=None,
                    values=[{**_prov(o), "missing": missing, "extra": extra}],
                    reason=(
                        f"the members voting in {o.prov.source.value} are not the Council of "
                        f"{date.isoformat()}; its per-member votes are not used"
                    ),
                )
            )
            continue
        if official is not None and not _same_tally(official[1], t):
            conflicts.append(
                Conflict(
                    kind="per_member_tally_mismatch",
                    decision_key=rec.key,
                    field="votes",
                    chosen=json.dumps(list(official[1])),
                    chosen_source=official[0].prov.source.value,
                    values=[
                        {**_prov(official[0]), "value": list(official[1])},
                        {**_prov(o), "value": list(t)},
                    ],
                    reason=(
                        f"the per-member votes of {o.prov.source.value} add up to a different "
                        "tally than the UN Library's; the official tally is kept and these "
                        "per-member votes are not used"
                    ),
                )
            )
            continue
        chosen_votes = o
        break
    if chosen_votes is not None:
        rec.votes = dict(chosen_votes.votes or {})
        rec.absence = dict(chosen_votes.absence)
        rec.votes_source = chosen_votes.prov.source
        t = _tally_of(chosen_votes)
        assert t is not None
        rec.yes, rec.no, rec.abstain, rec.not_voting = t
        rec.tally_source = chosen_votes.prov.source
        _votes_decide_the_tally(rec, conflicts, chosen_votes, t, tallied)
        return
    if official is not None:
        o, t = official
    elif tallied:
        o, t = tallied[0]
    else:
        return
    rec.yes, rec.no, rec.abstain, rec.not_voting = t
    rec.tally_source = o.prov.source
    stated = [(x, tx) for x, tx in tallied if x.votes is None]
    if len(stated) > 1 and o.votes is None:
        pairs = [(x, list(tx)) for x, tx in stated]
        if not all(_same_tally(t, tx) for _, tx in stated):
            _disagree(
                rec,
                conflicts,
                "tally",
                o,
                pairs,
                f"tallies differ; {o.prov.source.value} is believed first for tallies",
            )


def _votes_decide_the_tally(
    rec: Reconciled,
    conflicts: list[Conflict],
    chosen: DecisionObservation,
    counted: tuple[int, int, int, int | None],
    tallied: Sequence[tuple[DecisionObservation, tuple[int, int, int, int | None]]],
) -> None:
    """Record every stated tally the per-member votes contradict (both values kept).

    The meetings page gives resolution 282 (1970) 13-0-2, copied from 283; the
    voting data's member rows give 12-0-3 (France, the UK and the USA
    abstaining). Per-member votes, when used, decide the tally.
    """
    others = [(o, t) for o, t in tallied if o is not chosen and not _same_tally(counted, t)]
    if not others:
        return
    conflicts.append(
        Conflict(
            kind="source_disagreement",
            decision_key=rec.key,
            field="tally",
            chosen=json.dumps(list(counted)),
            chosen_source=chosen.prov.source.value,
            values=[
                {**_prov(chosen), "value": list(counted), "per_member": True},
                *({**_prov(o), "value": list(t)} for o, t in others),
            ],
            reason=(
                f"tallies differ; the per-member votes of {chosen.prov.source.value} add up to "
                f"{counted[0]}-{counted[1]}-{counted[2]} and decide the tally (a stated count can "
                "be copied from the wrong row; a member's vote names the member)"
            ),
        )
    )


def _adjudicate(rec: Reconciled, conflicts: list[Conflict]) -> None:
    date = rec.date
    assert date is not None
    if rec.modality in (Modality.WITHOUT_VOTE, Modality.CONSENSUS, Modality.ACCLAMATION) and (
        rec.yes is None
    ):
        rec.adjudication = "without_vote"
        rec.agrees = rec.recorded_outcome in (None, Outcome.ADOPTED)
        return
    try:
        if rec.votes is not None:
            ballot = Ballot(
                date=date,
                votes=rec.votes,
                kind=rec.kind,
                procedural=rec.procedural,
                absence=rec.absence,
            )
            rec.decision = adjudicate(ballot)
            rec.adjudication = "per_member"
        elif rec.yes is not None and rec.no is not None:
            permanent_no = rec.recorded_vetoed_by or ()
            rec.decision = adjudicate_tally(
                date,
                rec.yes,
                rec.no,
                rec.abstain or 0,
                rec.not_voting if rec.not_voting is not None else None,
                permanent_no=permanent_no if len(permanent_no) <= rec.no else (),
                procedural=rec.procedural,
                kind=rec.kind,
            )
            rec.adjudication = "tally"
        else:
            return
    except UnscError as exc:
        conflicts.append(
            Conflict(
                kind="not_adjudicable",
                decision_key=rec.key,
                field="tally",
                chosen=None,
                chosen_source=rec.tally_source.value if rec.tally_source else None,
                values=[_prov(o) for o in rec.observations],
                reason=f"the engine cannot decide this record: {exc}",
            )
        )
        rec.adjudication = "invalid"
        return
    if rec.recorded_outcome is None:
        return
    outcome = rec.decision.outcome.value
    rec.agrees = outcome == rec.recorded_outcome.value
    if not rec.agrees:
        known = known_errors().get((rec.key, "outcome")) or known_errors().get((rec.key, "tally"))
        reason = known[1] if known else None
        conflicts.append(
            Conflict(
                kind=_error_kind(known[0]) if known else "engine_disagreement",
                decision_key=rec.key,
                field="outcome",
                chosen=outcome,
                chosen_source="engine",
                values=[
                    {**_prov(o), "value": o.outcome.value if o.outcome else None}
                    for o in rec.observations
                ],
                reason=reason
                or (
                    f"the engine decides {outcome} on {rec.yes}-{rec.no}-{rec.abstain} "
                    f"(required {required_votes(date)}), the record says "
                    f"{rec.recorded_outcome.value}"
                ),
            )
        )


def _membership_conflicts(rows: list[MembershipObservation]) -> list[Conflict]:
    by_year: dict[int, list[MembershipObservation]] = defaultdict(list)
    for r in rows:
        by_year[r.year].append(r)
    out: list[Conflict] = []
    for year, group in sorted(by_year.items()):
        day = dt.date(year, 7, 1)
        try:
            ours = set(council(day).codes)
        except UnscError:
            continue
        theirs = {r.code for r in group if r.code}
        blanks = [r for r in group if not r.code]
        missing = sorted(ours - theirs)
        for r in blanks:
            chosen = missing[0] if len(blanks) == 1 and len(missing) == 1 else None
            out.append(
                Conflict(
                    kind="membership_blank_name",
                    decision_key=None,
                    field=f"membership:{year}",
                    chosen=chosen,
                    chosen_source="reference",
                    values=[{**_prov(r), "value": r.raw_name}],
                    reason=(
                        "the DPPA file leaves this member's name blank (names with non-ASCII "
                        "letters are lost); the reference data has "
                        + (chosen or ", ".join(missing))
                    ),
                )
            )
        extra = sorted(theirs - ours)
        if extra or (len(missing) != len(blanks)):
            out.append(
                Conflict(
                    kind="membership_disagreement",
                    decision_key=None,
                    field=f"membership:{year}",
                    chosen=",".join(sorted(ours)),
                    chosen_source="reference",
                    values=[{**_prov(r), "value": r.code or r.raw_name} for r in group],
                    reason=f"DPPA lists {extra} not in the reference Council of {year}",
                )
            )
    return out
