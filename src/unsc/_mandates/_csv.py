"""Strict, streaming CSV reading for the mandate importers.

Each record comes with the physical line on which it starts (the header is
line 1). A wrong header, a record with the wrong number of fields, an
unterminated quote or text that is not UTF-8 raises
:class:`~unsc._errors.SourceFormatError` with the file, line and field.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from unsc._errors import SourceFormatError


class _Lines:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.count = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        text = next(self._stream)
        self.count += 1
        return text


@dataclass(frozen=True, slots=True)
class Record:
    """One CSV record with its position in the file."""

    file: str
    line: int
    columns: Mapping[str, int]
    values: Sequence[str]

    def __getitem__(self, column: str) -> str:
        return self.values[self.columns[column]]

    def error(self, column: str | None, message: str) -> SourceFormatError:
        """A :class:`SourceFormatError` at this record."""
        return SourceFormatError(self.file, self.line, column, message)


def first_record(path: Path) -> list[str] | None:
    """The first CSV record of ``path``, or ``None`` if it cannot be read (never raises)."""
    if path.suffix.lower() != ".csv" or not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return next(csv.reader(stream, strict=True))
    except (OSError, UnicodeDecodeError, csv.Error, StopIteration):
        return None


def records(path: Path, *, name: str, header: Sequence[str]) -> Iterator[Record]:
    """Stream the records of ``path``, whose header must be exactly ``header``."""
    columns = {column: i for i, column in enumerate(header)}
    with path.open(encoding="utf-8-sig", newline="") as stream:
        lines = _Lines(stream)
        reader = csv.reader(lines, strict=True)
        first = True
        while True:
            start = lines.count + 1
            try:
                values = next(reader)
            except StopIteration:
                if first:
                    raise SourceFormatError(name, 1, None, "the file is empty") from None
                return
            except csv.Error as exc:
                raise SourceFormatError(
                    name, start, None, f"malformed CSV ({exc}); is the file truncated?"
                ) from None
            except UnicodeDecodeError as exc:
                raise SourceFormatError(
                    name, lines.count + 1, None, f"not UTF-8 text ({exc.reason})"
                ) from None
            if first:
                first = False
                if list(values) != list(header):
                    wrong = next(
                        (h for i, h in enumerate(header) if i >= len(values) or values[i] != h),
                        None,
                    )
                    raise SourceFormatError(
                        name, 1, wrong, f"unexpected header; expected {list(header)}"
                    )
                continue
            if not values:
                continue
            if len(values) != len(header):
                column = header[len(values)] if len(values) < len(header) else None
                raise SourceFormatError(
                    name,
                    start,
                    column,
                    f"the record has {len(values)} fields, expected {len(header)}",
                )
            yield Record(name, start, columns, values)
