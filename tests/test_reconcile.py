"""Reconciliation of sources: identity, precedence, conflicts and re-adjudication."""

from __future__ import annotations

import datetime as dt

from unsc import Kind, Position, council
from unsc._engine import Outcome
from unsc._record.reconcile import reconcile
from unsc._sources.model import (
    DecisionObservation,
    MembershipObservation,
    Provenance,
    Source,
    norm_symbol,
)

D = dt.date
HTML = Source.DHL_MEETINGS_HTML


def obs(source: Source, line: int, **fields: object) -> DecisionObservation:
    return DecisionObservation(prov=Provenance(source, f"{source.value}.txt", line), **fields)  # type: ignore[arg-type]


def adopted(line: int, number: int, date: dt.date, meeting: str) -> DecisionObservation:
    return obs(
        HTML,
        line,
        date=date,
        meeting=meeting,
        resolution=number,
        outcome=Outcome.ADOPTED,
        yes=15,
        no=0,
        abstain=0,
    )


def test_misprinted_resolution_number_is_repaired_by_sequence_and_reported() -> None:
    """The 1990 page prints S/RES/663 at S/PV.2939 (13 Sep 1990) for resolution 666."""
    result = reconcile(
        [
            adopted(1, 664, D(1990, 8, 18), "S/PV.2937"),
            adopted(2, 665, D(1990, 8, 25), "S/PV.2938"),
            adopted(3, 663, D(1990, 8, 14), "S/PV.2934"),
            adopted(4, 663, D(1990, 9, 13), "S/PV.2939"),
            adopted(5, 667, D(1990, 9, 16), "S/PV.2940"),
        ]
    )
    numbers = {r.resolution: (r.date, r.meeting) for r in result.decisions}
    assert numbers[666] == (D(1990, 9, 13), "S/PV.2939")
    assert numbers[663] == (D(1990, 8, 14), "S/PV.2934")
    [conflict] = [c for c in result.conflicts if c.kind == "resolution_number_misprint"]
    assert conflict.chosen == "666"
    assert conflict.values[0]["value"] == 663
    assert conflict.values[0]["line"] == 4


def test_a_misprint_with_no_single_gap_is_left_alone() -> None:
    result = reconcile(
        [
            adopted(1, 10, D(1950, 1, 1), "S/PV.1"),
            adopted(2, 10, D(1950, 3, 1), "S/PV.3"),
            adopted(3, 11, D(1950, 2, 1), "S/PV.2"),
        ]
    )
    assert not [c for c in result.conflicts if c.kind == "resolution_number_misprint"]


def test_label_calling_a_three_vote_draft_vetoed_is_a_known_source_error() -> None:
    """S/10768 (25 Aug 1972): 'vetoed by USSR' on 3-3-9; the engine says failed."""
    result = reconcile(
        [
            obs(
                HTML,
                7,
                date=D(1972, 8, 25),
                meeting="S/PV.1660",
                draft="S/10768",
                outcome=Outcome.VETOED,
                vetoed_by=("SUN",),
                yes=3,
                no=3,
                abstain=9,
            )
        ]
    )
    [rec] = result.decisions
    assert rec.decision is not None
    assert rec.decision.outcome.value == "failed"
    assert rec.agrees is False
    [conflict] = [c for c in result.conflicts if c.field == "outcome"]
    assert conflict.kind == "known_source_error"
    assert conflict.chosen == "failed"


def test_unexplained_engine_disagreement_is_reported() -> None:
    result = reconcile(
        [
            obs(
                HTML,
                1,
                date=D(2017, 10, 24),
                draft="S/2099/1",
                outcome=Outcome.ADOPTED,
                yes=4,
                no=8,
                abstain=3,
            )
        ]
    )
    assert [c.kind for c in result.conflicts] == ["engine_disagreement"]


def _jim_votes() -> dict[str, Position]:
    yes = ["EGY", "ETH", "FRA", "ITA", "JPN", "SEN", "SWE", "UKR", "GBR", "USA", "URY"]
    votes = dict.fromkeys(yes, Position.YES)
    votes.update({"BOL": Position.NO, "RUS": Position.NO, "CHN": Position.ABSTAIN})
    votes["KAZ"] = Position.ABSTAIN
    return votes


