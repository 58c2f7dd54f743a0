"""Importer for the per-member votes on every draft put to the vote, 1994-2025.

The file (``sc_voting.csv``, converted from the ``sc_voting.xlsx`` workbook of
``oliverunv/Voting-Agent``; see ``shared/data/MANIFEST.md`` §3) has one row per
member per draft, grouped by ``ID``. Each ID becomes one
:class:`DecisionObservation`. The workbook itself is not read: it holds the
same data, so :func:`looks_like` returns ``False`` for it and
:func:`is_duplicate_workbook` lets a caller say why it was skipped.

The file is dirty; the importer corrects what it can prove and flags the rest
(codes in ``flags``, explanations in ``notes``):

``day_month_swapped`` / ``day_month_not_swapped``
    The compilation often stored DD/MM/YYYY dates as MM/DD: when the stored day
    is 12 or less, the true date may have day and month exchanged. This is not
    always so (it is never so from mid-2021 on, nor for many vetoes), so each
    such date is tested against the dates stored unambiguously (day above 12)
    for the nearest meeting numbers, resolution numbers and IDs (all three
    increase with time); the reading that fits the sequence better wins. With
    no evidence either way, the source's DD/MM convention is applied (swap).
    The file is therefore read twice: once for this evidence, once to parse.
``resolution_format``
    A ``Resolution`` value not written ``N (YYYY)`` (``2367(2017)``,
    ``Resolution 2618 (2022)``, ``S/RES/2756 (2024)``, ``2541 (2020``,
    ``Missing``), or a number out of sequence for its year (``425 (2002)``,
    surely 1425, kept as written).
``resolution_missing``
    An adopted draft without a resolution number.
``resolution_on_unadopted``
    A resolution number on a draft recorded as not adopted.
``resolution_draft_swapped``
    ``Resolution`` holds a draft symbol and ``Draft`` a resolution (detected by
    shape; the 2025 blocks).
``draft_format`` / ``meeting_format`` / ``meeting_vtc``
    Draft symbols with extra words (the symbol is kept, the words go to the
    notes) or typos (``S/20016/636``: no draft kept); meeting numbers in odd
    forms; 2020-2021 videoconference numbers (``V082``) that are not meeting
    records (no meeting kept). Texts such as ``Oral amendment 1`` give no draft
    symbol; they are noted, not flagged.
``draft_repeated``
    The same draft symbol under another ID too (e.g. vetoed drafts repeated as
    "Adopted unanimously" without a resolution number, 1994-1999).
``member_rows_N``
    A draft with N member rows instead of 15.
``duplicate_member_row`` / ``conflicting_member_rows``
    A member listed twice for one draft: identically (one row kept) or with
    different votes (the member's position is left out).
``member_missing`` / ``not_on_council``
    Council members (per :mod:`unsc`'s reference data) without a row; rows for
    states not on the Council that day.
``member_name_typo``
    A misspelt member name (``Ethipia``).
``year_disagrees``
    The ``Year`` column differs from the date's year.
``votes_contradict_outcome`` / ``not_unanimous``
    Votes that cannot give the recorded outcome (e.g. the corrupted 1995
    rows); "Adopted unanimously" with a no or an abstention.

``Membership_Status`` (whether the state sits on the Council in 2025) is ignored.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import re
import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from unsc._engine import Kind, Outcome, Position
from unsc._reference.council import required_votes
from unsc._reference.states import fold
from unsc._reference.tables import aliases
from unsc._sources.csv_reader import (
    PERMANENT_CODES,
    Remarks,
    Row,
    clean,
    council_codes,
    fold_table,
    folded,
    header_matches,
    is_csv,
    leading_symbol,
    member_code,
    read_rows,
    try_member_code,
)
from unsc._sources.model import DecisionObservation, Modality, Provenance, Source

HEADER = (
    "Year",
    "Date,",
    "Resolution",
    "Meeting",
    "Draft",
    "Agenda item",
    "Category",
    "Region",
    "Submitted by",
    "Outcome results",
    "Vote",
    "Member State",
    "ID",
    "Membership_Status",
    "Topic",
)

_PER_MEMBER = ("Vote", "Member State", "ID", "Membership_Status")
"""The fields of one member's row; every other field describes the draft."""

