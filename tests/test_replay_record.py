"""Replaying the record store: inputs built from the loaded record, and ``unsc replay``.

The record is loaded once per session from ``../shared/data`` (see
``test_web_support``). The facts checked are the record's own: the founding
story (S/2017/884, 24 October 2017: 11-2-2, the Russian Federation and
Bolivia against, vetoed), a veto of 1946 known only by its tally, a double
veto, an abstention by two permanent members.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections import Counter
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlalchemy.engine import Engine

from test_web_support import record_file, record_url
from unsc._cli import main
from unsc._engine import Kind, Outcome, Position
from unsc._errors import InputError
from unsc._power.replay import DecisionInput, ReplayReport, RuleVariant, SkipReason, replay
from unsc._power.replay_record import record_inputs, replay_record
from unsc._record.api import Record

__all__ = ["record_file", "record_url"]  # fixtures

pytestmark = pytest.mark.realdata

JIM = "draft:S/2017/884"
SPAIN_1946 = "meeting:S/PV.47@1946-06-18"  # 9-1-0, the USSR against: a veto known by its tally
ZIMBABWE_2008 = "draft:S/2008/447"  # 9-5-1, China and the Russian Federation against
LIBYA_2011 = "res:1973"  # 10-0-5, China and the Russian Federation among the abstainers
SYRIA_2019 = "draft:S/2019/186"  # 9-3-3: exactly nine votes, China and Russia against


@pytest.fixture(scope="module")
def engine(record_file: pathlib.Path) -> Iterator[Engine]:
    """A plain engine on the session's loaded record (reads only)."""
    eng = sa.create_engine(f"sqlite:///{record_file}")
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def loaded(engine: Engine) -> tuple[dict[str, DecisionInput], dict[str, int], int]:
    """The inputs by key, the skipped counts, and the number of decisions in the record."""
    inputs, skipped = record_inputs(engine)
    with engine.connect() as conn:
        total = conn.execute(sa.text("SELECT count(*) FROM decisions")).scalar_one()
    return {i.key: i for i in inputs}, skipped, int(total)


@pytest.fixture(scope="module")
def reports(engine: Engine) -> dict[RuleVariant, ReplayReport]:
    """The whole record replayed under every variant."""
    return {v: replay_record(engine, v) for v in RuleVariant}


def _change(report: ReplayReport, key: str) -> tuple[Outcome, Outcome, tuple[str, ...]] | None:
    for c in report.changes:
        if c.decision.key == key:
            return c.before, c.after, c.members
    return None


# --- record_inputs ----------------------------------------------------------------------


def test_every_decision_is_an_input_or_skipped(
    loaded: tuple[dict[str, DecisionInput], dict[str, int], int],
) -> None:
    inputs, skipped, total = loaded
    assert total > 3000
    assert len(inputs) + sum(skipped.values()) == total
    assert set(skipped) <= {r.value for r in SkipReason}
    assert skipped[SkipReason.WITHOUT_VOTE.value] > 0
    assert skipped[SkipReason.NO_VOTES_OR_TALLY.value] > 0
    assert skipped[SkipReason.NOT_ADJUDICABLE.value] > 0
    keys = list(inputs)
    dates = [inputs[k].date for k in keys]
    assert dates == sorted(dates)


def test_founding_story_input_has_per_member_votes(
    loaded: tuple[dict[str, DecisionInput], dict[str, int], int],
) -> None:
    jim = loaded[0][JIM]
    assert jim.date == dt.date(2017, 10, 24)
    assert jim.ref == "S/2017/884"
    assert jim.recorded is Outcome.VETOED
    assert jim.kind is Kind.DRAFT_RESOLUTION
    assert jim.procedural is False
    assert jim.tally is None
    assert jim.votes is not None
    assert len(jim.votes) == 15
    against = sorted(c for c, p in jim.votes.items() if p is Position.NO)
    abstaining = sorted(c for c, p in jim.votes.items() if p is Position.ABSTAIN)
    assert (against, abstaining) == (["BOL", "RUS"], ["CHN", "KAZ"])


def test_a_veto_known_only_by_its_tally(
    loaded: tuple[dict[str, DecisionInput], dict[str, int], int],
) -> None:
    spain = loaded[0][SPAIN_1946]
    assert spain.votes is None
    assert spain.tally is not None
    assert spain.tally[:3] == (9, 1, 0)
    assert spain.permanent_no == ("SUN",)
    assert spain.permanent_abstain is None  # unknown from a tally
    assert spain.recorded is Outcome.VETOED
    assert spain.ref == "S/PV.47"


