"""General reading rules of the sixth round of issue 12, each with examples written for it."""

from __future__ import annotations

import datetime as dt

import pytest

from unsc._extract import extract
from unsc._extract._stamp import text_date

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
        "a 3 March 2019 letter from the parties",
        "its 3 March 2019 report",
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


_MENU = ["Home", "World", "Business", "Sport", "Letters to the Editor", "About Us", "Contact"]


def test_a_sites_menu_does_not_push_its_date_line_out_of_the_top() -> None:
    lines = ["Site Name | Search | Archive", *_MENU, *_MENU, "Friday, 5 May 2006, 14:02 GMT"]
    assert text_date(lines) == dt.date(2006, 5, 5)
    story = "\n".join(
        [*lines, "", "The Security Council on Thursday voted 15-0 to renew a mission."]
    )
    assert [v.date for v in extract(story)] == [dt.date(2006, 5, 4)]


def test_sentences_and_headlines_still_count_among_the_top_lines() -> None:
    # ten lines of text come before the date line: it is too far down to be the text's stamp
    prose = [f"Line {i} of the story goes on here." for i in range(10)]
    assert text_date([*prose, "Friday, 5 May 2006"]) is None
    headlines = [f"Council renews mission in region number {i}" for i in range(10)]
    assert text_date([*headlines, "Friday, 5 May 2006"]) is None


def test_a_menu_at_the_foot_does_not_hide_a_stamp_above_it() -> None:
    lines = ["Mission renewed", "The Council voted.", *[f"Para {i} text." for i in range(12)]]
    lines += ["Posted on 5 May 2006", *_MENU]
    assert text_date(lines) == dt.date(2006, 5, 5)


_ADOPTION = (
    "The Security Council adopted resolution 40 (2001) by 14 votes to none, with 1 abstention"
)


@pytest.mark.parametrize(
    "cited",
    [
        "It demanded that the parties comply with Security Council resolution 30 (2000), on "
        "arms; and resolution 35 (2000), calling for a truce.",
        "It asked both sides to act in line with the UN Security Council resolution 30 (2000); "
        "as well as resolution 35 (2000), which set up a panel.",
        "The Council recalled resolution 30 (2000); and resolution 35 (2000), on the border, "
        "and welcomed the talks.",
    ],
)
def test_a_list_of_cited_resolutions_goes_on_past_a_semicolon(cited: str) -> None:
    # the next paragraph tells what the adopted text does: it joins resolution 40, not a
    # decision on a cited resolution
    more = "The Council also endorsed the plan agreed by the parties under resolution 35 (2000)."
    votes = extract(f"date 2001-05-04\n\n{_ADOPTION}. {cited}\n\n{more}")
    assert [(v.resolution, v.yes) for v in votes] == [(40, 14)]


def test_a_clause_with_its_own_decision_verb_is_not_a_citation() -> None:
    text = (
        "date 2001-05-04\n\nThe Council recalled resolution 30 (2000); and resolution 41 "
        "(2001) was adopted by 15 votes to none."
    )
    assert [(v.resolution, v.yes) for v in extract(text)] == [(41, 15)]
    text = f"date 2001-05-04\n\n{_ADOPTION}; and resolution 41 (2001) was adopted unanimously."
    assert [(v.resolution, v.yes) for v in extract(text)] == [(40, 14), (41, 15)]


_VETO = "date 2024-11-21\n\nOn Wednesday the United States vetoed a draft on the truce, 14-1."


@pytest.mark.parametrize(
    "aside",
    [
        "The vetoed text also urged the parties to honour a resolution passed in June.",
        "The vetoed draft would also have welcomed a text the Council adopted in March.",
        "The failed measure also recalled a resolution approved in May, on aid convoys.",
    ],
)
def test_a_decision_told_by_a_month_only_is_background_whatever_comes_first(aside: str) -> None:
    votes = extract(f"{_VETO}\n\n{aside}")
    assert [(v.date, v.yes, v.no) for v in votes] == [(dt.date(2024, 11, 20), 14, 1)]


def test_a_month_far_from_the_decision_word_leaves_the_vote_dated() -> None:
    text = (
        "date 2024-11-21\n\nOn Wednesday the Council adopted the text by 13 votes to 2, "
        "keeping in place the monitors who have watched the line since the war ended in June."
    )
    assert [(v.date, v.yes) for v in extract(text)] == [(dt.date(2024, 11, 20), 13)]


_ONE_VOTE = (
    "date 2020-05-02\n\nOn Friday a draft on the port failed to pass in the Security Council, "
    "with 2 votes in favour, 2 against and 11 abstentions."
)


