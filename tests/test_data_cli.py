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
