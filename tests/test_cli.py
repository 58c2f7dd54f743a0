"""The command line: exact output and exit codes (habit 9)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from unsc._cli import main as cli

REPO = Path(__file__).resolve().parent.parent
BOTH = (
    "give either BALLOT.json or the inline options, not both "
    "(kind, procedural and without_vote go inside the ballot file)"
)
JIM = REPO / "examples" / "2017-10-24-jim-renewal.json"

JIM_INLINE = [
    "--date",
    "2017-10-24",
    "--yes",
    "EGY,ETH,FRA,GBR,ITA,JPN,SEN,SWE,UKR,URY,USA",
    "--no",
    "BOL,RUS",
    "--abstain",
    "CHN,KAZ",
]
COUNCIL_2017_10_24 = [
    "BOL",
    "CHN",
    "EGY",
    "ETH",
    "FRA",
    "ITA",
    "JPN",
    "KAZ",
    "RUS",
    "SEN",
    "SWE",
    "UKR",
    "GBR",
    "USA",
    "URY",
]
VETO = (
    "The draft resolution has not been adopted, owing to the negative vote of a permanent "
    "member of the Council."
)
MEMBER_HINT = (
    "use a UN Library code such as RUS, an ISO 3166-3 alias such as ZAR, or an official name"
)


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin, prog_name="unsc")


def ok(result: Result) -> str:
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def fails(result: Result) -> str:
    """Assert exit 2, nothing on stdout and a one-line message; return it."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


# --- unsc council -------------------------------------------------------------


def test_council_json() -> None:
    out = ok(run("council", "2017-10-24", "--json"))
    assert out.startswith('{\n  "date": "2017-10-24",\n  "size": 15,\n')
    data = json.loads(out)
    assert list(data) == ["date", "size", "required_votes", "president", "members"]
    assert (data["date"], data["size"], data["required_votes"], data["president"]) == (
        "2017-10-24",
        15,
        9,
        "FRA",
    )
    assert [m["code"] for m in data["members"]] == COUNCIL_2017_10_24
    assert data["members"][0] == {
        "code": "BOL",
        "name": "Bolivia (Plurinational State of)",
        "permanent": False,
        "term_start": "2017-01-01",
        "term_end": "2018-12-31",
    }
    assert data["members"][1] == {
        "code": "CHN",
        "name": "China",
        "permanent": True,
        "term_start": "1945-10-24",
        "term_end": None,
        "represented_by": "People's Republic of China",
    }


def test_council_text() -> None:
    lines = ok(run("council", "2017-10-24")).splitlines()
    width = len("United Kingdom of Great Britain and Northern Ireland")
    assert lines[:2] == [
        "Security Council on 2017-10-24: 15 members, 9 affirmative votes required.",
        "President: France.",
    ]
    assert lines[2] == "  BOL  " + "Bolivia (Plurinational State of)".ljust(width) + (
        "  elected    2017-01-01 to 2018-12-31"
    )
    assert lines[3] == "  CHN  " + "China".ljust(width) + (
        "  permanent  1945-10-24 to open (represented by People's Republic of China)"
    )
    assert [line[2:5] for line in lines[2:]] == COUNCIL_2017_10_24


@pytest.mark.parametrize(
    ("date", "president", "bfa"),
    [("1984-08-03", "Upper Volta", "Upper Volta"), ("1984-08-04", "Burkina Faso", "Burkina Faso")],
)
def test_council_text_uses_names_of_the_day(date: str, president: str, bfa: str) -> None:
    lines = ok(run("council", date)).splitlines()
    assert lines[1] == f"President: {president}."
    assert [line for line in lines if line.startswith("  BFA  ")] == [
        "  BFA  "
        + bfa.ljust(len("United Kingdom of Great Britain and Northern Ireland"))
        + "  elected    1984-01-01 to 1985-12-31"
    ]


def test_council_11_members_before_1966() -> None:
    data = json.loads(ok(run("council", "1965-12-31", "--json")))
    assert (data["size"], data["required_votes"], len(data["members"])) == (11, 7, 11)


# --- unsc presidents ----------------------------------------------------------


