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
    # the text gives no day of the vote: the dateline's is not taken (sixth round)
    assert vote.date is None


def test_the_negative_vote_cast_by_a_permanent_member_is_a_veto() -> None:
    text = (
        "date 1986-08-01\n\nThe Security Council text on the harbour fell on 31 July: the "
        "negative vote cast by one of its permanent members, France, stopped it."
    )
    assert [v.outcome and v.outcome.value for v in extract(text)] == ["vetoed"]


def test_a_judgments_date_and_a_bracketed_aside_date_no_vote() -> None:
    # the year comes from the judgment's date; the aside's day is the Court's, not the vote's;
    # the tally after the aside joins the vote of 12 May
    text = (
        "On 12 May, a draft by which the Security Council would have urged respect for the "
        "Judgment of the Court of Justice of 2 April 1984 was not adopted.\n\n"
        "(On 2 April, the 15-member Court had found against the respondent.)\n\n"
        "The vote in the Security Council was 13 in favour to 2 against, with no abstentions."
    )
    votes = extract(text)
    assert [(v.date, v.yes, v.no, v.abstain) for v in votes] == [(dt.date(1984, 5, 12), 13, 2, 0)]


def test_everyone_else_completes_the_tally_from_the_members_named() -> None:
    text = (
        "date 2024-11-19\n\nFrance on Monday vetoed the draft, while Brazil abstained; "
        "everyone else voted in favour."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain, vote.vetoed_by) == (13, 1, 1, ("FRA",))


def test_along_with_all_other_members() -> None:
    text = (
        "date 2024-11-19\n\nRussia on Monday vetoed the text. China voted for the draft, "
        "along with all other members of the Council."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain, vote.members_yes) == (14, 1, 0, ("CHN",))


def test_a_count_of_others_with_their_names_between_dashes() -> None:
    text = (
        "date 2024-04-19\n\nOn Thursday 13 delegations backed the text and two others "
        "\u2013 Japan and Malta \u2013 abstained."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.abstain, vote.members_abstain) == (13, 2, ("JPN", "MLT"))
    assert "member_not_on_council" not in vote.warnings


def test_a_failed_attempt_to_block_a_question_is_no_failure_of_it() -> None:
    text = (
        "date 2014-06-02\n\nThe Security Council on Monday put the item on its agenda by 12 "
        "votes to 3. One delegation's bid to block the procedural measure failed."
    )
    votes = extract(text)
    assert [(v.outcome and v.outcome.value, v.yes) for v in votes] == [("adopted", 12)]


def test_an_absence_alone_is_no_vote() -> None:
    text = (
        "In 1950 the Soviet delegate stayed away from the Council.\n\n"
        "So for months the Soviet Union was absent and took no part in its work."
    )
    assert extract(text) == ()


def test_a_caption_ending_in_a_bracketed_credit_is_not_text() -> None:
    text = (
        "date 2011-03-18\n\n"
        "Delegates vote on a Chadian text at the Council on Thursday. [Photo/Agencies]\n\n"
        "The Security Council on Thursday adopted the resolution by 10 votes to none, with five "
        "abstentions. The text was presented by Gabon and Nigeria."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain) == (10, 0, 5)
    assert vote.sponsor is None


def test_items_of_an_index_page_under_their_symbols_are_separate_decisions() -> None:
    text = (
        "Meetings coverage\n\nSC/99001\n\nThe Security Council this afternoon extended the "
        "Force's mandate for a year.\n\nSC/99002\n\nA briefer told the Council about the "
        "region.\n\n"
        "SC/99003\n\nThe Security Council this morning adopted a text on mines, although four "
        "members abstained."
    )
    votes = extract(text)
    assert sorted((v.abstain or 0) for v in votes) == [0, 4]
    assert all(v.outcome and v.outcome.value == "adopted" for v in votes)


def test_a_press_releases_own_symbol_keeps_its_headline_with_the_story() -> None:
    text = (
        "COUNCIL FAILS TO EXTEND MISSION\nSC/99004\n\n"
        "On 3 March 2004, by a vote of 13 in favour to 1 against (China), with 1 abstention "
        "(France), the Security Council failed to adopt the draft."
    )
    votes = extract(text)
    assert [(v.yes, v.outcome and v.outcome.value) for v in votes] == [(13, "vetoed")]


def test_a_headline_in_the_present_tense_reports_the_decision() -> None:
    text = "Security Council adopts text on the Haiti mission\n\nPublished: 29 June 2017\n\nMore."
    votes = extract(text)
    # the page's date is not the vote's: no day is given (sixth round)
    assert [(v.date, v.outcome and v.outcome.value) for v in votes] == [(None, "adopted")]


