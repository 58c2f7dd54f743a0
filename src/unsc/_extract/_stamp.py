"""The text's own date: a dateline, a publication stamp, a byline or a line that is a date.

Real texts carry their day in many layouts: a wire dateline ("CITY, Oct 24 (Agency) -",
often without a year), a labelled stamp ("Published: 24 October 2017", "Posted on ...",
"Updated ..."), a press release's heading ("24 October 2017 - SC/13040"), a byline
("By A. Writer | October 24, 2017"), a time stamp ("Oct. 24, 2017 at 5:12 p.m.",
"2017-10-24T17:12:00Z"). Relative days ("on Tuesday", "yesterday") are read against
that day. A stamp of publication or a dateline wins over a bare date line, which wins
over an "updated" stamp (a story is often updated days after the vote). A dateline
without a year takes the year of another stamp, else of the first full date near the
top, else (a weak hint) of the resolution symbols the text cites.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from unsc._english import month_number
from unsc._extract._dates import DateExpr, _safe_date, find_dates

_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_AGENCY = r"(?:\([A-Za-z][\w .&/-]{0,30}\)|/[A-Za-z][\w .&-]{0,30}/)"
# "UNITED NATIONS, Oct 24 (Reuters) -", "GENEVA, 24 October (AFP) --",
# "New York, October 24, 2017 (IPS) -": a place, a day, maybe a year and an agency, a dash
_WIRE = re.compile(
    r"^\W{0,3}(?P<place>[A-Z][A-Za-z.'\-]*(?:[ ,]+[A-Z][A-Za-z.'\-]*){0,4}?)\s*,?\s+"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?P<month>{_MONTH_WORD})\.?\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_WORD})\.?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*"
    rf"(?:{_AGENCY}\s*)?(?:[-\u2014\u2013:]|\s-\s)"
)
# "25 October 2017 - The Security Council ...": a paragraph opening with a full date and a
# dash is a dateline without a place
_DATE_DASH = re.compile(
    r"^\W{0,3}(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH_WORD}\.?\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH_WORD}\.?,?)\s+(?:19|20)\d\d\s*"
    r"(?:\([^()]{1,30}\)\s*)?[-\u2014\u2013]+\s+\S"
)
_ISO_STAMP = re.compile(
    r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ]\d\d:\d\d|\b)"
)
_LABEL = re.compile(
    r"^\W{0,3}(?:(?P<pub>(?:first\s+)?published|posted|dated?|released|issued|filed|created|"
    r"written|press\s+release|story)|(?P<upd>(?:last\s+)?(?:updated|modified|edited|revised|"
    r"amended)))\b\s*(?:on|at)?\s*[:\-\u2014|,]?\s*",
    re.IGNORECASE,
)
# the words a date line may hold besides its date: a byline, a symbol, a clock, an agency
_BYLINE = re.compile(r"\bby\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}", re.IGNORECASE)
_FILLER = re.compile(
    r"\b[A-Z]{1,6}/[\w/.\-]+|\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?|\b(?:GMT|UTC|EST|EDT|ET|"
    r"BST|CET|IST|AP|AFP|Reuters|Xinhua|IPS|UPI|TASS|DPA|ANI|PTI|UN|News|Press|Release|Agency|"
    r"Staff|Writer|Correspondent|Editor|Reporter|at|on|the|of|[Uu]pdated|ago|hours?|minutes?|"
    r"[Mm]ins?|[Rr]ead)\b|[|\u2022\u00b7/\-\u2014\u2013,.:()]+",
)
_SENTENCE_WORDS = re.compile(
    r"\b(?:vot\w*|adopt\w*|veto\w*|reject\w*|approv\w*|fail\w*|pass\w*|extend\w*|renew\w*|"
    r"said|says|was|were|is|are|has|have|had|will|would)\b",
    re.IGNORECASE,
)
_RES_YEAR = re.compile(
    r"\b(?:resolution|S/RES/)\s*\d{1,4}\s*\((?P<year>(?:19|20)\d\d)\)", re.IGNORECASE
)
_DIGIT = re.compile(r"\d")
_HEAD_LINES = 10
_TAIL_LINES = 6


def _month(word: str) -> int | None:
    return month_number(word.rstrip("."), prefix=True)


def _full_date(text: str, exprs: list[DateExpr] | None = None) -> dt.date | None:
    """The first calendar date with its year in ``text`` (``exprs``: its dates, if known)."""
    m = _ISO_STAMP.search(text)
    iso = _safe_date(int(m["y"]), int(m["m"]), int(m["d"])) if m else None
    if exprs is None:
        exprs = find_dates(text, None, None, dated_only=True)
    for expr in exprs:
        if expr.kind == "day" and expr.explicit_year and expr.date is not None:
            if m is not None and m.start() < expr.start:
                return iso
            return expr.date
    return iso


def _date_line(line: str) -> dt.date | None:
    """The date of a line that is only a date, with a byline, symbol, clock or agency."""
    if len(line) > 140 or _SENTENCE_WORDS.search(line):
        return None
    exprs = find_dates(line, None, None, dated_only=True)
    found = _full_date(line, exprs)
    if found is None:
        return None
    rest = line
    for expr in exprs:
        rest = rest[: expr.start] + " " * (expr.end - expr.start) + rest[expr.end :]
    rest = _BYLINE.sub(" ", rest)
    rest = _ISO_STAMP.sub(" ", rest)
    rest = _FILLER.sub(" ", rest)
    words = [w for w in rest.split() if not w.isdigit()]
    return found if len(words) <= 3 else None


def _wire(line: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a wire dateline opening ``line``."""
    m = _WIRE.match(line)
    if m is None:
        return None
    place = m["place"]
    if not any(ch.isupper() for ch in place[1:]) and len(place.split()) > 2:
        return None  # "Russia on Tuesday, October 24 -": not a place name
    month = _month(m["month"] or m["month2"])
    day = int(m["day"] or m["day2"])
    if month is None or not 1 <= day <= 31:
        return None
    return month, day, int(m["year"]) if m["year"] else None


