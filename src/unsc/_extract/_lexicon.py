"""Ways a text names a Council member: names, short names, demonyms, capitals, envoys.

The tables are the package's own reference data (``unsc/_data/names.csv`` and
``aliases.csv``) plus two tables written for reading prose: ``lexicon.csv``
(demonyms, capitals used for governments, a few states that never sat, and
place names that must not be read as states) and ``ambassadors.csv`` (a small
dated table of well-known representatives). A surname alone is read only when
one representative in the table had it on the date in question.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

from unsc._reference.council import USSR_LAST_DAY
from unsc._reference.tables import aliases, name_spans

_FAR_PAST = dt.date.min
_FAR_FUTURE = dt.date.max

# Place names containing a state's name that must not be read as that state.
_BLOCKED = (
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "Papua New Guinea",
    "New Guinea",
    "Washington Post",
    "Washington Times",
    "Paris Agreement",
    "Rome Statute",
    "Indian Ocean",
    "Korean War",
    "Korean Peninsula",
    "Soviet bloc",
)


_RESOLVED_MAX = 65536
"""Entries kept in a lexicon's memo of resolved (surface, date) pairs before it is cleared."""


def _trie(strings: list[str]) -> str:
    """A regular expression matching any of ``strings``, longest first, as a trie."""
    end = "" in strings
    by_first: dict[str, list[str]] = {}
    for s in strings:
        if s:
            by_first.setdefault(s[0], []).append(s[1:])
    alternatives = []
    for first in sorted(by_first):
        rest = by_first[first]
        prefix = first
        # a chain with a single continuation is one literal
        while "" not in rest and len({r[0] for r in rest}) == 1:
            prefix += rest[0][0]
            rest = [r[1:] for r in rest]
        alternatives.append(re.escape(prefix) + ("" if rest == [""] else _trie(rest)))
    if end:
        alternatives.append("")  # a form ends here: tried after every longer one
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a state: ``kind`` is name, adj, plural, capital or person.

    ``derived`` marks a plural made from a demonym (:func:`_plural`), not read from a table.
    """

    code: str
    kind: str
    start: dt.date
    end: dt.date
    surname: bool = False
    derived: bool = False


def _date(value: str, default: dt.date) -> dt.date:
    return dt.date.fromisoformat(value) if value else default


def _table(name: str) -> list[dict[str, str]]:
    text = resources.files("unsc._extract").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


class Lexicon:
    """Finds mentions of states in text and resolves them to codes on a date."""

    def __init__(self, forms: dict[str, list[Form]]) -> None:
        self.forms = forms
        # The longest form at each position, as a trie of alternations: one branch per
        # next character, the end of a shorter form last (so the longest form followed by
        # a non-word character wins, as in a longest-first alternation, but without trying
        # every form at every position). No look-behind at the start, so that the engine
        # can skip by first character; callers check the character before a match with
        # ``starts_word``.
        self.pattern = re.compile(rf"{_trie(list(forms))}(?![\w])")
        self._resolved: dict[tuple[str, dt.date | None], tuple[str, str] | None] = {}

    @staticmethod
    def starts_word(text: str, start: int) -> bool:
        """Whether a match at ``start`` begins a word (not "xRussia", not "anti-US")."""
        return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")

    def resolve(self, surface: str, date: dt.date | None) -> tuple[str, str] | None:
        """The (code, kind) ``surface`` denotes on ``date``, or ``None`` (memoised)."""
        key = (surface, date)
        try:
            return self._resolved[key]
        except KeyError:
            pass
        if len(self._resolved) >= _RESOLVED_MAX:
            self._resolved.clear()
        found = self._resolve(surface, date)
        self._resolved[key] = found
        return found

    def _resolve(self, surface: str, date: dt.date | None) -> tuple[str, str] | None:
        candidates = self.forms.get(surface, [])
        if not candidates or candidates[0].kind == "block":
            return None
        if date is not None:
            dated = [f for f in candidates if f.start <= date <= f.end]
            candidates = dated or [f for f in candidates if not f.surname]
        if not candidates:
            return None
        codes = {f.code for f in candidates}
        if len(codes) > 1:
            if any(f.kind == "person" for f in candidates):
                return None  # a surname shared by two representatives: ambiguous
            # a name valid in several spans (e.g. Prague): prefer the latest
            chosen = max(candidates, key=lambda f: f.start)
        else:
            chosen = candidates[0]
        code = chosen.code
        if code == "RUS" and date is not None and date <= USSR_LAST_DAY:
            code = "SUN"
        return code, chosen.kind


def _plural(adjective: str) -> str | None:
    """The people of a demonym ending in -an or -i ("the South Africans", "the Emiratis").

    Demonyms in -ese, -ch or -sh ("the Chinese", "the French") are their own plural
    and already read as such.
    """
    last = adjective.rsplit(" ", 1)[-1]
    if len(last) > 3 and (last.endswith("an") or last.endswith("i")):
        return adjective + "s"
    return None


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon built from the packaged tables (cached)."""
    forms: dict[str, list[Form]] = {}

    def add(text: str, form: Form) -> None:
        text = text.strip()
        if text and form not in forms.setdefault(text, []):
            forms[text].append(form)

    for span in name_spans():
        add(span.name, Form(span.code, "name", _FAR_PAST, _FAR_FUTURE))
    for alias, code, _kind in aliases():
        add(alias, Form(code, "name", _FAR_PAST, _FAR_FUTURE))
    for row in _table("lexicon.csv"):
        start, end = _date(row["start"], _FAR_PAST), _date(row["end"], _FAR_FUTURE)
        add(row["text"], Form(row["code"], row["kind"], start, end))
        plural = _plural(row["text"]) if row["kind"] == "adj" else None
        if plural is not None and plural not in forms:
            add(plural, Form(row["code"], "plural", start, end, derived=True))
    for row in _table("ambassadors.csv"):
        start, end = _date(row["start"], _FAR_PAST), _date(row["end"], _FAR_FUTURE)
        add(row["name"], Form(row["code"], "person", start, end))
        if row["short"]:
            add(row["short"], Form(row["code"], "person", start, end, surname=True))
    for text in _BLOCKED:
        forms[text] = [Form("", "block", _FAR_PAST, _FAR_FUTURE)]
    return Lexicon(forms)


StateForm = tuple[str, dt.date | None, dt.date | None]
"""A surface naming a state, and the first and last day it does (``None``: always)."""


@functools.cache
def state_forms() -> dict[str, tuple[StateForm, ...]]:
    """Every way the tables name each state: code -> (surface, valid from, valid to).

    The names, aliases and ``lexicon.csv`` rows of :func:`lexicon`, without the
    representatives, the blocked place names and the plurals made from demonyms.
    """
    table: dict[str, list[StateForm]] = {}
    for surface, forms in lexicon().forms.items():
        if len(surface) < 2:
            continue
        for form in forms:
            if form.kind in ("person", "block") or form.derived:
                continue
            start = None if form.start == _FAR_PAST else form.start
            end = None if form.end == _FAR_FUTURE else form.end
            entry = (surface, start, end)
            if entry not in table.setdefault(form.code, []):
                table[form.code].append(entry)
    return {code: tuple(entries) for code, entries in table.items()}