# Fields that describe the draft, repeated on each of its member rows (in HEADER order).
_SHARED = tuple(column for column in HEADER if column not in _PER_MEMBER)

_OUTCOMES = {
    "Adopted unanimously": (Outcome.ADOPTED, Modality.VOTE),
    "Adopted by majority": (Outcome.ADOPTED, Modality.VOTE),
    "Adopted by consensus": (Outcome.ADOPTED, Modality.CONSENSUS),
    "Adopted by acclamation": (Outcome.ADOPTED, Modality.ACCLAMATION),
    "Not adopted - veto": (Outcome.VETOED, Modality.VOTE),
    "Not adopted - failed to receive required number of votes": (
        Outcome.FAILED,
        Modality.VOTE,
    ),
}

_VOTES = {"Yes": Position.YES, "No": Position.NO, "Abstain": Position.ABSTAIN}

_COUNCIL_SIZE = 15

_RES_CANONICAL = re.compile(r"(\d+) \((\d{4})\)")
_RES_LOOSE = re.compile(r"(?:Resolution\s+|S/RES/)?(\d+)\s*[(/]\s*(\d{4})\s*\)?", re.IGNORECASE)
_RES_SYMBOL = re.compile(r"S/RES/\d+", re.IGNORECASE)
_MEETING_NUMBER = re.compile(r"(?:(S/)?PV\.)?(\d+)")
_MEETING_NO_DOT = re.compile(r"S/PV(\d+)")
_VTC_NUMBER = re.compile(r"V\d+")

# Sponsor spellings of this file that unsc's name table does not know.
_SPONSOR_SPELLINGS = fold_table(
    {
        "Bolivarian Republic of Venezuela": "VEN",
        "Kingdom of the Netherlands": "NLD",
        "United Kindgom": "GBR",
    }
)

_TYPOS = frozenset(fold(alias) for alias, _code, kind in aliases() if "misspelling" in kind)


def looks_like(path: Path) -> bool:
    """Whether ``path`` is the 1994-2025 per-member voting CSV (by name and header).

    The ``sc_voting.xlsx`` workbook holds the same data and is not read (see
    :func:`is_duplicate_workbook`).
    """
    return is_csv(path) and header_matches(path, HEADER)


def is_duplicate_workbook(path: Path) -> bool:
    """Whether ``path`` is the ``sc_voting.xlsx`` workbook this CSV was converted from."""
    return path.name.lower() == "sc_voting.xlsx" and path.is_file()


# --- Date evidence (first pass) -------------------------------------------------------


def _meeting_number(text: str) -> int | None:
    match = _MEETING_NUMBER.fullmatch(text)
    if match:
        return int(match.group(2))
    match = _MEETING_NO_DOT.fullmatch(text)
    return int(match.group(1)) if match else None


def _resolution_number(text: str) -> int | None:
    match = _RES_LOOSE.fullmatch(text)
    return int(match.group(1)) if match else None


def _ambiguous(date: dt.date) -> bool:
    return date.day <= 12 and date.day != date.month


def _swapped(date: dt.date) -> dt.date:
    return dt.date(date.year, date.day, date.month)


@dataclass(frozen=True, slots=True)
class _Keys:
    """The sequence numbers of one draft: meeting, resolution and ID."""

    meeting: int | None
    resolution: int | None
    ident: int

    def items(self) -> Iterator[tuple[str, int]]:
        if self.meeting is not None:
            yield "meeting", self.meeting
        if self.resolution is not None:
            yield "resolution", self.resolution
        yield "id", self.ident


