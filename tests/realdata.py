"""Readers for the shared real-data files that the ``realdata`` tests check unsc against.

The files live outside the repository, in ``<repo>/../shared/data`` (override the
folder with ``UNSC_SHARED_DIR``); ``../shared/data/MANIFEST.md`` describes each one
and its quirks. Every reader parses its file once per session (``functools.cache``),
normalises the documented quirks in the small tables below, and stops at the first
malformed row with the file, line and field.

What the readers normalise, and what they deliberately leave alone:

* names to UN Library codes: :func:`unsc.resolve_member`, plus :data:`SOURCE_SPELLINGS`
  for spellings that only these files use;
* the USSR written "Russian Federation" in the failed-drafts vote lists before 1992;
* the DPPA file's blank names (:data:`DPPA_BLANK_NAMES`) and its calendar-year
  granularity (:data:`DPPA_MID_YEAR_CHANGES`);
* the failed-drafts file's ``(For, Abstain, Against)`` tuple, turned into
  ``(yes, no, abstain)``;
* NOT the 1994-2025 file's swapped days and months, duplicate rows or corrupted
  blocks: the tests decide about those, and ``known_source_errors.csv`` explains them.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import functools
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pytest

import unsc

SHARED_ENV: Final = "UNSC_SHARED_DIR"
"""Environment variable naming the shared folder (the one holding ``data/``)."""

SC_VOTES: Final = "sc-votes-1994-2025"
FAILED_DRAFTS: Final = "failed-drafts-unsc-for-us"
DHL_EXCERPT: Final = "dhl-sc-voting-excerpt"
SOURCES: Final = (SC_VOTES, FAILED_DRAFTS, DHL_EXCERPT)
"""The per-member vote files, by their folder names (the ``source`` column of the known errors)."""

KNOWN_ERRORS: Final = Path(unsc.__file__).parent / "_reference" / "data" / "known_source_errors.csv"
"""The one sourced table of known source errors, shared with the record (``_reference/data``)."""
KNOWN_ERRORS_HEADER: Final = (
    "source",
    "event_id",
    "date",
    "draft",
    "key",
    "field",
    "kind_of_error",
    "status",
    "reason",
)

SOURCE_SPELLINGS: Final[Mapping[str, str]] = {
    # DPPA-SCMembership keeps historic names in forms no other source uses.
    "German DR (German Democratic Republic)": "DDR",
    "German FR (German Federal Republic)": "GER",
    "USSR (Union of Soviet Socialist Republics)": "SUN",
    "Ukrainian SSR (Ukrainian Soviet Socialist Republic)": "UKR",
}
"""Spellings found only in the shared files, mapped to UN Library codes."""

RUSSIA_CONTINUES_USSR: Final = dt.date(1991, 12, 24)
"""The Russian Federation's letter continuing the USSR's membership (rules.md 1.4)."""

DPPA_BLANK_NAMES: Final[Mapping[int, str]] = {
    # Rows whose name has a non-ASCII letter are blank (MANIFEST 5; rules.md 7):
    # Türkiye, Côte d'Ivoire, and (2026-2027 rows) the Democratic Republic of the Congo.
    **dict.fromkeys((1951, 1952, 1954, 1955, 1961, 2009, 2010), "TUR"),
    **dict.fromkeys((1964, 1965, 1990, 1991, 2018, 2019), "CIV"),
    **dict.fromkeys((2026, 2027), "COD"),
}
"""The code behind the one blank DPPA name of each of these years."""

DPPA_MID_YEAR_CHANGES: Final = ((RUSSIA_CONTINUES_USSR, "SUN", "RUS"),)
"""(date, old, new): seat changes inside a year, which a yearly list cannot show.

DPPA lists the USSR for all of 1991 and the Russian Federation from 1992.
"""

DPPA_BACK_PROJECTED: Final = ((dt.date(1990, 5, 22), "YMD", "YEM"),)
"""(date, old, new): DPPA gives the later code for the whole year.

