"""Who sat on the Security Council, and who presided, on any date 1946-2027."""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
from dataclasses import dataclass

from unsc._errors import DateOutOfRangeError, ReferenceDataError
from unsc._reference.states import fold, name_on, resolve_member, same_state
from unsc._reference.tables import (
    FAR_FUTURE,
    dated_fact,
    elected_terms,
    name_spans,
    permanent_end,
    permanent_tenures,
    presidency_exceptions,
)

FIRST_MEETING = dated_fact("council_covered").start
"""The Council's first meeting (S/PV.1); no Council existed before."""

LAST_COVERED = dated_fact("council_covered").end
"""The last date for which the composition is known."""

AMENDMENT_IN_FORCE = dated_fact("nine_votes_before_enlargement").start
"""The Charter amendment raising nine-vote thresholds entered into force on this day."""

ENLARGEMENT = dated_fact("nine_votes_before_enlargement").end + dt.timedelta(days=1)
"""First day of the 15-member Council (A/RES/1991 (XVIII), in force 31 Aug 1965)."""

CHINA_REPRESENTATION_REVIEW = dated_fact("china_representation_review")
"""From A/RES/2758 (XXVI) to the People's Republic's first meeting: who cast China's vote?"""

USSR_LAST_DAY = permanent_end("SUN")
"""The USSR's last day in its permanent seat (the Russian Federation's from the next)."""


def required_votes(date: dt.date) -> int:
    """Affirmative votes needed for any decision: 7 of 11 before 1966, 9 of 15 after.

    The amendment was in force from 31 Aug 1965, but the Council kept eleven
    members until 31 Dec 1965; we apply seven until the enlarged Council was
    constituted (see ``../shared/rules.md`` 1.1) and flag the gap for review.
    """
    return 7 if date < ENLARGEMENT else 9


def council_size(date: dt.date) -> int:
    """Members of the Council on ``date`` by the Charter: 11 before 1966, 15 after."""
    return 11 if date < ENLARGEMENT else 15


@dataclass(frozen=True, slots=True)
class Member:
    """One member of the Council on a given date.

    ``term_start``/``term_end`` are the member's own tenure on the Council:
    an elected term, or a permanent seat holder's tenure (``term_end`` is
    ``None`` while open).
    """

    code: str
    name: str
    permanent: bool
    term_start: dt.date
    term_end: dt.date | None
    represented_by: str | None = None
    elected_for: str | None = None
    source: str = ""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (the ``unsc council --json`` member shape)."""
        out: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "permanent": self.permanent,
            "term_start": self.term_start.isoformat(),
            "term_end": self.term_end.isoformat() if self.term_end else None,
        }
        if self.represented_by:
            out["represented_by"] = self.represented_by
        return out


@dataclass(frozen=True, slots=True)
class Presidency:
    """A member's presidency of the Council from ``start`` to ``end`` (inclusive)."""

    start: dt.date
    end: dt.date
    code: str
    name: str
    source: str

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready mapping."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "code": self.code,
            "name": self.name,
            "source": self.source,
        }


class Era(enum.StrEnum):
    """The Charter's rules for the Council's size and majorities on a date."""

    ELEVEN = "eleven"
    """Eleven members, seven votes (Art. 23 and 27 as written in 1945)."""
    TRANSITION = "transition"
    """The amendment requiring nine votes in force, the Council still eleven (end of 1965)."""
    FIFTEEN = "fifteen"
    """Fifteen members, nine votes (as amended, from 1 Jan 1966)."""


def era_on(date: dt.date) -> Era:
    """The era of ``date``.

    >>> era_on(dt.date(1965, 9, 1)).value, era_on(dt.date(1966, 1, 1)).value
    ('transition', 'fifteen')
    """
    if date >= ENLARGEMENT:
        return Era.FIFTEEN
    return Era.TRANSITION if date >= AMENDMENT_IN_FORCE else Era.ELEVEN


