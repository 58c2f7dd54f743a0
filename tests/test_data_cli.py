"""The record's commands on a loaded database: exact shapes, CSV and JSON, export."""

from __future__ import annotations

import csv
import io
import json
import pathlib

import pandas as pd
import pytest
from click.testing import CliRunner

from test_web_support import record_file, record_url
from unsc._cli import main

__all__ = ["record_file", "record_url"]  # fixtures

pytestmark = pytest.mark.realdata


def run(url: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--database", url, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_status_reports_agreement(record_url: str) -> None:
    status = json.loads(run(record_url, "data", "status", "--json"))
    assert status["agreement"]["unexplained"] == 0
    assert status["counts"]["resolutions"] >= 2640


def test_conflicts_surface_the_misprints(record_url: str) -> None:
    rows = json.loads(
        run(record_url, "data", "conflicts", "--kind", "resolution_number_misprint", "--json")
    )
    assert {r["chosen"] for r in rows} == {666, 695}
    assert all(r["values"][0]["file"].startswith("dhl-pages/") for r in rows)


def test_resolution_csv_has_one_row_per_member(record_url: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run(record_url, "resolution", "2334", "--csv"))))
    assert len(rows) == 15
    assert {r["member"]: r["vote"] for r in rows}["USA"] == "A"


def test_member_csv_is_the_agreement_table(record_url: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run(record_url, "member", "FRA", "--csv"))))
    gbr = next(r for r in rows if r["member"] == "GBR")
    assert float(gbr["agreement"]) > 0.95


def test_member_text_view_agrees_with_its_json(record_url: str) -> None:
    """The USSR's page: its seat, its 90 vetoes (the Library's list), agreement in words."""
    text = run(record_url, "member", "SUN")
    data = json.loads(run(record_url, "member", "SUN", "--json"))
    lines = text.splitlines()
    assert lines[0] == "Union of Soviet Socialist Republics (SUN)"
    assert "  permanent 1945-10-24 to 1991-12-23" in lines
    assert f"  vetoes cast: {len(data['vetoes'])}" in lines
    assert len(data["vetoes"]) == 90
    agreement = [line for line in lines if line.startswith("  agrees with ")]
    assert len(agreement) == min(10, len(data["agreement"]))
    for line, row in zip(agreement, data["agreement"], strict=False):
        n = row["votes_together"]
        assert line.endswith(f" of {n} vote" if n == 1 else f" of {n} votes"), line


def test_vetoes_csv_matches_json(record_url: str) -> None:
    as_json = json.loads(run(record_url, "vetoes", "--member", "CHN", "--json"))
    as_csv = list(
        csv.DictReader(io.StringIO(run(record_url, "vetoes", "--member", "CHN", "--csv")))
    )
    assert [r["draft"] or "" for r in as_json] == [r["draft"] for r in as_csv]


def test_export_parquet(record_url: str, tmp_path: pathlib.Path) -> None:
    run(record_url, "export", "--format", "parquet", str(tmp_path))
    decisions = pd.read_parquet(tmp_path / "decisions.parquet")
    assert len(decisions) > 3000
    assert (tmp_path / "bodies.parquet").exists()


