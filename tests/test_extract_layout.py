"""The reader on laid-out texts (issue 12).

Wrapped lines, numeric and time-stamped datelines, tallies laid out as labelled lines.
Every sentence is written for the test.
"""

from __future__ import annotations

import datetime as dt

from unsc._extract import ExtractedVote, extract
from unsc._extract._layout import layout


def one(text: str) -> ExtractedVote:
    votes = extract(text)
    assert len(votes) == 1, [v.to_dict() for v in votes]
    return votes[0]


def test_wrapped_lines_are_joined_into_their_sentence() -> None:
    text = (
        "The council met in the afternoon and, after a long debate about the border,\n"
        "the Security Council adopted resolution 9101 on 3 March 2012 with 10 votes in\n"
        "favour and five abstentions, a result that several delegations welcomed at\n"
        "length in their statements after the vote was over.\n"
    )
    vote = one(text)
    assert (vote.yes, vote.no, vote.abstain) == (10, 0, 5)
    assert vote.date == dt.date(2012, 3, 3)


def test_headline_is_not_joined_to_the_lead() -> None:
    out = layout("Council Rejects Draft On Fishing Rights\nThe Security Council voted today.")
    assert out.split("\n")[0] == "Council Rejects Draft On Fishing Rights"


def test_numeric_datelines_are_respelt() -> None:
    assert layout("20030417 Council extends force") == "17 April 2003 Council extends force"
    assert layout("Posted 4/23/2009") == "Posted 23 April 2009"
    assert layout("Posted 23/4/2009") == "Posted 23 April 2009"
    assert layout("Posted 4/5/2009") == "Posted 4/5/2009"  # the order is not certain
    assert layout("see S/2009/12/Rev.1") == "see S/2009/12/Rev.1"


def test_time_stamped_dateline_anchors_a_weekday() -> None:
    text = (
        "Council vote on the river dispute\n\n"
        "March 9, 2016 - 21:05\n\n"
        "On Monday, eleven members voted for the draft, and Russia voted against, "
        "vetoing it. Three members abstained.\n"
    )
    vote = one(text)
    assert vote.date == dt.date(2016, 3, 7)
    assert vote.vetoed_by == ("RUS",)


def test_labelled_tally_lines() -> None:
    text = (
        "On 12 May 1965 the Security Council voted on the draft resolution as follows:\n"
        "In favour: Bolivia, Ivory Coast, Jordan, Malaysia, Netherlands, Uruguay, "
        "United Kingdom.\n"
        "Against: France, Union of Soviet Socialist Republics.\n"
        "Abstaining: China, United States.\n"
    )
    vote = one(text)
    assert (vote.yes, vote.no, vote.abstain) == (7, 2, 2)
    assert set(vote.members_no) == {"FRA", "SUN"}
    assert set(vote.members_abstain) == {"CHN", "USA"}


def test_member_that_also_voted_against_joins_the_same_vote() -> None:
    text = (
        "On 8 June 2013 Britain and France issued vetoes on a draft about the canal. "
        "The text received 10 votes in favour, and Togo also voted against the draft. "
        "There were two abstentions."
    )
    vote = one(text)
    assert (vote.yes, vote.no, vote.abstain) == (10, 3, 2)
    assert set(vote.vetoed_by) == {"FRA", "GBR"}
    assert "TGO" in vote.members_no


def test_carried_out_is_not_an_adoption() -> None:
    text = "On 2 May 2014 the resolution covered the inspections being carried out in the region."
    assert extract(text) == ()


def test_second_time_in_a_month_reports_this_veto() -> None:
    text = (
        "date 2004-04-14 Wire\n\nFrance on Tuesday vetoed--for the second time in a week--a "
        "draft on fishing quotas. Thirteen members voted in favour and Chile abstained."
    )
    vote = one(text)
    assert vote.date == dt.date(2004, 4, 13)
    assert vote.vetoed_by == ("FRA",)
    assert (vote.yes, vote.no, vote.abstain) == (13, 1, 1)


def test_target_of_a_draft_is_not_its_vetoer() -> None:
    votes = extract(
        "Draft calling for an embargo against Portugal vetoed in Security Council\n\n"
        "On 4 March 1973 Britain and France vetoed the draft. The vote was 11 in favour to "
        "2 against, with 2 abstentions."
    )
    assert len(votes) == 1, [v.to_dict() for v in votes]
    assert set(votes[0].vetoed_by) == {"FRA", "GBR"}
    assert "PRT" not in votes[0].members_no


def test_a_state_failing_or_an_unsuccessful_attempt_is_no_outcome() -> None:
    assert extract("On 9 May 2016 Togo failed to make progress on the draft resolution.") == ()
    assert (
        extract(
            "On 9 May 2016 the sponsors of the draft tried unsuccessfully to head off a rival plan."
        )
        == ()
    )