_WEIGHTS = {"meeting": 2, "resolution": 2, "id": 1}
_NEIGHBOURS = 3


@dataclass(slots=True)
class _Evidence:
    """Unambiguous dates by meeting number, resolution number and ID; resolution numbers by year."""

    anchors: dict[str, dict[int, list[dt.date]]] = field(
        default_factory=lambda: {"meeting": {}, "resolution": {}, "id": {}}
    )
    sorted_keys: dict[str, list[int]] = field(default_factory=dict)
    numbers_by_year: dict[int, list[int]] = field(default_factory=dict)
    medians: list[tuple[int, float]] = field(default_factory=list)
    drafts: dict[str, list[tuple[int, int, bool]]] = field(default_factory=dict)
    """Draft symbol -> (ID, line, is an amendment) of every draft that carries it."""

    def add(self, keys: _Keys, date: dt.date) -> None:
        if keys.resolution is not None:
            self.numbers_by_year.setdefault(date.year, []).append(keys.resolution)
        if _ambiguous(date):
            return
        for sequence, key in keys.items():
            self.anchors[sequence].setdefault(key, []).append(date)

    def freeze(self) -> None:
        self.sorted_keys = {s: sorted(a) for s, a in self.anchors.items()}
        self.medians = sorted(
            (year, statistics.median(numbers)) for year, numbers in self.numbers_by_year.items()
        )

    def _fit(self, sequence: str, key: int, date: dt.date) -> int:
        """How many neighbouring anchors agree with ``date`` (same key counts triple)."""
        anchors, keys = self.anchors[sequence], self.sorted_keys[sequence]
        i = bisect.bisect_left(keys, key)
        j = i + 1 if i < len(keys) and keys[i] == key else i
        score = 3 * sum(d == date for d in anchors.get(key, ()))
        for k in keys[max(0, i - _NEIGHBOURS) : i]:
            score += sum(d <= date for d in anchors[k])
        for k in keys[j : j + _NEIGHBOURS]:
            score += sum(d >= date for d in anchors[k])
        return score

    def fit(self, keys: _Keys, date: dt.date) -> int:
        """Weighted agreement of ``date`` with the sequences the draft belongs to."""
        return sum(_WEIGHTS[s] * self._fit(s, k, date) for s, k in keys.items())

    def out_of_sequence(self, number: int, year: int) -> str | None:
        """Why resolution ``number`` cannot be of ``year``, or ``None`` when it can."""
        clashes = [
            (abs(other - year), other, median)
            for other, median in self.medians
            if (other < year and median > number) or (other > year and median < number)
        ]
        if not clashes:
            return None
        _, other, median = min(clashes)
        return f"the resolutions of {other} in this file have numbers around {round(median)}"


def _gather_evidence(rows: Iterable[Row]) -> _Evidence:
    evidence = _Evidence()
    seen: set[str] = set()
    for row in rows:
        ident = row.text("ID")
        if ident in seen or not ident.isdigit():
            continue
        seen.add(ident)
        try:
            date = dt.date.fromisoformat(row.text("Date,"))
        except ValueError:
            continue
        resolution, draft = row.text("Resolution"), row.text("Draft")
        if leading_symbol(resolution)[0] is not None:
            resolution, draft = draft, resolution  # Resolution and Draft swapped
        symbol = leading_symbol(draft)[0]
        if symbol is not None:
            entry = (int(ident), row.line, _kind(draft) is Kind.AMENDMENT)
            evidence.drafts.setdefault(symbol, []).append(entry)
        keys = _Keys(
            _meeting_number(row.text("Meeting")), _resolution_number(resolution), int(ident)
        )
        evidence.add(keys, date)
    evidence.freeze()
    return evidence


