"""The web app in a real browser: Debian's Chromium driven by Playwright.

The real server runs in a subprocess on a free port with its own copy of a
record database; the tests wait until it answers (polling, no sleeps), find
elements by role or label and assert with auto-waiting expectations. Without
``/usr/bin/chromium`` they skip with a message, except in CI (``CI=true``),
where they fail.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from test_web_support import TOKEN, record_file

__all__ = ["record_file"]  # fixture

pytestmark = pytest.mark.realdata

CHROMIUM = pathlib.Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FAILED = "The motion has not been adopted, having failed to obtain the required number of votes."
VETOED = (
    "The draft resolution has not been adopted, owing to the negative vote of a permanent "
    "member of the Council."
)
NAMES = {
    "BOL": "Bolivia (Plurinational State of)",
    "CHN": "China",
    "EGY": "Egypt",
    "ETH": "Ethiopia",
    "FRA": "France",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "ITA": "Italy",
    "JPN": "Japan",
    "KAZ": "Kazakhstan",
    "RUS": "Russian Federation",
    "SEN": "Senegal",
    "SWE": "Sweden",
    "UKR": "Ukraine",
    "URY": "Uruguay",
    "USA": "United States of America",
}
MOTION = {"BOL": "Yes", "CHN": "Yes", "KAZ": "Yes", "RUS": "Yes"} | dict.fromkeys(
    ["EGY", "ETH", "URY"], "Abstain"
)
DRAFT = {"BOL": "No", "RUS": "No", "CHN": "Abstain", "KAZ": "Abstain"}


SHOTS_ENV = "UNSC_SCREENSHOTS"
"""Set to a folder (``docs/img``) to keep the screenshots the tests take there."""


def _screenshot(page: Page, name: str, tmp: pathlib.Path, *, full_page: bool = False) -> None:
    """A PNG of what the page shows, kept in ``$UNSC_SCREENSHOTS`` when set, else in ``tmp``."""
    folder = pathlib.Path(os.environ.get(SHOTS_ENV) or tmp)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG"), path
    assert len(data) > 20_000, f"{path} is nearly blank"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_until_ready(proc: subprocess.Popen[bytes], url: str, deadline: float) -> None:
    """Poll the HTTP port until the server answers; stop early if it exits."""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        try:
            code = proc.wait(timeout=0.1)  # the poll interval, and a crash detector
        except subprocess.TimeoutExpired:
            continue
        raise RuntimeError(f"the server exited with status {code}")
    raise RuntimeError(f"the server did not answer {url} in time")


@contextlib.contextmanager
def running_server(database: pathlib.Path, folder: pathlib.Path) -> Iterator[str]:
    """``unsc serve`` over ``database`` in a subprocess on a free port, until closed."""
    port = _free_port()
    env = {**os.environ, "UNSC_TOKEN": TOKEN, "UNSC_AUTOLOAD": "0"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "unsc",
            "--database",
            f"sqlite:///{database}",
            "serve",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "server.log").open("wb"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(proc, f"{base}/api/status", time.monotonic() + 60)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(record_file: pathlib.Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("server")
    database = folder / "record.sqlite3"
    shutil.copyfile(record_file, database)
    with running_server(database, folder) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI", "").strip().lower() in {"true", "1"}:
            pytest.fail(f"{message}; CI=true requires it")
        pytest.skip(message)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_the_council_on_24_october_2017_with_france_presiding(server: str, page: Page) -> None:
    page.goto(f"{server}/")
    page.get_by_label("Date").fill("2017-10-24")
    page.get_by_role("button", name="Show the Council").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Council on 2017-10-24")
    expect(page.get_by_role("img", name="The Security Council on 2017-10-24")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^France \(President\)"))).to_be_visible()
    expect(page.get_by_role("paragraph").filter(has_text="President:")).to_contain_text(
        "President: France"
    )
    page.get_by_role("link", name="France", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("France")


def _submit(page: Page, button: str) -> None:
    """Click a form's submit button and wait for the page it leads to (no sleeps)."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def _vote(page: Page, positions: dict[str, str], default: str) -> None:
    for code, name in NAMES.items():
        group = page.get_by_role("group", name=re.compile(f"^{re.escape(name)}"))
        group.get_by_label(positions.get(code, default), exact=True).check()
    _submit(page, "Put to the vote")


