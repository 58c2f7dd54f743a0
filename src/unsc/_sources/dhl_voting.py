"""Importer for the UN Library "Security Council Voting Data" CSV.

The Dag Hammarskjöld Library publishes one row per member per adopted
resolution (UN Digital Library record 4055387). Rows are grouped by
``undl_id`` (the voting record); the file is not sorted, but a record's rows
are contiguous. Each record becomes one :class:`DecisionObservation`.

Checks: the header (20 columns, in order); every field's format; that a
record's rows agree on its date, symbols, totals and modality; that no record
reappears after another began; that the member rows add up to ``total_yes``,
``total_no``, ``total_abstentions``, ``total_non_voting`` and ``total_ms``.
Failures raise :class:`~unsc._errors.SourceFormatError`.

A member voting ``X`` whose ``vote_note`` says it was absent or did not
participate gets that reason in ``absence``; every ``vote_note`` is copied to
the notes. Records adopted without a vote keep no votes and no counts (the
file lists every member as ``Y``, or as ``X`` with totals 0-0-0-15, for them);
``Without Vote`` with the note "Adopted by acclamation" (res 1090 (1996),
appointing the Secretary-General) is :attr:`Modality.ACCLAMATION`. Flags: ``not_on_council`` (a row
for a state not on the Council that day, per :mod:`unsc`'s reference data) and
``permanent_member_disagrees`` (``permanent_member`` contradicts the code).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from unsc._engine import NonVoting, Outcome, Position
from unsc._errors import UnknownMemberError
from unsc._reference.states import code_on, fold, known_codes, library_row
from unsc._sources.csv_reader import (
    PERMANENT_CODES,
    Remarks,
    Row,
    council_codes,
    header_matches,
    is_csv,
    read_rows,
)
from unsc._sources.model import DecisionObservation, Modality, Provenance, Source

HEADER = (
    "undl_id",
    "ms_code",
    "ms_name",
    "permanent_member",
    "ms_vote",
    "date",
    "resolution",
    "draft",
    "meeting",
    "description",
    "agenda",
    "subjects",
    "vote_note",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
    "modality",
    "undl_link",
)

_RESOLUTION = re.compile(r"S/RES/(\d+)\s*\((\d{4})\)")

_POSITIONS = {"Y": Position.YES, "N": Position.NO, "A": Position.ABSTAIN, "X": Position.NOT_VOTING}

_TOTALS = (
    ("total_yes", Position.YES),
    ("total_no", Position.NO),
    ("total_abstentions", Position.ABSTAIN),
    ("total_non_voting", Position.NOT_VOTING),
)

# Fields every row of one voting record must repeat identically.
_SHARED = (
    "date",
    "resolution",
    "draft",
    "meeting",
    *(column for column, _ in _TOTALS),
    "total_ms",
    "modality",
)


def looks_like(path: Path) -> bool:
    """Whether ``path`` is a DHL Security Council voting data CSV (by name and header)."""
    return is_csv(path) and header_matches(path, HEADER)


def _why_not_voting(note: str) -> NonVoting | None:
    """Why a member with ``ms_vote`` X cast no vote, from its ``vote_note`` (if it says)."""
    key = fold(note)
    if "absent" in key or "not present" in key:
        return NonVoting.ABSENT
    if "particip" in key:
        return NonVoting.NOT_PARTICIPATING
    return None


def _modality(row: Row) -> Modality:
    value = row.required("modality")
    key = fold(value)
    if key == "vote":
        return Modality.VOTE
    if "without" in key and "vote" in key:
        return Modality.WITHOUT_VOTE
    if "consensus" in key:
        return Modality.CONSENSUS
    if "acclamation" in key:
        return Modality.ACCLAMATION
    if "written" in key or "silence" in key:
        return Modality.WRITTEN_PROCEDURE
    raise row.error(
        "modality",
        f"unknown modality {value!r}; expected Vote, Without vote, Consensus or Acclamation",
    )


@dataclass(slots=True)
class _Record:
    """The rows of one voting record read so far."""

    undl_id: int
    first: Row
    date: dt.date
    resolution: int
    modality: Modality
    votes: dict[str, Position] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    permanent: dict[str, bool] = field(default_factory=dict)
    vote_notes: dict[str, list[str]] = field(default_factory=dict)
    """vote_note text -> codes of the rows that carry it."""
    absence: dict[str, NonVoting] = field(default_factory=dict)
    relabelled: list[str] = field(default_factory=list)
    """Library codes of one seat read as another seat's code on the day (``SUN`` on 31 Dec 1991)."""
    aliased: list[str] = field(default_factory=list)
    """Library codes that are only another spelling of the code (``ZAR`` for ``COD``)."""
    last_line: int = 0


def _start(row: Row) -> _Record:
    undl_id = row.integer("undl_id")
    date = row.iso_date("date")
    symbol = row.required("resolution")
    match = _RESOLUTION.fullmatch(symbol)
    if match is None:
        raise row.error("resolution", f"{symbol!r} is not a resolution symbol like S/RES/14(1946)")
    for column, _ in _TOTALS:
        row.integer(column)
    row.integer("total_ms")
    return _Record(undl_id, row, date, int(match.group(1)), _modality(row))


