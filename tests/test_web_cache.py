"""The web app's caches: whole responses kept (``_web.kept_responses``), and the record cache.

On a real record (two parts of ``../shared/data`` loaded one after the other
into the same SQLite file), no mocks: a kept page or API answer is served
until a load changes the record, then the new record is served; what varies
by visitor is not kept; concurrent misses compute a value once.
"""

from __future__ import annotations

import contextlib
import functools
import pathlib
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.responses import HTMLResponse
from fastapi.testclient import TestClient
from starlette.requests import Request

from realdata import require_shared
from test_web_support import TOKEN, load_record, unlock
from unsc._web import Settings, create_app
from unsc._web.cache import Cache, Kept
from unsc._web.kept_responses import keep
from unsc._web.render import csrf_token
from unsc._web.security import CSRF_COOKIE
from unsc._web.services import Services

pytestmark = pytest.mark.realdata

KEPT = (
    "/api/vetoes",
    "/api/members/RUS",
    "/members/RUS",
    "/vetoes",
    "/api/council/2017-10-24",
    "/council/2017-10-24",
)


def part(tmp_path: pathlib.Path, name: str, *files: str) -> pathlib.Path:
    """A folder holding some of the shared data files, at their relative paths."""
    data = require_shared() / "data"
    for file in files:
        target = tmp_path / name / file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data / file, target)
    return tmp_path / name


@pytest.fixture
def vetoes_only(tmp_path: pathlib.Path) -> str:
    """A record holding only the vetoes list (no recorded votes)."""
    url = f"sqlite:///{tmp_path / 'record.sqlite3'}"
    folder = part(tmp_path, "vetoes", "wpdl-vetoes/unsc_vetoes_1946_sept2022.csv")
    load_record(url, folder).engine.dispose()
    return url


def services(c: TestClient) -> Services:
    s: Services = c.app.state.services  # type: ignore[attr-defined]
    return s


def kept(c: TestClient, path: str, query: bytes = b"") -> Kept | None:
    return services(c).cache.response(("response", path, query))


@contextlib.contextmanager
def app_client(url: str, *, lifespan: bool) -> Iterator[TestClient]:
    settings = Settings(database_url=url, token=TOKEN, autoload=False, cache_seconds=0.05)
    c = TestClient(create_app(settings), raise_server_exceptions=False)
    if lifespan:  # the stamp read by a background thread
        with c:
            yield c
    else:  # no lifespan: the reads check the stamp themselves
        yield c


@pytest.mark.parametrize("lifespan", [True, False], ids=["watcher", "no-lifespan"])
def test_kept_until_a_load_changes_the_record(
    vetoes_only: str, tmp_path: pathlib.Path, lifespan: bool
) -> None:
    with app_client(vetoes_only, lifespan=lifespan) as c:
        before = {path: c.get(path) for path in KEPT}
        assert all(r.status_code == 200 for r in before.values())
        assert all(kept(c, path) is not None for path in KEPT)
        assert before["/api/members/RUS"].json()["votes"]["Y"] == 0
        for path in KEPT:  # served again from memory, the same bytes
            assert c.get(path).content == before[path].content
            assert kept(c, path) is not None
        votes = part(tmp_path, "votes", "sc-votes-1994-2025/sc_voting.csv")
        load_record(vetoes_only, votes).engine.dispose()  # as `unsc data load` would
        deadline = time.monotonic() + 30
        while c.get("/api/members/RUS").json()["votes"]["Y"] == 0:
            assert time.monotonic() < deadline, "the kept answer outlived the load"
            time.sleep(0.05)
        after = {path: c.get(path) for path in KEPT}
        assert len(after["/api/vetoes"].json()) > len(before["/api/vetoes"].json())
        assert after["/members/RUS"].text != before["/members/RUS"].text
        assert "How often Russian Federation voted the same way" in after["/members/RUS"].text
        assert after["/vetoes"].text != before["/vetoes"].text
        assert after["/api/council/2017-10-24"].json() == before["/api/council/2017-10-24"].json()
        assert all(kept(c, path) is not None for path in KEPT)


def test_kept_page_gives_each_new_visitor_a_csrf_cookie(vetoes_only: str) -> None:
    with app_client(vetoes_only, lifespan=True) as c:
        first = c.get("/members/RUS")
        assert kept(c, "/members/RUS") is not None
        c.cookies.clear()
        second = c.get("/members/RUS")  # kept: no handler ran
        assert second.content == first.content
        tokens = {r.cookies[CSRF_COOKIE] for r in (first, second)}
        assert len(tokens) == 2
        assert second.headers["set-cookie"].endswith("; HttpOnly; Path=/; SameSite=strict")
        c.cookies.set(CSRF_COOKIE, "mine")
        third = c.get("/members/RUS")
        assert third.content == first.content
        assert "set-cookie" not in third.headers
        api = c.get("/api/members/RUS")  # not a page: no cookie
        assert "set-cookie" not in api.headers


