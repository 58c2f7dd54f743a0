"""Reading one clause: what it says about a vote (a *mention*).

A clause is masked first (states, dates, symbols, numbers), then read with the
patterns of :mod:`unsc._extract._patterns`. A mention records the question it
names (kind, draft symbol, resolution number, sponsor), the counts and the
members it gives for each position, the outcome and vetoes it reports, its
date, and flags that disqualify it (hypothetical, withdrawn, another body,
a statement, vague history).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from unsc._english import CARDINALS
from unsc._extract import _needs as N
from unsc._extract import _patterns as P
from unsc._extract._dates import DateExpr
from unsc._extract._lexicon import Lexicon

POSITIONS = ("yes", "no", "abs", "nv")

_NUMBER_WORDS = {**CARDINALS, "a single": 1, "a lone": 1, "single": 1}
_NUMBER_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\b(?!-(?:member|nation|seat))",
    re.IGNORECASE,
)
_NUMBER_LOW = re.compile(_NUMBER_RE.pattern.lower())
# every number word contains one of these
_NUMBER_KEYS = ("one", "two", "ten", "six", "three", "four", "five", "seven", "eight", "nine",
                "eleven", "twelve", "thirteen", "fifteen", "twenty", "zero", "single")  # fmt: skip


# "without a single negative vote", "without any abstentions": a count of zero (the
# negation scopes over the count), not of one
_WITHOUT = re.compile(
    r"\bwithout\s+(?:a\s+single|a|any|one|even\s+one)\s+"
    r"(?=(?:negative|dissenting|no|opposing|contrary)\s+votes?\b|abstentions?\b|"
    r"votes?\s+against\b|objections?\b)",
    re.IGNORECASE,
)


def _numbers(text: str, q: P.Pick = P.same) -> str:
    """Number words as digits ("two no votes" -> "2 no votes")."""
    if "ithout" in text:
        text = _WITHOUT.sub("with 0 ", text)
    low = text.lower()
    if len(low) != len(text):
        return _NUMBER_RE.sub(lambda m: str(_NUMBER_WORDS[m.group(0).lower()]), text)
    for word in _NUMBER_KEYS:
        if word in low:
            break
    else:
        return text
    out: list[str] = []
    pos = 0
    for m in q(_NUMBER_LOW).finditer(low):
        out.append(text[pos : m.start()])
        out.append(str(_NUMBER_WORDS[m.group(0)]))
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_SYMBOL = re.compile(r"\bS/(?:(?:19|20)\d\d/)?\d{1,5}(?:/Rev\.\s?\d+)?(?:/Add\.\s?\d+)?\b")
_RESOLUTION = re.compile(
    r"\b(?P<word>[Rr]esolution|RESOLUTION|S/RES/|UNSCR|UNSC\s+[Rr]esolution|SCR)\s*(?:No\.\s*)?"
    r"(?P<n>\d{1,4})(?:\s*\((?:19|20)\d\d\))?"
    r"(?!\s*(?:,\s*\d|and\s+\d))"
)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:under|of|in|by|to|with|implementing|implement|extending|renewing|renew|reaffirming|recalling|"
    r"recall(?:s|ed)?|reaffirm(?:s|ed)?|cit(?:e|es|ed|ing)|"
    r"following|since|than|earlier|previous|under|per|pursuant\s+to|through|like|unlike|amend|amending|its|"
    r"modifying|replacing|replace|revising|(?:general\s+)?assembly|(?:human\s+rights\s+)?council's)\s+"
    # "comply with Security Council resolution 1160": the Council's name between them
    r"(?:(?:the\s+)?(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?Security\s+Council(?:'s)?\s+)?$",
    re.IGNORECASE,
)
_TITLE_GAP = re.compile(
    r"^(?:'s)?(?:[\s,]+(?:(?:the|a|an|of|to|at|in|for|and|his|her|its|their|UN|U\.N\.|United|Nations|"
    r"delegate|delegation|delegation's|ambassador|Ambassador|envoy|Envoy|representative|Representative|"
    r"permanent|Permanent|deputy|Deputy|chief|Chief|foreign|Foreign|minister|Minister|secretary|"
    r"Secretary|president|President|prime|Prime|head|Head|state|State|government|government's|"
    r"Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Sir|Lord|Lady|Baron|Count|counterpart|spokesman|spokeswoman|"
    r"diplomat|top|senior|veteran|then|current|own|mission|Mission|Vice|vice|Nationalist|"
    r"[A-Z]\.)(?=[\s,]|$)))*[\s,]*$"
)


@dataclass(slots=True)
class Mention:
    """What one clause says about a vote."""

    order: int
    paragraph: int
    sentence: int
    text: str
    masked: str
    kind: str | None = None
    new_event: bool = False
    # "That was the exact same vote on X": X is another vote with the counts of the last
    same_vote: bool = False
    # "the rejection of two draft resolutions, tabled by A and B, respectively": that many
    # decisions, their outcome, and their sponsors in order (empty when not given)
    several: tuple[int, str, tuple[str, ...]] | None = None
    draft: str | None = None
    resolution: int | None = None
    sponsor: str | None = None
    procedural: bool | None = None
    counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    partial: dict[str, list[str]] = field(default_factory=dict)
    among: list[tuple[int, list[str]]] = field(default_factory=list)
    other: tuple[str, int | None] | None = None
    # "all members, except the US, voted in favour": the position and the members excepted
    excepted: tuple[str, list[str]] | None = None
    # a bare two-number dash tally ("a 3-2 vote"), whose order the text does not fix
    pair: tuple[int, int] | None = None
    unanimous: bool = False
    outcomes: list[str] = field(default_factory=list)
    vetoers: list[str] = field(default_factory=list)
    weak_vetoers: list[str] = field(default_factory=list)
    subordinate: bool = False
    date: dt.date | None = None
    # the date is the paragraph's, the section's or the lead's, not the clause's own: a
    # date the clause gives itself ("on Tuesday") replaces it
    date_context: bool = False
    relative: int | None = None
    weekday: str | None = None
    subject: str | None = None  # the body whose mandate it decides ("UNISFA")
    vague: bool = False
    vague_year: bool = False  # the vague date names a year ("in November 1950")
    recent: bool = False  # the vague date is recent ("last week"): undated, not history
    history: bool = False
    hypothetical: bool = False
    withdrawn: bool = False
    statement: bool = False
    body: str | None = None
    body_explicit: bool = False
    vote_words: bool = False
    question: str = ""
    # the item of an index page it is in (a press-release symbol on a line of its own
    # opens the next): mentions of two items never describe one vote
    item: int = 0
    # the clause gives a date of its own (not one of its paragraph or of the lead)
    dated_here: bool = False
    then: bool = False  # opened by "then" / "and then" (a clause break)
    # "vetoed drafts on 7 July and 10 July": one decision on each day (with ``several``)
    each_date: tuple[dt.date, ...] = ()
    # told at another time than what came before ("Years later, ..."): not more about a vote
    # of an earlier paragraph
    elsewhen: bool = False

    @property
    def strong(self) -> bool:
        """Whether the clause reports that a vote took place (not just names a question)."""
        return bool(
            self.counts
            or self.names
            or self.partial
            or self.among
            or self.unanimous
            or self.outcomes
            or self.vetoers
            or self.weak_vetoers
            or self.other
            or self.excepted
        )


@dataclass(slots=True)
class Masked:
    """A clause in masked form, with the codes behind its ``MEMx`` tokens."""

    text: str
    codes: list[str]
    kinds: list[str]
    dates: list[DateExpr]
    symbols: list[str]
    resolutions: list[tuple[int, bool]]
    plain: bool = False  # ASCII without separators (so is its lower case: see P.plain)


def mask(
    text: str,
    lex: Lexicon,
    dates: list[DateExpr],
    when: dt.date | None,
    last_person: str | None,
    ascii_ok: bool | None = None,
) -> Masked:
    """Replace states, dates, symbols and number words by tokens.

    ``ascii_ok`` is ``P.plain(text)`` when the caller knows it (for speed).
    """
    if ascii_ok is None:
        ascii_ok = P.plain(text)
    q = P.twin if ascii_ok else P.same
    spans = [(d.start, d.end, f"DATx{i}") for i, d in enumerate(dates)]
    symbols: list[str] = []
    resolutions: list[tuple[int, bool]] = []
    if "S/" in text:
        for m in q(_SYMBOL).finditer(text):
            a, b = m.span()
            if _free(spans, a, b):
                spans.append((a, b, f"SYMx{len(symbols)}"))
                symbols.append(m.group(0).replace(" ", ""))
    if "esolution" in text or "S/RES/" in text or "SCR" in text or "RESOLUTION" in text:
        for m in q(_RESOLUTION).finditer(text):
            a, b = m.start("n"), m.end()
            if _free(spans, a, b):
                before = text[max(0, m.start() - 30) : m.start()]
                referential = bool(q(_REFERENCE_BEFORE).search(before))
                spans.append((a, b, f"RESx{len(resolutions)}"))
                resolutions.append((int(m["n"]), referential))
    codes: list[str] = []
    kinds: list[str] = []
    resolve = lex.resolve
    for m in q(lex.pattern).finditer(text):
        a, b = m.span()
        if a and (text[a - 1].isalnum() or text[a - 1] in "_-"):
            continue  # not the start of a word (``Lexicon.starts_word``)
        if spans and not _free(spans, a, b):
            continue
        hit = resolve(m.group(0), when)
        if hit is None:
            continue
        spans.append((a, b, f"MEMx{len(codes)}"))
        codes.append(hit[0])
        kinds.append(hit[1])
    if last_person is not None and "own" in text:
        for m in q(_OWN).finditer(text):
            if _free(spans, m.start(), m.end()):
                spans.append((m.start(), m.end(), f"MEMx{len(codes)}"))
                codes.append(last_person)
                kinds.append("person")
    if spans:
        spans.sort()
        out: list[str] = []
        pos = 0
        for a, b, token in spans:
            out.append(text[pos:a])
            out.append(token)
            pos = b
        out.append(text[pos:])
        masked = "".join(out)
    else:
        masked = text
    if '"' in masked:
        masked = masked.replace('"', "")
    if " - " in masked:
        # a spaced hyphen between words is a dash ("Three members - A, B and C - backed it"),
        # as the en and em dashes are; between digits it is a tally ("14 - 1")
        masked = _SPACED_HYPHEN.sub(" \u2014 ", masked)
    masked = _numbers(masked, q)
    masked = _collapse(masked, codes, q)
    return Masked(masked, codes, kinds, dates, symbols, resolutions, ascii_ok)


_ONLY_OWN_VOTES = re.compile(
    r"\b(?:got|gets|received|won|drew|had|attracted|obtained)\s+only\s+(?:the\s+)?"
    r"(?P<list>MEMx\d+(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?MEMx\d+)*)(?:'s?)?\s+(?:own\s+)?votes?\b",
    re.IGNORECASE,
)
# "years later", "months earlier", "a decade before": another time, told from the last
ELSEWHEN = re.compile(
    r"(?:\w+\s+)?(?:years|months|weeks|decades)\s+(?:earlier|before|later|afterwards?)\b|"
    r"an?\s+(?:year|month|week|decade)\s+(?:earlier|before|later)\b",
    re.IGNORECASE,
)
# the manner negated, not the decision: "not adopted unanimously", "not passed by consensus"
_NOT_SO = re.compile(
    r"\s+(?:unanimously|by\s+consensus|without\s+a\s+vote|by\s+acclamation)\b", re.IGNORECASE
)
_NUMBERED = re.compile(
    r"\bresolution\s*,?\s+(?:now\s+)?numbered\s+(?:resolution\s+)?(?P<n>\d{1,4})\b", re.IGNORECASE
)
_SPACED_HYPHEN = re.compile(r"(?<!\b\d)(?<!\b\d\d)(?<!\s)\s-\s(?![\d\s])")
_OWN = re.compile(r"\b(?:his|her)\s+own\b")


def _free(spans: list[tuple[int, int, str]], a: int, b: int) -> bool:
    """Whether ``a:b`` overlaps none of ``spans``."""
    for s, e, _ in spans:  # noqa: SIM110 - a loop is faster than any()/all() over a generator
        if b > s and a < e:
            return False
    return True


_PAIR = re.compile(r"MEMx(\d+)")


def _collapse(masked: str, codes: list[str], q: P.Pick = P.same) -> str:
    """Merge "Russian Ambassador Vassily Nebenzia" (two mentions of one state) into one."""
    tokens = masked.count("MEMx")
    if tokens < 2 or (tokens == len(codes) and len(set(codes)) == tokens):
        return masked  # no two mentions of one state
    changed = True
    while changed:
        changed = False
        found = list(q(_PAIR).finditer(masked))
        for first, second in itertools.pairwise(found):
            if codes[int(first[1])] != codes[int(second[1])]:
                continue
            gap = masked[first.end() : second.start()]
            if len(gap) > 80 or not q(_TITLE_GAP).match(gap):
                continue
            end = second.end()
            if "," in gap and masked[end : end + 1] == ",":
                end += 1  # the closing comma of an appositive
            masked = masked[: first.end()] + masked[end:]
            changed = True
            break
    return masked


def _codes(fragment: str, codes: list[str]) -> list[str]:
    out: list[str] = []
    for m in P.MEMBER.finditer(fragment):
        code = codes[int(m.group(1))]
        if code not in out:
            out.append(code)
    return out


def _position(m: re.Match[str]) -> str | None:
    """The position (``yes``, ``no``, ``abs``, ``nv``) whose group (or ``<name>2``) matched."""
    groups = _POSITION_GROUPS.get(id(m.re))  # hashing a pattern hashes all its code
    if groups is None:
        names = m.re.groupindex
        groups = _POSITION_GROUPS[id(m.re)] = tuple(
            (name, tuple(g for g in (name, name + "2") if g in names))
            for name in POSITIONS
            if name in names or name + "2" in names
        )
    for name, alternatives in groups:
        for group in alternatives:
            if m.group(group):
                return name
    return None


# the position groups of each pattern read by _position (by id: the patterns are module
# constants), in the order they are tried
_POSITION_GROUPS: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {}


def _prefix(text: str, at: int, width: int = 70) -> str:
    return text[max(0, at - width) : at]


def hypothetical_at(text: str, at: int, q: P.Pick = P.same) -> bool:
    """Whether the trigger at ``at`` is governed by a modal, a condition or an intention.

    ``q`` picks the patterns for the text (``P.twin`` for plain text, see ``P.plain``).
    """
    before = _prefix(text, at, 60)
    # a modal governs only its own clause: "a draft that would have approved the crossings,
    # but it failed" reports a failure
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(" but "))
    if cut >= 0:
        before = before[cut + 1 :]
    if q(P.HYPOTHETICAL_BEFORE).search(before):
        return True
    start = text[:at].lstrip().lower()
    return start.startswith(("if ", "unless ", "should "))


def negated_at(text: str, at: int, q: P.Pick = P.same) -> bool:
    """Whether the trigger at ``at`` is negated ("was not adopted", "failed to adopt")."""
    return bool(q(P.NEGATED_BEFORE).search(_prefix(text, at, 40)))


def _add(target: dict[str, list[str]], position: str, codes: list[str]) -> None:
    bucket = target.setdefault(position, [])
    for code in codes:
        if code not in bucket:
            bucket.append(code)


def _count_value(raw: str) -> int | None:
    raw = raw.strip().lower()
    if raw in ("no", "none", "zero", "nil", "nobody", "nothing") or raw.startswith("no "):
        return 0
    return int(raw) if raw.isdigit() else None


class _Reader:
    """Reads one masked clause into a :class:`Mention`."""

    __slots__ = ("codes", "low", "m", "number", "q", "s", "taken", "triggers", "words")

    def __init__(
        self, mention: Mention, masked: Masked, s: str, words: set[str], q: P.Pick
    ) -> None:
        self.m = mention
        self.q = q  # picks each pattern's ASCII twin for plain text
        self.s = s  # the masked clause, lower-cased by ``_lower``
        self.low = s
        self.words = words  # its words, for the tests of _needs
        self.codes = masked.codes
        self.taken: list[tuple[int, int]] = []
        self.triggers: list[int] = []
        # every count pattern needs a number (number words are digits by now; the digits of
        # tokens such as MEMx0 follow a letter) or a "no" word
        self.number = self.q(_NUMBER).search(s) is not None

    def free(self, a: int, b: int) -> bool:
        for s, e in self.taken:  # noqa: SIM110 - a loop is faster than any()/all() over a generator
            if b > s and a < e:
                return False
        return True

    def take(self, a: int, b: int) -> None:
        self.taken.append((a, b))
        self.triggers.append(a)

    def set_count(self, position: str, value: int, at: int) -> None:
        if position not in self.m.counts:
            self.m.counts[position] = value
        self.triggers.append(at)

    def counts(self) -> None:
        s = self.s
        if not self.number and not self.q(_COUNT_HINT).search(self.low):
            return
        low = self.low
        digit = self.number
        for m in self.q(P.COUNT_LIST_LABEL).finditer(s) if digit and "memx" in low else ():
            pos = _position(m)
            if pos is None or self.requirement(m.start(), m.end()):
                continue
            if not self.q(_OTHER_BEFORE).search(_prefix(s, m.start(), 30)):
                # "the other three members - A, B and C - voted in favour" names some of
                # those voting so: not the count of the position
                self.set_count(pos, int(m["n"]), m.start())
            _add(self.m.names, pos, _codes(m["list"], self.codes))
            self.take(m.start(), m.end())
        for m in self.q(P.LABELLED).finditer(s) if digit or _has(low, _NO_COUNT_KEYS) else ():
            if not self.free(m.start(), m.end()):
                continue
            pos = _position(m)
            value = _count_value(m["n"])
            if pos is None or value is None or self.requirement(m.start(), m.end()):
                continue
            if value > 15:
                if not (m["mid"] or "").strip():
                    self.m.body = self.m.body or "other_counts"
                continue
            if (
                value == 0
                and m["n"].lower() == "no"
                and pos == "no"
                and not (m["mid"] or "").strip()
            ):
                continue  # "no no": nonsense (but "no country voted against" is a zero)
            if self.q(_EVERY_BEFORE).search(_prefix(s, m.start(), 10)):
                continue  # "every one of the 15": unanimity, read below
            if self.q(_SIZE_BEFORE).search(_prefix(s, m.start(), 30)):
                continue  # "a body with a total of 15 members": its size, not a count
            before = _prefix(s, m.start(), 30)
            if self.q(_OTHER_BEFORE).search(before) or self.q(_OTHER_WORD).search(m["mid"] or ""):
                self.m.other = (pos, value)
                self.take(m.start(), m.end())
                continue
            self.set_count(pos, value, m.start())
            self.take(m.start(), m.end())
            self.attached(m.end(), pos)
        for m in (
            self.q(P.POSITION_VOTES).finditer(s)
            if digit and " to " in low and _has(low, _RISE_KEYS)
            else ()
        ):
            pos = _position(m)
            if pos is not None and self.free(m.start("n"), m.end("n")):
                self.set_count(pos, int(m["n"]), m.start())
                self.take(m.start("n"), m.end("n"))
                self.attached(m.end(), pos)
        for m in (
            self.q(P.REVERSED).finditer(s)
            if digit
            and not N.REVERSED.isdisjoint(self.words)
            and _has(low, ("against", "abstent", "abstain", "favo"))
            else ()
        ):
            pos = _position(m)
            if pos is None or not self.free(m.start("n"), m.end("n")):
                continue
            if int(m["n"]) > 15 or self.requirement(m.start(), m.end()):
                continue
            self.set_count(pos, int(m["n"]), m.start())
            self.take(m.start("n"), m.end("n"))
            self.attached(m.end(), pos)
        for m in self.q(P.TALLY).finditer(s) if digit and "-" in low else ():
            if not self.free(m.start(), m.end()) or RANGE_BEFORE(s, m.start()):
                continue
            values = [int(v) for v in (m["a"], m["b"], m["c"], m["d"]) if v is not None]
            if any(v > 15 for v in values):
                self.m.body = self.m.body or "other_counts"
                continue
            for pos, v in zip(POSITIONS, values, strict=False):
                self.set_count(pos, v, m.start())
            if len(values) == 2 and values[0] != values[1]:
                self.m.pair = (values[0], values[1])
            self.take(m.start(), m.end())
        for m in self.q(P.TO_TALLY).finditer(s) if digit and " to " in low else ():
            if RANGE_BEFORE(s, m.start()):
                continue
            b = _count_value(m["b"])
            if not self.free(m.start(), m.end()):
                # "by 12 votes to one against": the second number was read as "1 against"
                if (
                    b is not None
                    and self.free(m.start("a"), m.end("a"))
                    and self.m.counts.get("no") == b
                    and "yes" not in self.m.counts
                    and int(m["a"]) <= 15
                ):
                    self.set_count("yes", int(m["a"]), m.start())
                    self.take(m.start("a"), m.end("a"))
                continue
            if b is None:
                continue
            if int(m["a"]) > 15 or b > 15:
                self.m.body = self.m.body or "other_counts"
                continue
            self.set_count("yes", int(m["a"]), m.start())
            self.set_count("no", b, m.start())
            self.take(m.start(), m.end())
        for m in (
            self.q(P.BY_COUNT).finditer(s)
            if digit and " by " in low and not N.BY_COUNT.isdisjoint(self.words)
            else ()
        ):
            if self.free(m.start("n"), m.end("n")):
                pos = _position(m) or "yes"
                self.set_count(pos, int(m["n"]), m.start())
                self.take(m.start("n"), m.end("n"))
        for m in (
            self.q(_ADOPTED_BY).finditer(s)
            if digit and " by " in low and _has(low, ("adopted", "approved", "passed"))
            else ()
        ):
            # "adopted resolution 2124 by 13 votes, with two abstentions": the votes for it
            if self.free(m.start("n"), m.end("n")) and "yes" not in self.m.counts:
                self.set_count("yes", int(m["n"]), m.start())
                self.take(m.start("n"), m.end("n"))
        for m in (
            self.q(P.GOT).finditer(s)
            if digit and not N.GOT.isdisjoint(self.words) and _has(low, _GOT_KEYS)
            else ()
        ):
            if not self.free(m.start("n"), m.end("n")):
                continue
            if self.requirement(m.start(), m.end()) and not self._attained(m):
                continue
            value = int(m["n"])
            if value > 15:
                continue
            self.set_count("yes", value, m.start())
            self.take(m.start("n"), m.end())
            self.attached(m.end(), "yes")
        for m in self.q(_AGREED).finditer(s) if digit and "agreed" in low else ():
            # "Ten members agreed; the Soviet Union voted no": the votes for it
            if self.free(m.start("n"), m.end("n")) and "yes" not in self.m.counts:
                value = int(m["n"])
                if value <= 15:
                    self.set_count("yes", value, m.start())
                    self.take(m.start("n"), m.end("n"))
        for m in self.q(_VOTED_TO).finditer(s) if digit and "voted to" in low else ():
            # "eight members voted to hold the meeting": the votes for the question
            if not self.free(m.start("n"), m.end("n")) or self.requirement(m.start(), m.end()):
                continue
            value = int(m["n"])
            if value <= 15 and "yes" not in self.m.counts:
                self.set_count("yes", value, m.start())
                self.take(m.start("n"), m.end("n"))
        if "no" not in self.m.counts and _has(low, ("lone", "sole", "only", "single")):
            sole = self.q(_SOLE_NO).search(s)
            if (
                sole is not None
                and self.free(sole.start(), sole.end())
                and not hypothetical_at(s, sole.start(), self.q)
            ):
                self.set_count("no", 1, sole.start())  # "casting the sole vote against"
        for m in self.q(_WITH_VOTES).finditer(s) if digit and "with" in low else ():
            # "approved with 13 votes": the votes in favour (a label after it says
            # otherwise, and is read above)
            if not self.free(m.start("n"), m.end()) or self.requirement(m.start(), m.end()):
                continue
            if "yes" not in self.m.counts and int(m["n"]) <= 15:
                self.set_count("yes", int(m["n"]), m.start())
                self.take(m.start("n"), m.end())
        for m in (
            self.q(P.OTHER).finditer(s)
            if not N.OTHER.isdisjoint(self.words)
            and _has(low, ("other", "remaining", "else", "rest"))
            else ()
        ):
            if self.m.other is not None:
                break
            tail = s[m.end() : m.end() + 160]
            lab = self.q(_OTHER_LABEL).match(tail)
            if lab is None:
                continue
            pos = _position(lab)
            if pos is not None:
                n = m["n"] if "n" in m.groupdict() else None
                self.m.other = (pos, int(n) if n else None)
                if lab["list"]:
                    _add(self.m.partial, pos, _codes(lab["list"], self.codes))
                    a = m.end() + lab.start("list")
                    self.take(a, m.end() + lab.end("list"))
                self.triggers.append(m.start())
        for m in (
            self.q(P.UNANIMOUS).finditer(s)
            if not N.UNANIMOUS.isdisjoint(self.words) and _has(low, _UNANIMOUS_KEYS)
            else ()
        ):
            if self.q(P.NOT_UNANIMOUS).search(_prefix(s, m.start(), 25)) or hypothetical_at(
                s, m.start(), self.q
            ):
                continue
            if self.q(_OPINION_AFTER).match(s, m.end()):
                continue  # "a unanimous position was expressed": a view shared, not a vote
            if s[max(0, m.start() - 4) : m.start()].lower() in ("non-", " non"):
                continue  # "each non-unanimous vote": not unanimous
            self.m.unanimous = True
            self.triggers.append(m.start())

    def _attained(self, m: re.Match[str]) -> bool:
        """Whether a past verb of getting reached the number it names as needed.

        "garnered the minimum nine votes needed", "won exactly the nine votes it needed":
        the draft got them. Not "must get", "hoped to get", "would have needed".
        """
        return (
            self.q(_GOT_PAST).match(self.s, m.start()) is not None
            and not self.q(P.REQUIREMENT_BEFORE).search(_prefix(self.s, m.start(), 40))
            and not hypothetical_at(self.s, m.start(), self.q)
            and not self.q(_TO_BEFORE).search(_prefix(self.s, m.start(), 12))
        )

    def requirement(self, a: int, b: int) -> bool:
        return bool(
            self.q(P.REQUIREMENT_BEFORE).search(_prefix(self.s, a, 40))
            or self.q(P.REQUIREMENT_AFTER).match(self.s[b : b + 40])
        )

    def attached(self, end: int, position: str) -> None:
        s = self.s
        start = end
        while start < len(s) and s[start].isspace():  # str.isspace is the \s of patterns
            start += 1
        if s[start : start + 1] not in _ATTACHED_FIRST:
            return  # neither pattern can match here
        m = self.q(_ATTACHED).match(s, end) or self.q(_ATTACHED_END).match(s, end)
        if m is None:
            return
        if not self.free(m.start("list"), m.end("list")):
            return
        codes = _codes(m["list"], self.codes)
        groups = m.groupdict()
        partial = bool(groups.get("inc") or groups.get("inc2")) or (
            (groups.get("word") or "").lower() == "including"
        )
        _add(self.m.partial if partial else self.m.names, position, codes)
        self.take(m.start("list"), m.end("list"))

    def _coordinated(self, a: int, b: int) -> tuple[int, re.Match[str] | None]:
        """Where a member list in ``s[a:b]`` ends, and the coordinated list-and-verb after it.

        In "joined by Bolivia, and Egypt, Ethiopia and Kazakhstan abstained" the list
        after "joined by" is one state: ", and" opens a second clause whose subject is
        the list that its own verb governs.
        """
        s = self.s
        for cut in _COORDINATION.finditer(s, a, b):
            second = self.q(P.LIST_VERB).match(s, cut.end())
            if second is not None:
                return cut.start(), second
        return b, None

    def positions(self) -> None:
        s = self.s
        if "memx" not in self.low:
            return
        low = self.low
        words = self.words
        for m in (
            self.q(_EXCEPT).finditer(s)
            if _has(low, ("except", "but ", "save ", "apart from", "other than"))
            else ()
        ):
            pos = _position(m)
            if pos is None or self.m.excepted is not None:
                continue
            verb_at = m.start(pos)
            if hypothetical_at(s, verb_at, self.q) or negated_at(s, verb_at, self.q):
                continue
            self.m.excepted = (pos, _codes(m["list"], self.codes))
            self.take(m.start("list"), m.end("list"))
            self.triggers.append(m.start())
        for pattern, guard, need, more in _POSITION_PATTERNS:
            if need is not None and need.isdisjoint(words):
                continue
            if more is not None and more.isdisjoint(words):
                continue
            if not _has(low, guard):
                continue
            for m in _finditer(self.q, pattern, s):
                if not self.free(m.start("list"), m.end("list")):
                    continue
                pos = _position(m)
                if pos is None:
                    continue
                verb_at = m.start(pos)
                if hypothetical_at(s, verb_at, self.q) or hypothetical_at(s, m.start(), self.q):
                    continue
                if pos != "nv" and negated_at(s, verb_at, self.q):
                    continue
                if (
                    pattern is P.LIST_VERB
                    and _PASSIVE_BEFORE.search(_prefix(s, verb_at, 16))
                    and _PARTICIPLE.match(s, verb_at)
                ):
                    continue  # "the draft put forward by X, which was vetoed": X is no voter
                codes = _codes(m["list"], self.codes)
                if "list2" in m.groupdict() and m["list2"]:
                    codes = _codes(m["list2"], self.codes) + codes
                _add(self.m.names, pos, codes)
                self.take(m.start("list"), m.end("list"))
                tail = self.q(_TAIL).match(s, m.end())
                if tail is not None:
                    end, second = self._coordinated(tail.start("list"), tail.end("list"))
                    _add(self.m.names, pos, _codes(s[tail.start("list") : end], self.codes))
                    self.take(tail.start("list"), end)
                    pos2 = None if second is None else _position(second)
                    if second is not None and pos2 is not None:
                        at = second.start(pos2)
                        if not hypothetical_at(s, at, self.q) and (
                            pos2 == "nv" or not negated_at(s, at, self.q)
                        ):
                            _add(self.m.names, pos2, _codes(second["list"], self.codes))
                            self.take(second.start("list"), second.end("list"))
        for m in (
            P.list_matches(self.q(P.JOINED), s)
            if not N.JOINED.isdisjoint(words) and "joined" in low
            else ()
        ):
            pos = _position(m)
            if pos is None or hypothetical_at(s, m.start(), self.q):
                continue
            codes = _codes(m["list"], self.codes)
            if m["list2"]:
                codes += _codes(m["list2"], self.codes)
            _add(self.m.names, pos, codes)
            self.triggers.append(m.start())
        for m in (
            self.q(P.ONLY).finditer(s)
            if not N.ONLY.isdisjoint(words) and _has(low, ("only", "lone", "sole"))
            else ()
        ):
            lst = m["list"] or m["list2"]
            if not self.free(m.start(), m.end()):
                continue
            if m["no"] or m["no2"] or m["no3"]:
                pos = "no"
            elif m["abs"] or m["abs2"] or m["abs3"]:
                pos = "abs"
            elif m["yes"]:
                pos = "yes"
            else:
                pos = "abs"
            codes = _codes(lst, self.codes)
            _add(self.m.names, pos, codes)
            self.set_count(pos, len(codes), m.start())
            self.take(m.start(), m.end())
        for m in (
            P.list_matches(self.q(P.AMONG_THOSE), s)
            if not N.AMONG_THOSE.isdisjoint(words) and "among" in low
            else ()
        ):
            pos = _position(m)
            if pos is not None and self.free(m.start("list"), m.end("list")):
                _add(self.m.partial, pos, _codes(m["list"], self.codes))
                self.take(m.start("list"), m.end("list"))
        for m in (
            self.q(P.AMONG).finditer(s)
            if not N.AMONG.isdisjoint(words) and _has(low, ("among", " of the "))
            else ()
        ):
            lst = m["list"] or m["list2"]
            n = int(m["n"] or m["n2"])
            codes = _codes(lst, self.codes)
            if m["no"]:
                _add(self.m.partial, "no", codes)
            elif m["yes"]:
                _add(self.m.partial, "yes", codes)
            else:
                self.m.among.append((n, codes))
            self.triggers.append(m.start())

    def vetoes(self) -> None:
        s = self.s
        if "memx" not in self.low or not _has(self.low, ("veto", "blocked", "killed", "down")):
            return
        for pattern in (P.VETO_SUBJECT, P.VETO_BY, P.VETO_POSSESSIVE):
            for m in _finditer(self.q, pattern, s):
                if hypothetical_at(s, m.end("list"), self.q) or hypothetical_at(
                    s, m.start(), self.q
                ):
                    continue
                if negated_at(s, m.end("list") + 1, self.q):
                    continue
                tail = s[m.end("list") : m.end()]
                if self.q(_WEAK_VETO_VERB).search(tail) and not (
                    self.m.kind or self.q(P.OUTCOME_VETOED).search(s)
                ):
                    continue
                target = self.m.vetoers if pattern is P.VETO_SUBJECT else self.m.weak_vetoers
                for code in _codes(m["list"], self.codes):
                    if code not in target:
                        target.append(code)
                self.triggers.append(m.start())

    def outcomes(self) -> None:
        s = self.s
        found: list[tuple[int, str]] = []
        if _has(self.low, _LACKED_KEYS):
            for m in self.q(_LACKED).finditer(s):
                if not hypothetical_at(s, m.start(), self.q) and not _CONDITION_BEFORE.search(
                    _prefix(s, m.start(), 40)
                ):
                    found.append((m.start(), "failed"))
        # each pattern's keys hold a word of _OUTCOME_KEYS, so without vetoers (which add
        # an outcome of their own below) that test only repeats the three that follow
        if (
            not found
            and not (self.m.vetoers or self.m.weak_vetoers)
            and not _has(self.low, _OUTCOME_KEYS)
        ):
            return
        for outcome, pattern, keys in _OUTCOME_PATTERNS:
            if N.OUTCOME[outcome].isdisjoint(self.words) or not _has(self.low, keys):
                continue
            for m in self.q(pattern).finditer(s):
                if hypothetical_at(s, m.start(), self.q):
                    continue
                value = outcome
                if (
                    outcome == "adopted"
                    and s.startswith(("renewed", "extended"), m.start())
                    and _ARTICLE_BEFORE.search(_prefix(s, m.start(), 6))
                ):
                    continue  # "a renewed call", "an extended session": an adjective
                if (
                    outcome == "failed"
                    and s.startswith(("not ", "did not"), m.start())
                    and self.q(_NOT_SO).match(s, m.end())
                ):
                    continue  # "not adopted unanimously": adopted, by a divided vote
                if (
                    outcome == "failed"
                    and " to " in _prefix(s, m.start(), 90)
                    and self.q(_THWARTING).search(_prefix(s, m.start(), 90))
                ):
                    continue  # "the attempt to defeat the measure failed": not defeated
                if negated_at(s, m.start(), self.q) or (
                    outcome == "adopted"
                    and "n" in _prefix(s, m.start(), 30)
                    and self.q(_NEITHER).search(_prefix(s, m.start(), 30))
                ):
                    if outcome == "adopted" and self.q(_NOT_SO).match(s, m.end()):
                        pass  # "not adopted unanimously": adopted, by a divided vote
                    elif outcome == "adopted":
                        value = "failed"
                    else:
                        continue
                if (
                    outcome == "adopted"
                    and self.q(_WEAK_ADOPTION).match(m.group(0))
                    and not (self.m.kind or self.m.counts or self.m.unanimous)
                    and not ("council" in self.low and _MANDATE_AFTER.match(s, m.end()))
                ):
                    continue  # "extended its deadline"; but "extended the mandate of" decides
                found.append((m.start(), value))
        if (self.m.vetoers or self.m.weak_vetoers) and not any(v == "vetoed" for _, v in found):
            found.append((len(s), "vetoed"))
        for at, value in sorted(found):
            if value not in self.m.outcomes:
                self.m.outcomes.append(value)
            self.triggers.append(at)


_DATE_TOKEN = re.compile(r"DATx(\d+)")


def _from(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A ``^`` pattern made to match at a position of the whole text (no copy of the rest).

    It has no look-behind, so the text before the position cannot change a match.
    """
    if not pattern.pattern.startswith("^") or "(?<" in pattern.pattern:
        raise ValueError(pattern.pattern)
    return re.compile(pattern.pattern[1:], pattern.flags)


