"""The engine's closed model: what is voted on, positions, outcomes, reasons, ballots, decisions.

``Kind``, ``Position``, ``NonVoting``, ``Outcome``, ``Severity`` and ``ReasonCode``
are closed enums; ``Ballot`` is a question put to the vote with every member's
position, read by ``build_ballot`` and ``Ballot.from_dict``; ``Decision`` is the
verdict that :mod:`unsc._engine.rules` gives.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from unsc._errors import BallotError, DuplicateVoteError, InputError
from unsc._reference.states import code_on


class Kind(enum.StrEnum):
    """What is being voted on."""

    DRAFT_RESOLUTION = "draft_resolution"
    AMENDMENT = "amendment"
    PROCEDURAL_MOTION = "procedural_motion"
    AGENDA_ADOPTION = "agenda_adoption"
    PRELIMINARY_QUESTION = "preliminary_question"
    OTHER = "other"

    @property
    def noun(self) -> str:
        """How the President names the question in an announcement."""
        return _NOUNS[self]


_NOUNS = {
    Kind.DRAFT_RESOLUTION: "draft resolution",
    Kind.AMENDMENT: "amendment",
    Kind.PROCEDURAL_MOTION: "motion",
    Kind.AGENDA_ADOPTION: "provisional agenda",
    Kind.PRELIMINARY_QUESTION: "proposal",
    Kind.OTHER: "proposal",
}


class Position(enum.StrEnum):
    """A member's position on a question."""

    YES = "Y"
    NO = "N"
    ABSTAIN = "A"
    NOT_VOTING = "X"


class NonVoting(enum.StrEnum):
    """Why a member cast no vote, when the record says."""

    ABSENT = "absent"
    NOT_PARTICIPATING = "not_participating"


class Outcome(enum.StrEnum):
    """The result of a vote."""

    ADOPTED = "adopted"
    VETOED = "vetoed"
    FAILED = "failed"


class Severity(enum.StrEnum):
    """How much a reason matters: ``decisive`` reasons explain the outcome."""

    DECISIVE = "decisive"
    NOTE = "note"
    WARNING = "warning"


class ReasonCode(enum.StrEnum):
    """The closed catalogue of reasons the engine gives."""

    REQUIRED_MAJORITY = "required_majority"
    ADOPTED_WITHOUT_VOTE = "adopted_without_vote"
    LACK_OF_VOTES = "lack_of_votes"
    NEGATIVE_VOTE_PERMANENT_MEMBER = "negative_vote_permanent_member"
    PERMANENT_NO_WITHOUT_MAJORITY = "permanent_no_without_majority"
    PROCEDURAL_NO_VETO = "procedural_no_veto"
    PERMANENT_ABSTAINED = "permanent_member_abstained"
    PERMANENT_ABSENT = "permanent_member_absent"
    PERMANENT_NOT_PARTICIPATING = "permanent_member_not_participating"
    PERMANENT_DID_NOT_VOTE = "permanent_member_did_not_vote"
    PRELIMINARY_QUESTION_NON_PROCEDURAL = "preliminary_question_non_procedural"
    PROCEDURAL_BY_DEFAULT = "procedural_classification_default"
    PARTY_VOTED = "art27_3_party_voted"
    PARTY_ABSTAINED = "art27_3_party_abstained"
    TRANSITION_1965_REVIEW = "transition_1965_review"
    CHINA_REPRESENTATION_REVIEW = "china_representation_review"

    @property
    def severity(self) -> Severity:
        """Default severity of this reason."""
        return _SEVERITY.get(self, Severity.NOTE)


