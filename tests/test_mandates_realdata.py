"""Mandates on the real shared data.

The facts are checked against the record's files, the reader's evaluation and
derived periods kept current, TAMM and DPPA loaded on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import pathlib
import re
import shutil
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest
import sqlalchemy as sa
import sqlalchemy.orm

import unsc
from dbfixtures import fresh_database
from realdata import require_shared
from unsc._mandates import api, derive
from unsc._mandates.build import CONFLICT_KIND
from unsc._mandates.facts import facts
from unsc._mandates.model import Event, EventKind
from unsc._record.api import Record
from unsc._sources import dppa_peacekeeping as parse_dppa_pko
from unsc._sources import tamm as parse_tamm
from unsc._store import mandate_tables as t

pytestmark = pytest.mark.realdata

REPO = pathlib.Path(__file__).resolve().parent.parent
DOCS = REPO / "docs" / "mandates.md"
D = dt.date


# --- the facts, checked against the record's files ------------------------------------


@functools.cache
def _dhl(root: pathlib.Path) -> tuple[dict[int, dt.date], dict[str, tuple[dt.date, str]]]:
    """Resolution dates, and (date, outcome cell) per draft symbol, from the DHL tables."""
    path = root / "data" / "dhl-meetings-outcomes" / "sc_meetings_outcomes_1946_2022.csv"
    resolutions: dict[int, dt.date] = {}
    drafts: dict[str, tuple[dt.date, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            day = dt.date.fromisoformat(row["date"])
            for m in re.finditer(r"S/RES/(\d+)", row["resolutions"]):
                resolutions.setdefault(int(m.group(1)), day)
            text = " ".join(row["outcome_text"].split())
            for part in re.split(r"(?=Draft resolution)", text):
                symbol = re.search(r"(S/\d{4}/\d+)", part)
                if symbol and "Draft" in part:
                    drafts[symbol.group(1)] = (day, part)
    return resolutions, drafts


@functools.cache
def _sc_votes(root: pathlib.Path) -> dict[str, list[tuple[set[dt.date], str, dict[str, str]]]]:
    """Per draft symbol, per vote: dates, outcome and the members' votes.

    Dates come in both readings when the day could be a swapped month.
    """
    path = root / "data" / "sc-votes-1994-2025" / "sc_voting.csv"
    by_id: dict[str, tuple[str, set[dt.date], str, dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            day = dt.date.fromisoformat(row["Date,"])
            dates = {day}
            if day.day <= 12:
                dates.add(dt.date(day.year, day.day, day.month))
            entry = by_id.setdefault(
                row["ID"], (row["Draft"].strip(), dates, row["Outcome results"], {})
            )
            entry[3][unsc.resolve_member(_name(row["Member State"]))] = row["Vote"]
    out: dict[str, list[tuple[set[dt.date], str, dict[str, str]]]] = {}
    for draft, dates, outcome, ballot in by_id.values():
        out.setdefault(draft, []).append((dates, outcome, ballot))
    return out


def _name(text: str) -> str:
    return {"Ethipia": "Ethiopia"}.get(text.strip(), text.strip())


@functools.cache
def _sc_resolutions(root: pathlib.Path) -> dict[int, set[dt.date]]:
    """Adoption dates per resolution in the 1994-2025 file (both readings of day and month)."""
    path = root / "data" / "sc-votes-1994-2025" / "sc_voting.csv"
    out: dict[int, set[dt.date]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            m = re.search(r"(\d{3,4})\s*\((\d{4})", row["Resolution"])
            if m is None:
                continue
            day = dt.date.fromisoformat(row["Date,"])
            dates = out.setdefault(int(m.group(1)), set())
            dates.add(day)
            if day.day <= 12:
                dates.add(dt.date(day.year, day.day, day.month))
    return out


def _resolution_date(root: pathlib.Path, number: int) -> set[dt.date]:
    dates = set(_sc_resolutions(root).get(number, set()))
    if number in _dhl(root)[0]:
        dates.add(_dhl(root)[0][number])
    return dates


EVENTS = [e for b in facts() for e in b.events if e.resolution is not None or e.draft]


@pytest.mark.parametrize(
    "event", EVENTS, ids=[f"{e.resolution or e.draft}-{e.kind.value}" for e in EVENTS]
)
def test_each_authored_decision_is_in_the_record_files(event: Event) -> None:
    root = require_shared()
    e = event
    if e.resolution is not None and e.kind is not EventKind.RENEWAL_FAILED:
        dates = _resolution_date(root, e.resolution)
        assert dates, f"S/RES/{e.resolution} is in neither file"
        assert e.date in dates, f"S/RES/{e.resolution}: {e.date} not in {sorted(dates)}"
        return
    found = []
    dhl = _dhl(root)[1].get(e.draft or "")
    if dhl is not None:
        day, cell = dhl
        assert day == e.date, cell
        assert e.tally is not None
        assert e.tally in cell, cell
        assert ("vetoed" in cell) == (e.outcome == "vetoed"), cell
        if e.vetoed_by:
            who = re.search(r"vetoed by (?:the )?([A-Za-z ]+?)\s+\d", cell)
            assert who is not None, cell
            assert (unsc.resolve_member(who.group(1)),) == e.vetoed_by
        found.append("dhl")
    # The file also labels another vote with the same symbol (S/1999/201 "adopted" by the
    # President): the failed vote is the one to compare.
    failed = [v for v in _sc_votes(root).get(e.draft or "", []) if v[1].startswith("Not adopted")]
    if failed:
        ((dates, outcome, ballot),) = failed
        assert e.date in dates
        assert ("veto" in outcome) == (e.outcome == "vetoed")
        counts = [sum(v == p for v in ballot.values()) for p in ("Yes", "No", "Abstain")]
        assert "-".join(map(str, counts)) == e.tally
        if e.outcome == "vetoed":  # a permanent member's no on a draft short of votes is no veto
            permanent = {"CHN", "FRA", "GBR", "RUS", "USA"}
            vetoing = sorted(m for m, v in ballot.items() if v == "No" and m in permanent)
            assert tuple(vetoing) == e.vetoed_by
        found.append("sc-votes")
    assert found, f"{e.draft} is in neither file"


def test_authored_periods_start_when_their_resolution_was_adopted() -> None:
    root = require_shared()
    for body in facts():
        for p in body.periods:
            if p.resolution is not None:
                assert p.decided in _resolution_date(root, p.resolution), (body.key, p)


# --- the reader: evaluation and derived periods -------------------------------------


@pytest.fixture(scope="module")
def evaluation(load_script: Callable[[str], ModuleType]) -> tuple[ModuleType, object]:
    script = load_script("eval_mandates")
    return script, script.evaluate(require_shared() / "data")


def test_periods_csv_is_current(evaluation: tuple[ModuleType, object]) -> None:
    _, report = evaluation
    packaged = (REPO / "src" / "unsc" / "_mandates" / "periods.csv").read_text(encoding="utf-8")
    assert derive.to_csv(report.derived) == packaged, (  # type: ignore[attr-defined]
        "periods.csv is stale: run python scripts/eval_mandates.py --write"
    )


def test_the_figures_in_the_docs_are_the_scripts(evaluation: tuple[ModuleType, object]) -> None:
    script, report = evaluation
    assert script.render(report) in DOCS.read_text(encoding="utf-8"), (
        "docs/mandates.md quotes stale figures: paste the output of scripts/eval_mandates.py"
    )
    assert report.settings.precision > 0.5  # type: ignore[attr-defined]
    assert report.settings.recall > 0.5  # type: ignore[attr-defined]
    assert report.months.precision > 0.95  # type: ignore[attr-defined]
    assert report.months_dated.recall > 0.9  # type: ignore[attr-defined]


# --- TAMM and DPPA loaded ---------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Record]:
    data = require_shared() / "data"
    folder = tmp_path_factory.mktemp("mandates") / "data"
    for part in ("tamm/TAMM.csv", "dppa-peacekeeping/DPPADPOSS-PKO.csv"):
        (folder / part).parent.mkdir(parents=True)
        shutil.copy(data / part, folder / part)
    gen = fresh_database(request.param, tmp_path_factory.mktemp(request.param))
    record = Record(next(gen))
    record.load(folder)
    record.folder = folder  # type: ignore[attr-defined]
    yield record
    record.engine.dispose()
    for _ in gen:
        pass


def test_every_tamm_mission_and_dppa_operation_is_a_body(loaded: Record) -> None:
    with loaded.engine.connect() as conn:
        keys = set(conn.execute(sa.select(t.bodies.c.key)).scalars())
    data = require_shared() / "data"
    tamm = {str(o.data["mission"]) for o in parse_tamm.parse(data / "tamm" / "TAMM.csv", name="t")}
    pko = {
        str(o.data["acronym"])
        for o in parse_dppa_pko.parse(data / "dppa-peacekeeping" / "DPPADPOSS-PKO.csv", name="p")
        if o.data["start"] and "aggregate" not in o.data["flags"]  # type: ignore[operator]
    }
    authored = {f.key for f in facts() if f.new and (f.events or f.periods)}
    assert keys == (tamm - {"UNOSOM"}) | {"UNOSOM I"} | pko | authored
    assert {"UNOSOM I", "UNTAG", "UNTMIH", "BINUB", "MISCA", "MINUJUSTH", "JIM"} <= keys
    assert not keys & {"UNEF", "UNAVEM", "UNOSOM", "UNOHCI", "UNFOR", "UNSCOB"}


@pytest.mark.parametrize(
    ("name", "day", "status", "expires"),
    [
        ("UNFICYP", D(1987, 12, 13), "expiring", "1987-12-15"),
        ("UNFICYP", D(1987, 12, 14), "active", "1988-06-15"),  # S/RES/604 adopted
        ("UNDOF", D(1985, 11, 20), "expiring", "1985-11-30"),
        ("UNDOF", D(1985, 11, 21), "active", "1986-05-31"),  # S/RES/576 adopted
        ("UNEF II", D(1979, 8, 1), "closed", None),
        ("UNPREDEP", D(1999, 3, 1), "lapsed", None),
        ("UNOMIG", D(2009, 6, 16), "lapsed", None),
        ("UNMOGIP", D(2020, 1, 1), "active", None),
        ("MINUSMA", D(2024, 1, 1), "closed", None),
        ("UNSF", D(1962, 10, 15), "active", None),
    ],
)
def test_status_on_dates(
    loaded: Record, name: str, day: dt.date, status: str, expires: str | None
) -> None:
    row = api.mandate(loaded, name, at=day)
    assert (row["status"], row["expires"]) == (status, expires)


def test_disagreements_between_the_files_are_reported(loaded: Record) -> None:
    reported = {(c["decision"], c["field"]) for c in loaded.conflicts(kind=CONFLICT_KIND)}
    assert reported >= {
        ("body:MINUSMA", "closed"),
        ("body:UNMOGIP", "end"),
        ("body:UNPSG", "end"),
    }


def test_loading_again_changes_nothing(loaded: Record) -> None:
    with loaded.engine.connect() as conn:
        before = conn.execute(sa.select(sa.func.count()).select_from(t.mandate_events)).scalar()
    assert loaded.load(loaded.folder).unchanged  # type: ignore[attr-defined]
    with loaded.engine.connect() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(t.mandate_events)).scalar()
    assert before == after


def test_the_whole_record_links_the_jim_to_its_decisions(tmp_path: pathlib.Path) -> None:
    record = Record(f"sqlite:///{tmp_path / 'all.sqlite3'}")
    record.load(require_shared() / "data")
    jim = next(r for r in api.mandates(record, at=D(2017, 11, 20)) if r["key"] == "JIM")
    assert jim["status"] == "lapsed"
    assert [f["decision"] for f in jim["failed_renewals"]] == [
        "draft:S/2017/884",
        "draft:S/2017/962",
        "draft:S/2017/968",
        "draft:S/2017/970",
    ]
    assert [f["tally"] for f in jim["failed_renewals"]] == ["11-2-2", "11-2-2", "4-7-4", "12-2-1"]
    timeline = api.mandate(record, "JIM")
    assert [e["decision"] for e in timeline["events"][:3]] == ["res:2235", "res:2314", "res:2319"]
    unficyp = api.mandate(record, "UNFICYP", at=D(1964, 3, 4))
    assert unficyp["events"][0]["decision"] == "res:186"
    unexplained = [
        c for c in record.conflicts(kind=CONFLICT_KIND) if c["field"].startswith("mandate:")
    ]
    assert unexplained == []  # the facts agree with the record on every failed renewal