DPPA lists "Yemen" for all of 1990; Democratic Yemen (YMD, the UN Library's
code) held the seat until the unification of 22 May 1990.
"""

LATE_MEETING_DATES: Final[Mapping[int, dt.date]] = {
    # Meetings after the DHL tables stop (30 Jun 2022):
    9087: dt.date(2022, 7, 8),  # WPDL veto list: S/2022/538 vetoed at S/PV.9087 on 7/8/2022
    9180: dt.date(2022, 11, 2),  # UN press release SC/15095 (9180th meeting, 2 Nov 2022)
}
"""Dates of meetings named in the failed-drafts file that the DHL tables do not cover."""

_SC_VOTE_POSITIONS: Final = {"Yes": "Y", "No": "N", "Abstain": "A"}
_SC_VOTE_OUTCOMES: Final = {
    "Adopted unanimously": "adopted",
    "Adopted by majority": "adopted",
    "Adopted by consensus": "adopted",
    "Adopted by acclamation": "adopted",
    "Not adopted - veto": "vetoed",
    "Not adopted - failed to receive required number of votes": "failed",
}
_MEETING = re.compile(r"(?:S/)?(?:PV\.?)?(\d+)")
_DHL_MEETING = re.compile(r"S/PV\.(\d+)")
_TALLY = re.compile(r"(\d+)-(\d+)-(\d+)")


class SourceFormatError(ValueError):
    """A shared file does not have the shape its reader expects."""

    def __init__(self, path: Path, line: int, field: str, problem: str) -> None:
        super().__init__(f"{path}, line {line}, field {field!r}: {problem}")


@dataclass(frozen=True, slots=True)
class MemberVote:
    """One member's recorded position: ``Y``, ``N``, ``A`` or ``X`` (did not vote)."""

    code: str
    position: str


@dataclass(frozen=True, slots=True)
class VoteEvent:
    """One vote as a source records it, with every member row in file order.

    ``votes`` keeps duplicate rows; ``tally`` is the source's own count as
    ``(yes, no, abstain, not_voting)`` where it has one (``not_voting`` may be
    ``None``); ``meeting`` is the S/PV number when there is one.
    """

    source: str
    event_id: str
    date: dt.date
    draft: str
    resolution: str
    meeting: int | None
    outcome: unsc.Outcome
    votes: tuple[MemberVote, ...]
    tally: tuple[int, int, int, int | None] | None


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting in the DHL "meetings conducted" tables: first date and outcome cells."""

    number: int
    date: dt.date
    outcomes: tuple[str, ...]

    @property
    def tallies(self) -> tuple[str, ...]:
        """Every ``a-b-c`` tally in the meeting's outcome cells, in order."""
        return tuple(m.group(0) for text in self.outcomes for m in _TALLY.finditer(text))


@dataclass(frozen=True, slots=True)
class KnownError:
    """One row of ``known_source_errors.csv``."""

    source: str
    event_id: str
    date: str
    draft: str
    kind: str
    reason: str
    line: int


def shared_dir() -> Path:
    """``$UNSC_SHARED_DIR``, else ``<repo>/../shared`` (repo = the parent of ``tests/``)."""
    override = os.environ.get(SHARED_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent.parent / "shared"


def require_shared() -> Path:
    """The shared folder; skip the calling test when it is absent (fail when ``CI=true``)."""
    root = shared_dir()
    if (root / "data").is_dir():
        return root
    message = (
        f"real-data tests need the shared data folder: {root / 'data'} does not exist "
        f"(set {SHARED_ENV} to the folder that holds data/)"
    )
    if os.environ.get("CI", "").strip().lower() in {"true", "1"}:
        pytest.fail(f"{message}; CI=true requires it")
    pytest.skip(message)


def clean(text: str) -> str:
    r"""Collapse whitespace (non-breaking spaces included).

    >>> clean("\xa0S/2019/387\xa0 as  revised")
    'S/2019/387 as revised'
    """
    return " ".join(text.split())


def parse_meeting(text: str) -> int | None:
    """The S/PV number in ``3326``, ``S/PV.8980``, ``PV.8890`` or ``S/PV9999``; else ``None``.

    >>> parse_meeting("S/PV.8980"), parse_meeting("V131"), parse_meeting("")
    (8980, None, None)
    """
    match = _MEETING.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def required_votes(date: dt.date) -> int:
    """Affirmative votes needed by the Charter: 7 of 11 before 1966, 9 of 15 after.

    Written out here rather than taken from :func:`unsc.required_votes`: it derives
    a source's *recorded* outcome, which must not depend on the code under test.
    """
    return 7 if date < dt.date(1966, 1, 1) else 9


def member_code(name: str) -> str:
    """The UN Library code for a name or code written in one of the shared files."""
    return SOURCE_SPELLINGS.get(name.strip()) or unsc.resolve_member(name)


def _rows(path: Path, header: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) for each data row, after checking the header.

    ``line`` is the row's first line in the file (the header is line 1).
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in header if f not in (reader.fieldnames or ())]
        if missing:
            raise SourceFormatError(path, 1, missing[0], "missing column")
        start = reader.line_num + 1
        for row in reader:
            if None in row or None in row.values():
                raise SourceFormatError(path, start, "*", "wrong number of fields")
            yield start, row
            start = reader.line_num + 1


