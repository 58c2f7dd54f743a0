"""The checks of a vote record (:class:`ExtractWarning`), in one place.

The reader (``_events.finalise``) runs them on every record it builds, and
stored reports (``unsc._record.reports``) run them again when a person corrects
a field they read. Both use :func:`check_vote` on the finished record; the
reader also uses :func:`rules_outcome` before the record exists, to choose the
outcome it reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

from unsc._engine import Outcome
from unsc._errors import DateOutOfRangeError
from unsc._extract._model import ExtractedVote, ExtractWarning
from unsc._reference.council import FIRST_MEETING, Council, council, required_votes


def council_on(date: dt.date | None) -> Council | None:
    """The Council on ``date``; ``None`` when the date is unknown or outside the record."""
    if date is None:
        return None
    try:
        return council(date)
    except DateOutOfRangeError:
        return None


_SEATS: dict[dt.date, tuple[tuple[str, ...], frozenset[str]]] = {}


def _ever_permanent() -> frozenset[str]:
    """The codes that hold a permanent seat whenever they sit (CHN, FRA, GBR, RUS, SUN, USA)."""
    if not _EVER:
        for day in (FIRST_MEETING, dt.date(1992, 1, 1)):
            _EVER.update(council(day).permanent)
    return frozenset(_EVER)


_EVER: set[str] = set()


def seats(sitting: Council | None) -> tuple[tuple[str, ...], frozenset[str]]:
    """The codes of the members sitting and of the permanent ones (memoised by date).

    Without a Council (an undated record), no member is known to sit, but a code whose
    seat is permanent on every date it sits is permanent: "the United States voted
    against" an undated draft is a permanent member's negative vote.
    """
    if sitting is None:
        return (), _ever_permanent()
    found = _SEATS.get(sitting.date)
    if found is None:
        if len(_SEATS) > 4096:
            _SEATS.clear()
        found = _SEATS[sitting.date] = (sitting.codes, frozenset(sitting.permanent))
    return found


def sitting_size(sitting: Council | None, date: dt.date | None) -> int:
    """How many members vote: those sitting, else 11 before 1966 and 15 after."""
    if sitting is not None:
        return sitting.size
    return 11 if date and date.year < 1966 else 15


def short_position(counts: Mapping[str, int | None], named: Mapping[str, int]) -> str | None:
    """The one position whose count exceeds the members named for it, if only one does."""
    short = [p for p, n in counts.items() if (n or 0) > named[p]]
    return short[0] if len(short) == 1 else None


_FEWEST_REQUIRED = 7  # of 11 members, until 1965
_MOST_REQUIRED = 9  # of 15 members, since 1966


def rules_outcome(
    date: dt.date | None,
    yes: int | None,
    no: int | None,
    *,
    procedural: bool,
    permanent_against: bool,
    named_against: int,
    against_by_elimination: bool,
) -> Outcome | None:
    """The outcome the Charter rules give, when the counts and the members' votes decide it.

    ``permanent_against``: a permanent member voted no or vetoed;
    ``named_against``: how many members are named as voting no;
    ``against_by_elimination``: the members placed by elimination voted no.
    """
    if yes is None:
        return None
    if date is None:
        # undated: the rules decide only where every Council would agree (7 of 11 or
        # 9 of 15 votes needed)
        if yes < _FEWEST_REQUIRED:
            return Outcome.FAILED
        if yes < _MOST_REQUIRED:
            return None
    elif yes < required_votes(date):
        return Outcome.FAILED
    if procedural:
        return Outcome.ADOPTED
    if permanent_against:
        return Outcome.VETOED
    if no == 0:
        return Outcome.ADOPTED
    if no is not None and (named_against == no or against_by_elimination):
        return Outcome.ADOPTED
    return None


def check_vote(vote: ExtractedVote, *, vetoers: Collection[str] = ()) -> tuple[str, ...]:
    """The codes of the :class:`ExtractWarning` that ``vote`` raises as it stands, sorted.

    ``vetoers`` are members the text says vetoed, for the reader: a record
    keeps them in ``vetoed_by`` only when its outcome is a veto, and a vetoer
    the text also places in another position stays there; a permanent one
    still makes the rules' outcome a veto. A stored record has none to add.
    """
    sitting = council_on(vote.date)
    seated, permanent = seats(sitting)
    counts = {"yes": vote.yes, "no": vote.no, "abs": vote.abstain, "nv": vote.not_voting}
    members = {
        "yes": vote.members_yes,
        "no": vote.members_no,
        "abs": vote.members_abstain,
        "nv": vote.members_not_voting,
    }
    named = {p: len(codes) for p, codes in members.items()}
    by_elimination = bool(vote.members_inferred) and short_position(counts, named) == "no"
    against = {*vote.members_no, *vote.vetoed_by, *vetoers}
    if by_elimination:
        against.update(vote.members_inferred)
    engine = rules_outcome(
        vote.date,
        vote.yes,
        vote.no,
        procedural=vote.procedural,
        permanent_against=not permanent.isdisjoint(against),
        named_against=named["no"],
        against_by_elimination=by_elimination,
    )

    warnings: set[ExtractWarning] = set()
    outcome = vote.outcome
    if outcome is Outcome.VETOED and (
        vote.procedural or (sitting is not None and not permanent.issuperset(vote.vetoed_by))
    ):
        warnings.add(ExtractWarning.OUTCOME_CONTRADICTS_RULES)
    if engine is not None and outcome is not None and engine is not outcome:
        warnings.add(ExtractWarning.OUTCOME_CONTRADICTS_RULES)
    if outcome is Outcome.VETOED and not {
        *vote.members_yes,
        *vote.members_abstain,
        *vote.members_not_voting,
    }.isdisjoint(vote.vetoed_by):
        # a veto is a negative vote: a vetoer recorded as voting otherwise contradicts it
        warnings.add(ExtractWarning.OUTCOME_CONTRADICTS_RULES)
    if (
        outcome in (Outcome.VETOED, Outcome.ADOPTED)
        and vote.yes is not None
        and vote.date is not None
        and vote.yes < required_votes(vote.date)
    ):
        warnings.add(ExtractWarning.OUTCOME_CONTRADICTS_RULES)
    if (
        outcome in (Outcome.VETOED, Outcome.ADOPTED)
        and vote.yes is None
        and vote.date is not None
        and sitting_size(sitting, vote.date)
        - (vote.no or 0)
        - (vote.abstain or 0)
        - (vote.not_voting or 0)
        < required_votes(vote.date)
    ):
        # the counts the text does give leave too few members to reach the majority
        warnings.add(ExtractWarning.OUTCOME_CONTRADICTS_RULES)

    if sitting is not None:
        voting = {
            *vote.members_yes,
            *vote.members_no,
            *vote.members_abstain,
            *vote.members_not_voting,
            *vote.vetoed_by,
            *vetoers,
        }
        if not voting.issubset(seated):
            warnings.add(ExtractWarning.MEMBER_NOT_ON_COUNCIL)
    if any(n is not None and n < named[p] for p, n in counts.items()):
        warnings.add(ExtractWarning.COUNT_CONTRADICTS_NAMES)
    size = sitting_size(sitting, vote.date)
    total = (vote.yes or 0) + (vote.no or 0) + (vote.abstain or 0) + (vote.not_voting or 0)
    if total > size or (
        total != size and vote.yes is not None and vote.no is not None and vote.abstain is not None
    ):
        warnings.add(ExtractWarning.COUNTS_DO_NOT_ADD_UP)
    if (
        vote.date is None
        or vote.outcome is None
        or vote.yes is None
        or vote.no is None
        or vote.abstain is None
    ):
        # no count, or only some: the tally cannot be checked against the Council's size
        warnings.add(ExtractWarning.INCOMPLETE_RECORD)
    return tuple(sorted(w.value for w in warnings))