def test_unlocked_browser_and_other_requests_are_not_kept(vetoes_only: str) -> None:
    with app_client(vetoes_only, lifespan=True) as c:
        unlock(c)
        assert c.get("/members/RUS").status_code == 200
        assert kept(c, "/members/RUS") is None  # an unlocked visitor: always live
        c.cookies.clear()
        assert c.get("/members/RUS?x=1").status_code == 200
        assert kept(c, "/members/RUS", b"x=1") is not None  # keyed by the query string
        assert c.get("/members/XXX").status_code == 404
        assert kept(c, "/members/XXX") is None  # only 200s
        c.post("/api/vetoes")
        assert kept(c, "/api/vetoes") is None  # only GETs (a HEAD is run as a GET)
        assert c.get("/").status_code == 200
        assert kept(c, "/") is None  # today's Council: the date changes
        assert c.get("/api/status").status_code == 200
        assert kept(c, "/api/status") is None  # the loader's state: not the record's


def test_a_page_showing_the_csrf_token_is_not_kept(vetoes_only: str) -> None:
    with app_client(vetoes_only, lifespan=True) as c:
        cache = services(c).cache
        for key in ("plain", "form"):
            scope = {
                "type": "http",
                "method": "GET",
                "path": f"/{key}",
                "headers": [],
                "query_string": b"",
                "unsc.keep": (cache, key, cache.generation()),
            }
            request = Request(scope)
            token = csrf_token(request) if key == "form" else ""
            page = HTMLResponse(f'<form><input name="csrf" value="{token}"></form>')
            assert keep(request, page, page=True) is page
        assert cache.response("plain") is not None
        assert cache.response("form") is None


def test_an_answer_computed_before_a_load_is_not_kept(vetoes_only: str) -> None:
    with app_client(vetoes_only, lifespan=True) as c:
        cache: Cache = services(c).cache
        generation = cache.generation()
        cache.clear()  # a load finished meanwhile
        cache.keep("stale", Kept(200, (), b"old", False), generation)
        assert cache.response("stale") is None
        assert cache.get("value", lambda: 1) == 1
        cache.keep("fresh", Kept(200, (), b"new", False), cache.generation())
        assert cache.response("fresh") is not None


def test_concurrent_misses_compute_once(vetoes_only: str) -> None:
    with app_client(vetoes_only, lifespan=True) as c:
        cache: Cache = services(c).cache
        calls: list[int] = []

        def slow() -> int:
            calls.append(1)
            time.sleep(0.2)
            return len(calls)

        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda _: cache.get("slow", slow), range(8)))
        assert results == [1] * 8
        assert len(calls) == 1

        def failing() -> int:
            raise RuntimeError("no")

        with pytest.raises(RuntimeError):
            cache.get("failing", failing)
        assert cache.get("failing", lambda: 2) == 2  # a failure is not kept


def test_values_are_evicted_least_recently_used_first_never_all_at_once(vetoes_only: str) -> None:
    with app_client(vetoes_only, lifespan=True) as c:
        engine = services(c).reader
        cache = Cache(engine, seconds=3600, size=3)
        for key in "abc":
            assert cache.get(key, functools.partial(str.upper, key)) == key.upper()
        assert cache.get("a", lambda: "recomputed") == "A"  # a hit: now the most recent
        assert cache.get("d", lambda: "D") == "D"  # evicts b, the least recently used
        computed: list[str] = []

        def again(key: str) -> str:
            computed.append(key)
            return key.upper()

        for key in "acd":
            cache.get(key, functools.partial(again, key))
        assert computed == []  # a, c and d were kept
        cache.get("b", lambda: again("b"))
        assert computed == ["b"]
        for i in range(10_000):  # far past the bound: the cache stays full, never empties
            cache.get(("many", i), functools.partial(int, i))
        assert cache.get(("many", 9_999), lambda: -1) == 9_999
        assert cache.get(("many", 9_998), lambda: -1) == 9_998


def test_responses_are_evicted_by_bytes_least_recently_used_first(vetoes_only: str) -> None:
    with app_client(vetoes_only, lifespan=True) as c:
        cache = Cache(services(c).reader, seconds=3600, response_bytes=30)
        assert cache.response("none") is None  # reads the record's stamp once
        generation = cache.generation()
        for key in ("one", "two", "three"):
            cache.keep(key, Kept(200, (), b"x" * 10, False), generation)
        assert cache.response("one") is not None  # used: now the most recent
        cache.keep("four", Kept(200, (), b"y" * 10, False), generation)
        assert cache.response("two") is None
        assert all(cache.response(k) is not None for k in ("one", "three", "four"))
        cache.keep("huge", Kept(200, (), b"z" * 31, False), generation)  # over the whole bound
        assert cache.response("huge") is None
        assert cache.response("four") is not None


def test_cache_off_keeps_nothing(vetoes_only: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNSC_WEB_CACHE", "0")
    monkeypatch.setenv("UNSC_DATABASE_URL", vetoes_only)
    settings = Settings.from_env()
    assert settings.cache is False
    settings = Settings(database_url=vetoes_only, token=TOKEN, autoload=False, cache=False)
    with TestClient(create_app(settings)) as c:
        first = c.get("/api/members/RUS")
        assert first.status_code == 200
        assert kept(c, "/api/members/RUS") is None
        assert c.get("/api/members/RUS").content == first.content
        cache = services(c).cache
        calls: list[int] = []

        def compute() -> int:
            calls.append(1)
            return len(calls)

        assert cache.get("k", compute) == 1
        assert cache.get("k", compute) == 2  # computed again: nothing kept
        cache.keep("r", Kept(200, (), b"body", False), cache.generation())
        assert cache.response("r") is None
