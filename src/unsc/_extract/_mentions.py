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
from dataclasses import dataclass, field

from unsc._extract import _patterns as P
from unsc._extract._dates import DateExpr
from unsc._extract._lexicon import Lexicon

POSITIONS = ("yes", "no", "abs", "nv")

_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "a single": 1,
    "a lone": 1,
    "single": 1,
}
_NUMBER_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\b(?!-(?:member|nation|seat))",
    re.IGNORECASE,
)
_NUMBER_LOW = re.compile(_NUMBER_RE.pattern.lower())


def _numbers(text: str) -> str:
    """Number words as digits ("two no votes" -> "2 no votes")."""
    low = text.lower()
    if len(low) != len(text):
        return _NUMBER_RE.sub(lambda m: str(_NUMBER_WORDS[m.group(0).lower()]), text)
    out: list[str] = []
    pos = 0
    for m in _NUMBER_LOW.finditer(low):
        out.append(text[pos : m.start()])
        out.append(str(_NUMBER_WORDS[m.group(0)]))
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_SYMBOL = re.compile(r"\bS/(?:(?:19|20)\d\d/)?\d{1,5}(?:/Rev\.\s?\d+)?(?:/Add\.\s?\d+)?\b")
_RESOLUTION = re.compile(
    r"\b(?P<word>[Rr]esolution|S/RES/)\s*(?:No\.\s*)?(?P<n>\d{1,4})(?:\s*\((?:19|20)\d\d\))?"
    r"(?!\s*(?:,\s*\d|and\s+\d))"
)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:under|of|in|by|to|with|implementing|implement|extending|renewing|renew|reaffirming|recalling|"
    r"following|since|than|earlier|previous|under|per|pursuant\s+to|through|like|unlike|amend|amending|"
    r"modifying|replacing|replace|revising)\s+$",
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


@dataclass
class Mention:
    """What one clause says about a vote."""

    order: int
    paragraph: int
    sentence: int
    text: str
    masked: str
    kind: str | None = None
    new_event: bool = False
    draft: str | None = None
    resolution: int | None = None
    sponsor: str | None = None
    procedural: bool | None = None
    counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    partial: dict[str, list[str]] = field(default_factory=dict)
    among: list[tuple[int, list[str]]] = field(default_factory=list)
    other: tuple[str, int | None] | None = None
    unanimous: bool = False
    outcomes: list[str] = field(default_factory=list)
    vetoers: list[str] = field(default_factory=list)
    weak_vetoers: list[str] = field(default_factory=list)
    subordinate: bool = False
    date: dt.date | None = None
    relative: int | None = None
    vague: bool = False
    history: bool = False
    hypothetical: bool = False
    withdrawn: bool = False
    statement: bool = False
    body: str | None = None
    body_explicit: bool = False
    vote_words: bool = False
    question: str = ""

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
        )


@dataclass
class Masked:
    """A clause in masked form, with the codes behind its ``MEMx`` tokens."""

    text: str
    codes: list[str]
    kinds: list[str]
    dates: list[DateExpr]
    symbols: list[str]
    resolutions: list[tuple[int, bool]]


def mask(
    text: str,
    lex: Lexicon,
    dates: list[DateExpr],
    when: dt.date | None,
    last_person: str | None,
) -> Masked:
    """Replace states, dates, symbols and number words by tokens."""
    spans: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, _ in spans)

    for i, d in enumerate(dates):
        spans.append((d.start, d.end, f"DATx{i}"))
    symbols: list[str] = []
    resolutions: list[tuple[int, bool]] = []
    for m in _SYMBOL.finditer(text):
        if free(m.start(), m.end()):
            spans.append((m.start(), m.end(), f"SYMx{len(symbols)}"))
            symbols.append(m.group(0).replace(" ", ""))
    for m in _RESOLUTION.finditer(text):
        a, b = m.start("n"), m.end()
        if free(a, b):
            referential = bool(_REFERENCE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]))
            spans.append((a, b, f"RESx{len(resolutions)}"))
            resolutions.append((int(m["n"]), referential))
    codes: list[str] = []
    kinds: list[str] = []
    for m in lex.pattern.finditer(text):
        if not free(m.start(), m.end()) or not lex.starts_word(text, m.start()):
            continue
        hit = lex.resolve(m.group(0), when)
        if hit is None:
            continue
        spans.append((m.start(), m.end(), f"MEMx{len(codes)}"))
        codes.append(hit[0])
        kinds.append(hit[1])
    if last_person is not None:
        for m in re.finditer(r"\b(?:his|her)\s+own\b", text):
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end(), f"MEMx{len(codes)}"))
                codes.append(last_person)
                kinds.append("person")
    spans.sort()
    out: list[str] = []
    pos = 0
    for a, b, token in spans:
        out.append(text[pos:a])
        out.append(token)
        pos = b
    out.append(text[pos:])
    masked = "".join(out).replace('"', "")
    masked = _numbers(masked)
    masked = _collapse(masked, codes)
    return Masked(masked, codes, kinds, dates, symbols, resolutions)