def test_presidents_text() -> None:
    assert ok(run("presidents", "2017")).splitlines() == [
        "2017-01-01 to 2017-01-31  SWE  Sweden",
        "2017-02-01 to 2017-02-28  UKR  Ukraine",
        "2017-03-01 to 2017-03-31  GBR  United Kingdom of Great Britain and Northern Ireland",
        "2017-04-01 to 2017-04-30  USA  United States of America",
        "2017-05-01 to 2017-05-31  URY  Uruguay",
        "2017-06-01 to 2017-06-30  BOL  Bolivia (Plurinational State of)",
        "2017-07-01 to 2017-07-31  CHN  China",
        "2017-08-01 to 2017-08-31  EGY  Egypt",
        "2017-09-01 to 2017-09-30  ETH  Ethiopia",
        "2017-10-01 to 2017-10-31  FRA  France",
        "2017-11-01 to 2017-11-30  ITA  Italy",
        "2017-12-01 to 2017-12-31  JPN  Japan",
    ]


def test_presidents_json() -> None:
    data = json.loads(ok(run("presidents", "2017", "--json")))
    assert len(data) == 12
    assert {k: data[9][k] for k in ("start", "end", "code", "name")} == {
        "start": "2017-10-01",
        "end": "2017-10-31",
        "code": "FRA",
        "name": "France",
    }


def test_presidents_1946_follow_s_res_14() -> None:
    lines = ok(run("presidents", "1946")).splitlines()
    assert len(lines) == 11
    assert lines[0] == "1946-01-17 to 1946-02-16  AUS  Australia"
    assert lines[-1] == "1946-11-17 to 1946-12-31  USA  United States of America"


# --- unsc vote ----------------------------------------------------------------