@pytest.mark.parametrize(
    "aside",
    [
        "(Council resolutions are currently adopted by a written procedure during the closure.)",
        "Drafts are usually put to the vote a day after they are circulated.",
        "Texts can be vetoed by any of the five permanent members.",
        "In this period, resolutions are approved by letter, as agreed in document S/2020/999.",
    ],
)
def test_how_decisions_are_taken_in_general_is_no_vote(aside: str) -> None:
    votes = extract(f"{_ONE_VOTE}\n\n{aside}")
    assert [(v.date, v.yes, v.outcome and v.outcome.value) for v in votes] == [
        (dt.date(2020, 5, 1), 2, "failed")
    ]


def test_decisions_counted_or_named_are_votes() -> None:
    text = "date 2020-05-02\n\nOn Friday both drafts were adopted unanimously by the Council."
    assert len(extract(text)) == 1  # one record for the phrase (no count of drafts read)
    text = "date 2020-05-02\n\nTwo resolutions are adopted: the Council renewed both missions."
    assert extract(text) != ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The Security Council has once again failed to adopt a text on the war: a Russian draft "
        "received only 4 positive votes, 2 against and 9 abstentions.",
        "Once again the Security Council failed to act, as a Russian draft drew 4 votes in "
        "favour, 2 against and 9 abstentions.",
    ],
)
def test_once_again_tells_this_vote_not_a_past_one(sentence: str) -> None:
    (vote,) = extract(sentence)
    assert (vote.yes, vote.no, vote.abstain) == (4, 2, 9)
    assert vote.outcome is not None
    assert vote.outcome.value == "failed"


def test_several_times_still_tells_the_past() -> None:
    text = "Russia has vetoed drafts on the war several times since the fighting began."
    assert extract(text) == ()


@pytest.mark.parametrize(
    ("sentence", "no"),
    [
        ("The draft put forward by France, which was vetoed by Russia, would have set up a "
         "court.", ("RUS",)),
        ("A text from Japan, which was opposed by China and Russia, failed on Monday.",
         ("CHN", "RUS")),
        # the active voice still names the voter
        ("Russia, which vetoed the draft put forward by France, said it was biased.", ("RUS",)),
        ("France put forward the draft, and Russia, which vetoed it, said it was biased.",
         ("RUS",)),
    ],
)  # fmt: skip
def test_a_vote_verb_in_the_passive_has_the_question_not_a_voter_as_subject(
    sentence: str, no: tuple[str, ...]
) -> None:
    votes = extract(f"date 2019-03-01\n\nIn the Security Council, {sentence}")
    assert [tuple(sorted(v.members_no)) for v in votes] == [no]


def _summary(text: str) -> list[tuple[str | None, str | None, int | None]]:
    return [(v.sponsor, v.outcome and v.outcome.value, v.yes) for v in extract(text)]


def test_failed_to_adopt_two_drafts_is_two_decisions_with_their_authors() -> None:
    text = (
        "date 2019-03-05\n\nThe Security Council on Monday failed to adopt two rival draft "
        "resolutions - one from Brazil, the other from Norway - on the crisis. The draft put "
        "forward by Norway was vetoed by China. The Brazilian text got only 5 votes in favour."
    )
    assert _summary(text) == [("BRA", "failed", 5), ("NOR", "vetoed", None)]


def test_two_drafts_voted_down_is_two_decisions_and_absorbs_the_headline() -> None:
    text = (
        "date 2019-03-06\n\nCouncil fails to adopt texts on strait\n\nTwo drafts on the strait, "
        "one drafted by Chile and another by Japan, were voted down on Tuesday."
    )
    assert _summary(text) == [("CHL", "failed", None), ("JPN", "failed", None)]
    text = "date 2019-03-06\n\nOn Tuesday the Council adopted two resolutions on the strait."
    assert [v.outcome and v.outcome.value for v in extract(text)] == ["adopted", "adopted"]


@pytest.mark.parametrize(
    "sentence",
    [
        "If the Council rejected two drafts in a row, the talks would end.",
        "The Council is expected to vote on two drafts on the strait next week.",
        "Diplomats said the Council had not rejected two drafts on one day since 1990.",
    ],
)
def test_two_drafts_not_reported_as_decided_are_no_decisions(sentence: str) -> None:
    assert extract(f"date 2019-03-06\n\n{sentence}") == ()


@pytest.mark.parametrize(
    ("sentence", "vetoer"),
    [
        ("The draft failed, 14 votes to 1, as the United States voted against.", "USA"),
        ("Britain voted no; 14 members backed the text, which was vetoed.",
         "GBR"),
        ("The text was vetoed: 12 in favour, France and Japan against, 1 abstention.", "FRA"),
    ],
)  # fmt: skip
def test_an_undated_veto_by_a_member_permanent_on_every_date_raises_no_contradiction(
    sentence: str, vetoer: str
) -> None:
    (vote,) = extract(f"In the Security Council: {sentence}")
    assert vote.date is None
    assert vote.outcome is not None
    assert (vote.outcome.value, vote.vetoed_by) == ("vetoed", (vetoer,))
    assert "outcome_contradicts_rules" not in vote.warnings
    assert "incomplete_record" in vote.warnings  # still no date: never stored confirmed