def _date(stored: dt.date, keys: _Keys, evidence: _Evidence, remarks: Remarks) -> dt.date:
    if not _ambiguous(stored):
        return stored
    swapped = _swapped(stored)
    keep, swap = evidence.fit(keys, stored), evidence.fit(keys, swapped)
    if keep > swap:
        remarks.add(
            "day_month_not_swapped",
            f"stored date {stored.isoformat()} kept: it fits the dates of neighbouring "
            f"meetings, resolutions and IDs better than {swapped.isoformat()}",
        )
        return stored
    why = (
        "it fits the dates of neighbouring meetings, resolutions and IDs better"
        if swap > keep
        else "no evidence either way; the source's DD/MM convention applied"
    )
    remarks.add(
        "day_month_swapped",
        f"stored date {stored.isoformat()} read as {swapped.isoformat()} (day and month "
        f"exchanged): {why}",
    )
    return swapped


# --- One draft (second pass) ----------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    """The rows of one ID read so far."""

    ident: int
    first: Row
    rows: list[tuple[Row, str, Position]] = field(default_factory=list)


_SHARED_VALUES = operator.itemgetter(*(HEADER.index(column) for column in _SHARED))


def _check_shared(draft: _Draft, row: Row) -> None:
    first = draft.first
    if _SHARED_VALUES(row.values) == _SHARED_VALUES(first.values):
        return
    for column in _SHARED:
        if row.raw(column) != first.raw(column):
            raise row.error(
                column,
                f"{row.text(column)!r} differs from {first.text(column)!r} on line {first.line}, "
                f"the first row of ID {draft.ident}",
            )


def _member_row(row: Row) -> tuple[str, Position]:
    code = member_code(row, "Member State", row.required("Member State"))
    vote = row.required("Vote")
    if vote not in _VOTES:
        raise row.error("Vote", f"{vote!r} is not a vote; expected Yes, No or Abstain")
    return code, _VOTES[vote]


def _resolution(
    row: Row,
    text: str,
    column: str,
    date: dt.date,
    evidence: _Evidence,
    remarks: Remarks,
) -> int | None:
    if not text:
        return None
    if fold(text) == "missing":
        remarks.add("resolution_format", f"Resolution written {text!r}")
        return None
    canonical = _RES_CANONICAL.fullmatch(text)
    match = canonical or _RES_LOOSE.fullmatch(text)
    if match is None:
        raise row.error(column, f"{text!r} is not a resolution number like 893 (1994)")
    number, year = int(match.group(1)), int(match.group(2))
    if canonical is None:
        remarks.add("resolution_format", f"Resolution written {text!r}, read as {number}")
    if year != date.year:
        remarks.add(
            "resolution_format",
            f"Resolution {text!r} names the year {year}, but the vote is of {date.year}",
        )
    why = evidence.out_of_sequence(number, date.year)
    if why is not None:
        remarks.add(
            "resolution_format",
            f"Resolution {text!r}: {number} is out of sequence for {date.year} ({why}); "
            "probably a misprint, kept as written",
        )
    return number


def _draft_symbol(text: str, remarks: Remarks) -> str | None:
    if not text:
        return None
    symbol, rest = leading_symbol(text)
    if symbol is None:
        if text[:2].upper() == "S/":
            remarks.add("draft_format", f"Draft {text!r} is not a well-formed document symbol")
        else:
            remarks.note(f"Draft {text!r} (no document symbol)")
        return None
    if rest:
        remarks.add("draft_format", f"Draft written {text!r}, read as {symbol}")
    return symbol


def _repeated_draft(
    symbol: str | None, kind: Kind, ident: int, evidence: _Evidence, remarks: Remarks
) -> str | None:
    """Check a draft symbol against the other IDs that carry it; the symbol to keep."""
    if symbol is None:
        return None
    others = [e for e in evidence.drafts.get(symbol, ()) if e[0] != ident]
    if kind is Kind.AMENDMENT:
        main = [f"ID {i} (line {n})" for i, n, amendment in others if not amendment]
        if main:
            remarks.note(f"an amendment to {symbol} (the draft itself is {', '.join(main)})")
            return None
    else:
        others = [e for e in others if not e[2]]
    if others:
        listed = ", ".join(f"ID {i} (line {n})" for i, n, _ in others)
        remarks.add(
            "draft_repeated",
            f"draft {symbol} also appears as {listed}; one of them is probably mislabelled",
        )
    return symbol


