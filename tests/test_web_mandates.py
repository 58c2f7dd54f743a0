"""The mandates pages: upcoming expiries, the calendar download, a body's timeline."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from test_web_support import client, empty_client, record_file, record_url
from unsc._cli import main

__all__ = ["client", "empty_client", "record_file", "record_url"]  # fixtures

pytestmark = pytest.mark.realdata


def test_the_jim_is_expiring_on_1_november_2017(client: TestClient) -> None:
    page = client.get("/mandates", params={"at": "2017-11-01"})
    assert page.status_code == 200
    row = re.search(r"OPCW-UN Joint Investigative Mechanism</a> \(JIM\).*?</tr>", page.text, re.S)
    assert row is not None
    assert "<td>expiring</td>" in row.group(0)
    assert "<td>2017-11-17 <small>(16 days)</small></td>" in row.group(0)


def test_the_jim_has_lapsed_on_20_november_2017(client: TestClient) -> None:
    page = client.get("/mandates", params={"at": "2017-11-20", "kind": "investigative_mechanism"})
    row = re.search(r"\(JIM\).*?</tr>", page.text, re.S)
    assert row is not None
    assert "<td>lapsed</td>" in row.group(0)


def test_the_timeline_draws_periods_and_the_failed_renewals(client: TestClient) -> None:
    page = client.get("/mandates/JIM")
    assert page.status_code == 200
    svg = page.text[page.text.index("<svg") : page.text.index("</svg>")]
    assert "Mandate timeline: OPCW-UN Joint Investigative Mechanism" in svg
    assert svg.count("<rect") >= 2  # the 2015 mandate and its extensions
    for draft in ("S/2017/884", "S/2017/962", "S/2017/970"):
        assert f'href="/decisions/draft:{draft}"' in page.text


def test_the_calendar_download(client: TestClient) -> None:
    response = client.get("/mandates.ics", params={"kind": "investigative_mechanism"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in response.content
    assert b"JIM" in response.content or b"Joint Investigative Mechanism" in response.content


def test_errors_come_in_the_one_shape(client: TestClient) -> None:
    missing = client.get("/mandates/NO-SUCH-BODY")
    assert missing.status_code == 404
    assert "not_found" in missing.text
    bad = client.get("/mandates", params={"at": "yesterday"})
    assert bad.status_code == 422


def test_an_empty_database_still_lists_the_authored_bodies(empty_client: TestClient) -> None:
    page = empty_client.get("/mandates", params={"at": "2017-11-01"})
    assert page.status_code == 200
    assert "(JIM)" in page.text


def test_the_mandates_page_says_when_expiry_is_not_known_and_links_resolutions(
    client: TestClient,
) -> None:
    page = client.get("/mandates").text
    rows = re.findall(r"<tr>\s*<td><a href=\"/mandates/.*?</tr>", page, re.S)
    assert len(rows) >= 10
    for row in rows:
        expires = re.findall(r"<td>(.*?)</td>", row, re.S)[3]
        assert expires.strip(), row
    unfil = next(r for r in rows if "(UNIFIL)" in r)
    assert "not known" in unfil
    assert '<a href="/decisions/res:425">S/RES/425 (1978)</a>' in unfil
    for href in set(re.findall(r'href="(/decisions/res:\d+)"', page)):
        assert client.get(href).status_code == 200, href


def test_the_jim_first_period_has_no_stated_end(client: TestClient) -> None:
    page = client.get("/mandates/JIM").text
    assert "<td>2015-08-07</td><td>not stated (renewed 2016-10-31)</td>" in page
    assert ">open<" not in page


def test_unsc_mandate_jim_first_period_is_not_open(record_url: str) -> None:
    result = CliRunner().invoke(main, ["--database", record_url, "mandate", "JIM"])
    assert result.exit_code == 0, result.output
    periods = [line for line in result.output.splitlines() if line.startswith("  period")]
    assert periods[0].split() == ["period", "2015-08-07", "to", "not", "stated", "S/RES/2235"]
    assert not any("open" in line for line in periods)
