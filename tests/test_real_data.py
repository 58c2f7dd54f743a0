"""unsc against the real data in ``../shared/data`` (see ``../shared/data/MANIFEST.md``).

* The Council on 1 January, 1 July and 31 December of every year 1946-2027 is
  the DPPA membership list of that year.
* Every vote event in the three per-member vote files is checked three ways:
  ``members`` - the members with a recorded position are exactly the Council on
  that date, each once (rows repeating a member's same position are dropped);
  ``outcome`` - the engine's verdict is the recorded outcome; ``tally`` - the
  source's own totals match its member rows (where it has totals).
* Every event that fails a check is listed in ``known_source_errors.csv`` under a
  kind that names exactly the checks it fails; a listed event that no longer fails
  them is stale and fails the test too. Rows of kind ``procedural_decision`` are
  annotations: the event is adjudicated as procedural and must then agree.

Run ``pytest tests/test_real_data.py -q -rP`` to see the counts printed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

import unsc

if str(HERE := Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(HERE))  # realdata.py sits next to this file; tests/ is no package
import realdata

pytestmark = pytest.mark.realdata

CHECKS = ("members", "outcome", "tally")

KINDS: Mapping[str, tuple[frozenset[str], str]] = {
    "procedural_decision": (frozenset(), "annotation: a procedural vote, no veto applies"),
    "not_voting_unrecorded": (
        frozenset({"members"}),
        "a member was absent or did not participate; the file has no row for that",
    ),
    "missing_rows": (frozenset({"members"}), "member rows missing; the outcome still agrees"),
    "missing_vote": (
        frozenset({"members", "tally"}),
        "a member's vote is missing from the lists but counted in the totals",
    ),
    "duplicate_member_rows": (
        frozenset({"members"}),
        "a member has two rows with different votes (the first is kept)",
    ),
    "mislabelled_member": (frozenset({"members"}), "a member's row carries another name"),
    "corrupted_members": (
        frozenset({"members"}),
        "the rows name another Council's members; the outcome still agrees",
    ),
    "corrupted_votes": (
        frozenset({"outcome"}),
        "the members are right but the votes contradict the official tally",
    ),
    "corrupted_rows": (
        frozenset({"members", "outcome"}),
        "another Council's members and votes that contradict the official tally",
    ),
    "truncated_block": (
        frozenset({"members", "outcome"}),
        "most member rows are missing, so the outcome cannot be reproduced",
    ),
    "outcome_mislabelled": (
        frozenset({"outcome"}),
        "the votes are right but the outcome label is wrong",
    ),
    "spurious_row": (
        frozenset({"outcome"}),
        "a second row for a draft carries votes from another vote",
    ),
}
"""The closed catalogue of ``kind_of_error`` values: (checks it fails, meaning)."""

FIRST_MEETING = dt.date(1946, 1, 17)
"""S/PV.1; there was no Council on 1 January 1946."""

_CITED_DHL_TALLY = re.compile(r"DHL (?:tally )?(\d+-\d+-\d+)")


@dataclass(frozen=True)
class Verdict:
    """What the checks found for one event."""

    event: realdata.VoteEvent
    date: dt.date
    swapped: bool
    problems: Mapping[str, str]
    decision: unsc.Decision | None
    exact_duplicates: int = 0


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder: skipped with a message when absent, required when CI=true."""
    return realdata.require_shared()


# --- the checks ---------------------------------------------------------------------


def _positions(event: realdata.VoteEvent) -> dict[str, str]:
    """Each member's first recorded position."""
    out: dict[str, str] = {}
    for vote in event.votes:
        out.setdefault(vote.code, vote.position)
    return out


def _member_problem(event: realdata.VoteEvent, date: dt.date) -> str | None:
    sitting = set(unsc.council(date).codes)
    seen: dict[str, set[str]] = {}
    for vote in event.votes:
        seen.setdefault(vote.code, set()).add(vote.position)
    parts = []
    if missing := sorted(sitting - seen.keys()):
        parts.append(f"no position for {', '.join(missing)}")
    if extra := sorted(seen.keys() - sitting):
        parts.append(f"rows for non-members {', '.join(extra)}")
    if conflicting := sorted(c for c, p in seen.items() if len(p) > 1):
        parts.append(f"conflicting rows for {', '.join(conflicting)}")
    return "; ".join(parts) or None