def test_an_undated_veto_by_an_elected_member_still_contradicts_the_rules() -> None:
    (vote,) = extract("In the Security Council the text got 14 votes, but Japan vetoed it.")
    assert "outcome_contradicts_rules" in vote.warnings


_SPLIT_VOTE = (
    "date 2001-12-16\n\nOn Saturday the Security Council voted on a draft on the harbour: 12 "
    "members voted in favour, Norway and Ireland abstained and the United States vetoed it."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "A unanimous position was also expressed on the need to protect civilians.",
        "Speakers voiced unanimous condemnation of the shelling.",
        "There was a unanimous view in the chamber that talks must resume.",
    ],
)
def test_a_unanimous_view_is_no_unanimous_vote(sentence: str) -> None:
    (vote,) = extract(f"{_SPLIT_VOTE}\n\n{sentence}")
    assert (vote.yes, vote.no, vote.abstain) == (12, 1, 2)
    assert "count_contradicts_names" not in vote.warnings
    # no count is invented for a veto the text gives no tally of
    text = f"date 2001-12-16\n\nOn Saturday the United States vetoed a draft.\n\n{sentence}"
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain) == (None, None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Saturday the Security Council unanimously adopted a text on the harbour.",
        "The Council's unanimous vote on Saturday renewed the harbour mission.",
        "On Saturday the harbour text won the unanimous support of all 15 members.",
    ],
)
def test_a_unanimous_vote_is_still_fifteen_in_favour(sentence: str) -> None:
    (vote,) = extract(f"date 2001-12-16\n\n{sentence}")
    assert (vote.yes, vote.no, vote.abstain) == (15, 0, 0)


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("On Saturday 12 votes were cast in favour of the draft.", (12, None, None)),
        ("On Saturday twelve votes were cast in favour, with one vote cast against and two "
         "abstentions.", (12, 1, 2)),
    ],
)  # fmt: skip
def test_votes_cast_in_favour_are_a_count(sentence: str, counts: tuple[int | None, ...]) -> None:
    (vote,) = extract(f"date 2001-12-16\n\n{sentence}")
    assert (vote.yes, vote.no, vote.abstain) == counts


_VETO_AND_ASIDE = (
    "date 2001-12-16\n\nOn Saturday the United States vetoed a draft on the harbour. {aside} "
    "12 votes were cast in favour of the draft, and Norway and Ireland abstained."
)


@pytest.mark.parametrize(
    "aside",
    [
        "It was the second veto this year, along with the one cast on 27 March.",
        "It was a veto as well as a snub, like the veto of 27 March.",
        "In addition to the veto cast on 27 March, it was the second this year.",
    ],
)
def test_a_vote_added_in_passing_keeps_its_date_to_itself(aside: str) -> None:
    votes = extract(_VETO_AND_ASIDE.format(aside=aside))
    assert [(v.date, v.yes, v.abstain) for v in votes] == [(dt.date(2001, 12, 15), 12, 2)]


def test_a_body_added_to_the_voter_does_not_undate_the_vote() -> None:
    text = "The Council along with the Assembly voted on 27 March 2001 to adopt the text, 15-0."
    assert [v.date for v in extract(text)] == [dt.date(2001, 3, 27)]


def _outcomes(text: str) -> list[tuple[int | None, str | None, tuple[str, ...]]]:
    return [(v.yes, v.outcome and v.outcome.value, v.vetoed_by) for v in extract(text)]


def test_too_few_votes_and_no_vetoer_named_is_a_failure_not_a_veto() -> None:
    text = (
        "date 2019-03-05\n\nOn Monday Russia vetoed a French draft on the port, which got 11 "
        "votes in favour.\n\nA rival Russian draft then got only 4 votes in favour, 7 against "
        "and 4 abstentions. Diplomats said the vetoes would hurt the talks."
    )
    assert _outcomes(text) == [(11, "vetoed", ("RUS",)), (4, "failed", ())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a vetoer named: what the text says stands (the checks flag the contradiction)
        ("The draft got only 4 votes in favour; the United States vetoed it.",
         (4, "vetoed", ("USA",))),
        # enough votes for the rules not to decide: the text's veto stands
        ("The draft was vetoed, though it got 11 votes in favour.", (11, "vetoed", ())),
    ],
)  # fmt: skip
def test_a_veto_the_text_supports_stays_a_veto(
    sentence: str, expected: tuple[int | None, str | None, tuple[str, ...]]
) -> None:
    assert _outcomes(f"date 2019-03-05\n\nOn Monday in the Security Council, {sentence}") == [
        expected
    ]


