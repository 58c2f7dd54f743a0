"""Mandate storage on SQLite and PostgreSQL, the API over it, and the commands.

Small hand-written TAMM and DPPA files are loaded into a fresh database with
the record's loader; the rebuild hook fills ``bodies``, ``mandate_periods`` and
``mandate_events`` and reports disagreements in ``conflicts``.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Iterator

import click
import icalendar
import pytest
import sqlalchemy as sa
import sqlalchemy.orm
from click.testing import CliRunner

from dbfixtures import fresh_database
from test_mandates_parsers import _dppa, _pko, _tamm, _tamm_row
from unsc import InputError
from unsc._cli import _guard_group
from unsc._cli.mandates import COMMANDS
from unsc._engine import Kind, Outcome
from unsc._mandates import api, store
from unsc._mandates.build import CONFLICT_KIND
from unsc._record.api import Record
from unsc._record.load import stored_observations
from unsc._record.reconcile import Reconciled, Result
from unsc._sources.model import DecisionObservation, Provenance, Source
from unsc._store import db
from unsc._store import mandate_tables as t

D = dt.date


def _months(mission: str, resolution: str, start: tuple[int, int], n: int) -> list[list[str]]:
    rows = []
    y, m = start
    for _ in range(n):
        rows.append(_tamm_row(mission, y, m, resolution))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return rows


def _folder(tmp_path: pathlib.Path) -> pathlib.Path:
    folder = tmp_path / "data"
    (folder / "tamm").mkdir(parents=True)
    (folder / "dppa").mkdir()
    _tamm(
        folder / "tamm",
        _months("UNIFIL", "425/426", (1978, 3), 4)
        + _months("MINUSMA", "2100", (2013, 4), 3)
        + _months("UNPREDEP", "983", (1995, 3), 2)
        + _months("UNTAG", "632", (1989, 2), 14),
    )
    _dppa(
        folder / "dppa",
        [
            _pko("UNIFIL", "United Nations Interim Force in Lebanon", "Yes", "1978-03-19"),
            _pko("MINUSMA", "United Nations Multidimensional Integrated Stabilization Mission "
                 "in Mali", "Yes", "2013-04-25", "", "12,6500", "-8,0000", "69"),
            _pko("UNPREDEP", "United Nations Preventive Deployment Force", "No", "1995-03-01",
                 "1999-02-01", "21,4333", "42,0000", "12"),
        ],
    )  # fmt: skip
    return folder


def _open(kind: str, tmp_path: pathlib.Path) -> Iterator[Record]:
    gen = fresh_database(kind, tmp_path)
    rec = Record(next(gen))
    rec.load(_folder(tmp_path))
    yield rec
    rec.engine.dispose()
    for _ in gen:
        pass


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def record(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Record]:
    """A loaded database, shared by the tests that only read it."""
    yield from _open(request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture(params=["sqlite", "postgresql"])
def scratch(request: pytest.FixtureRequest, tmp_path: pathlib.Path) -> Iterator[Record]:
    """A loaded database of one's own, for tests that change it."""
    yield from _open(request.param, tmp_path)


def _snapshot(rec: Record) -> list[list[list[object]]]:
    out = []
    with rec.engine.connect() as conn:
        for table in (*t.TABLES, db.conflicts):
            cols = [c for c in table.c if c.name not in ("id", "body_id")]
            rows = conn.execute(sa.select(*cols).order_by(*cols))
            out.append([list(r) for r in rows])
    return out


def test_a_load_fills_the_mandate_tables(record: Record) -> None:
    with record.engine.connect() as conn:
        keys = set(conn.execute(sa.select(t.bodies.c.key)).scalars())
        periods = conn.execute(sa.select(sa.func.count()).select_from(t.mandate_periods))
        events = conn.execute(sa.select(sa.func.count()).select_from(t.mandate_events))
        assert periods.scalar_one() > 40  # UNIFIL's from the texts, the JIM's, the panels'
        assert events.scalar_one() > 40
    assert {"JIM", "PoE-1874", "PoE-2374", "UNMOVIC", "UNIFIL", "MINUSMA", "UNPREDEP"} <= keys
    assert "UNTAG" in keys  # named by the facts, brought by TAMM
    assert "BINUB" not in keys  # named by the facts, but not in these files