def test_resolutions_are_named_by_symbol(
    loaded: tuple[dict[str, DecisionInput], dict[str, int], int],
) -> None:
    libya = loaded[0][LIBYA_2011]
    assert libya.ref == "S/RES/1973 (2011)"
    assert libya.recorded is Outcome.ADOPTED


def test_other_questions_say_what_they_are(
    loaded: tuple[dict[str, DecisionInput], dict[str, int], int],
) -> None:
    """At S/PV.202 (1947) the preliminary question on S/552 and the draft were both vetoed."""
    question = loaded[0]["draft:S/552"]
    draft = loaded[0]["draft:S/552#2"]
    assert (question.kind, question.ref) == (
        Kind.PRELIMINARY_QUESTION,
        "S/552 (preliminary question)",
    )
    assert (draft.kind, draft.ref) == (Kind.DRAFT_RESOLUTION, "S/552")


def test_decisions_without_votes_are_not_inputs(
    loaded: tuple[dict[str, DecisionInput], dict[str, int], int],
) -> None:
    inputs = loaded[0]
    assert "res:963" not in inputs  # adopted without a vote (1994)
    assert "res:2756" not in inputs  # 12-0-2 with nobody not voting: not the Council of 15


def test_inputs_are_read_in_a_few_bulk_queries(engine: Engine) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        record_inputs(engine)
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == 3  # decisions, votes, vetoes


def test_a_record_and_a_connection_are_accepted(record_url: str) -> None:
    record = Record(record_url)
    try:
        by_record = record_inputs(record)
        with record.engine.connect() as conn:
            by_connection = record_inputs(conn)
    finally:
        record.engine.dispose()
    assert by_record == by_connection


# --- replay of the whole record ---------------------------------------------------------


@pytest.mark.parametrize("variant", list(RuleVariant))
def test_replayed_and_skipped_account_for_every_decision(
    variant: RuleVariant,
    reports: dict[RuleVariant, ReplayReport],
    loaded: tuple[dict[str, DecisionInput], dict[str, int], int],
) -> None:
    report = reports[variant]
    assert report.replayed + sum(report.skipped.values()) == loaded[2]
    for reason, n in loaded[1].items():
        assert report.skipped[reason] == n


@pytest.mark.parametrize("variant", list(RuleVariant))
def test_counts_agree_with_the_list(
    variant: RuleVariant, reports: dict[RuleVariant, ReplayReport]
) -> None:
    report = reports[variant]
    decades = Counter(f"{c.decision.date.year // 10 * 10}s" for c in report.changes)
    assert report.by_decade == dict(sorted(decades.items()))
    assert sum(report.by_change.values()) == len(report.changes)
    members = Counter(m for c in report.changes for m in c.members)
    assert report.by_member == dict(members)
    data = report.to_dict()
    assert data["changed"] == len(data["changes"])  # type: ignore[arg-type]


def test_charter_changes_nothing(reports: dict[RuleVariant, ReplayReport]) -> None:
    report = reports[RuleVariant.CHARTER]
    assert report.changes == ()
    assert report.replayed > 2900
    assert report.skipped[SkipReason.INCONSISTENT_WITH_RECORD.value] >= 1


def test_founding_story_under_no_veto(reports: dict[RuleVariant, ReplayReport]) -> None:
    """11 votes >= 9 and no veto: adopted."""
    assert _change(reports[RuleVariant.NO_VETO], JIM) == (Outcome.VETOED, Outcome.ADOPTED, ("RUS",))


def test_founding_story_under_double_veto(reports: dict[RuleVariant, ReplayReport]) -> None:
    """Bolivia also voted no, but it is an elected member: one permanent no is not a veto."""
    assert _change(reports[RuleVariant.DOUBLE_VETO], JIM) == (
        Outcome.VETOED,
        Outcome.ADOPTED,
        ("RUS",),
    )


def test_founding_story_unchanged_by_ten_votes_and_abstention_veto(
    reports: dict[RuleVariant, ReplayReport],
) -> None:
    """Eleven votes are enough for ten; China's abstention adds a second veto, still vetoed."""
    assert _change(reports[RuleVariant.TEN_VOTES], JIM) is None
    assert _change(reports[RuleVariant.ABSTENTION_VETO], JIM) is None


