"""Counterfactual replay under rule variants."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import unsc._power.replay as replay_module
from unsc._cli import main
from unsc._engine import Outcome, Position
from unsc._errors import InputError
from unsc._power.replay import (
    DecisionInput,
    RuleVariant,
    SkipReason,
    adjudicate_variant,
    parse_variant,
    read_sc_voting,
    replay,
)

DAY = dt.date(2017, 10, 24)
JIM = {
    "BOL": "N", "CHN": "A", "EGY": "Y", "ETH": "Y", "FRA": "Y", "ITA": "Y", "JPN": "Y",
    "KAZ": "A", "RUS": "N", "SEN": "Y", "SWE": "Y", "UKR": "Y", "GBR": "Y", "USA": "Y",
    "URY": "Y",
}  # fmt: skip


def _jim(**changes: str) -> DecisionInput:
    votes = {c: Position(p) for c, p in {**JIM, **changes}.items()}
    return DecisionInput(DAY, votes=votes, recorded=None, ref="S/2017/884")


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        (RuleVariant.CHARTER, Outcome.VETOED),
        (RuleVariant.DOUBLE_VETO, Outcome.ADOPTED),
        (RuleVariant.TEN_VOTES, Outcome.VETOED),
        (RuleVariant.ABSTENTION_VETO, Outcome.VETOED),
        (RuleVariant.NO_VETO, Outcome.ADOPTED),
    ],
)
def test_founding_story_under_each_variant(variant: RuleVariant, expected: Outcome) -> None:
    """S/2017/884: 11-2-2, Russia against, China abstaining."""
    verdict = adjudicate_variant(_jim(), variant)
    assert verdict is not None
    assert verdict.outcome is expected


def test_abstention_veto_names_abstainers() -> None:
    verdict = adjudicate_variant(_jim(RUS="Y", BOL="Y"), RuleVariant.ABSTENTION_VETO)
    assert verdict is not None
    assert verdict.vetoed_by == ("CHN",)
    report = replay([_jim(RUS="Y", BOL="Y")], RuleVariant.ABSTENTION_VETO)
    assert [(c.before, c.after, c.members) for c in report.changes] == [
        (Outcome.ADOPTED, Outcome.VETOED, ("CHN",))
    ]


def test_ten_votes_names_members_not_voting_yes() -> None:
    nine = _jim(RUS="A", BOL="A", EGY="N", ETH="N")  # 9 yes
    report = replay([nine], "ten-votes")
    assert report.changes[0].after is Outcome.FAILED
    assert report.changes[0].members == ("BOL", "CHN", "EGY", "ETH", "KAZ", "RUS")


def test_double_veto_with_two_permanent_no() -> None:
    two = _jim(CHN="N")
    verdict = adjudicate_variant(two, RuleVariant.DOUBLE_VETO)
    assert verdict is not None
    assert verdict.vetoed_by == ("CHN", "RUS")


def test_procedural_questions_are_never_vetoed() -> None:
    item = DecisionInput(DAY, tally=(9, 6, 0, 0), permanent_no=("RUS",), procedural=True)
    for variant in RuleVariant:
        verdict = adjudicate_variant(item, variant)
        assert verdict is not None
        expected = Outcome.FAILED if variant is RuleVariant.TEN_VOTES else Outcome.ADOPTED
        assert verdict.outcome is expected


def test_tally_without_permanent_abstentions_is_undetermined() -> None:
    item = DecisionInput(DAY, tally=(11, 2, 2, 0), permanent_no=("RUS",))
    assert adjudicate_variant(item, RuleVariant.ABSTENTION_VETO) is None
    report = replay([item], "abstention-veto")
    assert report.skipped == {"undetermined": 1}
    known = DecisionInput(DAY, tally=(11, 2, 2, 0), permanent_no=("RUS",), permanent_abstain=())
    assert replay([known], "abstention-veto").replayed == 1


def test_inconsistent_record_is_skipped() -> None:
    item = DecisionInput(DAY, tally=(11, 2, 2, 0), permanent_no=("RUS",), recorded=Outcome.ADOPTED)
    report = replay([item], "no-veto")
    assert report.replayed == 0
    assert report.skipped == {"inconsistent_with_record": 1}


def test_report_counts() -> None:
    items = [_jim(), _jim(CHN="N"), DecisionInput(dt.date(1999, 3, 1), tally=(15, 0, 0, 0))]
    report = replay(items, RuleVariant.NO_VETO)
    assert report.replayed == 3
    assert report.by_decade == {"2010s": 2}
    assert report.by_member == {"RUS": 2, "CHN": 1}
    assert report.by_change == {"vetoed->adopted": 2}
    data = report.to_dict()
    assert data["changed"] == 2
    assert data["rule"] == "no-veto"


def test_decision_input_needs_votes_or_tally() -> None:
    with pytest.raises(InputError, match="per-member votes or a tally"):
        DecisionInput(DAY)
    with pytest.raises(InputError, match="unknown rule variant 'veto'"):
        parse_variant("veto")
    assert parse_variant("double_veto") is RuleVariant.DOUBLE_VETO


HEADER = (
    'Year,"Date,",Resolution,Meeting,Draft,Agenda item,Category,Region,Submitted by,'
    "Outcome results,Vote,Member State,ID,Membership_Status,Topic\n"
)
MEMBERS_2017 = sorted(JIM)


def _csv(tmp_path: Path, date: str, votes: dict[str, str], outcome: str) -> Path:
    folder = tmp_path / "sc-votes-1994-2025"
    folder.mkdir()
    words = {"Y": "Yes", "N": "No", "A": "Abstain"}
    lines = [
        f"2017,{date},,8073,S/2017/884,Syria,Country-specific,Middle East,USA,"
        f"{outcome},{words[v]},{code},1,Other,Syria\n"
        for code, v in votes.items()
    ]
    path = folder / "sc_voting.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def test_read_sc_voting_keeps_a_matching_date(tmp_path: Path) -> None:
    path = _csv(tmp_path, "2017-10-24", JIM, "Not adopted - veto")
    inputs, unusable = read_sc_voting(path)
    assert unusable == {}
    assert inputs[0].date == DAY
    assert inputs[0].recorded is Outcome.VETOED


def test_read_sc_voting_swaps_day_and_month(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A date with day <= 12 whose Council does not match is read swapped.

    The Council changes on 1 January, so within a year both readings usually
    match; the test pretends only 5 Oct 2017 does.
    """
    monkeypatch.setattr(replay_module, "_members_match", lambda d, codes: d.month == 10)
    path = _csv(tmp_path, "2017-05-10", JIM, "Not adopted - veto")
    inputs, _ = read_sc_voting(path)
    assert inputs[0].date == dt.date(2017, 10, 5)


