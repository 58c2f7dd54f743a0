"""The JSON API against the command line, over the real record: same shapes, same filters.

``/api/drafts``, ``/api/presidents``, ``/api/mandates``, ``/api/power`` and
the filters of ``/api/vetoes`` and ``/api/resolutions`` answer exactly what
the CLI prints with ``--json`` for the same filters; a parameter an address
does not take, or a value out of range, is a 4xx in the one error shape.
"""

from __future__ import annotations

import json
import pathlib
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from pydantic import BaseModel

from test_web_errors import json_error
from test_web_support import client_for, record_file, record_url
from unsc._cli import main
from unsc._web.routes import mandates, power, presidents, record, vetoes

__all__ = ["record_file", "record_url"]  # fixtures


@pytest.fixture(scope="module")
def url(record_file: pathlib.Path) -> str:
    return f"sqlite:///{record_file}"


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[TestClient]:
    with client_for(url) as c:
        yield c


def cli(url: str, *args: str) -> Any:
    result = CliRunner().invoke(main, ["--database", url, *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def get(client: TestClient, path: str, **params: str) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


CASES = [
    ("/api/drafts", {"year": "2017", "member": "RUS", "vote": "N"}),
    ("/api/drafts", {"since": "1946-01-01", "until": "1946-12-31", "outcome": "vetoed"}),
    ("/api/drafts", {"member": "BOL", "text": "Middle East"}),
    ("/api/drafts", {"failed": "true", "year": "1972"}),
    ("/api/vetoes", {"member": "SUN", "until": "1950-12-31"}),
    ("/api/vetoes", {"year": "2017"}),
    ("/api/vetoes", {"since": "2011-01-01", "until": "2017-12-31", "text": "Syria"}),
    ("/api/resolutions", {"member": "BOL"}),
    ("/api/resolutions", {"year": "2017", "member": "RUS", "vote": "A"}),
    ("/api/resolutions", {"since": "2016-12-23", "until": "2016-12-23"}),
]


def _flags(params: dict[str, str]) -> list[str]:
    out: list[str] = []
    for name, value in params.items():
        out += [f"--{name}"] if value == "true" else [f"--{name}", value]
    return out


@pytest.mark.realdata
@pytest.mark.parametrize(("path", "params"), CASES, ids=[f"{p}{q}" for p, q in CASES])
def test_the_api_is_the_cli(
    client: TestClient, url: str, path: str, params: dict[str, str]
) -> None:
    rows = get(client, path, **params)
    assert rows == cli(url, path.removeprefix("/api/"), *_flags(params))
    assert rows, "a filter that matches nothing proves little"


@pytest.mark.realdata
def test_until_is_a_real_filter(client: TestClient) -> None:
    every = get(client, "/api/vetoes", member="SUN")
    until = get(client, "/api/vetoes", member="SUN", until="1960-12-31")
    assert 0 < len(until) < len(every)
    assert until == [r for r in every if r["date"] <= "1960-12-31"]
    assert get(client, "/api/vetoes", year="1984") == [
        r for r in get(client, "/api/vetoes") if r["date"].startswith("1984-")
    ]


@pytest.mark.realdata
def test_member_alone_is_every_decision_it_voted_on(client: TestClient) -> None:
    voted = get(client, "/api/resolutions", member="BOL")
    by_position = [
        row for v in "YNAX" for row in get(client, "/api/resolutions", member="BOL", vote=v)
    ]
    assert sorted(r["key"] for r in voted) == sorted(r["key"] for r in by_position)
    # Bolivia sat in 2017-2018: all its resolutions are from then
    assert {r["date"][:4] for r in voted} <= {"1964", "1965", "1978", "1979", "2017", "2018"}
    assert len(voted) > 100


@pytest.mark.realdata
def test_drafts_filters(client: TestClient) -> None:
    rows = get(client, "/api/drafts", year="2017", outcome="vetoed")
    assert rows
    assert all(r["date"].startswith("2017-") for r in rows)
    assert all(r["adjudicated_outcome"] == "vetoed" for r in rows)
    assert "draft:S/2017/884" in {r["key"] for r in rows}


def test_presidents_is_the_cli(client: TestClient, url: str) -> None:
    rows = get(client, "/api/presidents", year="1984")
    assert rows == cli(url, "presidents", "1984")
    assert [r["code"] for r in rows][7:10] == ["BFA", "ZWE", "BFA"]
    PresidencyList.model_validate({"rows": rows})


@pytest.mark.realdata
def test_mandates_are_the_cli(client: TestClient, url: str) -> None:
    rows = get(client, "/api/mandates", at="2017-11-01")
    assert rows == cli(url, "mandates", "--at", "2017-11-01")
    jim = next(r for r in rows if r["key"] == "JIM")
    assert jim["status"] == "expiring"
    assert jim["failed_renewals"][0]["draft"] == "S/2017/884"
    ended = get(client, "/api/mandates", at="2017-11-01", all="true")
    assert ended == cli(url, "mandates", "--at", "2017-11-01", "--all")
    assert len(ended) > len(rows)
    one = get(client, "/api/mandates/JIM", at="2017-11-01")
    assert one == cli(url, "mandate", "JIM", "--at", "2017-11-01")
    for row in rows:
        mandates.MandateOut.model_validate(row)
    mandates.MandateDetailOut.model_validate(one)
    json_error(client.get("/api/mandates/NOPE"), 404, "not_found")
    json_error(client.get("/api/mandates", params={"kind": "army"}), 422, "invalid_input")


def test_power_is_the_cli(client: TestClient, url: str) -> None:
    on_date = get(client, "/api/power", date="2017-10-24")
    assert on_date == cli(url, "power", "--date", "2017-10-24")
    assert {p["code"] for p in on_date["players"]} >= {"BOL", "KAZ", "RUS", "USA"}
    assert get(client, "/api/power", game="council-1966", index="ss") == cli(
        url, "power", "council-1966", "--index", "ss"
    )
    assert get(client, "/api/power")["game"] == cli(url, "power")["game"]
    power.PowerOut.model_validate(on_date)
    json_error(
        client.get("/api/power", params={"date": "2017-10-24", "game": "eu27"}),
        422,
        "invalid_input",
    )
    json_error(client.get("/api/power", params={"game": "nope"}), 400, "bad_request")
    json_error(client.get("/api/power", params={"date": "1900-01-01"}), 400, "bad_request")


class PresidencyList(BaseModel):
    rows: list[presidents.PresidencyOut]


@pytest.mark.realdata
def test_the_response_models_hold_the_real_rows(client: TestClient) -> None:
    for row in get(client, "/api/drafts", year="2017"):
        record.RecordRowOut.model_validate(row)
    for row in get(client, "/api/vetoes"):
        vetoes.VetoOut.model_validate(row)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/vetoes", {"until": "1984-12-31", "untill": "1984-12-31"}),
        ("/api/vetoes", {"vote": "N"}),
        ("/api/resolutions", {"outcome": "adopted"}),
        ("/api/drafts", {"page": "2"}),
        ("/api/presidents", {"year": "1984", "month": "5"}),
        ("/api/mandates", {"within": "30"}),
        ("/api/power", {"weights": "1,2"}),
        ("/api/council/2017-10-24", {"x": "1"}),
        ("/api/members/FRA", {"vote": "Y"}),
        ("/api/status", {"verbose": "1"}),
    ],
)
def test_an_unknown_parameter_is_422(
    tmp_path: pathlib.Path, path: str, params: dict[str, str]
) -> None:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        message = json_error(c.get(path, params=params), 422, "invalid_input")
    unknown = next(k for k in params if k not in {"until", "year"})
    assert message.startswith(f"{unknown}: unknown query parameter"), message


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/vetoes", {"until": "1984-13-31"}),
        ("/api/vetoes", {"since": "yesterday"}),
        ("/api/drafts", {"vote": "maybe", "member": "RUS"}),
        ("/api/drafts", {"outcome": "lost"}),
        ("/api/drafts", {"failed": "perhaps"}),
        ("/api/presidents", {}),
        ("/api/presidents", {"year": "1900"}),
        ("/api/mandates", {"expiring_within": "-1"}),
        ("/api/resolutions", {"text": "x" * 201}),
    ],
)
def test_a_malformed_parameter_is_422(
    tmp_path: pathlib.Path, path: str, params: dict[str, str]
) -> None:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        json_error(c.get(path, params=params), 422, "invalid_input")