def _swapped(date: dt.date) -> dt.date | None:
    if date.day > 12 or date.day == date.month:
        return None
    return dt.date(date.year, date.day, date.month)


def _decide(event: realdata.VoteEvent, date: dt.date, procedural: bool) -> unsc.Decision:
    """The engine's verdict on an event.

    A full ballot in which members without a row did not vote; or, when the rows
    name states that were not on the Council, the counts.
    """
    sitting = unsc.council(date)
    positions = _positions(event)
    if positions.keys() <= set(sitting.codes):
        votes = {code: positions.get(code, "X") for code in sitting.codes}
        return unsc.adjudicate(unsc.build_ballot(date, votes, procedural=procedural))
    counts = Counter(positions.values())
    return unsc.adjudicate_tally(
        date,
        counts["Y"],
        counts["N"],
        counts["A"],
        permanent_no=[c for c in sitting.permanent if positions.get(c) == "N"],
        procedural=procedural,
    )


def _tally_problem(event: realdata.VoteEvent) -> str | None:
    if event.tally is None:
        return None
    counts = Counter(vote.position for vote in event.votes)
    yes, no, abstain, not_voting = event.tally
    rows = (counts["Y"], counts["N"], counts["A"], counts["X"])
    if (yes, no, abstain) == rows[:3] and not_voting in (None, rows[3]):
        return None
    return f"totals {yes}-{no}-{abstain} but the member rows give {rows[0]}-{rows[1]}-{rows[2]}"


def _verdict(event: realdata.VoteEvent, procedural: bool) -> Verdict:
    date, swapped = event.date, False
    problems: dict[str, str] = {}
    member_problem = _member_problem(event, date)
    other = _swapped(date)
    if member_problem and other and _member_problem(event, other) is None:
        date, swapped, member_problem = other, True, None
    if member_problem:
        problems["members"] = member_problem
    decision: unsc.Decision | None = None
    try:
        decision = _decide(event, date, procedural)
    except unsc.UnscError as exc:
        problems["outcome"] = f"cannot be adjudicated: {exc}"
    if decision is not None and decision.outcome is not event.outcome:
        counts = f"{decision.yes}-{decision.no}-{decision.abstain}"
        vetoes = f", vetoed by {', '.join(decision.vetoed_by)}" if decision.vetoed_by else ""
        problems["outcome"] = (
            f"recorded {event.outcome.value}, engine {decision.outcome.value} ({counts}{vetoes})"
        )
    if tally_problem := _tally_problem(event):
        problems["tally"] = tally_problem
    rows = Counter((vote.code, vote.position) for vote in event.votes)
    return Verdict(event, date, swapped, problems, decision, sum(n - 1 for n in rows.values()))


def _procedural(source: str) -> frozenset[str]:
    return frozenset(
        e.event_id
        for e in realdata.known_errors()
        if e.source == source and e.kind == "procedural_decision"
    )


@functools.cache
def verdicts(root: Path, source: str) -> Mapping[str, Verdict]:
    """Every event of ``source`` judged once per session, by event id."""
    procedural = _procedural(source)
    return {
        event.event_id: _verdict(event, event.event_id in procedural)
        for event in realdata.vote_events(root, source)
    }


def _listed(source: str, check: str) -> dict[str, realdata.KnownError]:
    return {
        e.event_id: e
        for e in realdata.known_errors()
        if e.source == source and e.kind in KINDS and check in KINDS[e.kind][0]
    }


# --- 1. Council membership against DPPA ---------------------------------------------


def test_dppa_lists_eleven_then_fifteen_members(shared: Path) -> None:
    years = realdata.dppa_membership(shared)
    assert sorted(years) == list(range(1946, 2028))
    sizes = {year: len(codes) for year, codes in years.items()}
    assert sizes == {year: 11 if year < 1966 else 15 for year in years}


