"""Importer for the hand-coded votes on failed drafts (``cleaned_data_unsc.csv``).

One row per vote on a draft, paragraph or amendment that was not adopted
(``emilytong123/unsc_for_us``; ``shared/data/MANIFEST.md`` §4). The vote lists
are Python-list strings (read with :func:`ast.literal_eval`); the tuple column
``For,Abstain,Against`` is in the order its name says, not yes-no-abstain.

The file gives the year only: ``date`` is 1 January of that year, flagged
``date_year_only`` (reconciliation matches by meeting and draft instead).

Flags raised:

``date_year_only``
    Every row (see above).
``name_era_corrected``
    "Russian Federation" in a list before 24 Dec 1991, read as the USSR (SUN).
``tuple_disagrees``
    The ``For,Abstain,Against`` counts differ from the lengths of the lists
    (386th meeting, 1948); the counts are kept as stated.
``votes_fewer_than_members``
    Members listed in ``Members`` with no vote in any list (they are left out
    of ``votes``).
``voter_not_in_members``
    A voter not listed in ``Members``.
``suspect_label``
    A sponsor did not vote for its own draft: the row is probably another
    vote under the wrong label (the second S/2017/962 row, 3-5-7).
``veto_inferred``
    No "Negative vote" note, but the required majority voted yes and a
    permanent member voted against: recorded as vetoed.
``votes_contradict_outcome``
    A "Negative vote" note without a permanent member's vote against, or
    without the required majority.
"""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from unsc._engine import Kind, Outcome, Position
from unsc._reference.council import required_votes
from unsc._reference.states import same_state
from unsc._sources.csv_reader import (
    LAST_DAY,
    PERMANENT_CODES,
    Remarks,
    Row,
    fold_table,
    folded,
    header_matches,
    is_csv,
    leading_symbol,
    member_code,
    seat_code_on,
    try_member_code,
)
from unsc._sources.csv_reader import read_rows as _read_rows
from unsc._sources.model import DecisionObservation, Modality, Provenance, Source

HEADER = (
    "Meeting Number",
    "Voting On",
    "Year",
    "Submitted By",
    "In Favor",
    "Abstain",
    "Against",
    "Note",
    "For,Abstain,Against",
    "Members",
    "Joint Submission",
    "Lone/None/Multiple For",
    "Lone/None/Multiple Abstain",
    "Lone/None/Multiple Against",
    "Meeting Number: Voting On",
)

_LISTS = (("In Favor", Position.YES), ("Abstain", Position.ABSTAIN), ("Against", Position.NO))

# This file's own spellings.
_SPELLINGS = fold_table({"Ukranian Soviet Socialist Republic": "UKR"})


def looks_like(path: Path) -> bool:
    """Whether ``path`` is the hand-coded failed-drafts CSV (by name and header)."""
    return is_csv(path) and header_matches(path, HEADER)


def _names(row: Row, column: str) -> list[str]:
    text = row.raw(column).strip()
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        raise row.error(column, f"{text[:60]!r} is not a list like ['France', 'China']") from None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise row.error(column, f"{text[:60]!r} is not a list of names")
    return [v.strip() for v in value]


def _counts(row: Row) -> tuple[int, int, int]:
    column = "For,Abstain,Against"
    text = row.text(column)
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        value = None
    if (
        not isinstance(value, tuple)
        or len(value) != 3
        or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
    ):
        raise row.error(column, f"{text!r} is not a count tuple like (11, 2, 2)")
    return value[0], value[1], value[2]


def _code(row: Row, column: str, name: str, date: dt.date, remarks: Remarks) -> str:
    code = member_code(row, column, name, _SPELLINGS)
    era = seat_code_on(code, date)
    if era != code and era == "SUN":
        remarks.add(
            "name_era_corrected",
            f"{name!r} in {date.year} read as the USSR (SUN): the Russian Federation "
            "continued the USSR's seat only from 24 Dec 1991",
        )
    elif era != code:
        remarks.add(
            "name_era_corrected",
            f"{name!r} in {date.year} read as {era}, the UN Library's code of the day "
            "(unsc/_reference/data/library_codes.csv)",
        )
    return era


