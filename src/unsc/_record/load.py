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

import contextlib
import datetime as dt
import gc
import hashlib
import json
import os
import pathlib
import threading
import types
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from unsc._errors import InputError, SourceFormatError
from unsc._mandates import store as mandates_store
from unsc._record import parse_worker
from unsc._record.observation_json import loads, provenance
from unsc._record.procedural import procedural_votes
from unsc._record.reconcile import Reconciled, Result, reconcile
from unsc._sources import (
    dhl_meetings,
    dhl_vetoes,
    dhl_voting,
    dppa_membership,
    dppa_peacekeeping,
    failed_drafts,
    sc_votes,
    tamm,
    wpdl,
)
from unsc._sources.csv_reader import first_record, header_mismatch
from unsc._sources.model import (
    MeetingObservation,
    Observation,
    Source,
)
from unsc._store import db, documents, record_rows, search
from unsc._store.db import Connection, Engine


class _Parser(Protocol):
    def __call__(self, path: pathlib.Path, *, name: str) -> Iterator[Observation]: ...


@dataclass(frozen=True)
class Format:
    """A file format :mod:`unsc` can load."""

    source: Source
    module: types.ModuleType
    parse_name: str

    @property
    def header(self) -> tuple[str, ...] | None:
        """The exact CSV header the importer reads (``None`` for the HTML pages)."""
        header: Sequence[str] | None = getattr(self.module, "HEADER", None)
        return tuple(header) if header else None

    def looks_like(self, path: pathlib.Path) -> bool:
        """Whether ``path`` is a file of this format."""
        check: Callable[[pathlib.Path], bool] = self.module.looks_like
        return check(path)

    def parse(self, path: pathlib.Path, *, name: str) -> Iterator[Observation]:
        """Stream the file's observations."""
        parser: _Parser = getattr(self.module, self.parse_name)
        return parser(path, name=name)


FORMATS: tuple[Format, ...] = (
    Format(Source.DHL_VOTING_CSV, dhl_voting, "parse"),
    Format(Source.DHL_MEETINGS_HTML, dhl_meetings, "parse_meetings"),
    Format(Source.DHL_VETO_HTML, dhl_vetoes, "parse_veto_list"),
    Format(Source.DPPA_MEMBERSHIP, dppa_membership, "parse"),
    Format(Source.SC_VOTES_1994_2025, sc_votes, "parse"),
    Format(Source.FAILED_DRAFTS, failed_drafts, "parse"),
    Format(Source.WPDL_VETOES, wpdl, "parse"),
    Format(Source.TAMM, tamm, "parse"),
    Format(Source.DPPA_PEACEKEEPING, dppa_peacekeeping, "parse"),
)


REBUILD_HOOKS: tuple[Callable[[Connection, Sequence[Observation], Result], None], ...] = (
    mandates_store.rebuild,
)
"""Functions ``f(conn, observations, result)`` run after the record is rebuilt (then the
search index and the documents are written, from the tables as written)."""


