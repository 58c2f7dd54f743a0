"""Links to decisions whose record keys hold URL syntax (``#``, ``@``) reach their pages."""

from __future__ import annotations

import re
import urllib.parse

import pytest
from fastapi.testclient import TestClient

from test_web_support import client, record_file, record_url

__all__ = ["client", "record_file", "record_url"]  # fixtures

pytestmark = pytest.mark.realdata


def test_explorer_links_to_meeting_keys_are_escaped(client: TestClient) -> None:
    """Votes of 1946 without a draft symbol are keyed by meeting (``meeting:S/PV.49@1946-06-26#2``).

    Unescaped, ``#2`` would be a fragment and the link would open the wrong page.
    """
    page = client.get("/record", params={"view": "drafts", "from": "1946", "to": "1946"})
    assert page.status_code == 200
    hrefs = re.findall(r'href="(/decisions/[^"]+)"', page.text)
    meeting = [h for h in hrefs if "meeting" in h]
    assert meeting, "the 1946 explorer lists decisions keyed by meeting"
    for href in meeting:
        assert "#" not in href
        key = urllib.parse.unquote(href.removeprefix("/decisions/"))
        shown = client.get(href)
        assert shown.status_code == 200, href
        assert key.split("#")[0].split("@")[0].removeprefix("meeting:") in shown.text
    assert any(urllib.parse.unquote(h).endswith("@1946-06-26#2") for h in meeting)
