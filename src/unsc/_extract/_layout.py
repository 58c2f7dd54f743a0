"""Layout before reading: lines put back into paragraphs, and numeric dates made words.

Real texts reach the reader as they were found: wrapped at a fixed width (a sentence,
or a member's name, broken across lines), with time-stamped datelines
("October 5, 2011 - 17:44"), numeric dates ("19990225", "3/15/2014") and tallies laid
out as labelled lines ("In favour: ...", "Against: ..."). This module rewrites those
forms, line by line and in linear time, into the prose forms the reader reads. It
never adds a word the text does not hold: a date is only respelt, a label only made
the verb it abbreviates.
"""

from __future__ import annotations

import re

from unsc._english import CARDINALS, MONTH_NAMES
from unsc._extract._text import FOLD_TRAPS

# "19990225" opening a line or paragraph (press-release numbering), a plausible year only
_COMPACT = re.compile(r"^(\W{0,3})((?:19[4-9]|20[0-4])\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b")
# "3/15/2014" or "15/3/2014" (not a document symbol such as S/2014/15): rewritten only
# when the order is certain (one part above 12); "3/4/2014" stays as it is
# "25.10.2017": a dotted date is day, month, year
_DOTTED = re.compile(r"(?<![\w.])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?![\w.]|\.\d)")
_SLASHED = re.compile(r"(?<![\w/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\w/])")
_CLOCK_TAIL = re.compile(
    r"\s*(?:[-|,\u2014]\s*|\bat\s+)?\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?|GMT|UTC|EST|EDT|ET|"
    r"BST|CET|IST)?\b\W*$",
    re.IGNORECASE,
)
_CLOCK_HEAD = re.compile(r"^\W*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*[-|,\u2014]?\s*", re.IGNORECASE)
_TERMINAL = frozenset('.!?:;"')
# a line that ends with one of these words goes on in the next line
_GOES_ON = frozenset(
    (
        "the", "a", "an", "of", "and", "or", "nor", "to", "in", "on", "at", "by", "for",
        "with", "from", "that", "which", "who", "as", "its", "their", "his", "her", "this",
        "these", "those", "than", "into", "onto", "upon", "between", "against", "over",
        "under", "about", "after", "before", "during", "while", "whose", "were", "was", "is",
        "are", "be", "been", "has", "have", "had", "not", "no",
    )
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# a line of a tally laid out as a list: "In favour: A, B, C." / "Against: D." /
# "Abstaining: E." (also "For:", "Yes:", "Abstained:", "Abstentions:", "Not voting:")
_LABEL = re.compile(
    r"^\s*(?P<label>in\s+favou?r|for|yes|against|no|abstain(?:ed|ing|ers?)?|abstentions?|"
    r"not\s+voting|not\s+participating|absent|did\s+not\s+participate)"
    r"(?:\s*\(\s*(?P<n>\d{1,2})\s*\))?\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_LABEL_VERB = {
    "in favour": "voted in favour",
    "in favor": "voted in favour",
    "for": "voted in favour",
    "yes": "voted in favour",
    "against": "voted against",
    "no": "voted against",
    "not voting": "did not vote",
    "not participating": "did not participate",
    "absent": "did not participate",
    "did not participate": "did not participate",
}


# --- tallies in unusual forms, respelt in the forms the reader reads -----------------
_N = (
    r"(?:\d{1,2}|"
    + "|".join(sorted((w for w, v in CARDINALS.items() if v <= 15), key=len, reverse=True))
    + r")"
)
_NO_WORD = r"(?:against|contrary|opposed|negative|dissenting)"
_TALLY_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    # OCR: "with I abstention" for "with 1 abstention"
    (re.compile(r"\b(with|and)\s+I\s+(abstention|vote\s+against)\b"), r"\1 1 \2"),
    # "9 concurring votes" (the old wording of the Council's record): votes in favour
    (re.compile(r"\b(" + _N + r")\s+concurring\s+votes?\b", re.IGNORECASE), r"\1 votes in favour"),
    # "adopted with nine votes and one against": the first count is the votes in favour
    (
        re.compile(
            r"\b(" + _N + r")\s+votes\s+(and|,)\s+(" + _N + r")\s+(" + _NO_WORD + r")\b",
            re.IGNORECASE,
        ),
        r"\1 votes in favour \2 \3 \4",
    ),
    # "by 8 votes to 2 (Poland, ...)": the members after the second count voted against
    (
        re.compile(r"\b(" + _N + r"\s+votes?\s+to\s+" + _N + r")\s*\((?=[A-Za-z])", re.IGNORECASE),
        r"\1 against (",
    ),
    # "10-3 (A, B)-2 (C, D)": a dash tally with the members of each count after it
    (
        re.compile(
            r"\b(\d{1,2})\s*-\s*(\d{1,2})\s*\(([^()\d]{2,120})\)\s*-\s*(\d{1,2})"
            r"(?:\s*\(([^()\d]{2,120})\))?"
        ),
        r"\1 in favour, \2 against (\3), \4 abstaining (\5)",
    ),
)
# "defeated by nine votes to two": in that wording the larger count is against
_DEFEATED_BY = re.compile(
    r"\b(defeated|rejected|lost)\s+by\s+(" + _N + r")\s+votes?\s+to\s+(" + _N + r")\b",
    re.IGNORECASE,
)


