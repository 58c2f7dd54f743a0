"""The record store on real data, on SQLite and PostgreSQL: load, re-adjudicate, query.

Loads ``../shared/data`` once per database kind (module fixture) and checks
what the record issue promises: every vetoed draft of the UN Library list,
resolutions 1-2640 with 666 and 695 repaired, the known source errors
surfaced as conflicts, zero unexplained disagreements with the engine,
atomic and idempotent loads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pathlib
import shutil
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from dbfixtures import fresh_database
from realdata import require_shared, shared_dir
from unsc import SourceFormatError
from unsc._record.api import Record
from unsc._store import db

pytestmark = pytest.mark.realdata

KINDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="module", params=KINDS)
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Record]:
    data = require_shared() / "data"
    gen = fresh_database(request.param, tmp_path_factory.mktemp(request.param))
    url = next(gen)
    record = Record(url)
    record.load(data)
    yield record
    record.engine.dispose()
    for _ in gen:
        pass


def _snapshot(record: Record) -> str:
    digest = hashlib.sha256()
    with record.engine.connect() as conn:
        for table in (db.decisions, db.votes, db.vetoes, db.conflicts, db.meetings, db.provenance):
            cols = [c for c in table.c if c.name != "id"]
            rows = conn.execute(sa.select(*cols).order_by(*cols)).all()
            digest.update(json.dumps([list(r) for r in rows], default=str).encode())
    return digest.hexdigest()


def test_every_vetoed_draft_of_the_library_list_is_a_veto(loaded: Record) -> None:
    """The Library's list: 213 drafts, 265 negative votes (MANIFEST 1b)."""
    d, v = db.decisions.c, db.vetoes.c
    with loaded.engine.connect() as conn:
        listed = conn.execute(
            sa.select(d.id, d.draft, d.date).where(
                d.sources.like("%dhl-veto-html%"), d.id.in_(sa.select(v.decision_id))
            )
        ).all()
        counts: dict[str, int] = dict(
            conn.execute(
                sa.select(v.member, sa.func.count())
                .where(v.decision_id.in_([r.id for r in listed]))
                .group_by(v.member)
            ).all()
        )
        unlisted = conn.execute(
            sa.select(d.draft).where(
                d.id.in_(sa.select(v.decision_id)),
                d.date <= dt.date(2022, 5, 26),
                d.sources.not_like("%dhl-veto-html%"),
            )
        ).scalars()
        unlisted_drafts = list(unlisted)
    assert len(listed) == 213
    assert counts == {"SUN": 90, "RUS": 30, "USA": 82, "GBR": 29, "FRA": 17, "CHN": 17}
    # Before June 2022 only one veto is not on the Library's list: the US veto of a
    # second term for the Secretary-General (private meeting, S/1996/952).
    assert unlisted_drafts == ["S/1996/952"]
    later = [r for r in loaded.veto_rows() if r["date"] > "2022-05-26"]
    assert len(later) >= 16  # 2022 (after May) to 2025, from the 1994-2025 file and WPDL


def test_vetoes_are_oldest_first_in_the_contract_shape(loaded: Record) -> None:
    vetoes = loaded.veto_rows()
    assert [v["date"] for v in vetoes] == sorted(v["date"] for v in vetoes)
    jim = next(v for v in vetoes if v["draft"] == "S/2017/884")
    assert jim == {
        "date": "2017-10-24",
        "draft": "S/2017/884",
        "meeting": "S/PV.8073",
        "agenda": jim["agenda"],
        "vetoed_by": ["RUS"],
        "yes": 11,
        "no": 2,
        "abstain": 2,
    }
    assert set(jim) == {"date", "draft", "meeting", "agenda", "vetoed_by", "yes", "no", "abstain"}


def test_resolutions_are_complete_including_666_and_695(loaded: Record) -> None:
    numbers = {r["resolution"] for r in loaded.resolution_rows()}
    assert set(range(1, 2641)) <= numbers
    assert loaded.resolution(666)["date"] == "1990-09-13"  # type: ignore[index]
    assert loaded.resolution(695)["date"] == "1991-05-30"  # type: ignore[index]
    assert loaded.resolution(663)["date"] != "1990-09-13"  # type: ignore[index]


def test_known_errors_surface_as_conflicts(loaded: Record) -> None:
    misprints = loaded.conflicts(kind="resolution_number_misprint")
    assert {c["chosen"] for c in misprints} >= {666, 695}
    known = loaded.conflicts(kind="known_source_error")
    assert any(c["decision"] == "draft:S/10768" for c in known)
    s10768 = loaded.decision("draft:S/10768")
    assert s10768 is not None
    assert s10768["adjudicated_outcome"] == "failed"
    assert s10768["recorded_outcome"] == "vetoed"


def test_no_unexplained_disagreement_with_the_engine(loaded: Record) -> None:
    status = loaded.status()
    agreement = status["agreement"]
    unexplained = loaded.conflicts(kind="engine_disagreement")
    assert unexplained == [], json.dumps(unexplained[:5], indent=1, default=str)
    assert agreement["compared"] > 2500
    assert agreement["unexplained"] == 0