def test_an_abstaining_permanent_member_is_no_vetoer() -> None:
    text = (
        "date 2001-06-06 Wire\n\nDraft Backed by 13 Members; France Votes Against; Britain "
        "AbstainsA veto by France today stopped the draft on the dam. By a vote of 13 in "
        "favour to 1 against (France), with 1 abstention (United Kingdom), it failed."
    )
    vote = one(text)
    assert vote.vetoed_by == ("FRA",)
    assert vote.members_abstain == ("GBR",)


def test_the_motion_after_a_draft_refers_back_to_it() -> None:
    text = (
        "date 2012-02-08 Wire\n\n"
        "On Tuesday, ten countries voted for the draft resolution, but Russia voted against, "
        "vetoing it.\n\n"
        "Togo, Pakistan, Colombia and Morocco abstained, despite efforts to win them over "
        "to the motion."
    )
    vote = one(text)
    assert vote.date == dt.date(2012, 2, 7)
    assert set(vote.members_abstain) == {"TGO", "PAK", "COL", "MAR"}


def test_old_record_wordings_of_a_tally() -> None:
    vote = one("On 9 June 1949 the draft was adopted by 8 concurring votes; 2 contrary votes.")
    assert (vote.yes, vote.no) == (8, 2)
    vote = one("On 9 June 1949 the Council adopted the text with eight votes and two against.")
    assert (vote.yes, vote.no) == (8, 2)


def test_members_after_the_second_count_voted_against() -> None:
    vote = one(
        "Adopted at the 450th meeting on 2 July 1949 by 9 votes to 1 (Ukrainian Soviet "
        "Socialist Republic), with I abstention."
    )
    assert (vote.yes, vote.no, vote.abstain) == (9, 1, 1)
    assert vote.members_no == ("UKR",)


def test_defeated_by_n_votes_to_m_counts_the_larger_against() -> None:
    vote = one("On 9 June 1949 the Chilean motion was defeated by eight votes to three.")
    assert (vote.yes, vote.no) == (3, 8)


def test_dash_tally_with_members_after_each_count() -> None:
    vote = one("On 9 June 1976 the vote on the draft was 11-2 (Britain, France)-2 (Italy, Japan).")
    assert (vote.yes, vote.no, vote.abstain) == (11, 2, 2)
    assert set(vote.members_no) == {"FRA", "GBR"}
    assert set(vote.members_abstain) == {"ITA", "JPN"}


def test_a_modal_between_member_and_veto_is_no_veto() -> None:
    assert (
        extract("date 2019-03-02 Wire\n\nAides said France would veto any text on the canal.") == ()
    )
    assert (
        extract("date 2019-03-02 Wire\n\nBritain to veto the draft on the canal, aides say.") == ()
    )


def test_last_week_is_a_vote_without_a_day_not_history() -> None:
    vote = one(
        "date 1961-04-20 Weekly\n\nLast week the Security Council rejected the Cuban draft "
        "by 2 votes to 7, with 2 abstentions."
    )
    assert vote.date is None
    assert (vote.yes, vote.no, vote.abstain) == (2, 7, 2)


def test_a_documents_date_and_number_are_not_the_votes() -> None:
    text = (
        "Resolution of 4 August 1958\n\n"
        "The Security Council,\n"
        "Decides to call an emergency special session of the General Assembly, as set out in "
        "General Assembly resolution 512 B (VI) of 9 March 1952.\n"
        "Adopted at the 830th meeting by 9 votes to 2 (Poland, Union of Soviet Socialist "
        "Republics)."
    )
    vote = one(text)
    assert vote.date == dt.date(1958, 8, 4)
    assert vote.resolution is None
    assert vote.procedural is True
    assert (vote.yes, vote.no) == (9, 2)


def test_labelled_tally_counts_every_listed_member() -> None:
    text = (
        "The Security Council on 8 March 1968 voted on the draft resolution as follows:\n"
        "In favour: Algeria, Brasil, Canada, Denmark, Ethiopia, Hungary, India, Pakistan, "
        "Paraguay, United Kingdom of great Britain and Northern Ireland.\n"
        "Against: France, Senegal.\n"
        "Abstained: China, Union of Soviet Socialist Republics, United States.\n"
    )
    vote = one(text)
    # "Brasil" is no name the reader knows, but it is a listed vote in favour
    assert (vote.yes, vote.no, vote.abstain) == (10, 2, 3)
    assert "GBR" in vote.members_yes + vote.members_inferred
    assert vote.vetoed_by == ("FRA",)