def _code(path: Path, line: int, field: str, name: str) -> str:
    try:
        return member_code(name)
    except unsc.UnknownMemberError:
        raise SourceFormatError(path, line, field, f"unknown member {name!r}") from None


def _date(path: Path, line: int, field: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise SourceFormatError(path, line, field, f"bad date {text!r}") from None


def _int(path: Path, line: int, field: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise SourceFormatError(path, line, field, f"not a number: {text!r}") from None


def _pick(path: Path, line: int, field: str, value: str, table: Mapping[str, str]) -> str:
    try:
        return table[value]
    except KeyError:
        raise SourceFormatError(path, line, field, f"unexpected value {value!r}") from None


# --- DPPA Council membership by year -------------------------------------------------


@functools.cache
def dppa_membership(root: Path) -> Mapping[int, frozenset[str]]:
    """Member codes per year 1946-2027 from both DPPA files."""
    folder = root / "data" / "dppa-sc-membership"
    years: dict[int, set[str]] = {}
    for name in ("DPPA-SCMEMBERSHIP.csv", "DPPA-SCMembership_2025-2027_rows.csv"):
        path = folder / name
        for line, row in _rows(path, ("id", "year", "security_council_member")):
            year = _int(path, line, "year", row["year"])
            member = row["security_council_member"].strip()
            if member:
                code = _code(path, line, "security_council_member", member)
            elif year in DPPA_BLANK_NAMES:
                code = DPPA_BLANK_NAMES[year]
            else:
                raise SourceFormatError(path, line, "security_council_member", "blank name")
            codes = years.setdefault(year, set())
            if code in codes:
                raise SourceFormatError(path, line, "security_council_member", f"{code} twice")
            codes.add(code)
    return {year: frozenset(codes) for year, codes in sorted(years.items())}


def dppa_members_on(root: Path, date: dt.date) -> frozenset[str]:
    """DPPA's members for ``date``'s year, with :data:`DPPA_MID_YEAR_CHANGES` applied."""
    codes = set(dppa_membership(root)[date.year])
    for when, old, new in DPPA_MID_YEAR_CHANGES:
        if when.year == date.year and date >= when and old in codes:
            codes = (codes - {old}) | {new}
    for when, old, new in DPPA_BACK_PROJECTED:
        if when.year == date.year and date < when and new in codes:
            codes = (codes - {new}) | {old}
    return frozenset(codes)


# --- DHL "Meetings conducted" tables ---------------------------------------------------


@functools.cache
def dhl_meetings(root: Path) -> Mapping[int, Meeting]:
    """Meetings 1946 - Jun 2022 by S/PV number (resumptions and closed parts merged)."""
    path = root / "data" / "dhl-meetings-outcomes" / "sc_meetings_outcomes_1946_2022.csv"
    dates: dict[int, dt.date] = {}
    outcomes: dict[int, list[str]] = {}
    for line, row in _rows(path, ("meeting_record_ffill", "date", "outcome_text")):
        record = _DHL_MEETING.match(row["meeting_record_ffill"])
        if record is None:
            continue  # "--": the 2020 videoconference rows
        number = int(record.group(1))
        date = _date(path, line, "date", row["date"])
        dates[number] = min(date, dates.get(number, date))
        outcomes.setdefault(number, []).append(row["outcome_text"])
    return {n: Meeting(n, dates[n], tuple(outcomes[n])) for n in sorted(dates)}


def meeting_date(root: Path, number: int) -> dt.date | None:
    """The first date of meeting ``number``, from the DHL tables or :data:`LATE_MEETING_DATES`."""
    meeting = dhl_meetings(root).get(number)
    return meeting.date if meeting else LATE_MEETING_DATES.get(number)


# --- Per-member vote files ------------------------------------------------------------


@functools.cache
def sc_votes_1994_2025(root: Path) -> tuple[VoteEvent, ...]:
    """``sc-votes-1994-2025/sc_voting.csv``: one event per ``ID``, rows in file order.

    Dates are as stated (days and months are swapped in many events); duplicate
    ``(ID, member)`` rows are kept for the tests to judge.
    """
    path = root / "data" / SC_VOTES / "sc_voting.csv"
    fields = ("ID", "Date,", "Resolution", "Meeting", "Draft", "Outcome results", "Vote")
    blocks: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in _rows(path, (*fields, "Member State")):
        blocks.setdefault(row["ID"].strip(), []).append((line, row))
    events = []
    for event_id, rows in blocks.items():
        first_line, first = rows[0]
        for line, row in rows[1:]:
            for field in fields[1:6]:
                if row[field] != first[field]:
                    raise SourceFormatError(path, line, field, f"differs within ID {event_id}")
        date = _date(path, first_line, "Date,", first["Date,"])
        votes = tuple(
            MemberVote(
                _code(path, line, "Member State", row["Member State"]),
                _pick(path, line, "Vote", row["Vote"], _SC_VOTE_POSITIONS),
            )
            for line, row in rows
        )
        events.append(
            VoteEvent(
                source=SC_VOTES,
                event_id=event_id,
                date=date,
                draft=clean(first["Draft"]),
                resolution=clean(first["Resolution"]),
                meeting=parse_meeting(first["Meeting"]),
                outcome=unsc.Outcome(
                    _pick(
                        path,
                        first_line,
                        "Outcome results",
                        first["Outcome results"].strip(),
                        _SC_VOTE_OUTCOMES,
                    )
                ),
                votes=votes,
                tally=None,
            )
        )
    return tuple(events)


def _name_list(path: Path, line: int, field: str, text: str) -> list[str]:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        value = None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceFormatError(path, line, field, f"not a list of names: {text!r}")
    return [str(v) for v in value]


def _note_outcome(note: str) -> unsc.Outcome | None:
    lowered = note.lower()
    if "negative vote" in lowered:
        return unsc.Outcome.VETOED
    if "need majority" in lowered:
        return unsc.Outcome.FAILED
    return None


@functools.cache
def failed_drafts(root: Path) -> tuple[VoteEvent, ...]:
    """``failed-drafts-unsc-for-us/cleaned_data_unsc.csv``: one event per row.

    ``event_id`` is the CSV line number. The date is the meeting's (DHL tables).
    The recorded outcome belongs to the draft: ``vetoed`` when a Note on any row
    for the same meeting and draft says "negative vote", ``failed`` when it says
    "need majority"; otherwise, as every row is a draft that was not adopted, it
    is ``vetoed`` if the tuple's For count reached the required majority (only a
    permanent member's negative vote can then have defeated it), else ``failed``.
    """
    path = root / "data" / FAILED_DRAFTS / "cleaned_data_unsc.csv"
    tuple_field = "For,Abstain,Against"
    header = ("Meeting Number", "Voting On", "In Favor", "Abstain", "Against", "Note", tuple_field)
    rows = list(_rows(path, header))
    notes: dict[tuple[str, str], unsc.Outcome] = {}
    for _, row in rows:
        noted = _note_outcome(row["Note"])
        if noted is not None:
            notes.setdefault((row["Meeting Number"].strip(), clean(row["Voting On"])), noted)
    events = []
    for line, row in rows:
        number = _int(path, line, "Meeting Number", row["Meeting Number"].strip())
        date = meeting_date(root, number)
        if date is None:
            raise SourceFormatError(path, line, "Meeting Number", f"no date for S/PV.{number}")
        votes = []
        for field, position in (("In Favor", "Y"), ("Abstain", "A"), ("Against", "N")):
            for name in _name_list(path, line, field, row[field]):
                code = _code(path, line, field, name)
                if code == "RUS" and date < RUSSIA_CONTINUES_USSR:
                    code = "SUN"  # the vote lists call the USSR "Russian Federation"
                votes.append(MemberVote(code, position))
        counts = [
            _int(path, line, tuple_field, n) for n in row[tuple_field].strip("() ").split(",")
        ]
        if len(counts) != 3:
            raise SourceFormatError(path, line, tuple_field, "expected (For, Abstain, Against)")
        yes, abstain, no = counts
        draft = clean(row["Voting On"])
        outcome = notes.get((row["Meeting Number"].strip(), draft))
        if outcome is None:
            enough = yes >= required_votes(date)
            outcome = unsc.Outcome.VETOED if enough else unsc.Outcome.FAILED
        events.append(
            VoteEvent(
                source=FAILED_DRAFTS,
                event_id=str(line),
                date=date,
                draft=draft,
                resolution="",
                meeting=number,
                outcome=outcome,
                votes=tuple(votes),
                tally=(yes, no, abstain, None),
            )
        )
    return tuple(events)


@functools.cache
def dhl_voting_excerpt(root: Path) -> tuple[VoteEvent, ...]:
    """``dhl-sc-voting-excerpt``: one event per ``undl_id``, all adopted resolutions."""
    path = root / "data" / DHL_EXCERPT / "sc_voting_2026_02_06_EXCERPT.csv"
    totals = ("total_yes", "total_no", "total_abstentions", "total_non_voting")
    header = ("undl_id", "ms_code", "ms_vote", "date", "resolution", "draft", "meeting", *totals)
    blocks: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, row in _rows(path, header):
        blocks.setdefault(row["undl_id"].strip(), []).append((line, row))
    events = []
    for event_id, rows in blocks.items():
        first_line, first = rows[0]
        votes = tuple(
            MemberVote(
                _code(path, line, "ms_code", row["ms_code"]),
                _pick(path, line, "ms_vote", row["ms_vote"].strip(), {p: p for p in "YNAX"}),
            )
            for line, row in rows
        )
        yes, no, abstain, not_voting = (_int(path, first_line, f, first[f]) for f in totals)
        events.append(
            VoteEvent(
                source=DHL_EXCERPT,
                event_id=event_id,
                date=_date(path, first_line, "date", first["date"]),
                draft=clean(first["draft"]),
                resolution=clean(first["resolution"]),
                meeting=parse_meeting(first["meeting"]),
                outcome=unsc.Outcome.ADOPTED,
                votes=votes,
                tally=(yes, no, abstain, not_voting),
            )
        )
    return tuple(events)


def vote_events(root: Path, source: str) -> tuple[VoteEvent, ...]:
    """The events of one per-member vote file, by its folder name."""
    readers = {
        SC_VOTES: sc_votes_1994_2025,
        FAILED_DRAFTS: failed_drafts,
        DHL_EXCERPT: dhl_voting_excerpt,
    }
    return readers[source](root)


# --- The reviewed list of known source errors ----------------------------------------


@functools.cache
def known_errors(path: Path = KNOWN_ERRORS) -> tuple[KnownError, ...]:
    """The rows of ``known_source_errors.csv`` that name an event of a per-member file."""
    return tuple(
        KnownError(
            source=row["source"],
            event_id=row["event_id"],
            date=row["date"],
            draft=row["draft"],
            kind=row["kind_of_error"],
            reason=row["reason"],
            line=line,
        )
        for line, row in _rows(path, KNOWN_ERRORS_HEADER)
        if row["event_id"]  # rows naming an event of a per-member file
    )
