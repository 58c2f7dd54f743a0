"""Importer for the World Politics Datalab veto list (``unsc_vetoes_1946_sept2022.csv``).

One row per vetoed draft, 1946-2022 (``shared/data/MANIFEST.md`` §2), compiled
from the UN Library's veto list. The vetoing members come from
``member_veto1..3``; the per-member dummy columns are unreliable and only
checked (``dummies_disagree``).

Flags raised:

``draft_is_meeting``
    ``draft`` holds a meeting record (``S/PV.49``), as for most 1946-1948
    vetoes; ``draft`` is then ``None`` and the value is in the notes.
``draft_format``
    ``draft`` has words after the symbol (``S/3710 (as amended)``).
``duplicate_row``
    The row repeats an earlier one exactly. It is kept: several proposals were
    vetoed at some early meetings, so it may be a separate veto (the UN
    Library's list also repeats the 26 June 1946 row).
``dummies_disagree``
    The member dummies do not match ``member_veto1..3``.
``veto_count_disagrees``
    ``single_veto`` / ``multiple_vetoes`` do not match the members named
    (``multiple_vetoes`` is blank on one row).
``member_era``
    "USSR" after 23 Dec 1991 or "Russia" before 24 Dec 1991.
``year_disagrees``
    The ``year`` or ``month`` column differs from the date.
``meeting_letters``
    ``meeting_record`` holds the letters of a 2020 written voting procedure
    (``S/2020/661 S/2020/657``); ``meeting`` is then ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from unsc._engine import Kind, Outcome
from unsc._reference.council import USSR_LAST_DAY
from unsc._sources.csv_reader import (
    Remarks,
    Row,
    folded,
    header_matches,
    is_csv,
    leading_symbol,
    member_code,
    read_rows,
    seat_code_on,
)
from unsc._sources.model import DecisionObservation, Modality, Provenance, Source

HEADER = (
    "year",
    "date",
    "month",
    "draft",
    "meeting_record",
    "agenda_item",
    "crisis_topic",
    "region",
    "member_veto1",
    "member_veto2",
    "member_veto3",
    "single_veto",
    "multiple_vetoes",
    "China",
    "France",
    "Russia",
    "USSR",
    "USA",
    "UK",
    "russia_china",
    "usa_uk",
    "usa_france",
    "usa_france_uk",
    "france_uk",
)

_DUMMIES = {
    "China": "CHN",
    "France": "FRA",
    "Russia": "RUS",
    "USSR": "SUN",
    "USA": "USA",
    "UK": "GBR",
}
_PAIRS = ("russia_china", "usa_uk", "usa_france", "usa_france_uk", "france_uk")
_MEETING = re.compile(r"S/PV\.\d+", re.IGNORECASE)
_LETTERS = re.compile(r"S/\d{4}/\d+(?:\s+S/\d{4}/\d+)*")
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def looks_like(path: Path) -> bool:
    """Whether ``path`` is the World Politics Datalab veto list CSV (by name and header)."""
    return is_csv(path) and header_matches(path, HEADER)


def _date(row: Row) -> dt.date:
    text = row.required("date")
    match = _DATE.fullmatch(text)
    try:
        if match is None:
            raise ValueError(text)
        month, day, year = (int(g) for g in match.groups())
        stated = dt.date(year, month, day)
    except ValueError:
        raise row.error("date", f"{text!r} is not a date written M/D/YYYY") from None
    return row.covered("date", stated)


def _flag(row: Row, column: str, *, blank: bool = False) -> int | None:
    text = row.text(column)
    if blank and not text:
        return None
    if not text.isdigit():
        raise row.error(column, f"{text!r} is not a 0/1 indicator")
    return int(text)


def _vetoed_by(row: Row, date: dt.date, remarks: Remarks) -> tuple[str, ...]:
    names = [row.text(f"member_veto{i}") for i in (1, 2, 3)]
    if not names[0]:
        raise row.error("member_veto1", "is blank: a veto list row must name the vetoing member")
    codes: list[str] = []
    for i, name in enumerate(names, start=1):
        if not name:
            continue
        code = member_code(row, f"member_veto{i}", name)
        era = seat_code_on(code, date)
        if code == "SUN" and date > USSR_LAST_DAY:
            era = "RUS"
        if era != code:
            remarks.add("member_era", f"{name!r} on {date.isoformat()} read as {era}")
        if era in codes:
            raise row.error(f"member_veto{i}", f"{name!r} is named twice")
        codes.append(era)
    return tuple(codes)


def _check_indicators(row: Row, vetoed_by: tuple[str, ...], remarks: Remarks) -> None:
    dummies = {code for column, code in _DUMMIES.items() if _flag(row, column)}
    for column in _PAIRS:
        _flag(row, column)
    if dummies != set(vetoed_by):
        remarks.add(
            "dummies_disagree",
            f"member dummies say {', '.join(sorted(dummies)) or 'nobody'}; "
            f"member_veto1..3 say {', '.join(vetoed_by)} (kept)",
        )
    single = _flag(row, "single_veto")
    multiple = _flag(row, "multiple_vetoes", blank=True)
    if (single, multiple) != (int(len(vetoed_by) == 1), int(len(vetoed_by) > 1)):
        remarks.add(
            "veto_count_disagrees",
            f"single_veto={row.text('single_veto')!r}, multiple_vetoes="
            f"{row.text('multiple_vetoes')!r} for {len(vetoed_by)} vetoing member(s)",
        )


def _observation(row: Row, seen: dict[tuple[str, ...], int]) -> DecisionObservation:
    remarks = Remarks()
    date = _date(row)
    if row.integer("year") != date.year or row.integer("month") != date.month:
        remarks.add(
            "year_disagrees",
            f"year {row.text('year')}, month {row.text('month')} but the date is {date}",
        )
    earlier = seen.get(tuple(row.values))
    if earlier is not None:
        remarks.add(
            "duplicate_row",
            f"identical to line {earlier}; kept, as several proposals were vetoed at some "
            "early meetings",
        )
    else:
        seen[tuple(row.values)] = row.line
    meeting: str | None = row.required("meeting_record")
    if _LETTERS.fullmatch(row.raw("meeting_record").strip()):
        remarks.add(
            "meeting_letters",
            f"meeting_record gives the letters {meeting!r} (a 2020 written procedure, no meeting)",
        )
        meeting = None
    elif not _MEETING.fullmatch(meeting or ""):
        raise row.error("meeting_record", f"{meeting!r} is not a meeting record like S/PV.49")
    text = row.required("draft")
    draft: str | None
    if _MEETING.match(text):
        draft = None
        remarks.add("draft_is_meeting", f"draft column gives the meeting record {text!r}")
        if text != meeting:
            remarks.note(f"draft column {text!r} differs from meeting_record {meeting!r}")
    else:
        draft, rest = leading_symbol(text)
        if draft is None:
            raise row.error("draft", f"{text!r} is not a draft symbol like S/2022/538")
        if rest:
            remarks.add("draft_format", f"draft written {text!r}, read as {draft}")
    vetoed_by = _vetoed_by(row, date, remarks)
    _check_indicators(row, vetoed_by, remarks)
    agenda = row.free("agenda_item")
    kind = (
        Kind.PRELIMINARY_QUESTION
        if agenda and "preliminary question" in folded(agenda)
        else Kind.DRAFT_RESOLUTION
    )
    topic, region = row.optional("crisis_topic"), row.optional("region")
    return DecisionObservation(
        prov=Provenance(Source.WPDL_VETOES, row.file, row.line),
        date=date,
        kind=kind,
        meeting=meeting,
        draft=draft,
        outcome=Outcome.VETOED,
        modality=Modality.VOTE,
        vetoed_by=vetoed_by,
        agenda=agenda,
        description=f"{topic} ({region})" if topic and region else topic,
        flags=tuple(remarks.flags),
        notes=tuple(remarks.notes),
    )


def parse(path: Path, *, name: str) -> Iterator[DecisionObservation]:
    """Yield one observation per row (one vetoed draft), in file order.

    ``name`` is the file's name as the caller shows it (used in provenance and errors).
    """
    seen: dict[tuple[str, ...], int] = {}
    for row in read_rows(path, name=name, header=HEADER):
        yield _observation(row, seen)