def _with_year(month: int, day: int, year: int, near: dt.date | None) -> dt.date | None:
    """The day in ``year``, or in the year before when that is nearer a known date."""
    found = _safe_date(year, month, day)
    if found is not None and near is not None and found > near + dt.timedelta(days=7):
        return _safe_date(year - 1, month, day) or found
    return found


def _menu(stripped: str) -> bool:
    """Whether a line is a site's menu entry: five words at most, no digit, no full stop.

    A page's navigation ("World", "Message Board", "China At a Glance") is not the top
    of its text: such lines do not count among the first or last lines searched.
    """
    return (
        len(stripped.split()) <= _MENU_WORDS
        and _DIGIT.search(stripped) is None
        and not stripped.endswith((".", ":", "?", "!"))
    )


_MENU_WORDS = 5


def _first(lines: Iterable[str], n: int) -> list[str]:
    """The first lines that are not blank, stripped, up to the ``n``-th that is no menu entry."""
    out: list[str] = []
    seen = 0
    for line in lines:
        if seen == n:
            break
        stripped = line.strip()
        if stripped:
            out.append(stripped)
            seen += not _menu(stripped)
    return out


def _skip(lines: list[str], n: int) -> int:
    """The index just after the ``n``-th line that is neither blank nor a menu entry."""
    seen = 0
    for i, line in enumerate(lines):
        if seen == n:
            return i
        stripped = line.strip()
        if stripped and not _menu(stripped):
            seen += 1
    return len(lines)


def text_date(lines: list[str]) -> dt.date | None:
    """The text's own date, from its first and last lines (see the module's docstring)."""
    head = _first(lines, _HEAD_LINES)
    tail = _first(reversed(lines[_skip(lines, _HEAD_LINES) :]), _TAIL_LINES)[::-1]
    published: dt.date | None = None
    updated: dt.date | None = None
    plain_line: dt.date | None = None
    date_lines = 0
    wire: tuple[int, int, int | None] | None = None
    wire_date: dt.date | None = None
    for index, line in enumerate(head + tail):
        if _DIGIT.search(line) is None:
            continue  # every stamp, dateline and date line holds a day or a year
        in_head = index < len(head)
        label = _LABEL.match(line)
        if label is not None:
            found = _full_date(line[label.end() : label.end() + 80])
            if found is not None:
                if label["pub"]:
                    published = published or found
                else:
                    updated = updated or found
                continue
        if not in_head:
            continue
        if wire is None:
            got = _wire(line)
            if got is not None:
                wire = got
                if got[2] is not None:
                    wire_date = _safe_date(got[2], got[0], got[1])
                continue
        found_line = _date_line(line)
        if found_line is not None:
            date_lines += 1
            plain_line = plain_line or found_line
        if wire is None and found_line is None and _DATE_DASH.match(line):
            found = _full_date(line[:40])
            if found is not None:
                wire = (found.month, found.day, found.year)
                wire_date = found
    if wire is not None and wire_date is None:
        known = published or plain_line or updated
        year = known.year if known else None
        if year is None:
            # a story reports what is recent: the latest year of a full date near the top
            # or (a weak hint) of a resolution symbol it cites
            years = [int(y) for line in lines for y in _RES_YEAR.findall(line)]
            years += [found.year for found in map(_full_date, head) if found is not None]
            year = max(years) if years else None
        if year is not None:
            wire_date = _with_year(wire[0], wire[1], year, known)
    if wire_date or published:
        return wire_date or published
    if plain_line is not None and date_lines > 1 and not updated:
        # several lines that are only dates: the entries of a chronology or a digest,
        # not a stamp of the text
        return None
    return plain_line or updated
