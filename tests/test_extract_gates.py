"""The reader's cheap gates skip only work that would find nothing.

Each gate (a substring test before a pattern) is compared with the path without it
on generated text built from the words the patterns read, so that matches are
frequent, and with a few non-ASCII letters that case-insensitive matching folds.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from re import _constants as _C  # type: ignore[attr-defined]  # the parsed form
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from unsc._extract import _dates, _layout, _patterns, _pipeline

WORDS = (
    "9", "10", "2", "1", "I", "nine", "two", "one", "Fifteen", "votes", "vote", "VOTES",
    "concurring", "CONCURRING", "against", "Against", "opposed", "negative", "dissenting",
    "contrary", "and", "with", ",", "to", "TO", "by", "BY", "defeated", "rejected", "lost",
    "Defeated", "abstention", "abstentions", "abstaining", "(", ")", "-", " - ", "(Poland,",
    "France)", "10-3", "(A, B)-2", "(C)", "in", "favour", ":", "photo", "Photo", "credit",
    "[Photo/Agencies]", "(AP Photo/A. Name)", "http://x.org/a", "www.un.org", "09:36",
    "Source", "Read more", "12:05", "the", "Council", "draft", ".", "\u017f", "\u0131",
    "\u00e9", "\u212a", "\u0130", "resolution", "was", "adopted",
)  # fmt: skip

_line = st.lists(st.sampled_from(WORDS), max_size=24).map(" ".join)
_joined = st.lists(st.sampled_from(WORDS), max_size=24).map("".join)
lines = st.one_of(_line, _joined)


def _tallies_ungated(line: str) -> str:
    """``_layout._tallies`` without its gates: every form searched."""
    for pattern, by in _layout._TALLY_FORMS:
        line = pattern.sub(by, line)
    line = line.replace(" abstaining ()", " abstaining")
    if "by" in line:
        line = _layout._DEFEATED_BY.sub(_layout._defeated, line)
    return line


@settings(max_examples=400, deadline=None)
@given(lines)
def test_tally_gates_change_nothing(line: str) -> None:
    assert _layout._tallies(line) == _tallies_ungated(line)


def test_tally_gates_examples() -> None:
    for line in (
        "adopted with I abstention",
        "9 concurring votes",
        "adopted with nine votes and one against",
        "by 8 votes to 2 (Poland, Ukraine)",
        "10-3 (A, B)-2 (C, D)",
        "defeated by nine votes to two",
        "9 CONCURRING VOTES - ",
        "nine vote\u017f and one against",
    ):
        assert _layout._tallies(line) == _tallies_ungated(line)
        assert _layout._tallies(line) != line or "\u017f" in line


def _not_text_ungated(line: str) -> bool:
    """``_pipeline.not_text`` as one pattern searched over the whole line."""
    if _pipeline._CAPTION.search(line):
        return True
    return _pipeline._CLOCK.search(line) is not None and len(line.split()) <= 8


@settings(max_examples=400, deadline=None)
@given(lines)
def test_caption_split_changes_nothing(line: str) -> None:
    assert _pipeline.not_text(line) == _not_text_ungated(line)


def test_caption_examples() -> None:
    for line in (
        "Photo: the Council",
        "  FILE PHOTO of the chamber",
        "The chamber (AP Photo/A. Name)",
        "The chamber [Photo/Agencies]",
        "http://example.org/story",
        "Xinhua) 09:36, February 26, 2022",
        "The Council voted on Tuesday.",
        "At 10:30 the Council voted on the draft, which the United States had proposed.",
    ):
        assert _pipeline.not_text(line) == _not_text_ungated(line)


# --- patterns rewritten for speed, against their earlier form -------------------------

_HISTORY_BEFORE = (
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:vetoed|used\s+(?:its|their)\s+veto|blocked|cast)\s+"
    r"(?:\d+|several|many|multiple|numerous|dozens|a\s+number|more\s+than|at\s+least|over)\b|"
    r"\b(?:\d{2,}|several|many|numerous|multiple|dozens\s+of|a\s+string\s+of|a\s+series\s+of)\s+"
    r"(?:previous\s+|prior\s+|earlier\s+|other\s+|such\s+)?(?:resolutions|drafts|vetoes|times|"
    r"proposals)\b|"
    r"(?<!would\s)(?<!could\s)(?<!might\s)(?<!should\s)(?<!must\s)"
    r"\b(?:had\s+(?:\w+\s+)?|(?:has|have)\s+(?:previously|already|repeatedly|often|long|"
    r"before|since|also\s+previously)\s+)(?:vetoed|blocked|adopted|rejected|approved|passed|"
    r"failed)\b|"
    r"\b(?:has|have)\s+(?:\w+\s+)?(?:vetoed|blocked|adopted|rejected|approved|passed|failed)"
    r"\s+since\b"
)
HISTORY_WORDS = (
    "has", "have", "had", "would", "could", "must", "should", "vetoed", "used", "its", "their",
    "veto", "blocked", "cast", "12", "3", "several", "many", "dozens", "of", "a", "string",
    "series", "number", "more", "than", "at", "least", "over", "previous", "prior", "such",
    "resolutions", "drafts", "vetoes", "times", "proposals", "previously", "already", "often",
    "since", "also", "adopted", "rejected", "approved", "passed", "failed", "memx0", "\u00e9",
    "\u0661\u0662", "x",
)  # fmt: skip


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], object]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(HISTORY_WORDS), max_size=14).map(" ".join))
def test_history_pattern_matches_as_before(text: str) -> None:
    before = _patterns._lowercase(re.compile(_HISTORY_BEFORE, re.IGNORECASE))
    assert _matches(_patterns.HISTORY, text) == _matches(before, text)
    if _patterns.plain(text):
        twin = _patterns.twin
        assert _matches(twin(_patterns.HISTORY), text) == _matches(twin(before), text)


LIST_WORDS = (
    "the", "memx0", "memx12", "memx3's", "the  memx1", "bathe", "\t", ",", "and", "as well as",
    "voted", "against", "in", "favour", "for", "abstained", "abstaining", "no", "not voting",
    "vetoed", "cast", "its", "veto", "blocked", "joined", "voting", "among", "those", "was",
    "were", "on", "of", "to", "datx0", "delegation", "also", "had", "\u00e9", "\x1c", "x",
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(LIST_WORDS), max_size=16).map(" ".join))
def test_list_matches_are_the_search(text: str) -> None:
    for name in _patterns.LIST_LED:
        pattern = getattr(_patterns, name)
        picks = (_patterns.same, _patterns.twin) if _patterns.plain(text) else (_patterns.same,)
        for q in picks:
            searched = _matches(q(pattern), text)
            scanned = [(m.span(), m.groups()) for m in _patterns.list_matches(q(pattern), text)]
            assert scanned == searched, name


_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)


def _starts(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """The characters a match of a parsed sequence can start with, and whether it is empty.

    ``None`` when any character can (a negated set, a word character, any character, a
    group reference, a flag of its own).
    """
    out: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            out.add(chr(av))
            return out, False
        if op is _C.IN:
            for item_op, item in av:
                if item_op is _C.LITERAL:
                    out.add(chr(item))
                elif item_op is _C.CATEGORY and item is _C.CATEGORY_DIGIT:
                    out.add("\\d")
                else:
                    return None, False
            return out, False
        if op in _ZERO_WIDTH:
            continue  # a look-around or an anchor consumes nothing
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None, False
            chars, empty = _starts(sub.data)
        elif op is _C.BRANCH:
            chars, empty = set(), False
            for alternative in av[1]:
                found, can_be_empty = _starts(alternative.data)
                if found is None:
                    return None, False
                chars |= found
                empty = empty or can_be_empty
        elif op in _REPEATS:
            low, _high, sub = av
            chars, empty = _starts(sub.data)
            empty = empty or low == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def test_first_characters_are_read_off_the_pattern() -> None:
    def first(source: str) -> set[str] | None:
        chars, empty = _starts(_parser.parse(source, 0).data)
        return None if empty else chars

    assert first(r"\bab|\bcd") == {"a", "c"}
    assert first(r"(?<!x)\b(?:foo|\d+ bar)") == {"f", "\\d"}
    assert first(r"\b(?:the\s+)?(?:x|y)") == {"t", "x", "y"}
    assert first(r"(?:^|[:;,]\s*)the") == {":", ";", ",", "t"}
    for any_start in (r"\b\w+", r"\ba?", r"\b[^x]y", r"\b(?i:x)", r"\b.x"):
        assert first(any_start) is None


def test_look_aheads_hold_every_first_character() -> None:
    assert len(_patterns.LOOKING_AHEAD) == 27
    for fast, before in _patterns.LOOKING_AHEAD:
        assert not before.flags & re.IGNORECASE
        chars = fast.pattern[len("(?=[") : fast.pattern.index("])")]
        assert fast.pattern == f"(?=[{chars}])(?:{before.pattern})"
        found, empty = _starts(_parser.parse(before.pattern, before.flags).data)
        assert found is not None, before.pattern
        assert not empty, before.pattern
        assert set(chars.replace("\\d", "")) | ({"\\d"} if "\\d" in chars else set()) == found


def _devset_lines() -> list[str]:
    folder = Path(__file__).parent / "extract_devset"
    lines = [
        line.lower()
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    # the forms of masked text too: tokens for members, dates and resolutions
    return lines + [
        re.sub(r"\b(?:russia|china|france|the united states)\b", "memx0", x) for x in lines
    ]


def test_looking_ahead_patterns_match_as_before() -> None:
    assert _patterns.LOOKING_AHEAD  # the reader's patterns were given look-aheads
    lines = _devset_lines()
    for fast, before in _patterns.LOOKING_AHEAD:
        for line in lines:
            assert _matches(fast, line) == _matches(before, line), before.pattern
            if _patterns.plain(line):
                twin = _patterns.twin
                assert _matches(twin(fast), line) == _matches(twin(before), line)


FIRST_WORDS = (
    "vetoed", "the", "draft", "was", "adopted", "by", "13", "votes", "to", "none", "against",
    "with", "two", "abstentions", "not", "never", "failed", "other", "members", "voted", "in",
    "favour", "unanimously", "every", "one", "procedural", "press", "statement", "council",
    "security", "has", "had", "previously", "rejected", "memx0", ",", ";", ":", "first",
    "second", "withdrawn", "\u00e9", "\u0661", "\u2003", "\x1c",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FIRST_WORDS), max_size=14).map(" ".join))
def test_looking_ahead_patterns_match_as_before_on_generated_text(text: str) -> None:
    for fast, before in _patterns.LOOKING_AHEAD:
        assert _matches(fast, text) == _matches(before, text), before.pattern


DATE_WORDS = (
    "last", "that", "the", "previous", "following", "next", "year", "month", "week", "spring",
    "earlier", "later", "this", "in", "since", "by", "during", "1950", "2017", "the 1990s",
    "March", "may", "December", "of", "years", "ago", "a", "decade", "before", "previously",
    "past", "recent", "over", "at", "time", "once", "again", "several", "times", "decades",
    "on", "Tuesday", "24", "October", "yesterday", "\u017f", "\u0131", ",",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=14).map(" ".join))
def test_vague_date_gate_changes_nothing(text: str) -> None:
    gated = _dates.find_dates(text, dt.date(2017, 10, 26), 2017)
    saved = _dates._VAGUE_KEYS
    _dates._VAGUE_KEYS = ("",)  # every text holds "": the path without the gate
    try:
        ungated = _dates.find_dates(text, dt.date(2017, 10, 26), 2017)
    finally:
        _dates._VAGUE_KEYS = saved
    assert gated == ungated