def test_status_summary_comes_first_and_adds_up(record_url: str) -> None:
    status = json.loads(run(record_url, "data", "status", "--json"))
    counts, a = status["counts"], status["agreement"]
    assert a["agree"] + a["disagree"] == a["compared"]
    assert (
        a["known_source_errors"] + a["unconfirmed_source_errors"] + a["unexplained"]
        == a["disagree"]
    )
    assert a["compared"] + a["not_compared"] == counts["decisions"]
    assert sum(status["adjudication"].values()) == counts["decisions"]
    assert sum(status["conflicts"].values()) == counts["conflicts"]
    assert sum(f["observations"] for f in status["files"]) == counts["observations"]
    lines = run(record_url, "data", "status").splitlines()
    assert lines[0] == (
        f"The record: {counts['decisions']:,} decisions ({counts['resolutions']:,} resolutions) "
        f"at {counts['meetings']:,} meetings, from {len(status['files'])} source files."
    )
    assert lines[1].startswith(
        f"Re-adjudicated: {a['compared']:,} compared with their recorded outcome: "
        f"{a['agree']:,} agree, {a['disagree']:,} disagree "
        f"({a['known_source_errors']:,} confirmed source errors, "
        f"{a['unconfirmed_source_errors']:,} unconfirmed source errors, "
        f"{a['unexplained']:,} unexplained); "
        f"{a['not_compared']:,} not compared ("
    )
    assert lines[2].startswith(f"Conflicts between sources: {counts['conflicts']:,} (")
    assert not any(line.startswith("  ") for line in lines[:3])  # the file list comes after


def test_vetoes_text_has_headers_and_the_agenda(record_url: str) -> None:
    result = CliRunner().invoke(main, ["--database", record_url, "vetoes", "--year", "2017"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "date",
        "draft",
        "meeting",
        "vetoed_by",
        "yes",
        "no",
        "abstain",
        "agenda",
    ]
    jim = next(line for line in lines if "S/2017/884" in line)
    assert jim.split()[:7] == ["2017-10-24", "S/2017/884", "S/PV.8073", "RUS", "11", "2", "2"]
    assert jim.endswith("The situation in the Middle East")
    assert result.stderr == f"({len(lines) - 1} rows)\n"


def test_one_row_is_one_row(record_url: str) -> None:
    result = CliRunner().invoke(
        main,
        [
            *("--database", record_url, "drafts"),
            *("--since", "2017-10-24", "--until", "2017-10-24", "--outcome", "vetoed"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "(1 row)\n"
    assert "S/2017/884" in result.stdout


def test_vetoes_until_and_year(record_url: str) -> None:
    every = json.loads(run(record_url, "vetoes", "--member", "SUN", "--json"))
    until = json.loads(
        run(record_url, "vetoes", "--member", "SUN", "--until", "1960-12-31", "--json")
    )
    assert 0 < len(until) < len(every)
    assert until == [r for r in every if r["date"] <= "1960-12-31"]
    year = json.loads(run(record_url, "vetoes", "--year", "2017", "--json"))
    assert len(year) == 6
    assert {r["date"][:4] for r in year} == {"2017"}


def test_resolutions_member_without_vote(record_url: str) -> None:
    alone = json.loads(run(record_url, "resolutions", "--member", "KAZ", "--json"))
    by_vote = [
        r
        for v in "YNAX"
        for r in json.loads(
            run(record_url, "resolutions", "--member", "KAZ", "--vote", v, "--json")
        )
    ]
    assert len(alone) == len(by_vote) > 100
    assert {r["date"][:4] for r in alone} == {"2017", "2018"}


def test_drafts_year_member_and_csv(record_url: str) -> None:
    as_json = json.loads(
        run(record_url, "drafts", "--year", "2017", "--member", "RUS", "--vote", "N", "--json")
    )
    assert [r["draft"] for r in as_json] == [
        "S/2017/172",
        "S/2017/315",
        "S/2017/884",
        "S/2017/962",
        "S/2017/970",
    ]
    as_csv = list(
        csv.DictReader(
            io.StringIO(
                run(
                    record_url,
                    "drafts",
                    "--year",
                    "2017",
                    "--member",
                    "RUS",
                    "--vote",
                    "N",
                    "--csv",
                )
            )
        )
    )
    assert [r["draft"] for r in as_csv] == [r["draft"] for r in as_json]
    assert as_csv[0]["vetoed_by"] == "CHN;RUS"
    failed = json.loads(
        run(record_url, "drafts", "--outcome", "failed", "--year", "1972", "--json")
    )
    assert failed
    assert {r["adjudicated_outcome"] for r in failed} == {"failed"}
