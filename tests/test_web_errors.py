"""Every failure path of the web app, HTML and JSON, in the one error shape."""

from __future__ import annotations

import pathlib
import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from httpx2 import Response

from test_web_support import TOKEN, client_for, unlock


@pytest.fixture
def app_client(tmp_path: pathlib.Path) -> Iterator[TestClient]:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        yield c


def json_error(response: Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    message: str = body["error"]["message"]
    assert message
    return message


def html_error(response: Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert f'data-status="{status}" data-code="{code}"' in page
    assert f"<h1>Error {status}</h1>" in page
    match = re.search(r'<dd class="message">(.*?)</dd>', page)
    assert match
    assert match.group(1)
    return match.group(1)


def test_404(app_client: TestClient) -> None:
    html_error(app_client.get("/no/such/page"), 404, "not_found")
    json_error(app_client.get("/api/no/such"), 404, "not_found")
    assert "ZZZ" in json_error(app_client.get("/api/members/ZZZ"), 404, "not_found")
    html_error(app_client.get("/members/ZZZ"), 404, "not_found")
    json_error(app_client.get("/api/decisions/draft:S/1/1"), 404, "not_found")
    html_error(app_client.get("/chamber/999"), 404, "not_found")


def test_422_bad_input(app_client: TestClient) -> None:
    assert "date" in json_error(app_client.get("/api/council/24-10-2017"), 422, "invalid_input")
    html_error(app_client.get("/council/yesterday"), 422, "invalid_input")
    html_error(app_client.get("/record", params={"from": "abc"}), 422, "invalid_input")
    json_error(app_client.get("/record/download.json", params={"to": "3000"}), 422, "invalid_input")
    json_error(app_client.post("/api/vote", content=b"[1, 2]"), 422, "invalid_input")
    json_error(app_client.post("/api/vote", content=b"{not json"), 422, "invalid_input")


def test_400_invalid_input(app_client: TestClient) -> None:
    message = json_error(
        app_client.post("/api/vote", json={"date": "2017-10-24", "votes": {"FRA": "Y"}}),
        400,
        "invalid_ballot",
    )
    assert "no position for" in message
    json_error(
        app_client.post("/api/vote", json={"date": "2017-10-24", "tally": {"yes": 20}}),
        400,
        "invalid_ballot",
    )
    json_error(app_client.get("/api/council/1900-01-01"), 400, "bad_request")
    json_error(app_client.get("/api/vetoes", params={"member": "Atlantis"}), 400, "bad_request")
    html_error(app_client.get("/record", params={"vote": "N"}), 400, "bad_request")


def test_403_missing_token(app_client: TestClient) -> None:
    app_client.get("/chamber")
    csrf = app_client.cookies["unsc_csrf"]
    message = html_error(
        app_client.post("/chamber", data={"date": "2017-10-24", "csrf": csrf}), 403, "forbidden"
    )
    assert "access token" in message
    json_error(app_client.post("/api/load"), 403, "forbidden")
    json_error(
        app_client.post("/api/load", headers={"Authorization": "Bearer wrong"}), 403, "forbidden"
    )
    html_error(
        app_client.post("/chamber/unlock", data={"token": "wrong", "csrf": csrf}), 403, "forbidden"
    )


def test_403_bad_csrf(app_client: TestClient) -> None:
    unlock(app_client)
    for data in ({"date": "2017-10-24"}, {"date": "2017-10-24", "csrf": "forged"}):
        html_error(app_client.post("/chamber", data=data), 403, "csrf_failed")
    html_error(app_client.post("/chamber/unlock", data={"token": TOKEN}), 403, "csrf_failed")


def test_405(app_client: TestClient) -> None:
    json_error(app_client.get("/api/vote"), 405, "method_not_allowed")
    html_error(app_client.delete("/"), 405, "method_not_allowed")


def test_409_conflict(app_client: TestClient) -> None:
    csrf = unlock(app_client)
    created = app_client.post("/chamber", data={"date": "2017-10-24", "csrf": csrf})
    session = created.url.path
    app_client.post(f"{session}/questions", data={"type": "adjourn", "csrf": csrf})
    members = app_client.get("/api/council/2017-10-24").json()["members"]
    votes = {f"vote_{m['code']}": "Y" for m in members}
    app_client.post(f"{session}/questions/1/vote", data={**votes, "csrf": csrf})
    message = html_error(
        app_client.post(f"{session}/questions", data={"type": "draft", "csrf": csrf}),
        409,
        "conflict",
    )
    assert "adjourned" in message


def test_500_and_503(app_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr("unsc._web.routes.council.council", boom)  # the page and the API
    message = json_error(app_client.get("/api/council/2017-10-24"), 500, "internal_error")
    assert "secret" not in message
    assert "secret" not in html_error(app_client.get("/"), 500, "internal_error")

    def slow(*_: object, **__: object) -> None:
        raise sa.exc.OperationalError("SELECT", {}, Exception("interrupted"))

    monkeypatch.setattr("unsc._web.queries.veto_stats", slow)
    html_error(app_client.get("/vetoes"), 503, "timeout")


# --- Without the record: the banner on every record page, its errors included -----------

BANNER = 'aria-label="Record status"'


@pytest.mark.parametrize(
    "path",
    [
        "/record",
        "/record?view=vetoes",
        "/vetoes",
        "/replay",
        "/members/RUS",
        "/mandates",
        "/mandates/JIM",
        "/decisions/res:2401",  # 404: not in the (empty) record
        "/decisions/draft:S/10768",
        "/members/ZZZ",
        "/mandates/NOPE",
        "/record?view=nope",
    ],
)
def test_every_record_page_says_the_record_is_not_loaded(app_client: TestClient, path: str) -> None:
    page = app_client.get(path)
    assert page.headers["content-type"].startswith("text/html")
    assert BANNER in page.text, (path, page.status_code)
    assert "unsc data load DIR" in page.text
    assert "UNSC_DATA_DIR" in page.text


def test_pages_beside_the_record_carry_no_banner(app_client: TestClient) -> None:
    for path in ("/council/2017-10-24", "/no/such/page", "/chamber"):
        assert BANNER not in app_client.get(path).text, path


def test_a_failed_fetch_names_the_servers_setting(tmp_path: pathlib.Path) -> None:
    """A server is configured by its environment: the hint says UNSC_FETCH_BASE, not --base."""
    from unsc._web.app import create_app
    from unsc._web.settings import Settings

    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        token=TOKEN,
        fetch_base="http://127.0.0.1:9",  # the discard port: nothing listens
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        services = c.app.state.services  # type: ignore[attr-defined]
        services.loader.wait(60)
        assert services.loader.status.state == "failed"
        page = c.get("/record").text
    assert "UNSC_FETCH_BASE" in page
    assert "--base" not in page
    assert "Loading it failed" in page


def test_the_background_load_says_when_it_is_done(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from realdata import require_shared

    folder = tmp_path / "data" / "wpdl-vetoes"
    folder.mkdir(parents=True)
    source = require_shared() / "data" / "wpdl-vetoes" / "unsc_vetoes_1946_sept2022.csv"
    (folder / source.name).write_bytes(source.read_bytes())
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    with client_for(url, autoload=True, data_dir=tmp_path / "data") as c:
        services = c.app.state.services  # type: ignore[attr-defined]
        services.loader.wait(60)
        vetoes = len(c.get("/api/vetoes").json())
        status = c.get("/api/status").json()
    said = capsys.readouterr().err
    line = next(line for line in said.splitlines() if "the record is loaded" in line)
    counts = status["record"]["counts"]
    assert f"{counts['decisions']:,} decisions" in line
    assert f"{counts['vetoes']:,} vetoes" in line
    assert f"from {tmp_path / 'data'}" in line
    assert vetoes > 100
    assert status["loader"]["state"] == "loaded"
    assert status["loader"]["message"] in line