def _observation(row: Row) -> DecisionObservation:
    remarks = Remarks()
    meeting = row.integer("Meeting Number")
    year = row.integer("Year")
    if not 1946 <= year <= LAST_DAY.year:
        raise row.error("Year", f"{year} is not a year of the Council (1946-{LAST_DAY.year})")
    date = dt.date(year, 1, 1)
    remarks.add(
        "date_year_only",
        f"the file gives the year only; date set to {date.isoformat()} "
        f"(match by meeting S/PV.{meeting} and draft)",
    )
    voting_on = row.required("Voting On")
    draft, rest = leading_symbol(voting_on)
    kind = Kind.DRAFT_RESOLUTION
    if draft is None:
        remarks.note(f"Voting On {voting_on!r} names no document symbol")
    elif rest:
        remarks.note(f"vote on {rest.lower()} of {draft}")
        if "paragraph" in folded(rest):
            kind = Kind.OTHER
        elif "amendment" in folded(rest):
            kind = Kind.AMENDMENT

    votes: dict[str, Position] = {}
    for column, position in _LISTS:
        for name in _names(row, column):
            code = _code(row, column, name, date, remarks)
            if code in votes:
                raise row.error(column, f"{name!r} ({code}) appears in two vote lists")
            votes[code] = position
    members = {_code(row, "Members", n, date, remarks) for n in _names(row, "Members")}
    # The date is the year only: a state that changed code within the year
    # (Democratic Yemen, YMD, became Yemen, YEM, on 22 May 1990) may be listed
    # under each code; the code it voted under is kept.
    for code in sorted(members - set(votes)):
        voted = sorted((same_state(code) - {code}) & (set(votes) - members))
        if len(voted) == 1:
            members = (members - {code}) | {voted[0]}
    listed = (
        sum(p is Position.YES for p in votes.values()),
        sum(p is Position.ABSTAIN for p in votes.values()),
        sum(p is Position.NO for p in votes.values()),
    )
    yes, abstain, no = _counts(row)
    if (yes, abstain, no) != listed:
        remarks.add(
            "tuple_disagrees",
            f"For,Abstain,Against says {(yes, abstain, no)} but the lists hold {listed}; "
            "the stated counts are kept",
        )
    outsiders = sorted(set(votes) - members)
    if outsiders:
        remarks.add("voter_not_in_members", f"{', '.join(outsiders)} voted but not in Members")
    silent = sorted(members - set(votes))
    if silent:
        remarks.add(
            "votes_fewer_than_members",
            f"{len(votes)} votes for {len(members)} members: "
            f"no vote listed for {', '.join(silent)}",
        )

    sponsors: list[str] = []
    unresolved: list[str] = []
    for name in _names(row, "Submitted By"):
        sponsor = try_member_code(name, _SPELLINGS)
        if sponsor is None:
            unresolved.append(name)
        elif seat_code_on(sponsor, date) not in sponsors:
            sponsors.append(seat_code_on(sponsor, date))
    if unresolved:
        remarks.note(
            "sponsors without a member code in unsc's reference data: " + ", ".join(unresolved)
        )
    against = [s for s in sponsors if s in votes and votes[s] is not Position.YES]
    if against:
        remarks.add(
            "suspect_label",
            f"sponsor {', '.join(against)} did not vote for its own draft: this row is probably "
            f"another vote filed under {voting_on!r}",
        )

    note = row.text("Note")
    permanent_no = tuple(
        sorted(c for c, p in votes.items() if c in PERMANENT_CODES and p is Position.NO)
    )
    enough = listed[0] >= required_votes(date)
    vetoed_by: tuple[str, ...] | None = None
    if "negative vote" in folded(note) or "veto" in folded(note):
        outcome = Outcome.VETOED
        vetoed_by = permanent_no
        if not permanent_no or not enough:
            remarks.add(
                "votes_contradict_outcome",
                f"Note {note!r}, but the lists give {listed[0]} yes votes and no votes by "
                f"permanent members {', '.join(permanent_no) or 'none'}",
            )
    elif enough and permanent_no and "suspect_label" not in remarks.flags:
        outcome = Outcome.VETOED
        vetoed_by = permanent_no
        remarks.add(
            "veto_inferred",
            f"no note, but {listed[0]} yes votes and a vote against by {', '.join(permanent_no)}: "
            "not adopted owing to the negative vote of a permanent member",
        )
    else:
        outcome = Outcome.FAILED
    if row.text("Joint Submission") not in {"True", "False"}:
        raise row.error("Joint Submission", f"{row.text('Joint Submission')!r} is not True/False")
    return DecisionObservation(
        prov=Provenance(Source.FAILED_DRAFTS, row.file, row.line),
        date=date,
        kind=kind,
        meeting=f"S/PV.{meeting}",
        draft=draft,
        outcome=outcome,
        modality=Modality.VOTE,
        yes=yes,
        no=no,
        abstain=abstain,
        vetoed_by=vetoed_by,
        votes=votes,
        sponsors=tuple(sponsors),
        raw_outcome=note or None,
        flags=tuple(remarks.flags),
        notes=tuple(remarks.notes),
    )


def parse(path: Path, *, name: str) -> Iterator[DecisionObservation]:
    """Yield one observation per row (one failed vote), in file order.

    ``name`` is the file's name as the caller shows it (used in provenance and errors).
    """
    for row in _read_rows(path, name=name, header=HEADER):
        yield _observation(row)
