"""General reading rules of the sixth round of issue 12, each with examples written for it."""

from __future__ import annotations

import datetime as dt

import pytest

from unsc._extract import extract

_TALLY = "The draft got 13 votes in favour, none against and 2 abstentions"


@pytest.mark.parametrize(
    "phrase",
    [
        "the disputed elections of 3 March 2019",
        "the border incidents of 3 March 2019",
        "the ceasefire of 3 March 2019",
        "the 3 March 2019 Lisbon Declaration",
        "the 3 March 2019 Harbour Accord",
        "the 3 March 2019 Armistice",
    ],
)
def test_a_date_that_completes_another_noun_phrase_dates_no_vote(phrase: str) -> None:
    text = f"The Security Council adopted a text recalling {phrase}. {_TALLY}."
    (vote,) = extract(text)
    assert vote.date is None
    assert "incomplete_record" in [str(getattr(w, "value", w)) for w in vote.warnings]


@pytest.mark.parametrize(
    "phrase",
    [
        "at its meeting of 3 March 2019",
        "on the morning of 3 March 2019",
        "at the session of 3 March 2019",
        "in the vote of 3 March 2019",
        "on 3 March 2019",
        "on the 3 March 2019",
    ],
)
def test_a_date_of_the_vote_or_its_meeting_still_dates_it(phrase: str) -> None:
    text = f"The Security Council adopted a text {phrase}. {_TALLY}."
    (vote,) = extract(text)
    assert vote.date == dt.date(2019, 3, 3)


def test_the_nearest_noun_phrase_decides_not_an_earlier_one() -> None:
    # "the Council" opens a phrase, but a verb and a preposition separate it from "of"
    text = f"The Council voted in the early hours of 3 March 2019. {_TALLY}."
    (vote,) = extract(text)
    assert vote.date == dt.date(2019, 3, 3)
