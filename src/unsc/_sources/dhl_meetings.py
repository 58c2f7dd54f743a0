"""Importer for the UN Library tables "Meetings conducted by the Security Council in YEAR".

Reads the saved research-guide pages ``scactYYYY_table_en.html`` (1946-) and
``scact2020_covid_table_en.html`` (the 2020 videoconferences, with the
letters that recorded written votes) one row at a time, and yields for each
table row a :class:`MeetingObservation` followed by one
:class:`DecisionObservation` per resolution or draft named in its outcome
cell. Elections, communiqués, presidential statements, notes and letters
yield no decision.

The page's values are kept as printed, known misprints included (S/PV.2939
prints S/RES/663 for 666; S/PV.2990 prints S/RES/701 for 695; S/PV.1660
labels a 3-3-9 draft "vetoed by USSR"): reconciliation reports them.

Tallies are printed ``yes-no-X`` where X counts abstentions *and* members who
did not vote. X goes to ``abstain``; when X > 0 and the cell says nothing
about members not voting, the decision carries the flag
``abstain_includes_non_voting``. Notes such as ``14-0-0 (1 absent)`` or
``(France did not participate in the voting.)`` fill ``not_voting`` and
``absence``.

The first malformed row stops the import with a :class:`SourceFormatError`
naming the file, the line of the row's ``<tr>`` and the field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from unsc._engine import Kind, NonVoting, Outcome
from unsc._errors import SourceFormatError
from unsc._sources.html_reader import (
    DOC_SYMBOL,
    MEMBER_LIST,
    Cell,
    Row,
    column_roles,
    doc_symbols,
    iter_table_rows,
    looks_like_page,
    member_codes,
    one_line,
    parse_date,
    parse_meeting_record,
    state_codes,
)
from unsc._sources.model import (
    DecisionObservation,
    MeetingObservation,
    Modality,
    Provenance,
    Source,
)

__all__ = ["ABSTAIN_INCLUDES_NON_VOTING", "looks_like", "parse_meetings"]

_FILE_NAME = re.compile(r"scact(\d{4})(?:_covid)?_table_en\.html?", re.IGNORECASE)
_TITLE = re.compile(r"Meetings conducted\s+by the Security Council in (\d{4})", re.IGNORECASE)

_HEADINGS = {
    "meeting record": "meeting",
    "date": "date",
    "press release": "press_release",
    "recording": "recording",
    "topic": "topic",
    "letter with vote procedure / briefings": "letter_procedure",
    "letter with vote outcome": "letter_outcome",
    "security council outcome / vote": "outcome",
}
_REQUIRED = ("meeting", "date", "topic", "outcome")

_KNOWN_SHORT_ROWS = {
    "S/PV.969": "outcome",  # the 1961 page gives this meeting no outcome cell
}
"""Rows the pages print without their last cell: meeting record -> the missing column."""

ABSTAIN_INCLUDES_NON_VOTING = "abstain_includes_non_voting"
"""Flag of a decision whose ``abstain`` is the page's third figure, which may count non-voters."""
_NO_VOTE_FIGURES_NOTE = (
    "the page prints yes-no-X, X counting abstentions and members not voting together"
)


def looks_like(path: Path) -> bool:
    """Whether ``path`` looks like a saved "Meetings conducted by the Security Council" page."""
    return looks_like_page(path, file_name=_FILE_NAME, title=_TITLE)


def parse_meetings(path: Path, *, name: str) -> Iterator[MeetingObservation | DecisionObservation]:
    """Yield the meetings and decisions of one saved meetings page, row by row.

    ``name`` is the file's name as recorded in provenance. The year comes
    from the file name (``scact1990_table_en.html``), else from the page
    title. Raises :class:`SourceFormatError` at the first malformed row.
    """
    reader = _PageReader(path, name)
    yield from reader.read()


# -- the page ------------------------------------------------------------------


