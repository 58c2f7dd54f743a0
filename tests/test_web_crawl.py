"""Every page a visitor can reach, crawled over the real record on SQLite and PostgreSQL.

The real server (``unsc serve`` in a subprocess, on a free loopback port, over
its own database loaded from ``../shared/data`` as ``unsc data load`` does) is
crawled breadth first from the home page. A chamber meeting with a vote and a
stored report are made first, through the app itself, so that their pages
exist. Every page must answer 200 with a well-formed HTML document (a doctype,
one title, every element closed in order, no duplicate id); every internal
link on it must resolve; the server log must stay free of errors; and the
pages visited must cover every page kind (each decision kind and outcome,
every member, both Council eras, mandates, vetoes, replay, reports, the
chamber, the API docs). A sample of the same pages is then opened in Chromium,
which must log no console error.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
import html.parser
import http.client
import http.cookiejar
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
import sqlalchemy.orm  # fresh_database's teardown uses sa.orm

from dbfixtures import fresh_database
from realdata import require_shared
from test_browser import ARGS, CHROMIUM, _free_port, _wait_until_ready
from test_web_support import TOKEN, load_record, record_file
from unsc._store import db

__all__ = ["record_file"]  # fixture

pytestmark = pytest.mark.realdata

MIN_PAGES = 600
MAX_PAGES = 9000
"""The crawl stops visiting new pages here; the links it found beyond are still checked."""

VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr")
)
"""Elements that have no end tag."""
LOG_ERRORS = re.compile(r"Traceback|UndefinedError|TemplateError|Internal Server Error|ERROR")


# --- HTML checks ------------------------------------------------------------------------


class PageParser(html.parser.HTMLParser):
    """Links, ids and structural problems of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.problems: list[str] = []
        self.links: list[str] = []
        self.nofollow: list[str] = []
        self.ids: collections.Counter[str] = collections.Counter()
        self.doctype = False
        self.titles = 0
        self.title_text = ""
        self.counts: collections.Counter[str] = collections.Counter()

    def handle_decl(self, decl: str) -> None:
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] += 1
        values = dict(attrs)
        if values.get("id"):
            self.ids[str(values["id"])] += 1
        if tag in {"a", "link"} and values.get("href"):
            href = str(values["href"])
            nofollow = "nofollow" in (values.get("rel") or "").split()
            (self.nofollow if nofollow else self.links).append(href)
        if tag == "form" and (values.get("method") or "get").lower() == "get":
            self.links.append(str(values.get("action") or ""))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag == "title" and not any(t == "svg" for t, _ in self.stack):
            self.titles += 1
        if tag not in VOID:
            self.stack.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1] if self.stack else ("nothing", 0)
            self.problems.append(
                f"line {self.getpos()[0]}: </{tag}> closes <{open_tag[0]}> of line {open_tag[1]}"
            )
            if any(t == tag for t, _ in self.stack):
                while self.stack and self.stack[-1][0] != tag:
                    self.stack.pop()
                self.stack.pop()
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "title" and len(self.stack) <= 3:
            self.title_text += data


def check_html(text: str) -> PageParser:
    """Parse ``text``; its ``problems`` list what makes it not a well-formed document."""
    parser = PageParser()
    parser.feed(text)
    parser.close()
    if not parser.doctype:
        parser.problems.append("no <!doctype html>")
    for tag in ("html", "head", "body", "main"):
        if parser.counts[tag] != 1:
            parser.problems.append(f"{parser.counts[tag]} <{tag}> elements")
    if parser.titles != 1 or not parser.title_text.strip():
        parser.problems.append("the page has no title")
    if parser.stack:
        unclosed = ", ".join(f"<{t}> of line {n}" for t, n in parser.stack)
        parser.problems.append(f"unclosed: {unclosed}")
    twice = sorted(i for i, n in parser.ids.items() if n > 1)
    if twice:
        parser.problems.append(f"duplicate ids: {', '.join(twice)}")
    return parser


def test_the_html_check_finds_what_it_should() -> None:
    good = (
        "<!doctype html><html><head><title>t</title></head><body><main><p id=a>x<br>"
        '<svg><title>s</title><rect/></svg></p><a href="/x">y</a></main></body></html>'
    )
    assert check_html(good).problems == []
    assert check_html(good).links == ["/x"]
    broken = good.replace("</p>", "").replace("<main>", "<main><div id=a>")
    problems = " ".join(check_html(broken).problems)
    assert "</svg>" not in problems
    assert "closes <p>" in problems or "closes <div>" in problems
    assert "duplicate ids: a" in problems
    assert "no <!doctype html>" in " ".join(check_html(good[15:]).problems)


# --- The server -------------------------------------------------------------------------


