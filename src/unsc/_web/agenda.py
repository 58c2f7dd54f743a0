"""Agenda texts as the record has them: several items in one text, and near-duplicate names.

The sources put the items of a meeting's agenda on separate lines (resolution
1 has eight) and wrap a long item onto the next line; the same item is named
differently across years and sources ("The situation in the Middle East",
"Middle East situation, including the Palestinian question").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

_PREFIX = re.compile(
    r"^(?:the|items? relating to|situation (?:in|of|concerning)|"
    r"questions? (?:of|concerning|relating to)|matters? relating to)\s+"
)
_SUFFIX = re.compile(r"\s+(?:situation|question|to the united nations)$")
_QUALIFIER = re.compile(r",|;|\s[-\u2013\u2014]\s|\s\(|:")  # comma, dashes, parenthesis
_GENERIC = frozenset({"letter", "letters", "identical letters", "cable", "telegram", "note"})
"""Subjects that say nothing alone: a letter's item is named by the whole text."""


def agenda_items(text: str | None) -> list[str]:
    r"""The items of an agenda text, one a line; a line that begins in lower case continues one.

    >>> agenda_items("Report of the Committee concerning the\napplications of A (S/1)\nLetter")
    ['Report of the Committee concerning the applications of A (S/1)', 'Letter']
    """
    items: list[str] = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if items and (line[0].islower() or line[0] in "(["):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return items


def agenda_topic(text: str | None) -> str:
    """The key under which near-duplicate agenda names group: the first item's subject.

    Case, a leading "The situation in" or "Question concerning", a trailing
    "situation" or "question", and qualifiers after a comma, dash, colon or
    parenthesis are dropped (except from a letter, whose date and sender are
    what name it).

    >>> agenda_topic("The situation in the Middle East, including the Palestinian question")
    'middle east'
    >>> agenda_topic("Middle East situation - Syria")
    'middle east'
    """
    items = agenda_items(text)
    if not items:
        return ""
    whole = items[0].casefold()
    topic = _QUALIFIER.split(whole, maxsplit=1)[0].strip()
    if topic in _GENERIC:
        return whole
    while True:
        shorter = _SUFFIX.sub("", _PREFIX.sub("", topic)).strip()
        if shorter == topic or not shorter:
            return topic
        topic = shorter


def group_agendas(counts: Iterable[tuple[str | None, int]]) -> list[tuple[str, int, list[str]]]:
    """``(agenda, n)`` pairs grouped by :func:`agenda_topic`, most first.

    Each group is named by its most frequent first item (the shorter on a tie)
    and lists every name it gathers, most frequent first.
    """
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for text, n in counts:
        items = agenda_items(text)
        names[agenda_topic(text)][items[0] if items else "(agenda not recorded)"] += n
    groups = [
        (
            min(c, key=lambda name: (-c[name], len(name), name)),
            sum(c.values()),
            sorted(c, key=lambda name: (-c[name], name)),
        )
        for c in names.values()
    ]
    return sorted(groups, key=lambda g: (-g[1], g[0]))