def _decision(out: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(out)
    return data


def test_vote_file_json() -> None:
    data = _decision(ok(run("vote", str(JIM), "--json")))
    assert {k: v for k, v in data.items() if k != "reasons"} == {
        "date": "2017-10-24",
        "kind": "draft_resolution",
        "procedural": False,
        "outcome": "vetoed",
        "yes": 11,
        "no": 2,
        "abstain": 2,
        "not_voting": 0,
        "required": 9,
        "vetoed_by": ["RUS"],
        "president": "FRA",
    }
    reasons = data["reasons"]
    assert isinstance(reasons, list)
    assert [(r["code"], r["severity"], r.get("members")) for r in reasons] == [
        ("negative_vote_permanent_member", "decisive", ["RUS"]),
        ("permanent_member_abstained", "note", ["CHN"]),
    ]


def test_vote_relative_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    path = "examples/2017-10-24-jim-renewal.json"
    assert ok(run("vote", path, "--json")) == ok(run("vote", str(JIM), "--json"))


def test_vote_inline_equals_file() -> None:
    assert ok(run("vote", *JIM_INLINE, "--json")) == ok(run("vote", str(JIM), "--json"))


def test_vote_inline_options_repeat_and_accept_aliases_and_names() -> None:
    args = [
        "--date",
        "2017-10-24",
        "--yes",
        "EGY,ETH,FRA",
        "--yes",
        "United Kingdom, ITA,JPN,SEN,SWE,UKR,URY,USA",
        "--no",
        "Bolivia,Russia",
        "--abstain",
        "PRC,KAZ",
    ]
    assert ok(run("vote", *args, "--json")) == ok(run("vote", str(JIM), "--json"))


def test_vote_stdin() -> None:
    stdin = JIM.read_text(encoding="utf-8")
    assert ok(run("vote", "-", "--json", stdin=stdin)) == ok(run("vote", str(JIM), "--json"))


def test_vote_text() -> None:
    lines = ok(run("vote", str(JIM))).splitlines()
    assert lines[0] == VETO
    assert lines[1:8] == [
        "",
        "11 votes in favour, 2 against, 2 abstentions; 9 required.",
        "In favour (11): Egypt, Ethiopia, France, Italy, Japan, Senegal, Sweden, Ukraine, "
        "United Kingdom of Great Britain and Northern Ireland, United States of America, "
        "Uruguay.",
        "Against (2): Bolivia (Plurinational State of), Russian Federation.",
        "Abstaining (2): China, Kazakhstan.",
        "President: France.",
        "",
    ]
    assert lines[8] == "Reasons:"
    assert [line.split(":")[0] for line in lines[9:]] == [
        "  negative_vote_permanent_member (decisive) [RUS]",
        "  permanent_member_abstained (note) [CHN]",
    ]


def test_vote_text_inline_and_stdin_equal_file() -> None:
    text = ok(run("vote", str(JIM)))
    assert ok(run("vote", *JIM_INLINE)) == text
    assert ok(run("vote", "-", stdin=JIM.read_text(encoding="utf-8"))) == text


def test_procedural_motion_fails_without_veto() -> None:
    path = REPO / "examples" / "2017-10-24-postponement-motion.json"
    data = _decision(ok(run("vote", str(path), "--json")))
    assert (data["outcome"], data["yes"], data["no"], data["abstain"]) == ("failed", 4, 8, 3)
    assert (data["procedural"], data["vetoed_by"]) == (True, [])
    assert ok(run("vote", str(path))).splitlines()[0] == (
        "The motion has not been adopted, having failed to obtain the required number of votes."
    )


def test_vote_without_vote() -> None:
    out = ok(run("vote", "--date", "2017-10-24", "--without-vote"))
    assert out.splitlines()[0] == "The draft resolution has been adopted without a vote."
    data = _decision(ok(run("vote", "--date", "2017-10-24", "--without-vote", "--json")))
    assert (data["outcome"], data["yes"], data["no"]) == ("adopted", None, None)


def _without_reasons(out: str) -> dict[str, object]:
    return {k: v for k, v in _decision(out).items() if k != "reasons"}


def test_vote_tally_inline_matches_per_member_ballot() -> None:
    tally = ok(
        run("vote", "--date", "2017-10-24", "--tally", "11-2-2", "--permanent-no", "RUS", "--json")
    )
    assert _without_reasons(tally) == _without_reasons(ok(run("vote", str(JIM), "--json")))
    assert ok(
        run("vote", "--date", "2017-10-24", "--tally", "11-2-2", "--permanent-no", "RUS")
    ).splitlines()[:3] == [VETO, "", "11 votes in favour, 2 against, 2 abstentions; 9 required."]


def test_vote_tally_procedural_motion() -> None:
    args = ["vote", "--date", "2017-10-24", "--kind", "procedural_motion", "--tally", "4-8-3"]
    data = _decision(ok(run(*args, "--permanent-no", "FRA,GBR,USA", "--json")))
    assert (data["outcome"], data["procedural"], data["vetoed_by"]) == ("failed", True, [])
    assert (data["yes"], data["no"], data["abstain"], data["not_voting"]) == (4, 8, 3, 0)


def test_vote_tally_ballot_file(tmp_path: Path) -> None:
    ballot = {
        "date": "2017-10-24",
        "tally": {"yes": 11, "no": 2, "abstain": 2},
        "permanent_no": ["RUS"],
    }
    path = _ballot(tmp_path, json.dumps(ballot))
    tally = ok(
        run("vote", "--date", "2017-10-24", "--tally", "11-2-2", "--permanent-no", "RUS", "--json")
    )
    assert ok(run("vote", path, "--json")) == tally


# --- failures: exit 2 with a one-line message ---------------------------------


def _with_abstain(abstain: str) -> list[str]:
    return ["vote", *JIM_INLINE[:-1], abstain]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["council", "2017-02-30"],
            "bad date '2017-02-30': day 30 is invalid (February 2017 has 28 days)",
            id="bad-date",
        ),
        pytest.param(
            ["council", "1971-13-01"],
            "bad date '1971-13-01': month 13 is invalid (months are 01 to 12)",
            id="bad-month",
        ),
        pytest.param(
            ["council", "2024-02-30"],
            "bad date '2024-02-30': day 30 is invalid (February 2024 has 29 days)",
            id="bad-day-leap-year",
        ),
        pytest.param(
            ["council", "24/10/2017"],
            "bad date '24/10/2017' (write dates as YYYY-MM-DD)",
            id="bad-date-format",
        ),
        pytest.param(
            ["council", "2017-1\u00b2-01"],
            "bad date '2017-1\u00b2-01' (write dates as YYYY-MM-DD)",
            id="superscript-digit-in-date",
        ),
        pytest.param(
            ["vote", "--date", "2017-10-24", "--tally", "4-8-\u00b3"],
            "bad tally '4-8-\u00b3' (write yes-no-abstain, e.g. 11-2-2 or 14-0-0-1)",
            id="superscript-digit-in-tally",
        ),
        pytest.param(
            ["vote", "--date", "2017-13-01", "--yes", "FRA"],
            "bad date '2017-13-01': month 13 is invalid (months are 01 to 12)",
            id="bad-vote-date",
        ),
        pytest.param(
            ["council", "1946-01-16"],
            "no data for the Security Council on 1946-01-16 "
            "(the reference data covers 1946-01-17 to 2027-12-31)",
            id="before-first-meeting",
        ),
        pytest.param(
            ["council", "2028-01-01"],
            "no data for the Security Council on 2028-01-01 "
            "(the reference data covers 1946-01-17 to 2027-12-31)",
            id="after-last-covered",
        ),
        pytest.param(
            _with_abstain("CHN,XYZ"),
            f"unknown member state 'XYZ' ({MEMBER_HINT})",
            id="unknown-member",
        ),
        pytest.param(
            _with_abstain("CHN"),
            "no position for KAZ, a member of the Security Council on 2017-10-24 "
            "(give every member a position: Y, N, A or X (did not vote))",
            id="missing-member",
        ),
        pytest.param(
            _with_abstain("CHN,KAZ,DEU"),
            "DEU was not a member of the Security Council on 2017-10-24 "
            "(run `unsc council DATE` to list the members on that date)",
            id="non-member",
        ),
        pytest.param(
            [*_with_abstain("CHN,KAZ"), "--parties", "DEU"],
            "DEU was not a member of the Security Council on 2017-10-24 "
            "(run `unsc council DATE` to list the members on that date)",
            id="non-member-party",
        ),
        pytest.param(
            ["vote", "--date", "2017-10-24", "--yes", "RUS", "--no", "RUS"],
            "RUS is given two positions",
            id="two-positions",
        ),
        pytest.param(
            ["vote", "--date", "2017-10-24", "--yes", "RUS", "--no", "Russia"],
            "RUS appears more than once in the ballot of 2017-10-24 (list each member once)",
            id="duplicate-member",
        ),
        pytest.param(
            ["vote", str(JIM), "--date", "2017-10-24"],
            BOTH,
            id="both-ballot-and-inline",
        ),
        pytest.param(
            ["vote", str(JIM), "--yes", "FRA"],
            BOTH,
            id="both-ballot-and-yes",
        ),
        pytest.param(
            ["vote", str(JIM), "--without-vote"],
            BOTH,
            id="both-ballot-and-without-vote",
        ),
        pytest.param(
            ["vote", str(JIM), "--kind", "amendment"],
            BOTH,
            id="both-ballot-and-kind",
        ),
        pytest.param(
            ["vote", str(JIM), "--procedural"],
            BOTH,
            id="both-ballot-and-procedural",
        ),
        pytest.param(
            ["vote", "--date", "2017-10-24", "--tally", "11-2"],
            "bad tally '11-2' (write yes-no-abstain, e.g. 11-2-2 or 14-0-0-1)",
            id="bad-tally",
        ),
        pytest.param(
            ["vote", "--date", "2017-10-24", "--tally", "11-2-3"],
            "11+2+3 votes exceed the 15 members of the Council on 2017-10-24 "
            "(counts must add up to the Council's size)",
            id="tally-too-many-votes",
        ),
        pytest.param(
            ["vote", "--date", "2017-10-24", "--tally", "11-2-2", "--permanent-no", "JPN"],
            "JPN was not a permanent member on 2017-10-24 "
            "(permanent members then: CHN, FRA, RUS, GBR, USA)",
            id="tally-permanent-no-not-permanent",
        ),
        pytest.param(
            ["vote", "--tally", "11-2-2"],
            "--tally needs --date",
            id="tally-without-date",
        ),
        pytest.param(
            ["vote", "--date", "2017-10-24", "--permanent-no", "RUS", "--yes", "FRA"],
            "--permanent-no goes with --tally",
            id="permanent-no-without-tally",
        ),
        pytest.param(
            ["vote", "--date", "2017-10-24", "--tally", "11-2-2", "--yes", "FRA"],
            "give either --tally or per-member positions, not both",
            id="tally-and-positions",
        ),
        pytest.param(
            ["vote", str(JIM), "--tally", "11-2-2"],
            BOTH,
            id="both-ballot-and-tally",
        ),
        pytest.param(
            ["vote"],
            "no ballot (pass BALLOT.json, - for stdin, or --date with --yes/--no)",
            id="no-ballot",
        ),
        pytest.param(
            ["vote", "does-not-exist.json"],
            "cannot read does-not-exist.json: No such file or directory",
            id="no-such-file",
        ),
        pytest.param(
            ["presidents", "1945"],
            "no presidency data for 1945 (years 1946 to 2027 are covered)",
            id="presidents-out-of-range",
        ),
        pytest.param(
            ["vote", *JIM_INLINE, "--kind", "resolution"],
            "unknown kind 'resolution' (use one of draft_resolution, amendment, "
            "procedural_motion, agenda_adoption, preliminary_question, other)",
            id="unknown-kind-inline",
        ),
    ],
)
def test_invalid_input(args: list[str], message: str) -> None:
    assert fails(run(*args)) == f"unsc: error: {message}\n"