@contextlib.contextmanager
def serve(url: str, log: pathlib.Path) -> Iterator[str]:
    """``unsc serve`` over ``url`` on a free loopback port, its stderr in ``log``."""
    port = _free_port()
    env = {**os.environ, "UNSC_TOKEN": TOKEN, "UNSC_AUTOLOAD": "0"}
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "unsc", "--database", url, "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(proc, f"{base}/api/status", time.monotonic() + 90)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=20)


class Browser:
    """A cookie-keeping HTTP client, to make the pages that writes create."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as r:
            return str(r.read().decode("utf-8"))

    def post(self, path: str, form: dict[str, str]) -> str:
        csrf = next((c.value for c in self.jar if c.name == "unsc_csrf"), None)
        if csrf is None:
            self.get("/chamber")
            csrf = next(c.value for c in self.jar if c.name == "unsc_csrf")
        data = urllib.parse.urlencode({**form, "csrf": csrf or ""}).encode()
        with self.opener.open(self.base + path, data=data, timeout=30) as r:
            return str(r.geturl())


def make_user_pages(base: str) -> None:
    """A chamber meeting with two votes, and a stored report, made as a user would."""
    b = Browser(base)
    b.post("/chamber/unlock", {"token": TOKEN})
    meeting = b.post("/chamber", {"date": "2017-10-24", "title": "Non-proliferation"})
    path = urllib.parse.urlsplit(meeting).path
    b.post(f"{path}/questions", {"type": "draft", "title": "S/2017/884"})
    page = b.get(path)
    question = re.search(r'/questions/(\d+)/vote"', page)
    assert question, "the draft is on the floor"
    votes = {f"vote_{c}": "Y" for c in re.findall(r'name="vote_(\w+)" value="Y"', page)}
    votes |= {"vote_RUS": "N", "vote_BOL": "N", "vote_CHN": "A", "vote_KAZ": "A"}
    b.post(f"{path}/questions/{question.group(1)}/vote", votes)
    story = next((require_shared() / "seeds").glob("*.txt")).read_text("utf-8")
    request = urllib.request.Request(
        f"{base}/api/reports",
        data=json.dumps({"text": story, "file": "founding wire story"}).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as r:
        assert r.status in (200, 201)


# --- The crawl ----------------------------------------------------------------------------


@dataclasses.dataclass
class Crawl:
    """What a crawl saw: every page visited, in order, and every problem found."""

    base: str
    log: pathlib.Path
    url: str
    visited: dict[str, str] = dataclasses.field(default_factory=dict)  # path -> content type
    checked: set[str] = dataclasses.field(default_factory=set)
    problems: list[str] = dataclasses.field(default_factory=list)
    seconds: float = 0.0


def _internal(base: str, page: str, href: str) -> str | None:
    """The path and query ``href`` on ``page`` leads to, or ``None`` if it leaves the app."""
    target = urllib.parse.urljoin(base + page, href)
    parts = urllib.parse.urlsplit(target)
    if f"{parts.scheme}://{parts.netloc}" != base:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(base: str, log: pathlib.Path, url: str) -> Crawl:
    """Breadth first from ``/``, level by level, a few requests at a time.

    Every page is fetched and checked; the links of a page are followed unless
    it was reached only by ``rel="nofollow"`` links (the explorer's sort
    orders: the same rows in another order). Past ``MAX_PAGES`` the links
    still queued are fetched and checked, and not followed.
    """
    result = Crawl(base, log, url)
    start = time.monotonic()
    netloc = urllib.parse.urlsplit(base).netloc
    local = threading.local()
    follow: dict[str, bool] = {"/": True}
    level = ["/"]
    fragments: list[tuple[str, str, str]] = []  # (page, target, fragment)
    ids: dict[str, set[str]] = {}

    def fetch(path: str) -> tuple[str, int, str, PageParser | None]:
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection(netloc, timeout=60)
        local.conn.request("GET", path, headers={"Accept": "text/html"})
        response = local.conn.getresponse()
        kind, body = response.getheader("content-type") or "", response.read()
        page = None
        if response.status == 200 and kind.startswith("text/html"):
            page = check_html(body.decode("utf-8"))
        return path, response.status, kind, page

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        while level:
            following: list[str] = []
            for path, status, kind, page in pool.map(fetch, level):
                full = len(result.visited) >= MAX_PAGES
                (result.checked.add(path) if full else result.visited.__setitem__(path, kind))
                if status != 200:
                    result.problems.append(f"{path}: {status}")
                if page is None:
                    continue
                result.problems += [f"{path}: {p}" for p in page.problems]
                ids[path] = set(page.ids)
                if full or not follow[path]:
                    continue
                links = [(h, True) for h in page.links] + [(h, False) for h in page.nofollow]
                for href, by_follow in links:
                    target, _, fragment = href.partition("#")
                    internal = _internal(base, path, target or path)
                    if internal is None:
                        continue
                    if fragment:
                        fragments.append((path, internal, fragment))
                    if internal not in follow:
                        follow[internal] = by_follow
                        following.append(internal)
                    elif by_follow:
                        follow[internal] = True  # still queued: followed after all
            level = following
    for page_path, target, fragment in fragments:
        if target in ids and fragment not in ids[target]:
            result.problems.append(f"{page_path}: #{fragment} on {target}, which has no such id")
    result.seconds = time.monotonic() - start
    return result


def _database(kind: str, record: pathlib.Path, folder: pathlib.Path) -> Iterator[str]:
    if kind == "sqlite":
        path = folder / "record.sqlite3"
        shutil.copyfile(record, path)
        yield f"sqlite:///{path}"
        return
    gen = fresh_database(kind, folder)
    url = next(gen)
    load_record(url, require_shared() / "data").engine.dispose()
    yield url
    for _ in gen:
        pass


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def crawled(
    request: pytest.FixtureRequest,
    record_file: pathlib.Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Crawl]:
    folder = tmp_path_factory.mktemp(f"crawl-{request.param}")
    for url in _database(request.param, record_file, folder):
        with serve(url, folder / "server.log") as base:
            make_user_pages(base)
            yield crawl(base, folder / "server.log", url)


def test_every_page_answers_with_a_well_formed_document(crawled: Crawl) -> None:
    assert len(crawled.visited) >= MIN_PAGES, crawled.visited
    assert crawled.problems == [], "\n".join(crawled.problems[:40])
    print(
        f"crawl: {len(crawled.visited)} pages visited, {len(crawled.checked)} more links checked,"
        f" {crawled.seconds:.0f} s"
    )


def test_the_server_logged_no_error(crawled: Crawl) -> None:
    log = crawled.log.read_text("utf-8", errors="replace")
    assert not LOG_ERRORS.search(log), log[-4000:]


def _decision_kinds(url: str) -> dict[tuple[str, str], set[str]]:
    """(kind, outcome) -> the keys of the record's decisions of that kind and outcome."""
    engine = sa.create_engine(url)
    d = db.decisions.c
    out: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    try:
        with engine.connect() as conn:
            outcome = sa.func.coalesce(d.adjudicated_outcome, d.recorded_outcome)
            for key, resolution, outcome_value in conn.execute(
                sa.select(d.key, d.resolution, outcome)
            ):
                kind = "resolution" if resolution is not None else key.split(":", 1)[0]
                out[(kind, str(outcome_value))].add(key)
    finally:
        engine.dispose()
    return out


