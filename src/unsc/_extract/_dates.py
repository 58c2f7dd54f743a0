"""Dates in reports: the dateline, calendar dates, relative days and vague history."""

from __future__ import annotations

import bisect
import datetime as dt
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from unsc._english import CARDINALS, MONTH_ABBREVIATIONS, MONTH_NAMES
from unsc._extract._patterns import Pick, plain, same, twin
from unsc._extract._text import FOLD_TRAPS

MONTHS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    **MONTH_ABBREVIATIONS,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_NUMBER_WORDS = {"a": 1, **{word: n for word, n in CARDINALS.items() if 1 <= n <= 7}}

_MONTH = (
    "(?P<month>"
    + "|".join(
        (
            *(name.capitalize() for name in MONTH_NAMES),
            *(rf"{abbr.capitalize()}\.?" for abbr in MONTH_ABBREVIATIONS),
            *(name.upper() for name in MONTH_NAMES),
        )
    )
    + ")"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
# (the look-ahead: a match starts with a weekday, "the" or a digit; it only saves time)
_DAY_MONTH = re.compile(
    rf"(?=[MTWFSt]|\d)\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    rf"(?:,?\s+{_YEAR})?\b"
)
_MONTH_DAY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*-\d)"
    rf"(?:,?\s+{_YEAR})?"
)
_WEEKDAY_ONLY = re.compile(
    rf"\b(?:(?P<last>last)\s+|(?:late|early|on)\s+)?{_WEEKDAY}(?:'s)?"
    r"(?:\s+(?:night|morning|afternoon|evening))?\b"
)
_DEICTIC = re.compile(
    r"\b(?P<word>yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|"
    r"earlier\s+today|later\s+today|last\s+night)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:(?P<same>(?:on\s+)?the\s+same\s+day|that\s+same\s+day|later\s+that\s+day)|"
    r"(?P<next>(?:on\s+)?the\s+(?:next|following)\s+day|a\s+day\s+later)|"
    r"(?P<prev>(?:on\s+)?the\s+(?:previous|preceding)\s+day|the\s+day\s+before|a\s+day\s+earlier)|"
    r"(?P<week>(?:a|one)\s+week\s+later)|"
    r"(?P<n>two|three|four|five|six|seven|\d)\s+days\s+later)\b",
    re.IGNORECASE,
)
_VAGUE_PARTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), keys)
    for pattern, keys in (
        (
            r"\b(?:last|that|the\s+previous|the\s+following|the\s+next)\s+(?:year|month|week|spring|"
            r"summer|autumn|fall|winter|decade)\b",
            ("last ", "that ", "previous", "following", "next "),
        ),
        (
            r"\b(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:year|month|week|spring|summer|autumn|"
            r"fall|winter)\b",
            ("earlier", "later"),
        ),
        (
            r"\b(?:in|since|by|during|through|throughout|of)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?"
            r"(?:19|20)\d\d(?:s)?\b",
            ("19", "20"),
        ),
        (
            rf"\b(?:in|during|since|by|until|early|late)\s+{_MONTH}(?!\s+\d{{1,2}}\b)\b"
            r"(?:\s+(?:19|20)\d\d)?",
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        ),
        (
            r"\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?:19|20)\d\d\b",
            ("spring", "summer", "autumn", "fall", "winter"),
        ),
        (
            r"\b(?:years|months|weeks|decades)\s+(?:ago|earlier|before|later)\b|"
            r"\ba\s+(?:year|month|week|decade)\s+(?:ago|earlier|before)\b",
            ("ago", "earlier", "before", "later"),
        ),
        (
            r"\b(?:previously|in\s+the\s+past|in\s+recent\s+(?:years|months|weeks)|over\s+the\s+years|"
            r"at\s+the\s+time|several\s+times|many\s+times|in\s+decades)\b",
            ("previously", "past", "recent", "over the years", "at the time", "times", "decades"),
        ),
    )
)  # fmt: skip
_DATELINE = re.compile(r"^\s*(?:date\s*:?\s*)?(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_PROSE_DATELINE = re.compile(
    rf"^[A-Z][A-Z .,'\-]+,\s+(?:[A-Z][a-z]+\.?,?\s+)?(?:{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+{_YEAR}|"
    rf"(?P<day2>\d{{1,2}})\s+(?P<month2>[A-Z][a-z]+)\.?\s+(?P<year2>(?:19|20)\d\d))"
)