def test_the_stale_dppa_row_is_corrected_and_reported(record: Record) -> None:
    minusma = api.mandate(record, "MINUSMA", at=D(2024, 2, 1))
    assert minusma["status"] == "closed"
    assert minusma["ended"] == "2023-12-31"
    assert api.mandate(record, "MINUSMA", at=D(2023, 9, 1))["status"] == "terminated"
    assert api.mandate(record, "MINUSMA", at=D(2023, 6, 30))["status"] == "active"
    conflicts = record.conflicts(kind=CONFLICT_KIND)
    minusma_conflict = next(c for c in conflicts if c["decision"] == "body:MINUSMA")
    assert minusma_conflict["field"] == "closed"
    assert minusma_conflict["chosen"] == "2023-12-31"
    assert minusma_conflict["values"][0]["value"] == "active"


def test_a_failed_renewal_then_a_lapse(record: Record) -> None:
    unpredep = api.mandate(record, "UNPREDEP", at=D(1999, 3, 15))
    assert unpredep["status"] == "lapsed"
    assert unpredep["ended"] == "1999-02-28"
    assert [e["kind"] for e in unpredep["events"]][-3:] == ["renewal_failed", "lapsed", "closed"]
    on_the_day = api.mandate(record, "UNPREDEP", at=D(1999, 2, 25))
    assert on_the_day["status"] == "expiring"
    assert on_the_day["failed_renewals"][0]["draft"] == "S/1999/201"


def test_the_contract_for_the_jim(record: Record) -> None:
    before = api.mandates(record, at=D(2017, 11, 1))
    jim = next(r for r in before if r["acronym"] == "JIM")
    assert {k: jim[k] for k in ("name", "acronym", "kind", "status", "expires")} == {
        "name": "OPCW-UN Joint Investigative Mechanism",
        "acronym": "JIM",
        "kind": "investigative_mechanism",
        "status": "expiring",
        "expires": "2017-11-17",
    }
    assert (jim["established_by"], jim["last_renewed_by"]) == (2235, 2319)
    after = next(r for r in api.mandates(record, at=D(2017, 11, 20)) if r["acronym"] == "JIM")
    assert after["status"] == "lapsed"
    drafts = [f["draft"] for f in after["failed_renewals"]]
    assert drafts == ["S/2017/884", "S/2017/962", "S/2017/968", "S/2017/970"]
    long_after = api.mandates(record, at=D(2018, 6, 1))
    assert "JIM" not in {r["key"] for r in long_after}
    assert "JIM" in {r["key"] for r in api.mandates(record, at=D(2018, 6, 1), include_ended=True)}


def test_loading_again_and_rebuilding_change_nothing(
    scratch: Record, tmp_path: pathlib.Path
) -> None:
    before = _snapshot(scratch)
    assert scratch.load(tmp_path / "data").unchanged
    with scratch.engine.begin() as conn:
        observations = stored_observations(conn)
        store.rebuild(conn, observations, Result([], [], []))
        store.rebuild(conn, observations, Result([], [], []))
    assert _snapshot(scratch) == before


def _reconciled(key: str, draft: str, day: dt.date, tally: tuple[int, int, int]) -> Reconciled:
    obs = DecisionObservation(
        prov=Provenance(Source.DHL_MEETINGS_HTML, "x.html", 1),
        date=day,
        draft=draft,
        outcome=Outcome.VETOED,
    )
    rec = Reconciled(key=key, observations=[obs], date=day, kind=Kind.DRAFT_RESOLUTION)
    rec.draft = draft
    rec.recorded_outcome = Outcome.VETOED
    rec.recorded_vetoed_by = ("RUS",)
    rec.yes, rec.no, rec.abstain = tally
    return rec


