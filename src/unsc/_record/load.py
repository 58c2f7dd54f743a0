"""Loading a folder of source files into the record: atomic and idempotent.

Every recognised file is parsed completely before anything is written; the
database is then changed in one transaction: the files' observations replace
those of earlier loads of the same files, and the derived tables (meetings,
decisions, votes, vetoes, sponsors, provenance, conflicts) are rebuilt from
all stored observations. A file that fails to parse raises
:class:`~unsc.SourceFormatError` and leaves the database as it was; loading the
same files twice leaves it unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import pathlib
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from unsc._errors import InputError
from unsc._record import db, documents
from unsc._record.model import (
    MeetingObservation,
    Observation,
    Source,
)
from unsc._record.reconcile import Reconciled, Result, reconcile
from unsc._record.serial import dumps, kind_of, loads, provenance


class _Parser(Protocol):
    def __call__(self, path: pathlib.Path, *, name: str) -> Iterator[Observation]: ...


@dataclass(frozen=True)
class Format:
    """A file format :mod:`unsc` can load."""

    source: Source
    module: str
    parse_name: str

    def _module(self) -> types.ModuleType:
        name = self.module if "." in self.module else f"unsc._record.{self.module}"
        return importlib.import_module(name)

    def looks_like(self, path: pathlib.Path) -> bool:
        """Whether ``path`` is a file of this format."""
        check: Callable[[pathlib.Path], bool] = self._module().looks_like
        return check(path)

    def parse(self, path: pathlib.Path, *, name: str) -> Iterator[Observation]:
        """Stream the file's observations."""
        parser: _Parser = getattr(self._module(), self.parse_name)
        return parser(path, name=name)


FORMATS: tuple[Format, ...] = (
    Format(Source.DHL_VOTING_CSV, "parse_dhl_voting", "parse"),
    Format(Source.DHL_MEETINGS_HTML, "parse_dhl_meetings", "parse_meetings"),
    Format(Source.DHL_VETO_HTML, "parse_dhl_vetoes", "parse_veto_list"),
    Format(Source.DPPA_MEMBERSHIP, "parse_dppa", "parse"),
    Format(Source.SC_VOTES_1994_2025, "parse_sc_votes", "parse"),
    Format(Source.FAILED_DRAFTS, "parse_failed_drafts", "parse"),
    Format(Source.WPDL_VETOES, "parse_wpdl", "parse"),
    Format(Source.TAMM, "unsc._mandates.parse_tamm", "parse"),
    Format(Source.DPPA_PEACEKEEPING, "unsc._mandates.parse_dppa_pko", "parse"),
)

REBUILD_HOOKS: tuple[str, ...] = ("unsc._mandates.store:rebuild",)
"""Functions ``f(conn, observations, result)`` run after the record is rebuilt."""


