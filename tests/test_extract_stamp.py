"""The text's own date in real layouts, and relative days read against it (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from unsc._extract import extract
from unsc._extract._stamp import text_date

VOTE = "The Security Council on Tuesday voted 15-0 to adopt a resolution renewing the mission."


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Mission renewed", "Published: 24 October 2017", "", VOTE], dt.date(2017, 10, 24)),
        (["Mission renewed", "Posted on Oct 24, 2017 by the desk"], dt.date(2017, 10, 24)),
        (["24 October 2017 - SC/99999", "Council acts"], dt.date(2017, 10, 24)),
        (["Mission renewed", "Monday, 23 October 2017"], dt.date(2017, 10, 23)),
        (["Mission renewed", "By Ann Example | October 24, 2017"], dt.date(2017, 10, 24)),
        (["Mission renewed", "2017-10-24T17:12:00Z"], dt.date(2017, 10, 24)),
        # a publication stamp wins over an "updated" stamp above it
        (
            ["Mission renewed", "Updated 26 Oct 2017", "Published 24 Oct 2017"],
            dt.date(2017, 10, 24),
        ),
        (["Mission renewed", "Last updated: 25 October 2017"], dt.date(2017, 10, 25)),
        # a wire dateline without a year takes the year of another stamp
        (["CAIRO, Oct 24 (Wire) - Text.", "Published 25 October 2017"], dt.date(2017, 10, 24)),
        # ... or (a weak hint) of the resolution symbol the text cites
        (
            ["GENEVA, 3 March (Wire) - The Council adopted resolution 9 (2016)."],
            dt.date(2016, 3, 3),
        ),
        # a stamp at the end of the text
        (["Mission renewed", VOTE, "", "Posted on 24 October 2017"], dt.date(2017, 10, 24)),
        # a sentence with a date in it is not a stamp
        (["Mission renewed", "The mission was set up on 24 October 2015 and renewed."], None),
        (["Mission renewed", VOTE], None),
    ],
)
def test_text_date_layouts(lines: list[str], expected: dt.date | None) -> None:
    assert text_date(lines) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Tuesday" read against a dateline with no year (year from the symbol cited)
        (
            "Mission renewed\n\nUNITED NATIONS, Oct 24 (Wire) - The Security Council on Tuesday "
            "unanimously adopted resolution 9999 (2017) renewing the mission.",
            dt.date(2017, 10, 24),
        ),
        # "yesterday" read against a byline's date, not the byline's date itself
        (
            "Mission renewed\nBy Ann Example | October 24, 2017\n\nThe Security Council voted "
            "15-0 yesterday to adopt a resolution renewing the mission.",
            dt.date(2017, 10, 23),
        ),
        (
            "Mission renewed\n\n" + VOTE + "\n\nPosted on 24 October 2017",
            dt.date(2017, 10, 24),
        ),
    ],
)
def test_relative_days_against_the_texts_own_date(text: str, expected: dt.date) -> None:
    votes = extract(text)
    assert [v.date for v in votes] == [expected]


def test_days_later_is_another_vote() -> None:
    text = (
        "GENEVA, 22 October 2017 (Wire) - One permanent member on Sunday vetoed a draft on "
        "the crossings. Two days later the Security Council voted 15-0 to adopt a narrower "
        "resolution."
    )
    votes = extract(text)
    assert [(v.date, v.outcome and v.outcome.value) for v in votes] == [
        (dt.date(2017, 10, 22), "vetoed"),
        (dt.date(2017, 10, 24), "adopted"),
    ]
    assert votes[1].yes == 15


def test_a_possessive_date_of_another_event_dates_no_vote() -> None:
    text = (
        "Vote on the plebiscite\nPUBLISHED : Monday, 9 May, 2022, 6:10am\n\n"
        "At a Security Council meeting yesterday, a text denouncing today's plebiscite was "
        "vetoed by Russia, while China abstained."
    )
    votes = extract(text)
    assert [(v.date, v.members_abstain) for v in votes] == [(dt.date(2022, 5, 8), ("CHN",))]


def test_a_vote_possessive_date_still_dates_the_vote() -> None:
    text = "Published 9 May 2022\n\nFriday's vote was 13-0, with 2 abstentions, adopting the text."
    assert [v.date for v in extract(text)] == [dt.date(2022, 5, 6)]


def test_a_chronology_keeps_the_year_of_its_first_entry() -> None:
    # days after the first entry's (a list in date order) stay in its year
    text = (
        "March 3, 1991 Resolution 9001: set up a commission.\n\n(Adopted 15-0)\n\n"
        "April 20 Resolution 9002: widened its work.\n\n(Adopted 13-0; two abstained)\n"
    )
    votes = extract(text)
    assert [(v.resolution, v.date) for v in votes] == [
        (9001, dt.date(1991, 3, 3)),
        (9002, dt.date(1991, 4, 20)),
    ]


@pytest.mark.parametrize(
    "top",
    [
        # a time stamp with an "updated" note on the same line, and a reading-time line
        "World\nOctober 25, 2017 / 1:12 AM / Updated 2 hours ago\nMission renewed\n4 Min Read",
        # a dotted day.month.year line
        "Mission renewed\n25.10.2017",
        # a weekday, an abbreviated month and a clock in a zone
        "Mission renewed\nWed 25 Oct 2017 01.12 BST",
    ],
)
def test_stamp_lines_of_news_sites(top: str) -> None:
    votes = extract(top + "\n\n" + VOTE)
    assert [v.date for v in votes] == [dt.date(2017, 10, 24)]


def test_a_paragraph_opening_with_a_date_and_a_dash_is_a_dateline() -> None:
    text = "Mission renewed\n\n25 October 2017 \u2013 " + VOTE
    assert [v.date for v in extract(text)] == [dt.date(2017, 10, 24)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("A week later", dt.date(2017, 10, 29)),
        ("The previous day", dt.date(2017, 10, 21)),
        ("Three days later", dt.date(2017, 10, 25)),
    ],
)
def test_days_relative_to_the_vote_before(phrase: str, expected: dt.date) -> None:
    text = (
        "date 2017-11-02\n\nOn Sunday 22 October, France vetoed a draft on the border. "
        f"{phrase} the Security Council voted 15-0 to adopt a narrower resolution."
    )
    votes = extract(text)
    assert [v.date for v in votes if v.yes == 15] == [expected]


def test_a_yearless_dateline_takes_the_latest_year_near_the_top() -> None:
    lines = [
        "LIMA, Oct 24 (Wire) - The Council renewed the force it set up on 2 May 2011.",
        "It last did so on 20 October 2016.",
    ]
    assert text_date(lines) == dt.date(2016, 10, 24)


def test_the_date_lines_of_a_digest_are_no_stamp() -> None:
    text = (
        "The month in the Council\n\n3 April 2018\n\nA draft on the region was adopted by 15 "
        "votes to none.\n\n20 April 2018\n\nA draft on the coast got 13 votes in favour, none "
        "against and 2 abstentions; it was adopted. On 29 April a third text was adopted "
        "unanimously."
    )
    lines = text.split("\n")
    assert text_date(lines) is None
    assert [v.date for v in extract(text)] == [
        dt.date(2018, 4, 3),
        dt.date(2018, 4, 20),
        dt.date(2018, 4, 29),
    ]