def test_the_founding_story_in_the_chamber(server: str, page: Page, tmp_path: pathlib.Path) -> None:
    page.goto(f"{server}/chamber")
    expect(page.get_by_role("note")).to_contain_text("simulation")
    page.get_by_label("Access token").fill(TOKEN)
    _submit(page, "Unlock")
    page.get_by_label("Date of the meeting").fill("2017-10-24")
    page.get_by_label("Title").fill("Non-proliferation: the JIM")
    _submit(page, "Convene the meeting")
    expect(page.get_by_role("heading", level=1)).to_have_text("Non-proliferation: the JIM")
    expect(page.get_by_text("President: France")).to_be_visible()

    page.get_by_label("Question", exact=True).select_option("draft")
    page.get_by_label("Title or symbol").fill("S/2017/884")
    _submit(page, "Table it")
    page.get_by_label("Question", exact=True).select_option("postpone")
    page.get_by_label("Title or symbol").fill("Postpone the vote on S/2017/884")
    _submit(page, "Table it")
    floor = page.get_by_role("heading", name=re.compile("^On the floor"))
    expect(floor).to_have_text("On the floor: Postpone the vote on S/2017/884")
    expect(page.get_by_text(re.compile("^Rule 33"))).to_be_visible()
    # Each question shows its own number once: no list marker beside "1." and "2."
    questions = page.locator("ol.questions")
    expect(questions).to_have_css("list-style-type", "none")
    expect(questions.locator(".seq")).to_have_text(["1.", "2."])

    _vote(page, MOTION, "No")
    said = page.get_by_role("status", name="The President's announcement")
    expect(said).to_contain_text(FAILED)
    expect(floor).to_have_text("On the floor: S/2017/884")

    _vote(page, DRAFT, "Yes")
    expect(said).to_contain_text(VETOED)
    expect(page.get_by_role("heading", name=re.compile("^On the floor"))).to_have_count(0)
    result = page.get_by_label("How each member voted on S/2017/884")
    expect(result).to_contain_text("Against (2)")
    expect(result).to_contain_text("Veto cast by")
    expect(result.locator("dd.veto")).to_have_text("Russian Federation")
    _screenshot(page, "chamber-result", tmp_path, full_page=True)


def test_an_explorer_filter_then_the_csv_download(server: str, page: Page) -> None:
    page.goto(f"{server}/record")
    filters = page.get_by_role("form", name="Filters")
    filters.get_by_label("What").select_option("drafts")
    filters.get_by_label("From year").fill("2017")
    filters.get_by_label("To year").fill("2017")
    filters.get_by_label("Member").fill("RUS")
    filters.get_by_label("How it voted").select_option("N")
    filters.get_by_role("button", name="Filter").click()
    summary = page.get_by_role("status").filter(has_text="match")
    expect(summary).to_contain_text("drafts match")
    total = int(summary.inner_text().split()[0])
    table = page.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(total + 1)
    shown = set(table.locator("tbody td:nth-child(3) a").all_inner_texts())  # the drafts
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    path = info.value.path()
    rows = list(csv.DictReader(io.StringIO(pathlib.Path(path).read_text("utf-8"))))
    assert len(rows) == total > 0
    assert {r["draft"] for r in rows} == shown
    assert "S/2017/884" in shown
    assert {r["date"][:4] for r in rows} == {"2017"}


def test_all_others_in_favour_in_the_browser(server: str, page: Page) -> None:
    page.goto(f"{server}/chamber")
    page.get_by_label("Access token").fill(TOKEN)
    _submit(page, "Unlock")
    page.get_by_label("Date of the meeting").fill("2017-10-24")
    _submit(page, "Convene the meeting")
    page.get_by_label("Title or symbol").fill("S/2017/884")
    _submit(page, "Table it")
    for code, position in DRAFT.items():
        group = page.get_by_role("group", name=re.compile(f"^{re.escape(NAMES[code])}"))
        group.get_by_label(position, exact=True).check()
    page.get_by_label("Every member not marked votes").select_option("Y")
    _submit(page, "Put to the vote")
    expect(page.get_by_role("status", name="The President's announcement")).to_contain_text(VETOED)
    expect(page.get_by_label("How each member voted on S/2017/884")).to_contain_text(
        "In favour (11)"
    )


def test_screenshots_of_the_explorer_a_resolution_and_a_member(
    server: str, page: Page, tmp_path: pathlib.Path
) -> None:
    page.set_viewport_size({"width": 1200, "height": 1000})
    page.goto(f"{server}/record?view=drafts&from=2017&to=2017&sort=yes&dir=desc")
    expect(page.get_by_role("columnheader", name=re.compile("^Tally"))).to_have_attribute(
        "aria-sort", "descending"
    )
    _screenshot(page, "explorer", tmp_path)
    page.goto(f"{server}/decisions/res:2334")
    expect(page.get_by_role("heading", level=1)).to_have_text("Resolution 2334")
    expect(page.get_by_role("link", name="S/RES/2334 (2016)")).to_have_attribute(
        "href", "https://undocs.org/en/S/RES/2334(2016)"
    )
    _screenshot(page, "resolution", tmp_path)
    page.set_viewport_size({"width": 1200, "height": 1500})
    page.goto(f"{server}/members/RUS")
    chart = page.get_by_role("img", name=re.compile("^How often Russian Federation voted"))
    expect(chart).to_be_visible()
    _screenshot(page, "member", tmp_path)