class _PageReader:
    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        self.year = _year_in(name) or _year_in(path.name)
        self.columns: tuple[str, ...] | None = None
        self.previous: MeetingObservation | None = None

    def read(self) -> Iterator[MeetingObservation | DecisionObservation]:
        for row in iter_table_rows(self.path, name=self.name):
            if row.is_heading:
                self._heading(row)
                continue
            if len(row.cells) == 1 and row.cells[0].colspan > 1:
                continue  # a notice spanning the table ("Document links will work ...")
            yield from self._row(row)
        if self.columns is None:
            raise SourceFormatError(
                self.name, None, None, "no column headings: not a meetings page"
            )

    def _heading(self, row: Row) -> None:
        if self.columns is not None:
            raise SourceFormatError(self.name, row.line, None, "a heading row inside the table")
        if len(row.cells) == 1:
            match = _TITLE.search(one_line(row.cells[0].text))
            if match is None:
                raise SourceFormatError(
                    self.name,
                    row.line,
                    None,
                    f"title {one_line(row.cells[0].text)!r} is not "
                    "'Meetings conducted by the Security Council in YEAR'",
                )
            if self.year is None:
                self.year = int(match[1])
            return
        self.columns = column_roles(row, _HEADINGS, _REQUIRED, file=self.name)

    def _row(self, row: Row) -> Iterator[MeetingObservation | DecisionObservation]:
        if self.columns is None:
            raise SourceFormatError(self.name, row.line, None, "a table row before the headings")
        cells = dict(zip(self.columns, row.cells, strict=False))
        short = len(row.cells) < len(self.columns)
        for extra in row.cells[len(self.columns) :]:
            if extra.text not in ("", "--"):
                raise SourceFormatError(
                    self.name, row.line, None, f"a cell beyond the last column: {extra.text!r}"
                )
        meeting_cell, date_cell = cells.get("meeting"), cells.get("date")
        if meeting_cell is None or date_cell is None:
            raise SourceFormatError(self.name, row.line, "date", "the row has no date cell")
        prov = Provenance(Source.DHL_MEETINGS_HTML, self.name, row.line)
        symbol, closed, date = self._meeting_and_date(row, meeting_cell, date_cell, cells, short)
        if short:
            missing = self.columns[len(row.cells)]
            if _KNOWN_SHORT_ROWS.get(symbol) != missing or len(row.cells) != len(self.columns) - 1:
                raise SourceFormatError(
                    self.name,
                    row.line,
                    missing,
                    f"the row has {len(row.cells)} cells for {len(self.columns)} columns",
                )
        topic = _text_or_none(cells.get("topic"))
        outcome_cell = cells.get("outcome")
        outcome_text = outcome_cell.text if outcome_cell is not None else None
        meeting = MeetingObservation(
            prov=prov,
            symbol=symbol,
            date=date,
            topic=topic,
            press_release=self._press_release(row, cells.get("press_release")),
            closed=closed,
            outcome_text=outcome_text,
        )
        self.previous = meeting
        yield meeting
        if outcome_text is None:
            return
        # A videoconference decision known by its letters was taken by written procedure.
        written = meeting_cell.text == "--" and symbol != "--"
        for entry in _read_outcome(outcome_text, file=self.name, line=row.line):
            yield entry.observation(
                prov=prov,
                date=date,
                meeting=None if symbol == "--" else symbol,
                agenda=topic,
                written=written,
            )

    def _meeting_and_date(
        self,
        row: Row,
        meeting_cell: Cell,
        date_cell: Cell,
        cells: dict[str, Cell],
        short: bool,
    ) -> tuple[str, bool, dt.date]:
        if meeting_cell.text == "" and date_cell.text == "":
            if self.previous is None:
                raise SourceFormatError(
                    self.name, row.line, "meeting", "a continuation row with no meeting above it"
                )
            return self.previous.symbol, self.previous.closed, self.previous.date
        if meeting_cell.text == "":
            raise SourceFormatError(self.name, row.line, "meeting", "empty meeting record")
        if date_cell.text == "":
            raise SourceFormatError(self.name, row.line, "date", "empty date")
        try:
            date = parse_date(
                date_cell.text, year=self.year, file=self.name, line=row.line, field="date"
            )
        except SourceFormatError:
            if not short:
                raise
            raise SourceFormatError(
                self.name,
                row.line,
                "date",
                f"cannot read {one_line(date_cell.text)!r} as a date; the row has "
                f"{len(row.cells)} cells for {len(self.columns or ())} columns: "
                "is its date cell missing?",
            ) from None
        if meeting_cell.text == "--":
            if "letter_outcome" not in cells and "letter_procedure" not in cells:
                raise SourceFormatError(self.name, row.line, "meeting", "no meeting record ('--')")
            for role in ("letter_outcome", "letter_procedure"):
                letter = cells.get(role)
                symbols = doc_symbols(letter.text) if letter is not None else []
                if symbols:
                    return symbols[0], False, date
            return "--", False, date
        record = parse_meeting_record(
            meeting_cell.text, file=self.name, line=row.line, field="meeting"
        )
        return record.symbol, record.closed, date

    def _press_release(self, row: Row, cell: Cell | None) -> str | None:
        if cell is None:
            return None
        text = one_line(cell.text)
        if text.lower() in ("", "--", "none issued"):
            return None
        if not re.match(r"S[CG]/\d", text):
            raise SourceFormatError(
                self.name, row.line, "press_release", f"not a press release symbol: {text!r}"
            )
        return text


