"""Shared helpers for the CSV importers: strict, streaming, line-numbered reading.

Every importer reads its file with :func:`read_rows`, which checks the header,
yields one :class:`Row` per record with the physical line on which the record
starts (1-based; the header is line 1; a quoted field may span lines), and turns
every low-level failure (bad encoding, unterminated quote, missing fields) into
:class:`~unsc._errors.SourceFormatError` naming the file, line and field.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from unsc._errors import SourceFormatError, UnknownMemberError
from unsc._reference.council import FIRST_MEETING, LAST_COVERED, USSR_LAST_DAY
from unsc._reference.states import code_on, fold, resolve_member
from unsc._reference.tables import dated_fact, elected_terms, permanent_tenures

PERMANENT_CODES = frozenset({"CHN", "FRA", "GBR", "RUS", "SUN", "USA"})
"""Codes that have held a permanent seat (the USSR and the Russian Federation both)."""

FIRST_DAY = dated_fact("source_dates").start
"""The Charter's entry into force: no date in a source can be earlier."""

LAST_DAY = dated_fact("source_dates").end
"""The last day the reference data covers: a later date in a source is an error."""

MAX_FIELD_CHARS = 10_000
"""The longest field a source file may hold (the longest real one is under 2,000)."""

MAX_LONG_FIELD_CHARS = 1_000_000
"""The longest field of a column of full texts (``long_columns`` of :func:`read_rows`)."""

