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

import datetime as dt
from collections.abc import Iterable, Mapping

from unsc._engine.model import (
    Ballot,
    Decision,
    Kind,
    NonVoting,
    Outcome,
    Position,
    Reason,
    ReasonCode,
    _ballot_date,
    parse_date,
    parse_kind,
)
from unsc._errors import BallotError, MissingVoteError, NotOnCouncilError, TallyError
from unsc._reference.council import CHINA_REPRESENTATION_REVIEW, Council, Era, council
from unsc._reference.states import resolve_member

_PROCEDURAL_BY_KIND = {
    Kind.PROCEDURAL_MOTION: True,
    Kind.AGENDA_ADOPTION: True,
    Kind.DRAFT_RESOLUTION: False,
    Kind.AMENDMENT: False,
    Kind.PRELIMINARY_QUESTION: False,
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
