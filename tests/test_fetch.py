"""`unsc data fetch` against a real HTTP server on loopback serving ../shared/data.

The UN Library's voting file is not in ``../shared/data`` whole: the mirror
serves, under its path, a file in the official 20-column layout built from
the fixture rows of ``test_parse_dhl_official``.
"""

from __future__ import annotations

import functools
import http.server
import pathlib
import threading
from collections.abc import Iterator

import pytest

from realdata import require_shared
from test_parse_dhl_official import official_file
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
        if item.source == "dhl-voting-csv":
            official_file(tmp_path / "official").replace(target)
        else:
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


def test_fetch_takes_the_voting_file_from_its_official_address(
    mirror: tuple[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    (voting,) = [r for r in remotes() if r.source == "dhl-voting-csv"]
    assert voting.url.startswith("https://digitallibrary.un.org/record/4055387/files/")
    assert voting.url.endswith(".csv")
    assert remotes()[0] == voting  # the official per-member source comes first
    base, _ = mirror
    record = Record(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    report = record.fetch(base=base, cache=tmp_path / "cache")
    loaded = {f["file"]: f for f in report.files}
    assert loaded[voting.path]["source"] == "dhl-voting-csv"
    res282 = record.resolution(282)
    assert res282 is not None
    assert res282["votes_source"] == "dhl-voting-csv"
    assert (res282["yes"], res282["no"], res282["abstain"]) == (12, 0, 3)
    res725 = record.resolution(725)
    assert res725 is not None
    assert res725["votes"]["RUS"] == "Y"
    assert record.status()["conflicts"].get("members_mismatch", 0) == 0


def test_a_voting_file_in_another_layout_is_rejected(
    mirror: tuple[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    """Verified like the other files: it must be what its importer reads, not just any CSV."""
    base, root = mirror
    (voting,) = [r for r in remotes() if r.source == "dhl-voting-csv"]
    membership = next(r for r in remotes() if r.source == "dppa-membership")
    (root / voting.path).write_bytes((root / membership.path).read_bytes())
    with pytest.raises(FetchError, match="not a file unsc can read"):
        fetch(tmp_path / "cache", base=base)
    assert not (tmp_path / "cache" / voting.path).exists()


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