def test_a_draft_by_a_member_failed_to_pass() -> None:
    text = (
        "date 2017-06-30\n\nA draft resolution put forward by Bolivia failed to pass in the "
        "Security Council on Thursday."
    )
    votes = extract(text)
    assert [(v.date, v.outcome and v.outcome.value) for v in votes] == [
        (dt.date(2017, 6, 29), "failed")
    ]


def test_the_adoption_of_a_resolution_on_a_day_is_a_decision() -> None:
    text = "date 2015-12-20\n\nThe adoption of resolution 9876 on Friday opened a new stage."
    votes = extract(text)
    assert [(v.resolution, v.date) for v in votes] == [(9876, dt.date(2015, 12, 18))]
    # as a point of reference it is none
    text = "date 2015-12-20\n\nSince the adoption of resolution 9876, talks stalled on Friday."
    assert extract(text) == ()


def test_participles_of_getting_votes_and_shot_down() -> None:
    text = "date 2017-06-30\n\nThe Chinese text was shot down on Thursday, getting just 5 votes."
    (vote,) = extract(text)
    assert (vote.outcome and vote.outcome.value, vote.yes) == ("failed", 5)
    # the other counts are not given: the record says it is incomplete
    assert "incomplete_record" in vote.warnings


def test_the_support_of_all_fifteen_members() -> None:
    text = "date 2017-06-30\n\nThe resolution won the support of all 15 members on Thursday."
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain, vote.warnings) == (15, 0, 0, ())


def test_a_veto_in_another_year_is_background() -> None:
    text = (
        "Published: 29 June 2017\n\nThe Council voted 15-0 on Thursday to renew the mission. "
        "France vetoed a draft on the region in 2009."
    )
    votes = extract(text)
    assert [(v.outcome and v.outcome.value, v.vetoed_by) for v in votes] == [("adopted", ())]


def test_the_rest_of_a_background_sentence_stays_background() -> None:
    text = (
        "Published: 12 May 2016\n\nThe Security Council on Tuesday voted 15-0 to adopt a "
        "resolution on hospitals.\n\nIn 2009 France vetoed a draft on the region, while "
        "Japan abstained."
    )
    votes = extract(text)
    assert [(v.yes, v.abstain, v.warnings) for v in votes] == [(15, 0, ())]


def test_backed_by_all_fifteen_members() -> None:
    text = "date 2016-05-11\n\nThe Council adopted a text on Tuesday, backed by all 15 members."
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain) == (15, 0, 0)


def test_an_attributive_date_of_another_event_dates_no_vote() -> None:
    text = (
        "date 2021-03-20\n\nThursday 18 March. The draft condemned the 2 March attacks on the "
        "camp. It got 13 votes in favour, none against and 2 abstentions."
    )
    assert [v.date for v in extract(text)] == [dt.date(2021, 3, 18)]


def test_neither_passed_is_a_failure_of_each() -> None:
    text = (
        "date 2021-03-19\n\nTwo amendments were put to the vote on Thursday. Neither passed: "
        "the first drew 5 votes in favour, 2 against and 8 abstentions."
    )
    votes = extract(text)
    assert [(v.yes, v.outcome and v.outcome.value) for v in votes] == [(5, "failed")]


def test_then_takes_the_day_of_the_vote_reported_just_before() -> None:
    text = (
        "date 2021-06-12\n\nThe General Assembly on Friday adopted a text on the crisis.\n\n"
        "In the Security Council on Wednesday, a draft on the crisis got 9 votes, 3 against "
        "and 3 abstentions.\n\nA second draft then received 5 votes, with 10 abstentions."
    )
    votes = extract(text)
    assert [(v.date, v.yes) for v in votes] == [
        (dt.date(2021, 6, 9), 9),
        (dt.date(2021, 6, 9), 5),
    ]


def test_headlines_that_extend_a_mandate_or_reject_a_draft() -> None:
    text = "Security Council extends mandate of the mission in Mali\n\nPublished: 29 June 2017\n"
    assert [v.outcome and v.outcome.value for v in extract(text)] == ["adopted"]
    text = (
        "Security Council rejects Chinese draft on the strait\n\nPublished: 29 June 2017\n\n"
        "Envoys spoke. Japan rejects the charges."
    )
    assert [v.outcome and v.outcome.value for v in extract(text)] == ["failed"]
    # a state that extends its thanks decides nothing
    assert extract("Published: 29 June 2017\n\nFrance extends its thanks to the Council.") == ()


def test_no_country_voted_against_is_a_zero() -> None:
    text = (
        "date 2016-05-11\n\nThe resolution was adopted on Tuesday; no country voted against, "
        "and Egypt abstained."
    )
    (vote,) = extract(text)
    assert (vote.no, vote.abstain) == (0, 1)