def test_read_sc_voting_counts_unusable_drafts(tmp_path: Path) -> None:
    path = _csv(tmp_path, "2017-10-24", {k: JIM[k] for k in MEMBERS_2017[:6]}, "Adopted")
    inputs, unusable = read_sc_voting(path)
    assert inputs == []
    assert unusable == {"members_do_not_match_council": 1}


def test_read_sc_voting_stops_on_bad_vote(tmp_path: Path) -> None:
    path = _csv(tmp_path, "2017-10-24", JIM, "Not adopted - veto")
    path.write_text(path.read_text().replace(",Abstain,", ",Maybe,", 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"line \d+, field 'Vote': unknown vote 'Maybe'"):
        read_sc_voting(path)


def test_cli_replay(tmp_path: Path) -> None:
    _csv(tmp_path, "2017-10-24", JIM, "Not adopted - veto")
    result = CliRunner().invoke(main, ["replay", "--rule", "double-veto", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Rule: double-veto. A veto needs the negative votes of two permanent members.\n"
        "Replayed 1 decisions.\n"
        "Outcome changes: 1.\n"
        "  2017-10-24  S/2017/884: vetoed -> adopted  [RUS]\n"
        "By change: vetoed->adopted 1\n"
        "By decade: 2010s 1\n"
        "By member: RUS 1\n"
    )


def test_cli_replay_json_from_the_file(tmp_path: Path) -> None:
    _csv(tmp_path, "2017-10-24", JIM, "Not adopted - veto")
    result = CliRunner().invoke(
        main, ["replay", "--rule", "no-veto", "--data", str(tmp_path), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [
        "rule", "description", "replayed", "changed", "skipped",
        "by_change", "by_decade", "by_member", "changes",
    ]  # fmt: skip
    assert data["skipped"] == {}
    assert data["changes"] == [
        {
            "date": "2017-10-24",
            "ref": "S/2017/884",
            "key": None,
            "before": "vetoed",
            "after": "adopted",
            "members": ["RUS"],
        }
    ]


def test_cli_replay_counts_unusable_drafts_as_skipped(tmp_path: Path) -> None:
    _csv(tmp_path, "2017-10-24", {k: JIM[k] for k in MEMBERS_2017[:6]}, "Adopted")
    result = CliRunner().invoke(
        main, ["replay", "--rule", "no-veto", "--data", str(tmp_path), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["skipped"] == {"members_do_not_match_council": 1}


def test_cli_replay_without_the_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["replay", "--rule", "no-veto", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert f"unsc: error: no sc-votes-1994-2025/sc_voting.csv in {tmp_path}" in result.stderr


def test_cli_replay_reads_the_record_by_default(tmp_path: Path) -> None:
    """Without --data the record store is replayed; an empty one says how to load it."""
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    result = CliRunner().invoke(main, ["--database", url, "replay", "--rule", "no-veto"])
    assert result.exit_code == 2
    assert result.stderr == (
        "unsc: error: the record is empty: there are no decisions to replay "
        "(load it first: `unsc data load DIR`, DIR being the folder of source files)\n"
    )


def test_replay_carries_the_callers_skipped_counts() -> None:
    report = replay([_jim()], "no-veto", skipped={"no_votes_or_tally": 2})
    assert report.replayed == 1
    assert report.skipped == {"no_votes_or_tally": 2}
    assert report.to_dict()["skipped"] == {"no_votes_or_tally": 2}


def test_engine_errors_are_skipped_as_not_adjudicable() -> None:
    """Counts that cannot be the Council of 15 (12-0-2 with nobody not voting)."""
    item = DecisionInput(DAY, tally=(12, 0, 2, 0), recorded=Outcome.ADOPTED)
    report = replay([item], "no-veto")
    assert (report.replayed, report.skipped) == (0, {"not_adjudicable": 1})


def test_skip_reasons_have_messages() -> None:
    for reason in SkipReason:
        assert reason.message.endswith(".")


SHARED = Path(os.environ.get("UNSC_DATA_DIR", Path(__file__).resolve().parents[2] / "shared/data"))


@pytest.mark.realdata
def test_replay_real_votes() -> None:
    path = SHARED / "sc-votes-1994-2025" / "sc_voting.csv"
    if not path.is_file():
        pytest.skip(f"no {path}")
    inputs, unusable = read_sc_voting(path)
    assert len(inputs) > 1800
    assert sum(unusable.values()) < 100
    assert replay(inputs, "charter").changes == ()
    no_veto = replay(inputs, "no-veto")
    assert no_veto.by_change == {"vetoed->adopted": len(no_veto.changes)}
    assert len(no_veto.changes) > 60
    double = replay(inputs, "double-veto")
    assert set(double.by_member) <= {"CHN", "FRA", "GBR", "RUS", "USA"}