def _year_in(file_name: str) -> int | None:
    match = _FILE_NAME.search(file_name)
    return int(match[1]) if match else None


def _text_or_none(cell: Cell | None) -> str | None:
    if cell is None or cell.text in ("", "--"):
        return None
    return cell.text


# -- the outcome cell -------------------------------------------------------------

_SYM_LIST = (
    rf"{DOC_SYMBOL}(?:\s*(?:,|&|\band\b)\s*(?:{DOC_SYMBOL}|(?:Corr|Add|Rev)\.\s?\d+|\d+\b))*"
)
_QUALIFIERS = r"(?P<quals>(?:\s*\([^()]*\))*)"
_VERDICT = rf"\s*(?:(?P<failed>(?:was\s+)?not\s+adopted)|vetoed\s*by\s*(?P<members>{MEMBER_LIST}))"

_TOKENS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("resolution", re.compile(r"S/RES/(?P<number>\d+)\s*(?:\(\s*(?P<year>\d{4})\s*\))?")),
    (
        "draft",
        re.compile(
            r"(?P<pre>(?:Power\s+Four\s+)?draft\s+resolutions?)"
            rf"\s*\(?\s*(?P<syms>{_SYM_LIST})\s*\)?{_QUALIFIERS}{_VERDICT}",
            re.IGNORECASE,
        ),
    ),
    ("draft", re.compile(rf"\(?(?P<syms>{_SYM_LIST})\s*\)?{_QUALIFIERS}{_VERDICT}")),
    ("other", re.compile(rf"{DOC_SYMBOL}\s*\(PRST\)(?:\s*and\s*Corr\.\s?\d+)*")),
    ("other", re.compile(r"S/PRST/\d{4}/\d+")),
    (
        "tally",
        re.compile(
            r"(?P<yes>\d{1,2})\s*-\s*(?P<no>\d{1,2})\s*-\s*(?P<x>\d{1,2})"
            r"(?:\s*\(\s*(?P<absent>\d{1,2})\s+absent\s*\))?"
        ),
    ),
    (
        "not_participating",
        re.compile(
            r"\(\s*(?P<who>[^()]*?)\s+did\s+not\s+participate\s+in\s+the\s+voting\s*\.?\s*\)",
            re.IGNORECASE,
        ),
    ),
    (
        "modality",
        re.compile(
            r"(?P<unanimous>adopted\s+unanimously)|(?P<without>without\s+(?:a\s+)?vote)"
            r"|(?P<consensus>adopted\s+by\s+consensus)|(?P<acclamation>(?:adopted\s+)?by\s+acclamation)",
            re.IGNORECASE,
        ),
    ),
    ("other", re.compile(r"communiqu[ée]", re.IGNORECASE)),
    ("other", re.compile(r"election\s+of\b.*?(?=S/RES/|$)", re.IGNORECASE)),
    ("other", re.compile(rf"(?:note|letter)\s*\(?\s*{DOC_SYMBOL}\s*\)?", re.IGNORECASE)),
    ("other", re.compile(r"decision\b", re.IGNORECASE)),
    (
        "other",
        re.compile(
            r"referral\s+to\s+the\s+committee\s+on\s+the\s+admission\s+of\s+new\s+members", re.I
        ),
    ),
    ("other", re.compile(r"\(?PRST\)?(?:\s+unnumbered)?")),
    ("other", re.compile(DOC_SYMBOL)),  # a document with no decision (e.g. the annual report)
)
_SEPARATORS = re.compile(r"(?:\s+|[|+&,;]|\band\b|--)*")
_MAX_COUNCIL = 15


