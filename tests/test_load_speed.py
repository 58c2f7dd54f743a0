"""The load's speed-ups change nothing but its speed (issue 16)."""

from __future__ import annotations

import gc
import pathlib
import shutil
import threading
from collections.abc import Iterator, Mapping, Sequence

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dbfixtures import fresh_database
from realdata import require_shared
from unsc._record import load, observation_json
from unsc._record.api import Record
from unsc._sources.model import Observation
from unsc._store import db, mandate_tables


def test_gc_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with load._gc_paused():
        assert not gc.isenabled()
        with load._gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_gc_paused_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with load._gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_gc_paused_across_threads_and_errors() -> None:
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with load._gc_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    with load._gc_paused():
        thread.start()
        inside.wait(5)
    assert not gc.isenabled()  # the other load still runs
    leave.set()
    thread.join()
    assert gc.isenabled()
    try:
        with load._gc_paused():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()


# -- the observations a load keeps instead of decoding them again -------------------------

FIRST = (
    "dhl-pages/scact1950_table_en.html",
    "dhl-pages/scact2017_table_en.html",
    "dhl-pages/scact_veto_table_en.html",
    "sc-votes-1994-2025/sc_voting.csv",
    "tamm/TAMM.csv",
)
MORE = (
    "dppa-peacekeeping/DPPADPOSS-PKO.csv",
    "dppa-sc-membership/DPPA-SCMEMBERSHIP.csv",
    "failed-drafts-unsc-for-us/cleaned_data_unsc.csv",
    "wpdl-vetoes/unsc_vetoes_1946_sept2022.csv",
    "dhl-sc-voting-excerpt/sc_voting_2026_02_06_EXCERPT.csv",
)


def _copy(folder: pathlib.Path, *names: str) -> None:
    data = require_shared() / "data"
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data / name, folder / name)


def _tables(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the record and the mandates, rows sorted (load timestamps left out)."""
    engine = db.make_engine(url)
    out = {}
    with engine.connect() as conn:
        for meta in (db.metadata, mandate_tables.metadata):
            for table in meta.sorted_tables:
                columns = [c for c in table.c if c.name != "loaded_at"]
                rows = conn.execute(sa.select(*columns)).all()
                out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    engine.dispose()
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def kept_url(kind: str, tmp_path: pathlib.Path) -> Iterator[str]:
    (tmp_path / "kept").mkdir()
    yield from fresh_database(kind, tmp_path / "kept")


@pytest.fixture
def decoded_url(kind: str, tmp_path: pathlib.Path) -> Iterator[str]:
    (tmp_path / "decoded").mkdir()
    yield from fresh_database(kind, tmp_path / "decoded")


@pytest.mark.realdata
def test_restored_observations_are_the_decoded_ones() -> None:
    """Equal, with the same types and the same order of their mappings (their reprs)."""
    plan = load.discover(require_shared() / "data")
    seen = 0
    for fmt, path, name in plan.files:
        for obs in fmt.parse(path, name=name):
            payload = observation_json.dumps(obs)
            decoded = observation_json.loads(observation_json.kind_of(obs), payload, obs.prov)
            assert repr(observation_json.restored(obs, payload)) == repr(decoded), (name, obs)
            seen += 1
    assert seen > 20_000


@pytest.mark.realdata
def test_kept_observations_write_the_record_decoding_writes(
    kept_url: str, decoded_url: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loads in three steps (files added, one file changed): the same record either way."""
    folder = tmp_path / "D"
    _copy(folder, *FIRST)
    kept, decoded = kept_url, decoded_url

    def steps(url: str) -> None:
        _copy(folder, *FIRST)
        for name in MORE:
            (folder / name).unlink(missing_ok=True)
        Record(url).load(folder)
        _copy(folder, *MORE)
        Record(url).load(folder)
        with (folder / FIRST[-1]).open("a", encoding="utf-8") as handle:
            handle.write("\n")  # a new digest, the same observations: stored again, last
        Record(url).load(folder)

    checks: list[bool] = []
    stored_last = load._stored_last

    def spy(conn: Connection, fresh: Mapping[int, Sequence[Observation]]) -> bool:
        checks.append(stored_last(conn, fresh))
        return checks[-1]

    monkeypatch.setattr(load, "_stored_last", spy)
    steps(kept)
    assert checks == [True, True, True]  # the kept observations were used each time
    monkeypatch.setattr(load, "_stored_last", lambda conn, fresh: False)  # decode every row
    steps(decoded)
    assert _tables(kept) == _tables(decoded)