_AGENDA_VOTE = (
    "date 2018-03-20\n\nOn Monday the agenda was put to a procedural vote: 8 in favour, 4 "
    "against and 3 abstentions, so the agenda was not adopted."
)


@pytest.mark.parametrize(
    "habit",
    [
        "Most meetings open with a formality: the President asks for objections, hears none, "
        "and the agenda is adopted.",
        "Usually the provisional agenda is approved without a vote.",
        "As a rule, whenever no member objects, the agenda is adopted at once.",
    ],
)
def test_a_habit_told_in_the_present_is_no_vote(habit: str) -> None:
    votes = extract(f"{habit}\n\n{_AGENDA_VOTE}")
    assert [(v.yes, v.outcome and v.outcome.value) for v in votes] == [(8, "failed")]


def test_a_present_passive_without_a_habit_word_is_still_read() -> None:
    # a live report in the present tense, with a count of its own
    text = (
        "date 2018-03-20\n\nThe Security Council today: the draft is adopted by 15 votes to none."
    )
    assert [(v.yes, v.outcome and v.outcome.value) for v in extract(text)] == [(15, "adopted")]


_TIMELINE_VOTE = (
    "1982. On 28 January 1982 the Council voted 13-0-2 to call an emergency session "
    "(resolution 500). Two members abstained."
)


@pytest.mark.parametrize(
    "aside",
    [
        "1997. A later session was requested by a member state after two US vetoes.",
        "Years on, a session met again before a Soviet veto on another question.",
    ],
)
def test_an_aside_in_another_paragraph_gives_a_vote_no_new_outcome(aside: str) -> None:
    votes = extract(f"{_TIMELINE_VOTE}\n\n{aside}")
    assert [(v.resolution, v.outcome and v.outcome.value, v.vetoed_by) for v in votes] == [
        (500, "adopted", ())
    ]


def test_an_aside_that_names_the_question_still_joins_it() -> None:
    text = (
        "On Tuesday the Council rejected a Russian draft on aid, 2 votes to 3 with 10 "
        "abstentions.\n\nMoscow's envoy spoke after the Council vetoed the Russian draft."
    )
    votes = extract(text)
    assert [(v.yes, v.outcome and v.outcome.value) for v in votes] == [(2, "failed")]


@pytest.mark.parametrize(
    "story",
    [
        "In 1972 the Soviet Union vetoed a draft on the region. The draft got 11 votes in "
        "favour, 2 against and 2 abstentions.",
        "The Soviet Union vetoed a draft on the region in August 1972. It got 11 votes in "
        "favour, 2 against and 2 abstentions.",
        "Fifty years ago the Security Council voted on a draft on the region, and the Soviet "
        "Union vetoed it: 11 in favour, 2 against, 2 abstentions.",
    ],
)
def test_a_vote_told_at_another_time_takes_no_date_from_the_page(story: str) -> None:
    (vote,) = extract(f"Published: 3 May 2022\n\n{story}")
    assert vote.date is None
    assert (vote.yes, vote.no, vote.abstain) == (11, 2, 2)
    assert "incomplete_record" in vote.warnings


def test_a_vote_of_the_pages_own_time_still_takes_its_date() -> None:
    story = (
        "The Security Council on Tuesday vetoed a draft: 11 in favour, 2 against, 2 abstentions."
    )
    (vote,) = extract(f"Published: 4 May 2022\n\n{story}")
    assert vote.date == dt.date(2022, 5, 3)


@pytest.mark.parametrize(
    "story",
    [
        "Back in 1972, when the war was raging, the Security Council voted on a draft on the "
        "region. China vetoed it; 11 members voted in favour, 1 against and 3 abstained.",
        "During 1972, as the fighting spread, the Council took up a draft on the region. China "
        "vetoed it; 11 members voted in favour, 1 against and 3 abstained.",
    ],
)
def test_a_paragraph_that_opens_at_another_time_gives_its_vote_no_page_date(story: str) -> None:
    (vote,) = extract(f"Published: 3 May 2022\n\n{story}")
    assert vote.date is None
    assert (vote.yes, vote.no, vote.abstain) == (11, 1, 3)


@pytest.mark.parametrize(
    "story",
    [
        # the other time is told after the vote, or the vote has a day of its own
        "The Council on Tuesday adopted a text renewing the mission set up in 2014. The vote "
        "was 13-0-2.",
        "The mission was set up in 2014, after the war. On Tuesday the Council voted 13-0-2 to "
        "renew it.",
    ],
)
def test_a_year_told_in_passing_leaves_the_vote_its_date(story: str) -> None:
    (vote,) = extract(f"Published: 4 May 2022\n\n{story}")
    assert vote.date == dt.date(2022, 5, 3)