def test_founding_story_in_the_record(loaded: Record) -> None:
    jim = loaded.decision("draft:S/2017/884")
    assert jim is not None
    assert jim["adjudicated_outcome"] == "vetoed"
    assert jim["vetoed_by"] == ["RUS"]
    assert jim["votes"]["RUS"] == "N"
    assert jim["votes"]["CHN"] == "A"
    assert {p["source"] for p in jim["provenance"]} >= {"dhl-meetings-html", "dhl-veto-html"}


def test_member_agreement(loaded: Record) -> None:
    fra = loaded.member("FRA")
    gbr = next(a for a in fra["agreement"] if a["member"] == "GBR")
    assert gbr["votes_together"] > 1500
    assert gbr["agreement"] > 0.95
    assert fra["vetoes"], "France cast vetoes"
    assert fra["terms"][0]["permanent"] is True


def test_filters(loaded: Record) -> None:
    y2017 = loaded.resolution_rows(year=2017)
    assert all(r["date"].startswith("2017") for r in y2017)
    assert len(y2017) == 61
    abstained = loaded.resolution_rows(member="RUS", vote="A")
    assert any(r["resolution"] == 2334 for r in abstained) is False
    us_abstained = loaded.resolution_rows(member="USA", vote="A")
    assert any(r["resolution"] == 2334 for r in us_abstained)
    frame = loaded.vetoes(member="CHN", since=dt.date(2000, 1, 1))
    assert set(frame.columns) >= {"date", "draft", "vetoed_by"}
    assert all("CHN" in v for v in frame["vetoed_by"])


def test_loading_twice_changes_nothing(loaded: Record) -> None:
    before = _snapshot(loaded)
    report = loaded.load(shared_dir() / "data")
    assert report.unchanged
    assert _snapshot(loaded) == before


def test_a_truncated_file_leaves_the_database_as_it_was(
    loaded: Record, tmp_path: pathlib.Path
) -> None:
    before = _snapshot(loaded)
    folder = tmp_path / "data"
    shutil.copytree(shared_dir() / "data" / "dhl-pages", folder / "dhl-pages")
    page = folder / "dhl-pages" / "scact2017_table_en.html"
    text = page.read_text(encoding="utf-8", errors="replace")
    page.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(SourceFormatError) as info:
        loaded.load(folder)
    assert "scact2017_table_en.html" in str(info.value)
    assert _snapshot(loaded) == before


def test_confirmed_and_unconfirmed_source_errors_are_counted_apart(loaded: Record) -> None:
    """The S/5095 guess (tally printed against-for-abstain?) is unconfirmed, not a known error."""
    from click.testing import CliRunner

    from unsc._cli import main

    agreement = loaded.status()["agreement"]
    unconfirmed = loaded.conflicts(kind="unconfirmed_source_error")
    assert [c["decision"] for c in unconfirmed] == ["draft:S/5095"]
    assert "UNCONFIRMED" in unconfirmed[0]["reason"]
    assert agreement["unconfirmed_source_errors"] == 1
    confirmed = {c["decision"] for c in loaded.conflicts(kind="known_source_error")}
    assert "draft:S/5095" not in confirmed
    # Counted over the decisions the engine disagrees with; a known error can also be
    # noted on a decision that agrees once the error is set right.
    assert 0 < agreement["known_source_errors"] <= len(confirmed)
    assert (
        agreement["known_source_errors"]
        + agreement["unconfirmed_source_errors"]
        + agreement["unexplained"]
        == agreement["disagree"]
    )
    url = loaded.engine.url.render_as_string(hide_password=False)
    out = CliRunner().invoke(main, ["--database", url, "data", "status"])
    assert out.exit_code == 0, out.output
    assert f"{agreement['known_source_errors']} confirmed source errors" in out.stdout
    assert "1 unconfirmed source errors" in out.stdout


def test_the_library_codes_of_the_day_in_the_real_record(loaded: Record) -> None:
    """No members mismatch for the UN Library's voting rows (the unofficial files keep theirs)."""
    mismatches = loaded.conflicts(kind="members_mismatch")
    official = [c for c in mismatches if c["values"][0]["source"] == "dhl-voting-csv"]
    assert official == []
    res157 = loaded.resolution(157)
    assert res157 is not None
    assert res157["procedural"] is True
    assert res157["votes"]["SUN"] == "N"
    assert res157["adjudicated_outcome"] == "adopted"


def test_migrations_in_several_threads_at_once_all_succeed(tmp_path: pathlib.Path) -> None:
    # Alembic's running context is one module-wide proxy: before the lock in
    # db.migrate, eight threads migrating eight new files at once failed
    # ("module 'alembic.context' has no attribute 'config'").
    import threading

    errors: list[str] = []

    def run(i: int) -> None:
        try:
            engine = db.make_engine(f"sqlite:///{tmp_path}/record{i}.sqlite3")
            db.migrate(engine)
            with engine.connect() as conn:
                assert sa.inspect(conn).has_table("decisions")
            engine.dispose()
        except Exception as exc:  # collected: a thread's failure must fail the test
            errors.append(repr(exc))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