def test_the_crawl_covers_every_page_kind(crawled: Crawl) -> None:
    visited = [urllib.parse.unquote(p) for p in crawled.visited]
    paths = {p.partition("?")[0] for p in visited}
    decisions = {p.removeprefix("/decisions/") for p in paths if p.startswith("/decisions/")}
    for (kind, outcome), keys in _decision_kinds(crawled.url).items():
        assert decisions & keys, f"no {kind} decision {outcome!r} visited"
    from unsc._web.routes.members import _all_members

    members = {f"/members/{m['code']}" for m in _all_members()}
    assert members <= paths, sorted(members - paths)
    eras = {
        dt.date.fromisoformat(p.removeprefix("/council/")).year >= 1966
        for p in paths
        if p.startswith("/council/")
    }
    assert eras == {False, True}, "the Council of 11 and of 15 members"
    views = {urllib.parse.parse_qs(p.partition("?")[2]).get("view", [""])[0] for p in visited}
    assert {"resolutions", "drafts", "vetoes"} <= views
    for prefix in ("/mandates/", "/chamber/", "/reports/", "/replay?"):
        assert any(p.startswith(prefix) for p in visited), prefix
    for page in ("/", "/record", "/members", "/vetoes", "/mandates", "/replay", "/reports"):
        assert page in paths
    for page in ("/chamber", "/docs", "/extract"):
        assert page in paths


# --- A sample in Chromium ---------------------------------------------------------------------


def _sample(visited: dict[str, str]) -> list[str]:
    """One page of each kind, by the first path segment and whether it has a query."""
    first: dict[tuple[str, bool], str] = {}
    for path, kind in visited.items():
        if not kind.startswith("text/html"):
            continue
        segment = path.split("/")[1].partition("?")[0]
        first.setdefault((segment, "?" in path), path)
    return sorted(first.values())


def test_a_sample_in_chromium_logs_no_console_error(crawled: Crawl) -> None:
    if not crawled.url.startswith("sqlite"):
        pytest.skip("the browser sample runs once, on the SQLite crawl")
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").strip().lower() in {"true", "1"}:
            pytest.fail(f"Chromium is needed at {CHROMIUM} in CI")
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    sample = _sample(crawled.visited)
    assert len(sample) >= 15
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.on(
                "console",
                lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
            for path in sample:
                response = page.goto(crawled.base + path, wait_until="load")
                assert response is not None, path
                assert response.status == 200, path
        finally:
            browser.close()
    assert errors == [], "\n".join(errors)
