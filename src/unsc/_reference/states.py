"""Member states: codes, names on a date, and resolution of user input to codes.

Output codes are those of the UN Library voting data on the day (``SUN`` for
the USSR, ``CHN`` for the China seat in every era, ``COD`` for Zaire, ``LKA``
for Ceylon, ``GER`` for the Federal Republic of Germany before 3 Oct 1990,
``YMD`` for Democratic Yemen before 22 May 1990): see ``_reference/data/library_codes.csv``.
Input also accepts ISO 3166-3 aliases (``ZAR``, ``HVO``, ``BYS``), common
names and every official name a state has had.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from unsc._errors import UnknownMemberError
from unsc._reference.tables import LibraryCode, NameSpan, aliases, library_codes, name_spans


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, used for matching and ordering."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("\u2019", "'").casefold()
    return re.sub(r"\s+", " ", plain).strip()


def _match_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


@functools.cache
def known_codes() -> frozenset[str]:
    """Every code :mod:`unsc` can output."""
    return frozenset(span.code for span in name_spans())


@functools.cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for span in name_spans():
        table.setdefault(_match_key(span.name), span.code)
    for alias, code, _kind in aliases():
        table[_match_key(alias)] = code
    for code in known_codes():
        table[_match_key(code)] = code
    return table


def resolve_member(value: str) -> str:
    """Return the UN Library code for a code, ISO 3166-3 alias or name.

    >>> resolve_member("ZAR")
    'COD'
    >>> resolve_member("Bolivia (Plurinational State of)")
    'BOL'
    """
    key = _match_key(value)
    if not key:
        raise UnknownMemberError(value)
    try:
        return _lookup()[key]
    except KeyError:
        raise UnknownMemberError(value) from None


@functools.cache
def _spans_by_code() -> dict[str, tuple[NameSpan, ...]]:
    table: dict[str, list[NameSpan]] = {}
    for span in name_spans():
        table.setdefault(span.code, []).append(span)
    return {code: tuple(spans) for code, spans in table.items()}


def name_on(code: str, date: dt.date) -> str:
    """The official English name of ``code`` on ``date``."""
    spans = _spans_by_code().get(code, ())
    if not spans:
        raise UnknownMemberError(code)
    for span in spans:
        if span.start <= date <= span.end:
            return span.name
    # In a gap (e.g. Syria inside the United Arab Republic): the nearest earlier name.
    earlier = [s for s in spans if s.end < date]
    return (earlier[-1] if earlier else spans[0]).name


@functools.cache
def _library_rows() -> dict[str, tuple[LibraryCode, ...]]:
    table: dict[str, list[LibraryCode]] = {}
    for row in library_codes():
        table.setdefault(row.library_code, []).append(row)
    return {code: tuple(rows) for code, rows in table.items()}


def library_row(library_code: str, date: dt.date) -> LibraryCode | None:
    """The row of ``_reference/data/library_codes.csv`` for a Library code on ``date``, if any."""
    for row in _library_rows().get(library_code, ()):
        if row.start <= date <= row.end:
            return row
    return None


def code_on(value: str, date: dt.date) -> str:
    """The :mod:`unsc` code of a Library code, ISO code or name on ``date``.

    A code with rows in ``_reference/data/library_codes.csv`` is read by the row of the
    day (``GER`` on 1977-06-01 is ``GER``, on 1996-06-01 ``DEU``; ``DEU`` in
    1977 is ``GER``; ``SUN`` on 31 Dec 1991 is the Russian Federation's
    seat); anything else goes through :func:`resolve_member`.

    >>> code_on("SUN", dt.date(1991, 12, 31))
    'RUS'
    >>> code_on("Democratic Yemen", dt.date(1990, 1, 31))
    'YMD'
    """
    row = library_row(value.strip().upper(), date)
    if row is not None:
        return row.code
    code = resolve_member(value)
    row = library_row(code, date)
    return row.code if row is not None else code


@functools.cache
def same_state(code: str) -> frozenset[str]:
    """Every :mod:`unsc` code the state behind ``code`` has had (``GER`` and ``DEU``).

    Read from the ``state`` column of ``_reference/data/library_codes.csv``; a code with
    no row there is its own only code.
    """
    states = {row.state for row in library_codes() if row.code == code}
    codes = {row.code for row in library_codes() if row.state in states}
    return frozenset(codes | {code})
