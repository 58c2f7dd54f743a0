"""What importers produce: observations of meetings and decisions, with provenance.

Every parser turns one file format into a stream of these objects. Each
object is one source's account; reconciliation (``_record.reconcile``) merges
the accounts of the same decision and records every disagreement.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from unsc._engine import Kind, NonVoting, Outcome, Position


class Source(enum.StrEnum):
    """The sources :mod:`unsc` can read, by format."""

    DHL_VOTING_CSV = "dhl-voting-csv"
    """UN Library "Security Council Voting Data" CSV (per-member, adopted resolutions)."""
    DHL_MEETINGS_HTML = "dhl-meetings-html"
    """UN Library research guide "Meetings conducted by the Security Council in YEAR"."""
    DHL_VETO_HTML = "dhl-veto-html"
    """UN Library research guide "Security Council - Veto List"."""
    DPPA_MEMBERSHIP = "dppa-membership"
    """UN DPPA Peace and Security Data Hub, Security Council membership by year."""
    SC_VOTES_1994_2025 = "sc-votes-1994-2025"
    """Per-member votes on every draft put to the vote, 1994-2025 (unofficial compilation)."""
    FAILED_DRAFTS = "failed-drafts"
    """Hand-coded per-member votes on some failed drafts, 1947-2022."""
    WPDL_VETOES = "wpdl-vetoes"
    """World Politics Datalab veto list, 1946-2022."""
    TAMM = "tamm"
    """Tasks Assigned to Missions in their Mandates (Lloyd 2021), mission-months 1948-2015."""
    DPPA_PEACEKEEPING = "dppa-peacekeeping"
    """UN DPPA/DPO list of peacekeeping operations with start and end dates."""
    PROCEDURAL_TABLE = "unsc-procedural-votes"
    """Procedural votes stated here (``unsc/_reference/data/procedural_votes.csv``)."""


class Modality(enum.StrEnum):
    """How a decision was taken."""

    VOTE = "vote"
    WITHOUT_VOTE = "without_vote"
    CONSENSUS = "consensus"
    ACCLAMATION = "acclamation"
    WRITTEN_PROCEDURE = "written_procedure"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an observation comes from: source, file (as named in the loaded folder), line."""

    source: Source
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class MeetingObservation:
    """A meeting as one source lists it."""

    prov: Provenance
    symbol: str
    """Meeting record symbol, e.g. ``S/PV.8073``; for 2020 videoconferences the letter symbol."""
    date: dt.date
    topic: str | None = None
    press_release: str | None = None
    closed: bool = False
    outcome_text: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionObservation:
    """One source's account of one question decided by the Council.

    ``votes`` holds per-member positions when the source has them (codes as
    :func:`unsc.resolve_member` returns); ``yes``/``no``/``abstain``/
    ``not_voting`` the counts the source states (``None`` when it states none).
    ``vetoed_by`` is what the source says about vetoes (``None``: says nothing).
    ``flags`` are anomalies the parser noticed and corrected or kept (e.g.
    ``day_month_swapped``), each explained in ``notes``.
    """

    prov: Provenance
    date: dt.date
    kind: Kind = Kind.DRAFT_RESOLUTION
    meeting: str | None = None
    draft: str | None = None
    resolution: int | None = None
    procedural: bool | None = None
    outcome: Outcome | None = None
    modality: Modality | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    not_voting: int | None = None
    vetoed_by: tuple[str, ...] | None = None
    votes: Mapping[str, Position] | None = None
    absence: Mapping[str, NonVoting] = field(default_factory=dict)
    sponsors: tuple[str, ...] = ()
    agenda: str | None = None
    description: str | None = None
    raw_outcome: str | None = None
    flags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    """Subject terms (UNBIS thesaurus, in the UN Library's voting data)."""
    known_votes: Mapping[str, Position] = field(default_factory=dict)
    """Positions of the members a source names when it gives no full ballot."""


@dataclass(frozen=True, slots=True)
class MembershipObservation:
    """A source's statement that a state sat on the Council in a year."""

    prov: Provenance
    year: int
    code: str | None
    """``None`` when the source's name is blank or unknown (see ``raw_name``)."""
    raw_name: str


@dataclass(frozen=True, slots=True)
class ExtraObservation:
    """An observation of another kind (e.g. mandates), stored and restored by its owner.

    ``kind`` names the observation's kind (``tamm_month``, ``pko_mission``); ``data`` is
    the JSON-ready payload, stored as it is in the record's ``observations`` table.
    """

    prov: Provenance
    kind: str
    data: Mapping[str, object]


Observation = MeetingObservation | DecisionObservation | MembershipObservation | ExtraObservation


def norm_symbol(symbol: str | None) -> str | None:
    """Canonical form of a document symbol (``s/2017/884 `` -> ``S/2017/884``)."""
    if not symbol:
        return None
    text = re.sub(r"\s+", "", symbol).upper()
    text = text.replace("/REV.", "/Rev.").replace("/CORR.", "/Corr.").replace("/ADD.", "/Add.")
    return text or None
