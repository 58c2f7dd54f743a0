"""Observations to and from JSON, for the ``observations`` table."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from unsc._engine import Kind, NonVoting, Outcome, Position
from unsc._sources.model import (
    DecisionObservation,
    ExtraObservation,
    MeetingObservation,
    MembershipObservation,
    Modality,
    Observation,
    Provenance,
    Source,
)

_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
"""``json.dumps(data, ensure_ascii=False, sort_keys=True)``, without a new encoder per call."""


def kind_of(obs: Observation) -> str:
    """The ``observations.kind`` value for ``obs``."""
    if isinstance(obs, MeetingObservation):
        return "meeting"
    if isinstance(obs, DecisionObservation):
        return "decision"
    if isinstance(obs, ExtraObservation):
        return obs.kind
    return "membership"


def dumps(obs: Observation) -> str:
    """Serialise an observation (without its provenance, stored alongside)."""
    data: dict[str, Any]
    if isinstance(obs, MeetingObservation):
        data = {
            "symbol": obs.symbol,
            "date": obs.date.isoformat(),
            "topic": obs.topic,
            "press_release": obs.press_release,
            "closed": obs.closed,
            "outcome_text": obs.outcome_text,
        }
    elif isinstance(obs, DecisionObservation):
        data = {
            "date": obs.date.isoformat(),
            "kind": obs.kind.value,
            "meeting": obs.meeting,
            "draft": obs.draft,
            "resolution": obs.resolution,
            "procedural": obs.procedural,
            "outcome": obs.outcome.value if obs.outcome else None,
            "modality": obs.modality.value if obs.modality else None,
            "yes": obs.yes,
            "no": obs.no,
            "abstain": obs.abstain,
            "not_voting": obs.not_voting,
            "vetoed_by": list(obs.vetoed_by) if obs.vetoed_by is not None else None,
            "votes": {k: v.value for k, v in obs.votes.items()} if obs.votes is not None else None,
            "absence": {k: v.value for k, v in obs.absence.items()},
            "sponsors": list(obs.sponsors),
            "agenda": obs.agenda,
            "description": obs.description,
            "raw_outcome": obs.raw_outcome,
            "flags": list(obs.flags),
            "notes": list(obs.notes),
            "subjects": list(obs.subjects),
            "known_votes": {k: v.value for k, v in obs.known_votes.items()},
        }
    elif isinstance(obs, ExtraObservation):
        data = dict(obs.data)
    else:
        data = {"year": obs.year, "code": obs.code, "raw_name": obs.raw_name}
    return _ENCODER.encode(data)


def loads(kind: str, payload: str, prov: Provenance) -> Observation:
    """Rebuild an observation stored by :func:`dumps`."""
    d = json.loads(payload)
    if kind == "meeting":
        return MeetingObservation(
            prov=prov,
            symbol=d["symbol"],
            date=dt.date.fromisoformat(d["date"]),
            topic=d["topic"],
            press_release=d["press_release"],
            closed=d["closed"],
            outcome_text=d["outcome_text"],
        )
    if kind == "decision":
        return DecisionObservation(
            prov=prov,
            date=dt.date.fromisoformat(d["date"]),
            kind=Kind(d["kind"]),
            meeting=d["meeting"],
            draft=d["draft"],
            resolution=d["resolution"],
            procedural=d["procedural"],
            outcome=Outcome(d["outcome"]) if d["outcome"] else None,
            modality=Modality(d["modality"]) if d["modality"] else None,
            yes=d["yes"],
            no=d["no"],
            abstain=d["abstain"],
            not_voting=d["not_voting"],
            vetoed_by=tuple(d["vetoed_by"]) if d["vetoed_by"] is not None else None,
            votes={k: Position(v) for k, v in d["votes"].items()}
            if d["votes"] is not None
            else None,
            absence={k: NonVoting(v) for k, v in d["absence"].items()},
            sponsors=tuple(d["sponsors"]),
            agenda=d["agenda"],
            description=d["description"],
            raw_outcome=d["raw_outcome"],
            flags=tuple(d["flags"]),
            notes=tuple(d["notes"]),
            subjects=tuple(d.get("subjects", ())),
            known_votes={k: Position(v) for k, v in d.get("known_votes", {}).items()},
        )
    if kind == "membership":
        return MembershipObservation(
            prov=prov, year=d["year"], code=d["code"], raw_name=d["raw_name"]
        )
    return ExtraObservation(prov=prov, kind=kind, data=d)


def restored(obs: Observation, payload: str) -> Observation:
    """``obs`` as :func:`loads` rebuilds it from ``payload`` (its :func:`dumps`), without parsing.

    The load keeps the observations it has just parsed and stored instead of
    decoding them again: equal, and with their mappings in the same order
    (the JSON's keys are sorted), so that the rebuild sees the same objects
    either way. Only the mandates' payloads, free-form, are decoded again.
    """
    if isinstance(obs, DecisionObservation):
        return DecisionObservation(
            prov=obs.prov,
            date=obs.date,
            kind=obs.kind,
            meeting=obs.meeting,
            draft=obs.draft,
            resolution=obs.resolution,
            procedural=obs.procedural,
            outcome=obs.outcome or None,
            modality=obs.modality or None,
            yes=obs.yes,
            no=obs.no,
            abstain=obs.abstain,
            not_voting=obs.not_voting,
            vetoed_by=tuple(obs.vetoed_by) if obs.vetoed_by is not None else None,
            votes=_sorted(obs.votes) if obs.votes is not None else None,
            absence=_sorted(obs.absence),
            sponsors=tuple(obs.sponsors),
            agenda=obs.agenda,
            description=obs.description,
            raw_outcome=obs.raw_outcome,
            flags=tuple(obs.flags),
            notes=tuple(obs.notes),
            subjects=tuple(obs.subjects),
            known_votes=_sorted(obs.known_votes),
        )
    if isinstance(obs, ExtraObservation):
        return ExtraObservation(prov=obs.prov, kind=obs.kind, data=json.loads(payload))
    return obs


def _sorted(mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {key: mapping[key] for key in sorted(mapping)}


def provenance(source: str, file: str, line: int) -> Provenance:
    """A provenance record from stored columns."""
    return Provenance(Source(source), file, line)
