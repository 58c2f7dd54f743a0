"""`unsc extract -` (standard input) and `--check`.

The engine's checks are explained, and the records compared with the loaded
record of decisions (real data from ../shared/data).
"""

from __future__ import annotations

import json
import pathlib

import pytest
from click.testing import CliRunner

from test_reports import STORY
from test_web_support import TOKEN, client_for, record_file, record_url
from unsc._cli import main

__all__ = ["record_file", "record_url"]

RES_2401_WRONG = (
    "The Security Council adopted resolution 2401 (2018) by 14 votes to none, with one "
    "abstention, on 24 February 2018.\n"
)
RES_2401_RIGHT = "The Security Council unanimously adopted resolution 2401 on 24 February 2018.\n"


def _run(args: list[str], text: str, db: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--database", db, *args], input=text)
    return result.exit_code, result.stdout, result.stderr


def test_extract_reads_standard_input(tmp_path: pathlib.Path) -> None:
    code, out, _ = _run(["extract", "-", "--json"], STORY, f"sqlite:///{tmp_path / 'x.db'}")
    assert code == 0
    (item,) = json.loads(out)
    assert item["file"] == "<stdin>"
    assert [r["outcome"] for r in item["records"]] == ["failed", "vetoed"]
    code, out, _ = _run(["extract", "-"], STORY, f"sqlite:///{tmp_path / 'x.db'}")
    assert out.startswith("<stdin>: 2 votes")


def test_standard_input_is_read_once(tmp_path: pathlib.Path) -> None:
    code, _, err = _run(["extract", "-", "-"], STORY, f"sqlite:///{tmp_path / 'x.db'}")
    assert code == 2
    assert "only once" in err


def test_check_without_a_record_uses_the_engine_only(tmp_path: pathlib.Path) -> None:
    short = RES_2401_WRONG.replace("14 votes", "13 votes")
    code, out, err = _run(
        ["extract", "-", "--check", "--json"], short, f"sqlite:///{tmp_path / 'x.db'}"
    )
    assert code == 0
    assert "no record of decisions is loaded" in err
    (record,) = json.loads(out)[0]["records"]
    assert record["check"]["record"] is None
    # 13 + 0 + 1 is not fifteen: the engine says so
    assert "counts_do_not_add_up" in record["warnings"]
    assert any("do not add up" in m for m in record["check"]["warnings"])
    assert 0 < record["confidence"] < 1


@pytest.mark.realdata
def test_check_against_the_record_notes_agreement(record_url: str) -> None:
    code, out, _ = _run(["extract", "-", "--check", "--json"], RES_2401_RIGHT, record_url)
    assert code == 0
    (record,) = json.loads(out)[0]["records"]
    check = record["check"]["record"]
    assert check["decision"] == "res:2401"
    assert {"date", "yes", "no", "abstain", "outcome"} <= set(check["agrees"])
    assert check["disagrees"] == []
    assert "disagrees_with_record" not in record["warnings"]


@pytest.mark.realdata
def test_check_against_the_record_names_both_values_and_the_source(record_url: str) -> None:
    code, out, _ = _run(["extract", "-", "--check"], RES_2401_WRONG, record_url)
    assert code == 0
    assert "record disagrees: yes: the text gives 14, the record 15 (resolution 2401" in out
    assert "source: " in out
    code, out, _ = _run(["extract", "-", "--check", "--json"], RES_2401_WRONG, record_url)
    (record,) = json.loads(out)[0]["records"]
    assert "disagrees_with_record" in record["warnings"]


@pytest.mark.realdata
def test_check_finds_the_only_decision_of_the_day(record_url: str) -> None:
    code, out, _ = _run(["extract", "-", "--check", "--json"], STORY, record_url)
    assert code == 0
    draft = json.loads(out)[0]["records"][1]
    assert draft["check"]["record"]["decision"] == "draft:S/2017/884"
    assert "outcome" in draft["check"]["record"]["agrees"]


@pytest.mark.realdata
def test_api_extract_checks_against_the_record(record_url: str) -> None:
    with client_for(record_url) as web:
        body = web.post(
            "/api/extract",
            json={"text": RES_2401_WRONG},
            headers={"Authorization": f"Bearer {TOKEN}"},
        ).json()
    (check,) = body["checks"]
    assert check["record"]["decision"] == "res:2401"
    assert any("the record 15" in m for m in check["record"]["disagrees"])
    assert "disagrees_with_record" in body["records"][0]["warnings"]