_DIGIT = re.compile(r"\d")
_MONTH_HINT = re.compile(
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
)


@dataclass(slots=True, unsafe_hash=True)
class DateExpr:
    """A date expression in a clause.

    ``kind`` is ``day`` (a calendar date, resolved), ``weekday`` or ``deictic``
    (resolved against the dateline), ``relative`` (days after the previous
    vote: ``offset``), ``vague`` (history without a day) or ``bound`` (the
    end of a period: "until 15 April 2018", which dates no vote). Treated as immutable
    (not frozen only because a frozen instance is several times slower to build).
    """

    start: int
    end: int
    kind: str
    date: dt.date | None = None
    offset: int = 0
    explicit_year: bool = False


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_dateline(line: str) -> dt.date | None:
    """The date of a dateline such as ``date 2017-10-26 AP, UNITED NATIONS``."""
    m = _DATELINE.match(line)
    if m:
        return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _PROSE_DATELINE.match(line)
    if m:
        if m["day"]:
            return _safe_date(int(m["year"]), MONTHS[m["month"].lower().rstrip(".")], int(m["day"]))
        month = MONTHS.get(m["month2"].lower())
        if month:
            return _safe_date(int(m["year2"]), month, int(m["day2"]))
    return None


def coerce_dateline(value: dt.date | str | None) -> dt.date | None:
    """Accept a date, an ISO string or a dateline line."""
    if value is None or isinstance(value, dt.date):
        return value
    return parse_dateline(value.strip())


def _weekday_before(ref: dt.date, weekday: int, strictly: bool) -> dt.date:
    delta = (ref.weekday() - weekday) % 7
    if strictly and delta == 0:
        delta = 7
    return ref - dt.timedelta(days=delta)


_WEEK = dt.timedelta(days=7)


def _with_year(month: int, day: int, year: int | None, ref: dt.date | None) -> dt.date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if ref is None:
        return None
    found = _safe_date(ref.year, month, day)
    if found is not None and found > ref + _WEEK:
        found = _safe_date(ref.year - 1, month, day)
    return found


class _Taken:
    """The disjoint spans of the expressions found so far, sorted: overlap tests in log time.

    (A scan over every earlier expression made a text of many dates quadratic.)
    """

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        """Whether ``a:b`` overlaps none of the spans."""
        i = bisect.bisect_left(self.starts, b)  # spans starting before b: [0, i)
        return i == 0 or self.ends[i - 1] <= a

    def add(self, a: int, b: int) -> None:
        """Take ``a:b`` (free, so the lists stay sorted by start and by end)."""
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


def _any(low: str, keys: tuple[str, ...]) -> bool:
    """Whether any of ``keys`` is in ``low``."""
    for k in keys:  # noqa: SIM110 - a loop is faster than any()/all() over a generator
        if k in low:
            return True
    return False