def test_failed_renewals_link_to_the_record_and_disagreements_are_kept(scratch: Record) -> None:
    record = scratch
    result = Result(
        [
            _reconciled("draft:S/2017/884", "S/2017/884", D(2017, 10, 24), (11, 2, 2)),
            _reconciled("draft:S/2017/970", "S/2017/970", D(2017, 11, 17), (11, 2, 2)),
        ],
        [],
        [],
    )
    with record.engine.begin() as conn:
        store.rebuild(conn, stored_observations(conn), result)
    jim = api.mandate(record, "jim", at=D(2017, 11, 20))
    failed = {f["draft"]: f for f in jim["failed_renewals"]}
    assert failed["S/2017/884"]["decision"] == "draft:S/2017/884"
    assert failed["S/2017/962"]["decision"] is None  # not in this record
    assert failed["S/2017/970"]["tally"] == "11-2-2"  # the record's tally is kept ...
    disagreement = next(
        c for c in record.conflicts(kind=CONFLICT_KIND) if c["decision"] == "draft:S/2017/970"
    )
    assert disagreement["field"] == "mandate:tally"  # ... and the disagreement reported
    assert [v["value"] for v in disagreement["values"]] == ["12-2-1", "11-2-2"]


def test_the_migration_goes_down_and_up(scratch: Record) -> None:
    record = scratch
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(pathlib.Path(db.__file__).parent / "migrations"))
    with record.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001_record")
    assert "bodies" not in sa.inspect(record.engine).get_table_names()
    db.migrate(record.engine)
    assert {"bodies", "mandate_periods", "mandate_events"} <= set(
        sa.inspect(record.engine).get_table_names()
    )


# --- the API -----------------------------------------------------------------------


def test_lookup_by_acronym_key_or_name(record: Record) -> None:
    assert api.mandate(record, "PoE-1874")["kind"] == "panel_of_experts"
    assert api.mandate(record, "Joint Investigative")["key"] == "JIM"
    assert api.mandate(record, "OPCW-UN JOINT INVESTIGATIVE MECHANISM")["key"] == "JIM"
    with pytest.raises(InputError, match="no body named 'UNEF III'"):
        api.mandate(record, "UNEF III")
    with pytest.raises(InputError, match="several bodies"):
        api.mandate(record, "Panel of Experts")


def test_filters_and_the_drawable_timelines(record: Record) -> None:
    panels = api.mandates(record, at=D(2023, 9, 1), kind="panel_of_experts")
    assert [(r["key"], r["status"], r["expires"]) for r in panels] == [
        ("PoE-2374", "expiring", "2023-09-30"),
        ("PoE-1874", "active", "2024-04-30"),
    ]
    with pytest.raises(InputError, match="unknown body kind"):
        api.mandates(record, kind="club")
    with pytest.raises(InputError, match="must not be negative"):
        api.mandates(record, expiring_within=-1)
    (jim,) = api.mandate_timelines(record, keys=["JIM"])
    assert jim["span"] == {"start": "2015-08-07", "end": "2017-11-17", "end_kind": "lapsed"}
    assert jim["periods"][-1]["label"] == "Mandate under S/RES/2319 (2016)"
    assert {m["kind"] for m in jim["marks"]} == {
        "established",
        "extended",
        "renewal_failed",
        "lapsed",
    }
    assert all(set(m) == {"date", "precision", "kind", "label", "decision"} for m in jim["marks"])


def test_the_calendar(record: Record) -> None:
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    ics = api.to_ics(record, kind="investigative_mechanism", stamp=stamp)
    assert ics == api.to_ics(record, kind="investigative_mechanism", stamp=stamp)
    cal = icalendar.Calendar.from_ical(ics)
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    expiry = events["JIM-expiry-2017-11-17@mandates.unsc"]
    assert expiry.decoded("dtstart") == D(2017, 11, 17)
    assert str(expiry["summary"]) == "JIM mandate expires"
    votes = [e for e in events.values() if "renewal-vote" in str(e["categories"].to_ical())]
    assert len(votes) == 6  # two renewals, four failed drafts
    later = api.to_ics(record, since=D(2017, 11, 17), until=D(2017, 11, 17), stamp=stamp)
    assert {str(e["summary"]) for e in icalendar.Calendar.from_ical(later).walk("VEVENT")} == {
        "JIM mandate expires",
        "JIM: Renewal failed: S/2017/970 (Japanese draft) vetoed by RUS, 12-2-1",
    }


