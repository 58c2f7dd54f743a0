"""Fifty concurrent writers on one Chamber meeting, against a real server.

``unsc serve`` runs in a subprocess on a free loopback port, over a fresh
SQLite file and a fresh PostgreSQL database. Fifty threads, released together
by a barrier, table a question each in the same meeting: every one must be
stored once, with fifty distinct ``seq`` values 1..50 (the order of rules 32
and 33). Then fifty threads vote on the same question: exactly one vote is
recorded, the other forty-nine are told 409, and no request gets a 500.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pathlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import httpx2 as httpx
import pytest
import sqlalchemy as sa

from dbfixtures import fresh_database
from test_web_support import TOKEN
from unsc._store import chamber_tables as tables
from unsc._store import db
from unsc._web import security

WRITERS = 50
CSRF = "concurrency-test-csrf"
COOKIES = {security.CSRF_COOKIE: CSRF, security.AUTH_COOKIE: security.auth_cookie_value(TOKEN)}
DRAFT_VOTES = {
    **dict.fromkeys(
        ["EGY", "ETH", "FRA", "GBR", "ITA", "JPN", "SEN", "SWE", "UKR", "URY", "USA"], "Y"
    ),
    **dict.fromkeys(["BOL", "RUS"], "N"),
    **dict.fromkeys(["CHN", "KAZ"], "A"),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def serve(url: str, log: pathlib.Path) -> Iterator[str]:
    """``unsc serve`` over ``url`` on a free loopback port, until the block ends."""
    port = _free_port()
    env = {**os.environ, "UNSC_TOKEN": TOKEN, "UNSC_AUTOLOAD": "0"}
    command = [sys.executable, "-m", "unsc", "--database", url, "serve", "--port", str(port)]
    with log.open("wb") as errors:
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/status", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None:
                    raise RuntimeError(f"the server exited: {log.read_text()}")
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not answer in time")
                time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def _together(count: int, call: Callable[[int], httpx.Response]) -> list[httpx.Response]:
    """Run ``call(i)`` for i in 0..count-1 in threads released at the same moment."""
    barrier = threading.Barrier(count)
    results: list[httpx.Response | BaseException | None] = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = call(i)
        except BaseException as exc:  # reported below, with the others
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    failures = [r for r in results if not isinstance(r, httpx.Response)]
    assert not failures, failures[:3]
    return [r for r in results if isinstance(r, httpx.Response)]


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: pathlib.Path) -> Iterator[str]:
    for url in fresh_database(request.param, tmp_path):
        db.open_database(url).dispose()
        yield url


def test_fifty_concurrent_writers(database: str, tmp_path: pathlib.Path) -> None:
    with (
        serve(database, tmp_path / "server.log") as base,
        httpx.Client(
            base_url=base,
            cookies=COOKIES,
            headers={"accept": "application/json"},
            timeout=60,
            limits=httpx.Limits(max_connections=100),
        ) as client,
    ):
        created = client.post("/chamber", data={"date": "2017-10-24", "csrf": CSRF})
        assert created.status_code == 303, created.text
        session = created.headers["location"]
        session_id = int(session.rsplit("/", 1)[1])

        tabled = _together(
            WRITERS,
            lambda i: client.post(
                f"{session}/questions", data={"type": "draft", "title": f"S/2017/{i}", "csrf": CSRF}
            ),
        )
        assert sorted({r.status_code for r in tabled}) == [303], [r.text for r in tabled][:3]

        engine = sa.create_engine(database)
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    sa.select(
                        tables.questions.c.id, tables.questions.c.seq, tables.questions.c.title
                    )
                    .where(tables.questions.c.session_id == session_id)
                    .order_by(tables.questions.c.seq)
                ).all()
            assert sorted(r.title for r in rows) == sorted(f"S/2017/{i}" for i in range(WRITERS))
            assert [r.seq for r in rows] == list(range(1, WRITERS + 1))

            first = rows[0].id
            ballot = {f"vote_{code}": position for code, position in DRAFT_VOTES.items()}
            voted = _together(
                WRITERS,
                lambda _: client.post(
                    f"{session}/questions/{first}/vote", data={**ballot, "csrf": CSRF}
                ),
            )
            codes = sorted(r.status_code for r in voted)
            assert codes == [303] + [409] * (WRITERS - 1), codes
            conflict = next(r for r in voted if r.status_code == 409).json()
            assert "already been decided" in conflict["error"]["message"]
            with engine.connect() as conn:
                stored = conn.execute(
                    sa.select(tables.votes.c.member).where(tables.votes.c.question_id == first)
                ).all()
                status = conn.execute(
                    sa.select(tables.questions.c.status).where(tables.questions.c.id == first)
                ).scalar_one()
            assert len(stored) == len(DRAFT_VOTES)
            assert status != "pending"
        finally:
            engine.dispose()
    assert "Traceback" not in (tmp_path / "server.log").read_text()


def test_migration_renumbers_duplicate_seq(tmp_path: pathlib.Path) -> None:
    """Meetings saved before 0006 with repeated ``seq`` keep their order, now unique."""
    from alembic import command
    from alembic.config import Config

    engine = db.make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = Config()
    config.set_main_option("script_location", str(pathlib.Path(db.__file__).parent / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004_reports")
    with engine.begin() as conn:
        conn.execute(
            sa.insert(tables.sessions).values(
                id=1,
                title="t",
                date=dt.date(2017, 10, 24),
                president="FRA",
                status="open",
                created_at="2017-10-24T10:00:00+00:00",
            )
        )
        for qid, seq in ((1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (6, 3)):
            conn.execute(
                sa.insert(tables.questions).values(
                    id=qid,
                    session_id=1,
                    seq=seq,
                    kind="draft_resolution",
                    title=f"q{qid}",
                    status="pending",
                    tabled_at="2017-10-24T10:00:00+00:00",
                )
            )
    db.migrate(engine)
    with engine.begin() as conn:
        order = conn.execute(
            sa.select(tables.questions.c.id, tables.questions.c.seq).order_by(tables.questions.c.id)
        ).all()
        assert [tuple(r) for r in order] == [(i, i) for i in range(1, 7)]
        with pytest.raises(sa.exc.IntegrityError):
            conn.execute(
                sa.update(tables.questions).where(tables.questions.c.id == 2).values(seq=1)
            )
    engine.dispose()