def test_unknown_kind_inline_is_one_line() -> None:
    result = run("vote", *JIM_INLINE, "--kind", "resolution")
    assert (result.exit_code, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1


def _ballot(tmp_path: Path, text: str) -> str:
    path = tmp_path / "ballot.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _jim_with(**fields: object) -> str:
    data = json.loads(JIM.read_text(encoding="utf-8"))
    data.update(fields)
    return json.dumps(data, indent=2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            '{"date": "2017-10-24",\n "votes": {"USA": "Y",}\n}\n',
            ", line 2, column 23: invalid JSON (Expecting property name enclosed in double quotes)",
            id="invalid-json",
        ),
        pytest.param(
            "",
            ", line 1, column 1: invalid JSON (Expecting value)",
            id="empty-file",
        ),
        pytest.param(
            _jim_with(kind="resolution"),
            ": unknown kind 'resolution' (use one of draft_resolution, amendment, "
            "procedural_motion, agenda_adoption, preliminary_question, other)",
            id="unknown-kind",
        ),
        pytest.param(
            _jim_with(date="24 Oct 2017"),
            ": bad date '24 Oct 2017' (write dates as YYYY-MM-DD)",
            id="bad-date",
        ),
        pytest.param(
            _jim_with(votes={"Atlantis": "Y"}),
            f": unknown member state 'Atlantis' ({MEMBER_HINT})",
            id="unknown-member",
        ),
        pytest.param(
            _jim_with(votes={"USA": "maybe"}),
            ": unknown position 'maybe' (use Y (yes), N (no), A (abstain), X (did not vote), "
            "absent or not_participating)",
            id="unknown-position",
        ),
        pytest.param(
            _jim_with(resolution="S/2017/884"),
            ": unknown ballot field 'resolution' "
            "(fields are date, kind, procedural, votes, parties, without_vote)",
            id="unknown-field",
        ),
        pytest.param("[]", ": a ballot must be a JSON object", id="not-an-object"),
    ],
)
def test_invalid_ballot_file(tmp_path: Path, text: str, message: str) -> None:
    """Name the file (and for bad JSON the line and column) in the one-line message."""
    path = _ballot(tmp_path, text)
    assert fails(run("vote", path)) == f"unsc: error: {path}{message}\n"