@pytest.mark.parametrize(
    "lack",
    [
        "which lacked the minimum number of affirmative votes for passage",
        "which did not receive enough votes",
        "which did not get the nine votes needed",
        "which did not obtain the required majority",
        "which received insufficient votes",
    ],
)
def test_a_draft_that_lacked_the_votes_failed(lack: str) -> None:
    text = (
        f"date 2019-03-01\n\nOn Thursday the Security Council voted on a draft on the port, {lack}."
    )
    assert [(v.date, v.outcome and v.outcome.value) for v in extract(text)] == [
        (dt.date(2019, 2, 28), "failed")
    ]


@pytest.mark.parametrize(
    "other",
    [
        "which lacked support from the West",
        "which did not get much attention",
        "which would fail if it did not receive enough votes",
    ],
)
def test_other_lacks_and_conditions_are_no_failure(other: str) -> None:
    text = f"date 2019-03-01\n\nOn Thursday the Council voted on a draft on the port, {other}."
    assert [v.outcome for v in extract(text)] in ([], [None])


def test_both_texts_voted_down_is_two_decisions() -> None:
    text = (
        "date 2019-03-02\n\nOn Friday the Council voted down both texts, one from Mexico and "
        "the other from Peru."
    )
    assert _summary(text) == [("MEX", "failed", None), ("PER", "failed", None)]
    text = (
        "date 2019-03-02\n\nThe Security Council on Friday rejected two rival texts on the "
        "border: one sponsored by Mexico and one by Peru."
    )
    assert _summary(text) == [("MEX", "failed", None), ("PER", "failed", None)]


def test_both_texts_after_each_was_reported_sums_them_up() -> None:
    text = (
        "date 2019-03-02\n\nOn Friday Russia vetoed a Mexican draft on the border. A Peruvian "
        "draft then got only 4 votes. The Council thus rejected both texts."
    )
    assert _summary(text) == [("MEX", "vetoed", None), ("PER", "failed", 4)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Three members - Brazil, China and Russia - supported the draft, while the other 12 "
        "abstained.",
        "Only three members -- Brazil, China and Russia -- supported the draft, while the other "
        "12 abstained.",
    ],
)
def test_a_spaced_hyphen_between_words_is_a_dash(sentence: str) -> None:
    (vote,) = extract(
        f"date 2023-03-28\n\nOn Monday the Security Council rejected a draft. {sentence}"
    )
    assert (vote.yes, vote.abstain, vote.members_yes) == (3, 12, ("BRA", "CHN", "RUS"))


def test_a_spaced_hyphen_between_numbers_is_still_a_tally() -> None:
    text = "date 2023-03-28\n\nOn Monday the Council adopted the text 14 - 1, with no abstentions."
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain) == (14, 1, 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "The draft garnered the minimum nine votes needed to pass, with six abstentions.",
        "The draft secured the required nine votes needed for adoption, with six abstentions.",
    ],
)
def test_a_needed_number_that_was_got_is_a_count(sentence: str) -> None:
    text = f"date 2023-03-28\n\nOn Monday the Security Council adopted a text. {sentence}"
    (vote,) = extract(text)
    assert (vote.yes, vote.abstain) == (9, 6)


@pytest.mark.parametrize(
    "sentence",
    [
        "It needed to get nine votes to pass; six abstained.",
        "The sponsors hoped it would get the nine votes needed; six abstained.",
        "The draft must get nine votes to pass, and six members abstained.",
    ],
)
def test_a_needed_number_not_yet_got_is_no_count(sentence: str) -> None:
    text = f"date 2023-03-28\n\nOn Monday the Security Council adopted a text. {sentence}"
    (vote,) = extract(text)
    assert vote.yes is None


_EIGHT_VOTES = (
    "date 2014-12-31\n\nOn Tuesday a draft on the border got 8 votes in favour, 2 against - "
    "the United States and Australia - and 5 abstentions."
)


@pytest.mark.parametrize(
    "aside",
    [
        "Washington was spared the cost of a formal veto by Chad, which abstained.",
        "The abstentions averted a US veto.",
        "Headlines said the US had \u201cvetoed\u201d the text.",
        'The year-end draft the US "vetoed" (it did not need to)',
    ],
)
def test_an_avoided_or_disputed_veto_is_no_veto(aside: str) -> None:
    (vote,) = extract(f"{_EIGHT_VOTES}\n\n{aside}")
    assert vote.outcome is not None
    assert (vote.outcome.value, vote.vetoed_by, vote.members_no) == (
        "failed",
        (),
        ("AUS", "USA"),
    )