@dataclass(frozen=True, slots=True)
class Council:
    """The Security Council on one date: members, President, size, votes required, era."""

    date: dt.date
    members: tuple[Member, ...]
    president: str

    @property
    def size(self) -> int:
        """Number of members."""
        return len(self.members)

    @property
    def required_votes(self) -> int:
        """Affirmative votes needed for a decision on this date."""
        return required_votes(self.date)

    @property
    def era(self) -> Era:
        """The Charter's rules in force on this date (see :class:`Era`)."""
        return era_on(self.date)

    @property
    def codes(self) -> tuple[str, ...]:
        """Member codes in alphabetical order of names."""
        return tuple(m.code for m in self.members)

    @property
    def permanent(self) -> tuple[str, ...]:
        """Codes of the permanent members."""
        return tuple(m.code for m in self.members if m.permanent)

    def member(self, code: str) -> Member | None:
        """The member with ``code``, or ``None``."""
        for m in self.members:
            if m.code == code:
                return m
        return None

    def to_dict(self) -> dict[str, object]:
        """The ``unsc council --json`` shape."""
        return {
            "date": self.date.isoformat(),
            "size": self.size,
            "required_votes": self.required_votes,
            "president": self.president,
            "members": [m.to_dict() for m in self.members],
        }


def _check_range(date: dt.date) -> None:
    if not FIRST_MEETING <= date <= LAST_COVERED:
        raise DateOutOfRangeError(date)


def _open(end: dt.date) -> dt.date | None:
    return None if end == FAR_FUTURE else end


def _order_key(code: str, date: dt.date) -> str:
    return fold(name_on(code, date))


@functools.cache
def _seat_holder_span(code: str) -> tuple[dt.date, dt.date]:
    """A permanent member's whole tenure (China's representation rows merged)."""
    rows = [t for t in permanent_tenures() if t.code == code]
    return min(t.start for t in rows), max(t.end for t in rows)


def _members_on(date: dt.date) -> tuple[Member, ...]:
    members = []
    for t in permanent_tenures():
        if t.start <= date <= t.end:
            start, end = _seat_holder_span(t.code)
            members.append(
                Member(
                    t.code,
                    name_on(t.code, date),
                    True,
                    start,
                    _open(end),
                    t.represented_by,
                    None,
                    t.source,
                )
            )
    members += [
        Member(
            t.code,
            name_on(t.code, date),
            False,
            t.start,
            t.end,
            None,
            t.elected_for,
            t.source,
        )
        for t in elected_terms()
        if t.start <= date <= t.end
    ]
    members.sort(key=lambda m: fold(m.name))
    return tuple(members)


def members_on(date: dt.date) -> tuple[Member, ...]:
    """The members of the Council on ``date``, in English alphabetical order."""
    _check_range(date)
    return _members_on(date)


def _month_end(first: dt.date) -> dt.date:
    nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


_RULE_18 = "rule 18 (English alphabetical order, one calendar month each)"


def _month_presidency(month: dt.date, code: str) -> list[Presidency]:
    """The month's presidency; split when the President's permanent seat changes hands.

    The USSR presided in December 1991; from 24 December its seat, and so the
    presidency, was held by the Russian Federation.
    """
    end = _month_end(month)
    for tenure in permanent_tenures():
        if tenure.code == code and month <= tenure.end < end:
            successor = next(
                t
                for t in permanent_tenures()
                if t.seat == tenure.seat and t.start == tenure.end + dt.timedelta(days=1)
            )
            return [
                Presidency(month, tenure.end, code, name_on(code, month), _RULE_18),
                Presidency(
                    successor.start,
                    end,
                    successor.code,
                    name_on(successor.code, successor.start),
                    f"{_RULE_18}; the seat passed to the successor ({successor.source})",
                ),
            ]
    return [Presidency(month, end, code, name_on(code, month), _RULE_18)]


