"""The API examples of docs/web.md, run against the app over the real record.

Each ```http block of the section "The JSON API" is ``GET PATH``, a blank
line, the status, and the whole JSON answer: the test sends the request and
compares status and JSON exactly. Every documented endpoint is in the OpenAPI
description with a response model.
"""

from __future__ import annotations

import json
import pathlib
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from test_web_support import client_for, record_file, record_url

__all__ = ["record_file", "record_url"]  # fixtures

WEB_MD = pathlib.Path(__file__).resolve().parent.parent / "docs" / "web.md"
BLOCK = re.compile(r"```http\nGET (\S+)\n\n(\d{3})\n(.*?)\n```", re.S)


def examples() -> list[tuple[str, int, str]]:
    text = WEB_MD.read_text(encoding="utf-8")
    section = text[text.index("## The JSON API") : text.index("## Security and errors")]
    return [(path, int(status), body) for path, status, body in BLOCK.findall(section)]


def test_the_api_section_has_examples_of_every_new_endpoint() -> None:
    paths = {path.split("?")[0] for path, _, _ in examples()}
    assert {"/api/drafts", "/api/vetoes", "/api/presidents", "/api/mandates", "/api/power"} <= (
        paths
    )
    assert any(status == 422 for _, status, _ in examples())


@pytest.fixture(scope="module")
def loaded(record_file: pathlib.Path) -> Iterator[TestClient]:
    with client_for(f"sqlite:///{record_file}") as c:
        yield c


@pytest.mark.realdata
@pytest.mark.parametrize(("path", "status", "body"), examples(), ids=[e[0] for e in examples()])
def test_example(loaded: TestClient, path: str, status: int, body: str) -> None:
    response = loaded.get(path)
    assert response.status_code == status, response.text
    assert response.json() == json.loads(body)


@pytest.mark.parametrize(
    "path",
    [
        "/api/drafts",
        "/api/vetoes",
        "/api/resolutions",
        "/api/presidents",
        "/api/mandates",
        "/api/mandates/{name}",
        "/api/power",
    ],
)
def test_documented_in_openapi(path: str, tmp_path: pathlib.Path) -> None:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        spec = c.get("/openapi.json").json()
    operation = spec["paths"][path]["get"]
    assert operation["description"] or operation["summary"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok  # a response model, not an empty schema
    assert "422" in operation["responses"]
    for param in operation.get("parameters", []):
        assert param.get("description"), (path, param["name"])