def test_a_veto_said_plainly_is_still_a_veto() -> None:
    text = "date 2014-12-31\n\nOn Tuesday the US vetoed a draft on the border: 14 to 1."
    (vote,) = extract(text)
    assert vote.outcome is not None
    assert (vote.outcome.value, vote.vetoed_by) == ("vetoed", ("USA",))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Council has so far adopted three resolutions on the crisis.",
        "Russia has vetoed 17 drafts on the war since 2011.",
        "To date the Council has rejected two texts on the dam.",
    ],
)
def test_a_tally_of_past_decisions_is_no_vote(sentence: str) -> None:
    assert extract(f"date 2023-03-28\n\n{sentence}") == ()


def test_a_decision_counted_among_past_ones_is_still_a_vote() -> None:
    text = "date 2023-03-28\n\nOn Tuesday the Council adopted its third dam text this year, 15-0."
    assert [(v.date, v.yes) for v in extract(text)] == [(dt.date(2023, 3, 28), 15)]


def test_a_plural_question_told_on_several_days_is_one_decision_a_day() -> None:
    text = (
        "date 2020-07-12\n\nOn 7 July and 10 July, China and Russia vetoed drafts on the "
        "crossing; Russian drafts were rejected on 8 July and 10 July."
    )
    votes = extract(text)
    assert [(v.date, v.outcome and v.outcome.value, v.vetoed_by) for v in votes] == [
        (dt.date(2020, 7, 7), "vetoed", ("CHN", "RUS")),
        (dt.date(2020, 7, 8), "failed", ()),
        (dt.date(2020, 7, 10), "vetoed", ("CHN", "RUS")),
        (dt.date(2020, 7, 10), "failed", ()),
    ]


def test_one_question_told_with_two_days_is_not_split() -> None:
    # a singular question: one decision, whatever the days around it
    text = (
        "date 2020-07-12\n\nRussia on 10 July vetoed a draft on the crossing that had been "
        "put forward on 7 July and 9 July."
    )
    assert [(v.date, v.vetoed_by) for v in extract(text)] == [(dt.date(2020, 7, 10), ("RUS",))]


@pytest.mark.parametrize(
    "sentence",
    [
        "A draft tabled on 7 July and revised on 9 July was vetoed by Russia on 10 July.",
        "A draft put forward on July 7 was vetoed by Russia on July 10.",
        "A draft submitted on 8 July, after talks that expired on 9 July, was vetoed by Russia "
        "on 10 July.",
    ],
)
def test_a_date_of_another_act_on_the_text_dates_no_vote(sentence: str) -> None:
    assert [v.date for v in extract(f"date 2020-07-12\n\n{sentence}")] == [dt.date(2020, 7, 10)]


def test_a_decision_verb_before_a_date_still_dates_the_vote() -> None:
    text = "date 2020-07-12\n\nThe Council agreed on 10 July to extend the mission, 15-0."
    assert [v.date for v in extract(text)] == [dt.date(2020, 7, 10)]


@pytest.mark.parametrize(
    "sentence",
    [
        "As the vote was procedural, the negative vote of a permanent member did not block it.",
        "Russia voted no, but on a procedural question its vote could not block the text.",
    ],
)
def test_a_veto_that_did_not_block_is_no_veto(sentence: str) -> None:
    text = (
        "date 2022-02-28\n\nOn Sunday the Security Council called an emergency session of the "
        f"General Assembly by a procedural vote of 11 to 1, with 3 abstentions. {sentence}"
    )
    votes = extract(text)
    assert [(v.yes, v.outcome and v.outcome.value, v.vetoed_by) for v in votes] == [
        (11, "adopted", ())
    ]


@pytest.mark.parametrize(
    ("sentence", "yes"),
    [
        ("Only eight members voted to hold the meeting; four voted against and three abstained.",
         8),
        ("Nine Council members voted to postpone the debate, four against, two abstaining.", 9),
    ],
)  # fmt: skip
def test_members_who_voted_to_do_it_are_the_votes_in_favour(sentence: str, yes: int) -> None:
    (vote,) = extract(f"date 2018-03-20\n\nOn Monday, in a procedural vote, {sentence}")
    assert vote.yes == yes


def test_members_who_voted_to_reject_are_not_read_as_in_favour() -> None:
    text = "date 2018-03-20\n\nOn Monday, eleven members voted to reject the motion."
    assert [v.yes for v in extract(text)] in ([], [None])


def test_a_numbered_resolution_adopted_by_a_procedural_vote_is_a_procedural_draft() -> None:
    text = (
        "date 2022-02-28\n\nOn Sunday the Security Council adopted resolution 2623 (2022) by a "
        "procedural vote of 11 to 1, with 3 abstentions."
    )
    (vote,) = extract(text)
    assert (str(vote.kind.value), vote.procedural, vote.resolution) == (
        "draft_resolution",
        True,
        2623,
    )
    # a motion with no number stays a motion
    text = "date 2022-02-28\n\nOn Sunday a motion to adjourn was rejected by 4 votes to 8."
    assert [str(v.kind.value) for v in extract(text)] == ["procedural_motion"]


