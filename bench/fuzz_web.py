"""Fuzz the web app: schemathesis over its OpenAPI schema, and generated requests to its pages.

Two harnesses over one app (the record loaded from ``--data``, or the SQLite
file ``--database``):

* ``api``: every operation of ``/openapi.json``, through schemathesis, with
  data that fits the schema (positive) and data that does not (negative);
  writes carry the access token half of the time.
* ``html``: the pages (not in the schema) and their forms, with path
  segments and query values drawn from hypothesis strategies: huge, negative
  and zero integers, valid and invalid dates, member codes, unicode, percent
  and LIKE wildcards, over-long strings.

A request fails when the answer is a server error (5xx), or a 4xx not in the
one error shape (JSON ``{"error": {status, code, message}}``; the HTML error
page with ``data-status``). The goal is 0 failures. Prints counts by outcome
and, for each failure, the request.

Usage: python bench/fuzz_web.py [--data ../shared/data | --database FILE]
       [--api-examples 60] [--html-requests 6000] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import string
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

TOKEN = "fuzz-token"


@dataclass
class Tally:
    """Counts by outcome, and the failing requests (at most ``keep`` of them)."""

    by_outcome: Counter[str] = field(default_factory=Counter)
    by_status: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    keep: int = 50

    @property
    def requests(self) -> int:
        return sum(self.by_status.values())

    @property
    def failed(self) -> int:
        return self.by_outcome["server error"] + self.by_outcome["bad error shape"]

    def add(self, method: str, url: str, status: int, content_type: str, body: bytes) -> None:
        self.by_status[status] += 1
        outcome = classify(status, content_type, body, head=method == "HEAD")
        self.by_outcome[outcome] += 1
        if outcome in {"server error", "bad error shape"} and len(self.failures) < self.keep:
            self.failures.append(f"{status} {method} {url} :: {body[:200]!r}")

    def merge(self, other: Tally) -> None:
        self.by_outcome.update(other.by_outcome)
        self.by_status.update(other.by_status)
        self.failures += other.failures[: max(0, self.keep - len(self.failures))]

    def report(self, title: str) -> str:
        lines = [f"{title}: {self.requests:,} requests, {self.failed:,} failures"]
        for outcome, n in sorted(self.by_outcome.items()):
            lines.append(f"  {outcome:<16} {n:>7,}")
        statuses = ", ".join(f"{s}: {n:,}" for s, n in sorted(self.by_status.items()))
        lines.append(f"  by status: {statuses}")
        if self.skipped:
            lines.append(f"  no data to generate: {', '.join(self.skipped)}")
        lines += [f"  FAIL {f}" for f in self.failures]
        return "\n".join(lines)


def classify(status: int, content_type: str, body: bytes, *, head: bool = False) -> str:
    """``ok`` (2xx/3xx), ``client error`` (a 4xx in the one shape), or a failure."""
    if status >= 500:
        return "server error"
    if status < 400:
        return "ok"
    if head:
        good = not body  # the GET's headers, no body
    elif content_type.startswith("application/json"):
        try:
            error = json.loads(body)["error"]
            good = set(error) == {"status", "code", "message"} and error["status"] == status
        except (ValueError, KeyError, TypeError):
            good = False
    elif content_type.startswith("text/html"):
        good = f'data-status="{status}"'.encode() in body
    else:
        good = False
    return "client error" if good else "bad error shape"


# --- The app ---------------------------------------------------------------------------


def make_app(url: str) -> Any:
    """The app over ``url`` as ``unsc serve`` builds it (no start-up load, no network)."""
    from unsc._web.app import create_app
    from unsc._web.settings import Settings

    settings = Settings(
        database_url=url,
        token=TOKEN,
        autoload=False,
        fetch_base="http://127.0.0.1:9",  # never the network: a load started here fails fast
    )
    return create_app(settings)


def loaded_database(data: pathlib.Path, folder: pathlib.Path) -> str:
    """A SQLite record loaded from ``data`` into ``folder``."""
    from unsc._record.api import Record

    url = f"sqlite:///{folder / 'fuzz.sqlite3'}"
    record = Record(url)
    record.load(data)
    record.engine.dispose()
    return url


# --- schemathesis over the OpenAPI schema --------------------------------------------------


def fuzz_api(app: Any, *, examples: int, seed: int = 0) -> Tally:
    """Every operation, positive and negative data, ``examples`` cases each."""
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    tally = Tally()
    rng = random.Random(seed)
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(generation_mode=mode)

            @hseed(rng.randrange(2**32))
            @settings(
                max_examples=examples,
                deadline=None,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=strategy)
            def run(case: Any) -> None:
                headers = {"Authorization": f"Bearer {TOKEN}"} if rng.random() < 0.5 else {}
                try:
                    response = case.call(headers=headers)
                except Exception as exc:  # the app raised through the transport
                    tally.add(case.method, case.formatted_path, 599, "", repr(exc).encode())
                    return
                tally.add(
                    case.method,
                    f"{case.formatted_path}?{case.query or ''}",
                    response.status_code,
                    response.headers.get("content-type", [""])[0]
                    if isinstance(response.headers.get("content-type"), list)
                    else str(response.headers.get("content-type", "")),
                    response.content,
                )

            try:
                run()
            except Unsatisfiable:  # nothing negative to send (an operation with no inputs)
                tally.skipped.append(f"{operation.label} ({mode.value})")
    return tally


# --- The pages and their forms ------------------------------------------------------------

CODES = ["RUS", "SUN", "USA", "FRA", "CHN", "GBR", "BOL", "ZAR", "HVO", "XXX", "rus", "Atlantis"]
WORDS = ["Middle East", "Namibia", "%", "_", "%%", "\\", "'", '"', "<script>", "Syria", "ü", ""]


def _values(rng: random.Random) -> Iterator[str]:
    """An endless mix of hostile and ordinary values for a path segment or a parameter.

    Unicode digits among them: ``str.isdigit`` accepts a superscript two that
    ``int()`` refuses (the long run found a 500 that way).
    """
    big = ["99999999999999999999", "99999999999999999999999", str(2**63), str(2**63 - 1)]
    generators: list[Callable[[], str]] = [
        lambda: str(rng.randint(-5, 5)),
        lambda: str(rng.randint(-(10**6), 10**6)),
        lambda: rng.choice(big),
        lambda: str(rng.randint(1940, 2110)),
        lambda: f"{rng.randint(0, 12000):04d}-{rng.randint(0, 14):02d}-{rng.randint(0, 33):02d}",
        lambda: f"{rng.randint(1946, 2027)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        lambda: rng.choice(CODES),
        lambda: rng.choice(WORDS),
        lambda: "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 12))),
        lambda: "".join(chr(rng.randint(0x80, 0x2FFF)) for _ in range(rng.randint(1, 6))),
        lambda: "x" * rng.choice([300, 5000]),
        lambda: rng.choice(["res:2334", "draft:S/2017/884", "res:0", "draft:", "res:1e9"]),
        lambda: rng.choice(["true", "false", "1", "0", "yes", "null", "[]", "{}"]),
        lambda: rng.choice(["adopted", "vetoed", "failed", "resolutions", "drafts", "vetoes"]),
        lambda: rng.choice(["Y", "N", "A", "X", "y", "maybe"]),
        lambda: rng.choice(["double-veto", "charter", "no-veto", "ten-votes", "nope"]),
        lambda: rng.choice(["JIM", "UNFICYP", "PoE-1874", "peacekeeping_operation"]),
        lambda: rng.choice(["\u00b2", "\u2082", "1\u00b9", "\u0663", "\uff11\uff19\uff18\uff14"]),
    ]
    while True:
        yield rng.choice(generators)()


PAGES: list[tuple[str, list[str]]] = [
    ("/", ["date"]),
    ("/council/{}", []),
    ("/record", ["view", "from", "to", "member", "vote", "outcome", "q", "page", "sort"]),
    ("/record/download.{}", ["view", "from", "to", "member", "vote", "outcome", "q"]),
    ("/decisions/{}", []),
    ("/members", []),
    ("/members/{}", []),
    ("/vetoes", []),
    ("/replay", ["rule"]),
    ("/mandates", ["at", "within", "kind"]),
    ("/mandates.ics", ["kind"]),
    ("/mandates/{}", []),
    ("/chamber", []),
    ("/chamber/{}", []),
    ("/chamber/{}/export.json", []),
    ("/extract", []),
    ("/reports", ["status"]),
    ("/reports/{}", ["seen"]),
    ("/docs", []),
    ("/static/{}", []),
    ("/{}", []),
]

FORMS: list[tuple[str, list[str]]] = [
    ("/chamber", ["date", "title"]),
    ("/chamber/{}/questions", ["type", "title", "amends"]),
    ("/chamber/{}/questions/{}/vote", ["vote_FRA", "vote_RUS", "vote_USA"]),
    ("/chamber/{}/resume", []),
    ("/chamber/unlock", ["token"]),
    ("/extract", ["text", "dateline", "file"]),
    ("/extract/confirm", ["key", "text"]),
    ("/reports/votes/{}/confirm", ["yes", "no", "abstain", "date"]),
    ("/reports/votes/{}/reject", []),
    ("/record/load", []),
]


def _segment(value: str) -> str:
    """A value as one path segment (percent-encoded; ``:`` kept, as in ``res:2334``)."""
    return urllib.parse.quote(value, safe=":") or "%20"


def _unlock(client: Any) -> str:
    """Get a CSRF cookie and exchange the token for the auth cookie, as a browser does."""
    client.get("/chamber")
    csrf: str = client.cookies.get("unsc_csrf") or ""
    unlocked = client.post("/chamber/unlock", data={"token": TOKEN, "csrf": csrf})
    assert unlocked.status_code == 200, unlocked.text[:200]
    return csrf


def fuzz_html(app: Any, *, requests: int, seed: int = 0) -> Tally:
    """``requests`` generated requests to the pages (GET, HEAD) and their forms (POST)."""
    from fastapi.testclient import TestClient

    rng = random.Random(seed)
    values = _values(rng)
    tally = Tally()
    with TestClient(app, raise_server_exceptions=False) as client:
        csrf = _unlock(client)
        session = client.post("/chamber", data={"date": "2017-10-24", "csrf": csrf})
        assert session.status_code == 200, session.text[:200]
        for n in range(requests):
            if rng.random() < 0.25:
                template, fields = rng.choice(FORMS)
                path = template.format(
                    *(_segment(next(values)) for _ in range(template.count("{}")))
                )
                data = {f: next(values) for f in fields if rng.random() < 0.8}
                if rng.random() < 0.8:
                    data["csrf"] = csrf
                method = "POST"
                response = client.post(path, data=data, follow_redirects=False)
                url = f"{path} {data}"[:300]
            else:
                template, names = rng.choice(PAGES)
                path = template.format(
                    *(_segment(next(values)) for _ in range(template.count("{}")))
                )
                params = {p: next(values) for p in names if rng.random() < 0.5}
                if rng.random() < 0.1:
                    params[next(values)[:20] or "x"] = next(values)  # an unknown parameter
                method = "HEAD" if n % 10 == 9 else "GET"
                response = client.request(method, path, params=params, follow_redirects=False)
                url = f"{path} {params}"[:300]
            if n % 500 == 250:
                client.cookies.clear()  # a visitor without cookies for a while
            elif n % 500 == 499:
                csrf = _unlock(client)
            tally.add(
                method,
                url,
                response.status_code,
                response.headers.get("content-type", ""),
                response.content,
            )
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=pathlib.Path("../shared/data"))
    parser.add_argument("--database", help="A SQLite file holding the record (else --data)")
    parser.add_argument("--api-examples", type=int, default=60, help="cases per operation and mode")
    parser.add_argument("--html-requests", type=int, default=6000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="unsc-fuzz-") as tmp:
        if args.database:
            url = f"sqlite:///{pathlib.Path(args.database).resolve()}"
        else:
            began = time.monotonic()
            url = loaded_database(args.data, pathlib.Path(tmp))
            print(f"record loaded from {args.data} in {time.monotonic() - began:.1f} s")
        app = make_app(url)
        began = time.monotonic()
        api = fuzz_api(app, examples=args.api_examples, seed=args.seed)
        print(api.report(f"API (schemathesis, {time.monotonic() - began:.0f} s)"))
        began = time.monotonic()
        html = fuzz_html(app, requests=args.html_requests, seed=args.seed)
        print(html.report(f"pages and forms ({time.monotonic() - began:.0f} s)"))
        total = Tally()
        total.merge(api)
        total.merge(html)
        print(f"total: {total.requests:,} requests, {total.failed:,} failures")
    return 1 if total.failed else 0


if __name__ == "__main__":
    sys.exit(main())