def test_two_permanent_members_against(reports: dict[RuleVariant, ReplayReport]) -> None:
    assert _change(reports[RuleVariant.DOUBLE_VETO], ZIMBABWE_2008) is None
    assert _change(reports[RuleVariant.NO_VETO], ZIMBABWE_2008) == (
        Outcome.VETOED,
        Outcome.ADOPTED,
        ("CHN", "RUS"),
    )


def test_tally_veto_lifted_without_the_veto(reports: dict[RuleVariant, ReplayReport]) -> None:
    assert _change(reports[RuleVariant.NO_VETO], SPAIN_1946) == (
        Outcome.VETOED,
        Outcome.ADOPTED,
        ("SUN",),
    )


def test_abstentions_become_vetoes(reports: dict[RuleVariant, ReplayReport]) -> None:
    assert _change(reports[RuleVariant.ABSTENTION_VETO], LIBYA_2011) == (
        Outcome.ADOPTED,
        Outcome.VETOED,
        ("CHN", "RUS"),
    )
    assert reports[RuleVariant.ABSTENTION_VETO].by_change == {
        "adopted->vetoed": len(reports[RuleVariant.ABSTENTION_VETO].changes)
    }
    assert reports[RuleVariant.ABSTENTION_VETO].skipped[SkipReason.UNDETERMINED.value] > 0


def test_ten_votes_fails_a_nine_vote_draft(reports: dict[RuleVariant, ReplayReport]) -> None:
    assert _change(reports[RuleVariant.TEN_VOTES], SYRIA_2019) == (
        Outcome.VETOED,
        Outcome.FAILED,
        ("CHN", "CIV", "GNQ", "IDN", "RUS", "ZAF"),
    )


def test_more_vetoes_lifted_without_any_veto_than_with_a_double_veto(
    reports: dict[RuleVariant, ReplayReport],
) -> None:
    double = {c.decision.key for c in reports[RuleVariant.DOUBLE_VETO].changes}
    none = {c.decision.key for c in reports[RuleVariant.NO_VETO].changes}
    assert double < none
    assert reports[RuleVariant.NO_VETO].by_change == {"vetoed->adopted": len(none)}


def test_empty_record_says_how_to_load(tmp_path: pathlib.Path) -> None:
    record = Record(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        assert record_inputs(record) == ([], {})
        with pytest.raises(InputError, match="the record is empty") as info:
            replay_record(record, "no-veto")
        assert "unsc data load DIR" in str(info.value)
    finally:
        record.engine.dispose()


def test_same_report_as_replaying_the_inputs(engine: Engine) -> None:
    inputs, skipped = record_inputs(engine)
    direct = replay(inputs, RuleVariant.DOUBLE_VETO, skipped=skipped)
    assert direct == replay_record(engine, "double_veto")


# --- unsc replay ------------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_replays_the_record(record_url: str, engine: Engine) -> None:
    code, out, err = _run("--database", record_url, "replay", "--rule", "double-veto", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data == json.loads(json.dumps(replay_record(engine, "double-veto").to_dict()))
    assert data["rule"] == "double-veto"
    jim = [c for c in data["changes"] if c["key"] == JIM]
    assert jim == [
        {
            "date": "2017-10-24",
            "ref": "S/2017/884",
            "key": JIM,
            "before": "vetoed",
            "after": "adopted",
            "members": ["RUS"],
        }
    ]
    assert data["replayed"] + sum(data["skipped"].values()) > 3000


def test_cli_text_lists_the_changes(record_url: str) -> None:
    code, out, err = _run("--database", record_url, "replay", "--rule", "no-veto")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Rule: no-veto. No veto at all: the required majority decides."
    assert lines[1].startswith("Replayed ")
    assert "adopted_without_vote 50" in lines[1]
    assert "  2017-10-24  S/2017/884: vetoed -> adopted  [RUS]" in lines
    assert "  2008-07-11  S/2008/447: vetoed -> adopted  [CHN, RUS]" in lines
    assert lines[-1].startswith("By member: ")


def test_cli_reads_the_database_from_the_environment(
    record_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNSC_DATABASE_URL", record_url)
    code, out, err = _run("replay", "--rule", "charter", "--json")
    assert code == 0, err
    assert json.loads(out)["changed"] == 0


def test_cli_on_an_empty_record(tmp_path: pathlib.Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    code, out, err = _run("--database", url, "replay", "--rule", "no-veto")
    assert code == 2
    assert out == ""
    assert err.startswith("unsc: error: the record is empty")
    assert "unsc data load DIR" in err
