"""The loader's guards against bad files (issue 15, items 1-3), on copies of the real files.

* a file cut to its header, or shrunk sharply, does not replace what its source
  holds without ``--allow-shrink``; the report gives each source's change;
* a file in a source's folder that no importer recognises is an error naming
  it and why, unless ``--skip-unrecognised``; UTF-16 with a BOM and a double
  BOM are read;
* dates past the covered span, control characters and absurd field sizes are
  errors naming the file, line and field;
* a load killed with SIGKILL at any moment leaves the database as it was
  before the load or as after it, never in between, and the next load
  completes (SQLite and PostgreSQL).

Each test copies the real files it needs from ``../shared/data`` into a
temporary folder at run time and damages the copy there.
"""

from __future__ import annotations

import codecs
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from dbfixtures import fresh_database
from realdata import require_shared
from unsc._cli import main
from unsc._errors import SourceFormatError
from unsc._record.api import Record
from unsc._record.load import ShrinkError, UnrecognisedFilesError
from unsc._store import db, mandate_tables

pytestmark = pytest.mark.realdata

MANDATE_FILES = ("tamm/TAMM.csv", "dppa-peacekeeping/DPPADPOSS-PKO.csv")


def _copy(folder: pathlib.Path, *names: str) -> None:
    data = require_shared() / "data"
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data / name, folder / name)


def _counts(record: Record) -> tuple[int, int]:
    with record.engine.connect() as conn:
        observations = conn.execute(
            sa.select(sa.func.count()).select_from(db.observations)
        ).scalar_one()
        events = conn.execute(
            sa.select(sa.func.count()).select_from(mandate_tables.mandate_events)
        ).scalar_one()
    return observations, events


