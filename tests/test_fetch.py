"""`unsc data fetch` against a real HTTP server on loopback serving ../shared/data."""

from __future__ import annotations

import functools
import http.server
import pathlib
import threading
from collections.abc import Iterator

import pytest

from realdata import require_shared
from unsc._record.api import Record
from unsc._record.fetch import FetchError, fetch, remotes

pytestmark = pytest.mark.realdata


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def mirror(tmp_path: pathlib.Path) -> Iterator[tuple[str, pathlib.Path]]:
    """A copy of the files fetch needs, served on 127.0.0.1 on a free port."""
    data = require_shared() / "data"
    root = tmp_path / "mirror"
    for item in remotes():
        target = root / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((data / item.path).read_bytes())
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_downloads_verifies_and_loads(
    mirror: tuple[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    base, _ = mirror
    record = Record(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    report = record.fetch(base=base, cache=tmp_path / "cache")
    assert not report.unchanged
    assert {f["file"] for f in report.files} == {r.path for r in remotes()}
    status = record.status()
    assert status["counts"]["resolutions"] >= 2640
    assert record.resolution(666) is not None
    assert status["agreement"]["unexplained"] == 0
    again = record.fetch(base=base, cache=tmp_path / "cache")
    assert again.unchanged


def test_a_missing_file_on_the_server_fails_before_anything_is_loaded(
    mirror: tuple[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    base, root = mirror
    (root / remotes()[-1].path).unlink()
    record = Record(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    with pytest.raises(FetchError, match="HTTP 404"):
        record.fetch(base=base, cache=tmp_path / "cache")
    assert record.status()["counts"]["decisions"] == 0


def test_a_file_that_is_not_what_was_expected_is_rejected(
    mirror: tuple[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    base, root = mirror
    (root / remotes()[0].path).write_text("<html>Service unavailable</html>", encoding="utf-8")
    with pytest.raises(FetchError, match="not a file unsc can read"):
        fetch(tmp_path / "cache", base=base)
    assert not (tmp_path / "cache" / remotes()[0].path).exists()


def test_an_unreachable_server_gives_a_clear_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FetchError, match="cannot download"):
        fetch(tmp_path / "cache", base="http://127.0.0.1:9", timeout=2)