def test_nothing_loaded_falls_back_to_the_facts(tmp_path: pathlib.Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    rows = api.mandates(url, at=D(2017, 11, 1))
    assert "JIM" in {r["key"] for r in rows}
    assert "UNTAG" not in {r["key"] for r in api.mandates(url, at=D(2017, 11, 1))}


# --- the commands -------------------------------------------------------------------


@click.group()
@click.option("--database")
def _root(database: str | None) -> None:
    """Stand-in for ``unsc`` (the commands are registered there by ``unsc._cli``)."""


for _command in COMMANDS:
    _root.add_command(_guard_group(_command))


@pytest.fixture
def url(tmp_path: pathlib.Path) -> str:
    address = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    Record(address).load(_folder(tmp_path))
    return address


def _run(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(_root, ["--database", url, *args])
    return result.exit_code, result.stdout, result.stderr


def test_unsc_mandates_json_contract(url: str) -> None:
    code, out, _ = _run(url, "mandates", "--at", "2017-11-01", "--json")
    assert code == 0
    jim = next(r for r in json.loads(out) if r["acronym"] == "JIM")
    assert jim["status"] == "expiring"
    assert jim["expires"] == "2017-11-17"
    assert (jim["established_by"], jim["last_renewed_by"]) == (2235, 2319)
    code, out, _ = _run(url, "mandates", "--at", "2017-11-20", "--json", "--kind",
                        "investigative_mechanism")  # fmt: skip
    (jim,) = json.loads(out)
    assert jim["status"] == "lapsed"
    assert len(jim["failed_renewals"]) == 4


def test_unsc_mandates_text(url: str) -> None:
    code, out, err = _run(url, "mandates", "--at", "2017-11-20", "--kind",
                          "investigative_mechanism")  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "JIM", "lapsed", "ended", "2017-11-17", "OPCW-UN", "Joint", "Investigative", "Mechanism"
    ]  # fmt: skip
    assert lines[1].strip() == "2017-10-24  Renewal failed: S/2017/884 vetoed by RUS, 11-2-2"
    assert len(lines) == 5
    assert err == "(1 body)\n"


def test_unsc_mandate_timeline(url: str) -> None:
    code, out, _ = _run(url, "mandate", "JIM", "--at", "2017-11-01")
    assert code == 0
    assert out.splitlines()[:2] == [
        "OPCW-UN Joint Investigative Mechanism (JIM)",
        "  investigative_mechanism; on 2017-11-01: expiring, expires 2017-11-17 (16 days)",
    ]
    assert "  2017-11-17  Mandate lapsed" in out.splitlines()
    first = next(line for line in out.splitlines() if line.startswith("  period "))
    assert first.startswith("  period 2015-08-07 to not stated")  # not "to open": it ended
    code, out, _ = _run(url, "mandate", "jim", "--json")
    assert json.loads(out)["events"][0]["label"] == "Established by S/RES/2235 (2015)"


def test_unsc_mandates_ics(url: str, tmp_path: pathlib.Path) -> None:
    target = tmp_path / "mandates.ics"
    code, out, _ = _run(url, "mandates", "--ics", str(target))
    assert (code, out) == (0, f"wrote {target}\n")
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    assert len(cal.walk("VEVENT")) > 50


def test_the_kind_choices_are_the_body_kinds() -> None:
    from unsc._cli.mandates import KINDS
    from unsc._mandates.model import BodyKind

    assert tuple(k.value for k in BodyKind) == KINDS


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("mandate", "UNEF III"), "unsc: error: no body named 'UNEF III'"),
        (("mandates", "--at", "1 Nov 2017"), "unsc: error: bad date '1 Nov 2017'"),
        (("mandates", "--expiring-within", "-3"), "unsc: error: expiring_within must not be"),
    ],
)
def test_errors_are_one_line_messages(url: str, args: tuple[str, ...], message: str) -> None:
    code, out, err = _run(url, *args)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1