def _cli(url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--database", url, *args])
    return result.exit_code, result.output


@pytest.fixture
def loaded(tmp_path: pathlib.Path) -> tuple[Record, pathlib.Path, str]:
    folder = tmp_path / "D"
    _copy(folder, *MANDATE_FILES)
    url = f"sqlite:///{tmp_path / 'record.sqlite3'}"
    record = Record(url)
    record.load(folder)
    return record, folder, url


# --- 1. A header-only or shrunk file -------------------------------------------------


def test_header_only_file_does_not_wipe_its_source(
    loaded: tuple[Record, pathlib.Path, str],
) -> None:
    record, folder, url = loaded
    before = _counts(record)
    assert before[0] > 5_000
    assert before[1] > 0
    tamm = folder / "tamm" / "TAMM.csv"
    tamm.write_text(tamm.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")

    with pytest.raises(ShrinkError) as caught:
        record.load(folder)
    assert caught.value.files[0][:2] == ("tamm/TAMM.csv", "tamm")
    assert caught.value.files[0][3] == 0
    assert "--allow-shrink" in str(caught.value)
    assert _counts(record) == before

    code, output = _cli(url, "data", "load", str(folder))
    assert code != 0
    assert "tamm/TAMM.csv (tamm) holds 0 observations" in output
    assert _counts(record) == before

    code, output = _cli(url, "data", "load", str(folder), "--allow-shrink", "--json")
    assert code == 0, output
    report = json.loads(output[output.index("{") :])
    tamm_change = next(s for s in report["sources"] if s["source"] == "tamm")
    assert tamm_change["after"] == 0
    assert tamm_change["change"] == -tamm_change["before"] < -5_000
    assert _counts(record)[0] == before[0] - tamm_change["before"]


def test_sharp_shrink_is_refused_and_small_one_loads(
    loaded: tuple[Record, pathlib.Path, str],
) -> None:
    record, folder, url = loaded
    tamm = folder / "tamm" / "TAMM.csv"
    lines = tamm.read_text(encoding="utf-8").splitlines(keepends=True)
    tamm.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    with pytest.raises(ShrinkError):
        record.load(folder)
    tamm.write_text("".join(lines[:-5]), encoding="utf-8")  # five mission-months fewer
    code, output = _cli(url, "data", "load", str(folder))
    assert code == 0, output
    assert "tamm: " in output
    assert "(-5)" in output


# --- 2. Files no importer recognises --------------------------------------------------


def test_changed_header_in_a_source_folder_is_an_error(
    loaded: tuple[Record, pathlib.Path, str],
) -> None:
    record, folder, url = loaded
    before = _counts(record)
    tamm = folder / "tamm" / "TAMM.csv"
    text = tamm.read_text(encoding="utf-8")
    tamm.write_text(text.replace("unsc_resolution", "resolution", 1), encoding="utf-8")

    with pytest.raises(UnrecognisedFilesError) as caught:
        record.load(folder)
    name, why = caught.value.files[0]
    assert name == "tamm/TAMM.csv"
    assert "'resolution', expected 'unsc_resolution'" in why
    assert "tamm" in why
    assert _counts(record) == before

    code, output = _cli(url, "data", "load", str(folder), "--skip-unrecognised")
    assert code == 0, output
    assert "Skipped as asked: tamm/TAMM.csv" in output
    assert _counts(record) == before  # the loaded copy stays


def test_empty_and_foreign_files_beside_recognised_ones(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "D"
    _copy(folder, "dppa-peacekeeping/DPPADPOSS-PKO.csv")
    (folder / "dppa-peacekeeping" / "empty.csv").write_bytes(b"")
    (folder / "dppa-peacekeeping" / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "dppa-peacekeeping" / "README.txt").write_text("notes", encoding="utf-8")
    (folder / "elsewhere").mkdir()
    (folder / "elsewhere" / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    record = Record(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    with pytest.raises(UnrecognisedFilesError) as caught:
        record.load(folder)
    reasons = dict(caught.value.files)
    assert reasons.keys() == {"dppa-peacekeeping/empty.csv", "dppa-peacekeeping/notes.csv"}
    assert reasons["dppa-peacekeeping/empty.csv"] == "the file is empty"
    assert "header column 1 is 'a'" in reasons["dppa-peacekeeping/notes.csv"]
    report = record.load(folder, skip_unrecognised=True)
    assert "elsewhere/other.csv" in report.skipped
    assert "dppa-peacekeeping/README.txt" in report.skipped
    assert {u["file"] for u in report.unrecognised} == set(reasons)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-16", b""), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-8", codecs.BOM_UTF8 * 2)],
)
def test_readable_encodings_are_read(tmp_path: pathlib.Path, encoding: str, prefix: bytes) -> None:
    plain = tmp_path / "plain"
    _copy(plain, *MANDATE_FILES)
    reference = Record(f"sqlite:///{tmp_path / 'plain.sqlite3'}").load(plain)
    damaged = tmp_path / "damaged"
    _copy(damaged, *MANDATE_FILES)
    for name in MANDATE_FILES:
        path = damaged / name
        path.write_bytes(prefix + path.read_text(encoding="utf-8").encode(encoding))
    report = Record(f"sqlite:///{tmp_path / 'damaged.sqlite3'}").load(damaged)
    assert not report.skipped
    assert not report.unrecognised
    assert report.sources == reference.sources
    assert report.decisions == reference.decisions


# --- 3. Garbage in fields ----------------------------------------------------------------


def _damage(path: pathlib.Path, line: int, column: str, value: str) -> None:
    """Set ``column`` of the record on physical ``line`` (no multi-line fields before it)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[line - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "column", "value", "message"),
    [
        ("wpdl-vetoes/unsc_vetoes_1946_sept2022.csv", "date", "1/1/2099", "is after 2027-12-31"),
        ("dppa-peacekeeping/DPPADPOSS-PKO.csv", "end_date", "2099-01-01", "is after 2027-12-31"),
        ("dppa-peacekeeping/DPPADPOSS-PKO.csv", "mission_name", "UN\x00TSO", "U+0000"),
        ("tamm/TAMM.csv", "region", "x" * 100_000, "100,000 characters"),
        ("tamm/TAMM.csv", "year", "2099", "outside 1945-2027"),
        ("failed-drafts-unsc-for-us/cleaned_data_unsc.csv", "Year", "2099", "1946-2027"),
    ],
)
def test_garbage_is_an_error_naming_file_line_and_field(
    tmp_path: pathlib.Path, name: str, column: str, value: str, message: str
) -> None:
    folder = tmp_path / "D"
    _copy(folder, name)
    _damage(folder / name, 3, column, value)
    record = Record(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    with pytest.raises(SourceFormatError) as caught:
        record.load(folder)
    error = caught.value
    assert (error.file, error.line, error.field) == (name, 3, column)
    assert message in str(error)
    with record.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(db.observations)).scalar() == 0


# --- kill -9 in the middle of a load ----------------------------------------------------

KILL_ROUNDS = int(os.environ.get("UNSC_KILL_ROUNDS", "4"))
FIRST_FILES = MANDATE_FILES
MORE_FILES = (
    "wpdl-vetoes/unsc_vetoes_1946_sept2022.csv",
    "dppa-sc-membership/DPPA-SCMEMBERSHIP.csv",
    "failed-drafts-unsc-for-us/cleaned_data_unsc.csv",
    "sc-votes-1994-2025/sc_voting.csv",
)


def _state(url: str) -> tuple[int, ...]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            return tuple(
                conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (
                    db.source_files,
                    db.observations,
                    db.decisions,
                    db.votes,
                    mandate_tables.mandate_events,
                )
            )
    finally:
        engine.dispose()


def _load_command(url: str, folder: pathlib.Path) -> list[str]:
    return [sys.executable, "-m", "unsc", "--database", url, "data", "load", str(folder)]


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: pathlib.Path) -> Iterator[str]:
    yield from fresh_database(request.param, tmp_path)


def test_kill_9_mid_load_leaves_the_database_as_before(
    empty_url: str, tmp_path: pathlib.Path
) -> None:
    """SIGKILL at spread moments of a load: the database is as before it, or as after it.

    Half the kills fall anywhere in the run (start-up and parsing included),
    half after the last file's progress line (its parsing, the write, the
    commit); ``UNSC_KILL_ROUNDS`` sets how many (default 4).
    """
    first, full = tmp_path / "first", tmp_path / "full"
    _copy(first, *FIRST_FILES)
    _copy(full, *FIRST_FILES, *MORE_FILES)
    Record(empty_url).load(first)
    before = _state(empty_url)

    reference = f"sqlite:///{tmp_path / 'reference.sqlite3'}"
    Record(reference).load(first)
    start = time.monotonic()
    subprocess.run(_load_command(reference, full), check=True, capture_output=True)
    duration = time.monotonic() - start
    after = _state(reference)
    assert after != before

    outcomes: list[str] = []
    files = len(FIRST_FILES) + len(MORE_FILES)
    for n in range(KILL_ROUNDS):
        proc = subprocess.Popen(
            _load_command(empty_url, full), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        assert proc.stderr is not None
        if n % 2 == 0:  # at a moment spread over the whole run
            delay = duration * (n + 1) / (KILL_ROUNDS + 1)
        else:  # once the last file is being parsed, up to the write and the commit
            for line in proc.stderr:
                if line.startswith(f"[{files}/{files}]".encode()):
                    break
            delay = 0.1 * n
        try:
            proc.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            finished = False
        proc.stderr.close()
        state = _state(empty_url)
        assert state in (before, after), (n, state)
        outcomes.append("finished" if finished else ("before" if state == before else "after"))
        if state == after:  # the load had committed: start again from the first state
            reset = db.make_engine(empty_url)  # foreign keys on: the files' rows go too
            with reset.begin() as conn:
                conn.execute(sa.delete(db.source_files))
            reset.dispose()
            Record(empty_url).load(first)
            assert _state(empty_url) == before
    print(f"kill -9 rounds on {empty_url.split(':')[0]}: {dict(Counter(outcomes))}")
    assert outcomes.count("before") >= 1, outcomes
    subprocess.run(_load_command(empty_url, full), check=True, capture_output=True)
    assert _state(empty_url) == after


def test_garbage_in_a_meetings_page(tmp_path: pathlib.Path) -> None:
    page = "dhl-pages/scact1959_table_en.html"
    folder = tmp_path / "D"
    _copy(folder, page)
    text = (folder / page).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if "<td" in line)
    lines[row] = lines[row].replace("<td", "<td>\x00</td><td", 1)
    (folder / page).write_text("".join(lines), encoding="utf-8")
    record = Record(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    with pytest.raises(SourceFormatError) as caught:
        record.load(folder)
    assert (caught.value.file, caught.value.line) == (page, row + 1)
    assert "U+0000" in str(caught.value)

    future = folder / "dhl-pages" / "scact2099_table_en.html"
    (folder / page).unlink()
    future.write_text(text, encoding="utf-8")
    with pytest.raises(SourceFormatError) as caught:
        record.load(folder)
    assert caught.value.file == "dhl-pages/scact2099_table_en.html"
    assert caught.value.field is not None
    assert "is outside 1945-10-24 to 2027-12-31" in str(caught.value)