_PAIR = re.compile(r"MEMx(\d+)")


def _collapse(masked: str, codes: list[str]) -> str:
    """Merge "Russian Ambassador Vassily Nebenzia" (two mentions of one state) into one."""
    changed = True
    while changed:
        changed = False
        found = list(_PAIR.finditer(masked))
        for first, second in itertools.pairwise(found):
            if codes[int(first[1])] != codes[int(second[1])]:
                continue
            gap = masked[first.end() : second.start()]
            if len(gap) > 80 or not _TITLE_GAP.match(gap):
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
    groups = m.groupdict()
    for name in POSITIONS:
        if groups.get(name) or groups.get(name + "2"):
            return name
    return None


def _prefix(text: str, at: int, width: int = 70) -> str:
    return text[max(0, at - width) : at]


def hypothetical_at(text: str, at: int) -> bool:
    """Whether the trigger at ``at`` is governed by a modal, a condition or an intention."""
    before = _prefix(text, at, 60)
    if P.HYPOTHETICAL_BEFORE.search(before):
        return True
    start = text[:at].lstrip().lower()
    return start.startswith(("if ", "unless ", "should "))


def negated_at(text: str, at: int) -> bool:
    """Whether the trigger at ``at`` is negated ("was not adopted", "failed to adopt")."""
    return bool(P.NEGATED_BEFORE.search(_prefix(text, at, 40)))


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

    def __init__(self, mention: Mention, masked: Masked) -> None:
        self.m = mention
        self.s = _lower(masked.text)
        self.low = self.s
        self.codes = masked.codes
        self.taken: list[tuple[int, int]] = []
        self.triggers: list[int] = []

    def free(self, a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in self.taken)

    def take(self, a: int, b: int) -> None:
        self.taken.append((a, b))
        self.triggers.append(a)

    def set_count(self, position: str, value: int, at: int) -> None:
        if position not in self.m.counts:
            self.m.counts[position] = value
        self.triggers.append(at)

    def counts(self) -> None:
        s = self.s
        if not _COUNT_HINT.search(self.low):
            return
        low = self.low
        for m in P.COUNT_LIST_LABEL.finditer(s) if "memx" in low else ():
            pos = _position(m)
            if pos is None or self.requirement(m.start(), m.end()):
                continue
            self.set_count(pos, int(m["n"]), m.start())
            _add(self.m.names, pos, _codes(m["list"], self.codes))
            self.take(m.start(), m.end())
        for m in P.LABELLED.finditer(s):
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
            if value == 0 and m["n"].lower() == "no" and pos == "no":
                continue  # "no no": nonsense
            if re.search(r"\bevery\s*$", _prefix(s, m.start(), 10), re.IGNORECASE):
                continue  # "every one of the 15": unanimity, read below
            before = _prefix(s, m.start(), 30)
            if re.search(r"\b(?:other|remaining)\s*$", before, re.IGNORECASE) or re.search(
                r"\b(?:other|remaining)\b", m["mid"] or "", re.IGNORECASE
            ):
                self.m.other = (pos, value)
                self.take(m.start(), m.end())
                continue
            self.set_count(pos, value, m.start())
            self.take(m.start(), m.end())
            self.attached(m.end(), pos)
        for m in P.POSITION_VOTES.finditer(s) if " to " in low else ():
            pos = _position(m)
            if pos is not None and self.free(m.start("n"), m.end("n")):
                self.set_count(pos, int(m["n"]), m.start())
                self.take(m.start("n"), m.end("n"))
                self.attached(m.end(), pos)
        for m in (
            P.REVERSED.finditer(s) if _has(low, ("against", "abstent", "abstain", "favo")) else ()
        ):
            pos = _position(m)
            if pos is None or not self.free(m.start("n"), m.end("n")):
                continue
            if int(m["n"]) > 15 or self.requirement(m.start(), m.end()):
                continue
            self.set_count(pos, int(m["n"]), m.start())
            self.take(m.start("n"), m.end("n"))
            self.attached(m.end(), pos)
        for m in P.TALLY.finditer(s) if "-" in low else ():
            if not self.free(m.start(), m.end()) or RANGE_BEFORE(s, m.start()):
                continue
            values = [int(v) for v in (m["a"], m["b"], m["c"], m["d"]) if v is not None]
            if any(v > 15 for v in values):
                self.m.body = self.m.body or "other_counts"
                continue
            for pos, v in zip(POSITIONS, values, strict=False):
                self.set_count(pos, v, m.start())
            self.take(m.start(), m.end())
        for m in P.TO_TALLY.finditer(s) if " to " in low else ():
            if not self.free(m.start(), m.end()) or RANGE_BEFORE(s, m.start()):
                continue
            b = _count_value(m["b"])
            if b is None:
                continue
            if int(m["a"]) > 15 or b > 15:
                self.m.body = self.m.body or "other_counts"
                continue
            self.set_count("yes", int(m["a"]), m.start())
            self.set_count("no", b, m.start())
            self.take(m.start(), m.end())
        for m in P.BY_COUNT.finditer(s) if " by " in low else ():
            if self.free(m.start("n"), m.end("n")):
                pos = _position(m) or "yes"
                self.set_count(pos, int(m["n"]), m.start())
                self.take(m.start("n"), m.end("n"))
        for m in P.GOT.finditer(s) if _has(low, _GOT_KEYS) else ():
            if not self.free(m.start("n"), m.end("n")) or self.requirement(m.start(), m.end()):
                continue
            value = int(m["n"])
            if value > 15:
                continue
            self.set_count("yes", value, m.start())
            self.take(m.start("n"), m.end())
            self.attached(m.end(), "yes")
        for m in P.OTHER.finditer(s) if _has(low, ("other", "remaining", "else", "rest")) else ():
            if self.m.other is not None:
                break
            tail = s[m.end() : m.end() + 160]
            lab = re.match(
                r"(?:\s+(?:members|countries|nations|states|delegations|council\s+members|all|also|"
                r"then|were|of\s+the\s+council))*"
                r"(?:\s*,\s*(?:including|among\s+them)\s+(?P<list>" + P.LIST + r")\s*,)?"
                r"\s+(?:(?P<yes>voted\s+(?:yes|in\s+favou?r|for)|in\s+favou?r|backed|supported|"
                r"voting\s+(?:in\s+favou?r|for|yes))|"
                r"(?P<abs>abstained|abstaining)|(?P<no>voted\s+(?:against|no)|against|opposed|voting\s+(?:no|against)))",
                tail,
                re.IGNORECASE,
            )
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
        for m in P.UNANIMOUS.finditer(s) if _has(low, _UNANIMOUS_KEYS) else ():
            if P.NOT_UNANIMOUS.search(_prefix(s, m.start(), 25)) or hypothetical_at(s, m.start()):
                continue
            self.m.unanimous = True
            self.triggers.append(m.start())

    def requirement(self, a: int, b: int) -> bool:
        return bool(
            P.REQUIREMENT_BEFORE.search(_prefix(self.s, a, 40))
            or P.REQUIREMENT_AFTER.match(self.s[b : b + 40])
        )

    def attached(self, end: int, position: str) -> None:
        m = P.ATTACHED.match(self.s[end:]) or P.ATTACHED_END.match(self.s[end:])
        if m is None:
            return
        if not self.free(end + m.start("list"), end + m.end("list")):
            return
        codes = _codes(m["list"], self.codes)
        groups = m.groupdict()
        partial = bool(groups.get("inc") or groups.get("inc2")) or (
            (groups.get("word") or "").lower() == "including"
        )
        _add(self.m.partial if partial else self.m.names, position, codes)
        self.take(end + m.start("list"), end + m.end("list"))

    def positions(self) -> None:
        s = self.s
        if "memx" not in self.low:
            return
        low = self.low
        for pattern, keys in _POSITION_PATTERNS:
            if keys and not _has(low, keys):
                continue
            for m in pattern.finditer(s):
                if not self.free(m.start("list"), m.end("list")):
                    continue
                pos = _position(m)
                if pos is None:
                    continue
                verb_at = m.start(pos)
                if hypothetical_at(s, verb_at) or hypothetical_at(s, m.start()):
                    continue
                if pos != "nv" and negated_at(s, verb_at):
                    continue
                codes = _codes(m["list"], self.codes)
                if "list2" in m.groupdict() and m["list2"]:
                    codes = _codes(m["list2"], self.codes) + codes
                _add(self.m.names, pos, codes)
                self.take(m.start("list"), m.end("list"))
                tail = P.TAIL.match(s[m.end() :])
                if tail is not None:
                    _add(self.m.names, pos, _codes(tail["list"], self.codes))
                    self.take(m.end() + tail.start("list"), m.end() + tail.end("list"))
        for m in P.JOINED.finditer(s) if "joined" in low else ():
            pos = _position(m)
            if pos is None or hypothetical_at(s, m.start()):
                continue
            codes = _codes(m["list"], self.codes)
            if m["list2"]:
                codes += _codes(m["list2"], self.codes)
            _add(self.m.names, pos, codes)
            self.triggers.append(m.start())
        for m in P.ONLY.finditer(s) if _has(low, ("only", "lone", "sole")) else ():
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
        for m in P.AMONG_THOSE.finditer(s) if "among" in low else ():
            pos = _position(m)
            if pos is not None and self.free(m.start("list"), m.end("list")):
                _add(self.m.partial, pos, _codes(m["list"], self.codes))
                self.take(m.start("list"), m.end("list"))
        for m in P.AMONG.finditer(s) if _has(low, ("among", " of the ")) else ():
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
            for m in pattern.finditer(s):
                if hypothetical_at(s, m.end("list")) or hypothetical_at(s, m.start()):
                    continue
                if negated_at(s, m.end("list") + 1):
                    continue
                tail = s[m.end("list") : m.end()]
                if re.search(r"\b(?:blocked|killed|voted)\b", tail, re.IGNORECASE) and not (
                    self.m.kind or P.OUTCOME_VETOED.search(s)
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
        if not _has(self.low, _OUTCOME_KEYS):
            return
        for outcome, pattern, keys in _OUTCOME_PATTERNS:
            if not _has(self.low, keys):
                continue
            for m in pattern.finditer(s):
                if hypothetical_at(s, m.start()):
                    continue
                value = outcome
                if negated_at(s, m.start()):
                    if outcome == "adopted":
                        value = "failed"
                    else:
                        continue
                if (
                    outcome == "adopted"
                    and re.match(
                        r"(?:extended|renewed|authori[sz]ed|endorsed|approved)\b",
                        m.group(0),
                        re.IGNORECASE,
                    )
                    and not (self.m.kind or self.m.counts or self.m.unanimous)
                ):
                    continue
                found.append((m.start(), value))
        if (self.m.vetoers or self.m.weak_vetoers) and not any(v == "vetoed" for _, v in found):
            found.append((len(s), "vetoed"))
        for at, value in sorted(found):
            if value not in self.m.outcomes:
                self.m.outcomes.append(value)
            self.triggers.append(at)


_DATE_TOKEN = re.compile(r"DATx(\d+)")


def _lower(text: str) -> str:
    """Lower case with offsets kept (a few characters grow when lower-cased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _has(low: str, keys: tuple[str, ...]) -> bool:
    """Cheap substring test run before an expensive pattern."""
    return any(k in low for k in keys)


_COUNT_HINT = re.compile(
    r"\d|\bno\b|none|nobody|no one|unanim|every|other|remaining|rest\b|else|dissent"
)
_OUTCOME_KEYS = (
    "adopt", "approv", "pass", "carried", "upheld", "endors", "authori", "renew", "extend",
    "unanim", "won ", "veto", "negative vote", "reject", "defeat", "fail", "down", "short",
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
    "-nation", "council of europe",
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
_UNANIMOUS_KEYS = ("unanim", "every", "all ", "without", "no one", "no member")
_POSITION_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        P.LABEL_LIST,
        (
            "favo", "against", "abstain", "abstent", "voting", "dissent", "opponent", "supporter",
            "absent", "not ", "no:", "yes:", "lone", "only", "sole", "single", "no vote",
            "yes vote",
        ),
    ),
    (P.WITH_LIST, ("with ",)),
    (P.VERB_BY_LIST, (" by ", " from ", " of ")),
    (P.LIST_VERB, ()),
    (
        P.LIST_BARE,
        ("against", "favo", "abstain", "absent", "not voting", "not particip", "voting no"),
    ),
)  # fmt: skip
_OUTCOME_PATTERNS = (
    ("vetoed", P.OUTCOME_VETOED, ("veto", "negative vote")),
    (
        "adopted",
        P.OUTCOME_ADOPTED,
        ("adopt", "approv", "pass", "carried", "upheld", "endors", "authori", "renew", "extend",
         "unanim", "won "),
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
    reader = _Reader(m, masked)
    low = s.lower()
    # the question
    for kind, pattern in P.KIND_PATTERNS:
        if _has(low, _KIND_GUARDS[kind]) and pattern.search(s):
            m.kind = kind
            break
    has_statement = "statement" in low
    if m.kind is None and has_statement:
        m.statement = True
    if has_statement and re.search(
        r"\b(?:presidential|press|president's)\s+statement", s, re.IGNORECASE
    ):
        only_statement = not re.search(
            r"\bresolution|\bdraft|\bmotion|\bamendment", s, re.IGNORECASE
        )
        if only_statement:
            m.statement = True
    if _has(low, _NEW_KEYS) and P.NEW_EVENT.search(s):
        m.new_event = True
    if (
        _has(low, ("procedural", "emergency", "uniting"))
        and P.PROCEDURAL_WORD.search(s)
        and not re.search(r"\bnot\s+(?:a\s+)?procedural", s, re.I)
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
    for pattern, keys in (
        zip(P.SPONSOR_PATTERNS, _SPONSOR_GUARDS, strict=True) if "memx" in low else ()
    ):
        if not _has(low, keys):
            continue
        hit = pattern.search(s)
        if hit:
            sponsors = _codes(hit["list"], masked.codes)
            m.sponsor = sponsors[0] if len(sponsors) == 1 else "*"
            break
    reader.counts()
    reader.positions()
    reader.vetoes()
    reader.outcomes()
    m.vote_words = bool(re.search(r"\bvot(?:e|es|ed|ing)\b|\btally\b|\bballot", s, re.IGNORECASE))
    m.withdrawn = _has(low, _WITHDRAWN_KEYS) and bool(P.WITHDRAWN.search(s))
    m.history = _has(low, _HISTORY_KEYS) and bool(P.HISTORY.search(s))
    # a clause that only names a question and reports nothing is kept for reference only
    trigger = min(reader.triggers) if reader.triggers else None
    if trigger is None and m.kind is not None:
        hit = next(
            (pat.search(s) for kind, pat in P.KIND_PATTERNS if kind == m.kind),
            None,
        )
        trigger = hit.start() if hit else 0
    _date_of(m, masked, trigger if trigger is not None else 0)
    _body_of(m, original, trigger if trigger is not None else 0)
    if (
        m.kind is not None
        and not m.strong
        and hypothetical_at(s, trigger or 0)
        and not re.search(r"\bvoted\b|\bput\s+to\s+(?:a|the)\s+vote\b", s, re.IGNORECASE)
    ):
        m.hypothetical = True
    if m.strong and trigger is not None and hypothetical_at(s, trigger):
        m.hypothetical = True
    return m


def _date_of(m: Mention, masked: Masked, trigger: int) -> None:
    best: tuple[int, DateExpr] | None = None
    for token in _DATE_TOKEN.finditer(masked.text):
        expr = masked.dates[int(token[1])]
        if expr.kind == "vague":
            if token.start() < trigger or token.start() - trigger < 50:
                m.vague = True
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


def _body_of(m: Mention, s: str, trigger: int) -> None:
    if m.body == "other_counts":
        m.body = "other"
        m.body_explicit = True
        return
    marks: list[tuple[int, str]] = []
    low = _lower(s)
    if _has(low, ("security", "-member", "-nation", "-seat", "unsc")):
        for hit in P.SC_BODY.finditer(low):
            marks.append((hit.start(), "sc"))
    other_body = _has(low, _BODY_KEYS) or _has(s, _BODY_ACRONYMS)
    for hit in P.OTHER_BODY.finditer(low) if other_body else ():
        if any(a <= hit.start() < a + 20 and b == "sc" for a, b in marks):
            continue
        if _DESTINATION.search(s[max(0, hit.start() - 60) : hit.start()]):
            continue  # "to the General Assembly", "a session of the Assembly": not the voter
        marks.append((hit.start(), "other"))
    for hit in P.OTHER_COUNCIL.finditer(low) if "council" in low or "hrc" in low else ():
        marks.append((hit.start(), "other"))
    if not marks:
        if ("council" in low or "the body" in low) and P.GENERIC_COUNCIL.search(low):
            m.body = "council"
        return
    before = [mk for mk in marks if mk[0] <= trigger]
    if not before:
        after = [mk for mk in marks if mk[1] == "sc"] or [
            mk for mk in marks if re.search(r"\bby\s+(?:the\s+)?$", s[max(0, mk[0] - 8) : mk[0]])
        ]
        if not after:
            return
        before = after[:1]
    chosen = max(before)
    m.body = chosen[1]
    m.body_explicit = True


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
    hit = _QUESTION.search(text) or _QUESTION_VERB.search(text)
    phrase = text[hit.start() :] if hit else text
    words = phrase.split()
    return " ".join(words[:18]).rstrip(",;.:\u2014 ")
