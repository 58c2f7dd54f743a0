"""``unsc power``: output contract and errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from unsc._cli import main


def test_power_json_contract() -> None:
    result = CliRunner().invoke(main, ["power", "council-1966", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["game"] == "council-1966"
    usa = next(p for p in data["players"] if p["code"] == "USA")
    assert usa["shapley_shubik"] == pytest.approx(0.19627039627)
    assert usa["banzhaf"] == pytest.approx(106 / 635)
    assert [p["code"] for p in data["players"]][4:7] == ["USA", "E01", "E02"]
    assert data["power_to_act"] == pytest.approx(53 / 2048)


def test_power_weights_text() -> None:
    result = CliRunner().invoke(main, ["power", "--weights", "4,3,2,1", "--quota", "6"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "weighted\n"
        "player            shapley_shubik    banzhaf           banzhaf_absolute\n"
        "P1                0.416667          0.416667          0.625000\n"
        "P2                0.250000          0.250000          0.375000\n"
        "P3                0.250000          0.250000          0.375000\n"
        "P4                0.083333          0.083333          0.125000\n"
        "Power of the collectivity to act (Coleman): 0.437500\n"
    )


def test_power_index_selection() -> None:
    args = ["--weights", "2,1,1", "--quota", "3", "--players", "A,B,C", "--index", "ss", "--json"]
    result = CliRunner().invoke(main, ["power", *args])
    data = json.loads(result.output)
    assert data == {
        "game": "weighted",
        "players": [
            {"code": "A", "shapley_shubik": pytest.approx(2 / 3)},
            {"code": "B", "shapley_shubik": pytest.approx(1 / 6)},
            {"code": "C", "shapley_shubik": pytest.approx(1 / 6)},
        ],
    }


def test_power_list() -> None:
    result = CliRunner().invoke(main, ["power", "--list"])
    assert result.exit_code == 0
    assert "council-1966" in result.output
    assert "eu27" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "unknown game 'nope'"),
        (["--date", "1971-13-01"], "month 13"),
        (["--date", "1930-01-01"], "1930-01-01"),
        (["council-1966", "--date", "2017-10-24"], "either --date, GAME or --weights"),
        (["--weights", "1,2"], "--weights needs --quota"),
        (["--weights", "1,x", "--quota", "2"], "bad weights '1,x'"),
        (["--weights", "1,\u00b2", "--quota", "2"], "bad weights '1,\u00b2'"),
        (["--weights", "1,2", "--quota", "9"], "above the total weight 3"),
        (["eu27", "--quota", "3"], "--quota and --players go with --weights"),
        (["council-1966", "--weights", "1", "--quota", "1"], "either GAME or --weights"),
        (["council-1966", "--index", "zz"], "unknown power index 'zz'"),
    ],
)
def test_power_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["power", *args])
    assert result.exit_code == 2
    assert result.output.startswith("unsc: error: ")
    assert message in result.output


def _power(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["power", *args, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_power_on_a_date_uses_the_real_members() -> None:
    data = _power("--date", "2017-10-24")
    assert data["game"] == "council-2017-10-24"
    players = {p["code"]: p for p in data["players"]}  # type: ignore[attr-defined]
    sitting = json.loads(CliRunner().invoke(main, ["council", "2017-10-24", "--json"]).output)
    assert set(players) == {m["code"] for m in sitting["members"]}
    assert {"BOL", "KAZ", "SWE", "RUS"} <= set(players)
    # the same game as the abstract council-1966, seat for seat
    seats = {p["code"]: p for p in _power("council-1966")["players"]}  # type: ignore[attr-defined]
    assert players["RUS"]["shapley_shubik"] == pytest.approx(seats["RUS"]["shapley_shubik"])
    assert players["BOL"]["banzhaf"] == pytest.approx(seats["E01"]["banzhaf"])
    assert data["power_to_act"] == pytest.approx(53 / 2048)


def test_power_before_1966_has_eleven_members_and_seven_votes() -> None:
    data = _power("--date", "1950-06-27")
    players = {p["code"]: p for p in data["players"]}  # type: ignore[attr-defined]
    assert len(players) == 11
    assert {"SUN", "YUG"} <= set(players)
    seats = {p["code"]: p for p in _power("council-1946")["players"]}  # type: ignore[attr-defined]
    assert players["SUN"]["shapley_shubik"] == pytest.approx(seats["SUN"]["shapley_shubik"])


def test_bare_power_is_todays_council() -> None:
    today = dt.date.today().isoformat()
    assert _power()["game"] == f"council-{today}"
    assert _power() == _power("--date", today)