@pytest.mark.parametrize("year", range(1946, 2028))
def test_council_is_the_dppa_membership(shared: Path, year: int) -> None:
    """1 January (17 January in 1946), 1 July and 31 December of ``year``."""
    for date in (
        max(dt.date(year, 1, 1), FIRST_MEETING),
        dt.date(year, 7, 1),
        dt.date(year, 12, 31),
    ):
        codes = set(unsc.council(date).codes)
        expected = realdata.dppa_members_on(shared, date)
        assert codes == expected, (
            f"{date}: unsc only {sorted(codes - expected)}, DPPA only {sorted(expected - codes)}"
        )


# --- 2-4. Vote events against the engine and the known source errors ----------------


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("source", realdata.SOURCES)
def test_disagreements_are_exactly_the_listed_ones(shared: Path, source: str, check: str) -> None:
    judged = verdicts(shared, source)
    failing = {i: v.problems[check] for i, v in judged.items() if check in v.problems}
    listed = _listed(source, check)
    unexplained = [
        f"{i} ({judged[i].event.date}): {p}" for i, p in failing.items() if i not in listed
    ]
    stale = [f"{i} ({e.kind}, line {e.line})" for i, e in listed.items() if i not in failing]
    print(f"{source} / {check}: {len(judged)} events, {len(failing)} disagree, all listed")
    report = []
    if unexplained:
        report.append(
            f"{len(unexplained)} events fail the {check} check but are not in "
            "known_source_errors.csv under a kind that says so:"
        )
        report += unexplained
    if stale:
        report.append(
            f"{len(stale)} rows of known_source_errors.csv expect the {check} check "
            "to fail, but it passes (stale rows, or the wrong kind):"
        )
        report += stale
    assert not report, f"{source}:\n" + "\n".join(report)


def test_known_errors_file_is_well_formed(shared: Path) -> None:
    rows = realdata.known_errors()
    assert rows, "known_source_errors.csv is empty"
    problems = []
    keys = Counter((e.source, e.event_id) for e in rows)
    reasons = Counter(e.reason for e in rows)
    events = {
        source: {e.event_id: e for e in realdata.vote_events(shared, source)}
        for source in realdata.SOURCES
    }
    for e in rows:
        where = f"line {e.line} ({e.source} {e.event_id})"
        event = events.get(e.source, {}).get(e.event_id)
        if event is None:
            problems.append(f"{where}: no such source event")
            continue
        if e.kind not in KINDS:
            problems.append(f"{where}: unknown kind_of_error {e.kind!r}")
        if keys[(e.source, e.event_id)] > 1:
            problems.append(f"{where}: the event is listed more than once")
        if not e.reason.strip() or reasons[e.reason] > 1:
            problems.append(f"{where}: each row needs its own specific reason")
        if (e.date, e.draft) != (event.date.isoformat(), event.draft):
            problems.append(f"{where}: the source has {event.date} {event.draft!r}")
    assert not problems, "\n".join(problems)


def test_cited_dhl_tallies_are_in_the_dhl_tables(shared: Path) -> None:
    """A reason that cites "DHL tally a-b-c" must match the DHL meeting's outcome cell."""
    meetings = realdata.dhl_meetings(shared)
    cited = 0
    problems = []
    for e in realdata.known_errors():
        events = {v.event_id: v for v in realdata.vote_events(shared, e.source)}
        for tally in _CITED_DHL_TALLY.findall(e.reason):
            cited += 1
            event = events.get(e.event_id)
            meeting = meetings.get(event.meeting) if event and event.meeting else None
            if meeting is None:
                problems.append(f"line {e.line}: no DHL meeting to check {tally} against")
            elif tally not in meeting.tallies:
                problems.append(
                    f"line {e.line}: S/PV.{meeting.number} has {meeting.tallies}, not {tally}"
                )
    print(f"{cited} DHL tallies cited in known_source_errors.csv, all verified")
    assert not problems, "\n".join(problems)


