"""Member states: codes, names on a date, and resolution of user input to codes.

Output codes are those of the UN Library voting data (``SUN`` for the USSR,
``CHN`` for the China seat in every era, ``COD`` for Zaire, ``LKA`` for Ceylon).
Input also accepts ISO 3166-3 aliases (``ZAR``, ``HVO``, ``BYS``), common
names and every official name a state has had.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from unsc._errors import UnknownMemberError
from unsc._refdata import NameSpan, aliases, name_spans


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
