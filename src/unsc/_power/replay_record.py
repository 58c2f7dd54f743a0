"""The record store as replay inputs: every recorded decision with votes or a tally.

:func:`record_inputs` reads the record (``unsc data load DIR``) in three bulk
queries — decisions, per-member votes, vetoes — and turns each decision into a
:class:`~unsc._power.replay.DecisionInput`:

* per-member votes when the record has them (the votes the load chose after
  checking them against the Council of the date and the official tally);
* otherwise the tally, with the permanent members voting no taken from the
  record's vetoes; which permanent members abstained is then unknown
  (``permanent_abstain=None``) unless nobody abstained;
* otherwise the decision is skipped and counted by reason
  (:class:`~unsc._power.replay.SkipReason`): adopted without a vote, no votes
  or tally at all, or counts the engine rejected when the record was loaded.

:func:`replay_record` replays them under a rule variant; the report's
``replayed`` plus its ``skipped`` counts is the number of decisions in the record.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from unsc._engine import Kind, Outcome, Position
from unsc._errors import InputError
from unsc._power.replay import (
    DecisionInput,
    ReplayReport,
    RuleVariant,
    SkipReason,
    parse_variant,
    replay,
)
from unsc._store import query
from unsc._store.db import Connection, Engine

if TYPE_CHECKING:
    from unsc._record.api import Record

_POSITIONS = {p.value: p for p in Position}
_WITHOUT_VOTE = frozenset({"without_vote", "consensus", "acclamation"})
_PROCEDURAL_KINDS = frozenset({Kind.PROCEDURAL_MOTION, Kind.AGENDA_ADOPTION})

EMPTY_HINT = "load it first: `unsc data load DIR`, DIR being the folder of source files"
"""What to do when the record holds no decisions."""


def _procedural(kind: Kind, value: bool | None) -> bool:
    """Whether the engine treats the question as procedural (``docs/rules.md``).

    A preliminary question is never procedural; an unstated classification
    takes the kind's default (motions and agenda votes procedural).
    """
    if kind is Kind.PRELIMINARY_QUESTION:
        return False
    if value is None:
        return kind in _PROCEDURAL_KINDS
    return bool(value)


def _ref(row: Any) -> str:
    """A name for people: the resolution, else the draft, else the meeting (and item).

    A question other than a draft resolution says what it is: the preliminary
    question on S/552 and the draft S/552 itself were voted at one meeting.
    """
    if row.resolution is not None:
        return f"S/RES/{row.resolution} ({row.date.year})"
    if row.draft:
        name = str(row.draft)
    elif row.meeting:
        _, _, item = str(row.key).partition("#")
        name = f"{row.meeting} #{item}" if item else str(row.meeting)
    else:
        name = str(row.key)
    if row.kind != Kind.DRAFT_RESOLUTION.value:
        name += f" ({row.kind.replace('_', ' ')})"
    return name


def _inputs(conn: Connection) -> tuple[list[DecisionInput], dict[str, int]]:
    rows = query.replay_decisions(conn)
    votes = {
        decision_id: {member: _POSITIONS[position] for member, position in positions.items()}
        for decision_id, positions in query.positions_by_decision(conn).items()
    }
    vetoes = query.vetoes_by_decision(conn)
    inputs: list[DecisionInput] = []
    skipped: Counter[str] = Counter()
    for r in rows:
        if r.adjudication == "invalid":
            skipped[SkipReason.NOT_ADJUDICABLE.value] += 1
            continue
        kind = Kind(r.kind)
        common: dict[str, Any] = {
            "procedural": _procedural(kind, r.procedural),
            "recorded": Outcome(r.recorded_outcome) if r.recorded_outcome else None,
            "kind": kind,
            "ref": _ref(r),
            "key": r.key,
        }
        if r.id in votes:
            inputs.append(DecisionInput(r.date, votes=votes[r.id], **common))
        elif r.yes is not None and r.no is not None:
            tally = (int(r.yes), int(r.no), int(r.abstain or 0), r.not_voting)
            permanent_no = tuple(vetoes.get(r.id, ()))
            inputs.append(DecisionInput(r.date, tally=tally, permanent_no=permanent_no, **common))
        elif r.modality in _WITHOUT_VOTE:
            skipped[SkipReason.WITHOUT_VOTE.value] += 1
        else:
            skipped[SkipReason.NO_VOTES_OR_TALLY.value] += 1
    return inputs, dict(sorted(skipped.items()))


def record_inputs(
    source: Connection | Engine | Record,
) -> tuple[list[DecisionInput], dict[str, int]]:
    """Every recorded decision as a replay input, oldest first, and the skipped counts.

    ``source`` is an open connection, an engine, or a :class:`unsc.Record`.
    The counts are keyed by :class:`~unsc._power.replay.SkipReason` values.
    """
    if isinstance(source, Connection):
        return _inputs(source)
    engine = source if isinstance(source, Engine) else source.engine
    with engine.connect() as conn:
        return _inputs(conn)


def replay_record(source: Connection | Engine | Record, rule: RuleVariant | str) -> ReplayReport:
    """Replay every recorded decision under ``rule`` (``unsc replay``).

    Raises :class:`unsc.InputError` for an unknown rule, and when the record
    holds no decisions (it has not been loaded).
    """
    variant = rule if isinstance(rule, RuleVariant) else parse_variant(rule)
    inputs, skipped = record_inputs(source)
    if not inputs and not skipped:
        raise InputError("the record is empty: there are no decisions to replay", hint=EMPTY_HINT)
    return replay(inputs, variant, skipped=skipped)