def test_a_qualified_count_before_a_list_counts_and_names_them() -> None:
    text = (
        "date 2025-02-25\n\nOn Monday the Security Council adopted a short text, 10 votes to "
        "none. Five European members - Britain, France, Denmark, Greece and Slovenia - abstained."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain) == (10, 0, 5)
    assert vote.members_abstain == ("DNK", "FRA", "GBR", "GRC", "SVN")


def test_a_resolution_numbered_in_an_apposition_is_its_number() -> None:
    text = (
        "date 2025-02-25\n\nOn Monday the Security Council adopted a text on the war. The "
        "resolution, numbered 2774, passed with 10 votes in favour and none against."
    )
    assert [(v.resolution, v.yes) for v in extract(text)] == [(2774, 10)]


def test_a_draft_that_got_only_its_authors_vote_has_one_vote_in_favour() -> None:
    text = (
        "date 1958-07-19\n\nLast night the Soviet Union vetoed a Western draft on the port.\n\n"
        "The Council turned down a Soviet resolution on the port. It got only the Soviet "
        "vote, with 8 against and 2 abstentions."
    )
    votes = extract(text)
    assert [(v.sponsor, v.yes, v.no, v.abstain, v.outcome and v.outcome.value) for v in votes][
        -1
    ] == ("SUN", 1, 8, 2, "failed")
    assert votes[-1].members_yes == ("SUN",)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the Council turned down a draft on the port.",
        "On Monday the Council threw out a motion to adjourn.",
    ],
)
def test_turned_down_is_a_failure(sentence: str) -> None:
    assert [v.outcome and v.outcome.value for v in extract(f"date 1958-07-19\n\n{sentence}")] == [
        "failed"
    ]


def test_turning_down_an_invitation_is_no_decision() -> None:
    text = "date 1958-07-19\n\nOn Monday the envoy turned down an invitation to brief the Council."
    assert extract(text) == ()


def test_members_who_agreed_are_the_votes_in_favour() -> None:
    text = (
        "date 1954-06-21\n\nOn Sunday Brazil proposed referring the complaint to a regional body. "
        "Ten members agreed; the Soviet Union voted no, and that was a veto."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.vetoed_by) == (10, 1, ("SUN",))


def test_members_who_agreed_to_do_something_else_are_no_count() -> None:
    text = (
        "date 1954-06-21\n\nOn Sunday the Soviet Union vetoed the draft. Ten members agreed to "
        "meet again next week."
    )
    assert [v.yes for v in extract(text)] == [None]


def test_a_paragraph_told_years_later_is_another_vote() -> None:
    text = (
        "The vote came on 8 November 1994: the draft had thirteen votes in favour. China "
        "abstained. The one vote against came from Rwanda; it was no veto, and the text was "
        "adopted.\n\nYears later, when the Council decided to end the mission and hand over its "
        "tasks, Russia abstained."
    )
    votes = extract(text)
    assert [(v.date, v.yes, v.abstain, v.members_abstain) for v in votes] == [
        (dt.date(1994, 11, 8), 13, 1, ("CHN",))
    ]


def test_a_later_paragraph_with_a_day_of_its_own_is_read_with_that_day() -> None:
    text = (
        "The first veto came on 16 February 1946.\n\nTen weeks later, on 29 April 1946, the "
        "Council took up another question. Ten members voted for it; nobody voted against; "
        "one abstained."
    )
    votes = extract(text)
    assert [(v.date, v.yes, v.no, v.abstain) for v in votes][-1] == (
        dt.date(1946, 4, 29),
        10,
        0,
        1,
    )


@pytest.mark.parametrize(
    "story",
    [
        "The United States has vetoed a draft on the truce. The other 14 members voted in favour.",
        "A draft on the truce was vetoed by the United States, with 14 members in favour.",
    ],
)
def test_a_vote_without_a_day_takes_none_from_the_dateline(story: str) -> None:
    (vote,) = extract(f"date 2025-06-05 AP, UNITED NATIONS\n\n{story}")
    assert vote.date is None
    assert (vote.yes, vote.no, vote.vetoed_by) == (14, 1, ("USA",))
    assert "incomplete_record" in vote.warnings


def test_a_relative_day_is_still_read_against_the_dateline() -> None:
    story = "The United States on Wednesday vetoed a draft on the truce, 14 votes to 1."
    (vote,) = extract(f"date 2025-06-05 AP, UNITED NATIONS\n\n{story}")
    assert vote.date == dt.date(2025, 6, 4)


