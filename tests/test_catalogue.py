"""The engine's numbered case catalogue (STYLE habits 4-6).

Each ``test_cNN_*`` function is one hard case. Its docstring states the facts,
the date, the tally, the expected outcome, the reading of the Charter we chose
where practice is contested, and the source. Tests compare coded outcomes and
``ReasonCode`` values, never message text.

Per-member ballots list exactly the Council on the date: they are built from
``unsc.council(date).codes`` (everyone "Y" unless named otherwise) and every case
also checks the recorded counts, so a wrong composition in the reference data
fails the case instead of passing silently. Where a source gives only the
counts, the case uses ``adjudicate_tally`` and says so.

Source keys are those of ``../shared/rules.md``. Besides them:

* CR-UNSC: the official texts of resolutions 1-899 with their voting footnotes
  (shared/data/cr-unsc/res_en_gold.csv, from "Resolutions and decisions of the
  Security Council"), cited as "R&D-yyyy".
* DHL-M: the UN Library "Meetings conducted by the Security Council" tables
  (shared/data/dhl-meetings-outcomes).
* SCV: per-member votes 1994-2025 (shared/data/sc-votes-1994-2025), unofficial;
  used only where its tally agrees with DHL-M.
* FD: hand-coded votes on failed drafts (shared/data/failed-drafts-unsc-for-us).

The last part reruns the era-independent rules in the 11-member/7-vote era and
in the 15-member/9-vote era (habit 5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pytest

import unsc
from unsc import (
    Ballot,
    DateOutOfRangeError,
    Decision,
    DuplicateVoteError,
    Kind,
    MissingVoteError,
    NotOnCouncilError,
    Outcome,
    ReasonCode,
    Severity,
    TallyError,
    adjudicate,
    adjudicate_tally,
    build_ballot,
)

RC = ReasonCode


# --------------------------------------------------------------------------
# Helpers: plain functions, no assertion machinery.
# --------------------------------------------------------------------------


def day(iso: str) -> dt.date:
    """Parse an ISO date."""
    return dt.date.fromisoformat(iso)


def ballot(
    iso: str,
    *,
    rest: str = "Y",
    yes: Iterable[str] = (),
    no: Iterable[str] = (),
    abstain: Iterable[str] = (),
    absent: Iterable[str] = (),
    not_participating: Iterable[str] = (),
    kind: Kind = Kind.DRAFT_RESOLUTION,
    procedural: bool | None = None,
    parties: Iterable[str] = (),
) -> Ballot:
    """Build the ballot of the whole Council on ``iso``.

    Members named in a group take that position; every other member of the
    Council on that date takes ``rest``. A member named twice, or a code that
    did not sit on that date, is an error in the catalogue itself.
    """
    date = day(iso)
    sitting = unsc.council(date).codes
    named: dict[str, str] = {}
    groups = (
        ("Y", yes),
        ("N", no),
        ("A", abstain),
        ("absent", absent),
        ("not_participating", not_participating),
    )
    for position, codes in groups:
        for code in codes:
            if code in named:
                raise ValueError(f"catalogue error: {code} named twice for {iso}")
            named[code] = position
    strangers = sorted(set(named) - set(sitting))
    if strangers:
        raise ValueError(f"catalogue error: {strangers} did not sit on the Council on {iso}")
    votes = {code: named.get(code, rest) for code in sitting}
    return build_ballot(date, votes, kind=kind, procedural=procedural, parties=tuple(parties))


def counts(decision: Decision) -> tuple[int | None, int | None, int | None, int | None]:
    """(yes, no, abstain, not voting) as the engine counted them."""
    return decision.yes, decision.no, decision.abstain, decision.not_voting


def members(decision: Decision, code: ReasonCode) -> tuple[str, ...]:
    """The members named by the reason ``code`` (empty when the reason is absent)."""
    for reason in decision.reasons:
        if reason.code is code:
            return reason.members
    return ()


def warning_codes(decision: Decision) -> set[ReasonCode]:
    """Codes of the reasons of warning severity."""
    return {r.code for r in decision.warnings}


# --------------------------------------------------------------------------
# The founding story: 24 October 2017
# --------------------------------------------------------------------------


def test_c01_founding_story_postponement_motion() -> None:
    """C01. 24 Oct 2017: Russia's motion to adjourn the JIM vote to 7 Nov fails 4-8-3.

    Facts: at the outset of the 8073rd meeting the Russian Federation moved,
    under PRoP rule 33(3), to adjourn the meeting to 7 November, when the JIM
    report would be available. Tally 4 in favour, 8 against, 3 abstentions.
    Expected: FAILED for lack of votes (4 < 9); procedural, so no veto question
    arises; nothing to say about permanent members.
    Reading: motions under rule 33 are procedural (Art. 27(2)); nine votes of
    any members are needed and a majority of those voting is not enough.
    Tally form: no source read here names who voted how, so the counts are used.
    Source: UN News 24 Oct 2017 ("four votes in favour ... to eight opposed,
    with three abstentions"); SCP ch. 5 s. 11; rules.md 2.7.
    """
    d = adjudicate_tally(day("2017-10-24"), 4, 8, 3, procedural=True, kind=Kind.PROCEDURAL_MOTION)
    assert d.outcome is Outcome.FAILED
    assert d.procedural is True
    assert d.required == 9
    assert d.vetoed_by == ()
    assert d.codes[0] is RC.LACK_OF_VOTES
    assert RC.PERMANENT_NO_WITHOUT_MAJORITY not in d.codes
    assert RC.NEGATIVE_VOTE_PERMANENT_MEMBER not in d.codes
    assert counts(d) == (4, 8, 3, 0)
    # the kind alone makes the motion procedural
    d_default = adjudicate_tally(day("2017-10-24"), 4, 8, 3, kind=Kind.PROCEDURAL_MOTION)
    assert d_default.procedural is True
    assert d_default.outcome is Outcome.FAILED


def test_c02_founding_story_jim_draft_vetoed() -> None:
    """C02. 24 Oct 2017: US draft S/2017/884 renewing the JIM, 11-2-2, vetoed by Russia.

    Facts: yes Egypt, Ethiopia, France, Italy, Japan, Senegal, Sweden, Ukraine,
    UK, US, Uruguay; no Bolivia, Russian Federation; abstain China, Kazakhstan.
    President: France (Delattre).
    Expected: VETOED, vetoed_by ("RUS",): 11 >= 9 but a permanent member voted
    no on a non-procedural question. Bolivia's no is no veto; China's
    abstention is noted, not a veto. The tally form gives the same verdict.
    Reading: Art. 27(3); permanent abstention is not a veto (practice since 1946).
    Source: DHL-M (S/PV.8073, "vetoed by Russian Federation 11-2-2"); SCV
    per-member rows; UN News 24 Oct 2017; TASS 24 Oct 2017 (President Delattre).
    """
    b = ballot("2017-10-24", no=("BOL", "RUS"), abstain=("CHN", "KAZ"))
    d = adjudicate(b)
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("RUS",)
    assert d.codes[0] is RC.NEGATIVE_VOTE_PERMANENT_MEMBER
    assert members(d, RC.NEGATIVE_VOTE_PERMANENT_MEMBER) == ("RUS",)
    assert members(d, RC.PERMANENT_ABSTAINED) == ("CHN",)
    assert counts(d) == (11, 2, 2, 0)
    assert d.president == "FRA"
    t = adjudicate_tally(day("2017-10-24"), 11, 2, 2, permanent_no=("RUS",))
    assert (t.outcome, t.vetoed_by, counts(t)) == (d.outcome, d.vetoed_by, counts(d))


# --------------------------------------------------------------------------
# Failing on both counts: fewer than the required votes AND a permanent no
# --------------------------------------------------------------------------


def test_c03_jim_russian_draft_s2017_968_fails_on_both_counts() -> None:
    """C03. 16 Nov 2017: the Russian JIM draft S/2017/968, 4-7-4, fails for lack of votes.

    Facts: Russia withdrew its draft; Bolivia had it put to the vote (rule 35).
    Yes Bolivia, China, Kazakhstan, Russia; no France, Italy, Sweden, Ukraine,
    UK, US, Uruguay; abstain Egypt, Ethiopia, Japan, Senegal.
    Expected: FAILED with LACK_OF_VOTES first and PERMANENT_NO_WITHOUT_MAJORITY
    naming France, the UK and the US; vetoed_by empty.
    Reading: rules.md 2.3 step 2 - with fewer than nine yes the President
    announces lack of votes whatever the permanent members did; the Library's
    veto list does not count the draft. (SCP calls the text S/2017/933; the
    voted symbol is S/2017/968, rules.md 6.)
    Source: DHL-M (S/PV.8105, "S/2017/968 not adopted 4-7-4"); SCV; TASS 17 Nov 2017.
    """
    b = ballot(
        "2017-11-16",
        rest="A",
        yes=("BOL", "CHN", "KAZ", "RUS"),
        no=("FRA", "ITA", "SWE", "UKR", "GBR", "USA", "URY"),
    )
    d = adjudicate(b)
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert d.codes[0] is RC.LACK_OF_VOTES
    assert set(members(d, RC.PERMANENT_NO_WITHOUT_MAJORITY)) == {"FRA", "GBR", "USA"}
    assert RC.NEGATIVE_VOTE_PERMANENT_MEMBER not in d.codes
    assert counts(d) == (4, 7, 4, 0)


def test_c04_syria_10_apr_2018_us_draft_s2018_321_vetoed() -> None:
    """C04. 10 Apr 2018: US draft S/2018/321 (Douma investigation), 12-2-1, vetoed by Russia.

    Facts: no Bolivia, Russia; abstain China; the other twelve yes.
    Expected: VETOED by ("RUS",); China's abstention noted.
    Reading: Art. 27(3) as practised.
    Source: DHL-M (S/PV.8228, "vetoed by Russian Federation 12-2-1"); SCV.
    """
    d = adjudicate(ballot("2018-04-10", no=("BOL", "RUS"), abstain=("CHN",)))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("RUS",)
    assert members(d, RC.PERMANENT_ABSTAINED) == ("CHN",)
    assert counts(d) == (12, 2, 1, 0)


def test_c05_syria_10_apr_2018_russian_draft_s2018_175_fails_on_both_counts() -> None:
    """C05. 10 Apr 2018: Russian draft S/2018/175, 6-7-2, fails; three permanent members said no.

    Facts: yes Bolivia, China, Equatorial Guinea, Ethiopia, Kazakhstan, Russia;
    no France, Netherlands, Peru, Poland, Sweden, UK, US; abstain Côte d'Ivoire,
    Kuwait.
    Expected: FAILED (6 < 9), LACK_OF_VOTES, PERMANENT_NO_WITHOUT_MAJORITY
    (FRA, GBR, USA), vetoed_by empty - not a "triple veto".
    Reading: rules.md 2.3 step 2; VETO-CSV does not list this draft.
    Source: DHL-M (S/PV.8228, "S/2018/175 not adopted 6-7-2"); SCV (its date
    column has day and month swapped: 2018-10-04).
    """
    b = ballot(
        "2018-04-10",
        yes=("BOL", "CHN", "GNQ", "ETH", "KAZ", "RUS"),
        no=("FRA", "NLD", "PER", "POL", "SWE", "GBR", "USA"),
        abstain=("CIV", "KWT"),
    )
    d = adjudicate(b)
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert d.codes[0] is RC.LACK_OF_VOTES
    assert set(members(d, RC.PERMANENT_NO_WITHOUT_MAJORITY)) == {"FRA", "GBR", "USA"}
    assert counts(d) == (6, 7, 2, 0)


def test_c06_syria_10_apr_2018_russian_draft_s2018_322_fails_on_both_counts() -> None:
    """C06. 10 Apr 2018 (resumed 8228th): Russian draft S/2018/322, 5-4-6, fails.

    Facts: yes Bolivia, China, Ethiopia, Kazakhstan, Russia; no France, Poland,
    UK, US; abstain Côte d'Ivoire, Equatorial Guinea, Kuwait, Netherlands,
    Peru, Sweden.
    Expected: FAILED, LACK_OF_VOTES, PERMANENT_NO_WITHOUT_MAJORITY (FRA, GBR,
    USA), vetoed_by empty.
    Reading: rules.md 2.3 step 2.
    Source: DHL-M (S/PV.8228 Resumption 1, "not adopted 5-4-6"); SCV.
    """
    b = ballot(
        "2018-04-10",
        rest="A",
        yes=("BOL", "CHN", "ETH", "KAZ", "RUS"),
        no=("FRA", "POL", "GBR", "USA"),
    )
    d = adjudicate(b)
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert set(members(d, RC.PERMANENT_NO_WITHOUT_MAJORITY)) == {"FRA", "GBR", "USA"}
    assert counts(d) == (5, 4, 6, 0)


def test_c07_aleppo_8_oct_2016_veto_then_lack_of_votes() -> None:
    """C07. 8 Oct 2016: French draft S/2016/846 vetoed (11-2-2), Russian S/2016/847 fails (4-9-2).

    Facts: S/2016/846 - no Russia, Venezuela; abstain Angola, China; eleven yes.
    S/2016/847 - yes China, Egypt, Russia, Venezuela; no France, Japan, Malaysia,
    New Zealand, Senegal, Spain, Ukraine, UK, US; abstain Angola, Uruguay.
    Expected: the first VETOED by ("RUS",); the second FAILED for lack of votes
    with France, the UK and the US as permanent "no" votes that are no veto.
    Reading: rules.md 2.3 steps 2-3.
    Source: DHL veto list / VETO-CSV (S/2016/846); SCV for both (S/2016/847's
    date column reads 2016-08-10, day and month swapped).
    """
    first = adjudicate(ballot("2016-10-08", no=("RUS", "VEN"), abstain=("AGO", "CHN")))
    assert first.outcome is Outcome.VETOED
    assert first.vetoed_by == ("RUS",)
    assert counts(first) == (11, 2, 2, 0)
    second = adjudicate(
        ballot(
            "2016-10-08",
            rest="N",
            yes=("CHN", "EGY", "RUS", "VEN"),
            abstain=("AGO", "URY"),
        )
    )
    assert second.outcome is Outcome.FAILED
    assert second.vetoed_by == ()
    assert set(members(second, RC.PERMANENT_NO_WITHOUT_MAJORITY)) == {"FRA", "GBR", "USA"}
    assert counts(second) == (4, 9, 2, 0)


def test_c08_greek_question_1947_s404_fails_on_both_counts() -> None:
    """C08. 4 Aug 1947: Soviet draft S/404 (Greek question), 2-9-0, fails in the 11/7 era.

    Facts: yes Poland, USSR; no the nine others, among them China, France, the
    UK and the US.
    Expected: FAILED (2 < 7), LACK_OF_VOTES, PERMANENT_NO_WITHOUT_MAJORITY
    naming CHN, FRA, GBR, USA; vetoed_by empty.
    Reading: rules.md 2.3 step 2 applies with seven as the threshold.
    Source: DHL-M (S/PV.174, "S/404 not adopted 2-9-0"); FD (174th meeting).
    """
    d = adjudicate(ballot("1947-08-04", rest="N", yes=("POL", "SUN")))
    assert d.required == 7
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert set(members(d, RC.PERMANENT_NO_WITHOUT_MAJORITY)) == {"CHN", "FRA", "GBR", "USA"}
    assert counts(d) == (2, 9, 0, 0)


def test_c09_prc_first_negative_vote_s10418_1971() -> None:
    """C09. 5 Dec 1971: Soviet draft S/10418 (India-Pakistan), 2-1-12; China votes no.

    Facts: yes Poland, USSR; no China (the PRC, in its second week on the
    Council); the twelve others abstain.
    Expected: FAILED for lack of votes; China's no is PERMANENT_NO_WITHOUT_MAJORITY,
    not a veto; no China-representation flag (the date is after 22 Nov 1971).
    Reading: rules.md 2.3 step 2.
    Source: DHL-M (S/PV.1607, "S/10418 not adopted 2-1-12"); FD.
    """
    d = adjudicate(ballot("1971-12-05", rest="A", yes=("POL", "SUN"), no=("CHN",)))
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert members(d, RC.PERMANENT_NO_WITHOUT_MAJORITY) == ("CHN",)
    assert RC.CHINA_REPRESENTATION_REVIEW not in d.codes
    assert counts(d) == (2, 1, 12, 0)


def test_c10_bangladesh_s10768_failed_not_vetoed() -> None:
    """C10. 25 Aug 1972: Chinese draft S/10768 (defer Bangladesh's admission), 3-3-9, FAILED.

    Facts: yes China, Guinea, Sudan; no India, USSR, Yugoslavia; nine abstain.
    The DHL meetings table labels it "vetoed by USSR".
    Expected: FAILED with LACK_OF_VOTES and PERMANENT_NO_WITHOUT_MAJORITY
    ("SUN",); vetoed_by empty. With three yes votes it could only fail for lack
    of votes; the Library's own veto list does not count it.
    Reading: rules.md 6 - the DHL label is a labelling error; the engine must
    say "insufficient votes".
    Source: DHL-M (S/PV.1660); FD (per-member); VETO-CSV (absent); rules.md 6.
    """
    b = ballot("1972-08-25", rest="A", yes=("CHN", "GIN", "SDN"), no=("IND", "SUN", "YUG"))
    d = adjudicate(b)
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert d.codes[0] is RC.LACK_OF_VOTES
    assert members(d, RC.PERMANENT_NO_WITHOUT_MAJORITY) == ("SUN",)
    assert counts(d) == (3, 3, 9, 0)


def test_c11_bangladesh_admission_s10771_vetoed_by_china() -> None:
    """C11. 25 Aug 1972: four-Power draft S/10771 recommending Bangladesh, 11-1-3, China vetoes.

    Facts: no China (the PRC's first veto); abstain Guinea, Somalia, Sudan;
    eleven yes, including the USSR, the UK and the US.
    Expected: VETOED by ("CHN",).
    Reading: recommending admission (Art. 4(2)) is non-procedural (rules.md 3.3).
    Source: DHL-M (S/PV.1660, "S/10771 vetoed by China 11-1-3"); FD; VETO-CSV.
    """
    d = adjudicate(ballot("1972-08-25", no=("CHN",), abstain=("GIN", "SOM", "SDN")))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("CHN",)
    assert counts(d) == (11, 1, 3, 0)


# --------------------------------------------------------------------------
# Failing with no negative vote at all ("collective blocking")
# --------------------------------------------------------------------------


def test_c12_south_sudan_arms_embargo_no_negative_vote() -> None:
    """C12. 23 Dec 2016: US draft S/2016/1085 (South Sudan arms embargo), 7-0-8, FAILED.

    Facts: yes France, New Zealand, Spain, Ukraine, UK, US, Uruguay; abstain
    Angola, China, Egypt, Japan, Malaysia, Russia, Senegal, Venezuela.
    Expected: FAILED, LACK_OF_VOTES, no PERMANENT_NO_WITHOUT_MAJORITY (nobody
    voted no), vetoed_by empty; the two permanent abstentions are noted.
    Reading: eight non-yes votes make adoption impossible (rules.md 2.3,
    "collective blocking" (a)); abstention is not a veto.
    Source: DHL-M (S/PV.7850, "S/2016/1085 not adopted 7-0-8"); SCV.
    """
    b = ballot("2016-12-23", rest="A", yes=("FRA", "NZL", "ESP", "UKR", "GBR", "USA", "URY"))
    d = adjudicate(b)
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert d.codes[0] is RC.LACK_OF_VOTES
    assert RC.PERMANENT_NO_WITHOUT_MAJORITY not in d.codes
    assert set(members(d, RC.PERMANENT_ABSTAINED)) == {"CHN", "RUS"}
    assert counts(d) == (7, 0, 8, 0)


def test_c13_nord_stream_no_negative_vote() -> None:
    """C13. 27 Mar 2023: Russian draft S/2023/212 (Nord Stream inquiry), 3-0-12, FAILED.

    Facts: yes Brazil, China, Russia; the twelve others abstain.
    Expected: FAILED, LACK_OF_VOTES, vetoed_by empty; France, the UK and the
    US abstained (noted, not vetoes).
    Reading: rules.md 2.3, collective blocking (a).
    Source: SCV (S/2023/212); rules.md 2.3.
    """
    d = adjudicate(ballot("2023-03-27", rest="A", yes=("BRA", "CHN", "RUS")))
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert RC.PERMANENT_NO_WITHOUT_MAJORITY not in d.codes
    assert set(members(d, RC.PERMANENT_ABSTAINED)) == {"FRA", "GBR", "USA"}
    assert counts(d) == (3, 0, 12, 0)


def test_c14_japan_draft_s3512_1955_one_yes() -> None:
    """C14. 15 Dec 1955: Soviet draft S/3512 (admission of Japan deferred), 1-0-10, FAILED.

    Facts: yes USSR; the ten others abstain.
    Expected: FAILED, LACK_OF_VOTES, vetoed_by empty (11/7 era).
    Reading: rules.md 2.3 step 2.
    Source: DHL-M (S/PV.706, "S/3512 not adopted 1-0-10"); FD.
    """
    d = adjudicate(ballot("1955-12-15", rest="A", yes=("SUN",)))
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert d.codes[0] is RC.LACK_OF_VOTES
    assert counts(d) == (1, 0, 10, 0)


# --------------------------------------------------------------------------
# Absence, abstention and non-participation of permanent members
# --------------------------------------------------------------------------


def test_c15_res82_ussr_absent() -> None:
    """C15. Res 82 (25 Jun 1950, Korea): 9-0-1, Yugoslavia abstains, USSR absent. ADOPTED.

    Facts: yes China (ROC), Cuba, Ecuador, Egypt, France, India, Norway, UK, US;
    abstain Yugoslavia; the USSR absent (its boycott, Jan-Aug 1950).
    Expected: ADOPTED with PERMANENT_ABSENT ("SUN",).
    Reading (contested): absence of a permanent member is not a veto - the
    Council's practice. The USSR called 82-84 void (absence is not concurrence;
    the ROC did not represent China); the engine follows practice and tags the
    outcome practice-based. One web mirror says the USSR "abstained"; the
    official record says absent (rules.md 6).
    Source: R&D-1950, res 82 and footnote 10; rules.md 2.3.
    """
    d = adjudicate(ballot("1950-06-25", abstain=("YUG",), absent=("SUN",)))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PERMANENT_ABSENT) == ("SUN",)
    assert RC.PERMANENT_ABSTAINED not in d.codes
    assert counts(d) == (9, 0, 1, 1)


def test_c16_res83_two_not_participating_one_absent() -> None:
    """C16. Res 83 (27 Jun 1950, Korea): 7-1-0; Egypt and India not participating; USSR absent.

    Facts: yes China, Cuba, Ecuador, France, Norway, UK, US (exactly seven); no
    Yugoslavia; Egypt and India present and not participating; USSR absent.
    Expected: ADOPTED with exactly seven votes; PERMANENT_ABSENT ("SUN",).
    Reading: absence is not a veto (practice, contested - see C15); the
    threshold is seven affirmative votes whatever the number present.
    Source: R&D-1950, res 83 and footnote 12; DHL-M (lumps the three as "2").
    """
    b = ballot("1950-06-27", no=("YUG",), not_participating=("EGY", "IND"), absent=("SUN",))
    d = adjudicate(b)
    assert d.outcome is Outcome.ADOPTED
    assert d.required == 7
    assert members(d, RC.PERMANENT_ABSENT) == ("SUN",)
    assert counts(d) == (7, 1, 0, 3)


def test_c17_res84_exactly_seven_ussr_absent() -> None:
    """C17. Res 84 (7 Jul 1950, unified command in Korea): 7-0-3, USSR absent. ADOPTED.

    Facts: yes China, Cuba, Ecuador, France, Norway, UK, US; abstain Egypt,
    India, Yugoslavia; USSR absent.
    Expected: ADOPTED (7 = 7), PERMANENT_ABSENT ("SUN",), no 1965 warning.
    Reading: as C15.
    Source: R&D-1950, res 84 and footnote 13.
    """
    d = adjudicate(ballot("1950-07-07", abstain=("EGY", "IND", "YUG"), absent=("SUN",)))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PERMANENT_ABSENT) == ("SUN",)
    assert RC.TRANSITION_1965_REVIEW not in d.codes
    assert counts(d) == (7, 0, 3, 1)


def test_c18_res4_ussr_abstention() -> None:
    """C18. Res 4 (29 Apr 1946, Spanish question): 10-0-1, the USSR abstains. ADOPTED.

    Facts: the USSR abstained and put on record that this should not set a
    precedent; it nevertheless became the origin of the practice.
    Expected: ADOPTED with PERMANENT_ABSTAINED ("SUN",).
    Reading: a permanent member's abstention is not a veto (practice since
    1946; ICJ Namibia opinion para. 22).
    Source: R&D-1946, res 4 ("10 votes to none, with 1 abstention (USSR)");
    DHL-M (S/PV.39); rules.md 2.3.
    """
    d = adjudicate(ballot("1946-04-29", abstain=("SUN",)))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PERMANENT_ABSTAINED) == ("SUN",)
    assert counts(d) == (10, 0, 1, 0)


def test_c19_res2334_us_abstention() -> None:
    """C19. Res 2334 (23 Dec 2016, Israeli settlements): 14-0-1, the US abstains. ADOPTED.

    Facts: draft S/2016/1100; the United States abstained, all others yes.
    Expected: ADOPTED with PERMANENT_ABSTAINED ("USA",).
    Reading: abstention is not a veto.
    Source: DHL-M (S/PV.7853, "S/RES/2334 (2016) 14-0-1"); SCV; rules.md 6
    (the draft symbol is S/2016/1100).
    """
    d = adjudicate(ballot("2016-12-23", abstain=("USA",)))
    assert d.outcome is Outcome.ADOPTED
    assert d.codes[0] is RC.REQUIRED_MAJORITY
    assert members(d, RC.PERMANENT_ABSTAINED) == ("USA",)
    assert counts(d) == (14, 0, 1, 0)


def test_c20_res202_four_permanent_abstentions() -> None:
    """C20. Res 202 (6 May 1965, Southern Rhodesia): 7-0-4, four permanent members abstain.

    Facts: abstain France, USSR, UK, US; yes China (ROC) and the six elected
    members - the only permanent concurring vote was China's.
    Expected: ADOPTED (7 = 7); PERMANENT_ABSTAINED names the four; no 1965
    warning (the amendment entered into force on 31 Aug 1965).
    Reading: abstention is not a veto, however many permanent members abstain.
    Source: R&D-1965, res 202; DHL-M (S/PV.1202, 7-0-4).
    """
    d = adjudicate(ballot("1965-05-06", abstain=("FRA", "SUN", "GBR", "USA")))
    assert d.outcome is Outcome.ADOPTED
    assert set(members(d, RC.PERMANENT_ABSTAINED)) == {"FRA", "SUN", "GBR", "USA"}
    assert RC.TRANSITION_1965_REVIEW not in d.codes
    assert counts(d) == (7, 0, 4, 0)


def test_c21_res401_china_and_benin_not_participating() -> None:
    """C21. Res 401 (14 Dec 1976, UNFICYP renewal): 13-0-0; Benin and China not participating.

    Facts: the PRC routinely did not take part in votes on UNDOF/UNFICYP
    renewals in 1971-81.
    Expected: ADOPTED with PERMANENT_NOT_PARTICIPATING ("CHN",).
    Reading: present and not participating is treated like an abstention
    (res 83, 138, 660 and the 1970s China practice).
    Source: R&D-1976, res 401 and footnote 52.
    """
    d = adjudicate(ballot("1976-12-14", not_participating=("BEN", "CHN")))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PERMANENT_NOT_PARTICIPATING) == ("CHN",)
    assert counts(d) == (13, 0, 0, 2)


def test_c22_res408_three_not_participating() -> None:
    """C22. Res 408 (26 May 1977, UNDOF renewal): 12-0-0; Benin, China, Libya not participating.

    Expected: ADOPTED with PERMANENT_NOT_PARTICIPATING ("CHN",); 12 >= 9.
    Reading: as C21.
    Source: R&D-1977, res 408 and footnote 44.
    """
    d = adjudicate(ballot("1977-05-26", not_participating=("BEN", "CHN", "LBY")))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PERMANENT_NOT_PARTICIPATING) == ("CHN",)
    assert counts(d) == (12, 0, 0, 3)


def test_c23_res410_china_not_participating() -> None:
    """C23. Res 410 (15 Jun 1977, UNFICYP renewal): 14-0-0; China not participating.

    Expected: ADOPTED with PERMANENT_NOT_PARTICIPATING ("CHN",).
    Reading: as C21.
    Source: R&D-1977, res 410 and footnote 57.
    """
    d = adjudicate(ballot("1977-06-15", not_participating=("CHN",)))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PERMANENT_NOT_PARTICIPATING) == ("CHN",)
    assert counts(d) == (14, 0, 0, 1)


def test_c24_res481_china_not_participating() -> None:
    """C24. Res 481 (26 Nov 1980, UNDOF renewal): 14-0-0; China not participating.

    Expected: ADOPTED with PERMANENT_NOT_PARTICIPATING ("CHN",).
    Reading: as C21.
    Source: R&D-1980, res 481 and footnote 52.
    """
    d = adjudicate(ballot("1980-11-26", not_participating=("CHN",)))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PERMANENT_NOT_PARTICIPATING) == ("CHN",)
    assert counts(d) == (14, 0, 0, 1)


def test_c25_res660_yemen_not_participating() -> None:
    """C25. Res 660 (2 Aug 1990, Iraq-Kuwait): 14-0-0; Yemen did not participate. ADOPTED.

    Facts: Yemen (the Republic of Yemen since 22 May 1990, continuing the seat)
    did not participate; the fourteen others voted yes.
    Expected: ADOPTED; no reason about permanent members.
    Reading: an elected member's non-participation just lowers the count; some
    sources say Yemen "abstained" - the official record says it did not
    participate (rules.md 6).
    Source: R&D-1990, res 660 ("One member (Yemen) did not participate");
    DHL-M (S/PV.2932).
    """
    d = adjudicate(ballot("1990-08-02", not_participating=("YEM",)))
    assert d.outcome is Outcome.ADOPTED
    for code in (RC.PERMANENT_ABSTAINED, RC.PERMANENT_NOT_PARTICIPATING, RC.PERMANENT_ABSENT):
        assert code not in d.codes
    assert counts(d) == (14, 0, 0, 1)


# --------------------------------------------------------------------------
# Uniting for Peace: procedural, a permanent "no" is no veto
# --------------------------------------------------------------------------


def test_c26_res119_uniting_for_peace_suez() -> None:
    """C26. Res 119 (31 Oct 1956, Suez): 7-2-2, France and the UK against. ADOPTED.

    Facts: yes China, Cuba, Iran, Peru, USSR, US, Yugoslavia; no France, UK;
    abstain Australia, Belgium. The resolution called the first emergency
    special session under GA res 377 A (V).
    Expected: ADOPTED as procedural, with PROCEDURAL_NO_VETO (FRA, GBR). Had
    the same votes been cast on a non-procedural question, it would have been
    VETOED by France and the UK - the classification decides.
    Reading: convening an ESS is procedural "on the vote of any seven members"
    (rules.md 3.1); the record's classification is passed as data.
    Source: R&D-1956, res 119; rules.md 3.2.
    """
    b = ballot("1956-10-31", no=("FRA", "GBR"), abstain=("AUS", "BEL"), procedural=True)
    d = adjudicate(b)
    assert d.outcome is Outcome.ADOPTED
    assert d.procedural is True
    assert d.vetoed_by == ()
    assert set(members(d, RC.PROCEDURAL_NO_VETO)) == {"FRA", "GBR"}
    assert RC.PROCEDURAL_BY_DEFAULT not in d.codes
    assert counts(d) == (7, 2, 2, 0)
    counterfactual = adjudicate(
        ballot("1956-10-31", no=("FRA", "GBR"), abstain=("AUS", "BEL"), procedural=False)
    )
    assert counterfactual.outcome is Outcome.VETOED
    assert set(counterfactual.vetoed_by) == {"FRA", "GBR"}


def test_c27_res120_uniting_for_peace_hungary() -> None:
    """C27. 4 Nov 1956 (Hungary): draft S/3730/Rev.1 vetoed 9-1-0; res 120 adopted 10-1-0.

    Facts: at the same meeting the USSR vetoed the US draft S/3730/Rev.1
    (9-1-0, one member not voting) and then voted alone against res 120, which
    called the second emergency special session.
    Expected: S/3730/Rev.1 VETOED by ("SUN",); res 120 ADOPTED as procedural
    with PROCEDURAL_NO_VETO ("SUN",).
    Reading: as C26. S/3730/Rev.1 uses the tally form: the member who did not
    vote is not identified in the sources read.
    Source: DHL-M (S/PV.754); R&D-1956, res 120 ("10 votes to 1 (USSR)").
    """
    draft = adjudicate_tally(day("1956-11-04"), 9, 1, 0, permanent_no=("SUN",))
    assert draft.outcome is Outcome.VETOED
    assert draft.vetoed_by == ("SUN",)
    assert counts(draft) == (9, 1, 0, 1)
    d = adjudicate(ballot("1956-11-04", no=("SUN",), procedural=True))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PROCEDURAL_NO_VETO) == ("SUN",)
    assert counts(d) == (10, 1, 0, 0)


def test_c28_res157_and_s4523_same_tally_opposite_outcomes() -> None:
    """C28. 17 Sep 1960 (Congo): S/4523 vetoed 8-2-1; res 157 adopted 8-2-1 at the same meeting.

    Facts: res 157 - yes Argentina, Ceylon, China, Ecuador, Italy, Tunisia, UK,
    US; no Poland, USSR; abstain France. It called the fourth emergency special
    session. Earlier the USSR had vetoed the draft S/4523 by the same count.
    Expected: S/4523 VETOED by ("SUN",); res 157 ADOPTED, procedural,
    PROCEDURAL_NO_VETO ("SUN",). Same numbers, opposite outcomes.
    Reading: as C26. S/4523 in tally form (per-member positions not read).
    Source: R&D-1960, res 157 (dated 17 Sep 1960, not 14 Sep as some mirrors
    say); DHL-M (S/PV.906); shared DHL voting excerpt (res 157, USSR N).
    """
    draft = adjudicate_tally(day("1960-09-17"), 8, 2, 1, permanent_no=("SUN",))
    assert draft.outcome is Outcome.VETOED
    assert draft.vetoed_by == ("SUN",)
    d = adjudicate(ballot("1960-09-17", no=("POL", "SUN"), abstain=("FRA",), procedural=True))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PROCEDURAL_NO_VETO) == ("SUN",)
    assert counts(d) == (8, 2, 1, 0)
    assert (draft.yes, draft.no, draft.abstain) == (d.yes, d.no, d.abstain)


def test_c29_res462_and_s13729_afghanistan() -> None:
    """C29. Afghanistan, Jan 1980: S/13729 vetoed 13-2-0 (7 Jan); res 462 adopted 12-2-1 (9 Jan).

    Facts: the USSR vetoed S/13729 at the 2190th meeting; at the resumed
    2190th meeting res 462 (sixth emergency special session) was adopted with
    the GDR and the USSR against and Zambia abstaining.
    Expected: S/13729 VETOED by ("SUN",); res 462 ADOPTED as procedural with
    PROCEDURAL_NO_VETO ("SUN",).
    Reading: as C26. S/13729 in tally form. Dates: VETO-CSV puts the veto on
    9 Jan, DHL-M on 7 Jan (rules.md 6); res 462 is dated 9 Jan 1980.
    Source: DHL-M (S/PV.2190); R&D-1980, res 462.
    """
    draft = adjudicate_tally(day("1980-01-07"), 13, 2, 0, permanent_no=("SUN",))
    assert draft.outcome is Outcome.VETOED
    assert draft.vetoed_by == ("SUN",)
    d = adjudicate(ballot("1980-01-09", no=("DDR", "SUN"), abstain=("ZMB",), procedural=True))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PROCEDURAL_NO_VETO) == ("SUN",)
    assert counts(d) == (12, 2, 1, 0)


def test_c30_res2623_and_s2022_155_ukraine() -> None:
    """C30. Ukraine, Feb 2022: S/2022/155 vetoed 11-1-3 (25 Feb); res 2623 adopted 11-1-3 (27 Feb).

    Facts: on both: no Russia; abstain China, India, UAE; eleven yes. Res 2623
    called the eleventh emergency special session.
    Expected: S/2022/155 VETOED by ("RUS",); res 2623 ADOPTED as procedural,
    PROCEDURAL_NO_VETO ("RUS",).
    Reading: as C26 (PR SC/14809: no veto on this procedural vote).
    Source: SCV (both); DHL veto list (S/2022/155); PR SC/14809.
    """
    draft = adjudicate(ballot("2022-02-25", no=("RUS",), abstain=("CHN", "IND", "ARE")))
    assert draft.outcome is Outcome.VETOED
    assert draft.vetoed_by == ("RUS",)
    d = adjudicate(
        ballot("2022-02-27", no=("RUS",), abstain=("CHN", "IND", "ARE"), procedural=True)
    )
    assert d.outcome is Outcome.ADOPTED
    assert d.vetoed_by == ()
    assert members(d, RC.PROCEDURAL_NO_VETO) == ("RUS",)
    assert counts(d) == counts(draft) == (11, 1, 3, 0)


# --------------------------------------------------------------------------
# Agenda, invitation and briefing votes
# --------------------------------------------------------------------------


def test_c31_syria_human_rights_agenda_2018_fails() -> None:
    """C31. 19 Mar 2018: provisional agenda for a Syria human-rights briefing, 8-4-3, FAILED.

    Facts: Russia objected to the agenda of the 8209th meeting (a briefing by
    High Commissioner Zeid); against Bolivia, China, Kazakhstan, Russia; eight
    in favour; three abstentions.
    Expected: FAILED (8 < 9) although a majority voted yes; PROCEDURAL_NO_VETO
    for China and Russia; no PERMANENT_NO_WITHOUT_MAJORITY (that reason is for
    non-procedural questions).
    Reading: adoption of the agenda is procedural (rules.md 2.2, 3.1).
    Tally form: the no votes are named by the sources; the split of the
    eleven others between yes and abstain is not (the eight letter signatories
    France, Kuwait, Netherlands, Peru, Poland, Sweden, UK, US are presumably the
    yes votes).
    Source: SCP ch. 4 s. 2 (S/PV.8209); Xinhua 19 Mar 2018; Anadolu (Milli
    Gazete) 19 Mar 2018; rules.md 2.2.
    """
    d = adjudicate_tally(
        day("2018-03-19"), 8, 4, 3, permanent_no=("CHN", "RUS"), kind=Kind.AGENDA_ADOPTION
    )
    assert d.procedural is True
    assert d.outcome is Outcome.FAILED
    assert d.vetoed_by == ()
    assert d.codes[0] is RC.LACK_OF_VOTES
    assert set(members(d, RC.PROCEDURAL_NO_VETO)) == {"CHN", "RUS"}
    assert RC.PERMANENT_NO_WITHOUT_MAJORITY not in d.codes


def test_c32_myanmar_agenda_2006_adopted() -> None:
    """C32. 15 Sep 2006: inclusion of "the situation in Myanmar" on the agenda, 10-4-1, ADOPTED.

    Facts: yes Argentina, Denmark, France, Ghana, Greece, Japan, Peru, Slovakia,
    UK, US; no China, Congo, Qatar, Russia; abstain Tanzania. President: Greece
    (Vassilakis).
    Expected: ADOPTED (procedural), PROCEDURAL_NO_VETO (CHN, RUS).
    Reading: inclusion of an item is procedural; "no member has the right to
    veto" (SC/8832). UN News and Reuters name the "Democratic Republic of the
    Congo"; the press release says "Congo" - the Republic of the Congo sat in
    2006 (rules.md 6).
    Source: PR SC/8832; UN News 15 Sep 2006; BBC 15 Sep 2006.
    """
    b = ballot(
        "2006-09-15",
        no=("CHN", "COG", "QAT", "RUS"),
        abstain=("TZA",),
        kind=Kind.AGENDA_ADOPTION,
    )
    d = adjudicate(b)
    assert d.procedural is True
    assert d.outcome is Outcome.ADOPTED
    assert set(members(d, RC.PROCEDURAL_NO_VETO)) == {"CHN", "RUS"}
    assert counts(d) == (10, 4, 1, 0)


def test_c33_zimbabwe_briefing_2005_adopted_with_exactly_nine() -> None:
    """C33. 27 Jul 2005: vote to hear Tibaijuka's briefing on Zimbabwe, 9-5-1, ADOPTED.

    Facts: yes Argentina, Denmark, France, Greece, Japan, Philippines, Romania,
    UK, US; no Algeria, Benin, China, Russia, Tanzania; abstain Brazil.
    Expected: ADOPTED with exactly nine votes; PROCEDURAL_NO_VETO (CHN, RUS).
    Reading: inviting a briefer (rule 39) is procedural; recorded as such, so
    passed as procedural=True with Kind.OTHER.
    Source: BBC 27 Jul 2005 (lists the Philippines among the nine yes);
    Kubatana/New Zimbabwe and ReliefWeb (Brazil abstained); rules.md 6.
    """
    b = ballot(
        "2005-07-27",
        no=("DZA", "BEN", "CHN", "RUS", "TZA"),
        abstain=("BRA",),
        kind=Kind.OTHER,
        procedural=True,
    )
    d = adjudicate(b)
    assert d.outcome is Outcome.ADOPTED
    assert set(members(d, RC.PROCEDURAL_NO_VETO)) == {"CHN", "RUS"}
    assert RC.PROCEDURAL_BY_DEFAULT not in d.codes
    assert counts(d) == (9, 5, 1, 0)


def test_c34_czechoslovak_invitation_1948_procedural() -> None:
    """C34. 17 Mar 1948: invitation of Chile (rule 37) in the Czechoslovak question, 9-2. ADOPTED.

    Facts: against the Ukrainian SSR and the USSR; the nine others in favour.
    Expected: ADOPTED as procedural; PROCEDURAL_NO_VETO ("SUN",).
    Reading: invitations are procedural (rules.md 2.8, 3.1).
    Source: R&D-1948, "La question tchécoslovaque - Décisions" (268th meeting:
    "9 voix contre 2 (RSS d'Ukraine, URSS)").
    """
    d = adjudicate(ballot("1948-03-17", no=("UKR", "SUN"), kind=Kind.OTHER, procedural=True))
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PROCEDURAL_NO_VETO) == ("SUN",)
    assert counts(d) == (9, 2, 0, 0)


def test_c35_res87_invitation_two_permanent_no() -> None:
    """C35. Res 87 (29 Sep 1950): invitation of the PRC, 7-3-1, two permanent no. ADOPTED.

    Facts: no China (ROC), Cuba, US; abstain Egypt; yes Ecuador, France,
    India, Norway, USSR, UK, Yugoslavia (exactly seven).
    Expected: ADOPTED as procedural; PROCEDURAL_NO_VETO names China and the US.
    Reading: an invitation is procedural; the ROC's later attempt to treat the
    vote as substantive was rejected by the Council (507th meeting, 9-1-1) -
    rules.md 2.5.
    Source: R&D-1950, res 87; DHL-M (S/PV.506, 7-3-1).
    """
    b = ballot("1950-09-29", no=("CHN", "CUB", "USA"), abstain=("EGY",), procedural=True)
    d = adjudicate(b)
    assert d.outcome is Outcome.ADOPTED
    assert set(members(d, RC.PROCEDURAL_NO_VETO)) == {"CHN", "USA"}
    assert counts(d) == (7, 3, 1, 0)


# --------------------------------------------------------------------------
# The preliminary question and the double veto
# --------------------------------------------------------------------------

CZECHOSLOVAK_NO = ("UKR", "SUN")
CZECHOSLOVAK_ABSTAIN = ("FRA",)


def test_c36_czechoslovak_preliminary_question_vetoed() -> None:
    """C36. 24 May 1948: is the Chilean sub-committee proposal procedural? 8-2-1, USSR no. VETOED.

    Facts: in favour of treating the question as procedural Argentina,
    Belgium, Canada, China, Colombia, Syria, UK, US; against Ukrainian SSR,
    USSR; abstain France.
    Expected: VETOED by ("SUN",) - the first half of a double veto;
    France's abstention noted.
    Reading: the preliminary question is non-procedural (San Francisco
    Four-Power statement, 1945); the UN Library's veto list records this vote as
    a veto ("preliminary question").
    Source: AJIL-1948 note 14 (names the members); DHL-M (S/PV.303, "vetoed by
    USSR 8-2-1"); rules.md 2.5.
    """
    b = ballot(
        "1948-05-24",
        no=CZECHOSLOVAK_NO,
        abstain=CZECHOSLOVAK_ABSTAIN,
        kind=Kind.PRELIMINARY_QUESTION,
    )
    d = adjudicate(b)
    assert d.procedural is False
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("SUN",)
    assert members(d, RC.PERMANENT_ABSTAINED) == ("FRA",)
    assert counts(d) == (8, 2, 1, 0)


def test_c37_czechoslovak_preliminary_question_claimed_procedural() -> None:
    """C37. The same 24 May 1948 vote, recorded with procedural=True: still VETOED.

    Facts: as C36, but the caller marks the question procedural (a majority
    of the Council thought it was).
    Expected: VETOED by ("SUN",), decision.procedural False, and the reason
    PRELIMINARY_QUESTION_NON_PROCEDURAL - the flag cannot make a preliminary
    question procedural. Same in tally form.
    Reading: rules.md 2.5 (the only route around it is a presidential ruling
    under rule 30, a different question).
    Source: as C36.
    """
    b = ballot(
        "1948-05-24",
        kind=Kind.PRELIMINARY_QUESTION,
        no=CZECHOSLOVAK_NO,
        abstain=CZECHOSLOVAK_ABSTAIN,
        procedural=True,
    )
    d = adjudicate(b)
    assert d.procedural is False
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("SUN",)
    assert RC.PRELIMINARY_QUESTION_NON_PROCEDURAL in d.codes
    t = adjudicate_tally(
        day("1948-05-24"),
        8,
        2,
        1,
        permanent_no=("SUN",),
        procedural=True,
        kind=Kind.PRELIMINARY_QUESTION,
    )
    assert t.outcome is Outcome.VETOED
    assert t.vetoed_by == ("SUN",)
    assert RC.PRELIMINARY_QUESTION_NON_PROCEDURAL in t.codes


def test_c38_czechoslovak_draft_vetoed() -> None:
    """C38. 24 May 1948: the Chilean draft itself (sub-committee of inquiry), 9-2-0. VETOED.

    Facts: against the Ukrainian SSR and the USSR; the nine others (France
    included) in favour - the second half of the double veto.
    Expected: VETOED by ("SUN",).
    Reading (contested): establishing a sub-committee of inquiry was held
    non-procedural here through the preliminary question; the 1959 Laos
    sub-committee was ruled procedural (rules.md 3.1). Passed as a draft
    resolution (non-procedural by kind).
    Source: DHL-M (S/PV.303, "vetoed by USSR 9-2-0"); AJIL-1948.
    """
    d = adjudicate(ballot("1948-05-24", no=("UKR", "SUN")))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("SUN",)
    assert counts(d) == (9, 2, 0, 0)


def test_c39_unclassified_question_defaults_to_veto() -> None:
    """C39. The 17 Mar 1948 invitation (C34) recorded without its classification.

    Facts: the same 9-2 vote as C34, as Kind.OTHER with procedural unknown.
    Expected: the engine's fallback treats it as non-procedural and says so
    (PROCEDURAL_BY_DEFAULT): VETOED by ("SUN",). This is why the catalogue
    always passes the record's classification.
    Reading: rules.md 3.3 - carry `procedural` as data from the record; the
    default errs towards the veto.
    Source: as C34.
    """
    d = adjudicate(ballot("1948-03-17", no=("UKR", "SUN"), kind=Kind.OTHER))
    assert d.procedural is False
    assert RC.PROCEDURAL_BY_DEFAULT in d.codes
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("SUN",)


# --------------------------------------------------------------------------
# Seven and nine: the 1965 transition
# --------------------------------------------------------------------------


def test_c40_res218_1965_transition_review() -> None:
    """C40. Res 218 (23 Nov 1965, Portuguese territories): 7-0-4, ADOPTED with a review warning.

    Facts: abstain France, Netherlands, UK, US; the seven others yes. The
    amendment raising the threshold to nine was in force since 31 Aug 1965,
    but the Council still had eleven members.
    Expected: ADOPTED (seven applied until the enlarged Council), with the
    TRANSITION_1965_REVIEW warning; PERMANENT_ABSTAINED names FRA, GBR, USA.
    Reading (contested/open): rules.md 1.1 - threshold 7 until 31 Dec 1965,
    and any 1965-09..12 vote with 7 or 8 yes flagged for manual review.
    Source: R&D-1965, res 218; DHL-M (S/PV.1268, 7-0-4).
    """
    d = adjudicate(ballot("1965-11-23", abstain=("FRA", "NLD", "GBR", "USA")))
    assert d.required == 7
    assert d.outcome is Outcome.ADOPTED
    assert RC.TRANSITION_1965_REVIEW in warning_codes(d)
    assert set(members(d, RC.PERMANENT_ABSTAINED)) == {"FRA", "GBR", "USA"}
    assert counts(d) == (7, 0, 4, 0)


def test_c41_transition_window_boundaries() -> None:
    """C41. The 1965 review window from both sides, and the switch to nine on 1 Jan 1966.

    Facts: res 215 (5 Nov 1965, India-Pakistan, 9-0-2) has nine votes: no
    review needed. Synthetic 7-0-4 tallies on 30 Aug 1965 (no warning),
    31 Aug 1965 and 31 Dec 1965 (warning); an 8-yes tally in the window is
    flagged too. On 1 Jan 1966 nine are required and 8 yes fail.
    Expected: as stated; the warning has WARNING severity.
    Reading: rules.md 1.1 (flag 7 or 8 yes between 31 Aug and 31 Dec 1965).
    Source: DHL-M (S/PV.1251, res 215 9-0-2); rules.md 1.1; synthetic tallies.
    """
    res215 = adjudicate_tally(day("1965-11-05"), 9, 0, 2)
    assert res215.outcome is Outcome.ADOPTED
    assert RC.TRANSITION_1965_REVIEW not in res215.codes
    before = adjudicate_tally(day("1965-08-30"), 7, 0, 4)
    assert RC.TRANSITION_1965_REVIEW not in before.codes
    for iso in ("1965-08-31", "1965-12-31"):
        inside = adjudicate_tally(day(iso), 7, 0, 4)
        assert inside.outcome is Outcome.ADOPTED
        assert RC.TRANSITION_1965_REVIEW in warning_codes(inside)
    eight = adjudicate_tally(day("1965-10-01"), 8, 0, 3)
    assert RC.TRANSITION_1965_REVIEW in eight.codes
    assert RC.TRANSITION_1965_REVIEW.severity is Severity.WARNING
    enlarged = adjudicate_tally(day("1966-01-01"), 8, 0, 7)
    assert enlarged.required == 9
    assert enlarged.outcome is Outcome.FAILED
    assert RC.TRANSITION_1965_REVIEW not in enlarged.codes


# --------------------------------------------------------------------------
# China's representation, 25 Oct - 22 Nov 1971
# --------------------------------------------------------------------------


def test_c42_china_representation_window() -> None:
    """C42. A vote between A/RES/2758 (25 Oct 1971) and the PRC's first meeting (23 Nov 1971).

    Facts: the Library's meetings table shows no Council vote in the window
    (20 Oct, res 301, then 23 Nov, S/PV.1599), so this case is synthetic: a
    13-0-2 draft on 1 Nov 1971, per member and in tally form.
    Expected: ADOPTED with the CHINA_REPRESENTATION_REVIEW warning: who cast
    China's vote must be checked by hand. The China seat is CHN throughout,
    represented by the PRC from 25 Oct 1971.
    Reading: rules.md 1.4 - one seat, code CHN, represented_by ROC/PRC.
    Source: rules.md 1.4; DHL-M (no meeting between S/PV.1598 and S/PV.1599).
    """
    d = adjudicate(ballot("1971-11-01", abstain=("FRA", "GBR")))
    assert d.outcome is Outcome.ADOPTED
    assert RC.CHINA_REPRESENTATION_REVIEW in warning_codes(d)
    t = adjudicate_tally(day("1971-11-22"), 13, 0, 2)
    assert RC.CHINA_REPRESENTATION_REVIEW in warning_codes(t)
    china = unsc.council(day("1971-11-01")).member("CHN")
    assert china is not None
    assert china.permanent
    assert china.represented_by == "People's Republic of China"


def test_c43_china_representation_boundaries() -> None:
    """C43. The China review window from both sides: res 301 and res 302 are not flagged.

    Facts: res 301 (20 Oct 1971, Namibia) 13-0-2, cast while the ROC held the
    seat; res 302 (24 Nov 1971, Senegal) 14-0-1, after the PRC took its seat.
    Synthetic tallies on 24 Oct 1971 and 23 Nov 1971 (first PRC meeting).
    Expected: ADOPTED, no CHINA_REPRESENTATION_REVIEW on any of these; the
    China seat is represented by the ROC on 24 Oct 1971.
    Reading: rules.md 1.4.
    Source: DHL-M (S/PV.1598, S/PV.1601); permanent.csv (A/RES/2758).
    """
    for iso, yes, abstain in (
        ("1971-10-20", 13, 2),
        ("1971-10-24", 13, 2),
        ("1971-11-23", 13, 2),
        ("1971-11-24", 14, 1),
    ):
        d = adjudicate_tally(day(iso), yes, 0, abstain)
        assert d.outcome is Outcome.ADOPTED
        assert RC.CHINA_REPRESENTATION_REVIEW not in d.codes, iso
    china = unsc.council(day("1971-10-24")).member("CHN")
    assert china is not None
    assert china.represented_by == "Republic of China"


# --------------------------------------------------------------------------
# Art. 27(3) proviso: parties to a dispute
# --------------------------------------------------------------------------


def test_c44_res502_party_voted_chapter_vii() -> None:
    """C44. Res 502 (3 Apr 1982, Falklands): 10-1-4, the UK (a party) votes yes. ADOPTED.

    Facts: no Panama; abstain China, Poland, Spain, USSR; ten yes including
    the UK. President: Zaire.
    Expected: ADOPTED, with or without parties=("GBR",); with it, the
    PARTY_VOTED warning naming GBR. Panama's no is not a veto; the USSR's
    abstention is noted.
    Reading: res 502 determined a breach of the peace (Chapter VII / Art. 40
    territory), so the proviso did not apply and the UK rightly voted; the
    engine does not model the Chapter and only warns - it never infers an
    obligatory abstention (rules.md 2.4).
    Source: R&D-1982, res 502; DHL-M (S/PV.2350, 10-1-4); rules.md 2.4.
    """
    no, abstain = ("PAN",), ("CHN", "POL", "ESP", "SUN")
    plain = adjudicate(ballot("1982-04-03", no=no, abstain=abstain))
    d = adjudicate(ballot("1982-04-03", no=no, abstain=abstain, parties=("GBR",)))
    assert plain.outcome is d.outcome is Outcome.ADOPTED
    assert RC.PARTY_VOTED not in plain.codes
    assert RC.PARTY_VOTED in warning_codes(d)
    assert members(d, RC.PARTY_VOTED) == ("GBR",)
    assert set(members(d, RC.PERMANENT_ABSTAINED)) == {"CHN", "SUN"}
    assert counts(d) == (10, 1, 4, 0)


def test_c45_res22_corfu_party_did_not_vote() -> None:
    """C45. Res 22 (9 Apr 1947, Corfu Channel): 8-0-2, the UK as a party does not vote. ADOPTED.

    Facts: yes Australia, Belgium, Brazil, China, Colombia, France, Syria, US;
    abstain Poland, USSR; the UK, a party to the dispute with Albania, did not
    vote.
    Expected: ADOPTED; PARTY_ABSTAINED ("GBR",), no PARTY_VOTED;
    PERMANENT_NOT_PARTICIPATING ("GBR",) and PERMANENT_ABSTAINED ("SUN",).
    Reading: a recommendation under Chapter VI (refer to the ICJ, Art. 36(3)):
    the proviso applied and was observed; a permanent member's obligatory
    abstention is not a veto.
    Source: R&D-1947, res 22 ("8 votes to none, with 2 abstentions (Poland,
    USSR)"); DHL-M (S/PV.127); rules.md 2.4.
    """
    b = ballot(
        "1947-04-09",
        abstain=("POL", "SUN"),
        not_participating=("GBR",),
        parties=("GBR",),
    )
    d = adjudicate(b)
    assert d.outcome is Outcome.ADOPTED
    assert members(d, RC.PARTY_ABSTAINED) == ("GBR",)
    assert RC.PARTY_VOTED not in d.codes
    assert members(d, RC.PERMANENT_NOT_PARTICIPATING) == ("GBR",)
    assert members(d, RC.PERMANENT_ABSTAINED) == ("SUN",)
    assert counts(d) == (8, 0, 2, 1)


def test_c46_s2022_720_russia_party_vetoed() -> None:
    """C46. 30 Sep 2022: draft S/2022/720 on the "referendums" in Ukraine, 10-1-4, Russia vetoes.

    Facts: no Russia; abstain Brazil, China, Gabon, India; ten yes.
    Expected: VETOED by ("RUS",); with parties=("RUS",) also the PARTY_VOTED
    warning; the outcome is computed from the recorded votes either way.
    Reading: the proviso does not apply to Chapter VII-type texts; the engine
    does not decide that and only warns (rules.md 2.4).
    Source: SCV (S/2022/720); rules.md 2.4.
    """
    no, abstain = ("RUS",), ("BRA", "CHN", "GAB", "IND")
    d = adjudicate(ballot("2022-09-30", no=no, abstain=abstain, parties=("RUS",)))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("RUS",)
    assert members(d, RC.PARTY_VOTED) == ("RUS",)
    assert adjudicate(ballot("2022-09-30", no=no, abstain=abstain)).outcome is Outcome.VETOED
    assert counts(d) == (10, 1, 4, 0)


# --------------------------------------------------------------------------
# Vetoes
# --------------------------------------------------------------------------


def test_c47_first_russian_federation_veto_1993() -> None:
    """C47. 11 May 1993: draft S/25693 (UNFICYP financing), 14-1-0, the first Russian veto.

    Facts: the Russian Federation alone voted no.
    Expected: VETOED by ("RUS",) - the permanent seat continues the USSR's;
    the code is RUS, and SUN is not on the Council.
    Reading: continuity of the permanent seat (letter of 24 Dec 1991).
    Source: DHL-M (S/PV.3211, "vetoed by Russian Federation 14-1-0"); VETO-CSV.
    """
    d = adjudicate(ballot("1993-05-11", no=("RUS",)))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("RUS",)
    assert counts(d) == (14, 1, 0, 0)
    sitting = unsc.council(day("1993-05-11"))
    assert "RUS" in sitting.permanent
    assert "SUN" not in sitting.codes


def test_c48_japan_amendment_1955_vetoed() -> None:
    """C48. 14 Dec 1955: US amendment adding Japan to the admissions draft, 10-1, USSR no. VETOED.

    Facts: ten in favour, the USSR against; the amendment was not carried.
    Expected: VETOED by ("SUN",); an amendment is non-procedural by kind, so
    no PROCEDURAL_BY_DEFAULT note.
    Reading: amendments to substantive drafts are non-procedural (rules.md 2.7).
    Date: FRUS dates the amendment 14 Dec; the separate US draft S/3510 was
    vetoed on 15 Dec (C49).
    Source: FRUS 1955-57 vol. XI doc 219; rules.md 2.7, 6.
    """
    d = adjudicate(ballot("1955-12-14", no=("SUN",), kind=Kind.AMENDMENT))
    assert d.kind is Kind.AMENDMENT
    assert d.procedural is False
    assert RC.PROCEDURAL_BY_DEFAULT not in d.codes
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("SUN",)
    assert counts(d) == (10, 1, 0, 0)


def test_c49_japan_draft_s3510_1955_vetoed() -> None:
    """C49. 15 Dec 1955: US draft S/3510 recommending Japan's admission, 10-1-0, USSR vetoes.

    Facts: the USSR against; Belgium, Brazil, China, France, Iran, New
    Zealand, Peru, Turkey, UK, US in favour.
    Expected: VETOED by ("SUN",).
    Reading: admission is non-procedural (rules.md 3.3).
    Source: DHL-M (S/PV.706, "S/3510 vetoed by USSR 10-1-0"); FD; VETO-CSV.
    """
    d = adjudicate(ballot("1955-12-15", no=("SUN",)))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("SUN",)
    assert counts(d) == (10, 1, 0, 0)


def test_c50_burma_2007_two_permanent_no() -> None:
    """C50. 12 Jan 2007: draft S/2007/14 on Myanmar, 9-3-3, China and Russia vote no.

    Facts: no China, Russia, South Africa; abstain Congo, Indonesia, Qatar;
    nine yes.
    Expected: VETOED, vetoed_by ("CHN", "RUS") - a veto cast twice (the press
    "double veto"), not the procedural double veto of 1948.
    Reading: rules.md 2.3 ("double veto" in the loose sense).
    Source: DHL-M (S/PV.5619, "vetoed by China and Russian Federation 9-3-3");
    USUN cable 07USUNNEWYORK24 (names the members).
    """
    d = adjudicate(ballot("2007-01-12", no=("CHN", "RUS", "ZAF"), abstain=("COG", "IDN", "QAT")))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("CHN", "RUS")
    assert counts(d) == (9, 3, 3, 0)


def test_c51_zimbabwe_sanctions_2008_nine_yes_two_vetoes() -> None:
    """C51. 11 Jul 2008: draft S/2008/447 (Zimbabwe sanctions), 9-5-1: exactly nine, two vetoes.

    Facts: yes Belgium, Burkina Faso, Costa Rica, Croatia, France, Italy,
    Panama, UK, US; no China, Libya, Russia, South Africa, Viet Nam; abstain
    Indonesia.
    Expected: VETOED by ("CHN", "RUS"): the nine votes were there, so the
    negative permanent votes decide (not lack of votes).
    Reading: rules.md 2.3 step 3.
    Source: DHL-M (S/PV.5933, 9-5-1); SCV; FinalCall 22 Jul 2008.
    """
    d = adjudicate(ballot("2008-07-11", no=("CHN", "LBY", "RUS", "ZAF", "VNM"), abstain=("IDN",)))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("CHN", "RUS")
    assert RC.LACK_OF_VOTES not in d.codes
    assert counts(d) == (9, 5, 1, 0)


def test_c52_written_procedure_2020_veto() -> None:
    """C52. Jul 2020: draft S/2020/654 (Syria cross-border aid), written procedure, 13-2-0.

    Facts: votes cast in writing under S/2020/253 (COVID-19); China and Russia
    against, the thirteen others in favour.
    Expected: VETOED by ("CHN", "RUS") - the written procedure changes nothing
    in the count.
    Date: DHL-M and VETO-CSV give 7 Jul 2020; rules.md 2.6 says 8 Jul. Both
    fall in the same Council; 7 Jul is used.
    Source: DHL-M (2020 VTC table); SCV; PR SC/14244; rules.md 2.6.
    """
    d = adjudicate(ballot("2020-07-07", no=("CHN", "RUS")))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("CHN", "RUS")
    assert counts(d) == (13, 2, 0, 0)


# --------------------------------------------------------------------------
# Adoption without a vote
# --------------------------------------------------------------------------


def test_c53_res1_adopted_without_vote() -> None:
    """C53. Res 1 (25 Jan 1946, Military Staff Committee): adopted without vote.

    Facts: the official text's footnote reads "Adopted without vote".
    Expected: ADOPTED, ADOPTED_WITHOUT_VOTE, all counts None (never inferred),
    vetoed_by empty, required still 7.
    Reading: rules.md 2.6 - modality without_vote means adopted, no positions.
    Source: R&D-1946, res 1 and footnote 22; DHL-M (S/PV.2, "without vote").
    """
    d = adjudicate(Ballot(date=day("1946-01-25"), without_vote=True))
    assert d.outcome is Outcome.ADOPTED
    assert d.codes[0] is RC.ADOPTED_WITHOUT_VOTE
    assert counts(d) == (None, None, None, None)
    assert d.vetoed_by == ()
    assert d.required == 7


def test_c54_without_vote_with_votes_rejected() -> None:
    """C54. A ballot marked without_vote that also carries positions is malformed.

    Facts: res 1's ballot with every member marked yes and without_vote=True.
    Expected: BallotError (the root of the ballot errors), naming the date.
    Reading: rules.md 2.6 - never infer a count, never accept both.
    Source: rules.md 2.6.
    """
    full = ballot("1946-01-25")
    bad = Ballot(date=full.date, votes=full.votes, without_vote=True)
    with pytest.raises(unsc.BallotError) as info:
        adjudicate(bad)
    assert info.value.date == day("1946-01-25")


# --------------------------------------------------------------------------
# Invalid ballots, aliases and names
# --------------------------------------------------------------------------


def founding_votes() -> dict[str, str]:
    """The S/2017/884 ballot (C02) as a plain mapping."""
    return dict(ballot("2017-10-24", no=("BOL", "RUS"), abstain=("CHN", "KAZ")).votes)


def test_c55_non_member_named() -> None:
    """C55. A ballot naming a state not on the Council that day: NotOnCouncilError.

    Facts: (a) the C02 ballot with Germany (on the Council 2019-20, not 2017)
    added; (b) res 660's ballot with the USSR written "Russia" (RUS sat only
    from 24 Dec 1991); (c) the 1993 veto ballot with "USSR"; (d) a party that
    is not a member.
    Expected: NotOnCouncilError whose member and date name the bad entry.
    Reading: invitees under Arts 31-32 never vote (rules.md 2.8).
    Source: rules.md 1.4, 2.8.
    """
    votes = founding_votes()
    votes["DEU"] = "Y"
    with pytest.raises(NotOnCouncilError) as info:
        adjudicate(build_ballot(day("2017-10-24"), votes))
    assert (info.value.member, info.value.date) == ("DEU", day("2017-10-24"))
    assert "DEU" in str(info.value)
    assert "2017-10-24" in str(info.value)

    res660 = dict(ballot("1990-08-02", not_participating=("YEM",)).votes)
    res660["Russia"] = res660.pop("SUN")
    with pytest.raises(NotOnCouncilError) as info:
        adjudicate(build_ballot(day("1990-08-02"), res660))
    assert (info.value.member, info.value.date) == ("RUS", day("1990-08-02"))

    veto1993 = dict(ballot("1993-05-11", no=("RUS",)).votes)
    veto1993["USSR"] = veto1993.pop("RUS")
    with pytest.raises(NotOnCouncilError) as info:
        adjudicate(build_ballot(day("1993-05-11"), veto1993))
    assert info.value.member == "SUN"

    with pytest.raises(NotOnCouncilError) as info:
        adjudicate(build_ballot(day("2017-10-24"), founding_votes(), parties=("SYR",)))
    assert info.value.member == "SYR"


def test_c56_member_missing() -> None:
    """C56. A ballot that leaves out a member of the Council: MissingVoteError.

    Facts: the C02 ballot without Kazakhstan; and the res 83 ballot without
    the absent USSR (absence must be recorded, not omitted).
    Expected: MissingVoteError naming KAZ (resp. SUN) and the date.
    Reading: every member of the Council on the date exactly once.
    Source: rules.md 2.1.
    """
    votes = founding_votes()
    del votes["KAZ"]
    with pytest.raises(MissingVoteError) as info:
        adjudicate(build_ballot(day("2017-10-24"), votes))
    assert (info.value.member, info.value.date) == ("KAZ", day("2017-10-24"))

    res83 = ballot("1950-06-27", no=("YUG",), not_participating=("EGY", "IND"), absent=("SUN",))
    without_ussr = {c: p for c, p in res83.votes.items() if c != "SUN"}
    with pytest.raises(MissingVoteError) as info:
        adjudicate(build_ballot(day("1950-06-27"), without_ussr))
    assert info.value.member == "SUN"


def test_c57_duplicate_via_alias() -> None:
    """C57. Zaire named twice, as "ZAR" and "COD", in the res 502 ballot: DuplicateVoteError.

    Facts: ZAR (ISO 3166-3) is an alias of the Library code COD for Zaire; the
    name "Zaire" resolves to the same member.
    Expected: DuplicateVoteError naming COD and the date, for either spelling.
    Reading: a member votes once (Art. 27(1)).
    Source: rules.md 7 (ZAR accepted as an alias of COD).
    """
    votes = dict(ballot("1982-04-03", no=("PAN",), abstain=("CHN", "POL", "ESP", "SUN")).votes)
    for alias in ("ZAR", "Zaire"):
        doubled: dict[str, str] = {alias: "Y", **votes}
        with pytest.raises(DuplicateVoteError) as info:
            build_ballot(day("1982-04-03"), doubled)
        assert (info.value.member, info.value.date) == ("COD", day("1982-04-03"))


def test_c58_aliases_and_names_accepted() -> None:
    """C58. Aliases and names in ballots: HVO, ZAR, official names, "Russia", "USSR".

    Facts: (a) res 502 written with "ZAR" for Zaire, "USSR" for the Soviet
    Union and "United Kingdom"; (b) a ballot of 1 Mar 1984 writing Upper Volta
    as "HVO"; (c) the C02 ballot with "Bolivia (Plurinational State of)" and
    "Russia".
    Expected: each adjudicates exactly as its code-only twin; "Russia" -> RUS,
    "USSR" -> SUN, "HVO" -> BFA, "ZAR" -> COD.
    Reading: seat identity is the UN member, not the label (rules.md 1.4).
    Source: rules.md 1.4, 7; aliases.csv.
    """
    assert unsc.resolve_member("Russia") == "RUS"
    assert unsc.resolve_member("USSR") == "SUN"
    assert unsc.resolve_member("HVO") == "BFA"
    assert unsc.resolve_member("ZAR") == "COD"

    res502 = ballot("1982-04-03", no=("PAN",), abstain=("CHN", "POL", "ESP", "SUN"))
    written = dict(res502.votes)
    written["ZAR"] = written.pop("COD")
    written["USSR"] = written.pop("SUN")
    written["United Kingdom"] = written.pop("GBR")
    d = adjudicate(build_ballot(day("1982-04-03"), written))
    assert (d.outcome, counts(d)) == (Outcome.ADOPTED, (10, 1, 4, 0))
    assert d.votes == res502.votes

    upper_volta = dict(ballot("1984-03-01").votes)
    upper_volta["HVO"] = upper_volta.pop("BFA")
    d = adjudicate(build_ballot(day("1984-03-01"), upper_volta))
    assert d.outcome is Outcome.ADOPTED
    assert "BFA" in d.votes

    jim = founding_votes()
    jim["Bolivia (Plurinational State of)"] = jim.pop("BOL")
    jim["Russia"] = jim.pop("RUS")
    d = adjudicate(build_ballot(day("2017-10-24"), jim))
    assert d.outcome is Outcome.VETOED
    assert d.vetoed_by == ("RUS",)


def test_c59_ussr_russia_boundary() -> None:
    """C59. The permanent seat changes label on 24 Dec 1991: SUN until the 23rd, RUS from the 24th.

    Facts: the Russian Federation's letter of 24 Dec 1991 continued the
    USSR's membership and seat; no vote was held.
    Expected: on 23 Dec 1991 the seat is SUN and a no by SUN vetoes; on 24 Dec
    the same ballot must say RUS, and a veto by RUS is the same seat's veto.
    Reading: rules.md 1.4 (code by date, one seat).
    Source: permanent.csv; rules.md 1.4.
    """
    before = adjudicate(ballot("1991-12-23", no=("SUN",)))
    after = adjudicate(ballot("1991-12-24", no=("RUS",)))
    assert before.vetoed_by == ("SUN",)
    assert after.vetoed_by == ("RUS",)
    assert "RUS" not in unsc.council(day("1991-12-23")).codes
    assert "SUN" not in unsc.council(day("1991-12-24")).codes


def test_c60_tally_validation() -> None:
    """C60. Tallies that cannot belong to the Council on their date: TallyError.

    Facts: on 24 Oct 2017 (15 members) - counts adding to 16; a negative
    count; an elected member (Senegal) given as a permanent no; two permanent
    no votes with only one negative vote; on 25 Jun 1950 (11 members) a
    15-member tally. The USSR named as a permanent no in 2017 (not sitting).
    Expected: TallyError every time.
    Reading: counts must add up to the Council's size on the date (rules.md 5).
    Source: rules.md 1.1, 5.
    """
    oct24 = day("2017-10-24")
    bad_calls: list[Callable[[], Decision]] = [
        lambda: adjudicate_tally(oct24, 4, 8, 4),
        lambda: adjudicate_tally(oct24, -1, 8, 3),
        lambda: adjudicate_tally(oct24, 11, 2, 2, permanent_no=("SEN",)),
        lambda: adjudicate_tally(oct24, 13, 1, 1, permanent_no=("RUS", "CHN")),
        lambda: adjudicate_tally(oct24, 11, 2, 2, permanent_no=("USSR",)),
        lambda: adjudicate_tally(day("1950-06-25"), 11, 2, 2),
    ]
    for call in bad_calls:
        with pytest.raises(TallyError):
            call()


def test_c61_date_out_of_range() -> None:
    """C61. Ballots and tallies dated before the first meeting or after 2027: DateOutOfRangeError.

    Facts: the Council first met on 17 Jan 1946 (S/PV.1); the reference data
    ends on 31 Dec 2027.
    Expected: DateOutOfRangeError on 16 Jan 1946 and 1 Jan 2028; both ends of
    the range work.
    Source: rules.md 1.1; S/PV.1.
    """
    for iso in ("1946-01-16", "2028-01-01"):
        with pytest.raises(DateOutOfRangeError):
            adjudicate_tally(day(iso), 11, 0, 0)
        with pytest.raises(DateOutOfRangeError):
            adjudicate(Ballot(date=day(iso), without_vote=True))
    assert adjudicate_tally(day("1946-01-17"), 11, 0, 0).outcome is Outcome.ADOPTED
    assert adjudicate_tally(day("2027-12-31"), 15, 0, 0).outcome is Outcome.ADOPTED


# --------------------------------------------------------------------------
# Presidents stated by the sources of the cases above
# --------------------------------------------------------------------------

PRESIDENTS = [
    pytest.param("2017-10-24", "FRA", id="2017-10-24 France (Delattre; TASS, C02)"),
    pytest.param("2006-09-15", "GRC", id="2006-09-15 Greece (Vassilakis; BBC, C32)"),
    pytest.param("2018-03-19", "NLD", id="2018-03-19 Netherlands (van Oosterom; Xinhua, C31)"),
    pytest.param("2018-04-10", "PER", id="2018-04-10 Peru (Meza-Cuadra; S/PV.8228, C04)"),
]


@pytest.mark.parametrize(("iso", "president"), PRESIDENTS)
def test_president_in_decisions(iso: str, president: str) -> None:
    """The President a case's source names is the one the decision reports."""
    d = adjudicate_tally(day(iso), 15, 0, 0)
    assert d.president == president


# --------------------------------------------------------------------------
# Rerun the catalogue per era (habit 5)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Era:
    """A rule variant: a date whose Council and threshold the cases use."""

    name: str
    date: dt.date
    size: int
    required: int

    @property
    def council(self) -> unsc.Council:
        """The Council on the era's date."""
        return unsc.council(self.date)


ERAS = [
    pytest.param(Era("11/7", dt.date(1955, 12, 14), 11, 7), id="11 members, 7 votes"),
    pytest.param(Era("15/9", dt.date(2017, 10, 24), 15, 9), id="15 members, 9 votes"),
]


def era_votes(era: Era, *, yes: int, fixed: Mapping[str, str], rest: str = "A") -> dict[str, str]:
    """A ballot for ``era`` with ``fixed`` positions and exactly ``yes`` affirmative votes.

    Members not in ``fixed`` vote yes until the count is reached (permanent
    members first, in Council order), the others take ``rest``.
    """
    sitting = era.council
    order = [c for c in sitting.permanent if c not in fixed]
    order += [c for c in sitting.codes if c not in fixed and c not in sitting.permanent]
    need = yes - sum(1 for p in fixed.values() if p == "Y")
    votes = dict(fixed)
    for i, code in enumerate(order):
        votes[code] = "Y" if i < need else rest
    return votes


@dataclass(frozen=True)
class RuleCase:
    """An era-independent rule: how to build the ballot and what must come out.

    ``yes`` is relative to the era's threshold: ``yes(required, size)``.
    ``position`` is what the permanent member under test does.
    """

    name: str
    position: str
    yes: Callable[[int, int], int]
    outcome: Outcome
    codes: tuple[ReasonCode, ...]
    kind: Kind = Kind.DRAFT_RESOLUTION
    procedural: bool | None = None
    vetoed: bool = False


RULES = [
    pytest.param(
        RuleCase("lack of votes", "Y", lambda r, s: r - 1, Outcome.FAILED, (RC.LACK_OF_VOTES,)),
        id="lack-of-votes",
    ),
    pytest.param(
        RuleCase(
            "lack of votes with a permanent no",
            "N",
            lambda r, s: r - 1,
            Outcome.FAILED,
            (RC.LACK_OF_VOTES, RC.PERMANENT_NO_WITHOUT_MAJORITY),
        ),
        id="lack-of-votes-permanent-no",
    ),
    pytest.param(
        RuleCase(
            "veto",
            "N",
            lambda r, s: s - 1,
            Outcome.VETOED,
            (RC.NEGATIVE_VOTE_PERMANENT_MEMBER,),
            vetoed=True,
        ),
        id="veto",
    ),
    pytest.param(
        RuleCase(
            "veto at the threshold",
            "N",
            lambda r, s: r,
            Outcome.VETOED,
            (RC.NEGATIVE_VOTE_PERMANENT_MEMBER,),
            vetoed=True,
        ),
        id="veto-at-threshold",
    ),
    pytest.param(
        RuleCase(
            "procedural: no veto",
            "N",
            lambda r, s: s - 1,
            Outcome.ADOPTED,
            (RC.REQUIRED_MAJORITY, RC.PROCEDURAL_NO_VETO),
            kind=Kind.PROCEDURAL_MOTION,
        ),
        id="procedural-no-veto",
    ),
    pytest.param(
        RuleCase(
            "procedural at the threshold, permanent no",
            "N",
            lambda r, s: r,
            Outcome.ADOPTED,
            (RC.REQUIRED_MAJORITY, RC.PROCEDURAL_NO_VETO),
            kind=Kind.AGENDA_ADOPTION,
        ),
        id="procedural-threshold",
    ),
    pytest.param(
        RuleCase(
            "abstention is not a veto",
            "A",
            lambda r, s: s - 1,
            Outcome.ADOPTED,
            (RC.REQUIRED_MAJORITY, RC.PERMANENT_ABSTAINED),
        ),
        id="abstention-not-veto",
    ),
    pytest.param(
        RuleCase(
            "absence is not a veto",
            "absent",
            lambda r, s: s - 1,
            Outcome.ADOPTED,
            (RC.REQUIRED_MAJORITY, RC.PERMANENT_ABSENT),
        ),
        id="absence-not-veto",
    ),
    pytest.param(
        RuleCase(
            "non-participation is not a veto",
            "not_participating",
            lambda r, s: r,
            Outcome.ADOPTED,
            (RC.REQUIRED_MAJORITY, RC.PERMANENT_NOT_PARTICIPATING),
        ),
        id="non-participation-not-veto",
    ),
    pytest.param(
        RuleCase(
            "preliminary question is non-procedural",
            "N",
            lambda r, s: s - 1,
            Outcome.VETOED,
            (RC.NEGATIVE_VOTE_PERMANENT_MEMBER, RC.PRELIMINARY_QUESTION_NON_PROCEDURAL),
            kind=Kind.PRELIMINARY_QUESTION,
            procedural=True,
            vetoed=True,
        ),
        id="preliminary-question",
    ),
    pytest.param(
        RuleCase(
            "exactly the threshold",
            "Y",
            lambda r, s: r,
            Outcome.ADOPTED,
            (RC.REQUIRED_MAJORITY,),
        ),
        id="threshold-exact",
    ),
]


NAMING = {
    RC.NEGATIVE_VOTE_PERMANENT_MEMBER,
    RC.PERMANENT_NO_WITHOUT_MAJORITY,
    RC.PROCEDURAL_NO_VETO,
    RC.PERMANENT_ABSTAINED,
    RC.PERMANENT_ABSENT,
    RC.PERMANENT_NOT_PARTICIPATING,
}
"""Reasons that name the permanent members they are about."""


@pytest.mark.parametrize("era", ERAS)
def test_eras_are_what_they_say(era: Era) -> None:
    """Each era's Council has the size and threshold the rule cases assume."""
    assert era.council.size == era.size
    assert len(era.council.permanent) == 5
    assert unsc.required_votes(era.date) == era.required == era.council.required_votes


@pytest.mark.parametrize("era", ERAS)
@pytest.mark.parametrize("rule", RULES)
def test_rule_in_each_era(rule: RuleCase, era: Era) -> None:
    """Rerun an era-independent rule in each era, once per permanent member.

    Only the Council (from ``council(date)``) and the threshold (from
    ``required_votes(date)``) differ between eras; the rule and its
    expected outcome and reasons do not.
    """
    required = unsc.required_votes(era.date)
    size = era.council.size
    for permanent in era.council.permanent:
        yes = rule.yes(required, size)
        votes = era_votes(era, yes=yes, fixed={permanent: rule.position})
        b = build_ballot(era.date, votes, kind=rule.kind, procedural=rule.procedural)
        d = adjudicate(b)
        label = f"{rule.name}, {era.name}, {permanent}"
        assert d.outcome is rule.outcome, label
        assert d.yes == yes, label
        assert d.required == required, label
        assert d.codes[0] is rule.codes[0], label
        for code in rule.codes[1:]:
            assert code in d.codes, label
            if code in NAMING:
                assert members(d, code) == (permanent,), label
        assert d.vetoed_by == ((permanent,) if rule.vetoed else ()), label