def _kind(text: str) -> Kind:
    """Amendments, and votes on a paragraph (``S/1994/1356, para. 4``), from the draft text."""
    key = fold(text)
    if "amendment" in key:
        return Kind.AMENDMENT
    rest = leading_symbol(text)[1] if leading_symbol(text)[0] else key
    if re.match(r"[,;]?\s*para\b", fold(rest)):
        return Kind.OTHER
    return Kind.DRAFT_RESOLUTION


def _meeting(row: Row, remarks: Remarks) -> str | None:
    text = row.text("Meeting")
    if not text:
        return None
    match = _MEETING_NUMBER.fullmatch(text)
    if match:
        return f"S/PV.{int(match.group(2))}"
    match = _MEETING_NO_DOT.fullmatch(text)
    if match:
        remarks.add("meeting_format", f"Meeting written {text!r}")
        return f"S/PV.{int(match.group(1))}"
    if _VTC_NUMBER.fullmatch(text):
        remarks.add(
            "meeting_vtc",
            f"Meeting {text!r} is a videoconference number (2020-2021), not a meeting record",
        )
        return None
    raise row.error("Meeting", f"{text!r} is not a meeting number")


def _sponsor_piece(text: str) -> tuple[list[str], list[str]]:
    """Codes and unresolved names in one comma-separated piece (which may hold 'A and B')."""
    name = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    code = try_member_code(name, _SPONSOR_SPELLINGS)
    if code is not None:
        return [code], []
    codes: list[str] = []
    unresolved: list[str] = []
    for part in name.split(" and "):
        c, u = _sponsor_piece(part) if part != name else ([], [part])
        codes += c
        unresolved += u
    if not codes:  # "Antigua and Barbuda": one name, not two
        return [], [name]
    return codes, unresolved


def _sponsors(text: str, rows: Sequence[str], remarks: Remarks) -> tuple[str, ...]:
    """Sponsor codes from ``Submitted by`` (``rows``: the codes of the draft's member rows)."""
    value = clean(text.replace("_x000D_", " ").strip('"'))
    key = fold(value)
    if not value:
        return ()
    if key.rstrip("?") == "president":
        remarks.note(f"Submitted by {value!r}: a presidential text, no sponsor")
        return ()
    if key == "all council members":
        remarks.note("Submitted by 'All Council Members': every member with a row")
        return tuple(dict.fromkeys(rows))
    if key == "e10":
        remarks.note("Submitted by 'E10': the elected members with a row")
        return tuple(dict.fromkeys(c for c in rows if c not in PERMANENT_CODES))
    if key in {"-none-", "committee on the admission of new members"}:
        remarks.note(f"Submitted by {value!r}: no member sponsor")
        return ()
    pieces = [re.sub(r"\s*\(\d+\)$", "", p.strip()).rstrip(". ") for p in value.split(",")]
    pieces = [p for p in pieces if p]
    codes: list[str] = []
    unresolved: list[str] = []
    i = 0
    while i < len(pieces):
        found, missing = _sponsor_piece(pieces[i])
        if missing and i + 1 < len(pieces):
            joined = _sponsor_piece(f"{pieces[i]} {pieces[i + 1]}")
            if not joined[1]:
                found, missing = joined
                i += 1
        codes += found
        unresolved += missing
        i += 1
    if unresolved:
        remarks.note(
            "sponsors without a member code in unsc's reference data (states that never "
            f"sat on the Council, or odd spellings): {', '.join(unresolved)}"
        )
    return tuple(dict.fromkeys(codes))