@dataclasses.dataclass(slots=True)
class _Entry:
    """One resolution or draft being read from an outcome cell."""

    start: int
    end: int
    resolution: int | None = None
    draft: str | None = None
    outcome: Outcome | None = None
    vetoed_by: tuple[str, ...] | None = None
    kind: Kind = Kind.DRAFT_RESOLUTION
    description: str | None = None
    tally: tuple[int, int, int] | None = None
    modality: Modality | None = None
    absent: int | None = None
    not_participating: tuple[str, ...] = ()
    flags: list[str] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    raw: str = ""

    def observation(
        self,
        *,
        prov: Provenance,
        date: dt.date,
        meeting: str | None,
        agenda: str | None,
        written: bool,
    ) -> DecisionObservation:
        yes = no = abstain = not_voting = None
        absence: dict[str, NonVoting] = {}
        flags, notes = list(self.flags), list(self.notes)
        modality = self.modality
        if self.tally is not None:
            yes, no, abstain = self.tally
            modality = Modality.WRITTEN_PROCEDURE if written else Modality.VOTE
            if self.absent is not None or self.not_participating:
                not_voting = (self.absent or 0) + len(self.not_participating)
                absence = dict.fromkeys(self.not_participating, NonVoting.NOT_PARTICIPATING)
            elif abstain > 0:
                flags.append(ABSTAIN_INCLUDES_NON_VOTING)
                notes.append(_NO_VOTE_FIGURES_NOTE)
        elif modality is None and self.outcome in (Outcome.VETOED, Outcome.FAILED):
            modality = Modality.VOTE  # a draft fails only in a vote
        return DecisionObservation(
            prov=prov,
            date=date,
            kind=self.kind,
            meeting=meeting,
            draft=self.draft,
            resolution=self.resolution,
            outcome=self.outcome,
            modality=modality,
            yes=yes,
            no=no,
            abstain=abstain,
            not_voting=not_voting,
            vetoed_by=self.vetoed_by,
            absence=absence,
            agenda=agenda,
            description=self.description,
            raw_outcome=self.raw,
            flags=tuple(flags),
            notes=tuple(notes),
        )