def test_procedural_annotations_decide_the_outcome(shared: Path) -> None:
    """Res 157 (1960) and res 2623 (2022), Uniting for Peace: adopted over a negative vote."""
    annotated = [e for e in realdata.known_errors() if e.kind == "procedural_decision"]
    assert {(e.source, e.draft) for e in annotated} >= {
        (realdata.DHL_EXCERPT, "S/4523"),
        (realdata.SC_VOTES, "S/2022/160"),
    }
    for e in annotated:
        verdict = verdicts(shared, e.source)[e.event_id]
        assert verdict.decision is not None
        assert verdict.decision.procedural
        assert verdict.decision.outcome is unsc.Outcome.ADOPTED
        as_substantive = _decide(verdict.event, verdict.date, procedural=False)
        assert as_substantive.outcome is unsc.Outcome.VETOED, e


def test_res_157_is_a_procedural_vote_over_the_ussr(shared: Path) -> None:
    (event,) = [e for e in realdata.dhl_voting_excerpt(shared) if "157" in e.resolution]
    decision = verdicts(shared, realdata.DHL_EXCERPT)[event.event_id].decision
    assert decision is not None
    assert (decision.yes, decision.no, decision.abstain) == (8, 2, 1)
    assert decision.outcome is unsc.Outcome.ADOPTED
    assert unsc.ReasonCode.PROCEDURAL_NO_VETO in decision.codes
    assert _decide(event, event.date, procedural=False).vetoed_by == ("SUN",)


# --- 5. The founding story ----------------------------------------------------------


def test_founding_story_s_2017_884(shared: Path) -> None:
    """24 Oct 2017: the JIM renewal, 11-2-2, vetoed by the Russian Federation; France presiding."""
    (event,) = [e for e in realdata.sc_votes_1994_2025(shared) if e.draft == "S/2017/884"]
    assert event.date == dt.date(2017, 10, 24)
    assert event.outcome is unsc.Outcome.VETOED
    decision = verdicts(shared, realdata.SC_VOTES)[event.event_id].decision
    assert decision is not None
    assert decision.outcome is unsc.Outcome.VETOED
    assert decision.vetoed_by == ("RUS",)
    assert decision.president == "FRA"
    assert (decision.yes, decision.no, decision.abstain) == (11, 2, 2)


# --- counts -------------------------------------------------------------------------


def test_counts(shared: Path) -> None:
    """Pin the size of each file and print what the checks found."""
    expected_events = {realdata.SC_VOTES: 1997, realdata.FAILED_DRAFTS: 53, realdata.DHL_EXCERPT: 4}
    kinds = Counter((e.source, e.kind) for e in realdata.known_errors())
    for source in realdata.SOURCES:
        judged = verdicts(shared, source)
        assert len(judged) == expected_events[source]
        clean = sum(not v.problems for v in judged.values())
        print(f"\n{source}: {len(judged)} events, {clean} agree on every check")
        for check in CHECKS:
            print(f"  {check}: {sum(check in v.problems for v in judged.values())} disagree")
        swapped = sum(v.swapped for v in judged.values())
        print(f"  dates accepted only with day and month swapped: {swapped}")
        dropped = sum(v.exact_duplicates for v in judged.values())
        print(f"  exact duplicate member rows dropped: {dropped}")
        for (src, kind), n in sorted(kinds.items()):
            if src == source:
                print(f"  listed {kind}: {n}")
    meetings = realdata.dhl_meetings(shared)
    dates = Counter[str]()
    for event in realdata.sc_votes_1994_2025(shared):
        meeting = meetings.get(event.meeting) if event.meeting else None
        if meeting is None:
            dates["no DHL meeting"] += 1
        elif meeting.date == event.date:
            dates["same date as DHL"] += 1
        elif meeting.date == _swapped(event.date):
            dates["DHL date is the day/month swap"] += 1
        else:
            dates["other date"] += 1
    # The Council's composition is constant within a calendar year from 1994 on, so a
    # swapped day and month never changes the members: the DHL meeting dates show them.
    print(f"\n{realdata.SC_VOTES} dates against DHL meeting dates: {dict(dates)}")