def _members(
    draft: _Draft, date: dt.date, remarks: Remarks
) -> tuple[dict[str, Position], list[str]]:
    """The draft's positions by member, after duplicate and membership checks."""
    by_code: dict[str, list[tuple[Row, Position]]] = {}
    for row, code, position in draft.rows:
        by_code.setdefault(code, []).append((row, position))
        name = row.text("Member State")
        if folded(name) in _TYPOS:
            remarks.add(
                "member_name_typo", f"member name {name!r} (line {row.line}) read as {code}"
            )
    if len(draft.rows) != _COUNCIL_SIZE:
        remarks.add(
            f"member_rows_{len(draft.rows)}",
            f"{len(draft.rows)} member rows instead of {_COUNCIL_SIZE}",
        )
    votes: dict[str, Position] = {}
    for code, entries in by_code.items():
        positions = {p for _, p in entries}
        lines = ", ".join(str(r.line) for r, _ in entries)
        if len(positions) == 1:
            votes[code] = entries[0][1]
            if len(entries) > 1:
                remarks.add(
                    "duplicate_member_row",
                    f"{code} listed {len(entries)} times with the same vote (lines {lines}); "
                    "one kept",
                )
        else:
            listed = ", ".join(f"{p.name.lower()} (line {r.line})" for r, p in entries)
            remarks.add(
                "conflicting_member_rows",
                f"{code} listed {len(entries)} times with different votes: {listed}; "
                "its position is left out",
            )
    members = council_codes(date)
    if members is not None:
        missing = sorted(members - set(by_code))
        foreign = sorted(set(by_code) - members)
        if missing:
            remarks.add(
                "member_missing",
                f"no row for {', '.join(missing)}, on the Council on {date.isoformat()}",
            )
        if foreign:
            remarks.add(
                "not_on_council",
                f"rows for {', '.join(foreign)}, not on the Council on {date.isoformat()}",
            )
    return votes, list(by_code)


def _check_outcome(
    outcome_text: str,
    outcome: Outcome,
    votes: dict[str, Position],
    date: dt.date,
    remarks: Remarks,
) -> tuple[str, ...]:
    """Vetoing members (permanent members voting no) and consistency flags."""
    yes = sum(p is Position.YES for p in votes.values())
    permanent_no = tuple(
        sorted(c for c, p in votes.items() if c in PERMANENT_CODES and p is Position.NO)
    )
    required = required_votes(date)
    problem = None
    if outcome is Outcome.ADOPTED and (yes < required or permanent_no):
        problem = (
            f"recorded as adopted with {yes} yes votes and no votes by {permanent_no or 'none'}"
        )
    elif outcome is Outcome.VETOED and (yes < required or not permanent_no):
        problem = (
            f"recorded as vetoed with {yes} yes votes and no votes by permanent members "
            f"{permanent_no or 'none'}"
        )
    elif outcome is Outcome.FAILED and yes >= required and not permanent_no:
        problem = f"recorded as failing for lack of votes with {yes} yes votes and no veto"
    if problem:
        remarks.add(
            "votes_contradict_outcome", f"the member rows contradict the outcome: {problem}"
        )
    if outcome_text == "Adopted unanimously" and any(p is not Position.YES for p in votes.values()):
        others = sorted(c for c, p in votes.items() if p is not Position.YES)
        remarks.add(
            "not_unanimous",
            f"'Adopted unanimously' but {', '.join(others)} did not vote yes",
        )
    return permanent_no if outcome is Outcome.VETOED else ()