@dataclass
class Plan:
    """The files of a folder, by format; those not recognised; those that should have been.

    ``unrecognised`` holds ``(name, why)`` for each file that no importer
    recognises although it looks meant for one (see :func:`discover`).
    """

    files: list[tuple[Format, pathlib.Path, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unrecognised: list[tuple[str, str]] = field(default_factory=list)


_DATA_SUFFIXES = frozenset({".csv", ".html", ".htm"})
_NEAR_MISS = 0.5
"""A CSV header sharing at least this share of an importer's columns was meant for it."""


def _is_blank(path: pathlib.Path) -> bool:
    with path.open("rb") as stream:
        head = stream.read(4096)
        more = stream.read(1)
    text = head.replace(b"\xef\xbb\xbf", b"").replace(b"\xff\xfe", b"").replace(b"\xfe\xff", b"")
    return not more and not text.strip(b" \t\r\n\x00")


def _csv_formats() -> list[tuple[Format, tuple[str, ...]]]:
    out = []
    for fmt in FORMATS:
        if fmt.header:
            out.append((fmt, fmt.header))
    return out


def _closest_header(
    path: pathlib.Path, name: str, candidates: Sequence[Format]
) -> tuple[str | None, bool]:
    """Why a CSV file matches no importer's header, and whether it was meant for one."""
    try:
        found = first_record(path, name=name)
    except SourceFormatError as exc:
        return exc.message, False
    if not found:
        return "the file is empty", False
    headers = _csv_formats()

    def share(header: tuple[str, ...]) -> float:
        return len(set(found) & set(header)) / len(header)

    fmt, header = max(headers, key=lambda item: share(item[1]))
    if share(header) < _NEAR_MISS:
        nearby = [item for item in headers if item[0] in candidates]
        if not nearby:
            return None, False
        fmt, header = max(nearby, key=lambda item: share(item[1]))
    mismatch = header_mismatch(name, found, header).message
    return f"{mismatch.removeprefix(name + ', ')} (closest format: {fmt.source.value})", True


def _why_unrecognised(
    path: pathlib.Path, name: str, siblings: Sequence[Format], loaded: bool
) -> str | None:
    """Why a file no importer recognises should have been loaded; ``None`` if it need not be.

    It should, when it is empty but named like a data file, when it was loaded
    before under this name, when a recognised file of the same kind sits in
    its folder (a known source folder), or when its CSV header is close to an
    importer's.
    """
    suffix = path.suffix.lower()
    if suffix not in _DATA_SUFFIXES:
        return (
            "it was loaded before under this name, and is no longer recognised" if loaded else None
        )
    if _is_blank(path):
        return "the file is empty"
    same_kind = [f for f in siblings if _suffix_of(f, suffix)]
    if suffix == ".csv":
        reason, meant = _closest_header(path, name, same_kind)
        if meant or same_kind or loaded:
            return reason or "it matches no importer's header"
        return None
    if same_kind or loaded:
        return "it is not a page of the kind its folder holds (its title is not recognised)"
    return None


def _suffix_of(fmt: Format, suffix: str) -> bool:
    """Whether files of ``fmt`` end in ``suffix`` (CSV importers have a ``HEADER``)."""
    return (fmt.header is not None) == (suffix == ".csv")


def discover(folder: pathlib.Path, *, loaded: Collection[str] = ()) -> Plan:
    """Recognise the loadable files below ``folder`` (names relative to it).

    A file no importer recognises is skipped, unless it looks meant for one
    (``loaded`` names the files stored by earlier loads): it is then listed in
    :attr:`Plan.unrecognised` with the reason.
    """
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder", hint="pass the folder holding the files")
    plan = Plan()
    pending: list[tuple[pathlib.Path, str]] = []
    recognised: dict[pathlib.Path, list[Format]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        fmt = next((f for f in FORMATS if f.looks_like(path)), None)
        if fmt is None:
            pending.append((path, name))
        else:
            plan.files.append((fmt, path, name))
            recognised.setdefault(path.parent, []).append(fmt)
    names = set(loaded)
    for path, name in pending:
        why = _why_unrecognised(path, name, recognised.get(path.parent, []), name in names)
        if why is None:
            plan.skipped.append(name)
        else:
            plan.unrecognised.append((name, why))
    return plan


class UnrecognisedFilesError(InputError):
    """Files that look meant for an importer are recognised by none (nothing was loaded)."""

    hint = "fix or remove them, or pass --skip-unrecognised to load the other files without them"

    def __init__(self, files: Sequence[tuple[str, str]]) -> None:
        listed = "; ".join(f"{name}: {why}" for name, why in files)
        super().__init__(
            f"{len(files)} file(s) in the folder are not recognised by any importer, "
            f"and nothing was loaded: {listed}"
        )
        self.files = list(files)


MAX_SHRINK = 0.1
"""A file losing more than this share of the observations its loaded copy holds is refused."""


class ShrinkError(InputError):
    """Files would replace what a source holds with far less (nothing was loaded)."""

    hint = "check the files; pass --allow-shrink if the sources really did shrink"

    def __init__(self, files: Sequence[tuple[str, str, int, int]]) -> None:
        listed = "; ".join(
            f"{name} ({source}) holds {after:,} observations where the loaded copy holds {before:,}"
            for name, source, before, after in files
        )
        super().__init__(
            f"{len(files)} file(s) would shrink their source by more than "
            f"{MAX_SHRINK:.0%}, and nothing was loaded: {listed}"
        )
        self.files = list(files)


@dataclass
class LoadReport:
    """What a load did.

    ``sources`` gives, per source, the observations stored before and after
    the load; ``unrecognised`` the files skipped on request, with the reason.
    """

    files: list[dict[str, object]]
    skipped: list[str]
    unchanged: bool
    decisions: int
    conflicts: int
    sources: list[dict[str, object]] = field(default_factory=list)
    unrecognised: list[dict[str, str]] = field(default_factory=list)


def _source_changes(
    stored: dict[tuple[str, str], tuple[str, int]],
    parsed: Sequence[tuple[Format, str, str, list[Observation]]],
) -> list[dict[str, object]]:
    before: dict[str, int] = {}
    for (source, _), (_, count) in stored.items():
        before[source] = before.get(source, 0) + count
    after = dict(before)
    for fmt, name, _, obs in parsed:
        source = fmt.source.value
        previous = stored.get((source, name), ("", 0))[1]
        after[source] = after.get(source, 0) - previous + len(obs)
    return [
        {
            "source": source,
            "before": before.get(source, 0),
            "after": after[source],
            "change": after[source] - before.get(source, 0),
        }
        for source in sorted(after)
    ]


def _job(fmt: Format, path: pathlib.Path, name: str) -> parse_worker.Job:
    return fmt.module.__name__, fmt.parse_name, str(path), name


HELPER_MIN_SECONDS = 0.4
"""Hand files to a second process only when the files to parse take about this long."""
_HELPER_START_SECONDS = 0.1
_SECONDS_PER_BYTE = {False: 0.1e-6, True: 0.25e-6}
"""Rough parsing times (CSV, HTML), to split the files between the two processes."""


def _hand_over(todo: Sequence[int], files: Sequence[tuple[Format, pathlib.Path, str]]) -> list[int]:
    """The last files of ``todo`` (indexes in ``files``) for a second process to parse.

    The split evens the two processes' estimated times; nothing is handed over
    on one core, or when all the files would take less than
    :data:`HELPER_MIN_SECONDS` in one process.
    """
    if (os.cpu_count() or 1) < 2 or len(todo) < 2:
        return []
    cost = [
        files[n][1].stat().st_size * _SECONDS_PER_BYTE[files[n][0].header is None] for n in todo
    ]
    if sum(cost) < HELPER_MIN_SECONDS:
        return []
    best, split, head = sum(cost), len(todo), 0.0
    for k in range(len(todo)):
        slowest = max(head, sum(cost[k:]) + _HELPER_START_SECONDS)
        if slowest < best:
            best, split = slowest, k
        head += cost[k]
    return list(todo[split:])


def _sha256(path: pathlib.Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


Progress = Callable[[str, int, int], None]

_GC_LOCK = threading.Lock()
_GC_PAUSED = [0, False]
"""Loads running with the collector paused, and whether to enable it when the last ends."""


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block (nested and threaded safely).

    A load keeps what it builds alive until it ends (the observations, the
    reconciled decisions, the rows to insert), so every collection of the
    oldest generation walks all of it again: on the real data a fifth to a
    third of the load's CPU time. Reference counting still
    frees what the load drops; cycles wait for the collector to resume.
    """
    with _GC_LOCK:
        if _GC_PAUSED[0] == 0:
            _GC_PAUSED[1] = gc.isenabled()
            gc.disable()
        _GC_PAUSED[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_PAUSED[0] -= 1
            if _GC_PAUSED[0] == 0 and _GC_PAUSED[1]:
                gc.enable()


def load_folder(
    folder: pathlib.Path,
    engine: Engine,
    *,
    progress: Progress | None = None,
    allow_shrink: bool = False,
    skip_unrecognised: bool = False,
) -> LoadReport:
    """Load every recognised file in ``folder`` (see the module docstring).

    Two guards stop the load before anything is written: a file that looks
    meant for an importer but is recognised by none (:class:`UnrecognisedFilesError`,
    unless ``skip_unrecognised``), and a file holding far fewer observations
    than its loaded copy, such as a file cut to its header (:class:`ShrinkError`,
    unless ``allow_shrink``; see :data:`MAX_SHRINK`).
    """
    with _gc_paused():
        return _load_folder(
            folder,
            engine,
            progress=progress,
            allow_shrink=allow_shrink,
            skip_unrecognised=skip_unrecognised,
        )


def _load_folder(
    folder: pathlib.Path,
    engine: Engine,
    *,
    progress: Progress | None,
    allow_shrink: bool,
    skip_unrecognised: bool,
) -> LoadReport:
    with engine.connect() as conn:
        stored = record_rows.stored_files(conn)
    plan = discover(folder, loaded={file for _, file in stored})
    if plan.unrecognised and not skip_unrecognised:
        raise UnrecognisedFilesError(plan.unrecognised)
    if not plan.files:
        raise InputError(
            f"no recognised data files in {folder}",
            hint="see `unsc data load --help` for the formats read",
        )
    known = {key: digest for key, (digest, _) in stored.items()}
    digests = [_sha256(path) for _, path, _ in plan.files]
    todo = [
        n
        for n, ((fmt, _, name), digest) in enumerate(zip(plan.files, digests, strict=True))
        if known.get((fmt.source.value, name)) != digest
    ]
    jobs = {n: _job(*plan.files[n]) for n in todo}
    handed = _hand_over(todo, plan.files)  # the last files, to a second process
    helper = parse_worker.start([jobs[n] for n in handed]) if handed else None
    parsed: list[tuple[Format, str, str, list[Observation]]] = []
    rows_of: dict[str, tuple[list[str], list[str]]] = {}
    total = len(plan.files)
    try:
        for n, (fmt, _, name) in enumerate(plan.files):
            if progress:
                progress(name, n + 1, total)
            if n not in jobs:
                continue
            done = helper.result(handed.index(n)) if helper and n in handed else None
            obs, kinds, payloads = done or parse_worker.parse_file(jobs[n])
            parsed.append((fmt, name, digests[n], obs))
            rows_of[name] = kinds, payloads
    finally:
        if helper:
            helper.close()
    shrinking = [
        (name, fmt.source.value, before, len(obs))
        for fmt, name, _, obs in parsed
        if (before := stored.get((fmt.source.value, name), ("", 0))[1])
        and len(obs) < before * (1 - MAX_SHRINK)
    ]
    if shrinking and not allow_shrink:
        raise ShrinkError(shrinking)
    sources = _source_changes(stored, parsed)
    unrecognised = [{"file": name, "reason": why} for name, why in plan.unrecognised]
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
    skipped = plan.skipped + [name for name, _ in plan.unrecognised]
    if not parsed:
        with engine.connect() as conn:
            decisions, conflicts = record_rows.counts(conn)
        return LoadReport(files_report, skipped, True, decisions, conflicts, sources, unrecognised)
    with engine.begin() as conn:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        fresh: dict[int, list[Observation]] = {}
        for fmt, name, digest, obs in parsed:
            file_id = record_rows.replace_source_file(
                conn,
                source=fmt.source.value,
                file=name,
                sha256=digest,
                observations=len(obs),
                loaded_at=stamp,
            )
            kinds, payloads = rows_of[name]
            if obs:
                record_rows.insert_observations(
                    conn,
                    [
                        {"source_file_id": file_id, "line": o.prov.line, "kind": k, "payload": p}
                        for o, k, p in zip(obs, kinds, payloads, strict=True)
                    ],
                )
            fresh[file_id] = obs
        result = rebuild(conn, fresh)
    return LoadReport(
        files_report,
        skipped,
        False,
        len(result.decisions),
        len(result.conflicts),
        sources,
        unrecognised,
    )


def stored_observations(
    conn: Connection, fresh: Mapping[int, Sequence[Observation]] | None = None
) -> list[Observation]:
    """Every observation in the database, with its provenance, in the order stored.

    ``fresh`` holds, by ``source_files.id``, the observations this load has
    just stored, in the order inserted (each as :func:`restored` gives it):
    they are not decoded again. They are the last rows stored, which is
    checked; if they are not, every row is decoded.
    """
    fresh = fresh or {}
    if fresh and _stored_last(conn, fresh):
        rows = record_rows.observation_rows(conn, without=list(fresh))
        kept = [ob for observations in fresh.values() for ob in observations]
    else:
        rows, kept = record_rows.observation_rows(conn), []
    decoded = [loads(r.kind, r.payload, provenance(r.source, r.file, r.line)) for r in rows]
    return decoded + kept


def _stored_last(conn: Connection, fresh: Mapping[int, Sequence[Observation]]) -> bool:
    """Whether the files in ``fresh`` hold the last observations stored, in that order."""
    spans = record_rows.observation_spans(conn)
    previous = max(
        (last for file_id, (_, last, _) in spans.items() if file_id not in fresh), default=None
    )
    for file_id, observations in fresh.items():
        if not observations:
            continue
        if file_id not in spans:
            return False  # an empty span: none of its observations is stored
        first, last, count = spans[file_id]
        if count != len(observations) or (previous is not None and first <= previous):
            return False
        previous = last
    return True


def rebuild(conn: Connection, fresh: Mapping[int, Sequence[Observation]] | None = None) -> Result:
    """Recompute every derived table from the stored observations.

    ``fresh``: the observations this load has just stored (see :func:`stored_observations`).
    """
    observations = stored_observations(conn, fresh)
    result = reconcile([*observations, *procedural_votes(observations)])
    record_rows.clear_derived(conn)
    _write_meetings(conn, result.meetings)
    _write_decisions(conn, result.decisions)
    record_rows.write_agreement(conn)
    if result.conflicts:
        db.insert_many(
            conn,
            db.conflicts,
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
        hook(conn, observations, result)
    search.rebuild(conn)  # after the mandates: a decision's text names its mandates
    documents.rebuild(conn)  # last: from the tables as written
    return result


def _write_meetings(conn: Connection, meetings: Sequence[MeetingObservation]) -> None:
    if meetings:
        db.insert_many(
            conn,
            db.meetings,
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
                "subjects": "|".join(rec.subjects) or None,
                "named_votes": json.dumps({m: p.value for m, p in sorted(rec.known_votes.items())})
                if rec.known_votes
                else None,
            }
        )
    if not rows:
        return
    db.insert_many(conn, db.decisions, rows)
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
            db.insert_many(conn, table, batch)


def _order(rec: Reconciled) -> tuple[dt.date, int, str]:
    assert rec.date is not None
    return (rec.date, rec.resolution or 0, rec.key)
