"""Reading vote reports: one small example per phenomenon (issue "Reading vote reports")."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from unsc._cli import main
from unsc._cli.extract import render_vote
from unsc._engine import Kind, Outcome
from unsc._extract import ExtractedVote, ExtractWarning, extract
from unsc._extract._dates import find_dates, parse_dateline
from unsc._extract._lexicon import lexicon
from unsc._extract._text import clauses, drop_quotations, normalise, sentences

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seeds" / "000_7eccf3441f495112.txt"

FOUNDING_STORY = """date 2017-10-26 AP, UNITED NATIONS

Russia on Tuesday vetoed a US-sponsored resolution that would extend the work of inspectors \
seeking to determine who is responsible for chemical weapons attacks in Syria, accusing the US \
of calling the vote \u201cto show up and dishonor Russia.\u201d

Russian Ambassador to the UN Vassily Nebenzia tried unsuccessfully to postpone the vote until \
next month \u2014 after the joint body comprising investigators from the UN and the chemical \
weapons watchdog issues a report today on blame for the April 4 chemical attack in Khan \
Sheikhoun that killed more than 90 people.

Russia\u2019s call for a delay needed nine \u201cyes\u201d votes in the Security Council, but \
got only four \u2014 Russia, China, Bolivia and Kazakhstan \u2014 and it was opposed by eight \
members with three abstentions.

The US-backed resolution was then put to a vote and received 11 \u201cyes\u201d votes, two \
\u201cno\u201d votes from Russia and Bolivia, and two abstentions by China and Kazakhstan.

Nebenzia sharply criticized US Ambassador to the UN Nikki Haley, saying she pressed for \
Tuesday\u2019s vote before the JIM report knowing that Russia would veto and accused her of \
breaking the unity of the UN Security Council, which is important to most members.