_SEVERITY = {
    ReasonCode.REQUIRED_MAJORITY: Severity.DECISIVE,
    ReasonCode.ADOPTED_WITHOUT_VOTE: Severity.DECISIVE,
    ReasonCode.LACK_OF_VOTES: Severity.DECISIVE,
    ReasonCode.NEGATIVE_VOTE_PERMANENT_MEMBER: Severity.DECISIVE,
    ReasonCode.PARTY_VOTED: Severity.WARNING,
    ReasonCode.TRANSITION_1965_REVIEW: Severity.WARNING,
    ReasonCode.CHINA_REPRESENTATION_REVIEW: Severity.WARNING,
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One coded reason behind a decision, with a human message."""

    code: ReasonCode
    message: str
    members: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        """How much this reason matters."""
        return self.code.severity

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping."""
        out: dict[str, object] = {
            "code": self.code.value,
            "message": self.message,
            "severity": self.severity.value,
        }
        if self.members:
            out["members"] = list(self.members)
        return out


_POSITION_WORDS: dict[str, tuple[Position, NonVoting | None]] = {
    "y": (Position.YES, None),
    "yes": (Position.YES, None),
    "n": (Position.NO, None),
    "no": (Position.NO, None),
    "a": (Position.ABSTAIN, None),
    "abstain": (Position.ABSTAIN, None),
    "x": (Position.NOT_VOTING, None),
    "not_voting": (Position.NOT_VOTING, None),
    "absent": (Position.NOT_VOTING, NonVoting.ABSENT),
    "not_participating": (Position.NOT_VOTING, NonVoting.NOT_PARTICIPATING),
}


def parse_position(value: str | Position) -> tuple[Position, NonVoting | None]:
    """Read ``Y``/``N``/``A``/``X`` (or ``yes``, ``absent``, ``not_participating``...)."""
    if isinstance(value, Position):
        return value, None
    key = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return _POSITION_WORDS[key]
    except KeyError:
        raise BallotError(
            f"unknown position {value!r}",
            hint="use Y (yes), N (no), A (abstain), X (did not vote), absent or not_participating",
        ) from None


@dataclass(frozen=True, slots=True)
class Ballot:
    """A question put to the vote, with every member's position.

    ``votes`` maps member codes to positions. ``absence`` records, for
    members who did not vote, whether they were absent or present and not
    participating, when known. ``procedural=None`` takes the default for the
    kind (motions and agenda votes procedural, everything else not).
    """

    date: dt.date
    votes: Mapping[str, Position] = field(default_factory=dict)
    kind: Kind = Kind.DRAFT_RESOLUTION
    procedural: bool | None = None
    absence: Mapping[str, NonVoting] = field(default_factory=dict)
    parties: tuple[str, ...] = ()
    without_vote: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Ballot:
        """Build a ballot from the ``BALLOT.json`` shape.

        Member keys may be codes, ISO 3166-3 aliases or names; positions are
        ``Y``, ``N``, ``A``, ``X``, ``absent`` or ``not_participating``.
        """
        if not isinstance(data, Mapping):
            raise BallotError("a ballot must be a JSON object")
        if "tally" in data:
            raise BallotError(
                "a ballot with a tally has no per-member votes",
                hint="use unsc.decide() or adjudicate_tally() for tallies",
            )
        known = {"date", "kind", "procedural", "votes", "parties", "without_vote"}
        extra = sorted(set(data) - known)
        if extra:
            raise BallotError(
                f"unknown ballot field {extra[0]!r}",
                hint="fields are date, kind, procedural, votes, parties, without_vote",
            )
        raw_date = _ballot_date(data)
        date = parse_date(raw_date)
        kind = parse_kind(str(data.get("kind", Kind.DRAFT_RESOLUTION.value)))
        procedural = data.get("procedural")
        if procedural is not None and not isinstance(procedural, bool):
            raise BallotError('"procedural" must be true, false or null')
        without_vote = data.get("without_vote", False)
        if not isinstance(without_vote, bool):
            raise BallotError('"without_vote" must be true or false')
        raw_votes = data.get("votes", {})
        if not isinstance(raw_votes, Mapping):
            raise BallotError('"votes" must be an object mapping members to Y, N, A or X')
        raw_parties = data.get("parties", [])
        if not isinstance(raw_parties, list):
            raise BallotError('"parties" must be a list of members')
        return build_ballot(
            date,
            {str(k): str(v) for k, v in raw_votes.items()},
            kind=kind,
            procedural=procedural,
            parties=[str(p) for p in raw_parties],
            without_vote=without_vote,
        )


def _ballot_date(data: Mapping[str, object]) -> str:
    """The ballot's ``date`` field: a string, else an error saying what it must be."""
    raw = data.get("date")
    if raw is None:
        raise BallotError("the ballot has no date", hint='add "date": "YYYY-MM-DD"')
    if not isinstance(raw, str):
        raise BallotError(
            f'"date" must be a string YYYY-MM-DD, not {json.dumps(raw, default=repr)}',
            hint='write e.g. "date": "2017-10-24", in quotes',
        )
    return raw


def parse_date(value: str) -> dt.date:
    """Parse an ISO date, with an error that names what is wrong and how to fix it.

    >>> parse_date("1971-13-01")
    Traceback (most recent call last):
    ...
    unsc._errors.InputError: bad date '1971-13-01': month 13 is invalid (months are 01 to 12)
    """
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split("-")
    if len(parts) == 3 and all(p.isascii() and p.isdigit() for p in parts) and len(parts[0]) == 4:
        year, month, day = (int(p) for p in parts)
        if not 1 <= month <= 12:
            raise InputError(
                f"bad date {value!r}: month {month} is invalid (months are 01 to 12)"
            ) from None
        if year >= 1:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise InputError(
                    f"bad date {value!r}: day {day} is invalid "
                    f"({calendar.month_name[month]} {year} has {last} days)"
                ) from None
    raise InputError(f"bad date {value!r}", hint="write dates as YYYY-MM-DD") from None


def parse_kind(value: str) -> Kind:
    """Parse a question kind."""
    try:
        return Kind(value.strip().lower())
    except ValueError:
        choices = ", ".join(k.value for k in Kind)
        raise BallotError(f"unknown kind {value!r}", hint=f"use one of {choices}") from None


def build_ballot(
    date: dt.date,
    votes: Mapping[str, str | Position],
    *,
    kind: Kind = Kind.DRAFT_RESOLUTION,
    procedural: bool | None = None,
    parties: Iterable[str] = (),
    without_vote: bool = False,
) -> Ballot:
    """Build a ballot from loosely written members and positions, resolving aliases.

    Members are read as on ``date`` (:func:`unsc._reference.states.code_on`): ``DEU`` in
    1977 is the Federal Republic's seat, ``GER``.
    """
    positions: dict[str, Position] = {}
    absence: dict[str, NonVoting] = {}
    for who, what in votes.items():
        code = code_on(who, date)
        if code in positions:
            raise DuplicateVoteError(code, date)
        pos, why = parse_position(what)
        positions[code] = pos
        if why is not None:
            absence[code] = why
    return Ballot(
        date=date,
        votes=positions,
        kind=kind,
        procedural=procedural,
        absence=absence,
        parties=tuple(code_on(p, date) for p in parties),
        without_vote=without_vote,
    )


@dataclass(frozen=True, slots=True)
class Decision:
    """The engine's verdict on a ballot or a tally."""

    date: dt.date
    kind: Kind
    procedural: bool
    outcome: Outcome
    yes: int | None
    no: int | None
    abstain: int | None
    not_voting: int | None
    required: int
    vetoed_by: tuple[str, ...]
    president: str
    reasons: tuple[Reason, ...]
    votes: Mapping[str, Position] = field(default_factory=dict)

    @property
    def adopted(self) -> bool:
        """Whether the question was adopted."""
        return self.outcome is Outcome.ADOPTED

    @property
    def codes(self) -> tuple[ReasonCode, ...]:
        """The reason codes, in order."""
        return tuple(r.code for r in self.reasons)

    @property
    def warnings(self) -> tuple[Reason, ...]:
        """Reasons of warning severity."""
        return tuple(r for r in self.reasons if r.severity is Severity.WARNING)

    def to_dict(self) -> dict[str, object]:
        """The ``unsc vote --json`` shape."""
        return {
            "date": self.date.isoformat(),
            "kind": self.kind.value,
            "procedural": self.procedural,
            "outcome": self.outcome.value,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "not_voting": self.not_voting,
            "required": self.required,
            "vetoed_by": list(self.vetoed_by),
            "president": self.president,
            "reasons": [r.to_dict() for r in self.reasons],
        }
