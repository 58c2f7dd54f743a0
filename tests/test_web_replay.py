"""The replay page and ``GET /api/replay`` on a real record, and on an empty one."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
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
from unsc._power.replay import RuleVariant
from unsc._power.replay_record import replay_record

__all__ = ["client", "empty_client", "record_file", "record_url"]  # fixtures

pytestmark = pytest.mark.realdata

SVG = '<svg xmlns="http://www.w3.org/2000/svg" class="chart"'


def cli_json(url: str, *args: str) -> Any:
    result = CliRunner().invoke(main, ["--database", url, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def error_of(response: Any) -> dict[str, Any]:
    body: dict[str, Any] = response.json()
    assert list(body) == ["error"]
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == response.status_code
    return body["error"]  # type: ignore[no-any-return]


def test_page_shows_counts_charts_and_the_list(client: TestClient) -> None:
    response = client.get("/replay", params={"rule": "no-veto"})
    assert response.status_code == 200
    page = response.text
    data = client.get("/api/replay", params={"rule": "no-veto"}).json()
    assert "No veto at all: the required majority decides." in page
    assert f'<strong class="replayed">{data["replayed"]}</strong>' in page
    assert f'<strong class="changed">{data["changed"]}</strong>' in page
    assert f'<strong class="skipped">{sum(data["skipped"].values())}</strong>' in page
    assert page.count(SVG) == 2
    assert '<figcaption id="replay-decades-caption">Changed decisions by decade' in page
    assert page.count("<summary>Table:") == 2
    assert '<th scope="row">vetoed → adopted</th>' in page
    assert 'href="/decisions/draft:S/2017/884">S/2017/884</a>' in page
    listed = page.split("Decisions whose outcome changes under no-veto")[1]
    assert listed.count("<tr><td>") == data["changed"]


def test_chart_table_has_the_decade_counts(client: TestClient) -> None:
    page = client.get("/replay", params={"rule": "double-veto"}).text
    data = client.get("/api/replay", params={"rule": "double-veto"}).json()
    table = page.split("<summary>Table: Changed decisions by decade</summary>")[1]
    table = table.split("</table>")[0]
    header = re.findall(r'<th scope="col">([^<]*)</th>', table)
    assert header[0] == "Change"
    assert header[-1] == "Total"
    cells = re.findall(r"<td>(\d+)</td>", table)
    counts = dict(zip(header[1:-1], map(int, cells[:-1]), strict=True))
    assert {k: v for k, v in counts.items() if v} == data["by_decade"]
    assert int(cells[-1]) == data["changed"]


def test_default_rule_and_the_picker(client: TestClient) -> None:
    page = client.get("/replay").text
    assert '<option value="double-veto" selected>' in page
    for variant in RuleVariant:
        assert f'<option value="{variant.value}"' in page
    assert '<label for="rule">Rule variant</label>' in page
    assert '<a href="/replay" aria-current="page">Replay</a>' in page


def test_charter_changes_nothing(client: TestClient) -> None:
    page = client.get("/replay", params={"rule": "charter"}).text
    assert "No decision changes outcome under this rule." in page
    assert SVG not in page


def test_meeting_keys_are_linked_escaped(client: TestClient) -> None:
    page = client.get("/replay", params={"rule": "double-veto"}).text
    href = "/decisions/meeting:S/PV.57@1946-08-29%232"
    assert f'href="{href}">S/PV.57 #2</a>' in page
    assert client.get(href).status_code == 200


@pytest.mark.parametrize("rule", [v.value for v in RuleVariant])
def test_api_is_the_cli_json(client: TestClient, record_url: str, rule: str) -> None:
    response = client.get("/api/replay", params={"rule": rule})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == cli_json(record_url, "replay", "--rule", rule, "--json")


def test_report_is_computed_once_per_rule(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counting(conn: Any, rule: Any) -> Any:
        calls.append(str(rule))
        return replay_record(conn, rule)

    monkeypatch.setattr("unsc._web.routes.replay.replay_record", counting)
    client.get("/replay", params={"rule": "ten-votes"})
    client.get("/api/replay", params={"rule": "ten-votes"})
    client.get("/api/replay", params={"rule": "ten_votes"})
    assert calls == ["ten-votes"]


def test_unknown_rule_is_one_error_shape(client: TestClient) -> None:
    response = client.get("/api/replay", params={"rule": "triple-veto"})
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "bad_request"
    assert error["message"].startswith("unknown rule variant 'triple-veto'")
    assert "double-veto" in error["message"]
    page = client.get("/replay", params={"rule": "triple-veto"})
    assert page.status_code == 400
    assert 'data-status="400" data-code="bad_request"' in page.text
    assert "unknown rule variant &#39;triple-veto&#39;" in page.text


def test_missing_rule_is_one_error_shape(client: TestClient) -> None:
    response = client.get("/api/replay")
    assert response.status_code == 422
    assert error_of(response)["code"] == "invalid_input"


def test_api_is_documented(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/replay" in spec["paths"]
    assert "/replay" not in spec["paths"]
    assert "/api/replay" in client.get("/docs").text


def test_empty_record(empty_client: TestClient) -> None:
    page = empty_client.get("/replay", params={"rule": "no-veto"})
    assert page.status_code == 200
    assert "unsc data load DIR" in page.text
    assert SVG not in page.text
    response = empty_client.get("/api/replay", params={"rule": "no-veto"})
    assert response.status_code == 503
    error = error_of(response)
    assert error["code"] == "unavailable"
    assert "unsc data load DIR" in error["message"]
    assert empty_client.get("/api/replay", params={"rule": "nope"}).status_code == 400


# --- PostgreSQL: the same report as on SQLite --------------------------------------------


@pytest.fixture(scope="module")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shared data loaded into a fresh PostgreSQL database (skips without a server)."""
    data = require_shared() / "data"
    gen = fresh_database("postgresql", tmp_path_factory.mktemp("replay-pg"))
    url = next(gen)
    load_record(url, data).engine.dispose()
    yield url
    for _ in gen:
        pass


@pytest.mark.parametrize("rule", ["double-veto", "abstention-veto"])
def test_postgresql_gives_the_sqlite_report(postgres_url: str, record_url: str, rule: str) -> None:
    on_sqlite = cli_json(record_url, "replay", "--rule", rule, "--json")
    assert cli_json(postgres_url, "replay", "--rule", rule, "--json") == on_sqlite
    with client_for(postgres_url) as c:
        assert c.get("/api/replay", params={"rule": rule}).json() == on_sqlite


def test_page_and_api_are_kept_whole_while_the_record_is_unchanged(client: TestClient) -> None:
    """A repeated GET is answered from the kept bytes (``_web.kept_responses``), identical."""
    cache = client.app.state.services.cache  # type: ignore[attr-defined]
    for path, query in (("/replay", b"rule=no-veto"), ("/api/replay", b"rule=ten-votes")):
        first = client.get(f"{path}?{query.decode()}")
        assert first.status_code == 200
        kept = cache.response(("response", path, query))
        assert kept is not None
        assert kept.body == first.content
        assert client.get(f"{path}?{query.decode()}").content == first.content
    assert cache.response(("response", "/api/replay", b"rule=nonsense")) is None
    assert client.get("/api/replay?rule=nonsense").status_code == 400
    assert cache.response(("response", "/api/replay", b"rule=nonsense")) is None