def test_invalid_json_on_stdin_names_stdin() -> None:
    assert fails(run("vote", "-", stdin="{\n")) == (
        "unsc: error: <stdin>, line 2, column 1: invalid JSON "
        "(Expecting property name enclosed in double quotes)\n"
    )


def test_missing_member_in_ballot_file(tmp_path: Path) -> None:
    data = json.loads(JIM.read_text(encoding="utf-8"))
    del data["votes"]["KAZ"]
    path = _ballot(tmp_path, json.dumps(data))
    assert fails(run("vote", path)) == (
        f"unsc: error: {path}: no position for KAZ, a member of the Security Council on 2017-10-24 "
        "(give every member a position: Y, N, A or X (did not vote))\n"
    )


# --- help, version, python -m -------------------------------------------------


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(flag: str) -> None:
    assert ok(run(flag)).startswith("Usage: unsc [OPTIONS] COMMAND [ARGS]...\n")
    assert ok(run("vote", flag)).startswith("Usage: unsc vote [OPTIONS] [BALLOT]\n")


def test_version() -> None:
    assert ok(run("--version")) == "unsc, version 0.1.0\n"


def test_python_m_unsc() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "unsc", "council", "2017-10-24", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["president"] == "FRA"


def test_council_csv_is_one_row_per_member() -> None:
    result = CliRunner().invoke(cli, ["council", "2017-10-24", "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    data = json.loads(CliRunner().invoke(cli, ["council", "2017-10-24", "--json"]).output)
    assert [r["code"] for r in rows] == [m["code"] for m in data["members"]]
    assert [r["code"] for r in rows if r["president"] == "True"] == ["FRA"]
    assert {r["date"] for r in rows} == {"2017-10-24"}
    assert next(r for r in rows if r["code"] == "CHN")["represented_by"] == (
        next(m for m in data["members"] if m["code"] == "CHN").get("represented_by", "") or ""
    )


def test_presidents_csv_matches_json() -> None:
    result = CliRunner().invoke(cli, ["presidents", "1984", "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    data = json.loads(CliRunner().invoke(cli, ["presidents", "1984", "--json"]).output)
    assert rows == [{k: str(v) for k, v in p.items()} for p in data]
    assert [r["code"] for r in rows][7:10] == ["BFA", "ZWE", "BFA"]


def test_json_and_csv_together_are_refused() -> None:
    for args in (["council", "2017-10-24"], ["presidents", "1984"]):
        result = CliRunner().invoke(cli, [*args, "--json", "--csv"])
        assert result.exit_code == 2
        assert "give --json or --csv, not both" in result.output


# --- unsc serve (make run): the port, where the database is ------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_serve_on_a_busy_port_says_so_in_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(
            "serve", "--database", f"sqlite:///{tmp_path / 'db.sqlite3'}", "--port", str(port)
        )
    assert result.exit_code == 2
    assert result.output == (
        f"unsc: error: port {port} on 127.0.0.1 is already in use (stop the other server, "
        "or choose another port: PORT=8001 make run, or unsc serve --port 8001)\n"
    )
    assert not (tmp_path / "db.sqlite3").exists()  # checked before anything else


def test_serve_says_where_the_database_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append(kw))
    monkeypatch.setenv("UNSC_DATA_DIR", "some/folder")
    monkeypatch.delenv("UNSC_AUTOLOAD", raising=False)
    db = tmp_path / "db.sqlite3"
    port = _free_port()
    result = run("serve", "--database", f"sqlite:///{db}", "--port", str(port), "--token", "t")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert f"Database: SQLite file {db}" in lines
    assert "Record: empty; loading it in the background from some/folder" in lines
    assert f"Serving unsc on http://127.0.0.1:{port}/ (API documented at /docs)" in lines
    assert calls[0]["port"] == port


def test_serve_hides_a_postgres_password() -> None:
    from unsc._cli.web import describe_database

    described = describe_database("postgresql+psycopg://me:secret@db.example:5432/unsc")
    assert "secret" not in described
    assert described.startswith("postgresql+psycopg://me:***@db.example:5432/unsc")


def test_make_run_takes_host_and_port_from_the_environment() -> None:
    import os

    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PORT": "8765", "HOST": "0.0.0.0"}
    dry = subprocess.run(
        ["make", "-n", "-W", ".venv/.installed", "run"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert '--host "0.0.0.0" --port "8765"' in dry
    plain = {k: v for k, v in os.environ.items() if k not in {"PORT", "HOST"}}
    dry = subprocess.run(
        ["make", "-n", "-W", ".venv/.installed", "run"],
        cwd=repo,
        env=plain,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert '--host "127.0.0.1" --port "8000"' in dry
