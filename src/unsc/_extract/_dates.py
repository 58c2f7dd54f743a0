"""Dates in reports: the dateline, calendar dates, relative days and vague history."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
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
_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|"
    r"Oct\.?|Nov\.?|Dec\.?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|"
    r"NOVEMBER|DECEMBER)"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_DAY_MONTH = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
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
            rf"\b(?:in|during|since|by|until|early|late)\s+{_MONTH}(?!\s+\d)\b(?:\s+(?:19|20)\d\d)?",
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
            r"at\s+the\s+time|once\s+again|several\s+times|many\s+times|in\s+decades)\b",
            ("previously", "past", "recent", "over the years", "at the time", "once again", "times",
             "decades"),
        ),
    )
)  # fmt: skip
_DATELINE = re.compile(r"^\s*(?:date\s*:?\s*)?(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_PROSE_DATELINE = re.compile(
    rf"^[A-Z][A-Z .,'\-]+,\s+(?:[A-Z][a-z]+\.?,?\s+)?(?:{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+{_YEAR}|"
    rf"(?P<day2>\d{{1,2}})\s+(?P<month2>[A-Z][a-z]+)\.?\s+(?P<year2>(?:19|20)\d\d))"
)


_DIGIT = re.compile(r"\d")
_ANY_HINT = re.compile(
    r"day|night|ago|last|earlier|later|previous|past|recent|time|once|decade|spring|summer|autumn|"
    r"fall|winter|year|month|week|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|that|next|"
    r"the following"
)
_MONTH_HINT = re.compile(
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
)
_DEICTIC_HINT = re.compile(r"yesterday|today|tonight|this |last night")


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression in a clause.

    ``kind`` is ``day`` (a calendar date, resolved), ``weekday`` or ``deictic``
    (resolved against the dateline), ``relative`` (days after the previous
    vote: ``offset``) or ``vague`` (history without a day).
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


def _with_year(month: int, day: int, year: int | None, ref: dt.date | None) -> dt.date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if ref is None:
        return None
    found = _safe_date(ref.year, month, day)
    if found is not None and found > ref + dt.timedelta(days=7):
        found = _safe_date(ref.year - 1, month, day)
    return found


def find_dates(text: str, ref: dt.date | None, year_hint: int | None) -> list[DateExpr]:
    """Date expressions in ``text``, resolved where possible, in text order.

    ``ref`` is the dateline (for weekdays and "yesterday"); ``year_hint`` the
    year in force in the text, for dates written without a year.
    """
    out: list[DateExpr] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(expr: DateExpr) -> None:
        out.append(expr)
        taken.append((expr.start, expr.end))

    hint_ref = ref
    if hint_ref is None and year_hint is not None:
        hint_ref = dt.date(year_hint, 12, 31)
    low = text.lower()
    digits = _DIGIT.search(text) is not None
    if not digits and not _ANY_HINT.search(low):
        return []
    for m in _ISO.finditer(text) if digits else ():
        add(
            DateExpr(
                m.start(),
                m.end(),
                "day",
                _safe_date(int(m["y"]), int(m["m"]), int(m["d"])),
                0,
                True,
            )
        )
    for pattern in (_DAY_MONTH, _MONTH_DAY) if digits and _MONTH_HINT.search(text) else ():
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            month = MONTHS[m["month"].lower().rstrip(".")]
            year = int(m["year"]) if m["year"] else None
            date = _with_year(month, int(m["day"]), year, hint_ref)
            add(DateExpr(m.start(), m.end(), "day", date, 0, year is not None))
    for m in _WEEKDAY_ONLY.finditer(text) if "day" in low else ():
        if not free(m.start(), m.end()) or not free(m.start() - 4, m.end() + 4):
            continue  # "5 December 1971 (Sunday)": the calendar date says it
        date = None
        if ref is not None:
            date = _weekday_before(ref, WEEKDAYS[m["weekday"].lower()], bool(m["last"]))
        add(DateExpr(m.start(), m.end(), "weekday", date))
    for m in _DEICTIC.finditer(text) if _DEICTIC_HINT.search(low) else ():
        if not free(m.start(), m.end()):
            continue
        word = m["word"].lower()
        date = None
        if ref is not None:
            back = 1 if word in ("yesterday", "last night") else 0
            date = ref - dt.timedelta(days=back)
        add(DateExpr(m.start(), m.end(), "deictic", date))
    for m in (
        _RELATIVE.finditer(text)
        if "day later" in low
        or "days later" in low
        or "same day" in low
        or "ing day" in low
        or "next day" in low
        else ()
    ):
        if not free(m.start(), m.end()):
            continue
        if m["same"]:
            offset = 0
        elif m["next"]:
            offset = 1
        else:
            n = m["n"].lower()
            offset = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        add(DateExpr(m.start(), m.end(), "relative", None, offset))
    for pattern, keys in _VAGUE_PARTS:
        if not any(k in low for k in keys):
            continue
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                add(DateExpr(m.start(), m.end(), "vague"))
    out.sort(key=lambda e: e.start)
    return [_bounded(text, e) for e in out]


_BOUND = re.compile(r"\b(?:by|between|since|until|till|from|through)\s+(?:the\s+)?$", re.IGNORECASE)


def _bounded(text: str, expr: DateExpr) -> DateExpr:
    """A date that only bounds a period ("by 15 January", "since 2011") dates no vote."""
    if expr.kind == "day" and _BOUND.search(text[max(0, expr.start - 12) : expr.start]):
        return DateExpr(expr.start, expr.end, "vague")
    return expr


def years_in(text: str) -> list[int]:
    """Four-digit years 1946-2027 in ``text``, in order."""
    return [int(y) for y in re.findall(r"\b(19[4-9]\d|20[0-2]\d)\b", text)]