csv.field_size_limit(max(csv.field_size_limit(), MAX_LONG_FIELD_CHARS))

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters no field of a source may hold (tab, line feed and carriage return may)."""
_NUL = re.compile(r"\x00")


class _LineCounter:
    """Decode a binary stream line by line, counting lines (what ``csv.reader`` consumes).

    Decoding each line separately lets a decoding error name its line. UTF-8
    is the rule; a file that starts with a UTF-16 byte-order mark is read as
    UTF-16. Leading byte-order marks are dropped, however many there are (a
    file saved twice by a BOM-writing editor starts with two).
    """

    def __init__(self, stream: BinaryIO) -> None:
        head = stream.read(2)
        stream.seek(0)
        self._lines: Iterator[bytes | str]
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            self._lines = iter(io.TextIOWrapper(stream, encoding="utf-16", newline=""))
        else:
            self._lines = iter(stream)
        self.line = 0

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        data = next(self._lines)
        self.line += 1
        text = data if isinstance(data, str) else data.decode("utf-8")
        if self.line == 1:
            text = text.lstrip("\ufeff")
        return text


_PLAIN = re.compile(r"[^\s\xa0]+(?: [^\s\xa0]+)*")


def clean(text: str) -> str:
    """Text with no-break spaces as spaces, runs of white space collapsed, ends stripped."""
    if _PLAIN.fullmatch(text):
        return text
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


@functools.lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """:func:`unsc._reference.states.fold`, cached (files repeat the same names many times)."""
    return fold(text)


@functools.lru_cache(maxsize=8192)
def _resolve(value: str) -> str | None:
    try:
        return resolve_member(value)
    except UnknownMemberError:
        return None


@dataclass(frozen=True, slots=True)
class Row:
    """One CSV record: its values by column, and where it starts in the file."""

    file: str
    line: int
    columns: Mapping[str, int]
    values: Sequence[str]

    def raw(self, column: str) -> str:
        """The value exactly as stored."""
        return self.values[self.columns[column]]

    def text(self, column: str) -> str:
        """The value cleaned with :func:`clean` (``""`` when blank)."""
        return clean(self.raw(column))

    def optional(self, column: str) -> str | None:
        """The cleaned value, or ``None`` when blank."""
        return self.text(column) or None

    def free(self, column: str) -> str | None:
        """Free text as stored (line breaks kept), ends stripped; ``None`` when blank."""
        return self.raw(column).replace("\xa0", " ").strip() or None

    def required(self, column: str) -> str:
        """The cleaned value; a blank one is an error."""
        value = self.text(column)
        if not value:
            raise self.error(column, "the value is blank; every row needs one here")
        return value

    def integer(self, column: str) -> int:
        """The value as a whole number (an error otherwise)."""
        value = self.text(column)
        if not re.fullmatch(r"[+-]?\d+", value):
            raise self.error(column, f"{value!r} is not a whole number")
        return int(value)

    def iso_date(self, column: str) -> dt.date:
        """The value as a ``YYYY-MM-DD`` date."""
        value = self.text(column)
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise self.error(column, f"{value!r} is not a date written YYYY-MM-DD") from None
        return self.covered(column, day)

    def covered(self, column: str, day: dt.date) -> dt.date:
        """``day`` itself when it lies in the span a source can speak of (an error otherwise).

        That span runs from the Charter's entry into force (:data:`FIRST_DAY`)
        to the end of the reference data (:data:`LAST_DAY`): a date past it is a
        typing error or garbage, never news.
        """
        if day > LAST_DAY:
            raise self.error(
                column, f"{day.isoformat()} is after {LAST_DAY.isoformat()}, the last day covered"
            )
        if day < FIRST_DAY:
            raise self.error(
                column,
                f"{day.isoformat()} is before {FIRST_DAY.isoformat()}, when the Charter "
                "entered into force",
            )
        return day

    def boolean(self, column: str) -> bool:
        """The value ``True`` or ``False`` (exactly these spellings)."""
        value = self.text(column)
        if value == "True":
            return True
        if value == "False":
            return False
        raise self.error(column, f"{value!r} is neither True nor False")

    def error(self, column: str | None, message: str) -> SourceFormatError:
        """A :class:`SourceFormatError` at this row, naming ``column``."""
        return SourceFormatError(self.file, self.line, column, message)


def _header_error(file: str, found: Sequence[str], expected: Sequence[str]) -> SourceFormatError:
    for i, column in enumerate(expected):
        if i >= len(found):
            return SourceFormatError(
                file,
                1,
                column,
                f"header ends after {len(found)} columns; expected {list(expected)}",
            )
        if found[i] != column:
            return SourceFormatError(
                file,
                1,
                column,
                f"header column {i + 1} is {found[i]!r}, expected {column!r} "
                f"(is this the right file for this importer?)",
            )
    return SourceFormatError(
        file,
        1,
        None,
        f"header has {len(found)} columns, expected {len(expected)}: {list(expected)}",
    )


def _check_fields(
    name: str, line: int, header: Sequence[str], values: Sequence[str], long: frozenset[int]
) -> None:
    """Refuse control characters and absurd sizes, naming the field."""
    joined = "".join(values)
    if len(joined) <= MAX_FIELD_CHARS and CONTROL_CHARACTERS.search(joined) is None:
        return
    for i, value in enumerate(values):
        limit, banned = (
            (MAX_LONG_FIELD_CHARS, _NUL) if i in long else (MAX_FIELD_CHARS, CONTROL_CHARACTERS)
        )
        if len(value) > limit:
            raise SourceFormatError(
                name,
                line,
                header[i],
                f"the field holds {len(value):,} characters, more than the {limit:,} allowed",
            )
        bad = banned.search(value)
        if bad is not None:
            raise SourceFormatError(
                name,
                line,
                header[i],
                f"the field holds the control character U+{ord(bad.group()):04X} "
                f"at position {bad.start() + 1}; is the file damaged?",
            )


def read_rows(
    path: Path, *, name: str, header: Sequence[str], long_columns: Sequence[str] = ()
) -> Iterator[Row]:
    """Stream the records of a CSV file whose header must be exactly ``header``.

    Blank lines are skipped. Raises :class:`SourceFormatError` for a wrong
    header, a record with a different number of fields, an unterminated quoted
    field (a truncated file), text that is neither UTF-8 nor UTF-16 with a
    byte-order mark, a field longer than :data:`MAX_FIELD_CHARS` and a control
    character (tab, line feed and carriage return excepted) in a field. The
    ``long_columns`` (full texts) may hold up to :data:`MAX_LONG_FIELD_CHARS`
    and any control character but NUL.
    """
    columns = {column: i for i, column in enumerate(header)}
    long = frozenset(columns[c] for c in long_columns)
    with path.open("rb") as stream:
        counter = _LineCounter(stream)
        reader = csv.reader(counter, strict=True)
        first = True
        while True:
            start = counter.line + 1
            try:
                values = next(reader)
            except StopIteration:
                if first:
                    raise SourceFormatError(
                        name, 1, None, f"the file is empty; expected the header {list(header)}"
                    ) from None
                return
            except csv.Error as exc:
                if "field larger than field limit" in str(exc):
                    raise SourceFormatError(
                        name,
                        start,
                        None,
                        f"a field holds more than {MAX_LONG_FIELD_CHARS:,} characters",
                    ) from None
                raise SourceFormatError(
                    name, start, None, f"malformed CSV ({exc}); is the file truncated?"
                ) from None
            except UnicodeDecodeError as exc:
                raise SourceFormatError(
                    name, counter.line, None, f"not UTF-8 text ({exc.reason})"
                ) from None
            if first:
                first = False
                if list(values) != list(header):
                    raise _header_error(name, values, header)
                continue
            if not values:
                continue
            if len(values) < len(header):
                raise SourceFormatError(
                    name,
                    start,
                    header[len(values)],
                    f"the row has {len(values)} fields, expected {len(header)}: "
                    f"fields from {header[len(values)]!r} on are missing",
                )
            if len(values) > len(header):
                raise SourceFormatError(
                    name, start, None, f"the row has {len(values)} fields, expected {len(header)}"
                )
            _check_fields(name, start, header, values, long)
            yield Row(name, start, columns, values)


def header_matches(path: Path, header: Sequence[str]) -> bool:
    """Whether the file's first record is exactly ``header`` (never raises)."""
    try:
        with path.open("rb") as stream:
            first = next(csv.reader(_LineCounter(stream), strict=True))
    except (OSError, UnicodeDecodeError, csv.Error, StopIteration):
        return False
    return list(first) == list(header)


