"""Helpers for the web tests: a record database built from the shared data, and clients."""

from __future__ import annotations

import pathlib
import shutil
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from realdata import require_shared
from unsc._record.api import Record
from unsc._web import Settings, create_app

TOKEN = "test-token"


def load_record(url: str, folder: pathlib.Path) -> Record:
    """Load ``folder`` into ``url`` as ``unsc data load`` does: every file it recognises."""
    record = Record(url)
    record.load(folder)
    return record


@pytest.fixture(scope="session")
def record_file(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A SQLite record loaded from ``../shared/data`` once per session."""
    data = require_shared() / "data"
    path = tmp_path_factory.mktemp("record") / "record.sqlite3"
    load_record(f"sqlite:///{path}", data).engine.dispose()
    return path


@pytest.fixture
def record_url(record_file: pathlib.Path, tmp_path: pathlib.Path) -> str:
    """A private copy of the loaded record."""
    path = tmp_path / "record.sqlite3"
    shutil.copyfile(record_file, path)
    return f"sqlite:///{path}"


def client_for(
    url: str,
    *,
    autoload: bool = False,
    data_dir: pathlib.Path | None = None,
    read_timeout: float = 5.0,
) -> TestClient:
    """A test client on an app over ``url`` (no background load unless asked)."""
    settings = Settings(
        database_url=url,
        token=TOKEN,
        autoload=autoload,
        data_dir=data_dir,
        read_timeout=read_timeout,
    )
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture
def client(record_url: str) -> Iterator[TestClient]:
    """A client over a loaded record."""
    with client_for(record_url) as c:
        yield c


@pytest.fixture
def empty_client(tmp_path: pathlib.Path) -> Iterator[TestClient]:
    """A client over an empty database (reference data only)."""
    with client_for(f"sqlite:///{tmp_path / 'empty.sqlite3'}") as c:
        yield c


def unlock(client: TestClient) -> str:
    """Exchange the token for the auth cookie; the CSRF token to post forms with."""
    client.get("/chamber")
    csrf = str(client.cookies["unsc_csrf"])
    response = client.post("/chamber/unlock", data={"token": TOKEN, "csrf": csrf})
    assert response.status_code == 200, response.text
    return csrf