def test_an_invitation_among_what_a_draft_asks_for_is_no_motion() -> None:
    text = (
        "date 1950-09-01\n\nA Soviet draft resolution recommending a cease-fire and the "
        "invitation of both parties to the table was rejected by 1 vote to 9. The Indian "
        "delegate likewise abstained on this resolution."
    )
    (vote,) = extract(text)
    assert (vote.kind.value, vote.procedural, vote.members_abstain) == (
        "draft_resolution",
        False,
        ("IND",),
    )


def test_a_vote_told_as_history_takes_no_date_from_the_next_clause() -> None:
    text = (
        "Resolution 9100 of 3 May 1970 was adopted unanimously on 3 May 1970.\n\n"
        "Four years later, the Council passed resolution 9200, which built on it. The two "
        "texts are cited together in Council debates."
    )
    votes = extract(text)
    assert [v.resolution for v in votes] == [9100]


def test_a_body_a_draft_is_about_is_not_the_voter() -> None:
    text = (
        "Thu 12 April 2018\n"
        "\u2022 Russian draft supporting the OPCW mission to the town (S/2018/999): 5-4-6.\n"
        "\u2022 Bolivian draft on the crossings (S/2018/998): 4-7-4.\n"
    )
    votes = extract(text)
    assert sorted(v.yes or 0 for v in votes) == [4, 5]


def test_the_council_named_with_a_question_puts_the_next_clauses_back_in_the_council() -> None:
    text = (
        "General Assembly, 2 March: a resolution passed with 141 in favour and 5 against.\n\n"
        "Security Council, 23 March: a Chinese draft was put to the vote. Only China and "
        "Gabon voted yes; the other thirteen members abstained."
    )
    votes = extract(text)
    assert [(v.yes, v.abstain, v.members_yes) for v in votes] == [(2, 13, ("CHN", "GAB"))]


def test_that_was_a_veto() -> None:
    text = (
        "Cyprus, 3 May 1974. A draft on the island was put to the vote; the Soviet Union "
        "voted no, and that was a veto."
    )
    (vote,) = extract(text)
    assert (vote.outcome and vote.outcome.value, vote.vetoed_by) == ("vetoed", ("SUN",))


def test_everyone_else_after_a_count_and_named_abstainers() -> None:
    text = (
        "date 2020-07-09\n\nOn Wednesday a Chinese draft got three votes. Niger and Tunisia "
        "abstained; everyone else voted no."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain, vote.not_voting) == (3, 10, 2, 0)


def test_a_headline_failing_owing_to_the_negative_vote_of_a_permanent_member() -> None:
    text = (
        "date 2017-10-24\n\nText on the Region Not Adopted by Council Owing to Negative Vote "
        "of Permanent Member"
    )
    assert [v.outcome and v.outcome.value for v in extract(text)] == ["vetoed"]


def test_then_between_a_short_subject_and_its_verb_is_no_clause_break() -> None:
    parts = clauses("The Security Council then extended the mandate of the force.", 0, 0)
    assert len(parts) == 1
    assert len(clauses("Russia vetoed the text, then China abstained.", 0, 0)) == 2


def test_iran_renewed_is_a_verb_not_an_adjective() -> None:
    text = "date 2012-01-02\n\nThe Security Council on Sunday renewed the mandate of the force."
    assert [v.outcome and v.outcome.value for v in extract(text)] == ["adopted"]


def test_a_bare_background_year_gives_no_year_to_an_undated_text() -> None:
    # "Russia" is read as the Russian Federation, not the USSR of the 1950 background
    text = (
        "The Security Council voted on Sunday 11 in favour, Russia opposed, and China "
        "abstaining.\n\nThe procedure dates from a resolution adopted in November 1950."
    )
    votes = extract(text)
    assert [v.members_no for v in votes] == [("RUS",)]


def test_approved_with_n_votes_counts_the_votes_in_favour() -> None:
    text = (
        "date 2016-05-11\n\nThe measure was approved on Tuesday with 13 votes; Egypt and "
        "Japan abstained."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain) == (13, 0, 2)
    # a label after the number keeps its own reading
    text = "date 2016-05-11\n\nThe draft was rejected on Tuesday with 9 votes against."
    (vote,) = extract(text)
    assert (vote.yes, vote.no) == (None, 9)


def test_a_record_with_some_counts_only_is_trusted_less() -> None:
    full = extract(
        "date 2016-05-11\n\nThe text was adopted on Tuesday by 13 votes to 0, with 2 abstentions."
    )
    some = extract("date 2016-05-11\n\nThe text was adopted on Tuesday with 13 votes.")
    assert full[0].confidence > some[0].confidence
    assert "incomplete_record" in some[0].warnings


def test_the_sole_vote_against_is_one_vote_against() -> None:
    text = (
        "date 2016-05-11\n\nOn Tuesday the text was adopted, with Egypt casting the sole vote "
        "against."
    )
    (vote,) = extract(text)
    assert (vote.no, vote.members_no) == (1, ("EGY",))