def find_dates(
    text: str,
    ref: dt.date | None,
    year_hint: int | None,
    *,
    dated_only: bool = False,
    ascii_ok: bool | None = None,
    soft: bool = False,
) -> list[DateExpr]:
    """Date expressions in ``text``, resolved where possible, in text order.

    ``ref`` is the dateline (for weekdays and "yesterday"); ``year_hint`` the
    year in force in the text, for dates written without a year. With
    ``dated_only`` the relative and vague expressions (which never carry a date)
    are not looked for; the others are the same as without it, since those kinds
    are looked for last and never keep an earlier expression out. ``ascii_ok`` is
    ``plain(text)`` when the caller knows it (for speed). With ``soft`` the ``ref`` is
    not the text's own date but a date read from its first lines (a chronology's first
    entry): a day without a year then takes ``year_hint``, not the year that puts it
    before ``ref``.
    """
    low = text.lower()
    if ascii_ok is None:
        ascii_ok = plain(text)
    q = twin if ascii_ok else same  # ASCII twins of the patterns for plain text
    (digit, iso, day_month, month_day, weekday, weekday_core, deictic, relative, vague_parts) = (
        _ASCII_SET if ascii_ok else _UNICODE_SET
    )
    digits = digit.search(text) is not None
    if not digits and not _any(low, _HINT_WORDS):
        return []
    out: list[DateExpr] = []
    taken = _Taken()
    hint_ref = ref
    if (hint_ref is None or soft) and year_hint is not None:
        hint_ref = dt.date(year_hint, 12, 31)
    if digits and "-" in text:
        for m in iso.finditer(text):
            date = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
            out.append(DateExpr(m.start(), m.end(), "day", date, 0, True))
            taken.add(m.start(), m.end())
    if digits and _MONTH_HINT.search(text):
        # each pattern runs only where its core (digit and month, month and digit) occurs
        for pattern, core in (day_month, month_day):
            if core.search(text) is None:
                continue
            for m in pattern.finditer(text):
                a, b = m.span()
                if out and not taken.free(a, b):
                    continue
                month = MONTHS[m["month"].lower().rstrip(".")]
                year = int(m["year"]) if m["year"] else None
                date = _with_year(month, int(m["day"]), year, hint_ref)
                out.append(DateExpr(a, b, "day", date, 0, year is not None))
                taken.add(a, b)
    if "day" in low and weekday_core.search(text):
        for m in weekday.finditer(text):
            a, b = m.span()
            if not taken.free(a, b) or not taken.free(a - 4, b + 4):
                continue  # "5 December 1971 (Sunday)": the calendar date says it
            date = None
            if ref is not None:
                date = _weekday_before(ref, WEEKDAYS[m["weekday"].lower()], bool(m["last"]))
            out.append(DateExpr(a, b, "weekday", date))
            taken.add(a, b)
    if _any(low, _DEICTIC_KEYS):
        for m in deictic.finditer(text):
            a, b = m.span()
            if not taken.free(a, b):
                continue
            word = m["word"].lower()
            date = None
            if ref is not None:
                back = 1 if word in ("yesterday", "last night") else 0
                date = ref - dt.timedelta(days=back)
            out.append(DateExpr(a, b, "deictic", date))
            taken.add(a, b)
    if dated_only:
        pass
    elif _any(low, _RELATIVE_KEYS):
        for m in relative.finditer(text):
            a, b = m.span()
            if not taken.free(a, b):
                continue
            if m["same"]:
                offset = 0
            elif m["next"]:
                offset = 1
            elif m["prev"]:
                offset = -1
            elif m["week"]:
                offset = 7
            else:
                n = m["n"].lower()
                offset = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            out.append(DateExpr(a, b, "relative", None, offset))
            taken.add(a, b)
    # (one test of all their keys first: most clauses hold none, and then none is searched)
    for vague, keys, needs in () if dated_only or not _any(low, _VAGUE_KEYS) else vague_parts:
        if not _any(low, keys) or (needs is not None and not needs(text, low)):
            continue
        for m in vague.finditer(text):
            a, b = m.span()
            if taken.free(a, b):
                out.append(DateExpr(a, b, "vague"))
                taken.add(a, b)
    if not out:
        return out
    if len(out) > 1:
        out.sort(key=_START)
    return [_bounded(text, e, q) if e.kind == "day" else e for e in out]


_START = operator.attrgetter("start")


def _period_core(text: str, low: str) -> bool:
    """Whether ``low`` has a word every match of the first vague pattern ends with."""
    return _any(low, _PERIOD_WORDS)


def _month_core(text: str, low: str) -> bool:
    """Whether ``text`` has a month after a space, as every match of the fourth has."""
    return _SPACE_MONTH.search(text) is not None


