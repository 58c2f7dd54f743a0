"""The precomputed rows behind the uncached web path, on the real record.

The ``agreement`` table and the ``documents`` the load writes must give
exactly what the per-request queries give: checked for every decision and
every member of ``../shared/data``, and through the app (the fast path's
bytes and headers equal the route's).
"""

from __future__ import annotations

import pathlib
import shutil

import pytest
import sqlalchemy as sa

from test_web_support import TOKEN, record_file, record_url
from unsc._store import db, documents, query
from unsc._web import Settings, create_app
from unsc._web.queries import member_record

__all__ = ["record_file", "record_url"]  # fixtures

pytestmark = pytest.mark.realdata

AGREEMENT_SELF_JOIN = """
select other.member, count(*), sum(case when other.position = mine.position then 1 else 0 end)
from votes other join (select decision_id, position from votes where member = :code) mine
  on mine.decision_id = other.decision_id
where other.member != :code and mine.position != 'X' and other.position != 'X'
group by other.member
"""


def test_agreement_table_equals_the_self_join_for_every_member(record_url: str) -> None:
    engine = db.make_engine(record_url)
    with engine.connect() as conn:
        codes = documents.member_codes(conn)
        assert len(codes) > 100
        for code in codes:
            live = sorted(conn.execute(sa.text(AGREEMENT_SELF_JOIN), {"code": code}).all())
            a = db.agreement.c
            stored = sorted(
                conn.execute(
                    sa.select(a.other, a.votes_together, a.same_position).where(a.member == code)
                ).all()
            )
            assert [tuple(r) for r in stored] == [tuple(r) for r in live], code
    engine.dispose()


def test_documents_equal_the_per_request_queries(record_url: str) -> None:
    engine = db.make_engine(record_url)
    with engine.connect() as conn:
        keys = [r[0] for r in conn.execute(sa.select(db.decisions.c.key))]
        assert len(keys) > 3000
        for key in keys:
            detail = query.decision_detail(conn, key)
            assert documents.document(conn, documents.DECISION, key) == documents.dumps(detail)
        for code in documents.member_codes(conn):
            stored = documents.document(conn, documents.MEMBER, code)
            assert stored == documents.dumps(query.member(conn, code)), code
            assert member_record(conn, code) == query.member(conn, code)
    engine.dispose()


def test_migration_fills_the_documents_of_a_record_loaded_before(
    record_file: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(record_file, path)
    engine = db.make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # as a record loaded before migration 0007
        conn.execute(sa.text("DROP TABLE documents"))
        conn.execute(sa.text("DROP TABLE agreement"))
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0006_chamber_order'"))
    db.migrate(engine)
    with engine.connect() as conn:
        assert documents.document(conn, documents.MEMBER, "RUS") == documents.dumps(
            query.member(conn, "RUS")
        )
        assert conn.execute(sa.select(sa.func.count()).select_from(db.agreement)).scalar()
    engine.dispose()


@pytest.mark.parametrize("cache", [True, False], ids=["cache-on", "cache-off"])
def test_fast_path_answers_as_the_routes_do(record_url: str, cache: bool) -> None:
    from fastapi.testclient import TestClient

    settings = Settings(database_url=record_url, token=TOKEN, autoload=False, cache=cache)
    app = create_app(settings)
    engine = db.make_engine(record_url)
    live_app = create_app(
        Settings(database_url=record_url, token=TOKEN, autoload=False, cache=False)
    )
    with TestClient(app) as fast, TestClient(live_app) as slow:
        for path in (
            "/api/decisions/res:2334",
            "/api/decisions/draft:S/2017/884",
            "/api/members/RUS",
            "/api/members/rus",
            "/api/members/ZAR",
        ):
            answer = fast.get(path)
            assert answer.status_code == 200, path
            with engine.begin() as conn:  # no documents: the routes answer
                conn.execute(sa.delete(db.documents))
            live = slow.get(path)  # no documents and no cache: the routes answer
            assert live.status_code == 200
            assert answer.content == live.content, path
            assert answer.headers["content-type"] == live.headers["content-type"]
            assert int(answer.headers["content-length"]) == len(answer.content)
            with engine.begin() as conn:
                documents.rebuild(conn)
        assert fast.get("/api/decisions/res:999999").status_code == 404
        assert fast.get("/api/members/XYZ").status_code == 404
        assert "Russian Federation" in fast.get("/members/RUS").text
    engine.dispose()


def test_decision_mandate_links_equal_the_links_of_every_timeline(record_url: str) -> None:
    """The decision page's one-query links equal those read off every timeline."""
    from unsc._web.routes.decisions import decision_mandate_links, mandate_links

    app = create_app(Settings(database_url=record_url, token=TOKEN, autoload=False, cache=False))
    services = app.state.services
    every = mandate_links(services)
    assert len(every) > 300  # decisions that create, renew, change or fail to renew a mandate
    engine = db.make_engine(record_url)
    with engine.connect() as conn:
        keys = [r[0] for r in conn.execute(sa.select(db.decisions.c.key))]
    engine.dispose()
    linked = 0
    for key in keys:
        links = decision_mandate_links(services, key)
        assert links == every.get(key, []), key
        linked += bool(links)
    assert linked == len(every)


def test_every_listed_veto_links_to_its_own_decision(record_url: str) -> None:
    """Same-day vetoes without a symbol (1946-1948) each link to their own decision.

    Checked for the whole veto list and every member's list: the linked
    decision is vetoed by exactly the members the row names, and no two rows
    of one list share a decision.
    """
    from unsc._web.queries import link_vetoes, vetoed_keys

    engine = db.make_engine(record_url)
    with engine.connect() as conn:
        v = db.vetoes.c
        by_key: dict[str, list[str]] = {}
        stmt = sa.select(db.decisions.c.key, v.member).join(
            db.vetoes, db.decisions.c.id == v.decision_id
        )
        for key, member in conn.execute(stmt.order_by(v.member)):
            by_key.setdefault(key, []).append(member)
        lists = {"all": link_vetoes(query.vetoes(conn), vetoed_keys(conn))}
        for code in sorted({m for ms in by_key.values() for m in ms}):
            lists[code] = link_vetoes(
                query.member(conn, code)["vetoes"], vetoed_keys(conn, member=code)
            )
    engine.dispose()
    assert len(lists["all"]) == len(by_key) > 200
    for name, rows in lists.items():
        keys = [r["key"] for r in rows]
        assert None not in keys, name
        assert len(set(keys)) == len(keys), name
        for r in rows:
            assert by_key[r["key"]] == sorted(r["vetoed_by"]), (name, r)