\u201cDon\u2019t try to create the impression that the JIM will be a dead letter unless we adopt \
this resolution today,\u201d Nebenzia said before the vote.
"""

MOTION = {
    "date": "2017-10-24",
    "body": "security_council",
    "kind": "procedural_motion",
    "draft": None,
    "resolution": None,
    "procedural": True,
    "yes": 4,
    "no": 8,
    "abstain": 3,
    "not_voting": 0,
    "members_yes": ["BOL", "CHN", "KAZ", "RUS"],
    "members_no": [],
    "members_abstain": [],
    "members_not_voting": [],
    "members_inferred": [],
    "sponsor": "RUS",
    "outcome": "failed",
    "vetoed_by": [],
    "warnings": [],
    "confidence": 1.0,
}


def one(text: str, **kwargs: object) -> ExtractedVote:
    votes = extract(text, **kwargs)  # type: ignore[arg-type]
    assert len(votes) == 1, [v.to_dict() for v in votes]
    return votes[0]


def by_kind(votes: tuple[ExtractedVote, ...], kind: Kind) -> ExtractedVote:
    found = [v for v in votes if v.kind is kind]
    assert len(found) == 1, [v.to_dict() for v in votes]
    return found[0]


# --- the founding story -------------------------------------------------------------------


def test_founding_story_gives_exactly_its_two_votes() -> None:
    votes = extract(FOUNDING_STORY)
    assert len(votes) == 2
    motion = by_kind(votes, Kind.PROCEDURAL_MOTION).to_dict()
    del motion["question"]
    assert motion == MOTION
    draft = by_kind(votes, Kind.DRAFT_RESOLUTION)
    assert draft.date == dt.date(2017, 10, 24)
    assert (draft.yes, draft.no, draft.abstain, draft.not_voting) == (11, 2, 2, 0)
    assert draft.members_no == ("BOL", "RUS")
    assert draft.members_abstain == ("CHN", "KAZ")
    assert draft.members_yes == ()
    assert draft.members_inferred == (
        "EGY", "ETH", "FRA", "GBR", "ITA", "JPN", "SEN", "SWE", "UKR", "URY", "USA",
    )  # fmt: skip
    assert draft.sponsor == "USA"
    assert draft.outcome is Outcome.VETOED
    assert draft.vetoed_by == ("RUS",)
    assert draft.procedural is False
    assert draft.warnings == ()


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not present")
def test_founding_story_seed_file() -> None:
    votes = extract(SEED.read_text(encoding="utf-8"))
    assert sorted(v.kind.value for v in votes) == ["draft_resolution", "procedural_motion"]
    assert {v.date for v in votes} == {dt.date(2017, 10, 24)}


# --- counts in digits, words and dashes --------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Security Council on 9 June 2010 adopted resolution 1929 by 12 votes in favour to 2 "
        "against, with 1 abstention.",
        "The Security Council on 9 June 2010 adopted resolution 1929 by a vote of 12-2-1.",
        "The Security Council on 9 June 2010 adopted resolution 1929 by twelve votes to two, "
        "with one abstention.",
        "The Security Council on 9 June 2010 adopted resolution 1929 12\u20132\u20131.",
    ],
)
def test_counts_in_digits_words_and_dashes(sentence: str) -> None:
    v = one(sentence)
    assert (v.yes, v.no, v.abstain, v.not_voting) == (12, 2, 1, 0)
    assert v.resolution == 1929
    assert v.date == dt.date(2010, 6, 9)
    assert v.outcome is Outcome.ADOPTED


def test_required_number_is_not_a_count() -> None:
    v = one(
        "On 4 March 2019 a draft needed nine votes to pass but received only seven, "
        "with four against and four abstentions."
    )
    assert (v.yes, v.no, v.abstain) == (7, 4, 4)
    assert v.outcome is Outcome.FAILED


def test_the_other_n_completes_by_elimination() -> None:
    v = one(
        "date 2011-02-19 NWS, UNITED NATIONS\n\nThe United States on Friday vetoed a draft "
        "condemning Israeli settlements. The other 14 members voted in favour."
    )
    assert (v.yes, v.no, v.abstain, v.not_voting) == (14, 1, 0, 0)
    assert v.members_no == ("USA",)
    assert v.members_yes == ()
    assert len(v.members_inferred) == 14
    assert "USA" not in v.members_inferred
    assert v.vetoed_by == ("USA",)
    assert v.date == dt.date(2011, 2, 18)


def test_unanimous_vote() -> None:
    v = one("On 22 November 1967 the Security Council unanimously adopted resolution 242.")
    assert (v.yes, v.no, v.abstain, v.not_voting) == (15, 0, 0, 0)
    assert len(v.members_inferred) == 15


# --- how members are named -----------------------------------------------------------------


def test_demonyms_and_capitals() -> None:
    v = one(
        "date 2008-07-12 NWS\n\nOn Friday a U.S.-drafted resolution won nine votes. Moscow and "
        "Beijing voted against, as did South Africa, Libya and Vietnam, and the Indonesians "
        "abstained."
    )
    assert set(v.members_no) == {"CHN", "LBY", "RUS", "VNM", "ZAF"}
    assert v.members_abstain == ("IDN",) or v.members_abstain == ()
    assert v.sponsor == "USA"
    assert v.vetoed_by == ("CHN", "RUS")


def test_demonym_plural_and_ambassador() -> None:
    v = one(
        "date 2017-11-18 NWS\n\nOn Thursday the council voted on a Japanese draft. Twelve "
        "members supported it, Nebenzia and the Bolivian envoy said no, and the Chinese abstained."
    )
    assert v.members_no == ("BOL", "RUS")
    assert v.members_abstain == ("CHN",)
    assert v.sponsor == "JPN"
    assert v.outcome is Outcome.VETOED


def test_russia_before_1992_is_the_ussr() -> None:
    v = one("On 23 August 1968 Moscow vetoed a draft condemning the invasion of Czechoslovakia.")
    assert v.vetoed_by == ("SUN",)


def test_ambassador_surname_needs_a_date_it_fits() -> None:
    lex = lexicon()
    assert lex.resolve("Haley", dt.date(2017, 10, 24)) == ("USA", "person")
    assert lex.resolve("Haley", dt.date(2021, 1, 1)) is None
    assert lex.resolve("Nebenzia", dt.date(2024, 1, 1)) == ("RUS", "person")
    assert lex.resolve("Moscow", dt.date(1960, 1, 1)) == ("SUN", "capital")
    assert lex.resolve("Latin America", None) is None


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Tuesday", dt.date(2017, 10, 24)),
        ("yesterday", dt.date(2017, 10, 25)),
        ("today", dt.date(2017, 10, 26)),
        ("last Thursday", dt.date(2017, 10, 19)),
        ("on Oct. 24", dt.date(2017, 10, 24)),
        ("on 24 October 2017", dt.date(2017, 10, 24)),
    ],
)
def test_relative_days_against_the_dateline(phrase: str, expected: dt.date) -> None:
    v = one(f"date 2017-10-26 AP\n\nThe Security Council {phrase} adopted a resolution 15-0.")
    assert v.date == expected


def test_dateline_argument() -> None:
    text = "Russia on Tuesday vetoed a draft that received 11 votes in favour."
    assert one(text, dateline=dt.date(2017, 10, 26)).date == dt.date(2017, 10, 24)
    assert one(text, dateline="2017-10-26").date == dt.date(2017, 10, 24)


def test_vague_history_without_a_day_is_ignored() -> None:
    votes = extract(
        "date 2017-10-26 AP\n\nRussia on Tuesday vetoed a draft on Syria that received 11 votes "
        "in favour. Last year the council unanimously adopted a resolution on the same subject, "
        "and Russia has vetoed nine drafts on Syria since 2011."
    )
    assert len(votes) == 1
    assert votes[0].date == dt.date(2017, 10, 24)


def test_parse_dateline_forms() -> None:
    assert parse_dateline("date 2017-10-26 AP, UNITED NATIONS") == dt.date(2017, 10, 26)
    assert parse_dateline("UNITED NATIONS, Oct. 26, 2017 (AP) -") == dt.date(2017, 10, 26)
    assert parse_dateline("Russia vetoed") is None
    exprs = find_dates("between 2 August and 29 November", None, 1990)
    assert [e.kind for e in exprs] == ["vague", "day"] or all(e.kind for e in exprs)


# --- several votes in a text ---------------------------------------------------------------


def test_several_votes_per_text() -> None:
    votes = extract(
        "On 17 September 1960 the Council voted on a Western draft (S/4523). It was supported by "
        "8 members, opposed by 2 and abstained on by 1; the Soviet Union was one of the two.\n\n"
        "A Soviet text (S/4519) then received only 2 votes in favour, with 7 against and 2 "
        "abstentions."
    )
    assert [(v.draft, v.yes, v.no, v.abstain) for v in votes] == [
        ("S/4523", 8, 2, 1),
        ("S/4519", 2, 7, 2),
    ]
    assert votes[0].outcome is Outcome.VETOED
    assert votes[0].vetoed_by == ("SUN",)
    assert votes[1].outcome is Outcome.FAILED
    assert votes[1].sponsor == "SUN"


# --- what is not a Council vote ------------------------------------------------------------


def test_general_assembly_votes_are_ignored() -> None:
    v = one(
        "On 27 March 2014 the General Assembly adopted a resolution on Ukraine by 100 votes to "
        "11, with 58 abstentions. Twelve days earlier, on 15 March, Russia had vetoed a US draft "
        "in the Security Council that received 13 votes, with China abstaining."
    )
    assert v.date == dt.date(2014, 3, 15)
    assert v.sponsor == "USA"
    assert v.members_abstain == ("CHN",)


def test_other_councils_are_ignored() -> None:
    assert (
        extract(
            "On 5 July 2012 the Human Rights Council voted 41-3 to condemn the violence. "
            "China and Russia voted against."
        )
        == ()
    )


def test_presidential_statements_are_ignored() -> None:
    assert (
        extract(
            "date 2018-02-27 NWS\n\nOn Monday the Security Council adopted a presidential "
            "statement on Yemen, agreed by all 15 members."
        )
        == ()
    )


def test_withdrawn_drafts_are_ignored() -> None:
    votes = extract(
        "date 2017-11-18 NWS\n\nOn Thursday Russia withdrew its draft before the vote. "
        "The US draft then received 11 votes in favour; Russia voted against."
    )
    assert len(votes) == 1
    assert votes[0].sponsor == "USA"


def test_hypothetical_votes_are_ignored() -> None:
    assert (
        extract(
            "date 2017-10-26 AP\n\nThe council is expected to vote on Friday on a French draft, "
            "which Russia has threatened to veto."
        )
        == ()
    )


# --- non-participation, amendments, agenda ------------------------------------------------


def test_non_participation() -> None:
    v = one(
        "On 9 April 1947 the Security Council adopted resolution 22 by 8 votes in favour to none "
        "against, with 2 abstentions (Poland, USSR). The United Kingdom did not participate in "
        "the vote."
    )
    assert (v.yes, v.no, v.abstain, v.not_voting) == (8, 0, 2, 1)
    assert v.members_not_voting == ("GBR",)
    assert v.members_abstain == ("POL", "SUN")
    assert len(v.members_inferred) == 8
    assert v.warnings == ()


def test_absence_counts_as_not_voting() -> None:
    v = one(
        "Sunday 25 June 1950: resolution 82 calls for an end to hostilities. Result: 9-0-1. "
        "Yugoslavia abstained. The USSR was absent."
    )
    assert (v.yes, v.no, v.abstain, v.not_voting) == (9, 0, 1, 1)
    assert v.members_not_voting == ("SUN",)


def test_amendment() -> None:
    v = one(
        "On 18 October 2023 a Russian amendment to the Brazilian draft drew 7 votes in favour, "
        "1 against (United States) and 7 abstentions."
    )
    assert v.kind is Kind.AMENDMENT
    assert v.sponsor == "RUS"
    assert v.outcome is Outcome.FAILED
    assert v.procedural is False


def test_agenda_vote() -> None:
    v = one(
        "On 15 September 2006 the Council voted 10 to 4, with 1 abstention, to adopt the agenda "
        "and hold a meeting on Myanmar. China and Russia voted against."
    )
    assert v.kind is Kind.AGENDA_ADOPTION
    assert v.procedural is True
    assert v.outcome is Outcome.ADOPTED
    assert v.vetoed_by == ()


def test_uniting_for_peace_call_is_procedural() -> None:
    v = one(
        "On 27 February 2022 the Council adopted resolution 2623, calling an emergency special "
        "session of the General Assembly: 11 yes, Russia no, 3 abstentions."
    )
    assert v.procedural is True
    assert v.outcome is Outcome.ADOPTED
    assert v.vetoed_by == ()


# --- checks --------------------------------------------------------------------------------


def test_arithmetic_slip_is_a_warning() -> None:
    v = one("On 9 April 1966 the resolution passed by 7 votes to 0 with five abstentions.")
    assert v.not_voting is None
    assert ExtractWarning.COUNTS_DO_NOT_ADD_UP.value in v.warnings


def test_member_not_on_council_is_a_warning() -> None:
    v = one(
        "On 12 April 2017 a draft got 10 votes in favour. Russia and Bolivia voted no; China, "
        "Ethiopia and Kazakhstan abstained, and Germany voted in favour."
    )
    assert ExtractWarning.MEMBER_NOT_ON_COUNCIL.value in v.warnings
    assert "DEU" in v.members_yes


def test_count_contradicting_names_is_a_warning() -> None:
    v = one(
        "On 24 October 2017 a draft received 11 votes in favour, 1 against (Russia, Bolivia) and "
        "3 abstentions."
    )
    assert ExtractWarning.COUNT_CONTRADICTS_NAMES.value in v.warnings


def test_veto_of_a_draft_without_the_votes_is_a_warning() -> None:
    v = one(
        "On 14 April 2018 Russia vetoed a draft that received only 4 votes in favour, with 8 "
        "against and 3 abstentions."
    )
    assert v.outcome is Outcome.VETOED
    assert ExtractWarning.OUTCOME_CONTRADICTS_RULES.value in v.warnings


def test_failed_for_a_permanent_no_is_a_veto() -> None:
    v = one(
        "On 24 May 1948 the draft got 9 votes in favour and 2 against, and failed because the "
        "Soviet Union voted against."
    )
    assert v.outcome is Outcome.VETOED
    assert v.vetoed_by == ("SUN",)
    assert v.warnings == ()


def test_warning_messages() -> None:
    assert all(w.message for w in ExtractWarning)


# --- text preparation ---------------------------------------------------------------------


def test_text_helpers() -> None:
    assert normalise("11\u20132\u20132 \u201cyes\u201d") == '11-2-2 "yes"'
    assert drop_quotations('He said "we will never accept this text" and left') == (
        "He said QUOTEDSPEECH and left"
    )
    assert drop_quotations('two "no" votes') == "two no votes"
    assert sentences("Mr. Smith voted. The U.S. text failed. It was over.") == [
        "Mr. Smith voted.",
        "The U.S. text failed.",
        "It was over.",
    ]
    parts = clauses("Russia vetoed the text, after first failing to delay the vote.", 0, 0)
    assert [c.connective for c in parts] == ["", "after"]


# --- command line --------------------------------------------------------------------------


def test_cli_json(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(FOUNDING_STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(story), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["file"] for d in data] == ["story.txt"]
    records = data[0]["records"]
    assert len(records) == 2
    motion = next(r for r in records if r["kind"] == "procedural_motion")
    del motion["question"]
    assert motion == MOTION


def test_cli_text(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(FOUNDING_STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(story), str(story)])
    assert result.exit_code == 0
    assert result.output.count(": 2 votes") == 2
    assert "vetoed by RUS" in result.output
    assert "by elimination: EGY, ETH" in result.output


def test_cli_unreadable_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert result.output.startswith("unsc: error: cannot read ")
    assert result.output.count("\n") == 1


def test_render_vote_without_date() -> None:
    v = one("Russia vetoed a US draft that received 11 votes in favour.")
    assert v.date is None
    assert render_vote(v).startswith("date unknown  draft_resolution")


# --- phrasings of real reports (issue 12; examples written for these tests) ---------------


def test_a_statement_of_the_voting_rule_is_no_vote() -> None:
    text = (
        "date 2021-03-05 UNITED NATIONS\n\n"
        "China vetoed the draft on Thursday; the other 14 members voted in favour. To pass, "
        "a resolution needs nine votes and no veto from China, France, Russia, the United "
        "Kingdom or the United States.\n"
    )
    vote = one(text)
    assert vote.vetoed_by == ("CHN",)
    assert vote.members_no == ("CHN",)
    assert (vote.yes, vote.no) == (14, 1)
    rule_only = "Any draft must get nine votes in favour and no veto by a permanent member."
    assert extract(rule_only) == ()


def test_members_of_the_unsc_are_counted() -> None:
    vote = one("On 2 May 2019 twelve UNSC members voted in favour, while Russia, China and "
               "Kuwait abstained. The resolution was adopted.")  # fmt: skip
    assert (vote.yes, vote.abstain) == (12, 3)
    assert vote.members_abstain == ("CHN", "KWT", "RUS")


def test_a_modal_in_a_relative_clause_governs_only_that_clause() -> None:
    vote = one(
        "On 9 June 2016 the Council voted on a text that would have renewed the panel, but it "
        "failed with four votes in favour, one against and ten abstentions."
    )
    assert vote.outcome is Outcome.FAILED
    assert (vote.yes, vote.no, vote.abstain) == (4, 1, 10)
    assert extract("If it came to a vote, France would veto the text.") == ()


def test_resolution_references_and_being_opposed() -> None:
    vote = one("UNSCR 1973 passed on 17 March 2011 by 10-0, with Brazil, China, Germany, India "
               "and Russia abstaining.")  # fmt: skip
    assert vote.resolution == 1973
    assert (vote.yes, vote.no, vote.abstain) == (10, 0, 5)
    vote = one("The text passed 13-2 on 4 June 1990, with Cuba and Yemen being opposed.")
    assert vote.members_no == ("CUB", "YEM")


def test_an_announced_result_in_quotes_is_read() -> None:
    vote = one(
        'On 2 March 2016 the President said: "The draft has received 15 votes in favour. It has '
        'been adopted unanimously as resolution 2270."'
    )
    assert vote.resolution == 2270
    assert vote.outcome is Outcome.ADOPTED
    # an opinion in quotes is still not read
    assert extract('"We will vote against any draft that fails Syria," said the envoy.') == ()


def test_present_perfect_reports_and_history() -> None:
    vote = one("On 12 May 2020 the Council has adopted resolution 2525 by 15 votes to none.")
    assert vote.resolution == 2525
    assert extract("No such referral has been adopted since 2011.") == ()


def test_by_n_votes_to_one_against_and_a_later_paragraphs_date() -> None:
    text = (
        "Resolution 1000, adopted on 5 May 1995, was passed by 13 votes to one against "
        "(Russia) with one abstention (China).\n"
        "Resolution 500, adopted on 28 January 1982, called an emergency special session.\n"
        "The resolution was adopted by 13 votes to none; Poland and the Soviet Union abstained.\n"
    )
    first, second = sorted(extract(text), key=lambda v: v.resolution or 0, reverse=True)
    assert (first.yes, first.no, first.abstain) == (13, 1, 1)
    assert second.resolution == 500
    assert second.date == dt.date(1982, 1, 28)
    assert (second.yes, second.no, second.abstain) == (13, 0, 2)


def test_two_weekdays_are_two_votes_and_purposes_are_not_vetoes() -> None:
    text = (
        "The Council voted on Saturday 12 in favour, France opposed, and Ghana and Japan "
        "abstaining. On Thursday, the United States vetoed a text on the same crisis.\n"
        "The procedure was adopted in November 1950 to circumvent vetoes by the Soviet Union.\n"
    )
    votes = extract(text)
    assert len(votes) == 2, [v.to_dict() for v in votes]
    counted = next(v for v in votes if v.yes is not None)
    assert counted.members_no == ("FRA",)
    assert counted.members_abstain == ("GHA", "JPN")
    vetoed = next(v for v in votes if v.yes is None)
    assert vetoed.vetoed_by == ("USA",)
    assert all("SUN" not in v.vetoed_by for v in votes)


def test_decisions_without_a_vote_verb_one_per_mandate() -> None:
    text = (
        "The Security Council on 29 May 2019 decided to extend until 31 May 2020 the mandate "
        "of the United Nations Assistance Mission in Somalia (UNSOM).\n"
        "The Security Council on 29 May 2019 also extended the mandate of the United Nations "
        "Interim Force in Lebanon (UNIFIL) until 31 August 2020.\n"
        "Negotiators extended their deadline on 29 May 2019.\n"
    )
    votes = extract(text)
    assert len(votes) == 2, [v.to_dict() for v in votes]
    assert all(v.outcome is Outcome.ADOPTED for v in votes)
    assert all(v.date == dt.date(2019, 5, 29) for v in votes)  # "until 31 May 2020" bounds
    assert all(v.yes is None for v in votes)  # no count is invented
    assert all(ExtractWarning.INCOMPLETE_RECORD.value in v.warnings for v in votes)


def test_captions_stamps_and_addresses_are_not_text() -> None:
    text = (
        "date 2019-09-20 UNITED NATIONS\n\n"
        "Wire) 10:15, September 20, 2019\n"
        "Photo taken on May 3, 2018 shows the Council chamber. (Wire/Staff Photographer)\n"
        "https://example.org/2018/05/03/council-vote-15-0-0\n"
        "The draft on Syria was vetoed by permanent member China on Thursday.\n"
    )
    vote = one(text)
    assert vote.date == dt.date(2019, 9, 19)
    assert vote.vetoed_by == ("CHN",)
    assert vote.yes is None


def test_the_remaining_members_of_the_security_council_and_appositive_backing() -> None:
    text = (
        "date 2020-07-08 UNITED NATIONS\n\n"
        "China, backed by Russia, on Tuesday cast its second Security Council veto of the year "
        "on the aid draft. China and Russia voted against the text. The remaining 13 members of "
        "the Security Council voted in favour.\n"
    )
    vote = one(text)
    assert vote.date == dt.date(2020, 7, 7)
    assert (vote.yes, vote.no, vote.abstain) == (13, 2, 0)
    assert vote.vetoed_by == ("CHN", "RUS")
    assert vote.members_yes == ()


def test_the_rest_of_an_iso_dateline_line_is_the_story() -> None:
    vote = one(
        "date 2024-03-23 China and Russia on Friday vetoed a US draft on Gaza. Eleven of the "
        "fifteen members of the Security Council voted for the draft; Algeria voted against and "
        "Guyana abstained.\n"
    )
    assert vote.date == dt.date(2024, 3, 22)
    assert vote.vetoed_by == ("CHN", "RUS")
    assert (vote.yes, vote.no, vote.abstain) == (11, 3, 1)


def test_its_resolution_is_a_reference() -> None:
    vote = one(
        "The Security Council on 16 March 2021 decided to extend until 17 March 2022 the "
        "mandate of the United Nations Assistance Mission in Afghanistan (UNAMA), as defined in "
        "its resolution 2543 (2020)."
    )
    assert vote.resolution is None
    assert vote.outcome is Outcome.ADOPTED


def test_index_pages_sizes_subgroups_and_vetoers_as_sponsors() -> None:
    index = (
        "The Security Council on 30 May 2018 extended the mandate of the United Nations "
        "Mission in Liberia (UNMIL).\n"
        "Seeking to curb piracy, the Security Council on 30 May 2018 unanimously adopted a "
        "resolution on maritime security.\n"
    )
    votes = extract(index)
    assert len(votes) == 2, [v.to_dict() for v in votes]
    assert sorted(v.yes or 0 for v in votes) == [0, 15]
    story = (
        "date 2023-06-03 China vetoes draft UN resolution\n\n"
        "Twelve members voted in favour on Friday, while China voted against. The other two "
        "members - Brazil and Ghana - voted in favour too. Three countries in the body with a "
        "total of 15 members abstained.\n"
    )
    vote = one(story)
    assert vote.sponsor is None  # China vetoed the draft; it did not write it
    assert vote.yes == 12  # not the "other two" named among them
    assert vote.abstain != 15  # the body's size is not a count
    assert vote.vetoed_by == ("CHN",)


def test_a_labelled_tally_with_names_in_brackets() -> None:
    vote = one("On 8 December 2023 the United States vetoed the draft.\n\nIn Favour: 13\n"
               "Against: 1 (US)\nAbstain: 1 (UK)\n")  # fmt: skip
    assert (vote.yes, vote.no, vote.abstain) == (13, 1, 1)
    assert vote.members_abstain == ("GBR",)


def test_a_coordinated_clause_ends_the_joined_by_list() -> None:
    vote = one(
        "On 3 March 2010 a draft on Lebanon got nine votes in the Security Council. Russia "
        "and China voted against, joined by Turkey, and Brazil, Nigeria and Gabon abstained."
    )
    assert set(vote.members_no) == {"RUS", "CHN", "TUR"}
    assert set(vote.members_abstain) == {"BRA", "NGA", "GAB"}
    assert (vote.yes, vote.no, vote.abstain) == (9, 3, 3)


def test_plural_demonyms_are_read_from_the_adjectives() -> None:
    vote = one(
        "On 12 May 2021 a draft got ten votes in the Security Council, but the Kenyans and "
        "the Indians voted against, and the Chinese and the Estonians abstained."
    )
    assert set(vote.members_no) == {"KEN", "IND"}
    assert set(vote.members_abstain) == {"CHN", "EST"}


def test_all_members_except_a_list_give_a_count() -> None:
    vote = one(
        "All members, except the United States, vote on 9 May 2011 in favour of the draft. "
        "The draft is vetoed by the United States."
    )
    assert (vote.yes, vote.no, vote.abstain) == (14, 1, 0)
    assert vote.vetoed_by == ("USA",)
    assert vote.members_yes == ()  # the excepted member is not a yes vote
    vote = one("On 9 May 2011 everyone but Russia and China backed the draft, which failed.")
    assert vote.yes == 13
    assert "CHN" not in vote.members_yes
    # the others' positions are not stated: no count is invented for them
    assert (vote.no, vote.abstain) == (None, None)


def test_the_members_named_fix_the_order_of_a_bare_two_number_tally() -> None:
    text = "On 4 June 2012 the Council turned down the motion in a {} vote, with {} abstentions. {}"
    vote = one(text.format("4-2", 9, "Pakistan and India voted in favour."))
    assert (vote.yes, vote.no, vote.abstain) == (2, 4, 9)
    # the names do not fix it (three named, as the first number): read as written
    vote = one(text.format("3-2", 10, "Pakistan, India and Togo voted in favour."))
    assert (vote.yes, vote.no) == (3, 2)
    # a swap that would change the outcome is never made
    vote = one("On 4 June 2012 the Council adopted the text 13-2. Pakistan and India voted for it.")
    assert (vote.yes, vote.no) == (13, 2)


def test_voted_to_adopt_is_an_adoption_and_the_new_resolution_is_the_same_one() -> None:
    vote = one(
        "On 9 June 2010 Chile and Peru voted against the draft on sanctions. The Security "
        "Council voted to adopt the new resolution on sanctions."
    )
    assert vote.outcome == Outcome.ADOPTED
    assert set(vote.members_no) == {"CHL", "PER"}
    assert "incomplete_record" in vote.warnings  # no count: nothing invented
    assert not extract("The Council will vote on 9 June 2010 to adopt the resolution.")


def test_without_a_single_negative_vote_is_a_count_of_zero() -> None:
    vote = one("On 15 November 2013 the draft got six votes and failed without any negative votes.")
    assert (vote.yes, vote.no) == (6, 0)
    vote = one(
        "On 15 November 2013 six members voted yes. The other nine abstained. The draft "
        "failed without a single negative vote."
    )
    assert (vote.yes, vote.no, vote.abstain) == (6, 0, 9)
    assert not extract("On 15 November 2013 the Council adopted the resolution without a vote.")


def test_members_who_carried_a_draft_did_not_adopt_it() -> None:
    vote = one(
        "On 15 November 2013 Ghana and Togo carried the draft on the Council. Six members "
        "voted yes and nine abstained, so it failed."
    )
    assert vote.outcome == Outcome.FAILED
    assert vote.warnings == ()


def test_adopted_by_a_lone_number_of_votes() -> None:
    vote = one(
        "On 2 May 2016 the Council adopted resolution 2286 by 14 votes, with one abstention."
    )
    assert (vote.yes, vote.no, vote.abstain) == (14, 0, 1)
    vote = one("Resolution 2286 was adopted on 2 May 2016 by a vote of 12 and three abstentions.")
    assert vote.yes == 12
    vote = one(
        "On 2 May 2016 the Council adopted resolution 2286 by 12 votes to 2, with one abstention."
    )
    assert (vote.yes, vote.no, vote.abstain) == (12, 2, 1)


def test_the_same_vote_on_another_question_copies_the_tally() -> None:
    votes = extract(
        "On 3 March 2014 the vote on the motion to adjourn was 10 in favour, Chad opposed, "
        "and Chile, Peru, Togo and Jordan abstaining. That was the same vote as on a draft "
        "resolution on 1 March 2014 about the crossings. But in that case Russia used its "
        "veto and the draft was defeated."
    )
    assert len(votes) == 2, [v.to_dict() for v in votes]
    first, second = sorted(votes, key=lambda v: v.date or dt.date.min)
    assert second.date == dt.date(2014, 3, 3)
    assert first.date == dt.date(2014, 3, 1)
    assert (first.yes, first.abstain) == (second.yes, second.abstain) == (10, 4)
    assert first.outcome == Outcome.VETOED
    assert set(first.members_abstain) == {"CHL", "PER", "TGO", "JOR"}


def test_convening_the_assembly_is_procedural_and_undated_counts_can_decide() -> None:
    vote = one(
        "The Security Council has voted for the General Assembly to hold an emergency session "
        "on the crisis. The vote was 12 in favour, Russia opposed, and China and Gabon abstaining."
    )
    assert vote.procedural
    assert vote.date is None
    # 12 votes pass under every Council's rules, and a procedural vote has no veto
    assert vote.outcome == Outcome.ADOPTED
    vote = one("The draft received eight votes, Russia and China voted against.")
    assert vote.outcome is None  # undated: eight pass an 11-member Council, not a 15-member one


def test_the_rejection_of_two_drafts_is_two_decisions() -> None:
    votes = extract(
        "On 16 November 2017 the Council could not agree on Syria following the defeat of two "
        "drafts, submitted by Russia and Japan, respectively."
    )
    assert len(votes) == 2, [v.to_dict() for v in votes]
    assert [v.sponsor for v in votes] == ["RUS", "JPN"]
    assert {v.outcome for v in votes} == {Outcome.FAILED}
    for vote in votes:
        assert vote.yes is None  # no count is invented
        assert "incomplete_record" in vote.warnings
    votes = extract("On 16 November 2017 the Council saw the adoption of three resolutions.")
    assert len(votes) == 3
    assert {v.sponsor for v in votes} == {None}


def test_a_parenthesis_between_subject_and_verb_and_a_bare_member_no() -> None:
    vote = one(
        "On 25 February 2022 the draft got 11 votes, with Gabon, Kenya and Ghana abstaining. "
        "Russia (holding the presidency that month) vetoed."
    )
    assert vote.vetoed_by == ("RUS",)
    assert (vote.yes, vote.no, vote.abstain) == (11, 1, 3)
    vote = one("On 25 February 2022 the draft was put to a vote: 12 yes, Russia no, 2 abstentions.")
    assert vote.members_no == ("RUS",)
    assert vote.no == 1
    assert not one("On 25 February 2022 the draft failed. Russia no longer hides its aims.").no
