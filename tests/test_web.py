"""The web app on a real record: the JSON API in the CLI's shapes, the pages, the reads.

The record is loaded from ``../shared/data`` (see ``test_web_support``); the
API is checked against the command line's ``--json`` output on the same
database, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
import pathlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
import sqlalchemy.orm  # fresh_database's teardown uses sa.orm
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dbfixtures import fresh_database
from realdata import require_shared
from test_web_support import (
    client,
    client_for,
    empty_client,
    load_record,
    record_file,
    record_url,
)
from unsc._cli import main
from unsc._store import chamber_tables as tables
from unsc._web import databases
from unsc._web.agenda import agenda_topic
from unsc._web.services import Services

__all__ = ["client", "empty_client", "record_file", "record_url"]  # fixtures

pytestmark = pytest.mark.realdata

REPO = pathlib.Path(__file__).resolve().parent.parent


def cli_json(url: str, *args: str) -> Any:
    result = CliRunner().invoke(main, ["--database", url, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def services(c: TestClient) -> Services:
    s: Services = c.app.state.services  # type: ignore[attr-defined]
    return s


# --- The API, in the CLI's shapes, on SQLite and PostgreSQL --------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def api_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    data = require_shared() / "data"
    gen = fresh_database(request.param, tmp_path_factory.mktemp(f"api-{request.param}"))
    url = next(gen)
    load_record(url, data).engine.dispose()
    yield url
    for _ in gen:
        pass


@pytest.fixture(scope="module")
def api(api_url: str) -> Iterator[TestClient]:
    with client_for(api_url) as c:
        yield c


def test_api_council_is_the_cli_shape(api: TestClient, api_url: str) -> None:
    response = api.get("/api/council/2017-10-24")
    assert response.status_code == 200
    assert response.json() == cli_json(api_url, "council", "2017-10-24", "--json")
    assert response.json()["president"] == "FRA"


@pytest.mark.parametrize(
    ("example", "outcome"),
    [("2017-10-24-postponement-motion.json", "failed"), ("2017-10-24-jim-renewal.json", "vetoed")],
)
def test_api_vote_is_the_cli_shape(
    api: TestClient, api_url: str, example: str, outcome: str
) -> None:
    path = REPO / "examples" / example
    response = api.post("/api/vote", json=json.loads(path.read_text("utf-8")))
    assert response.status_code == 200
    assert response.json() == cli_json(api_url, "vote", str(path), "--json")
    assert response.json()["outcome"] == outcome


def test_api_vetoes_is_the_cli_shape(api: TestClient, api_url: str) -> None:
    response = api.get("/api/vetoes", params={"member": "RUS", "since": "2011-01-01"})
    expected = cli_json(api_url, "vetoes", "--member", "RUS", "--since", "2011-01-01", "--json")
    assert response.json() == expected
    assert "S/2017/884" in [v["draft"] for v in expected]
    everything = api.get("/api/vetoes").json()
    assert everything == cli_json(api_url, "vetoes", "--json")


def test_api_resolutions_is_the_cli_shape(api: TestClient, api_url: str) -> None:
    params = {"year": "2017", "member": "RUS", "vote": "A"}
    response = api.get("/api/resolutions", params=params)
    expected = cli_json(
        api_url, "resolutions", "--year", "2017", "--member", "RUS", "--vote", "A", "--json"
    )
    assert response.json() == expected
    assert expected, "Russia abstained on some resolutions of 2017"
    assert api.get("/api/resolutions", params={"text": "Syria", "year": "2017"}).json() == (
        cli_json(api_url, "resolutions", "--text", "Syria", "--year", "2017", "--json")
    )


def test_api_member_is_the_cli_shape(api: TestClient, api_url: str) -> None:
    response = api.get("/api/members/FRA")
    assert response.json() == cli_json(api_url, "member", "FRA", "--json")
    assert response.json()["agreement"]


def test_api_decision_and_status(api: TestClient) -> None:
    decision = api.get("/api/decisions/draft:S/2017/884").json()
    assert decision["adjudicated_outcome"] == "vetoed"
    assert decision["vetoed_by"] == ["RUS"]
    status = api.get("/api/status").json()
    assert status["record"]["counts"]["decisions"] > 1000


def test_openapi_describes_every_endpoint(api: TestClient) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in (
        "/api/council/{date}",
        "/api/vote",
        "/api/vetoes",
        "/api/resolutions",
        "/api/members/{code}",
    ):
        assert path in paths
    page = api.get("/docs")
    assert page.status_code == 200
    assert "POST /api/vote" in page.text
    assert "<script" not in page.text


def test_docs_render_markdown_and_describe_bodies_as_they_are(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    assert "``" not in json.dumps(spec), "OpenAPI descriptions are Markdown, not reST"
    assert spec["paths"]["/api/vote"]["post"]["description"].startswith(
        "Adjudicate a ballot (`unsc vote BALLOT.json --json`)"
    )
    page = api.get("/docs").text
    assert "``" not in page
    assert "<p>Adjudicate a ballot (<code>unsc vote BALLOT.json --json</code>).</p>" in page
    reports = page.split("<code>POST /api/reports</code>")[1].split("</section>")[0]
    assert "a BALLOT.json object" not in reports
    assert "<strong>ReportIn</strong>" in reports
    assert '<th scope="row"><code>text</code></th><td>string</td><td>yes</td>' in reports
    vote = page.split("<code>POST /api/vote</code>")[1].split("</section>")[0]
    assert "Example: S/2017/884 (vetoed)" in vote
    assert "&#34;kind&#34;: &#34;draft_resolution&#34;" in vote


# --- Reads are read-only and time-limited --------------------------------------------


def test_reads_cannot_write(api: TestClient) -> None:
    reader = services(api).reader
    with pytest.raises(sa.exc.DBAPIError), reader.begin() as conn:
        conn.execute(
            sa.insert(tables.sessions).values(
                title="x",
                date=sa.func.current_date(),
                president="FRA",
                status="open",
                created_at="",
            )
        )


def test_reads_stop_at_the_time_limit(api_url: str) -> None:
    reader = databases.read_engine(api_url, timeout=0.05)
    slow = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        if api_url.startswith("sqlite")
        else "SELECT pg_sleep(2)"
    )
    try:
        with pytest.raises(sa.exc.OperationalError) as info, reader.connect() as conn:
            conn.execute(sa.text(slow)).all()
        assert re.search(r"interrupted|statement timeout|canceling", str(info.value))
    finally:
        reader.dispose()


# --- Pages --------------------------------------------------------------------------


def test_council_page(client: TestClient) -> None:
    page = client.get("/council/2017-10-24").text
    assert 'President: <a href="/members/FRA" class="president-name">France</a>' in page
    assert page.count('class="seat permanent') == 5
    assert page.count('class="seat elected') == 10
    assert 'class="seat elected president' not in page
    assert '<title id="horseshoe-title">The Security Council on 2017-10-24</title>' in page
    ending = page.split("Terms ending this year")[1].split("</ul>")[0]
    assert "Italy" in ending  # the split term: Italy 2017, the Netherlands 2018
    assert "Bolivia" not in ending
    assert client.get("/", params={"date": "1950-06-27"}).text.count('class="seat ') == 11


def test_explorer_filters_facets_and_downloads(client: TestClient) -> None:
    params = {"view": "drafts", "from": "2017", "to": "2017", "member": "RUS", "vote": "N"}
    page = client.get("/record", params=params)
    assert page.status_code == 200
    total = int(re.search(r'<span id="total">(\d+)</span>', page.text).group(1))  # type: ignore[union-attr]
    rows = list(csv.DictReader(io.StringIO(client.get("/record/download.csv", params=params).text)))
    assert len(rows) == total > 0
    assert "S/2017/884" in {r["draft"] for r in rows}
    assert {r["date"][:4] for r in rows} == {"2017"}
    data = client.get("/record/download.json", params=params).json()
    assert [r["key"] for r in data] == [r["key"] for r in rows]
    everything = client.get("/record", params={"view": "resolutions"}).text
    assert "Next page" in everything
    outcome_facets = re.findall(
        r'outcome=(\w+)"[^>]*>\w+</a> <span class="count">(\d+)', everything
    )
    assert dict(outcome_facets)["adopted"] == str(
        len(client.get("/record/download.json", params={"view": "resolutions"}).json())
    )


def test_explorer_numbered_pages_and_the_page_past_the_end(client: TestClient) -> None:
    first = client.get("/record", params={"view": "resolutions"}).text
    total = int(re.search(r'<span id="total">(\d+)</span>', first).group(1))  # type: ignore[union-attr]
    pages = -(-total // 50)
    assert f"Page 1 of {pages}" in first
    assert re.search(
        rf'href="\?view=resolutions&amp;page={pages}" aria-label="Page {pages}"', first
    )
    middle = client.get("/record", params={"view": "resolutions", "page": "10"}).text
    for n in (1, 8, 9, 11, 12, pages):
        assert f'aria-label="Page {n}">{n}</a>' in middle, n
    assert 'aria-current="page" href="?view=resolutions&amp;page=10"' in middle
    assert client.get("/record", params={"page": str(pages)}).status_code == 200
    past = client.get("/record", params={"page": "999"})
    assert past.status_code == 404
    assert f"page 999 of {pages}" in past.text
    assert "page 999 of" not in client.get("/record", params={"page": str(pages)}).text


def test_explorer_sorts_by_column(client: TestClient) -> None:
    def column(params: dict[str, str], name: str) -> list[Any]:
        rows = client.get("/record/download.json", params=params).json()
        return [r[name] for r in rows]

    most_yes = column({"view": "drafts", "sort": "yes", "dir": "desc"}, "yes")
    counted = [n for n in most_yes if n is not None]
    assert counted == sorted(counted, reverse=True)
    assert most_yes[-1] is None, "rows without a count go last"
    newest = column({"view": "resolutions", "dir": "desc"}, "resolution")
    assert newest[:2] == sorted(newest, reverse=True)[:2]
    page = client.get(
        "/record", params={"view": "resolutions", "sort": "resolution", "dir": "desc"}
    )
    first_row = page.text.split("<tbody>")[1].split("</tr>")[0]
    assert f">{max(newest)}</a>" in first_row
    assert 'aria-sort="descending"' in page.text
    assert 'href="?view=resolutions&amp;sort=resolution"' in page.text  # the toggle back
    assert 'href="?view=resolutions&amp;sort=resolution&amp;dir=desc&amp;page=2"' in page.text
    assert client.get("/record", params={"sort": "colour"}).status_code == 422
    assert client.get("/record", params={"dir": "up"}).status_code == 422


def test_explorer_views_and_decade_facets_link_to_pages_that_exist(client: TestClient) -> None:
    page = client.get("/record").text
    for view in ("resolutions", "drafts", "vetoes"):
        assert f'href="/record?view={view}"' in page
    assert "from=1940" not in page
    assert 'href="?view=resolutions&amp;from=1946&amp;to=1949"' in page
    assert client.get("/record", params={"from": "1946", "to": "1949"}).status_code == 200


def test_every_veto_links_to_its_decision(client: TestClient) -> None:
    for path in ("/vetoes", "/members/SUN", "/members/USA"):
        links = set(re.findall(r'href="(/decisions/[^"]+)"', client.get(path).text))
        assert len(links) > 10
        for href in links:
            assert client.get(href).status_code == 200, (path, href)


def test_previous_month_stops_at_the_first_meeting(client: TestClient) -> None:
    page = client.get("/council/1946-02-10").text
    assert 'href="/council/1946-01-17">Previous month' in page
    first = client.get("/council/1946-01-17").text
    assert "Previous month" not in first
    assert 'href="/council/1946-02-' in first


def test_explorer_escapes_what_it_shows(client: TestClient) -> None:
    page = client.get("/record", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_decision_page(client: TestClient) -> None:
    page = client.get("/decisions/draft:S/2017/884").text
    assert "negative_vote_permanent_member" in page
    assert "11 in favour, 2 against, 2 abstaining" in page
    assert "sc-votes-1994-2025/sc_voting.csv" in page
    assert "Russian Federation</a></th><td>No</td>" in page


def test_decision_page_links_documents_meeting_council_and_mandate(client: TestClient) -> None:
    page = client.get("/decisions/draft:S/2017/884").text
    assert 'href="https://undocs.org/en/S/2017/884"' in page
    assert 'href="https://undocs.org/en/S/PV.8073"' in page
    assert 'href="/council/2017-10-24"' in page
    assert 'would have renewed <a href="/mandates/JIM">' in page
    created = client.get("/decisions/res:2235").text
    assert 'href="https://undocs.org/en/S/RES/2235(2015)"' in created
    assert 'establishes <a href="/mandates/JIM">' in created
    assert 'renews <a href="/mandates/JIM">' in client.get("/decisions/res:2319").text


@pytest.mark.parametrize("key", ["res:2401", "res:2334", "res:1000", "res:82", "draft:S/10768"])
def test_decision_page_when_a_reason_names_no_member(client: TestClient, key: str) -> None:
    response = client.get(f"/decisions/{key}")
    assert response.status_code == 200, response.text[:500]
    reasons = client.get(f"/api/decisions/{key}").json()["reasons"]
    assert any("members" not in r for r in reasons), "the case this test is about"
    for r in reasons:
        assert f"<code>{r['code']}</code>" in response.text


def test_member_page(client: TestClient) -> None:
    page = client.get("/members/RUS").text
    agreement = client.get("/api/members/RUS").json()["agreement"]
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2
    assert "How often Russian Federation voted the same way as each other member" in page
    body = page.split('id="agreement-h"')[1]
    enough = [a for a in agreement if a["votes_together"] >= 20]
    assert 100 < len(enough) < len(agreement)
    assert body.count('<th scope="row">') == len(enough)
    assert "Hungary</a></th>" not in body, "1 vote together says nothing"
    assert '<a href="/members/HUN">Hungary</a> (1)' in body.split('class="too-few"')[1]
    chart = page.split('id="agreement-title"')[1].split("</svg>")[0]
    assert chart.count('class="dot"') == 20, "the 10 closest and the 10 furthest"
    box = re.search(r'viewBox="0 0 680 (\d+)"', page.split('id="agreement-title"')[0][-400:])
    assert box, "the agreement chart's size"
    assert int(box.group(1)) < 600
    closest = enough[0]
    assert f"{closest['agreement']:.1%} of {closest['votes_together']:,} votes" in chart
    assert client.get("/members").text.count('href="/members/') > 100


def test_resolution_1_lists_its_agenda_items_apart(client: TestClient) -> None:
    page = client.get("/decisions/res:1").text
    agenda = page.split('id="agenda-h"')[1].split("</ol>")[0]
    assert agenda.count("<li>") == 8
    assert "<li>Albanian application for membership of the United Nations</li>" in agenda
    explorer = client.get("/record", params={"from": "1946", "to": "1946"}).text
    first = explorer.split("<tbody>")[1].split("</tr>")[0]
    assert first.count('<span class="agenda-item">') == 8


def test_veto_chart_groups_near_duplicate_agenda_names(client: TestClient) -> None:
    page = client.get("/vetoes").text
    chart = page.split('id="by-agenda-title"')[1].split("</figure>")[0]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', chart)
    names = [name for name, _ in rows]
    assert names[0] == "The situation in the Middle East"
    assert not any(n.startswith("Middle East") for n in names)
    assert "The situation in the Middle East, including the Palestinian question" not in names
    vetoed = client.get("/api/vetoes").json()
    names_of_it = {v["agenda"] for v in vetoed if agenda_topic(v["agenda"]) == "middle east"}
    assert len(names_of_it) >= 5, "the record's names of the one agenda item"
    counted = sum(1 for v in vetoed if v["agenda"] in names_of_it)
    assert int(rows[0][1]) == counted > 50
    grouped = page.split('class="agenda-groups"')[1].split("</details>")[0]
    assert "Middle East situation, including the Palestinian question" in grouped


def test_vetoes_page(client: TestClient) -> None:
    page = client.get("/vetoes").text
    assert "Vetoes cast by member and decade" in page
    assert "Vetoed drafts by agenda item (top 15)" in page
    assert page.count("<summary>Table:") == 2
    assert 'href="/decisions/draft:S/2017/884"' in page


# --- An empty record: reference data still served, and how to load the record said ----


def test_empty_record_says_how_to_load(empty_client: TestClient) -> None:
    for path in ("/record", "/vetoes", "/members/FRA", "/decisions/res:1"):
        response = empty_client.get(path)
        if path.startswith("/decisions"):
            assert response.status_code == 404
            continue
        assert "unsc data load DIR" in response.text, path
    assert "France" in empty_client.get("/council/2017-10-24").text
    assert empty_client.get("/api/vetoes").json() == []


def test_background_load_at_start(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "data" / "wpdl-vetoes"
    folder.mkdir(parents=True)
    source = require_shared() / "data" / "wpdl-vetoes" / "unsc_vetoes_1946_sept2022.csv"
    (folder / source.name).write_bytes(source.read_bytes())
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    with client_for(url, autoload=True, data_dir=tmp_path / "data") as c:
        services(c).loader.wait(60)
        assert services(c).loader.status.state == "loaded", services(c).loader.status
        assert len(c.get("/api/vetoes").json()) > 100
        assert "unsc data load DIR" not in c.get("/vetoes").text


def test_failed_background_load_is_reported(tmp_path: pathlib.Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    with client_for(url, autoload=True, data_dir=tmp_path / "missing") as c:
        services(c).loader.wait(60)
        assert services(c).loader.status.state == "failed"
        page = c.get("/record").text
        assert "Loading it failed" in page
        assert "unsc data load DIR" in page


# --- The serve command ----------------------------------------------------------------


def test_serve_command_prints_a_generated_token_once(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.delenv("UNSC_TOKEN", raising=False)
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = CliRunner().invoke(main, ["serve", "--database", url, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Access token for writes") == 1
    assert calls == [
        {
            "app": "unsc._web.app:app_from_env",
            "factory": True,
            "host": "127.0.0.1",
            "port": 8123,
            "workers": 1,
            "log_level": "warning",
            "access_log": False,
        }
    ]
    given = CliRunner().invoke(main, ["serve", "--database", url, "--token", "abc"])
    assert "Access token" not in given.stderr


def test_explorer_counts_every_row_of_every_view(client: TestClient) -> None:
    """The page count comes from the view's rows: the last page exists, the next is 404.

    The unfiltered drafts view once counted 1 (a count with no FROM), so its
    page 2 answered 404 although the view holds every decision of the record.
    """
    from unsc._web.routes.record import PER_PAGE

    for view in ("resolutions", "drafts", "vetoes"):
        rows = client.get("/record/download.json", params={"view": view}).json()
        assert len(rows) > PER_PAGE, view
        last = -(-len(rows) // PER_PAGE)
        page = client.get("/record", params={"view": view, "page": str(last)})
        assert page.status_code == 200, (view, last)
        past = client.get("/record", params={"view": view, "page": str(last + 1)})
        assert past.status_code == 404, (view, last + 1)
        assert f"page {last + 1} of {last}:" in past.text