BIG = "99999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        "/api/resolutions?year=-1",
        "/api/resolutions?year=0",
        "/api/resolutions?year=10000",
        f"/api/resolutions?year={BIG}",
        f"/api/drafts?year={BIG}",
        f"/api/vetoes?year={BIG}",
        f"/api/presidents?year={BIG}",
        f"/api/mandates?expiring_within={BIG}",
        f"/api/reports/{BIG}",
        f"/api/reports/votes/{BIG}",
        f"/chamber/{BIG}999",
        f"/chamber/{BIG}/export.json",
        f"/reports/{BIG}",
        "/api/reports/0",
        "/api/reports/-1",
        "/chamber/-5",
    ],
)
def test_out_of_range_integers_are_4xx(tmp_path: pathlib.Path, path: str) -> None:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        response = c.get(path)
    assert 400 <= response.status_code < 500, (path, response.status_code, response.text[:300])
    if path.startswith("/api") or path.endswith(".json"):
        json_error(response, response.status_code, response.json()["error"]["code"])
    else:
        assert f'data-status="{response.status_code}"' in response.text


@pytest.mark.parametrize(
    "path",
    [
        f"/chamber/{BIG}/questions",
        f"/chamber/1/questions/{BIG}/vote",
        f"/chamber/{BIG}/resume",
        f"/reports/votes/{BIG}/confirm",
        f"/api/reports/votes/{BIG}/confirm",
        f"/api/reports/votes/{BIG}/reject",
    ],
)
def test_out_of_range_ids_in_writes_are_4xx(tmp_path: pathlib.Path, path: str) -> None:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        response = c.post(path)
    assert 400 <= response.status_code < 500, (path, response.status_code)


