"""Importer for the UN Library table "Security Council - Veto List".

Reads the saved research-guide page ``scact_veto_table_en.html`` row by row
and yields one vetoed :class:`DecisionObservation` per row, with the draft,
the meeting record, the agenda item and the permanent members that cast a
negative vote (codes as :func:`unsc.resolve_member` gives them: ``SUN`` for
the USSR). Dates are the first day of a range (``11-13 January 1980``); a
two-digit year (``86``) is read as 1986.

The page lists several proposals vetoed at one 1946-1948 meeting under the
same draft value (the meeting record): each row is kept, with its own line.
For the 2020 written votes the "Written Record" cell holds two letters, the
voting procedure and the outcome; ``meeting`` is the outcome letter (the
second), as in :mod:`unsc._sources.dhl_meetings`.

The first malformed row stops the import with a :class:`SourceFormatError`
naming the file, the line of the row's ``<tr>`` and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from unsc._engine import Kind, Outcome
from unsc._errors import SourceFormatError
from unsc._sources.html_reader import (
    DOC_SYMBOL,
    Row,
    column_roles,
    doc_symbols,
    iter_table_rows,
    looks_like_page,
    member_codes,
    one_line,
    parse_date,
    parse_meeting_record,
)
from unsc._sources.model import DecisionObservation, Modality, Provenance, Source

__all__ = ["looks_like", "parse_veto_list"]

_FILE_NAME = re.compile(r"scact_veto_table_en\.html?", re.IGNORECASE)
_TITLE = re.compile(r"Security Council\s*-\s*Veto List", re.IGNORECASE)

_HEADINGS = {
    "date": "date",
    "draft": "draft",
    "written record": "meeting",
    "agenda item": "agenda",
    "permanent member casting negative vote": "vetoed_by",
}
_DRAFT_PARTS = re.compile(rf"{DOC_SYMBOL}|\([^()]*\)|(?:Corr|Add|Rev)\.\s?\d+|\band\b|[&,]|\d+")
_LETTER = re.compile(r"S/\d{4}/\d+")


def looks_like(path: Path) -> bool:
    """Whether ``path`` looks like a saved "Security Council - Veto List" page."""
    return looks_like_page(path, file_name=_FILE_NAME, title=_TITLE)


def parse_veto_list(path: Path, *, name: str) -> Iterator[DecisionObservation]:
    """Yield one vetoed decision per row of a saved veto-list page, as the rows are read.

    ``name`` is the file's name as recorded in provenance. Raises
    :class:`SourceFormatError` at the first malformed row.
    """
    columns: tuple[str, ...] | None = None
    for row in iter_table_rows(path, name=name):
        if row.is_heading:
            columns = _heading(row, columns, name)
            continue
        if len(row.cells) == 1 and row.cells[0].colspan > 1:
            continue  # the "Prepared and maintained by the Dag Hammarskjöld Library" notice
        if columns is None:
            raise SourceFormatError(name, row.line, None, "a table row before the headings")
        yield _decision(row, columns, name)
    if columns is None:
        raise SourceFormatError(name, None, None, "no column headings: not a veto-list page")


def _heading(row: Row, columns: tuple[str, ...] | None, name: str) -> tuple[str, ...] | None:
    if columns is not None:
        raise SourceFormatError(name, row.line, None, "a heading row inside the table")
    if len(row.cells) == 1:
        title = one_line(row.cells[0].text)
        if _TITLE.search(title) is None:
            raise SourceFormatError(
                name, row.line, None, f"title {title!r} is not 'Security Council - Veto List'"
            )
        return None
    return column_roles(row, _HEADINGS, _HEADINGS.values(), file=name)


def _decision(row: Row, columns: tuple[str, ...], name: str) -> DecisionObservation:
    if len(row.cells) < len(columns):
        # Name the first column whose cell cannot be what it should: usually the date.
        field = columns[len(row.cells)]
        present = dict(zip(columns, row.cells, strict=False))
        if "date" in present:
            parse_date(present["date"].text, year=None, file=name, line=row.line, field="date")
        raise SourceFormatError(
            name, row.line, field, f"the row has {len(row.cells)} cells for {len(columns)} columns"
        )
    for extra in row.cells[len(columns) :]:
        if extra.text not in ("", "--"):
            raise SourceFormatError(
                name, row.line, None, f"a cell beyond the last column: {extra.text!r}"
            )
    cells = {role: cell.text for role, cell in zip(columns, row.cells, strict=False)}
    date = parse_date(cells["date"], year=None, file=name, line=row.line, field="date")
    flags: list[str] = []
    notes: list[str] = []
    draft, description = _draft(cells["draft"], name, row.line, flags, notes)
    meeting, written = _meeting(cells["meeting"], name, row.line, notes)
    agenda = cells["agenda"] or None
    if agenda is None:
        raise SourceFormatError(name, row.line, "agenda", "empty agenda item")
    vetoed_by = member_codes(cells["vetoed_by"], file=name, line=row.line, field="vetoed_by")
    kind = Kind.DRAFT_RESOLUTION
    if one_line(agenda).lower().endswith("preliminary question"):
        kind = Kind.PRELIMINARY_QUESTION
    return DecisionObservation(
        prov=Provenance(Source.DHL_VETO_HTML, name, row.line),
        date=date,
        kind=kind,
        meeting=meeting,
        draft=draft,
        outcome=Outcome.VETOED,
        modality=Modality.WRITTEN_PROCEDURE if written else Modality.VOTE,
        vetoed_by=vetoed_by,
        agenda=agenda,
        description=description,
        raw_outcome=cells["vetoed_by"],
        flags=tuple(flags),
        notes=tuple(notes),
    )


def _draft(
    text: str, name: str, line: int, flags: list[str], notes: list[str]
) -> tuple[str, str | None]:
    flat = one_line(text)
    symbols = doc_symbols(flat)
    if not symbols or re.match(DOC_SYMBOL, flat) is None:
        raise SourceFormatError(name, line, "draft", f"not a draft symbol: {flat!r}")
    leftover = _DRAFT_PARTS.sub("", flat).strip()
    if leftover:
        raise SourceFormatError(name, line, "draft", f"unexpected {leftover!r} in {flat!r}")
    first = symbols[0]
    others = [s for s in symbols[1:] if not s.startswith(first + "/")]
    if others:
        flags.append("several_symbols")
        notes.append(f"the entry also names {', '.join(others)}")
    qualifiers = [q.strip() for q in re.findall(r"\(([^()]*)\)", flat)]
    return first, "; ".join(qualifiers) or None


def _meeting(text: str, name: str, line: int, notes: list[str]) -> tuple[str, bool]:
    """The meeting record, or for a written vote the outcome letter; and whether written."""
    flat = one_line(text)
    letters = _LETTER.findall(flat)
    if letters and not flat.startswith("S/PV"):
        if _LETTER.sub("", flat).strip():
            raise SourceFormatError(name, line, "meeting", f"unexpected text in {flat!r}")
        if len(letters) > 1:
            notes.append(f"the page lists the letters {', '.join(letters)}")
        return letters[-1], True
    record = parse_meeting_record(text, file=name, line=line, field="meeting")
    return record.symbol, False