def _value(word: str) -> int:
    return int(word) if word.isdigit() else CARDINALS[word.lower()]


def _defeated(m: re.Match[str]) -> str:
    first, second = _value(m[2]), _value(m[3])
    if first <= second:
        return m.group(0)
    return f"{m[1]}, with {m[3]} votes in favour and {m[2]} against"


# For each tally form, words that every match holds (in the lower-cased line; "(" and
# "-" as they are): a line without them is not searched. Case-insensitive matching finds
# an ASCII letter only in itself, its capital, "\u212a" (lower-cased "k") and the
# FOLD_TRAPS, so a line whose lower case holds a trap is searched whatever it holds.
_TALLY_NEEDS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("i",), ("abstention", "against")),
    (("concurring",),),
    (("votes",), ("against", "contrary", "opposed", "negative", "dissenting")),
    (("vote",), ("to",), ("(",)),
    (("(",), ("-",)),
)
_DEFEATED_NEEDS = (("defeated", "rejected", "lost"), ("to",))


def _may_hold(low: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``low`` holds, for each group of ``needs``, one of its words."""
    for group in needs:
        for word in group:
            if word in low:
                break
        else:
            return False
    return True


def _folds(low: str) -> bool:
    """Whether lower-cased ``low`` holds a character that case folding matches to ASCII."""
    return not low.isascii() and any(trap in low for trap in FOLD_TRAPS)


def _tallies(line: str) -> str:
    low = line.lower()
    every = _folds(low)
    for (pattern, by), needs in zip(_TALLY_FORMS, _TALLY_NEEDS, strict=True):
        if every or _may_hold(low, needs):
            done = pattern.sub(by, line)
            if done != line:
                line = done
                low = line.lower()
    if " abstaining ()" in line:
        line = line.replace(" abstaining ()", " abstaining")
    if "by" in line and (every or _may_hold(low, _DEFEATED_NEEDS)):
        line = _DEFEATED_BY.sub(_defeated, line)
    return line


def _month(number: int) -> str:
    return MONTH_NAMES[number - 1].capitalize()


def _compact(line: str) -> str:
    m = _COMPACT.match(line)
    if m is None:
        return line
    day = f"{int(m[4])} {_month(int(m[3]))} {m[2]}"
    return f"{line[: m.start(2)]}{day}{line[m.end() :]}"


def _slashed(m: re.Match[str]) -> str:
    first, second, year = int(m[1]), int(m[2]), m[3]
    if 1 <= first <= 12 < second <= 31:
        return f"{second} {_month(first)} {year}"
    if 1 <= second <= 12 < first <= 31:
        return f"{first} {_month(second)} {year}"
    return m.group(0)


def _dotted(m: re.Match[str]) -> str:
    day, month, year = int(m[1]), int(m[2]), m[3]
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{day} {_month(month)} {year}"
    return m.group(0)


def _unclock(line: str) -> str:
    """A time-stamped dateline without its time: "October 5, 2011 - 17:44" -> "October 5, 2011"."""
    if ":" not in line or len(line.split()) > 10:
        return line
    out = _CLOCK_TAIL.sub("", line)
    out = _CLOCK_HEAD.sub("", out)
    return out if any(ch.isdigit() for ch in out) and out.strip() else line


def _label(line: str) -> str:
    """A labelled line as prose: 'Against: A, B.' becomes 'A, B voted against.'."""
    m = _LABEL.match(line)
    if m is None:
        return line
    rest = m["rest"].rstrip()
    if not rest or (rest[0].isdigit() and m["n"] is None):
        return line  # "Against: 4" is a count, read as it is
    key = " ".join(m["label"].lower().split())
    verb = _LABEL_VERB.get(key, "abstained")
    tail = rest.rstrip(".;,")
    items = [_title(item.strip()) for item in tail.split(",") if item.strip()]
    tail = ", ".join(items)
    if m["n"]:
        n = int(m["n"])
    elif len(items) >= 3 or not any(" and " in item for item in items):
        # a roll call lists one member per comma (the record's style): the count is
        # stated by enumeration, whether or not every name is one the reader knows
        n = len(items)
    else:
        return f"{tail} {verb}."
    label = {"voted in favour": "in favour", "voted against": "against"}.get(verb, verb)
    if label == "abstained":
        label = "abstaining"
    return f"{n} {label} ({tail})."


_LOWER_WORDS = frozenset(("of", "and", "the", "for", "de", "del", "d'"))


def _title(item: str) -> str:
    """Each word capitalised but the small ones ('Kingdom of great Britain' -> 'of Great')."""
    words = item.split()
    return " ".join(
        w if w.lower() in _LOWER_WORDS or not w[:1].islower() else w[:1].upper() + w[1:]
        for w in words
    )


def _title_like(line: str) -> bool:
    """Whether most words of a line are capitalised (a headline, not wrapped prose)."""
    words = _WORD.findall(line)
    if not words:
        return True
    capital = sum(1 for w in words if w[0].isupper())
    return capital * 2 > len(words) or line.upper() == line


def _wrapped(lines: list[str]) -> bool:
    """Whether the text is wrapped at a fixed width (no long line, several broken ones).

    A web page keeps a paragraph on one line, often of several hundred characters, and
    a line without a final stop there is a headline or a caption; a wrapped text has
    no line much longer than its width and many lines ending mid-sentence.
    """
    long = [line.rstrip() for line in lines if len(line.strip()) >= 40]
    if len(long) < 3 or max(len(line) for line in long) > 130:
        return False
    broken = sum(1 for line in long if line[-1] not in _TERMINAL)
    return broken >= 3 and broken * 3 >= len(long)


def _goes_on(line: str, following: str, wrapped: bool) -> bool:
    """Whether ``line`` is broken off and ``following`` is the rest of its sentence."""
    end = line.rstrip()
    start = following.lstrip()
    if not end or not start or end[-1] in _TERMINAL or not _WORD.search(end):
        return False
    if _LABEL.match(start):
        return False
    if start[0].islower():
        return True
    if end[-1] in ",-":
        return True
    last = end.rsplit(None, 1)[-1].lower()
    if last in _GOES_ON:
        return True
    # wrapped prose: a long line, not a headline, broken before a word
    return wrapped and len(end) >= 50 and not _title_like(end) and start[0].isalnum()


def layout(text: str) -> str:
    """The text with wrapped lines joined and numeric dates and tally labels respelt."""
    lines = text.split("\n")
    wrapped = _wrapped(lines)
    out: list[str] = []
    closed = False  # the last line is a dateline: nothing joins it
    for raw in lines:
        line = raw
        if line and line.lstrip()[:1].isdigit():
            line = _compact(line)
        if "/" in line:
            line = _SLASHED.sub(_slashed, line)
        if ".19" in line or ".20" in line:  # (every dotted date's year follows a dot)
            line = _DOTTED.sub(_dotted, line)
        stamp = False
        if ":" in line:
            unclocked = _unclock(line)
            stamp = unclocked != line
            line = _label(unclocked)
        if "vote" in line or "-" in line or "I " in line or "oncurring" in line:
            line = _tallies(line)
        if out and not closed and not stamp and _goes_on(out[-1], line, wrapped):
            head = out[-1].rstrip()
            out[-1] = head + ("" if head.endswith("-") else " ") + line.lstrip()
            closed = False
        else:
            out.append(line)
            closed = stamp
    return "\n".join(out)