@functools.cache
def presidencies() -> tuple[Presidency, ...]:
    """Every presidency from 17 Jan 1946 to Dec 2027.

    The documented exceptions (``_reference/data/presidency_exceptions.csv``) fix the
    1946 periods; from January 1947 rule 18 applies strictly: each month the
    presidency passes to the member whose official English name follows, in
    the composition of that month, the name under which the previous President
    held office, wrapping round to the start of the alphabet.
    """
    out = [
        Presidency(e.start, e.end, e.code, name_on(e.code, e.start), e.source)
        for e in presidency_exceptions()
    ]
    if not out:
        raise ReferenceDataError("no presidency anchor")
    month = out[-1].end + dt.timedelta(days=1)
    if month.day != 1:
        raise ReferenceDataError("the last presidency exception must end on a month's last day")
    folded: dict[str, str] = {}  # fold() of each name, computed once

    def key(name: str) -> str:
        found = folded.get(name)
        if found is None:
            found = folded[name] = fold(name)
        return found

    permanent, elected = permanent_tenures(), elected_terms()
    by_start = sorted(range(len(elected)), key=lambda j: elected[j].start)
    started = 0
    sitting: list[int] = []  # elected terms begun and not ended, by index
    # The month's alphabetical order changes only on a day a term, a tenure or
    # a name begins or ends: it is sorted again only after such a day.
    spans = [(t.start, t.end) for t in permanent]
    spans += [(e.start, e.end) for e in elected]
    spans += [(s.start, s.end) for s in name_spans()]
    changes = sorted(
        {a for a, _ in spans} | {b + dt.timedelta(days=1) for _, b in spans if b < LAST_COVERED}
    )
    next_change = 0
    ordered: list[tuple[str, int, str]] = []
    while month <= LAST_COVERED:
        prev = next(p for p in reversed(out) if p.start.day == 1 or p.start.year == 1946)
        prev_key = key(prev.name)
        changed = not ordered
        while next_change < len(changes) and changes[next_change] <= month:
            next_change += 1
            changed = True
        if changed:
            while started < len(by_start) and elected[by_start[started]].start <= month:
                sitting.append(by_start[started])
                started += 1
            sitting = [j for j in sitting if elected[j].end >= month]
            # the month's members in the order of _members_on (a stable sort by folded name)
            codes = [t.code for t in permanent if t.start <= month <= t.end]
            codes += [elected[j].code for j in sorted(sitting)]
            ordered = sorted((key(name_on(c, month)), i, c) for i, c in enumerate(codes))
        chosen = next((c for k, _, c in ordered if k > prev_key), ordered[0][2])
        out.extend(_month_presidency(month, chosen))
        month = _month_end(month) + dt.timedelta(days=1)
    return tuple(out)


@functools.cache
def _presidency_starts() -> tuple[dt.date, ...]:
    return tuple(p.start for p in presidencies())


def presidency_on(date: dt.date) -> Presidency:
    """The presidency in force on ``date``."""
    _check_range(date)
    i = bisect.bisect_right(_presidency_starts(), date) - 1
    p = presidencies()[i] if i >= 0 else None
    if p is None or not p.start <= date <= p.end:
        raise ReferenceDataError(f"no presidency covers {date.isoformat()}")
    return p


def president_on(date: dt.date) -> str:
    """Code of the member presiding over the Council on ``date``."""
    return presidency_on(date).code


@functools.lru_cache(maxsize=8192)
def council(date: dt.date) -> Council:
    """The Security Council on ``date``: members, President, size, votes required.

    >>> council(dt.date(2017, 10, 24)).president
    'FRA'
    """
    _check_range(date)
    return Council(date, _members_on(date), president_on(date))


def terms_of(member: str) -> tuple[Member, ...]:
    """Every tenure of a member on the Council (elected terms and permanent seats).

    ``member`` may be a code, an ISO 3166-3 alias or a name. Elected terms
    under the state's other codes are included (``DEU`` lists the Federal
    Republic's terms as ``GER``; ``YEM`` lists Democratic Yemen's as ``YMD``).
    """
    code = resolve_member(member)
    codes = same_state(code)
    out = [
        Member(
            t.code,
            name_on(t.code, t.start),
            True,
            t.start,
            _open(t.end),
            t.represented_by,
            None,
            t.source,
        )
        for t in permanent_tenures()
        if t.code == code
    ]
    out += [
        Member(
            t.code, name_on(t.code, t.start), False, t.start, t.end, None, t.elected_for, t.source
        )
        for t in elected_terms()
        if t.code in codes
    ]
    return tuple(sorted(out, key=lambda m: m.term_start))
