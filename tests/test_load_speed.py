"""The load's speed-ups change nothing but its speed (issue 16)."""

from __future__ import annotations

import datetime as dt
import gc
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dbfixtures import fresh_database
from realdata import require_shared
from unsc._errors import SourceFormatError
from unsc._record import load, observation_json, parse_worker
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


# -- the second process parsing the last files ----------------------------------------------

HANDED = (
    "dhl-pages/scact1994_table_en.html",
    "dhl-pages/scact2016_table_en.html",
    "failed-drafts-unsc-for-us/cleaned_data_unsc.csv",
    "sc-votes-1994-2025/sc_voting.csv",
    "wpdl-vetoes/unsc_vetoes_1946_sept2022.csv",
)


def test_hand_over_splits_the_tail_and_keeps_small_loads_in_one_process(
    tmp_path: pathlib.Path,
) -> None:
    files = []
    for i, size in enumerate((100, 3_000_000, 4_000_000)):
        path = tmp_path / f"f{i}.csv"
        path.write_bytes(b"x" * size)
        files.append((load.FORMATS[0], path, path.name))
    assert load._hand_over([0, 1, 2], files) == [2]
    assert load._hand_over([0, 1], files) == []  # 0.3 s of work: not worth a process
    assert load._hand_over([2], files) == []


@pytest.mark.realdata
@pytest.mark.parametrize("threads", [1, 2], ids=["fork", "spawn"])
def test_a_load_with_a_helper_writes_the_same_record(
    threads: int,
    kept_url: str,
    decoded_url: str,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Beside another thread, the helper is a fresh interpreter (spawn), else a fork."""
    folder = tmp_path / "D"
    _copy(folder, *HANDED)
    monkeypatch.setattr(load, "HELPER_MIN_SECONDS", 10.0)
    Record(decoded_url).load(folder)  # one process
    started: list[list[parse_worker.Job]] = []
    start = parse_worker.start

    def spy(jobs: Sequence[parse_worker.Job]) -> parse_worker.Helper | None:
        started.append(list(jobs))
        return start(jobs)

    monkeypatch.setattr(parse_worker, "start", spy)
    monkeypatch.setattr(load, "HELPER_MIN_SECONDS", 0.0)
    delivered: list[bool] = []
    result = parse_worker.Helper.result

    def spy_result(self: parse_worker.Helper, index: int) -> parse_worker.Parsed | None:
        delivered.append(result(self, index) is not None)
        return result(self, index)

    monkeypatch.setattr(parse_worker.Helper, "result", spy_result)
    lines: list[tuple[str, int, int]] = []
    record = Record(kept_url)
    other = threading.Event()
    thread = threading.Thread(target=other.wait) if threads == 2 else None
    if thread:
        thread.start()
    try:
        record.load(folder, progress=lambda *a: lines.append(a))
    finally:
        other.set()
        if thread:
            thread.join()
    assert [job[3] for job in started[0]] == list(HANDED[-len(started[0]) :])
    assert delivered == [True] * len(started[0])  # the helper parsed them, not the load
    assert [(name, n) for name, n, _ in lines] == [(name, n) for n, name in enumerate(HANDED, 1)]
    assert _tables(kept_url) == _tables(decoded_url)


@pytest.mark.realdata
@pytest.mark.parametrize("broken", [HANDED[1], HANDED[3], HANDED[4]])
@pytest.mark.parametrize("helper", ["working", "dead"])
def test_a_failing_file_is_reported_as_in_one_process(
    broken: str, helper: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first failing file in order, with its line and field; nothing is written."""
    folder = tmp_path / "D"
    _copy(folder, *HANDED)
    text = (folder / broken).read_text(encoding="utf-8")
    (folder / broken).write_text(text.replace("\n", "\n\x01", 40), encoding="utf-8")
    if broken != HANDED[4]:  # a second failing file after the first
        (folder / HANDED[4]).write_text("garbage\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'record.sqlite3'}"
    monkeypatch.setattr(load, "HELPER_MIN_SECONDS", 10.0)  # one process
    with pytest.raises(SourceFormatError) as alone:
        Record(url).load(folder)
    monkeypatch.setattr(load, "HELPER_MIN_SECONDS", 0.0)
    if helper == "dead":
        monkeypatch.setattr(parse_worker, "_work", _die)
    with pytest.raises(SourceFormatError) as helped:
        Record(url).load(folder)
    assert (helped.value.file, helped.value.line, helped.value.field, str(helped.value)) == (
        alone.value.file,
        alone.value.line,
        alone.value.field,
        str(alone.value),
    )
    assert alone.value.file == broken
    engine = db.make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(db.observations)).scalar() == 0
    engine.dispose()


def _die(*args: object) -> None:
    os._exit(3)


def _children(pid: int) -> list[int]:
    out = []
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _running(pid: int) -> bool:
    try:
        state = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.realdata
@pytest.mark.skipif(not pathlib.Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_helper_ends_when_the_load_is_killed(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "D"
    _copy(folder, *HANDED)
    url = f"sqlite:///{tmp_path / 'record.sqlite3'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "unsc", "--database", url, "data", "load", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith(b"[2/"):  # the helper runs, the load parses its own files
            break
    helpers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    assert helpers, "no helper was started"
    deadline = time.monotonic() + 20
    while any(_running(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in helpers if _running(pid)]
    for pid in left:  # not to leave them behind
        os.kill(pid, signal.SIGKILL)
    assert not left


# -- the store's bulk insert ----------------------------------------------------------------


def test_insert_many_stores_what_sqlalchemy_stores() -> None:
    """Dates, booleans, None and text, stored with the same values and SQLite types."""
    rows: dict[sa.Table, list[dict[str, object]]] = {
        db.meetings: [
            {
                "symbol": "S/PV.1",
                "date": dt.date(1946, 1, 17),
                "topic": None,
                "press_release": "SC/1",
                "closed": True,
                "source": "s",
                "file": "f",
                "line": 1,
            },
            {
                "symbol": "S/PV.2",
                "date": dt.date(2022, 6, 30),
                "topic": "é\\n",
                "press_release": None,
                "closed": False,
                "source": "s",
                "file": "f",
                "line": 2,
            },
        ],
        db.search_documents: [
            {"kind": "k", "ref": "a", "date": None, "title": "t", "body": "b"},
            {"kind": "k", "ref": "b", "date": dt.date(2000, 2, 29), "title": "t", "body": ""},
        ],
        db.agreement: [
            {"member": "USA", "other": "FRA", "votes_together": 3, "same_position": 0},
        ],
    }
    dumps = []
    for bulk in (False, True):
        engine = db.make_engine("sqlite://")
        with engine.begin() as conn:
            db.metadata.create_all(conn)
            for table, batch in rows.items():
                if bulk:
                    db.insert_many(conn, table, batch)
                else:
                    conn.execute(sa.insert(table), batch)
            dump = []
            for table in rows:
                typed = ", ".join(f"{c.name}, typeof({c.name})" for c in table.c)
                dump.append(conn.exec_driver_sql(f"SELECT {typed} FROM {table.name}").all())
        dumps.append(dump)
        engine.dispose()
    assert dumps[0] == dumps[1]
    db.insert_many(db.make_engine("sqlite://").connect(), db.meetings, [])  # nothing to do