@dataclass
class Plan:
    """The files of a folder, by format, and those not recognised."""

    files: list[tuple[Format, pathlib.Path, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def discover(folder: pathlib.Path) -> Plan:
    """Recognise the loadable files below ``folder`` (names relative to it)."""
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder", hint="pass the folder holding the files")
    plan = Plan()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        fmt = next((f for f in FORMATS if f.looks_like(path)), None)
        if fmt is None:
            plan.skipped.append(name)
        else:
            plan.files.append((fmt, path, name))
    return plan


@dataclass
class LoadReport:
    """What a load did."""

    files: list[dict[str, object]]
    skipped: list[str]
    unchanged: bool
    decisions: int
    conflicts: int


def _sha256(path: pathlib.Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


Progress = Callable[[str, int, int], None]


def load_folder(
    folder: pathlib.Path,
    engine: Engine,
    *,
    progress: Progress | None = None,
) -> LoadReport:
    """Load every recognised file in ``folder`` (see the module docstring)."""
    plan = discover(folder)
    if not plan.files:
        raise InputError(
            f"no recognised data files in {folder}",
            hint="see `unsc data load --help` for the formats read",
        )
    with engine.connect() as conn:
        known = {
            (r.source, r.file): r.sha256
            for r in conn.execute(
                sa.select(
                    db.source_files.c.source, db.source_files.c.file, db.source_files.c.sha256
                )
            )
        }
    parsed: list[tuple[Format, str, str, list[Observation]]] = []
    total = len(plan.files)
    for n, (fmt, path, name) in enumerate(plan.files, start=1):
        if progress:
            progress(name, n, total)
        digest = _sha256(path)
        if known.get((fmt.source.value, name)) == digest:
            continue
        parsed.append((fmt, name, digest, list(fmt.parse(path, name=name))))
    files_report: list[dict[str, object]] = [
        {"file": name, "source": fmt.source.value, "observations": len(obs), "changed": True}
        for fmt, name, _, obs in parsed
    ]
    unchanged_names = {name for _, name, _, _ in parsed}
    files_report += [
        {"file": name, "source": fmt.source.value, "changed": False}
        for fmt, _, name in plan.files
        if name not in unchanged_names
    ]
    if not parsed:
        with engine.connect() as conn:
            decisions = conn.execute(
                sa.select(sa.func.count()).select_from(db.decisions)
            ).scalar_one()
            conflicts = conn.execute(
                sa.select(sa.func.count()).select_from(db.conflicts)
            ).scalar_one()
        return LoadReport(files_report, plan.skipped, True, decisions, conflicts)
    with engine.begin() as conn:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        for fmt, name, digest, obs in parsed:
            conn.execute(
                sa.delete(db.source_files).where(
                    db.source_files.c.source == fmt.source.value, db.source_files.c.file == name
                )
            )
            inserted = conn.execute(
                sa.insert(db.source_files).values(
                    source=fmt.source.value,
                    file=name,
                    sha256=digest,
                    observations=len(obs),
                    loaded_at=stamp,
                )
            ).inserted_primary_key
            assert inserted is not None
            file_id = inserted[0]
            if obs:
                conn.execute(
                    sa.insert(db.observations),
                    [
                        {
                            "source_file_id": file_id,
                            "line": o.prov.line,
                            "kind": kind_of(o),
                            "payload": dumps(o),
                        }
                        for o in obs
                    ],
                )
        result = rebuild(conn)
    return LoadReport(
        files_report, plan.skipped, False, len(result.decisions), len(result.conflicts)
    )


def stored_observations(conn: Connection) -> list[Observation]:
    """Every observation in the database, with its provenance."""
    rows = conn.execute(
        sa.select(
            db.source_files.c.source,
            db.source_files.c.file,
            db.observations.c.line,
            db.observations.c.kind,
            db.observations.c.payload,
        )
        .join(db.source_files, db.source_files.c.id == db.observations.c.source_file_id)
        .order_by(db.observations.c.id)
    )
    return [loads(r.kind, r.payload, provenance(r.source, r.file, r.line)) for r in rows]


def rebuild(conn: Connection) -> Result:
    """Recompute every derived table from the stored observations."""
    observations = stored_observations(conn)
    result = reconcile(observations)
    for table in (
        db.documents,
        db.agreement,
        db.conflicts,
        db.provenance,
        db.sponsors,
        db.vetoes,
        db.votes,
        db.decisions,
        db.meetings,
    ):
        conn.execute(sa.delete(table))
    _write_meetings(conn, result.meetings)
    _write_decisions(conn, result.decisions)
    _write_agreement(conn)
    if result.conflicts:
        conn.execute(
            sa.insert(db.conflicts),
            [
                {
                    "kind": c.kind,
                    "decision_key": c.decision_key,
                    "field": c.field,
                    "chosen": c.chosen,
                    "chosen_source": c.chosen_source,
                    "values": json.dumps(c.values, ensure_ascii=False, default=str),
                    "reason": c.reason,
                }
                for c in result.conflicts
            ],
        )
    for hook in REBUILD_HOOKS:
        module, _, function = hook.partition(":")
        getattr(importlib.import_module(module), function)(conn, observations, result)
    documents.rebuild(conn)  # last: from the tables as written
    return result


def _write_meetings(conn: Connection, meetings: Sequence[MeetingObservation]) -> None:
    if meetings:
        conn.execute(
            sa.insert(db.meetings),
            [
                {
                    "symbol": m.symbol,
                    "date": m.date,
                    "topic": m.topic,
                    "press_release": m.press_release,
                    "closed": m.closed,
                    "source": m.prov.source.value,
                    "file": m.prov.file,
                    "line": m.prov.line,
                }
                for m in meetings
            ],
        )


def _codes(values: Sequence[str] | None) -> str | None:
    return None if values is None else ",".join(values)


def _write_decisions(conn: Connection, decisions: Sequence[Reconciled]) -> None:
    rows = []
    for i, rec in enumerate(sorted(decisions, key=_order), start=1):
        d = rec.decision
        rows.append(
            {
                "id": i,
                "key": rec.key,
                "date": rec.date,
                "meeting": rec.meeting,
                "kind": rec.kind.value,
                "procedural": rec.procedural,
                "draft": rec.draft,
                "resolution": rec.resolution,
                "agenda": rec.agenda,
                "description": rec.description,
                "modality": rec.modality,
                "recorded_outcome": rec.recorded_outcome.value if rec.recorded_outcome else None,
                "recorded_vetoed_by": _codes(rec.recorded_vetoed_by),
                "yes": rec.yes,
                "no": rec.no,
                "abstain": rec.abstain,
                "not_voting": rec.not_voting,
                "tally_source": rec.tally_source.value if rec.tally_source else None,
                "votes_source": rec.votes_source.value if rec.votes_source else None,
                "adjudicated_outcome": d.outcome.value if d else None,
                "adjudicated_vetoed_by": _codes(d.vetoed_by) if d else None,
                "adjudication": rec.adjudication,
                "reasons": json.dumps([r.to_dict() for r in d.reasons]) if d else None,
                "agrees": rec.agrees,
                "sources": ",".join(sorted({o.prov.source.value for o in rec.observations})),
            }
        )
    if not rows:
        return
    conn.execute(sa.insert(db.decisions), rows)
    ids = {row["key"]: row["id"] for row in rows}
    votes: list[dict[str, object]] = []
    vetoes: list[dict[str, object]] = []
    sponsors: list[dict[str, object]] = []
    prov: list[dict[str, object]] = []
    for rec in decisions:
        did = ids[rec.key]
        for member, position in sorted((rec.votes or {}).items()):
            detail = rec.absence.get(member)
            votes.append(
                {
                    "decision_id": did,
                    "member": member,
                    "position": position.value,
                    "detail": detail.value if detail else None,
                }
            )
        vetoing = rec.decision.vetoed_by if rec.decision else ()
        if not vetoing and rec.decision is None and rec.recorded_vetoed_by:
            vetoing = rec.recorded_vetoed_by
        vetoes.extend({"decision_id": did, "member": m} for m in sorted(set(vetoing)))
        sponsors.extend({"decision_id": did, "member": m} for m in sorted(set(rec.sponsors)))
        prov.extend(
            {
                "decision_id": did,
                "source": o.prov.source.value,
                "file": o.prov.file,
                "line": o.prov.line,
            }
            for o in rec.observations
        )
    for table, batch in (
        (db.votes, votes),
        (db.vetoes, vetoes),
        (db.sponsors, sponsors),
        (db.provenance, prov),
    ):
        if batch:
            conn.execute(sa.insert(table), batch)


def _write_agreement(conn: Connection) -> None:
    """The ``agreement`` table from the votes just written, in one statement."""
    mine, other = db.votes.alias("mine"), db.votes.alias("other")
    same = sa.func.sum(sa.case((other.c.position == mine.c.position, 1), else_=0))
    pairs = (
        sa.select(mine.c.member, other.c.member, sa.func.count(), same)
        .join(other, other.c.decision_id == mine.c.decision_id)
        .where(other.c.member != mine.c.member, mine.c.position != "X", other.c.position != "X")
        .group_by(mine.c.member, other.c.member)
    )
    columns = ["member", "other", "votes_together", "same_position"]
    conn.execute(sa.insert(db.agreement).from_select(columns, pairs))


def _order(rec: Reconciled) -> tuple[dt.date, int, str]:
    assert rec.date is not None
    return (rec.date, rec.resolution or 0, rec.key)
