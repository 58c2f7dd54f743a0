"""A reader for mandate clauses in resolution texts.

It finds the operative clauses that create, extend, modify or end a body's
mandate, the body they concern and the period they set:

>>> cat = Catalogue([Name("UNDOF", ("United Nations Disengagement Observer Force",))])
>>> text = ("Resolution 645 (1989) of 29 November 1989 The Security Council, ... Decides: "
...         "(a) To call upon the parties concerned to implement immediately its resolution 338; "
...         "(b) To renew the mandate of the United Nations Disengagement Observer Force for "
...         "another period of six months, that is, until 31 May 1990;")
>>> [(c.kind.value, c.body, c.end, c.months) for c in read(text, catalogue=cat)]
[('extend', 'UNDOF', datetime.date(1990, 5, 31), 6)]

How it reads (``docs/mandates.md`` has the evaluation):

1. The text is cut into clauses at operative paragraph numbers (``3.``),
   lettered items (``(b)``), semicolons and sentence ends.
2. A clause is operative when it opens with an operative verb (``Decides``,
   ``Extends``, ``Renews``, ``Approves``, ``Authorizes``, ``Recommends``,
   ``To renew`` under a ``Decides:`` ...); preambular clauses (``Noting``,
   ``Recalling`` ...) never count.
3. Its kind comes from the verbs in it: *establish* (``decides to establish``,
   ``set up``, ``recommends the creation``, ``shall be established``,
   ``initial period``), *extend* (``extend``, ``renew``, ``prolong`` the
   mandate or stationing), *terminate* (``decides to terminate``, ``shall
   terminate``; not ``a period terminating on``), *modify* (``expand``,
   ``enlarge``, ``increase the strength`` ...).
4. The body is the first catalogued name or acronym after the verb; else a
   generic reference (``the Force``, ``the Mission``) or nothing, resolved to
   the body last named before the clause. Names shared by two bodies (the
   United Nations Emergency Force of 1956 and of 1973) are told apart by the
   bodies' dates.
5. The period: an end date after ``until``, ``ending (on)``, ``terminating
   on`` or ``through``; else a length (``for a further period of six
   months``, ``for one year``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unsc._english import CARDINALS, MONTH_MISREADINGS, MONTH_NAMES, month_number

_UNITS = [word for word, n in CARDINALS.items() if 1 <= n <= 19]  # one ... nineteen
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS, start=1)}
for _tens, _value in (("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50)):
    NUMBER_WORDS[_tens] = _value
    for _i, _w in enumerate(_UNITS[:9], start=1):
        NUMBER_WORDS[f"{_tens}-{_w}"] = _value + _i
        NUMBER_WORDS[f"{_tens} {_w}"] = _value + _i

_NUMBER = r"(?:\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_DATE = re.compile(
    r"(?<![\w])([\dlIOS]{1,2})\s*(?:st|nd|rd|th)?\s+("
    + "|".join((*MONTH_NAMES, *MONTH_MISREADINGS))
    + r")\s*,?\s+([12][\dlI\]O]{3})(?![\w])",
    re.IGNORECASE,
)
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "]": "1", "O": "0", "S": "5"})


class ClauseKind(enum.StrEnum):
    """What an operative clause does to a mandate."""

    ESTABLISH = "establish"
    EXTEND = "extend"
    MODIFY = "modify"
    TERMINATE = "terminate"


@dataclass(frozen=True, slots=True)
class Name:
    """A body the reader can recognise: its key, names, acronyms and dates."""

    key: str
    names: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Clause:
    """One operative clause about a mandate."""

    kind: ClauseKind
    body: str | None
    """The catalogue key of the body, or ``None`` when no catalogued body is named."""
    mention: str | None
    """How the clause names the body (``UNAVEM II``, ``the Force``), if it does."""
    end: dt.date | None
    months: int | None
    """The stated length in months (a year is 12), when one is stated."""
    days: int | None
    start: dt.date | None
    text: str
    adopted: dt.date | None


def to_date(day: str, month: str, year: str) -> dt.date | None:
    """A date from its spelled parts, forgiving OCR noise in the year (``198]``).

    >>> to_date("30", "Auqust", "199l"), to_date("IS", "June", "198]")
    (datetime.date(1991, 8, 30), datetime.date(1981, 6, 15))
    """
    number = month_number(month, misread=True)
    if number is None:
        return None
    try:
        return dt.date(int(year.translate(_OCR_DIGITS)), number, int(day.translate(_OCR_DIGITS)))
    except ValueError:
        return None


def dates_in(text: str) -> list[tuple[int, dt.date]]:
    """Every date written out in ``text`` with its position."""
    out = []
    for m in _DATE.finditer(text):
        d = to_date(m.group(1), m.group(2), m.group(3))
        if d is not None:
            out.append((m.start(), d))
    return out


def adoption_date(text: str) -> dt.date | None:
    """The adoption date in the heading of a resolution text.

    >>> adoption_date("Resolution 350 (1974) of 31 May 1974 The Security Council, ...")
    datetime.date(1974, 5, 31)
    """
    flat = " ".join(text.split())
    head = flat[: max(flat.find("The Security Council"), 0) or 400]
    found = dates_in(head)
    return found[0][1] if found else None


def normalize(text: str) -> str:
    """Lower-case ASCII words separated by single spaces; hyphens inside words dropped.

    >>> normalize("United Nations Peace-keeping Force in Cyprus (UNFICYP)")
    'united nations peacekeeping force in cyprus unficyp'
    >>> normalize("Côte d\u2019Ivoire, peace- keeping")
    'cote divoire peacekeeping'
    """
    return normalize_with_positions(text)[0]


def normalize_with_positions(text: str) -> tuple[str, list[int]]:
    """:func:`normalize`, with the position in ``text`` of each character of the result."""
    out: list[str] = []
    where: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "-\u2010\u2011\u00ad" and out and out[-1].isalpha():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j].isalpha():
                i = j
                continue
        if ch in "\u2019'`\u2018":
            i += 1
            continue
        base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
        base = base.lower() if base else ("" if unicodedata.combining(ch) else " ")
        for b in base:
            if b.isalnum():
                out.append(b)
                where.append(i)
            elif out and out[-1] != " ":
                out.append(" ")
                where.append(i)
        i += 1
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's end.

    >>> add_months(dt.date(1974, 5, 31), 6)
    datetime.date(1974, 11, 30)
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class Catalogue:
    """The bodies the reader recognises, matched by normalised name or by acronym."""

    def __init__(self, names: Iterable[Name]) -> None:
        self.names = list(names)
        self._by_key = {n.key: n for n in self.names}
        patterns: list[tuple[str, str, str]] = []
        for n in self.names:
            for name in n.names:
                patterns.append((normalize(name), n.key, name))
        # Longest first, so that "... Mission II" wins over "... Mission".
        patterns.sort(key=lambda p: -len(p[0]))
        self._names = patterns
        acronyms = sorted(
            ((a, n.key) for n in self.names for a in (*n.acronyms, n.key) if _ACRONYM.fullmatch(a)),
            key=lambda p: -len(p[0]),
        )
        self._acronyms = acronyms
        self._acronym_re = (
            re.compile(
                r"(?<![A-Za-z])(" + "|".join(re.escape(a) for a, _ in acronyms) + r")(?![A-Za-z])"
            )
            if acronyms
            else None
        )

    def __getitem__(self, key: str) -> Name:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def mentions(self, text: str) -> list[tuple[int, str, tuple[str, ...]]]:
        """``(position, words, candidate keys)`` for each name or acronym in ``text``."""
        norm, where = normalize_with_positions(text)
        padded = f" {norm} "
        found: dict[tuple[int, int], tuple[str, list[str]]] = {}
        for pattern, key, _ in self._names:
            needle = f" {pattern} "
            start = 0
            while (i := padded.find(needle, start)) >= 0:
                start = i + 1
                span = (i, i + len(pattern))
                if span in found:
                    found[span][1].append(key)
                elif not any(a < span[1] and span[0] < b for a, b in found):
                    found[span] = (pattern, [key])
        out = [(where[a], words, tuple(keys)) for (a, _), (words, keys) in found.items()]
        if self._acronym_re is not None:
            for m in self._acronym_re.finditer(text):
                keys = tuple(k for a, k in self._acronyms if a == m.group(1))
                out.append((m.start(), m.group(1), keys))
        return sorted(out)

    def pick(
        self, keys: Sequence[str], on: dt.date | None, *, establishing: bool = False
    ) -> str | None:
        """The one of ``keys`` in existence on ``on`` (or about to be, when establishing)."""
        unique = list(dict.fromkeys(keys))
        if len(unique) == 1 or on is None:
            return unique[0] if unique else None
        slack = dt.timedelta(days=400 if establishing else 62)
        alive = [k for k in unique if _alive(self[k], on, slack)]
        if len(alive) == 1:
            return alive[0]
        dated = [(abs((start - on).days), k) for k in alive if (start := self[k].start)]
        return min(dated)[1] if dated else None


def _alive(name: Name, on: dt.date, slack: dt.timedelta) -> bool:
    """Whether the body exists on ``on``, give or take ``slack`` before its start."""
    begun = name.start is None or name.start - slack <= on
    going = name.end is None or on <= name.end + dt.timedelta(days=62)
    return begun and going


_ACRONYM = re.compile(r"[A-Z][A-Z]+(?: (?:I|II|III))?")


# --- clauses ----------------------------------------------------------------------

_SPLIT = re.compile(
    r";\s*"
    r"|(?<=[\s,.;:])(?=\d{1,2}[.,]\s+[A-Z])"
    r"|(?<=[\s,.;:])(?=\([a-z]\)\s+[A-Z])"
    r"|(?<=[a-z0-9)])(?<!\s\d)(?<!\s\d\d)\.\s+(?=[A-Z])"
)
_LEAD = re.compile(
    r"^(?:\d{1,2}[.,]\s*|\([a-z]\)\s*)?"
    r"(?:(?:also|further|furthermore|hereby|therefore|accordingly|now|finally)\s*,?\s+)*",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"^\s*[\"\u201c\u201d\u2018\u2019']")
_OPERATIVE = re.compile(
    r"^(?:decides?|decided|resolves?|extends?|renews?|prolongs?|approves?|agrees?|"
    r"authori[sz]es?|recommends?|establishes?|requests?|invites?|endorses?|"
    r"to\s+(?:renew|extend|prolong|establish|set\s+up|terminate|continue))\b",
    re.IGNORECASE,
)
_DECIDING = re.compile(
    r"^(?:decides?|resolves?|approves?|authori[sz]es?|endorses?|agrees?|extends?)\b",
    re.IGNORECASE,
)
_EXTEND = re.compile(
    r"\b(?:extend|extends|extended|extending|renew|renews|renewed|renewal\s+of|prolong|"
    r"prolongs|continuation\s+of|continued\s+presence\s+of)\b",
    re.IGNORECASE,
)
_ESTABLISH = re.compile(
    r"\b(?:establish|establishes|establishment|set\s+up|sets\s+up|creation|create|creates)\b",
    re.IGNORECASE,
)
_ESTABLISHED = re.compile(
    r"\b(?:shall|will|is|should)\s+be\s+established\b|\bis\s+established\b", re.I
)
_INITIAL = re.compile(r"\binitial\s+(?:[\w-]+\s+){0,2}?period\b", re.IGNORECASE)
_OPENS_QUOTE = re.compile(r"[\u201c\u2018\"]\s*(?:\d{1,2}|\([a-z]\))?\s*$")
_REPORTED = re.compile(r"\b(?:in|by)\s+which\s+it\s*:?\s*$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d{1,2}[.,]\s")
_LETTERED = re.compile(r"^\([a-z]\)\s")
_APPROVES = re.compile(
    r"^(?:approves?|endorses?)\b.{0,120}?\b(?:recommendations?|proposals?)\b", re.IGNORECASE
)
_AUTHORIZES = re.compile(r"^(?:authori[sz]es?|decides\s+to\s+authori[sz]e)\s+", re.I)
_TERMINATE = re.compile(
    r"\b(?:decides?\s+to\s+terminate|shall\s+terminate|shall\s+be\s+terminated|"
    r"be\s+terminated|terminates|termination\s+of\s+(?:the|its)\s+(?:mandate|operations?))\b",
    re.IGNORECASE,
)
_MODIFY = re.compile(
    r"\b(?:expand|expands|expansion\s+of|enlarge|enlarges|enlargement\s+of|"
    r"increase|increased|strengthen|strengthening\s+of|deploy|deployment\s+of|"
    r"additional\s+(?:tasks|functions|responsibilities|military\s+observers|personnel)|"
    r"new\s+(?:mandate|tasks)|revised\s+mandate|addition\s+of\s+new\s+tasks|to\s+include)\b",
    re.IGNORECASE,
)
_OBJECT = re.compile(
    r"\b(?:mandate|stationing|stationed|presence|period\s+in\s+which)\b", re.IGNORECASE
)
_MANDATE_OBJECT = re.compile(r"\b(?:mandate|stationing|stationed|presence)\b", re.IGNORECASE)
_END = re.compile(
    r"\b(?:until|till|ending(?:\s+on)?|terminating\s+on|through|up\s+to|to|"
    r"expiring\s+on)[\s!:,]+$",
    re.IGNORECASE,
)
_START = re.compile(
    r"\b(?:from|beginning(?:\s+on)?|as\s+of|commencing(?:\s+on)?)[\s,]+$", re.IGNORECASE
)
_LENGTH = re.compile(
    r"\bfor\s+(?:a|an|another|one)?\s*(?:further|additional|initial|new|final|interim|"
    r"limited|period\s+of|more|last|,|\s)*"
    r"(?:period\s+of\s+)?(?P<n>" + _NUMBER + r"|a|one)\s+"
    r"(?P<unit>months?|years?|weeks?|days?)\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:the|this|that|its)\s+(?:expanded\s+|present\s+|existing\s+|said\s+)?"
    r"(Force|Mission|Operation|Group|Observer\s+Group|Observer\s+Mission|Authority|"
    r"Administration|Verification\s+Mission)\b"
)
_NOUNS = ("force", "mission", "operation", "group", "authority", "administration")
_NOUN_PAIRS = ("observer group", "observer mission", "verification mission")
_CREATOR = re.compile(
    r"^(?:decides?|resolves?|authori[sz]es?|approves?|agrees?|recommends?|establishes?|"
    r"endorses?|to\s+(?:establish|set\s+up)|"
    r"requests\s+the\s+secretary-general\s+to\s+(?:establish|set\s+up))\b",
    re.IGNORECASE,
)
_NEAR_WORDS = 8
"""At most this many words between an establishing verb and the body it creates."""


def split_clauses(text: str) -> list[str]:
    """The text cut into clauses (whitespace collapsed)."""
    flat = " ".join(text.split())
    return [c.strip() for c in _SPLIT.split(flat) if c and c.strip()]


_HYPHENATED = re.compile(
    r"\b(?P<n>" + _NUMBER + r")-(?P<unit>month|year|week|day)\s+(?:initial\s+)?period\b", re.I
)


def _length(clause: str) -> tuple[int | None, int | None]:
    m = _LENGTH.search(clause) or _HYPHENATED.search(clause)
    if m is None:
        return None, None
    word = m.group("n").lower()
    n = 1 if word in ("a", "one") else int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if n is None:
        return None, None
    unit = m.group("unit").lower()
    if unit.startswith("month"):
        return n, None
    if unit.startswith("year"):
        return 12 * n, None
    return None, 7 * n if unit.startswith("week") else n


def _end_and_start(clause: str) -> tuple[dt.date | None, dt.date | None]:
    end = start = None
    for pos, day in dates_in(clause):
        before = clause[max(0, pos - 40) : pos]
        if end is None and _END.search(before):
            end = day
        elif start is None and _START.search(before):
            start = day
    return end, start


_ON = re.compile(r"\b(?:on|effective|with\s+effect\s+from)[\s,]+$", re.IGNORECASE)


def _date_after(clause: str, words: re.Pattern[str]) -> dt.date | None:
    for pos, day in dates_in(clause):
        if words.search(clause[max(0, pos - 40) : pos]):
            return day
    return None


@dataclass(frozen=True, slots=True)
class _Ref:
    """A place where a clause names a body, by name or acronym or generically."""

    pos: int
    end: int
    words: str
    key: str | None


class _Context:
    """What the text has named so far, to resolve ``the Force`` and the like."""

    def __init__(self, catalogue: Catalogue, adopted: dt.date | None, antecedent: str | None):
        self.catalogue = catalogue
        self.adopted = adopted
        self.last = antecedent
        self.by_noun: dict[str, str] = {}
        if antecedent is not None and antecedent in catalogue:
            self._nouns(antecedent)

    def nouns(self, key: str | None) -> set[str]:
        """The generic nouns (``force``, ``observer group`` ...) that can refer to ``key``."""
        out: set[str] = set()
        if key is None or key not in self.catalogue:
            return out
        for full in self.catalogue[key].names:
            words = normalize(full).split()
            out |= {n for n in _NOUNS if n in words}
            text = " ".join(words)
            out |= {p for p in _NOUN_PAIRS if p in text}
        return out

    def _nouns(self, key: str) -> None:
        for noun in self.nouns(key):
            self.by_noun[noun] = key

    def refs(self, clause: str, *, establishing: bool) -> list[_Ref]:
        out = []
        for pos, words, keys in self.catalogue.mentions(clause):
            key = self.catalogue.pick(keys, self.adopted, establishing=establishing)
            if key is not None:
                out.append(_Ref(pos, pos + len(words), words, key))
        named = list(out)
        for m in _GENERIC.finditer(clause):
            if any(r.pos <= m.start() < r.end for r in named):
                continue
            noun = normalize(m.group(1))
            head = noun.split()[-1]
            prior = [r for r in named if r.pos < m.start() and head in self.nouns(r.key)]
            key = prior[-1].key if prior else self.by_noun.get(noun) or self.by_noun.get(head)
            out.append(_Ref(m.start(), m.end(), m.group(0), key))
        return sorted(out, key=lambda r: r.pos)

    def saw(self, clause: str) -> None:
        for _, _words, keys in self.catalogue.mentions(clause):
            key = self.catalogue.pick(keys, self.adopted, establishing=True)
            if key is not None:
                self.last = key
                self._nouns(key)


def _words_between(text: str) -> int:
    """Words in ``text`` once parenthetical ``, ... ,`` asides are dropped."""
    return len(re.sub(r",[^,]*,", " ", text).split())


def _classify(lead: str, ctx: _Context) -> tuple[ClauseKind, _Ref | None] | None:
    ended = _TERMINATE.search(lead)
    if ended is not None:
        refs = ctx.refs(lead, establishing=False)
        before = [r for r in refs if r.pos < ended.start()]
        ref = next((r for r in refs if r.pos >= ended.start()), before[-1] if before else None)
        if ref is not None or _MANDATE_OBJECT.search(lead):
            return ClauseKind.TERMINATE, ref
    extend = _EXTEND.search(lead)
    if extend is not None:
        refs = ctx.refs(lead, establishing=False)
        after = lead[extend.end() : extend.end() + 120]
        obj = _OBJECT.search(after)
        ref = next((r for r in refs if r.pos >= extend.start()), None)
        near_obj = obj is not None and _words_between(after[: obj.start()]) <= 6
        near_ref = ref is not None and _words_between(lead[extend.end() : ref.pos]) <= 4
        if (near_obj or near_ref) and "withdrawal" not in after[:40].lower():
            if "to include" in lead.lower() or "terms of reference" in after[:40].lower():
                return ClauseKind.MODIFY, ref
            return ClauseKind.EXTEND, ref or _Ref(0, 0, "", ctx.last)
    create = _ESTABLISH.search(lead) if _CREATOR.match(lead) else None
    if create is not None:
        refs = ctx.refs(lead, establishing=True)
        ref = next((r for r in refs if r.pos >= create.end()), None)
        if ref is not None and _words_between(lead[create.end() : ref.pos]) <= _NEAR_WORDS:
            return ClauseKind.ESTABLISH, ref
    passive = _ESTABLISHED.search(lead)
    if passive is not None:
        refs = ctx.refs(lead, establishing=True)
        before = [r for r in refs if r.pos < passive.start()]
        if before and _words_between(lead[before[-1].end : passive.start()]) <= 3:
            return ClauseKind.ESTABLISH, before[-1]
    initial = _INITIAL.search(lead)
    if initial is not None:
        refs = ctx.refs(lead, establishing=True)
        if refs:
            return ClauseKind.ESTABLISH, refs[0]
    end, _ = _end_and_start(lead)
    months, days = _length(lead)
    if (end or months or days) and _MANDATE_OBJECT.search(lead):
        refs = ctx.refs(lead, establishing=False)
        return ClauseKind.EXTEND, refs[0] if refs else _Ref(0, 0, "", ctx.last)
    if (_DECIDING.match(lead) and _MODIFY.search(lead)) or _APPROVES.match(lead):
        refs = ctx.refs(lead, establishing=False)
        named = [r for r in refs if r.key is not None]
        if named:
            return ClauseKind.MODIFY, named[0]
    authorizes = _AUTHORIZES.match(lead)
    if authorizes is not None:
        refs = ctx.refs(lead, establishing=False)
        first = next((r for r in refs if r.key is not None), None)
        if first is not None and _words_between(lead[authorizes.end() : first.pos]) <= 3:
            return ClauseKind.MODIFY, first
    return None


def read(
    text: str,
    *,
    catalogue: Catalogue,
    adopted: dt.date | None = None,
    antecedent: str | None = None,
) -> list[Clause]:
    """The mandate clauses of one resolution text, in order.

    ``antecedent`` is the body a generic reference (``the Force``) means when
    the text itself names none before it (the body of the previous resolution).
    """
    adopted = adopted or adoption_date(text)
    ctx = _Context(catalogue, adopted, antecedent)
    out: list[Clause] = []
    established: set[str] = set()
    previous = ""
    reported = False
    for clause in split_clauses(text):
        if _NUMBERED.match(clause):
            reported = False
        quoted = _OPENS_QUOTE.search(previous) is not None or _QUOTE.match(clause) is not None
        skip = quoted or (reported and _LETTERED.match(clause) is not None)
        reported = reported or _REPORTED.search(clause) is not None
        previous = clause
        lead = _LEAD.sub("", clause, count=1)
        if _OPERATIVE.match(lead) is not None and not skip:
            found = _classify(lead, ctx)
            if found is not None:
                kind, ref = found
                key = ref.key if ref else None
                end, start = _end_and_start(lead)
                months, days = _length(lead)
                if kind is ClauseKind.EXTEND and key in established and not _EXTEND.search(lead):
                    kind = ClauseKind.ESTABLISH
                if kind is ClauseKind.EXTEND and not (end or months or days):
                    # "extend the mandate ... in order to enable it to ...": a change.
                    kind = ClauseKind.MODIFY
                if kind is ClauseKind.ESTABLISH and key is not None:
                    established.add(key)
                if kind is ClauseKind.TERMINATE:
                    months = days = None
                    end = end or start or _date_after(lead, _ON)
                elif kind is ClauseKind.MODIFY:
                    months = days = None
                    end = None
                mention = ref.words if ref and ref.words else None
                out.append(Clause(kind, key, mention, end, months, days, start, clause, adopted))
        ctx.saw(clause)
    return out
