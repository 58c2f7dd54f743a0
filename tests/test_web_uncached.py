"""The uncached web path (``UNSC_WEB_CACHE=0``): how many queries each page runs, and the warm-up.

With the cache off every request runs its own queries; these tests pin how
many, per kind of page, on the real record, so that a page does not quietly
go back to a query per row or per facet. (How fast the path is, is measured
by ``bench/web_bench.py`` and ``bench/load_test.py``, not here: no timings in
unit tests.) The warm-up (``Settings.warm_up``, ``UNSC_WARM_UP``) compiles
every template and answers one request of each kind before a worker serves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from test_web_support import TOKEN, record_file, record_url
from unsc._web import Settings, create_app
from unsc._web.render import templates
from unsc._web.settings import WARM_UP_ENV

__all__ = ["record_file", "record_url"]  # fixtures

pytestmark = pytest.mark.realdata


class Counted:
    """A client on an uncached app, counting the statements its reader runs."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.statements: list[str] = []
        reader = client.app.state.services.reader  # type: ignore[attr-defined]
        sa.event.listen(reader, "before_cursor_execute", self._count)

    def _count(self, _conn: object, _cursor: object, statement: str, *_: object) -> None:
        self.statements.append(statement)

    def queries(self, path: str) -> int:
        """How many statements answering ``path`` ran (it must answer 200)."""
        self.statements.clear()
        response = self.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return len(self.statements)


@pytest.fixture
def uncached(record_url: str) -> Iterator[Counted]:
    settings = Settings(
        database_url=record_url,
        token=TOKEN,
        autoload=False,
        cache=False,
        cache_seconds=3600,  # the watcher reads the stamp at start only: no statement of its own
    )
    with TestClient(create_app(settings)) as client:
        counted = Counted(client)
        for path in ("/record", "/members/FRA", "/decisions/res:2334"):  # each kind once
            counted.queries(path)
        yield counted


@pytest.mark.parametrize(
    ("path", "most"),
    [
        # The total and both facets from one grouped query, then the page's rows.
        ("/record", 2),
        ("/record?view=drafts&page=7", 2),
        ("/record?view=vetoes&from=1970&to=1979", 2),
        ("/record?view=resolutions&from=1990&to=1995&member=USA&vote=Y&sort=yes&dir=desc", 2),
        ("/record?view=drafts&outcome=vetoed&page=2", 2),
        ("/api/resolutions?year=1990", 1),
        ("/api/vetoes?since=2000-01-01", 2),
        ("/council/1990-05-01", 0),
    ],
)
def test_queries_per_uncached_page(uncached: Counted, path: str, most: int) -> None:
    """No page asks whether the record is loaded: the cache's watcher keeps that (its stamp)."""
    assert uncached.queries(path) <= most


def test_pages_say_whether_the_record_is_loaded_without_a_query(uncached: Counted) -> None:
    uncached.queries("/record")
    counts = [s for s in uncached.statements if s.startswith("SELECT count(*) AS count_1 \nFROM")]
    assert counts == []
    assert "The record is not loaded" not in uncached.client.get("/record").text