_PERIOD_WORDS = (
    "year", "month", "week", "spring", "summer", "autumn", "fall", "winter", "decade", *FOLD_TRAPS,
)  # fmt: skip
# every match of the fourth vague pattern has a month after a space
_SPACE_MONTH = re.compile(r"\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
# more words the vague patterns need, for speed only (by index in _VAGUE_PARTS)
_CORES: dict[int, Callable[[str, str], bool]] = {0: _period_core, 3: _month_core}
_VAGUE = tuple((pattern, keys, _CORES.get(i)) for i, (pattern, keys) in enumerate(_VAGUE_PARTS))
_VAGUE_KEYS = tuple(dict.fromkeys(key for _, keys in _VAGUE_PARTS for key in keys))

# The words a date expression can begin with (in lower case), besides numbers. Every
# pattern above starts at a word boundary with one of them.
_FIRST_WORDS = frozenset(
    [w.lower() for w in WEEKDAYS]
    + list(MONTHS)
    + [
        "the",
        "last",
        "late",
        "early",
        "on",
        "yesterday",
        "today",
        "tonight",
        "this",
        "earlier",
        "later",
        "that",
        "a",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "in",
        "since",
        "by",
        "during",
        "through",
        "throughout",
        "of",
        "until",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "years",
        "months",
        "weeks",
        "decades",
        "previously",
        "over",
        "at",
        "once",
        "several",
        "many",
    ]
)
_WORD = re.compile(r"\w+", re.ASCII)  # used on ASCII text only


def may_start_at(text: str, limit: int) -> bool:
    """Whether a date expression of ``find_dates(text, ...)`` may start at or before ``limit``.

    ``False`` means none does. Non-ASCII text is not ruled out (see ``FOLD_TRAPS``).
    """
    if not text.isascii():
        return True
    for m in _WORD.finditer(text):
        if m.start() > limit:
            break
        word = m.group(0).lower()
        if word[0].isdigit() or word in _FIRST_WORDS:
            return True
    return False


_HINT_WORDS = (
    "day", "night", "ago", "last", "earlier", "later", "previous", "past", "recent", "time",
    "once", "decade", "spring", "summer", "autumn", "fall", "winter", "year", "month", "week",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "that",
    "next", "the following",
)  # fmt: skip
_DEICTIC_KEYS = ("yesterday", "today", "tonight", "this ", "last night")
_RELATIVE_KEYS = (
    "day later", "days later", "same day", "ing day", "next day", "previous day", "day before",
    "day earlier", "week later",
)  # fmt: skip
# Every match of _DAY_MONTH holds a digit then a month; every match of _MONTH_DAY a month
# then a day of one or two digits; every match of _WEEKDAY_ONLY a weekday. These cores
# are cheap to search for.
_DAY_MONTH_CORE = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.replace("?P<month>", ""))
_MONTH_DAY_CORE = re.compile(_MONTH.replace("?P<month>", "") + r"\s+\d\d?(?:st|nd|rd|th)?\b")
_WEEKDAY_CORE = re.compile(_WEEKDAY.replace("?P<weekday>", ""))


_BOUND = re.compile(r"\b(?:by|between|since|until|till|from|through)\s+(?:the\s+)?$", re.IGNORECASE)
# every match of _BOUND holds one of these in lower case (or a FOLD_TRAPS character)
_BOUND_KEYS = ("by", "between", "since", "until", "till", "from", "through", *FOLD_TRAPS)


def _bounded(text: str, expr: DateExpr, q: Pick = same) -> DateExpr:
    """A date that only bounds a period ("by 15 January", "since 2011") dates no vote."""
    before = text[max(0, expr.start - 12) : expr.start]
    if not _any(before.lower(), _BOUND_KEYS):
        return expr
    hit = q(_BOUND).search(before) if expr.kind == "day" else None
    if hit is not None:
        # "extended until 15 April 2018": the end of a period decided now, not history
        word = hit.group(0).split()[0].lower()
        return DateExpr(expr.start, expr.end, "bound" if word in _FORWARD else "vague")
    return expr


_FORWARD = frozenset({"until", "till"})


def years_in(text: str) -> list[int]:
    """Four-digit years 1946-2027 in ``text``, in order."""
    return [int(y) for y in _YEAR_WORD.findall(text)]


_YEAR_WORD = re.compile(r"\b(19[4-9]\d|20[0-2]\d)\b")


# the patterns find_dates reads, and their ASCII twins for plain text
_UNICODE_SET = (
    _DIGIT,
    _ISO,
    (_DAY_MONTH, _DAY_MONTH_CORE),
    (_MONTH_DAY, _MONTH_DAY_CORE),
    _WEEKDAY_ONLY,
    _WEEKDAY_CORE,
    _DEICTIC,
    _RELATIVE,
    _VAGUE,
)
_ASCII_SET = (
    twin(_DIGIT),
    twin(_ISO),
    (twin(_DAY_MONTH), twin(_DAY_MONTH_CORE)),
    (twin(_MONTH_DAY), twin(_MONTH_DAY_CORE)),
    twin(_WEEKDAY_ONLY),
    twin(_WEEKDAY_CORE),
    twin(_DEICTIC),
    twin(_RELATIVE),
    tuple((twin(pattern), keys, needs) for pattern, keys, needs in _VAGUE),
)
