"""Invariants of the decision engine, checked on random ballots (hypothesis).

Ballots are drawn on any date from the first meeting (17 Jan 1946) to the end
of the reference data (31 Dec 2027), with every member of the Council on that
date given a position, and any kind and classification. The invariants are
those of ``../shared/rules.md`` 2.2-2.3 and 2.5:

* adopted => yes >= required and (procedural or no permanent no);
* vetoed => yes >= required, non-procedural, vetoed_by non-empty and equal to
  the permanent members voting no;
* failed => yes < required;
* vetoed_by is empty unless vetoed;
* a permanent member's abstention, absence or non-participation never turns a
  non-veto outcome into a veto;
* ``adjudicate`` and ``adjudicate_tally`` agree on the same votes.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import unsc
from unsc import (
    Ballot,
    Decision,
    Kind,
    Outcome,
    Position,
    ReasonCode,
    adjudicate,
    adjudicate_tally,
    build_ballot,
)

FIRST = dt.date(1946, 1, 17)
LAST = dt.date(2027, 12, 31)

# Any date in range, plus the dates where a rule or a label changes, drawn often.
BOUNDARIES = [
    FIRST,
    dt.date(1965, 8, 30),
    dt.date(1965, 8, 31),
    dt.date(1965, 12, 31),
    dt.date(1966, 1, 1),
    dt.date(1971, 10, 24),
    dt.date(1971, 10, 25),
    dt.date(1971, 11, 22),
    dt.date(1971, 11, 23),
    dt.date(1991, 12, 23),
    dt.date(1991, 12, 24),
    LAST,
]
DATES = st.one_of(st.dates(min_value=FIRST, max_value=LAST), st.sampled_from(BOUNDARIES))
# Weighted towards "yes" so that adoptions and vetoes are common, not just failures.
POSITIONS = st.sampled_from(["Y"] * 8 + ["N", "N", "A", "X", "absent", "not_participating"])
NON_VOTES = st.sampled_from(["A", "X", "absent", "not_participating"])
KINDS = st.sampled_from(list(Kind))
CLASSIFICATIONS = st.sampled_from([None, True, False])

SETTINGS = settings(max_examples=300, deadline=None)
DECISIVE = {
    Outcome.ADOPTED: ReasonCode.REQUIRED_MAJORITY,
    Outcome.FAILED: ReasonCode.LACK_OF_VOTES,
    Outcome.VETOED: ReasonCode.NEGATIVE_VOTE_PERMANENT_MEMBER,
}


@st.composite
def ballots(draw: st.DrawFn) -> Ballot:
    """A complete ballot of the Council on a random date."""
    date = draw(DATES)
    votes = {code: draw(POSITIONS) for code in unsc.council(date).codes}
    return build_ballot(date, votes, kind=draw(KINDS), procedural=draw(CLASSIFICATIONS))


def permanent_no(b: Ballot) -> tuple[str, ...]:
    """The permanent members voting no on ``b``, sorted."""
    sitting = unsc.council(b.date)
    return tuple(sorted(c for c in sitting.permanent if b.votes[c] is Position.NO))


def tally_of(b: Ballot) -> Decision:
    """The same votes, decided from their counts only."""
    votes = list(b.votes.values())
    return adjudicate_tally(
        b.date,
        votes.count(Position.YES),
        votes.count(Position.NO),
        votes.count(Position.ABSTAIN),
        votes.count(Position.NOT_VOTING),
        permanent_no=permanent_no(b),
        procedural=b.procedural,
        kind=b.kind,
    )


@SETTINGS
@given(ballots())
def test_outcome_invariants(b: Ballot) -> None:
    """Adopted, vetoed and failed each imply what Art. 27 and practice say."""
    d = adjudicate(b)
    yes = sum(1 for p in b.votes.values() if p is Position.YES)
    pno = permanent_no(b)
    assert d.yes == yes
    assert d.required == unsc.required_votes(b.date)
    if d.outcome is Outcome.ADOPTED:
        assert yes >= d.required
        assert d.procedural or not pno
    elif d.outcome is Outcome.VETOED:
        assert yes >= d.required
        assert not d.procedural
        assert d.vetoed_by
        assert set(d.vetoed_by) <= set(pno)
        assert d.vetoed_by == pno
    else:
        assert d.outcome is Outcome.FAILED
        assert yes < d.required
    if d.outcome is not Outcome.VETOED:
        assert d.vetoed_by == ()
    assert d.codes[0] is DECISIVE[d.outcome]


@SETTINGS
@given(ballots())
def test_counts_cover_the_council(b: Ballot) -> None:
    """The four counts add up to the Council's size: 11 before 1966, 15 after."""
    d = adjudicate(b)
    assert d.yes is not None
    assert d.no is not None
    assert d.abstain is not None
    assert d.not_voting is not None
    size = 11 if b.date < dt.date(1966, 1, 1) else 15
    assert d.yes + d.no + d.abstain + d.not_voting == size == unsc.council(b.date).size


@SETTINGS
@given(ballots())
def test_classification(b: Ballot) -> None:
    """A procedural question is never vetoed; a preliminary question is never procedural."""
    d = adjudicate(b)
    if d.procedural:
        assert d.outcome is not Outcome.VETOED
    if b.kind is Kind.PRELIMINARY_QUESTION:
        assert d.procedural is False
    if b.procedural is not None and b.kind is not Kind.PRELIMINARY_QUESTION:
        assert d.procedural is b.procedural


@SETTINGS
@given(ballots(), st.data())
def test_permanent_non_vote_never_creates_a_veto(b: Ballot, data: st.DataObject) -> None:
    """Turning a permanent member's vote into abstention or absence never makes a veto."""
    before = adjudicate(b)
    sitting = unsc.council(b.date)
    who = data.draw(st.sampled_from(sitting.permanent))
    changed = {code: str(pos) for code, pos in b.votes.items()}
    changed[who] = data.draw(NON_VOTES)
    after = adjudicate(build_ballot(b.date, changed, kind=b.kind, procedural=b.procedural))
    if before.outcome is not Outcome.VETOED:
        assert after.outcome is not Outcome.VETOED
    assert who not in after.vetoed_by


@SETTINGS
@given(ballots())
def test_ballot_and_tally_agree(b: Ballot) -> None:
    """``adjudicate`` and ``adjudicate_tally`` agree on the same votes."""
    d = adjudicate(b)
    t = tally_of(b)
    assert t.outcome is d.outcome
    assert t.vetoed_by == d.vetoed_by
    assert t.procedural is d.procedural
    assert t.required == d.required
    assert (t.yes, t.no, t.abstain, t.not_voting) == (d.yes, d.no, d.abstain, d.not_voting)
    assert t.codes[0] is d.codes[0]
    assert t.president == d.president
