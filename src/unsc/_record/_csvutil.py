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
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from unsc._errors import SourceFormatError, UnknownMemberError
from unsc._refdata import elected_terms, permanent_tenures
from unsc._states import code_on, fold, resolve_member

PERMANENT_CODES = frozenset({"CHN", "FRA", "GBR", "RUS", "SUN", "USA"})
"""Codes that have held a permanent seat (the USSR and the Russian Federation both)."""

USSR_LAST_DAY = dt.date(1991, 12, 23)
"""Last day of the USSR's seat; the Russian Federation continued it from 24 Dec 1991."""


class _LineCounter:
    """Decode a binary stream line by line, counting lines (what ``csv.reader`` consumes).

    Decoding each line separately lets a decoding error name its line; a
    leading byte-order mark is dropped.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.line = 0

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        data = next(self._stream)
        self.line += 1
        if self.line == 1 and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        return data.decode("utf-8")


_PLAIN = re.compile(r"[^\s\xa0]+(?: [^\s\xa0]+)*")


def clean(text: str) -> str:
    """Text with no-break spaces as spaces, runs of white space collapsed, ends stripped."""
    if _PLAIN.fullmatch(text):
        return text
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


@functools.lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """:func:`unsc._states.fold`, cached (files repeat the same names many times)."""
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
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.error(column, f"{value!r} is not a date written YYYY-MM-DD") from None

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


def read_rows(path: Path, *, name: str, header: Sequence[str]) -> Iterator[Row]:
    """Stream the records of a CSV file whose header must be exactly ``header``.

    Blank lines are skipped. Raises :class:`SourceFormatError` for a wrong
    header, a record with a different number of fields, an unterminated quoted
    field (a truncated file) or text that is not UTF-8.
    """
    columns = {column: i for i, column in enumerate(header)}
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
            yield Row(name, start, columns, values)


def header_matches(path: Path, header: Sequence[str]) -> bool:
    """Whether the file's first record is exactly ``header`` (never raises)."""
    try:
        with path.open("rb") as stream:
            first = next(csv.reader(_LineCounter(stream), strict=True))
    except (OSError, UnicodeDecodeError, csv.Error, StopIteration):
        return False
    return list(first) == list(header)


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
            "or to unsc/_data/aliases.csv)",
        )
    return code


def seat_code_on(code: str, date: dt.date) -> str:
    """The code of the same member in the era of ``date``: RUS before 24 Dec 1991 is SUN.

    Other codes follow ``_data/library_codes.csv`` (``DEU`` in 1977 is ``GER``).
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
    if not dt.date(1946, 1, 17) <= date <= dt.date(2027, 12, 31):
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
