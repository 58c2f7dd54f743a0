"""Hardening of the web app: headers, HEAD, the body limit, typed ballot dates, LIKE escapes.

Every response carries the security headers, those answered from the kept
responses before routing included; ``HEAD`` answers as ``GET`` does, without
the body; a body past the limit is a 413 in the one error shape, whether its
length is announced or not; ``%`` and ``_`` in a text filter are plain
characters.
"""

from __future__ import annotations

import base64
import hashlib
import pathlib
import re
from collections.abc import Iterator, Mapping

import pytest
from fastapi.testclient import TestClient

from test_web_errors import html_error, json_error
from test_web_support import client_for, record_file, record_url
from unsc._web.hardening import SECURITY_HEADERS

__all__ = ["record_file", "record_url"]  # fixtures

HEADERS = {
    "content-security-policy",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
}


@pytest.fixture
def app_client(tmp_path: pathlib.Path) -> Iterator[TestClient]:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        yield c


def assert_secured(headers: Mapping[str, str]) -> None:
    got = {k.lower(): v for k, v in headers.items()}
    assert set(got) >= HEADERS, sorted(got)
    assert got["x-content-type-options"] == "nosniff"
    assert got["x-frame-options"] == "DENY"
    assert got["referrer-policy"] == "same-origin"
    csp = got["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/council/2017-10-24",
        "/api/council/2017-10-24",
        "/openapi.json",
        "/docs",
        "/static/app.css",
        "/no/such/page",
        "/api/no/such",
        "/api/council/1900-01-01",
    ],
)
def test_every_response_carries_the_security_headers(app_client: TestClient, path: str) -> None:
    assert_secured(app_client.get(path).headers)


def test_kept_responses_carry_them_too(app_client: TestClient) -> None:
    """The second GET is answered from the kept bytes, before routing."""
    first = app_client.get("/api/council/2017-10-24")
    second = app_client.get("/api/council/2017-10-24")
    assert first.content == second.content
    assert_secured(second.headers)
    # each header once, not once per layer
    names = [k.lower() for k, _ in second.headers.multi_items()]
    for name in HEADERS:
        assert names.count(name) == 1


def test_post_and_error_responses_carry_them(app_client: TestClient) -> None:
    assert_secured(app_client.post("/api/vote", json={"date": "2017-10-24"}).headers)
    assert_secured(app_client.delete("/").headers)


def test_the_policy_allows_the_inline_styles_the_templates_use(app_client: TestClient) -> None:
    """The report pages' ``<style>`` block is allowed by its hash (no ``unsafe-inline``)."""
    page = app_client.get("/extract")
    assert page.status_code == 200
    blocks = re.findall(r"<style>(.*?)</style>", page.text, re.S)
    assert blocks
    csp = page.headers["content-security-policy"]
    for block in blocks:
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_the_headers_are_the_documented_ones() -> None:
    assert {name.decode() for name, _ in SECURITY_HEADERS} == HEADERS


@pytest.mark.parametrize("path", ["/", "/council/2017-10-24", "/api/council/2017-10-24", "/docs"])
def test_head_answers_as_get(app_client: TestClient, path: str) -> None:
    for _ in range(2):  # live, then from the kept responses
        get = app_client.get(path)
        head = app_client.head(path)
        assert head.status_code == get.status_code == 200
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert int(head.headers["content-length"]) == len(get.content)
        assert_secured(head.headers)


def test_head_of_a_missing_page_is_404(app_client: TestClient) -> None:
    response = app_client.head("/no/such/page")
    assert response.status_code == 404
    assert response.content == b""


def test_a_body_announced_too_large_is_413(app_client: TestClient) -> None:
    body = b'{"date": "2017-10-24", "pad": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    response = app_client.post(
        "/api/vote", content=body, headers={"content-type": "application/json"}
    )
    assert "limit" in json_error(response, 413, "payload_too_large")
    assert_secured(response.headers)


def test_a_streamed_body_past_the_limit_is_413(app_client: TestClient) -> None:
    """No Content-Length: the body is counted as it is read."""

    def chunks() -> Iterator[bytes]:
        yield b'{"date": "2017-10-24", "pad": "'
        for _ in range(40):
            yield b"x" * (64 * 1024)
        yield b'"}'

    response = app_client.post(
        "/api/vote", content=chunks(), headers={"content-type": "application/json"}
    )
    json_error(response, 413, "payload_too_large")


def test_a_large_form_is_413_on_the_html_error_page(app_client: TestClient) -> None:
    response = app_client.post(
        "/chamber", data={"date": "2017-10-24", "pad": "x" * (3 * 1024 * 1024)}
    )
    html_error(response, 413, "payload_too_large")


def test_a_body_under_the_limit_is_read(app_client: TestClient) -> None:
    body = {"date": "2017-10-24", "kind": "procedural_motion", "tally": {"yes": 4, "no": 8}}
    assert app_client.post("/api/vote", json=body).status_code == 200


@pytest.mark.parametrize(
    "ballot",
    [
        {"date": 20171024, "tally": {"yes": 4, "no": 8, "abstain": 3}},
        {"date": 20171024, "votes": {"FRA": "Y"}},
        {"date": ["2017-10-24"], "votes": {"FRA": "Y"}},
    ],
)
def test_a_date_that_is_not_a_string_says_so(app_client: TestClient, ballot: object) -> None:
    message = json_error(app_client.post("/api/vote", json=ballot), 400, "invalid_ballot")
    assert '"date" must be a string YYYY-MM-DD' in message
    assert "has no date" not in message


def test_a_missing_date_still_says_it_is_missing(app_client: TestClient) -> None:
    message = json_error(
        app_client.post("/api/vote", json={"votes": {"FRA": "Y"}}), 400, "invalid_ballot"
    )
    assert "has no date" in message


@pytest.mark.realdata
@pytest.mark.parametrize("path", ["/api/resolutions", "/api/drafts", "/api/vetoes"])
def test_percent_and_underscore_are_plain_characters_in_text(record_url: str, path: str) -> None:
    with client_for(record_url) as c:
        every = c.get(path).json()
        assert every
        for wildcard in ("%", "_", "%%", "\\", "Middle%East", "Middle_East"):
            rows = c.get(path, params={"text": wildcard}).json()
            assert rows == [], (wildcard, len(rows))
        some = c.get(path, params={"text": "Middle East"}).json()
        assert 0 < len(some) < len(every)


@pytest.mark.realdata
def test_the_explorer_text_filter_escapes_too(record_url: str) -> None:
    with client_for(record_url) as c:
        rows = c.get("/record/download.json", params={"view": "drafts", "q": "%"}).json()
        assert rows == []
        rows = c.get("/record/download.json", params={"view": "drafts", "q": "Middle"}).json()
        assert rows
