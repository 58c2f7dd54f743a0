"""Reading reports in the web app: /extract, /reports, the forms, and the JSON API.

Pasting a text stores nothing; confirming a vote stores the text with its
provenance and the vote as corrected, the others as candidates. Writes need the
access token and the form's CSRF token (the API: ``Authorization: Bearer``).
"""

from __future__ import annotations

import html.parser
import pathlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy.orm  # fresh_database's teardown uses sa.orm
from fastapi.testclient import TestClient

from dbfixtures import fresh_database
from test_reports import DOUBTFUL_TEXT, STORY
from test_web_support import TOKEN, client_for, unlock
from unsc._record.reports import ReportSpan, text_sha256
from unsc._web.routes.reports import highlighted

__all__ = ["sqlalchemy"]

BEARER = {"Authorization": f"Bearer {TOKEN}"}


class Forms(html.parser.HTMLParser):
    """The forms of a page as a browser would submit them: action and fields."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": {}})
        elif not self.forms:
            return
        fields: dict[str, str] = self.forms[-1]["fields"]
        if tag == "input" and "name" in a:
            if a.get("type") == "checkbox":
                if "checked" in a:
                    fields[a["name"]] = "on"
            else:
                fields[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select = a.get("name")
            if self._select:
                fields.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in a:
            fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def forms(page: str) -> list[dict[str, Any]]:
    parser = Forms()
    parser.feed(page)
    return parser.forms


def vote_form(page: str, action: str) -> dict[str, str]:
    found = [f["fields"] for f in forms(page) if f["action"] == action]
    assert found, f"no form posting to {action}"
    fields: dict[str, str] = found[0]
    return fields


def marks(page: str) -> list[str]:
    return re.findall(r"<mark[^>]*>([^<]*)</mark>", page)


@pytest.fixture
def web(tmp_path: pathlib.Path) -> Iterator[TestClient]:
    with client_for(f"sqlite:///{tmp_path / 'db.sqlite3'}") as c:
        yield c


@pytest.fixture(params=["sqlite", "postgresql"])
def any_web(request: pytest.FixtureRequest, tmp_path: pathlib.Path) -> Iterator[TestClient]:
    for url in fresh_database(request.param, tmp_path):
        with client_for(url) as c:
            yield c


# --- Pages ------------------------------------------------------------------------------


def test_the_extract_page(web: TestClient) -> None:
    page = web.get("/extract")
    assert page.status_code == 200
    assert '<label for="report-text">Report text</label>' in page.text
    assert 'action="/reports/unlock"' in page.text  # locked: the token form is offered
    assert '<a href="/reports">Reports</a>' in page.text  # the nav link


def test_pasting_shows_the_votes_beside_the_text_and_stores_nothing(web: TestClient) -> None:
    page = web.post("/extract", data={"text": STORY})
    assert page.status_code == 200
    text = page.text
    assert "2 votes found" in text
    assert re.search(r"Vote 1: procedural motion — failed", text)
    assert re.search(r"Vote 2: draft resolution — vetoed by RUS", text)
    marked = marks(text)
    for words in ("11", "Russia", "four", "eight", "three", "two", "Kazakhstan", "vetoed"):
        assert words in marked
    assert "4" not in marked  # "April 4"
    assert 'title="vote 2: yes votes">11</mark>' in text
    assert 'class="asked v1"' in text  # the motion's wording, underlined
    assert "“11” (yes votes)" in text
    assert "Confirm vote 1" not in text  # locked
    assert web.get("/api/reports").json() == []
    assert web.get("/reports").status_code == 200


def test_confirming_one_vote_stores_the_report_and_the_others_as_candidates(
    any_web: TestClient,
) -> None:
    web = any_web
    unlock(web)
    preview = web.post("/extract", data={"text": STORY, "file": "ap-2017-10-26.txt"}).text
    assert "Confirm vote 1" in preview
    fields = vote_form(preview, "/extract/confirm")
    assert (fields["seq"], fields["yes"], fields["members_yes"]) == ("1", "4", "BOL, CHN, KAZ, RUS")
    response = web.post("/extract/confirm", data=fields)
    assert response.status_code == 200, response.text
    assert re.fullmatch(r"/reports/\d+", response.url.path)
    assert response.url.fragment.startswith("vote-")
    page = response.text
    assert "ap-2017-10-26.txt" in page
    assert "1 candidate, 1 confirmed, 0 rejected" in page
    assert '<span class="status confirmed">Confirmed</span>' in page
    assert '<span class="status candidate">Candidate</span>' in page
    votes = web.get("/api/reports").json()
    assert [(v["seq"], v["status"], v["corrections"]) for v in votes] == [
        (1, "confirmed", {}),  # the form's values round-trip: nothing was corrected
        (2, "candidate", {}),
    ]
    assert votes[0]["sha256"] == text_sha256(STORY)
    assert votes[0]["file"] == "ap-2017-10-26.txt"
    listing = web.get("/reports").text
    assert "Candidates awaiting confirmation" in listing
    assert f"#{votes[1]['id']}</a>" in listing
    assert f"#{votes[0]['id']}</a>" not in listing
    assert f"#{votes[0]['id']}</a>" in web.get("/reports", params={"status": "confirmed"}).text
    # Pasting the same text again opens the stored report; nothing is added.
    again = web.post("/extract", data={"text": STORY.replace("\n", "\r\n")})
    assert again.url.path == response.url.path
    assert "stored before: nothing was added" in again.text
    assert len(web.get("/api/reports").json()) == 2


def test_correct_then_confirm_and_reject_on_the_report_page(web: TestClient) -> None:
    csrf = unlock(web)
    web.post("/extract/save", data={"text": STORY, "csrf": csrf})
    draft = web.get("/api/reports").json()[1]
    page = web.get(f"/reports/{draft['report_id']}").text
    assert "2 candidate, 0 confirmed" in page
    fields = vote_form(page, f"/reports/votes/{draft['id']}/confirm")
    fields["abstain"] = "3"
    fields["members_abstain"] = "China, KAZ, Egypt"
    fields["members_inferred"] = ""
    response = web.post(f"/reports/votes/{draft['id']}/confirm", data=fields)
    assert response.status_code == 200, response.text
    stored = web.get(f"/api/reports/votes/{draft['id']}").json()
    assert stored["status"] == "confirmed"
    assert stored["members_abstain"] == ["CHN", "EGY", "KAZ"]
    assert stored["corrections"]["abstain"] == {"from": 2, "to": 3}
    assert stored["warnings"] == ["counts_do_not_add_up"]  # 11 + 2 + 3 is not fifteen
    assert "Corrected: abstain (2 → 3)" in response.text
    assert "counts_do_not_add_up" in response.text
    motion = web.get("/api/reports").json()[0]
    rejected = web.post(f"/reports/votes/{motion['id']}/reject", data={"csrf": csrf})
    assert rejected.status_code == 200
    assert web.get(f"/api/reports/votes/{motion['id']}").json()["status"] == "rejected"
    assert f"Reject vote {motion['seq']}" not in rejected.text


def test_writes_need_the_token_and_the_csrf_token(web: TestClient) -> None:
    web.get("/extract")
    csrf = str(web.cookies["unsc_csrf"])
    locked = web.post("/extract/confirm", data={"text": STORY, "seq": "1", "csrf": csrf})
    assert locked.status_code == 403
    assert "access token" in locked.text
    unlock(web)
    forged = web.post("/extract/save", data={"text": STORY, "csrf": "forged"})
    assert forged.status_code == 403
    assert "csrf_failed" in forged.text
    assert web.get("/api/reports").json() == []
    wrong = web.post("/reports/unlock", data={"token": "nope", "csrf": csrf})
    assert wrong.status_code == 403


def test_unlocking_goes_back_to_the_page(web: TestClient) -> None:
    web.get("/extract")
    csrf = str(web.cookies["unsc_csrf"])
    back = web.post("/reports/unlock", data={"token": TOKEN, "csrf": csrf, "next": "/extract"})
    assert back.url.path == "/extract"
    assert "Access token" not in back.text
    away = web.post(
        "/reports/unlock", data={"token": TOKEN, "csrf": csrf, "next": "https://example.org/"}
    )
    assert away.url.path == "/reports"


def test_bad_input_is_refused(web: TestClient) -> None:
    csrf = unlock(web)
    assert web.post("/extract", data={"text": STORY, "dateline": "26/10/2017"}).status_code == 400
    assert web.get("/reports", params={"status": "pending"}).status_code == 422
    assert web.get("/reports/99").status_code == 404
    assert web.post("/reports/votes/99/reject", data={"csrf": csrf}).status_code == 404
    too_long = web.post("/extract", data={"text": "x" * 200_001})
    assert too_long.status_code == 422
    preview = web.post("/extract", data={"text": STORY}).text
    fields = vote_form(preview, "/extract/confirm") | {"members_yes": "Atlantis"}
    refused = web.post("/extract/confirm", data=fields)
    assert refused.status_code == 400
    assert "members_yes: unknown member state" in refused.text
    assert web.get("/api/reports").json() == []  # the failed write left nothing behind


def test_the_text_is_escaped(web: TestClient) -> None:
    text = STORY + "\n<script>alert('x')</script> & more\n"
    page = web.post("/extract", data={"text": text}).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_a_text_without_votes(web: TestClient) -> None:
    page = web.post("/extract", data={"text": "The Council met and heard a briefing."}).text
    assert "0 votes found" in page
    assert "found no Security Council vote" in page


def test_highlighting_overlaps_and_shared_words() -> None:
    text = "Russia vetoed the draft, 11-2-2."
    first = [
        ReportSpan(0, 6, "Russia", ("members_no", "vetoed_by")),
        ReportSpan(7, 13, "vetoed", ("outcome",)),
    ]
    second = [ReportSpan(0, 23, text[:23], ("question",)), ReportSpan(0, 6, "Russia", ("sponsor",))]
    out = str(highlighted(text, [(1, first), (2, second)]))
    assert out.startswith(
        '<mark class="v1 multi" data-votes="1 2" '
        'title="vote 1: voted no, vetoed; vote 2: the question, sponsor">Russia</mark>'
    )
    assert '<span class="asked v2" title="vote 2: the question"> </span>' in out
    assert out.endswith(", 11-2-2.")
    assert re.sub(r"<[^>]+>", "", out) == text


# --- The JSON API -----------------------------------------------------------------------


def test_api_extract_reads_without_storing(any_web: TestClient) -> None:
    body = any_web.post("/api/extract", json={"text": STORY, "file": "story.txt"}).json()
    assert body["file"] == "story.txt"
    assert body["sha256"] == text_sha256(STORY)
    assert body["stored_report"] is None
    assert [r["outcome"] for r in body["records"]] == ["failed", "vetoed"]
    assert len(body["spans"]) == 2
    assert {"text": "11", "fields": ["yes"]}.items() <= next(
        s for s in body["spans"][1] if s["text"] == "11"
    ).items()
    assert any_web.get("/api/reports").json() == []


def test_api_store_confirm_and_reject(any_web: TestClient) -> None:
    api = any_web
    assert api.post("/api/reports", json={"text": STORY}).status_code == 403
    created = api.post("/api/reports", json={"text": STORY, "file": "s.txt"}, headers=BEARER)
    assert created.status_code == 201
    report = created.json()
    assert report["created"] is True
    assert [v["status"] for v in report["votes"]] == ["confirmed", "confirmed"]
    again = api.post("/api/reports", json={"text": STORY, "file": "t.txt"}, headers=BEARER)
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["file"] == "s.txt"
    doubtful = api.post(
        "/api/reports", json={"text": DOUBTFUL_TEXT, "dateline": "2017-10-24"}, headers=BEARER
    ).json()
    candidates = api.get("/api/reports", params={"status": "candidate"}).json()
    assert candidates
    assert [c["report_id"] for c in candidates] == [doubtful["id"]] * len(candidates)
    assert all(c["warnings"] for c in candidates)
    assert api.get(f"/api/reports/{report['id']}").json()["text"] == STORY
    vote = report["votes"][1]["id"]
    assert api.post(f"/api/reports/votes/{vote}/confirm", json={}).status_code == 403
    fixed = api.post(
        f"/api/reports/votes/{vote}/confirm", json={"sponsor": "United States"}, headers=BEARER
    )
    assert fixed.status_code == 200
    assert fixed.json()["corrections"] == {}  # the reader had it right: USA
    bad = api.post(f"/api/reports/votes/{vote}/confirm", json={"yes": 99}, headers=BEARER)
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == "bad_request"
    assert "yes: 99 is out of range" in bad.json()["error"]["message"]
    rejected = api.post(f"/api/reports/votes/{vote}/reject", headers=BEARER)
    assert rejected.json()["status"] == "rejected"
    missing = api.post("/api/reports/votes/999/reject", headers=BEARER)
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    assert api.get("/api/reports/999").status_code == 404
    assert api.get("/api/reports", params={"status": "pending"}).status_code == 422


def test_openapi_describes_the_reports_api(web: TestClient) -> None:
    paths = web.get("/openapi.json").json()["paths"]
    for path in (
        "/api/extract",
        "/api/reports",
        "/api/reports/{report_id}",
        "/api/reports/votes/{vote_id}",
        "/api/reports/votes/{vote_id}/confirm",
        "/api/reports/votes/{vote_id}/reject",
    ):
        assert path in paths
    assert "/extract" not in paths
    assert "POST /api/reports" in web.get("/docs").text


# --- Bounded reads (issue 15, item 8) -------------------------------------------------------


def test_api_extract_caps_anonymous_texts(web: TestClient) -> None:
    long = "The Council met. " * 4000  # 68,000 characters
    refused = web.post("/api/extract", json={"text": long})
    assert refused.status_code == 413
    assert refused.json()["error"]["code"] == "too_large"
    assert web.post("/api/extract", json={"text": long}, headers=BEARER).status_code == 200


def test_api_extract_rate_limits_anonymous_callers(web: TestClient) -> None:
    from unsc._web.routes.reports import BURST, RateLimiter

    # the app's own limiter, on a clock that stands still (no refill while the test runs)
    web.app.state.extract_limiter = RateLimiter(clock=lambda: 0.0)  # type: ignore[attr-defined]
    codes = [web.post("/api/extract", json={"text": STORY}).status_code for _ in range(BURST + 3)]
    assert codes[:BURST] == [200] * BURST
    assert codes[BURST:] == [429] * 3
    body = web.post("/api/extract", json={"text": STORY}).json()
    assert body["error"]["code"] == "rate_limited"
    # the token holder is not limited
    assert web.post("/api/extract", json={"text": STORY}, headers=BEARER).status_code == 200


def test_rate_limiter_refills_over_time() -> None:
    from unsc._web.routes.reports import RateLimiter

    now = [0.0]
    limiter = RateLimiter(rate=2.0, burst=3, clock=lambda: now[0])
    assert [limiter.wait("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.wait("a") == pytest.approx(0.5)
    assert limiter.wait("b") == 0.0  # per client
    now[0] = 0.5
    assert limiter.wait("a") == 0.0
    assert limiter.wait("a") > 0


def test_api_extract_stops_at_its_time_limit(
    web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from unsc._web.routes import reports as routes

    monkeypatch.setattr(routes, "TIME_LIMIT", 0.0)
    refused = web.post("/api/extract", json={"text": STORY}, headers=BEARER)
    assert refused.status_code == 503
    assert refused.json()["error"]["code"] == "timeout"