def first_record(path: Path, *, name: str) -> list[str] | None:
    """The file's first CSV record (``None`` when it has none), read as :func:`read_rows` reads.

    Raises :class:`SourceFormatError` when that record cannot be decoded or parsed.
    """
    with path.open("rb") as stream:
        counter = _LineCounter(stream)
        try:
            return list(next(csv.reader(counter, strict=True)))
        except StopIteration:
            return None
        except csv.Error as exc:
            raise SourceFormatError(name, 1, None, f"malformed CSV ({exc})") from None
        except UnicodeDecodeError as exc:
            raise SourceFormatError(
                name, counter.line or 1, None, f"not UTF-8 text ({exc.reason})"
            ) from None


def header_mismatch(name: str, found: Sequence[str], expected: Sequence[str]) -> SourceFormatError:
    """The error :func:`read_rows` gives for the header ``found`` where ``expected`` is due."""
    return _header_error(name, found, expected)


def is_csv(path: Path) -> bool:
    """Whether the file name ends in ``.csv`` and names a regular file."""
    return path.suffix.lower() == ".csv" and path.is_file()


def fold_table(table: Mapping[str, str]) -> dict[str, str]:
    """A spelling → code table keyed by folded spelling, for :func:`member_code`."""
    return {fold(spelling): code for spelling, code in table.items()}


def try_member_code(value: str, extra: Mapping[str, str] | None = None) -> str | None:
    """The member code for a name or code, or ``None`` when it is unknown.

    ``extra`` (from :func:`fold_table`) holds a file's own spellings; other
    values go through :func:`unsc.resolve_member`.
    """
    if extra:
        code = extra.get(folded(value))
        if code is not None:
            return code
    return _resolve(value)


def member_code(row: Row, column: str, value: str, extra: Mapping[str, str] | None = None) -> str:
    """Like :func:`try_member_code`, but an unknown name is a :class:`SourceFormatError`."""
    code = try_member_code(value, extra)
    if code is None:
        raise row.error(
            column,
            f"unknown member state {value!r} (add the spelling to the importer's table "
            "or to unsc/_reference/data/aliases.csv)",
        )
    return code


def seat_code_on(code: str, date: dt.date) -> str:
    """The code of the same member in the era of ``date``: RUS before 24 Dec 1991 is SUN.

    Other codes follow ``_reference/data/library_codes.csv`` (``DEU`` in 1977 is ``GER``).
    """
    if code == "RUS" and date <= USSR_LAST_DAY:
        return "SUN"
    return code_on(code, date)


@functools.lru_cache(maxsize=4096)
def council_codes(date: dt.date) -> frozenset[str] | None:
    """Codes of the Council's members on ``date`` (``None`` outside the reference data).

    Equivalent to ``set(unsc.council(date).codes)`` (a test checks it) without
    computing names and the presidency, which importers do not need.
    """
    if not FIRST_MEETING <= date <= LAST_COVERED:
        return None
    codes = {t.code for t in permanent_tenures() if t.start <= date <= t.end}
    codes |= {t.code for t in elected_terms() if t.start <= date <= t.end}
    return frozenset(codes)


_SYMBOL = re.compile(
    r"S/(?:\d{4}/)?\d+(?:/(?:Rev|Add|Corr)\.\s?\d+)*",
    re.IGNORECASE,
)


def leading_symbol(text: str) -> tuple[str | None, str]:
    """Split ``"S/2002/1397 as orally revised"`` into the symbol and the rest.

    Returns ``(None, text)`` when the text does not start with a document symbol.
    Meeting records (``S/PV.…``) are not document symbols here.
    """
    match = _SYMBOL.match(text)
    after = text[match.end() : match.end() + 1] if match else ""
    if match is None or after.isalnum() or after in {"/", "-", "."}:
        return None, text
    symbol = "S/" + match.group(0)[2:].replace(" ", "")
    return symbol, text[match.end() :].strip(" ,;")


@dataclass(slots=True)
class Remarks:
    """Flags and notes collected while reading one observation."""

    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, flag: str, note: str) -> None:
        """Record an anomaly: its stable code (once) and a human explanation."""
        if flag not in self.flags:
            self.flags.append(flag)
        self.note(note)

    def note(self, note: str) -> None:
        """Record an explanation without a flag."""
        if note not in self.notes:
            self.notes.append(note)