def _add(record: _Record, row: Row) -> None:
    first = record.first
    for column in _SHARED:
        if row.text(column) != first.text(column):
            raise row.error(
                column,
                f"{row.text(column)!r} differs from {first.text(column)!r} on line {first.line}, "
                f"the first row of voting record {record.undl_id}",
            )
    label = row.required("ms_code")
    try:
        code = code_on(label, record.date)
    except UnknownMemberError:
        raise row.error(
            "ms_code",
            f"unknown member state {label!r} on {record.date.isoformat()} "
            "(add the code to unsc/_reference/data/library_codes.csv with its dates and source)",
        ) from None
    row.required("ms_name")
    if code != label.upper():
        dated = library_row(label.upper(), record.date)
        cited = f" ({dated.source})" if dated is not None else ""
        said = (
            f"ms_code {label} (line {row.line}) read as {code} on {record.date.isoformat()}{cited}"
        )
        (record.relabelled if label.upper() in known_codes() else record.aliased).append(said)
    if code in record.votes:
        raise row.error(
            "ms_code",
            f"{code} already voted in record {record.undl_id} (line {record.lines[code]})",
        )
    vote = row.required("ms_vote")
    if vote not in _POSITIONS:
        raise row.error("ms_vote", f"{vote!r} is not a vote; expected Y, N, A or X")
    record.votes[code] = _POSITIONS[vote]
    record.lines[code] = row.line
    record.permanent[code] = row.boolean("permanent_member")
    note = row.text("vote_note")
    if note:
        record.vote_notes.setdefault(note, []).append(code)
        if record.votes[code] is Position.NOT_VOTING:
            why = _why_not_voting(note)
            if why is not None:
                record.absence[code] = why
    record.last_line = row.line


def _finish(record: _Record) -> DecisionObservation:
    first = record.first
    where = f"voting record {record.undl_id} (lines {first.line}-{record.last_line})"
    for column, position in _TOTALS:
        stated = first.integer(column)
        counted = sum(1 for p in record.votes.values() if p is position)
        if stated != counted:
            raise first.error(
                column,
                f"{column} is {stated} but {counted} member rows say {position.value} in {where}",
            )
    total_ms = first.integer("total_ms")
    if total_ms != len(record.votes):
        raise first.error(
            "total_ms",
            f"total_ms is {total_ms} but {where} has {len(record.votes)} member rows "
            "(is the file truncated?)",
        )
    remarks = Remarks()
    members = council_codes(record.date)
    if members is not None:
        foreign = sorted(set(record.votes) - members)
        if foreign:
            remarks.add(
                "not_on_council",
                f"rows for {', '.join(foreign)}, not on the Council on "
                f"{record.date.isoformat()} by the reference data",
            )
    for code, permanent in record.permanent.items():
        if permanent != (code in PERMANENT_CODES):
            remarks.add(
                "permanent_member_disagrees",
                f"{code} has permanent_member={permanent} (line {record.lines[code]})",
            )
    for note in record.relabelled:
        remarks.add("library_code_relabelled", note)
    for note in record.aliased:
        remarks.note(note)
    for note, codes in record.vote_notes.items():
        if len(codes) == len(record.votes):
            remarks.note(f"vote_note of every member: {note}")
        else:
            remarks.note(f"vote_note of {', '.join(codes)}: {note}")
    modality = record.modality
    if modality is Modality.WITHOUT_VOTE and record.vote_notes:
        said = " ".join(fold(n) for n in record.vote_notes)
        if "acclamation" in said:
            modality = Modality.ACCLAMATION
        elif "consensus" in said:
            modality = Modality.CONSENSUS
    voted = modality is Modality.VOTE
    if not voted:
        remarks.note(
            f"modality {first.text('modality')!r}: no vote taken; the file records "
            f"{first.text('total_yes')}-{first.text('total_no')}-"
            f"{first.text('total_abstentions')}-{first.text('total_non_voting')} "
            "(yes-no-abstain-non-voting) for it"
        )
    return DecisionObservation(
        prov=Provenance(Source.DHL_VOTING_CSV, first.file, first.line),
        date=record.date,
        meeting=first.optional("meeting"),
        draft=first.optional("draft"),
        resolution=record.resolution,
        outcome=Outcome.ADOPTED,
        modality=modality,
        yes=first.integer("total_yes") if voted else None,
        no=first.integer("total_no") if voted else None,
        abstain=first.integer("total_abstentions") if voted else None,
        not_voting=first.integer("total_non_voting") if voted else None,
        votes=dict(record.votes) if voted else None,
        absence=dict(record.absence) if voted else {},
        agenda=first.free("agenda"),
        description=first.free("description"),
        subjects=tuple(t.strip() for t in first.text("subjects").split("|") if t.strip()),
        flags=tuple(remarks.flags),
        notes=tuple(remarks.notes),
    )


def parse(path: Path, *, name: str) -> Iterator[DecisionObservation]:
    """Yield one observation per voting record (adopted resolution) in file order.

    ``name`` is the file's name as the caller shows it (used in provenance and errors).
    """
    done: dict[int, int] = {}
    record: _Record | None = None
    for row in read_rows(path, name=name, header=HEADER):
        undl_id = row.integer("undl_id")
        if record is None or undl_id != record.undl_id:
            if record is not None:
                yield _finish(record)
                done[record.undl_id] = record.first.line
            if undl_id in done:
                raise row.error(
                    "undl_id",
                    f"voting record {undl_id} reappears; its rows began on line {done[undl_id]} "
                    "and another record came in between",
                )
            record = _start(row)
        _add(record, row)
    if record is not None:
        yield _finish(record)