def test_the_banner_still_shows_on_an_empty_record(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/empty.sqlite3"
    settings = Settings(database_url=url, token=TOKEN, autoload=False, cache=False)
    with TestClient(create_app(settings)) as client:
        assert "The record is not loaded" in client.get("/record").text


def test_warm_up_is_on_when_serving_and_off_in_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings(database_url="sqlite://", token=TOKEN).warm_up is False
    monkeypatch.delenv(WARM_UP_ENV, raising=False)
    assert Settings.from_env().warm_up is True
    monkeypatch.setenv(WARM_UP_ENV, "0")
    assert Settings.from_env().warm_up is False


def test_warm_up_compiles_every_template_and_answers_each_kind(record_url: str) -> None:
    env = templates().env
    assert env.cache is not None
    env.cache.clear()
    settings = Settings(database_url=record_url, token=TOKEN, autoload=False, warm_up=True)
    app = create_app(settings)
    with TestClient(app) as client:
        compiled = {name for _, name in env.cache}
        assert compiled >= set(env.list_templates(extensions=["html"]))
        # The record's reads are done: the mandates' timelines are kept (cache on).
        cache = app.state.services.cache
        assert ("mandate_timelines",) in cache._values
        assert client.get("/record").status_code == 200


def test_without_warm_up_nothing_is_compiled_at_start(record_url: str) -> None:
    env = templates().env
    assert env.cache is not None
    env.cache.clear()
    settings = Settings(database_url=record_url, token=TOKEN, autoload=False)
    with TestClient(create_app(settings)):
        assert not env.cache


@pytest.mark.parametrize(
    "path",
    [
        "/api/resolutions?year=1990",
        "/api/resolutions?year=2025",
        "/api/vetoes?since=1946-01-01",
        "/api/vetoes?since=2000-02-29",
        "/api/vetoes?since=2027-12-31",
    ],
)
def test_lists_answered_before_routing_equal_the_routes(
    uncached: Counted, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from unsc._web import kept_responses

    early = uncached.client.get(path)
    monkeypatch.setattr(kept_responses, "_LISTS", {})
    routed = uncached.client.get(path)
    assert early.status_code == routed.status_code == 200
    assert early.content == routed.content
    assert early.headers["content-type"] == routed.headers["content-type"]
    assert early.headers["content-length"] == routed.headers["content-length"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/resolutions?year=1900",
        "/api/resolutions?year=abcd",
        "/api/vetoes?since=2000-02-30",
        "/api/vetoes?since=2000-1-1",
        "/api/vetoes?since=2000-01-01&untill=2001-01-01",
    ],
)
def test_other_query_strings_go_on_to_the_route(uncached: Counted, path: str) -> None:
    response = uncached.client.get(path)
    assert response.status_code == 422
    assert set(response.json()) == {"error"}


# The templates' loops that the member and explorer pages now write in Python, as they were.
OLD_EXPLORER_ROWS = """  <tbody>
  {% for r in rows %}
    <tr>
      <td>{{ r.date }}</td>
      <td>{% if r.resolution %}<a href="/decisions/{{ r.key | replace("#", "%23") }}">{{ r.resolution }}</a>{% endif %}</td>
      <td>{% if r.draft %}<a href="/decisions/{{ r.key | replace("#", "%23") }}">{{ r.draft }}</a>{% elif not r.resolution %}<a href="/decisions/{{ r.key | replace("#", "%23") }}">{{ r.key }}</a>{% endif %}</td>
      <td>{% for item in r.agenda | agenda_items %}<span class="agenda-item">{{ item }}</span>{% endfor %}</td>
      <td>{% if r.yes is not none %}{{ r.yes }}–{{ r.no }}–{{ r.abstain }}{% endif %}</td>
      <td>{{ r.adjudicated_outcome or r.recorded_outcome or "" }}</td>
      <td>{% for c in r.vetoed_by %}<a href="/members/{{ c }}">{{ c }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</td>
    </tr>
  {% else %}
    <tr><td colspan="7">No rows.</td></tr>
  {% endfor %}
  </tbody>"""  # noqa: E501, RUF001

OLD_MEMBER_TABLES = """<tbody>{% for v in m.vetoes %}<tr><td>{{ v.date }}</td><td>{% if v.key %}<a href="/decisions/{{ v.key | replace("#", "%23") }}">{{ v.draft or v.key }}</a>{% else %}{{ v.draft or "" }}{% endif %}</td><td>{% for item in v.agenda | agenda_items %}<span class="agenda-item">{{ item }}</span>{% endfor %}</td><td>{{ v.vetoed_by | join(", ") }}</td></tr>{% endfor %}</tbody>
<tbody>{% for a in agreement %}<tr><th scope="row"><a href="/members/{{ a.member }}">{{ a.name }}</a></th><td>{{ a.votes_together }}</td><td>{{ a.same_position }}</td><td>{{ "%.1f%%" | format(a.agreement * 100) }}</td></tr>{% else %}<tr><td colspan="4">No member voted with {{ m.name }} {{ min_votes }} times or more in the record.</td></tr>{% endfor %}</tbody>
{% for a in too_few %}<a href="/members/{{ a.member }}">{{ a.name }}</a> ({{ a.votes_together }}){% if not loop.last %}, {% endif %}{% endfor %}."""  # noqa: E501


def test_explorer_rows_are_the_templates_for_every_row(record_url: str) -> None:
    from unsc._store import db
    from unsc._web import queries
    from unsc._web.routes.record import row_html

    old = templates().env.from_string(OLD_EXPLORER_ROWS)
    new = templates().env.from_string("  <tbody>\n{{ row_html }}\n  </tbody>")
    engine = db.make_engine(record_url)
    with engine.connect() as conn:
        rows = queries.explore_rows(conn, queries.Filters(view="drafts"))
    engine.dispose()
    assert len(rows) > 3000
    assert any("#" in r["key"] for r in rows)
    for start in range(0, len(rows), 50):
        page = rows[start : start + 50]
        assert new.render(row_html=row_html(page)) == old.render(rows=page), start
    assert new.render(row_html=row_html([])) == old.render(rows=[])


def test_member_tables_are_the_templates_for_every_member(record_url: str) -> None:
    from unsc._store import db, documents
    from unsc._web.routes import members

    old = templates().env.from_string(OLD_MEMBER_TABLES)
    new = templates().env.from_string(
        "<tbody>{{ veto_rows }}</tbody>\n<tbody>{{ agreement_rows }}</tbody>\n{{ too_few_links }}."
    )
    engine = db.make_engine(record_url)
    with engine.connect() as conn:
        codes = documents.member_codes(conn)
        for code in codes:
            context = members.member_context(conn, code)
            assert new.render(**context) == old.render(**context), code
    engine.dispose()


def test_listed_rows_equal_the_decision_rows(record_url: str) -> None:
    """The lists' rows (their columns only, unpacked) are the full rows' :func:`decision_row`."""
    from unsc._store import db, query

    engine = db.make_engine(record_url)
    with engine.connect() as conn:
        order = (db.decisions.c.id,)
        full = [
            query.decision_row(r) for r in conn.execute(sa.select(db.decisions).order_by(*order))
        ]
        listed = [
            query.listed_row(r)
            for r in conn.execute(sa.select(*query.ROW_COLUMNS).order_by(*order))
        ]
    engine.dispose()
    assert len(full) > 3000
    assert listed == full


def test_decision_pages_are_kept_with_the_cache_on(record_url: str) -> None:
    """With the cache on, a decision page is kept whole, as member pages are."""
    settings = Settings(database_url=record_url, token=TOKEN, autoload=False, cache_seconds=3600)
    with TestClient(create_app(settings)) as client:
        counted = Counted(client)
        first = client.get("/decisions/res:2334")
        assert first.status_code == 200
        cache = client.app.state.services.cache  # type: ignore[attr-defined]
        assert cache.response(("response", "/decisions/res:2334", b"")) is not None
        assert counted.queries("/decisions/res:2334") == 0
        assert client.get("/decisions/res:2334").content == first.content


@pytest.mark.parametrize("view", ["resolutions", "drafts", "vetoes"])
def test_a_view_by_years_counts_as_its_own_query_does(record_url: str, view: str) -> None:
    """The counts taken from the whole view's groups equal the filtered view's own query.

    Every outcome filter and year ranges across the record's whole span, the
    empty and the reversed-open ones included, on the real record.
    """
    from unsc._web import queries

    engine = sa.create_engine(record_url)
    ranges = [(None, None), (1946, 1946), (1946, 1960), (1990, 1991), (2017, 2017)]
    ranges += [(1970, None), (None, 1955), (2024, 2025), (2026, 2030), (1900, 1945)]
    outcomes = [None, *queries.OUTCOMES, queries.UNKNOWN_OUTCOME]
    with engine.connect() as conn:
        whole = queries.view_groups(conn, view)
        assert sum(n for _y, _o, n in whole) > 0
        for low, high in ranges:
            for outcome in outcomes:
                f = queries.Filters(view=view, year_from=low, year_to=high, outcome=outcome)
                assert queries.by_year_only(f)
                own = queries.explore(conn, f, page=2, per_page=50)
                taken = queries.explore(conn, f, page=2, per_page=50, whole=whole)
                assert taken == own, (view, low, high, outcome)
    engine.dispose()


def test_only_years_and_outcomes_take_the_whole_views_counts() -> None:
    from unsc._web import queries

    assert queries.by_year_only(queries.Filters(view="drafts", year_from=1990, outcome="vetoed"))
    for other in ({"member": "FRA"}, {"text": "Syria"}, {"since": dt.date(2000, 1, 1)}):
        assert not queries.by_year_only(queries.Filters(view="drafts", **other))


def test_a_cached_explorer_counts_each_view_once(record_url: str) -> None:
    """With the cache on, a new page of a view by years runs one query: its rows."""
    settings = Settings(database_url=record_url, token=TOKEN, autoload=False, cache_seconds=3600)
    with TestClient(create_app(settings)) as client:
        counted = Counted(client)
        assert counted.queries("/record?view=drafts&from=1990&to=1999") == 2  # groups, rows
        assert counted.queries("/record?view=drafts&from=1980&to=1985&page=1") == 1
        assert counted.queries("/record?view=drafts&page=3") == 1
        assert counted.queries("/record?view=drafts&member=FRA&vote=N") == 2  # its own count
