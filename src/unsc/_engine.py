"""The decision engine: adjudicates a vote under the Charter as practised.

The decision procedure (``../shared/rules.md`` 2.3) is:

1. ``required = 7`` before 1966, ``9`` from 1 January 1966;
2. fewer affirmative votes than required: the question fails for lack of
   votes, whatever any permanent member did (not a veto);
3. otherwise, on a non-procedural question, a negative vote of a permanent
   member defeats it (a veto);
4. otherwise it is adopted.

Abstention, absence and non-participation of a permanent member are not
vetoes (practice since 1946). A preliminary question ("is this matter
procedural?") is itself non-procedural. Obligatory abstention under
Art. 27(3) is never inferred: a party that voted raises a warning.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from unsc._errors import (
    BallotError,
    DuplicateVoteError,
    InputError,
    MissingVoteError,
    NotOnCouncilError,
    TallyError,
)
from unsc._reference.council import CHINA_REPRESENTATION_REVIEW, Council, Era, council
from unsc._reference.states import code_on, resolve_member


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

_PROCEDURAL_BY_KIND = {
    Kind.PROCEDURAL_MOTION: True,
    Kind.AGENDA_ADOPTION: True,
    Kind.DRAFT_RESOLUTION: False,
    Kind.AMENDMENT: False,
    Kind.PRELIMINARY_QUESTION: False,
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


def _classify(kind: Kind, procedural: bool | None) -> tuple[bool, list[Reason]]:
    notes: list[Reason] = []
    if kind is Kind.PRELIMINARY_QUESTION:
        if procedural:
            notes.append(
                Reason(
                    ReasonCode.PRELIMINARY_QUESTION_NON_PROCEDURAL,
                    "Whether a matter is procedural is itself a non-procedural question "
                    "(San Francisco Four-Power statement, 1945); the veto applies.",
                )
            )
        return False, notes
    if procedural is None:
        default = _PROCEDURAL_BY_KIND.get(kind)
        if default is None:
            notes.append(
                Reason(
                    ReasonCode.PROCEDURAL_BY_DEFAULT,
                    "The record does not say whether this question is procedural; "
                    "treated as non-procedural (the veto applies).",
                )
            )
            return False, notes
        return default, notes
    return procedural, notes


def _review_flags(sitting: Council, yes: int) -> list[Reason]:
    out = []
    if sitting.era is Era.TRANSITION and yes in (7, 8):
        out.append(
            Reason(
                ReasonCode.TRANSITION_1965_REVIEW,
                "The Charter amendment requiring nine votes was in force from 31 Aug 1965 "
                "but the Council kept eleven members until 31 Dec 1965; seven were applied. "
                "Review this vote.",
            )
        )
    return out


def _china_flag(
    date: dt.date, permanent_votes: Mapping[str, tuple[Position, NonVoting | None] | None]
) -> list[Reason]:
    window = CHINA_REPRESENTATION_REVIEW
    if window.start <= date <= window.end and "CHN" in permanent_votes:
        return [
            Reason(
                ReasonCode.CHINA_REPRESENTATION_REVIEW,
                "Cast between A/RES/2758 (XXVI) of 25 Oct 1971 and the first Council "
                "meeting attended by the People's Republic of China (23 Nov 1971); "
                "check who cast China's vote.",
            )
        ]
    return []


def _verdict(
    *,
    sitting: Council,
    kind: Kind,
    procedural: bool | None,
    yes: int,
    permanent_positions: Mapping[str, tuple[Position, NonVoting | None] | None],
    counts: tuple[int | None, int | None, int | None, int | None],
    votes: Mapping[str, Position],
    extra: list[Reason],
) -> Decision:
    is_procedural, reasons = _classify(kind, procedural)
    required = sitting.required_votes
    permanent_no = tuple(
        sorted(c for c, p in permanent_positions.items() if p is not None and p[0] is Position.NO)
    )
    vetoed_by: tuple[str, ...] = ()
    if yes < required:
        outcome = Outcome.FAILED
        reasons.insert(
            0,
            Reason(
                ReasonCode.LACK_OF_VOTES,
                f"{yes} affirmative votes; {required} are required.",
            ),
        )
        if permanent_no and not is_procedural:
            reasons.append(
                Reason(
                    ReasonCode.PERMANENT_NO_WITHOUT_MAJORITY,
                    "A permanent member voted against, but the question lacked the required "
                    "votes anyway: not a veto.",
                    permanent_no,
                )
            )
    elif permanent_no and not is_procedural:
        outcome = Outcome.VETOED
        vetoed_by = permanent_no
        reasons.insert(
            0,
            Reason(
                ReasonCode.NEGATIVE_VOTE_PERMANENT_MEMBER,
                "Not adopted owing to the negative vote of a permanent member (Art. 27(3)).",
                permanent_no,
            ),
        )
    else:
        outcome = Outcome.ADOPTED
        reasons.insert(
            0,
            Reason(
                ReasonCode.REQUIRED_MAJORITY,
                f"{yes} affirmative votes; {required} are required"
                + ("" if is_procedural else ", with no negative vote of a permanent member")
                + ".",
            ),
        )
    if permanent_no and is_procedural:
        reasons.append(
            Reason(
                ReasonCode.PROCEDURAL_NO_VETO,
                "A permanent member voted against a procedural question: no veto applies "
                "(Art. 27(2)).",
                permanent_no,
            )
        )
    if not is_procedural:
        reasons.extend(_permanent_non_yes(permanent_positions))
    reasons.extend(extra)
    reasons.extend(_review_flags(sitting, yes))
    reasons.extend(_china_flag(sitting.date, permanent_positions))
    y, n, a, x = counts
    return Decision(
        date=sitting.date,
        kind=kind,
        procedural=is_procedural,
        outcome=outcome,
        yes=y,
        no=n,
        abstain=a,
        not_voting=x,
        required=required,
        vetoed_by=vetoed_by,
        president=sitting.president,
        reasons=tuple(reasons),
        votes=votes,
    )


def _permanent_non_yes(
    positions: Mapping[str, tuple[Position, NonVoting | None] | None],
) -> list[Reason]:
    groups: dict[ReasonCode, list[str]] = {}
    for code, pos in sorted(positions.items()):
        if pos is None:
            continue
        position, why = pos
        if position is Position.ABSTAIN:
            groups.setdefault(ReasonCode.PERMANENT_ABSTAINED, []).append(code)
        elif position is Position.NOT_VOTING:
            rc = {
                NonVoting.ABSENT: ReasonCode.PERMANENT_ABSENT,
                NonVoting.NOT_PARTICIPATING: ReasonCode.PERMANENT_NOT_PARTICIPATING,
                None: ReasonCode.PERMANENT_DID_NOT_VOTE,
            }[why]
            groups.setdefault(rc, []).append(code)
    messages = {
        ReasonCode.PERMANENT_ABSTAINED: "Abstention of a permanent member is not a veto "
        "(practice since 29 Apr 1946; ICJ Namibia opinion, para. 22).",
        ReasonCode.PERMANENT_ABSENT: "Absence of a permanent member is not a veto, by practice "
        "(resolutions 82-84 of 1950); practice-based, contested in the literature.",
        ReasonCode.PERMANENT_NOT_PARTICIPATING: "A permanent member present but not "
        "participating is treated like an abstention: not a veto.",
        ReasonCode.PERMANENT_DID_NOT_VOTE: "A permanent member did not vote (absent or not "
        "participating): not a veto, by practice.",
    }
    return [Reason(rc, messages[rc], tuple(codes)) for rc, codes in groups.items()]


def adjudicate(ballot: Ballot) -> Decision:
    """Decide a ballot: every member of the Council on its date exactly once.

    >>> from unsc import Ballot, adjudicate
    >>> import datetime as dt
    >>> b = Ballot.from_dict({"date": "2017-10-24", "votes": {
    ...     "BOL": "N", "CHN": "A", "EGY": "Y", "ETH": "Y", "FRA": "Y", "ITA": "Y",
    ...     "JPN": "Y", "KAZ": "A", "RUS": "N", "SEN": "Y", "SWE": "Y", "UKR": "Y",
    ...     "GBR": "Y", "USA": "Y", "URY": "Y"}})
    >>> adjudicate(b).outcome.value, adjudicate(b).vetoed_by
    ('vetoed', ('RUS',))
    """
    sitting = council(ballot.date)
    members = set(sitting.codes)
    for code in ballot.parties:
        if code not in members:
            raise NotOnCouncilError(code, ballot.date)
    if ballot.without_vote:
        if ballot.votes:
            raise BallotError(
                "a decision adopted without a vote has no positions",
                date=ballot.date,
                hint='drop "votes" or set "without_vote": false',
            )
        _, notes = _classify(ballot.kind, ballot.procedural)
        return Decision(
            date=ballot.date,
            kind=ballot.kind,
            procedural=_classify(ballot.kind, ballot.procedural)[0],
            outcome=Outcome.ADOPTED,
            yes=None,
            no=None,
            abstain=None,
            not_voting=None,
            required=sitting.required_votes,
            vetoed_by=(),
            president=sitting.president,
            reasons=(
                Reason(
                    ReasonCode.ADOPTED_WITHOUT_VOTE,
                    "Adopted without a vote (by consensus or acclamation); no count is inferred.",
                ),
                *notes,
            ),
        )
    for code in ballot.votes:
        if code not in members:
            raise NotOnCouncilError(code, ballot.date)
    for code in sitting.codes:
        if code not in ballot.votes:
            raise MissingVoteError(code, ballot.date)
    for code in ballot.absence:
        if ballot.votes.get(code) is not Position.NOT_VOTING:
            raise BallotError(
                f"{code} is marked absent or not participating but has a vote",
                member=code,
                date=ballot.date,
            )
    counts = {p: 0 for p in Position}
    for pos in ballot.votes.values():
        counts[pos] += 1
    permanent = {code: (ballot.votes[code], ballot.absence.get(code)) for code in sitting.permanent}
    extra: list[Reason] = []
    is_procedural, _ = _classify(ballot.kind, ballot.procedural)
    if ballot.parties and not is_procedural:
        voted = tuple(c for c in ballot.parties if ballot.votes[c] in (Position.YES, Position.NO))
        abstained = tuple(c for c in ballot.parties if c not in voted)
        if voted:
            extra.append(
                Reason(
                    ReasonCode.PARTY_VOTED,
                    "A party to the dispute voted; under Art. 27(3) it should have abstained "
                    "on a Chapter VI or Art. 52(3) decision. The outcome is computed from the "
                    "votes as recorded.",
                    voted,
                )
            )
        if abstained:
            extra.append(
                Reason(
                    ReasonCode.PARTY_ABSTAINED,
                    "A party to the dispute abstained or did not vote, as Art. 27(3) requires.",
                    abstained,
                )
            )
    return _verdict(
        sitting=sitting,
        kind=ballot.kind,
        procedural=ballot.procedural,
        yes=counts[Position.YES],
        permanent_positions=permanent,
        counts=(
            counts[Position.YES],
            counts[Position.NO],
            counts[Position.ABSTAIN],
            counts[Position.NOT_VOTING],
        ),
        votes=dict(ballot.votes),
        extra=extra,
    )


def adjudicate_tally(
    date: dt.date,
    yes: int,
    no: int,
    abstain: int,
    not_voting: int | None = None,
    *,
    permanent_no: Iterable[str] = (),
    procedural: bool | None = None,
    kind: Kind = Kind.DRAFT_RESOLUTION,
) -> Decision:
    """Decide a vote known only by its counts and the permanent members voting no.

    ``not_voting=None`` means the remainder of the Council. Counts may not
    exceed the Council's size on ``date``.

    >>> import datetime as dt
    >>> adjudicate_tally(dt.date(2017, 10, 24), 4, 8, 3, procedural=True).outcome.value
    'failed'
    """
    sitting = council(date)
    size = sitting.size
    for label, value in (("yes", yes), ("no", no), ("abstain", abstain)):
        if value < 0:
            raise TallyError(f"negative {label} count {value}")
    total = yes + no + abstain
    if total > size:
        raise TallyError(
            f"{yes}+{no}+{abstain} votes exceed the {size} members of the Council on "
            f"{date.isoformat()}",
            hint="counts must add up to the Council's size",
        )
    if not_voting is None:
        not_voting = size - total
    if not_voting < 0 or total + not_voting != size:
        raise TallyError(
            f"{yes}+{no}+{abstain}+{not_voting} votes do not make the {size} members "
            f"of the Council on {date.isoformat()}",
            hint="counts must add up to the Council's size",
        )
    pno = tuple(sorted({resolve_member(c) for c in permanent_no}))
    for code in pno:
        if code not in sitting.permanent:
            raise TallyError(
                f"{code} was not a permanent member on {date.isoformat()}",
                hint=f"permanent members then: {', '.join(sitting.permanent)}",
            )
    if len(pno) > no:
        raise TallyError(f"{len(pno)} permanent members voting no but only {no} negative votes")
    positions: dict[str, tuple[Position, NonVoting | None] | None] = {
        c: ((Position.NO, None) if c in pno else None) for c in sitting.permanent
    }
    return _verdict(
        sitting=sitting,
        kind=kind,
        procedural=procedural,
        yes=yes,
        permanent_positions=positions,
        counts=(yes, no, abstain, not_voting),
        votes={},
        extra=[],
    )


def decide(data: Mapping[str, object]) -> Decision:
    """Adjudicate the ``BALLOT.json`` shape: per-member ``votes`` or a ``tally``.

    A tally ballot gives counts and the permanent members voting no::

        {"date": "2017-10-24", "kind": "procedural_motion", "procedural": true,
         "tally": {"yes": 4, "no": 8, "abstain": 3}, "permanent_no": ["FRA", "GBR", "USA"]}

    >>> decide({"date": "2017-10-24", "kind": "procedural_motion",
    ...         "tally": {"yes": 4, "no": 8, "abstain": 3}}).outcome.value
    'failed'
    """
    if not isinstance(data, Mapping):
        raise BallotError("a ballot must be a JSON object")
    if "tally" not in data:
        return adjudicate(Ballot.from_dict(data))
    known = {"date", "kind", "procedural", "tally", "permanent_no"}
    extra = sorted(set(data) - known)
    if extra:
        raise BallotError(
            f"unknown field {extra[0]!r} in a tally ballot",
            hint="fields are date, kind, procedural, tally, permanent_no",
        )
    raw_date = _ballot_date(data)
    tally = data["tally"]
    if not isinstance(tally, Mapping):
        raise BallotError('"tally" must be an object with yes, no, abstain and not_voting')
    counts: dict[str, int | None] = {}
    for key in ("yes", "no", "abstain", "not_voting"):
        value = tally.get(key, 0 if key != "not_voting" else None)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise BallotError(f'"tally.{key}" must be a whole number')
        counts[key] = value
    unknown = sorted(set(tally) - {"yes", "no", "abstain", "not_voting"})
    if unknown:
        raise BallotError(f"unknown tally field {unknown[0]!r}")
    procedural = data.get("procedural")
    if procedural is not None and not isinstance(procedural, bool):
        raise BallotError('"procedural" must be true, false or null')
    permanent_no = data.get("permanent_no", [])
    if not isinstance(permanent_no, list):
        raise BallotError('"permanent_no" must be a list of members')
    return adjudicate_tally(
        parse_date(raw_date),
        counts["yes"] or 0,
        counts["no"] or 0,
        counts["abstain"] or 0,
        counts["not_voting"],
        permanent_no=[str(p) for p in permanent_no],
        procedural=procedural,
        kind=parse_kind(str(data.get("kind", Kind.DRAFT_RESOLUTION.value))),
    )