def _finish(draft: _Draft, evidence: _Evidence) -> DecisionObservation:
    first = draft.first
    remarks = Remarks()
    outcome_text = first.required("Outcome results")
    if outcome_text not in _OUTCOMES:
        raise first.error(
            "Outcome results",
            f"unknown outcome {outcome_text!r}; expected one of {sorted(_OUTCOMES)}",
        )
    outcome, modality = _OUTCOMES[outcome_text]
    resolution_text, draft_text = first.text("Resolution"), first.text("Draft")
    resolution_column = "Resolution"
    if leading_symbol(resolution_text)[0] is not None and not _RES_SYMBOL.match(resolution_text):
        remarks.add(
            "resolution_draft_swapped",
            f"Resolution {resolution_text!r} and Draft {draft_text!r} are swapped",
        )
        resolution_text, draft_text = draft_text, resolution_text
        resolution_column = "Draft"
    keys = _Keys(
        _meeting_number(first.text("Meeting")), _resolution_number(resolution_text), draft.ident
    )
    date = _date(first.iso_date("Date,"), keys, evidence, remarks)
    year = first.integer("Year")
    if year != date.year:
        remarks.add("year_disagrees", f"Year {year} but the date is {date.isoformat()}")
    resolution = _resolution(first, resolution_text, resolution_column, date, evidence, remarks)
    if outcome is Outcome.ADOPTED and resolution is None:
        remarks.add("resolution_missing", "adopted, but no resolution number is given")
    if outcome is not Outcome.ADOPTED and resolution is not None:
        remarks.add(
            "resolution_on_unadopted", f"not adopted, but Resolution is {resolution_text!r}"
        )
    symbol = _draft_symbol(draft_text, remarks)
    kind = _kind(draft_text)
    symbol = _repeated_draft(symbol, kind, draft.ident, evidence, remarks)
    votes, codes = _members(draft, date, remarks)
    vetoed_by: tuple[str, ...] = ()
    if modality is Modality.VOTE:
        vetoed_by = _check_outcome(outcome_text, outcome, votes, date, remarks)
    else:
        remarks.note(f"{outcome_text}: no vote taken, so the member rows are not kept as votes")
    sponsors = _sponsors(first.raw("Submitted by"), codes, remarks)
    meeting = _meeting(first, remarks)
    voted = modality is Modality.VOTE
    return DecisionObservation(
        prov=Provenance(Source.SC_VOTES_1994_2025, first.file, first.line),
        date=date,
        kind=kind,
        meeting=meeting,
        draft=symbol,
        resolution=resolution,
        outcome=outcome,
        modality=modality,
        yes=sum(p is Position.YES for p in votes.values()) if voted else None,
        no=sum(p is Position.NO for p in votes.values()) if voted else None,
        abstain=sum(p is Position.ABSTAIN for p in votes.values()) if voted else None,
        vetoed_by=vetoed_by,
        votes=votes if voted else None,
        sponsors=sponsors,
        agenda=first.free("Agenda item"),
        description=first.free("Topic"),
        raw_outcome=outcome_text,
        flags=tuple(remarks.flags),
        notes=tuple(remarks.notes),
    )


def parse(path: Path, *, name: str) -> Iterator[DecisionObservation]:
    """Yield one observation per draft (``ID``), in file order.

    ``name`` is the file's name as the caller shows it (used in provenance and errors).
    """
    rows = list(read_rows(path, name=name, header=HEADER))  # read once: two passes over it
    evidence = _gather_evidence(rows)
    done: dict[int, int] = {}
    draft: _Draft | None = None
    for row in rows:
        same = draft is not None and row.raw("ID") == draft.first.raw("ID")
        ident = draft.ident if draft is not None and same else row.integer("ID")
        if draft is None or ident != draft.ident:
            if draft is not None:
                yield _finish(draft, evidence)
                done[draft.ident] = draft.first.line
            if ident in done:
                raise row.error(
                    "ID",
                    f"ID {ident} reappears; its rows began on line {done[ident]} and another "
                    "draft came in between",
                )
            row.iso_date("Date,")
            draft = _Draft(ident, row)
        _check_shared(draft, row)
        code, position = _member_row(row)
        draft.rows.append((row, code, position))
    if draft is not None:
        yield _finish(draft, evidence)
