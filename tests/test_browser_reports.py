"""Reading a report in a real browser: Debian's Chromium driven by Playwright.

The real server runs in a subprocess on a free port over an empty database
(reading reports needs no record), as in ``test_browser.py``, whose browser
fixtures and helpers are reused. The founding story's wire report is pasted;
its two votes are shown beside it with the supporting words marked; one is
confirmed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from realdata import require_shared
from test_browser import browser, page, running_server
from test_web_support import TOKEN

__all__ = ["browser", "page"]  # fixtures

pytestmark = pytest.mark.realdata

SEED = "seeds/000_7eccf3441f495112.txt"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("server-reports")
    with running_server(folder / "reports.sqlite3", folder) as base:
        yield base


def test_the_founding_story_read_highlighted_and_confirmed(server: str, page: Page) -> None:
    story = (require_shared() / SEED).read_text(encoding="utf-8")
    page.goto(f"{server}/extract")
    page.get_by_label("Access token").fill(TOKEN)
    with page.expect_navigation():
        page.get_by_role("button", name="Unlock").click()
    expect(page).to_have_url(f"{server}/extract")
    expect(page.get_by_role("heading", level=1)).to_have_text("Read a report")

    page.get_by_label("Report text").fill(story)
    with page.expect_navigation():
        page.get_by_role("button", name="Read the votes").click()
    expect(page.get_by_role("heading", name="2 votes found")).to_be_visible()
    motion = page.get_by_role("article", name=re.compile(r"^Vote 1: procedural motion"))
    draft = page.get_by_role("article", name=re.compile(r"^Vote 2: draft resolution"))
    expect(motion.get_by_role("heading")).to_have_text("Vote 1: procedural motion — failed")
    expect(draft.get_by_role("heading")).to_have_text("Vote 2: draft resolution — vetoed by RUS")
    expect(motion.get_by_label("Yes", exact=True)).to_have_value("4")
    expect(motion.get_by_label("No", exact=True)).to_have_value("8")
    expect(motion.get_by_label("Abstain", exact=True)).to_have_value("3")
    expect(draft.get_by_label("Yes", exact=True)).to_have_value("11")
    expect(draft.get_by_label("Vetoed by")).to_have_value("RUS")

    text = page.get_by_role("document", name=re.compile("^The report's text"))
    eleven = text.locator("mark", has_text=re.compile(r"^11$"))
    expect(eleven).to_have_count(1)
    expect(eleven).to_be_visible()
    expect(eleven).to_have_attribute("title", "vote 2: yes votes")
    russia = text.locator("mark", has_text=re.compile(r"^Russia$"))
    expect(russia.first).to_be_visible()
    expect(text.locator('mark[title*="vetoed"]', has_text="Russia").first).to_be_visible()
    background = eleven.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")

    draft.get_by_role("button", name="Confirm vote 2").click()
    expect(page).to_have_url(re.compile(r"/reports/\d+#vote-\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("pasted text")
    stored_draft = page.get_by_role("article", name=re.compile(r"^Vote 2"))
    stored_motion = page.get_by_role("article", name=re.compile(r"^Vote 1"))
    expect(stored_draft).to_contain_text("Confirmed")
    expect(stored_motion).to_contain_text("Candidate")
    expect(stored_motion.get_by_role("button", name="Reject vote 1")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", name="Candidates awaiting confirmation")).to_be_visible()
    rows = page.get_by_role("table").first.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("procedural motion")