SHARED = [
    ("drafts", {"year": "2017", "member": "RUS", "vote": "N"}),
    ("drafts", {"since": "1946-01-01", "until": "1946-12-31", "outcome": "vetoed"}),
    ("drafts", {"member": "BOL", "text": "Middle East"}),
    ("resolutions", {"member": "BOL"}),
    ("resolutions", {"since": "2016-12-23", "until": "2016-12-23"}),
    ("vetoes", {"member": "SUN", "until": "1950-12-31"}),
    ("vetoes", {"year": "2017", "text": "Middle"}),
]


@pytest.mark.realdata
@pytest.mark.parametrize(("view", "params"), SHARED, ids=[f"{v}{p}" for v, p in SHARED])
def test_the_explorer_takes_the_same_filters(
    client: TestClient, view: str, params: dict[str, str]
) -> None:
    """``/record`` and its downloads take the CLI's and the API's names, with the same meaning."""
    explored = get(client, "/record/download.json", view=view, **params)
    answered = get(client, f"/api/{view}", **params)
    assert explored
    assert [(r["date"], r["draft"]) for r in explored] == [
        (r["date"], r["draft"]) for r in answered
    ]
    page = client.get("/record", params={"view": view, **params})
    assert page.status_code == 200
    assert f'<span id="total">{len(explored)}</span>' in page.text


def test_the_explorer_refuses_a_bad_date_or_two_year_filters(tmp_path: pathlib.Path) -> None:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        for params in (
            {"since": "1984-13-01"},
            {"until": "later"},
            {"year": "2017", "from": "2016"},
            {"from": "\u2082"},  # a subscript two: a digit to str.isdigit, not to int()
            {"year": "\u00b9\u00b9"},
        ):
            json_error(c.get("/record/download.json", params=params), 422, "invalid_input")