_ATTACHED = _from(P.ATTACHED)
_ATTACHED_END = _from(P.ATTACHED_END)
_TAIL = _from(P.TAIL)
# ", and" inside a member list: where a second, coordinated clause may begin
# a vote verb in the passive has the question as its subject, never a voter
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|got|get|gets)\s+$", re.IGNORECASE)
_PARTICIPLE = re.compile(
    r"(?:vetoed|opposed|rejected|backed|supported|endorsed|approved|voted\s+down)\b", re.IGNORECASE
)
# "unanimous" of a view, a feeling or a court's finding, not of a vote
_OPINION_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:positions?|views?|opinions?|stances?|condemnation|calls?|concerns?|"
    r"messages?|voices?|praise|agreement|consensus|feelings?|sentiment|verdicts?|rulings?|"
    r"judge?ments?|conclusions?|belief|understanding|outrage|criticism|appeals?)\b",
    re.IGNORECASE,
)
# too few votes, told as a lack: "lacked the minimum number of affirmative votes", "did not
# receive enough votes", "received insufficient votes" (a failure, whoever voted no)
_LACKED = re.compile(
    r"\b(?:lacked|lacking|did\s+not\s+(?:get|receive|obtain|win|garner|secure|gather|attract|"
    r"muster|reach|have)|failing\s+to\s+(?:get|receive|obtain|win|garner|secure))\s+"
    r"(?:(?:the|a|enough|sufficient)\s+)?(?:enough\s+|sufficient\s+)?"
    r"(?:(?:minimum|required|requisite|necessary|needed)\s+)?(?:number\s+of\s+)?"
    r"(?:(?:affirmative|positive|yes)\s+)?(?:\d+\s+)?(?:votes|majority|support)\b"
    r"(?<!\blacked\s(?:support))"
    r"|\b(?:received|got|garnered|drew|won)\s+(?:insufficient|too\s+few)\s+(?:votes|support)\b"
    # "the Council turned down a Soviet resolution", "threw out the motion"
    r"|\b(?:turned|turns|turning)\s+down\b(?!\s+(?:the\s+|an?\s+)?(?:invitation|offer|request)s?\b)"
    r"|\b(?:threw|throws)\s+out\b",
    re.IGNORECASE,
)
_CONDITION_BEFORE = re.compile(
    r"\b(?:if|unless|whether|should|would|could|might|may|risks?|in\s+case)\b", re.IGNORECASE
)
_LACKED_KEYS = (
    "turn",
    "threw",
    "throws",
    "lack",
    "did not",
    "failing to",
    "insufficient",
    "too few",
)
_AGREED = re.compile(
    r"(?<![\w.\-/])(?P<n>\d{1,2})\s+(?:(?:council|other)\s+)?(?:members|countries|delegations)\s+"
    r"agreed\b(?=\s*(?:[,;.]|$)|\s+(?:to|with)\s+(?:it|them|the\s+(?:draft|proposal|text|motion)"
    r")\b)",
    re.IGNORECASE,
)
_VOTED_TO = re.compile(
    r"(?<![\w.\-/])(?P<n>\d{1,2})\s+(?:(?:council|security|other)\s+)*(?:members|countries|nations|"
    r"states|delegations)\s+(?:of\s+the\s+(?:security\s+)?council\s+)?(?:all\s+)?voted\s+to\s+"
    r"(?:hold|adopt|approve|pass|extend|renew|support|back|endorse|authori[sz]e|convene|"
    r"invite|postpone|adjourn|defer|delay|consider|discuss|proceed|keep|include|impose)\b",
    re.IGNORECASE,
)
_GOT_PAST = re.compile(
    r"(?:got|received|won|garnered|secured|obtained|drew|mustered|attracted|gained|collected|"
    r"polled|gathered)\s+(?:only\s+|just\s+|exactly\s+|precisely\s+|barely\s+)?(?:the\s+)?"
    r"(?:bare\s+)?(?:minimum|required|needed|necessary)?",
    re.IGNORECASE,
)
_TO_BEFORE = re.compile(r"\bto\s+$|\bnot\s+$", re.IGNORECASE)
_NOT_BLOCKING = re.compile(
    r"\b(?:did|does|do|could|can|would|was|were|is)\s*(?:not|n't)\s+(?:\w+\s+)?"
    r"(?:block|stop|prevent|kill|count|amount|apply|constitute|act|operate)\w*\b|"
    r"\bcannot\s+(?:block|stop|prevent|kill|count|apply)\b",
    re.IGNORECASE,
)
_AVOIDED_VETO = re.compile(
    r"\b(?:spared|sparing|avoid(?:ed|ing|s)?|avert(?:ed|ing|s)?|escap(?:ed|ing|es)|"
    r"prevent(?:ed|ing|s)?|forestall(?:ed|ing|s)?|head(?:ed|ing)?\s+off|stave[ds]?\s+off)\b"
    r"(?:\s+[\w'-]+){0,5}?\s+(?:an?\s+|the\s+)?(?:\w+\s+)?vetoe?s?\b",
    re.IGNORECASE,
)
_AVOIDED_KEYS = ("spar", "avoid", "avert", "escap", "prevent", "forestall", "head", "stave")
_COORDINATION = re.compile(r"\s*,\s*and\s+", re.IGNORECASE)
# the first character after the spaces in a match of ATTACHED or ATTACHED_END
_ATTACHED_FIRST = frozenset("itfbocn(:,\u2014")
_EVERY_BEFORE = re.compile(r"\bevery\s*$", re.IGNORECASE)
_SIZE_BEFORE = re.compile(
    r"\b(?:total\s+of|made\s+up\s+of|composed\s+of|comprising|consisting\s+of|consists\s+of|"
    r"out\s+of|membership\s+of)\s*$",
    re.IGNORECASE,
)
_OTHER_BEFORE = re.compile(r"\b(?:other|remaining)\s*$", re.IGNORECASE)
_OTHER_WORD = re.compile(r"\b(?:other|remaining)\b", re.IGNORECASE)
_OTHER_LABEL = re.compile(
    r"(?:\s+(?:members|countries|nations|states|delegations|council\s+members|all|also|"
    r"then|were|of\s+the\s+(?:un\s+|u\.n\.\s+)?(?:security\s+)?council))*"
    r"(?:\s*,\s*(?:including|among\s+them)\s+(?P<list>" + P.LIST + r")\s*,)?"
    r"\s+(?:(?P<yes>voted\s+(?:yes|in\s+favou?r|for)|in\s+favou?r|backed|supported|"
    r"voting\s+(?:in\s+favou?r|for|yes))|"
    r"(?P<abs>abstained|abstaining)|(?P<no>voted\s+(?:against|no)|against|opposed|voting\s+(?:no|against)))",
    re.IGNORECASE,
)
# "All members, except the US, voted in favour", "everyone but Russia backed it": the
# position of every member but those listed (their own positions come from elsewhere)
_EXCEPT = re.compile(
    r"\b(?:(?:all|every)\s+(?:of\s+)?(?:the\s+)?(?:other\s+)?(?:council\s+)?"
    r"(?:members?|countries|states|delegations|nations)(?:\s+of\s+the\s+(?:security\s+)?council)?"
    r"|everyone|everybody|all)"
    r"\s*,?\s*(?:except(?:\s+for)?|but|save(?:\s+for)?|apart\s+from|other\s+than)\s+"
    r"(?P<list>" + P.LIST + r")\s*,?"
    r"(?:\s+(?:on\s+)?DATx\d+)?\s+(?:(?:also|all|then)\s+)?"
    r"(?:(?P<yes>(?:voted|vote|votes|voting)\s+(?:(?:on\s+)?DATx\d+\s+)?(?:yes|in\s+favou?r|for)\b|"
    r"backed|supported|approved)|"
    r"(?P<no>(?:voted|vote|votes|voting)\s+(?:(?:on\s+)?DATx\d+\s+)?(?:no|against)\b|opposed)|"
    r"(?P<abs>abstained|abstain)\b)",
    re.IGNORECASE,
)
# "adopted [resolution 2124] by 13 votes", "approved on DATx0 by a vote of 13": a lone
# number after "by" (not "by 12 votes to 1", not "13-0-2") counts the votes for it
_ADOPTED_BY = re.compile(
    r"\b(?:adopted|approved|passed)\b(?:\s+[^\s,;.]+){0,6}?\s+by\s+(?:a\s+vote\s+of\s+)?"
    r"(?P<n>\d{1,2})\b(?:\s+votes?)?(?=\s*(?:[,;.)\u2014]|$|and\b|with\b))",
    re.IGNORECASE,
)
# "That was the exact same vote on a resolution Friday", "by an identical tally": the
# question named is voted on with the counts and positions of the vote just reported
_SAME_VOTE = re.compile(
    r"\b(?:the\s+|an?\s+)?(?:exact\s+|very\s+)?(?:same|identical)\s+"
    r"(?:vote|votes|result|tally|count|margin|split|breakdown|line-up|lineup)\b",
    re.IGNORECASE,
)
# an operative paragraph of a resolution's text ("Decides to call an emergency special
# session ..."): what the decision voted on does
_OPERATIVE = re.compile(r"\s*(?:\d+\.\s*)?decides\s+to\b", re.IGNORECASE)
_CONVENE_ASSEMBLY = re.compile(
    r"\b(?:call|calls|called|calling|convene|convenes|convened|convening|hold|holding)\s+"
    r"(?:an?|the)\s+(?:\w+\s+)?emergency\s+(?:special\s+)?(?:session|meeting)\s+of\s+the\s+"
    r"(?:UN\s+|U\.N\.\s+)?General\s+Assembly\b|"
    r"\bGeneral\s+Assembly\s+to\s+(?:hold|convene|meet\s+in|call)\s+(?:an?\s+)?(?:\w+\s+)?"
    r"emergency\s+(?:special\s+)?(?:session|meeting)\b",
    re.IGNORECASE,
)
# "following the rejection of two draft resolutions": several decisions in one phrase
_SEVERAL = re.compile(
    r"\b(?P<what>rejection|defeat|failure|adoption)\s+of\s+(?:the\s+)?(?P<n>[2-5])\s+"
    r"(?:(?:rival|competing|separate)\s+)?(?:draft\s+resolutions|drafts|draft\s+texts|resolutions)\b",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(
    r"\s*,?\s*(?:(?:which\s+were|that\s+were|were)\s+)?(?:tabled|submitted|proposed|"
    r"sponsored|drafted|put\s+forward|presented)\s+by\s+(?P<list>" + P.LIST + r")\s*,?\s+"
    r"respectively\b",
    re.IGNORECASE,
)
# "failed to adopt two competing draft resolutions", "two drafts ... were voted down":
# several decisions told by one verb
_DRAFTS = (
    r"(?:(?:rival|competing|separate|opposing)\s+)?"
    r"(?:draft\s+resolutions|drafts|draft\s+texts|resolutions|texts|proposals|measures)\b"
)
_SEVERAL_VERB = re.compile(
    r"\b(?P<verb>failed\s+(?:DATx\d+\s+)?to\s+(?:adopt|pass|approve)|rejected|defeated|voted\s+down|adopted|"
    r"approved)\s+(?:(?:the\s+|both\s+)?(?P<n>[2-5])|(?P<both>both)(?:\s+the)?)\s+"
    + _DRAFTS
    + r"|(?<![\w.])(?P<n2>[2-5])\s+"
    + _DRAFTS
    + r"(?P<gap>[^.;:]{0,90}?)\s+(?:were|both)\s+"
    r"(?:(?:then|all|both|subsequently)\s+)?(?P<verb2>voted\s+down|rejected|defeated|adopted|approved)\b",
    re.IGNORECASE,
)
_SEVERAL_VERB_KEYS = ("failed", "rejected", "defeated", "voted down", "adopted", "approved")
# "- one from A, the other from B -", "one drafted by A and another by B": two authors in order
_ONE_AND_OTHER = re.compile(
    r"\b1\s+(?:[\w-]+\s+){0,2}?(?:from|by)\s+(?:the\s+)?MEMx(?P<a>\d+)\s*(?:,|and|;)\s*(?:and\s+)?"
    r"(?:the\s+other|another|the\s+second|1)\s+(?:[\w-]+\s+){0,2}?(?:from|by)\s+(?:the\s+)?"
    r"MEMx(?P<b>\d+)",
    re.IGNORECASE,
)


def _on_each_day(m: Mention, masked: Masked, s: str, q: P.Pick) -> None:
    """Several decisions, one on each of the days a plural question is told on.

    "China and Russia vetoed drafts on 7 July and 10 July", "Russian drafts were rejected
    on 8 July and 10 July": a decision on each day (a plural question is distributed over
    coordinated days; "a draft ... on 7 July and 10 July" is not).
    """
    hit = q(_EACH_DAY).search(masked.text)
    if hit is None or not q(_PLURAL_QUESTION).search(s):
        return
    days: list[dt.date] = []
    for token in _DATE_TOKEN.finditer(hit.group(0)):
        expr = masked.dates[int(token[1])]
        if expr.kind != "day" or expr.date is None:
            return
        if expr.date not in days:
            days.append(expr.date)
    if not 2 <= len(days) <= 5:
        return
    outcome = "adopted" if m.outcomes == ["adopted"] else "failed"
    m.several = (len(days), outcome, ())
    m.each_date = tuple(days)


_EACH_DAY = re.compile(r"\bDATx\d+(?:\s*,\s*DATx\d+)*\s*,?\s+and\s+(?:on\s+)?DATx\d+\b")
_PLURAL_QUESTION = re.compile(
    r"\b(?:drafts|resolutions|texts|proposals|measures|amendments)\b", re.IGNORECASE
)


def _several_by_verb(m: Mention, masked: Masked, s: str, q: P.Pick) -> None:
    """Several decisions in one verb ("failed to adopt two draft resolutions")."""
    hit = _SEVERAL_VERB.search(s)
    if hit is None:
        return
    verb = (hit["verb"] or hit["verb2"]).lower()
    at = hit.start("verb") if hit["verb"] else hit.start("verb2")
    if hypothetical_at(s, at, q) or negated_at(s, at, q):
        return
    if q(_TALLY_OF_PAST).search(s) or q(_PERFECT_BEFORE).search(_prefix(s, at, 40)):
        return  # "has so far adopted three resolutions": a tally of past decisions
    n = 2 if hit["both"] else int(hit["n"] or hit["n2"])
    outcome = "adopted" if verb.startswith(("adopted", "approved")) else "failed"
    authors: tuple[str, ...] = ()
    pair = _ONE_AND_OTHER.search(s, hit.start())
    if n == 2 and pair is not None and pair.start() - hit.end() < 40:
        authors = (masked.codes[int(pair["a"])], masked.codes[int(pair["b"])])
    m.several = (n, outcome, authors)


_TALLY_OF_PAST = re.compile(
    r"\b(?:so\s+far|to\s+date|thus\s+far|until\s+now|up\s+to\s+now|since|in\s+total|"
    r"in\s+all|this\s+year|last\s+year|over\s+the\s+years)\b",
    re.IGNORECASE,
)
_PAST_TALLY = re.compile(
    r"\b(?:has|have|had)\s+(?:[\w-]+\s+){0,3}?(?:adopted|passed|approved|rejected|vetoed|"
    r"blocked|defeated)\s+(?:\d+|several|many|numerous|dozens\s+of|scores\s+of)\s+"
    r"(?:[\w-]+\s+)?(?:resolutions|drafts|texts|measures|proposals)\b",
    re.IGNORECASE,
)
_TALLY_KEYS = ("so far", "to date", "thus far", "until now", "up to now", "since", "in total",
               "in all", "this year", "last year", "over the years")  # fmt: skip
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had|'s|'ve)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
_WEAK_VETO_VERB = re.compile(r"\b(?:blocked|killed|voted)\b", re.IGNORECASE)
_WEAK_ADOPTION = re.compile(
    r"(?:extended|renewed|authori[sz]ed|endorsed|approved|approves|okays|extends|renews)\b",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
# "extended [until 15 April] the mandate of ...": a decision without a vote verb
_MANDATE_AFTER = re.compile(r"(?:\s+[\w,()'\u2019-]+){0,12}?\s+mandates?\b", re.IGNORECASE)


def _lower(text: str) -> str:
    """Lower case with offsets kept (a few characters grow when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# the patterns of P.LIST_LED (by id: they are module constants), searched by list_matches
_LIST_LED = frozenset(id(getattr(P, name)) for name in P.LIST_LED)


def _finditer(q: P.Pick, pattern: re.Pattern[str], s: str) -> Iterator[re.Match[str]]:
    """``q(pattern).finditer(s)``, through ``P.list_matches`` for a pattern led by a list."""
    if id(pattern) in _LIST_LED:
        return P.list_matches(q(pattern), s)
    return q(pattern).finditer(s)


def _has(low: str, keys: tuple[str, ...]) -> bool:
    """Cheap substring test run before an expensive pattern."""
    for k in keys:  # noqa: SIM110 - a loop is faster than any()/all() over a generator
        if k in low:
            return True
    return False


_COUNT_HINT = re.compile(
    r"\d|\bno\b|none|nobody|no one|unanim|every|other|remaining|rest\b|else|dissent"
)
_OUTCOME_KEYS = (
    "adopt", "approv", "pass", "carried", "upheld", "endors", "authori", "renew", "extend",
    "unanim", "won ", "okays", "veto", "negative vote", "reject", "defeat", "fail", "down", "short",
    "unsuccess", "lost", "sink", "sank", "sunk", "overrul",
)  # fmt: skip
_KIND_KEYS = (
    "amend", "prelim", "procedural", "ruling", "agenda", "briefing", "whether", "motion",
    "postpon", "delay", "defer", "adjourn", "suspend", "push", "put off", "invit", "draft",
    "resolution", "text", "measure", "propos", "resx", "symx", "recommend", "hold", "convene",
)  # fmt: skip
_NEW_KEYS = (
    "another", "second", "third", "fourth", "fifth", "separate", "rival", "competing", "new",
    "further", "follow", "subsequent", "alternative", "counter", "also", "first", "other",
    "latter", "former",
)  # fmt: skip
_WITHDRAWN_KEYS = (
    "withdr", "pulled", "shelved", " to a vote", " to the vote", "called off", "cancel",
    "scrapped", "abandoned", "voted on", "acclamation", "consensus", "without a vote",
)  # fmt: skip
_HISTORY_KEYS = (
    "has ", "have ", "had ", "times", "resolutions", "drafts", "vetoes", "proposals", "time ",
    "veto ",
)  # fmt: skip
_BODY_KEYS = (
    "assembl", "human rights", "board of", "executive", "economic and social", "trusteeship",
    "european", "senate", "house of", "congress", "parliament", "duma", "knesset", "league of",
    "african union", "peace and security", "interpol", "committee", "governing", "-member",
    "-nation", "council of europe", "court", "tribunal",
)  # fmt: skip
_BODY_ACRONYMS = (
    "HRC", "ICAO", "IAEA", "OPCW", "WHO", "UNESCO", "ECOSOC", "EU", "OAS", "OSCE", "IOC", "FIFA",
    "NATO",
)  # fmt: skip
_GOT_KEYS = (
    "got", "get", "receiv", "won", "win", "garner", "secured", "obtained", "drew", "draw", "muster",
    "attract", "collect", "gain", "had", "picked", "command", "poll", "gather", "rose", "fell",
    "reach", "total",
)  # fmt: skip
_UNANIMOUS_KEYS = ("unanim", "every", "all ", "without", "no one", "no member")  # "of all 15"
# Each pattern with its guard (tried only when the clause has one of these words) and the
# needs every match meets (see _needs), for speed only.
_POSITION_PATTERNS: tuple[
    tuple[re.Pattern[str], tuple[str, ...], N.Need | None, N.Need | None], ...
] = (
    (
        P.LABEL_LIST,
        (
            "favo", "against", "abstain", "abstent", "voting", "dissent", "opponent", "supporter",
            "absent", "not ", "no:", "yes:", "lone", "only", "sole", "single", "no vote",
            "yes vote",
        ),
        N.LABEL_LIST,
        None,
    ),
    (P.WITH_LIST, ("with ",), N.WITH_LIST, None),
    (P.VERB_BY_LIST, (" by ", " from ", " of "), *N.VERB_BY_LIST),
    (P.LIST_VERB, ("",), N.LIST_VERB, None),  # (no guard of its own)
    (
        P.LIST_BARE,
        ("against", "favo", "abstain", "absent", "not voting", "not particip", "voting no",
         " no,", " no;", " no.", " no)"),
        None,
        None,
    ),
)  # fmt: skip
_NO_COUNT_KEYS = ("no", "zero", "nil")
# words every match of POSITION_VOTES and of OTHER_COUNCIL holds, for speed only
_RISE_KEYS = ("rose", "fell", "increased", "dropped", "grew", "climbed", "went")
_OTHER_COUNCIL_KEYS = (
    "human", "hrc", "executive", "economic", "ecosoc", "trusteeship", "europe", "icao",
    "governing", "peace",
)  # fmt: skip
_NUMBER = re.compile(r"\d(?<![\w.\-/]\d)")  # a digit that starts a number
_OUTCOME_PATTERNS = (
    ("vetoed", P.OUTCOME_VETOED, ("veto", "negative vote")),
    (
        "adopted",
        P.OUTCOME_ADOPTED,
        ("adopt", "approv", "pass", "carried", "upheld", "endors", "authori", "renew", "extend",
         "unanim", "won ", "decided", "okays"),
    ),
    (
        "failed",
        P.OUTCOME_FAILED,
        ("reject", "defeat", "fail", "down", "short", "unsuccess", "lost", "sink", "sank", "sunk",
         "not adopted", "not pass", "overrul"),
    ),
)  # fmt: skip
_KIND_GUARDS = {
    "amendment": ("amend",),
    "preliminary": ("prelim", "procedural"),
    "ruling": ("ruling",),
    "agenda": ("agenda", "briefing", "whether", "hold", "convene", "discuss", "consider"),
    "motion": (
        "motion", "postpon", "delay", "defer", "adjourn", "suspend", "push", "put off", "invit",
        "procedural",
    ),
    "draft": ("draft", "resolution", "text", "measure", "propos", "resx", "symx", "recommend"),
}  # fmt: skip
_SPONSOR_GUARDS: tuple[tuple[str, ...], ...] = (
    (
        "sponsored", "drafted", "backed", "led", "proposed", "authored", "penned", "written",
        "submitted", "tabled", "introduced", "presented", "initiated", "circulated", "inspired",
    ),
    (" by ",),
    ("'",),
    ("draft", "resolution", "text", "motion", "proposal", "amendment"),
    (
        "drafted", "proposed", "put ", "tabled", "submitted", "introduced", "circulated", "called",
        "requested", "sought", "asked", "moved", "demanded", "pressed", "pushed", "tried",
        "attempted", "wanted", "fail", "forced", "brought",
    ),
)  # fmt: skip


def RANGE_BEFORE(s: str, at: int) -> bool:
    """Whether a number at ``at`` is part of a range ("from 11 to 15")."""
    return bool(P.RANGE_BEFORE.search(_prefix(s, at, 20)))


def read(
    mention: Mention,
    masked: Masked,
) -> Mention:
    """Fill ``mention`` from its masked clause."""
    original = masked.text
    s = _lower(original)
    m = mention
    m.masked = original
    words = N.words_of(s)
    q = P.twin if masked.plain or P.plain(s) else P.same
    reader = _Reader(m, masked, s, words, q)
    low = s.lower()
    # the question
    kind_hit: re.Match[str] | None = None
    for kind, pattern, guard, need in _KINDS:
        if not need.isdisjoint(words) and _has(low, guard):
            kind_hit = q(pattern).search(s)
            if kind_hit is not None:
                m.kind = kind
                break
    if m.kind == "motion" and kind_hit is not None and s.startswith("invit", kind_hit.start()):
        # "a draft resolution recommending a cease-fire ... and the invitation of X": one
        # of the things a draft asks for, not a vote to invite
        content = q(_DRAFT_CONTENT).search(s, 0, kind_hit.start())
        if content is not None:
            m.kind = "draft"
            kind_hit = content
    has_statement = "statement" in low
    if m.kind is None and has_statement:
        m.statement = True
    if has_statement and q(_PRESS_STATEMENT).search(s):
        only_statement = not q(_QUESTION_WORD).search(s)
        if only_statement:
            m.statement = True
    if not N.NEW_EVENT.isdisjoint(words) and _has(low, _NEW_KEYS) and q(P.NEW_EVENT).search(s):
        m.new_event = True
    if "of" in low and _has(low, ("rejection", "defeat", "failure", "adoption")):
        hit = _SEVERAL.search(s)
        if hit is not None and not hypothetical_at(s, hit.start(), q):
            outcome = "adopted" if hit["what"].lower() == "adoption" else "failed"
            authors: tuple[str, ...] = ()
            by = _RESPECTIVELY.match(s, hit.end())
            if by is not None:
                codes = _codes(by["list"], masked.codes)
                authors = tuple(codes) if len(codes) == int(hit["n"]) else ()
            m.several = (int(hit["n"]), outcome, authors)
    if m.several is None and (reader.number or "both" in low) and _has(low, _SEVERAL_VERB_KEYS):
        _several_by_verb(m, masked, s, q)
    if ("same" in low or "identical" in low) and m.kind is not None:
        same = _SAME_VOTE.search(s)
        if same is not None and not negated_at(s, same.start(), q):
            m.same_vote = True
            m.new_event = True
    if (
        _has(low, ("procedural", "emergency", "uniting"))
        and q(P.PROCEDURAL_WORD).search(s)
        and not q(_NOT_PROCEDURAL).search(s)
    ):
        m.procedural = True
    if (m.kind in ("draft", "amendment", "motion") or masked.symbols) and masked.symbols:
        m.draft = masked.symbols[0]
    for number, referential in masked.resolutions:
        if not referential:
            m.resolution = number
            if m.kind is None:
                m.kind = "draft"
            break
    if m.resolution is None and "numbered" in low:
        numbered = q(_NUMBERED).search(s)
        if numbered is not None:
            m.resolution = int(numbered["n"])  # "The resolution, numbered 2774, passed"
            m.kind = m.kind or "draft"
    sponsor_codes: list[str] = []
    for pattern, keys, need in _SPONSORS if "memx" in low else ():
        if need.isdisjoint(words) or not _has(low, keys):
            continue
        hit = q(pattern).search(s)
        if hit:
            sponsors = _codes(hit["list"], masked.codes)
            m.sponsor = sponsors[0] if len(sponsors) == 1 else "*"
            sponsor_codes = sponsors
            break
    if "mandate" in low:
        found = q(_MANDATE_OF).search(m.masked)  # not lower-cased: acronyms are capitals
        if found is not None:
            m.subject = (found["acronym"] or " ".join(found["name"].lower().split()[:6])) or None
    reader.counts()
    if "memx" in low and "only" in low and "yes" not in m.counts:
        own = q(_ONLY_OWN_VOTES).search(s)
        if own is not None and not hypothetical_at(s, own.start(), q):
            # "it got only the Soviet vote": one vote in favour, the member named
            codes = _codes(own["list"], masked.codes)
            m.counts["yes"] = len(codes)
            _add(m.names, "yes", codes)
            reader.take(own.start("list"), own.end("list"))
            reader.triggers.append(own.start())
    reader.positions()
    reader.vetoes()
    reader.outcomes()
    if "resx" in low and _has(low, ("adoption", "passage", "approval")):
        _nominal_adoption(m, masked, s, reader, q)
    if m.other is None and m.names and "other" in low:
        held = [pos for pos in POSITIONS if m.names.get(pos)]
        hit = q(_WITH_ALL_OTHERS).search(s) if len(held) == 1 else None
        if hit is not None:
            # "China supported it, along with all other Council members": every member
            # the text does not place elsewhere holds that position
            m.other = (held[0], None)
    if m.sponsor and (
        m.sponsor in m.vetoers
        or m.sponsor in m.names.get("no", ())
        or any(masked.codes[int(hit[1])] == m.sponsor for hit in _VETOER_SUBJECT.finditer(s))
    ):
        m.sponsor = None  # "Russia vetoes draft": the vetoer, not the author
    if m.sponsor == "*" and sponsor_codes:
        placed = {c for codes in m.names.values() for c in codes}
        if placed.issuperset(sponsor_codes):
            # "Five countries - A, B, C, D, E - voted in favour, failing to pass": voters
            m.sponsor = None
    m.vote_words = _has(low, ("vot", "tally", "ballot")) and q(_VOTE_WORD).search(s) is not None
    if (
        (m.vote_words or m.strong or _OPERATIVE.match(s) is not None)
        and "emergency" in low
        and "assembly" in low
        and _CONVENE_ASSEMBLY.search(s) is not None
        and not hypothetical_at(s, 0, q)
    ):
        # the Council voted to convene the General Assembly (Uniting for Peace): a
        # procedural decision (../shared/rules.md 3.1)
        m.procedural = True
        m.kind = m.kind or "draft"
    m.withdrawn = (
        not N.WITHDRAWN.isdisjoint(words)
        and _has(low, _WITHDRAWN_KEYS)
        and bool(q(P.WITHDRAWN).search(s))
    )
    m.history = (
        not N.HISTORY.isdisjoint(words)
        and _has(low, _HISTORY_KEYS)
        and bool(q(P.HISTORY).search(s))
    )
    if (
        not m.history
        and ("has " in low or "have " in low or "had " in low)
        and _has(low, _TALLY_KEYS)
        and q(_TALLY_OF_PAST).search(s)
    ):
        # "has so far adopted three resolutions", "has vetoed 17 drafts since 2011": a tally
        # of past decisions, not a vote
        m.history = q(_PAST_TALLY).search(s) is not None
    # a clause that only names a question and reports nothing is kept for reference only
    trigger = min(reader.triggers) if reader.triggers else None
    if trigger is None and m.kind is not None:
        if kind_hit is None:  # the kind came from a resolution number
            kind_hit = q(_KIND_PATTERN[m.kind]).search(s)
        trigger = kind_hit.start() if kind_hit else 0
    _date_of(m, masked, trigger if trigger is not None else 0, reader.triggers)
    if m.several is None and "DATx" in original and " and " in s and (m.outcomes or m.vetoers):
        _on_each_day(m, masked, s, q)
    _body_of(m, original, trigger if trigger is not None else 0, s, words, q)
    if (
        m.kind is not None
        and not m.strong
        and hypothetical_at(s, trigger or 0, q)
        and not q(_VOTED).search(s)
    ):
        m.hypothetical = True
    if m.strong and trigger is not None and hypothetical_at(s, trigger, q):
        m.hypothetical = True
    if _has(low, _RULE_KEYS) and q(_RULE).search(s):
        _forget(m)  # a statement of the voting rule ("a resolution needs nine votes") is no vote
    if (m.vetoers or m.weak_vetoers or "vetoed" in m.outcomes) and q(_NOT_BLOCKING).search(s):
        # "the negative vote of a permanent member did not block the text": no veto
        no_veto(m, unplace=False)
    if "veto" in low and _has(low, _AVOIDED_KEYS) and q(_AVOIDED_VETO).search(s):
        # "spared the cost of a formal veto by X", "averted a veto": a veto that did not
        # happen; X is not placed by it
        no_veto(m, unplace=True)
    return m


def no_veto(m: Mention, *, unplace: bool = False) -> None:
    """Take back the veto a clause was read to report (it is avoided or disputed).

    With ``unplace``, the members read as voting no only by that veto lose that position.
    """
    vetoing = set(m.vetoers) | set(m.weak_vetoers)
    if unplace and m.names.get("no"):
        m.names["no"] = [c for c in m.names["no"] if c not in vetoing]
        if not m.names["no"]:
            del m.names["no"]
    m.vetoers = []
    m.weak_vetoers = []
    m.outcomes = [o for o in m.outcomes if o != "vetoed"]


# a word of veto alone in quotation marks: scare quotes ('the US "vetoed" the text')
SCARE_VETO = re.compile(r'"\s*(?:vetoe?d|vetoe?s|vetoing)\s*"', re.IGNORECASE)


# "A resolution needs nine votes in favour and no vetoes by ... to pass", "resolutions
# require", "to be adopted, a draft must": the rule, not this question's votes
_RULE = re.compile(
    r"\b(?:a|any|each|every|the)\s+(?:draft\s+)?(?:resolutions?|drafts?|measures?|texts?|"
    r"decisions?|motions?)\s+(?:needs?|requires?|must|cannot|can\s*not|can\s+only|only\s+"
    r"(?:needs?|passes|requires?))\b"
    r"|\bresolutions\s+(?:need|require|must)\b"
    # a bare plural in the present passive tells how decisions are taken, not one vote:
    # "Council resolutions are currently adopted by written procedure", "drafts are
    # usually put to the vote", "texts can be vetoed by any permanent member"
    # (the look-ahead first: the look-behinds are tried only where such a word starts)
    r"|\b(?=resolutions|drafts|draft\s+resolutions|texts|decisions|measures|motions)"
    r"(?<!\bthe\s)(?<!\btwo\s)(?<!\bboth\s)(?<!\ball\s)(?<!\bthese\s)(?<!\bthose\s)"
    r"(?<!\bits\s)(?<!\btheir\s)(?<!\d\s)"
    r"(?:(?:draft\s+)?resolutions|drafts|texts|decisions|measures|motions)\s+"
    r"(?:are|get|can\s+be|may\s+be|cannot\s+be)\s+(?:\w+ly\s+)?"
    r"(?:adopted|passed|approved|vetoed|rejected|voted|put\s+to)\b"
    # a habit told in the present ("Most meetings open with ...: the agenda is adopted",
    # "usually the text is approved without a vote")
    r"|\b(?:most|usually|typically|normally|generally|ordinarily|always|as\s+a\s+rule|whenever)\b"
    r"[^.;]{0,160}?\b(?:is|are)\s+(?:\w+ly\s+)?(?:adopted|passed|approved|vetoed|rejected)\b"
    r"|\b(?:no|without\s+a|without\s+any|(?:a\s+|the\s+)?lack\s+of(?:\s+a)?|absence\s+of(?:\s+a)?)"
    r"\s+vetoe?s?\s+(?:by|from)\b"
    r"|\bto\s+(?:pass|be\s+adopted),\s+(?:a|any|the)\s+(?:resolution|draft|text|measure)",
    re.IGNORECASE,
)
_RULE_KEYS = ("need", "requir", "must", "cannot", "can not", "can only", "only", "veto", "to pass",
              "to be adopted", "s are ", "s get ", "s can be", "s may be", "most", "usually",
              "typically", "normally", "generally", "ordinarily", "always", "as a rule",
              "whenever")  # fmt: skip


# "the (unanimous) adoption of resolution 2254 (2015) on Friday": a decision named by a
# noun, read only with a day of its own in the clause and not as a point of reference
# ("since the adoption of resolution 1701")
_NOMINAL = re.compile(
    r"\b(?:unanimous\s+)?(?:adoption|passage|approval)\s+(?:of\s+|on\s+DATx\d+\s+of\s+)"
    r"(?:the\s+)?(?:draft\s+)?(?:resolution\s+)?RESx(?P<i>\d+)",
    re.IGNORECASE,
)
_NOMINAL_BEFORE = re.compile(
    r"\b(?:since|until|till|before|pending|awaiting|ahead\s+of|prior\s+to|after|under|"
    r"pursuant\s+to|anniversary\s+of|years?\s+of|implement\w*)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _nominal_adoption(m: Mention, masked: Masked, s: str, reader: _Reader, q: P.Pick) -> None:
    hit = q(_NOMINAL).search(s)
    if hit is None or q(_NOMINAL_BEFORE).search(_prefix(s, hit.start(), 40)):
        return
    if not any(d.kind in ("day", "weekday", "deictic") for d in masked.dates):
        return
    if hypothetical_at(s, hit.start(), q) or negated_at(s, hit.start(), q):
        return
    m.resolution = masked.resolutions[int(hit["i"])][0]
    m.kind = m.kind or "draft"
    if "adopted" not in m.outcomes:
        m.outcomes.append("adopted")
    reader.triggers.append(hit.start())


def _forget(m: Mention) -> None:
    """Drop everything a clause was read to report: it describes the rules, not a vote."""
    m.kind = None
    m.counts = {}
    m.names = {}
    m.partial = {}
    m.among = []
    m.other = None
    m.excepted = None
    m.pair = None
    m.unanimous = False
    m.outcomes = []
    m.vetoers = []
    m.weak_vetoers = []
    m.hypothetical = True


_SPONSORS = tuple(
    zip(
        (*P.SPONSOR_PATTERNS[:3], P.SPONSOR_LIST_NOUN, *P.SPONSOR_PATTERNS[4:]),
        _SPONSOR_GUARDS,
        N.SPONSOR,
        strict=True,
    )
)
_KINDS = tuple(
    (kind, pattern, _KIND_GUARDS[kind], N.KIND[kind]) for kind, pattern in P.KIND_PATTERNS
)
_KIND_PATTERN = dict(P.KIND_PATTERNS)
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:a|an|the)\s+$", re.IGNORECASE)
# "Neither passed", "none of them was adopted": each of the questions failed
_NEITHER = re.compile(
    r"\b(?:neither|none\s+of\s+(?:them|the\s+\w+))\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
# "an attempt to block the text ... failed": the failure of a move against the question
_THWARTING = re.compile(
    r"\b(?:attempts?|bids?|efforts?|moves?|push|tries|try|manoeuvres?|maneuvers?)\s+to\s+(?:defeat|"
    r"block|stop|prevent|kill|derail|thwart|scuttle|sink|veto|override|overturn)\b[^.;]*$",
    re.IGNORECASE,
)
_SOLE_NO = re.compile(
    r"\b(?:the|a|its|their)\s+(?:lone|sole|only|single)\s+(?:vote\s+against|negative\s+vote|"
    r"no\s+vote|dissenting\s+vote|dissent)\b",
    re.IGNORECASE,
)
_WITH_VOTES = re.compile(
    r"\b(?:adopted|approved|passed|carried|failed|rejected|defeated)\s+(?:\w+\s+){0,3}?with\s+"
    r"(?:only\s+|just\s+)?(?P<n>\d{1,2})\s+votes?\b(?!\s+(?:against|in\s+favou?r|for|to|in\s+"
    r"support|cast|of|from))",
    re.IGNORECASE,
)
_WITH_ALL_OTHERS = re.compile(
    r"\b(?:along\s+with|together\s+with|as\s+did|like|joined\s+by|with)\s+(?:all|every)\s+"
    r"(?:the\s+)?other\s+(?:[\w.]+\s+){0,3}?(?:members?|countries|nations|delegations|states)\b",
    re.IGNORECASE,
)
_DRAFT_CONTENT = re.compile(
    r"\b(?:draft(?:\s+resolution)?|resolution|text)\s+(?:[\w,'-]+\s+){0,3}?(?:recommending|calling\s+for|"
    r"demanding|urging|requesting|condemning|proposing)\b",
    re.IGNORECASE,
)
_PRESS_STATEMENT = re.compile(r"\b(?:presidential|press|president's)\s+statement", re.IGNORECASE)
_QUESTION_WORD = re.compile(r"\bresolution|\bdraft|\bmotion|\bamendment", re.IGNORECASE)
_NOT_PROCEDURAL = re.compile(r"\bnot\s+(?:a\s+)?procedural", re.IGNORECASE)
_VOTE_WORD = re.compile(r"\bvot(?:e|es|ed|ing)\b|\btally\b|\bballot", re.IGNORECASE)
_VOTED = re.compile(r"\bvoted\b|\bput\s+to\s+(?:a|the)\s+vote\b", re.IGNORECASE)


_WEEKDAY_NAME = re.compile(r"mon|tue|wed|thu|fri|sat|sun")
_VETOER_SUBJECT = re.compile(
    r"memx(\d+)\s+(?:\w+\s+)?(?:vetoe?s|vetoed|blocks|blocked|rejects|rejected)\b", re.IGNORECASE
)
# "the mandate of the United Nations Interim Force for Abyei (UNISFA)": what is decided
_MANDATE_OF = re.compile(
    r"\bmandates?\s+of\s+(?:the\s+)?(?P<name>[^,;.()]{3,140}?)\s*"
    r"(?:\((?P<acronym>[A-Z][A-Za-z-]{1,12})\)|(?=[,;.]|\s+(?:until|for|to|by)\b|$))"
)
_YEAR_DIGITS = re.compile(r"\d{4}")


# "last week", "earlier this month": a recent vote whose day the text does not give (its
# record has no date), not history
_RECENT = re.compile(
    r"(?:last\s+(?:week|month)|earlier\s+this\s+(?:week|month)|this\s+(?:week|month))\b",
    re.IGNORECASE,
)


def _date_of(m: Mention, masked: Masked, trigger: int, triggers: Sequence[int] = ()) -> None:
    """The clause's date; a vague date just after any of its words of a decision makes it vague.

    ("The vetoed text also urged respect for a resolution passed in June": the June
    decision is another, told as background, whichever trigger comes first.)
    """
    if "DATx" not in masked.text:
        return
    best: tuple[int, DateExpr] | None = None
    for token in _DATE_TOKEN.finditer(masked.text):
        expr = masked.dates[int(token[1])]
        if expr.kind == "bound":
            continue
        if expr.kind == "vague":
            at = token.start()
            if at < trigger or at - trigger < 50 or any(0 <= at - other < 30 for other in triggers):
                m.vague = True
                if ELSEWHEN.match(m.text, expr.start):
                    m.elsewhen = True
                if _YEAR_DIGITS.search(m.text, expr.start, expr.end):
                    m.vague_year = True
                elif _RECENT.match(m.text, expr.start):
                    m.recent = True
            continue
        distance = abs(token.start() - trigger)
        if best is None or distance < best[0]:
            best = (distance, expr)
    if best is not None:
        expr = best[1]
        if expr.kind == "relative":
            m.relative = expr.offset
        elif expr.date is not None:
            m.date = expr.date
        elif expr.kind == "weekday":
            # without a dateline the day is unknown, but two different weekdays are two days
            name = _WEEKDAY_NAME.search(m.text[expr.start : expr.end].lower())
            m.weekday = name[0] if name else None


def _body_of(
    m: Mention, s: str, trigger: int, low: str, words: set[str], q: P.Pick = P.same
) -> None:
    """The body that votes: the one named nearest before the trigger (``low``: ``_lower(s)``)."""
    if m.body == "other_counts":
        m.body = "other"
        m.body_explicit = True
        return
    marks: list[tuple[int, str]] = []
    if _has(low, ("security", "-member", "-nation", "-seat", "unsc")):
        for hit in q(P.SC_BODY).finditer(low):
            marks.append((hit.start(), "sc"))
    other_body = not N.OTHER_BODY.isdisjoint(words) and (
        _has(low, _BODY_KEYS) or _has(s, _BODY_ACRONYMS)
    )
    topic_from = -1
    if other_body:
        question = q(_TOPIC_QUESTION).search(low, 0, trigger)
        topic_from = question.end() if question is not None else -1
    for hit in q(P.OTHER_BODY).finditer(low) if other_body else ():
        if any(a <= hit.start() < a + 20 and b == "sc" for a, b in marks):
            continue
        if _DESTINATION.search(s[max(0, hit.start() - 60) : hit.start()]):
            continue  # "to the General Assembly", "a session of the Assembly": not the voter
        if 0 <= topic_from <= hit.start() < trigger:
            continue  # "a draft supporting the OPCW mission: 5-4-6": what the draft is about
        marks.append((hit.start(), "other"))
    for hit in (
        q(P.OTHER_COUNCIL).finditer(low)
        if ("council" in low or "hrc" in low) and _has(low, _OTHER_COUNCIL_KEYS)
        else ()
    ):
        marks.append((hit.start(), "other"))
    if not marks:
        if ("council" in low or "the body" in low) and q(P.GENERIC_COUNCIL).search(low):
            m.body = "council"
        return
    before = [mk for mk in marks if mk[0] <= trigger]
    if not before:
        after = [mk for mk in marks if mk[1] == "sc"] or [
            mk for mk in marks if _BY_BEFORE.search(s[max(0, mk[0] - 8) : mk[0]])
        ]
        if not after:
            return
        before = after[:1]
    chosen = max(before)
    m.body = chosen[1]
    m.body_explicit = True


# a question named before its tally: a body named between them is its topic
_TOPIC_QUESTION = re.compile(
    r"\b(?:draft|resolution|text|proposal)\s+(?:on|supporting|condemning|"
    r"calling|urging|demanding|creating|establishing|backing|endorsing)\b"
)
_DESTINATION = re.compile(
    r"\w[\w,']*\s+(?:to|of|into|before|with|at|from|for|towards?|on|under|about|over|in)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:UN\s+|U\.N\.\s+|United\s+Nations\s+|whole\s+|full\s+|wider\s+)?$|'s\s+$",
    re.IGNORECASE,
)


_QUESTION = re.compile(
    r"\b(?:an?|the|its|their|his|her|[A-Z][\w.\-]*'s)\s+(?:[\w.'\-]+\s+){0,3}?"
    r"(?:draft(?:\s+resolution)?|resolution|text|motion|amendments?|proposal|measure|call|bid|request|"
    r"agenda|ruling|question)\b"
)
_QUESTION_VERB = re.compile(
    r"\b(?:to\s+)?(?:postpone|delay|defer|adjourn|invite|hold|refer|call|convene|put\s+off)\b"
)


def question_text(text: str) -> str:
    """A short description of the question, from the clause that names it."""
    q = P.twin if P.plain(text) else P.same
    hit = q(_QUESTION).search(text) or q(_QUESTION_VERB).search(text)
    phrase = text[hit.start() :] if hit else text
    words = phrase.split()
    return " ".join(words[:18]).rstrip(",;.:\u2014 ")
