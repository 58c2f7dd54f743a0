"""Forms of real reports, each in an example of its own (issue 12, fourth round)."""

from __future__ import annotations

import datetime as dt

from unsc._extract import extract
from unsc._extract._text import clauses


def test_whilst_breaks_a_clause_like_while() -> None:
    parts = clauses("Ghana voted against the text, whilst Chile and Peru abstained.", 0, 0)
    assert [c.text for c in parts] == ["Ghana voted against the text", "Chile and Peru abstained."]


def test_a_renewed_call_is_no_decision() -> None:
    text = (
        "date 2003-05-02\n\nA delegate circulated a text with a renewed call for talks; "
        "the Security Council took no decision on it."
    )
    assert extract(text) == ()


def test_two_opposed_drafts_is_no_count_of_votes_against() -> None:
    text = (
        "date 2019-04-04\n\nThe Security Council met on Thursday to vote on two opposed drafts. "
        "The first was adopted by 12 votes to 3."
    )
    votes = extract(text)
    assert [(v.yes, v.no) for v in votes] == [(12, 3)]


def test_named_non_participants_leave_the_other_counts_open() -> None:
    # more members may have stayed away than the two the text names: no abstention count
    text = (
        "date 1950-07-01\n\nThe Security Council adopted the resolution by seven votes in "
        "favour and one against, while the Indian and Egyptian delegates did not participate."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.not_voting, vote.abstain) == (7, 1, 2, None)
    assert vote.date == dt.date(1950, 7, 1)