def test_sources_merge_on_the_draft_symbol_and_per_member_votes_are_used() -> None:
    result = reconcile(
        [
            obs(
                HTML,
                10,
                date=D(2017, 10, 24),
                meeting="S/PV.8073",
                draft="S/2017/884",
                outcome=Outcome.VETOED,
                vetoed_by=("RUS",),
                yes=11,
                no=2,
                abstain=2,
            ),
            obs(
                Source.DHL_VETO_HTML,
                3,
                date=D(2017, 10, 24),
                meeting="S/PV.8073",
                draft="S/2017/884",
                outcome=Outcome.VETOED,
                vetoed_by=("RUS",),
            ),
            obs(
                Source.SC_VOTES_1994_2025,
                20,
                date=D(2017, 10, 24),
                meeting="S/PV.8073",
                draft="s/2017/884 ",
                outcome=Outcome.VETOED,
                vetoed_by=("RUS",),
                votes=_jim_votes(),
                sponsors=("USA",),
            ),
        ]
    )
    [rec] = result.decisions
    assert rec.key == "draft:S/2017/884"
    assert {o.prov.source for o in rec.observations} == {
        HTML,
        Source.DHL_VETO_HTML,
        Source.SC_VOTES_1994_2025,
    }
    assert rec.votes_source is Source.SC_VOTES_1994_2025
    assert (rec.yes, rec.no, rec.abstain, rec.not_voting) == (11, 2, 2, 0)
    assert rec.decision is not None
    assert rec.decision.vetoed_by == ("RUS",)
    assert rec.adjudication == "per_member"
    assert rec.agrees is True
    assert rec.sponsors == ("USA",)
    assert result.conflicts == []


def test_per_member_votes_that_contradict_the_official_tally_are_not_used() -> None:
    """The 1995 rows of the 1994-2025 file: a US 'No' on a resolution the Library gives 15-0-0."""
    corrupted = _jim_votes()
    result = reconcile(
        [
            obs(
                HTML,
                1,
                date=D(2017, 10, 24),
                resolution=2380,
                meeting="S/PV.8073",
                outcome=Outcome.ADOPTED,
                yes=15,
                no=0,
                abstain=0,
            ),
            obs(
                Source.SC_VOTES_1994_2025,
                2,
                date=D(2017, 10, 24),
                resolution=2380,
                outcome=Outcome.ADOPTED,
                votes=corrupted,
            ),
        ]
    )
    [rec] = result.decisions
    assert rec.votes is None
    assert (rec.yes, rec.no, rec.abstain) == (15, 0, 0)
    assert rec.agrees is True
    assert [c.kind for c in result.conflicts] == ["per_member_tally_mismatch"]


def test_tallies_that_lump_abstentions_and_non_voting_agree() -> None:
    """The Library's a-b-c lumps abstentions with non-participation (res 83: 7-1-2)."""
    votes = dict.fromkeys(
        ["CUB", "ECU", "EGY", "FRA", "IND", "NOR", "CHN", "GBR", "USA"], Position.YES
    )
    votes.update({"YUG": Position.NO, "SUN": Position.NOT_VOTING})
    votes.update({"EGY": Position.NOT_VOTING, "IND": Position.NOT_VOTING})
    result = reconcile(
        [
            obs(
                HTML,
                1,
                date=D(1950, 6, 27),
                resolution=83,
                outcome=Outcome.ADOPTED,
                yes=7,
                no=1,
                abstain=3,
            ),
            obs(
                Source.DHL_VOTING_CSV,
                2,
                date=D(1950, 6, 27),
                resolution=83,
                outcome=Outcome.ADOPTED,
                votes=votes,
                yes=7,
                no=1,
                abstain=0,
                not_voting=3,
            ),
        ]
    )
    [rec] = result.decisions
    assert rec.votes_source is Source.DHL_VOTING_CSV
    assert (rec.yes, rec.no, rec.abstain, rec.not_voting) == (7, 1, 0, 3)
    assert rec.agrees is True