def test_a_weekdays_other_event_dates_no_vote() -> None:
    text = (
        "date 2014-03-16\n\nRussia vetoed a draft at an emergency vote on Saturday, while China "
        "abstained. The draft, which says Sunday's referendum has no validity, got 13 votes."
    )
    (vote,) = extract(text)
    assert (vote.date, vote.yes, vote.no, vote.abstain) == (dt.date(2014, 3, 15), 13, 1, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nine nations in the 15-member council voted for the resolution, three abstained.",
        "Nine members on the Security Council voted in favour; three abstained.",
    ],
)
def test_a_count_placed_in_the_council_is_a_count(sentence: str) -> None:
    text = (
        f"date 1981-05-01\n\nOn Thursday the United States and Britain vetoed a draft. {sentence}"
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.abstain) == (9, 3)


def test_a_count_with_an_aside_naming_some_of_them_is_the_count() -> None:
    text = (
        "date 2025-02-25\n\nOn Monday the Council adopted the text. Ten members of the Security "
        "Council, including Russia, the US and China, voted in favour, while five abstained."
    )
    (vote,) = extract(text)
    assert (vote.yes, vote.no, vote.abstain) == (10, 0, 5)


def test_a_day_without_a_year_takes_the_year_its_sentence_opened_with() -> None:
    text = (
        "Published: 22 April 2013\n\nIn 2012, two drafts were vetoed. On February 4, a draft on "
        "the crisis was vetoed by China and Russia. On July 19, a draft on the mission was "
        "vetoed by China and Russia."
    )
    assert [v.date for v in extract(text)] == [dt.date(2012, 2, 4), dt.date(2012, 7, 19)]


def test_a_year_told_later_in_a_sentence_gives_no_year_to_the_days_after_it() -> None:
    text = (
        "Published: 22 April 2013\n\nOn March 5 the Council renewed the force set up in 2004, "
        "15-0. On March 7 it adopted a text on the border, 13-0-2."
    )
    assert [v.date for v in extract(text)] == [dt.date(2013, 3, 5), dt.date(2013, 3, 7)]


@pytest.mark.parametrize(
    "rule",
    [
        "Passing a resolution requires nine votes and a lack of veto by the permanent members, "
        "namely the US, Russia, China, the UK and France.",
        "Adoption needs nine votes in favour and the absence of a veto from China, France, "
        "Russia, the UK or the US.",
    ],
)
def test_a_rule_about_the_lack_of_a_veto_is_no_veto(rule: str) -> None:
    text = (
        "date 2025-02-25\n\nOn Monday the Council adopted the text: ten members voted in favour "
        f"and five abstained. {rule}"
    )
    (vote,) = extract(text)
    assert vote.outcome is not None
    assert (vote.outcome.value, vote.vetoed_by, vote.yes) == ("adopted", (), 10)


def test_a_numbered_resolution_was_adopted() -> None:
    text = "date 2012-12-30\n\nFor resolution 2063 (Sudan), on 31 July, Azerbaijan abstained."
    assert [(v.resolution, v.outcome and v.outcome.value) for v in extract(text)] == [
        (2063, "adopted")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "On 31 July resolution 2063 was not adopted unanimously: Azerbaijan abstained.",
        "On 31 July the Council passed a text on the region, though not unanimously: "
        "Azerbaijan abstained.",
    ],
)
def test_not_adopted_unanimously_is_adopted(sentence: str) -> None:
    (vote,) = extract(f"date 2012-12-30\n\n{sentence}")
    assert vote.outcome is not None
    assert vote.outcome.value == "adopted"
    assert vote.yes is None  # not unanimous, and no count given


def test_a_non_unanimous_vote_is_no_unanimity() -> None:
    text = "date 2012-12-30\n\nOn 31 July the Council adopted a text, a non-unanimous vote."
    assert [v.yes for v in extract(text)] == [None]


def test_a_list_that_voted_is_voters_not_authors() -> None:
    text = (
        "date 2018-04-11\n\nOn Tuesday the Security Council failed to adopt a Russian-drafted "
        "text.\n\nFive countries - Bolivia, China, Ethiopia, Kazakhstan, Russia - voted in "
        "favour, failing to pass the threshold of nine. Four members - Britain, France, the "
        "United States and Poland - voted against it and six others abstained."
    )
    (vote,) = extract(text)
    assert (vote.sponsor, vote.yes, vote.no, vote.abstain) == ("RUS", 5, 4, 6)
    assert vote.outcome is not None
    assert vote.outcome.value == "failed"


def test_a_list_that_tabled_a_text_is_still_its_authors() -> None:
    text = (
        "date 2018-04-11\n\nOn Tuesday Bolivia and Russia put forward a draft that failed, 5-4-6."
    )
    assert [v.sponsor for v in extract(text)] == [None]  # two authors: no single sponsor
    text = "date 2018-04-11\n\nOn Tuesday Russia put forward a draft that failed, 5-4-6."
    assert [v.sponsor for v in extract(text)] == ["RUS"]