def _read_outcome(text: str, *, file: str, line: int) -> list[_Entry]:
    """The resolutions and drafts an outcome cell names, with what the cell says of each."""
    flat = text.replace("\n", " ")  # same offsets as ``text``
    entries: list[_Entry] = []
    last: _Entry | None = None  # the entry the next tally or note belongs to
    position = 0
    while True:
        separators = _SEPARATORS.match(flat, position)
        if separators is not None:
            position = separators.end()
        if position >= len(flat):
            break
        found = _next_token(flat, position)
        if found is None:
            raise SourceFormatError(
                file,
                line,
                "outcome",
                f"cannot read {flat[position : position + 60]!r} in {one_line(text)!r}",
            )
        token, match = found
        if token == "resolution":
            last = _Entry(match.start(), match.end(), resolution=int(match["number"]))
            last.outcome = Outcome.ADOPTED
            entries.append(last)
        elif token == "draft":
            last = _draft_entry(match, file=file, line=line)
            entries.append(last)
        elif token == "tally":
            if last is None or last.tally is not None:
                last = _Entry(match.start(), match.end())
                last.flags.append("tally_without_symbol")
                last.notes.append("the page gives a tally but names no resolution or draft")
                entries.append(last)
            if last.modality is not None:
                raise SourceFormatError(
                    file,
                    line,
                    "outcome",
                    f"a tally after {last.modality.value!r} in {one_line(text)!r}",
                )
            last.tally = _tally(match, file=file, line=line)
            if match["absent"] is not None:
                last.absent = int(match["absent"])
            last.end = match.end()
        elif token == "not_participating":
            if last is None or last.tally is None:
                raise SourceFormatError(
                    file,
                    line,
                    "outcome",
                    f"{match.group()!r} follows no tally in {one_line(text)!r}",
                )
            last.not_participating += state_codes(
                match["who"], file=file, line=line, field="outcome"
            )
            last.end = match.end()
        elif token == "modality":
            if last is None or last.resolution is None or last.tally or last.modality:
                raise SourceFormatError(
                    file,
                    line,
                    "outcome",
                    f"{match.group()!r} follows no resolution in {one_line(text)!r}",
                )
            last.modality, flag = _modality(match)
            if flag:
                last.flags.append(flag)
                last.notes.append("the page says 'adopted unanimously' and prints no figures")
            last.end = match.end()
        else:
            last = None
        position = match.end()
    for entry in entries:
        entry.raw = text[entry.start : entry.end].strip()
    return entries


def _next_token(flat: str, position: int) -> tuple[str, re.Match[str]] | None:
    for token, pattern in _TOKENS:
        match = pattern.match(flat, position)
        if match is not None and match.end() > position:
            return token, match
    return None


def _draft_entry(match: re.Match[str], *, file: str, line: int) -> _Entry:
    symbols = doc_symbols(match["syms"])
    entry = _Entry(match.start(), match.end())
    first = symbols[0]
    others = [s for s in symbols[1:] if not s.startswith(first + "/")]
    entry.draft = first
    if others:
        entry.flags.append("several_symbols")
        entry.notes.append(f"the entry also names {', '.join(others)}")
    qualifiers = [q.strip() for q in re.findall(r"\(([^()]*)\)", match["quals"])]
    prefix = " ".join(match["pre"].split()[:-2]) if match.groupdict().get("pre") else ""
    described = [d for d in (prefix, *qualifiers) if d]
    entry.description = "; ".join(described) or None
    if any("preliminary question" in q.lower() for q in qualifiers):
        entry.kind = Kind.PRELIMINARY_QUESTION
    if match["failed"] is not None:
        entry.outcome = Outcome.FAILED
    else:
        entry.outcome = Outcome.VETOED
        entry.vetoed_by = member_codes(match["members"], file=file, line=line, field="outcome")
    return entry


def _tally(match: re.Match[str], *, file: str, line: int) -> tuple[int, int, int]:
    yes, no, x = int(match["yes"]), int(match["no"]), int(match["x"])
    if yes + no + x > _MAX_COUNCIL or yes + no + x == 0:
        raise SourceFormatError(file, line, "outcome", f"impossible tally {match.group()!r}")
    return yes, no, x


def _modality(match: re.Match[str]) -> tuple[Modality, str | None]:
    if match["unanimous"]:
        return Modality.VOTE, "adopted_unanimously"
    if match["without"]:
        return Modality.WITHOUT_VOTE, None
    if match["consensus"]:
        return Modality.CONSENSUS, None
    return Modality.ACCLAMATION, None