def test_members_who_did_not_sit_make_per_member_votes_unusable() -> None:
    votes = _jim_votes()
    votes["DEU"] = votes.pop("ITA")
    result = reconcile(
        [
            obs(
                Source.SC_VOTES_1994_2025,
                1,
                date=D(2017, 10, 24),
                draft="S/2017/884",
                outcome=Outcome.VETOED,
                votes=votes,
            )
        ]
    )
    [conflict] = [c for c in result.conflicts if c.field == "votes"]
    assert conflict.kind == "members_mismatch"
    assert conflict.values[0]["missing"] == ["ITA"]
    assert conflict.values[0]["extra"] == ["DEU"]


def test_uniting_for_peace_resolutions_are_procedural() -> None:
    result = reconcile(
        [
            obs(
                HTML,
                1,
                date=D(2022, 2, 27),
                resolution=2623,
                outcome=Outcome.ADOPTED,
                yes=11,
                no=1,
                abstain=3,
            )
        ]
    )
    [rec] = result.decisions
    assert rec.procedural is True
    assert rec.decision is not None
    assert rec.decision.outcome.value == "adopted"


def test_dates_that_differ_are_a_conflict_and_the_library_wins() -> None:
    result = reconcile(
        [
            obs(Source.WPDL_VETOES, 1, date=D(1980, 1, 9), draft="S/13729", vetoed_by=("SUN",)),
            obs(HTML, 2, date=D(1980, 1, 7), draft="S/13729", vetoed_by=("SUN",), yes=13, no=2),
        ]
    )
    [rec] = result.decisions
    assert rec.date == D(1980, 1, 7)
    [conflict] = [c for c in result.conflicts if c.field == "date"]
    assert conflict.chosen_source == HTML.value


def test_blank_membership_names_are_surfaced() -> None:
    names = {
        "FRA": "France",
        "SUN": "USSR",
        "CHN": "China",
        "GBR": "UK",
        "USA": "USA",
        "BRA": "Brazil",
        "ECU": "Ecuador",
        "IND": "India",
        "NLD": "Netherlands",
        "YUG": "Yugoslavia",
    }
    rows = [
        MembershipObservation(Provenance(Source.DPPA_MEMBERSHIP, "m.csv", i), 1951, code, name)
        for i, (code, name) in enumerate(names.items(), start=2)
    ]
    rows.append(
        MembershipObservation(Provenance(Source.DPPA_MEMBERSHIP, "m.csv", 99), 1951, None, "")
    )
    result = reconcile(rows)
    [conflict] = result.conflicts
    assert conflict.kind == "membership_blank_name"
    assert conflict.chosen == "TUR"


def test_a_blank_1991_membership_name_is_the_ussr() -> None:
    # Membership conflicts read the Council of 1 July: in 1991 it seats SUN, not RUS.
    assert "SUN" in council(dt.date(1991, 7, 1)).codes
    assert "RUS" not in council(dt.date(1991, 7, 1)).codes
    codes = sorted(set(council(dt.date(1991, 7, 1)).codes) - {"SUN"})
    rows = [
        MembershipObservation(Provenance(Source.DPPA_MEMBERSHIP, "m.csv", i), 1991, code, code)
        for i, code in enumerate(codes, start=2)
    ]
    rows.append(
        MembershipObservation(Provenance(Source.DPPA_MEMBERSHIP, "m.csv", 99), 1991, None, "")
    )
    [conflict] = reconcile(rows).conflicts
    assert conflict.kind == "membership_blank_name"
    assert conflict.chosen == "SUN"


def test_norm_symbol() -> None:
    assert norm_symbol(" s/21742/rev.1 ") == "S/21742/Rev.1"
    assert norm_symbol("") is None


def test_kind_is_kept() -> None:
    result = reconcile(
        [
            obs(
                HTML,
                1,
                date=D(1955, 12, 14),
                kind=Kind.AMENDMENT,
                meeting="S/PV.705",
                outcome=Outcome.VETOED,
                vetoed_by=("SUN",),
                yes=10,
                no=1,
                abstain=0,
            )
        ]
    )
    [rec] = result.decisions
    assert rec.kind is Kind.AMENDMENT
    assert rec.decision is not None
    assert rec.decision.outcome.value == "vetoed"
