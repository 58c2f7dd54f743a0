"""The chamber's rules: what may be tabled, what is voted first, what follows a vote.

Rule 33 of the provisional rules of procedure gives these motions precedence,
in this order, over all principal motions and draft resolutions: to suspend the
meeting; to adjourn it; to adjourn it to a certain day or hour; to refer a
matter to a committee, the Secretary-General or a rapporteur; to postpone
discussion of the question (and to introduce an amendment). Drafts are then
voted in the order of their submission (rule 32), the amendments to a draft
just before it (rule 36). The question *on the floor* is the pending one that
comes first in that order; only it can be put to the vote.
"""

from __future__ import annotations

from dataclasses import dataclass

from unsc._engine.model import Decision, Kind, Outcome


@dataclass(frozen=True, slots=True)
class Motion:
    """A procedural motion of rule 33, with its precedence (1 is highest)."""

    code: str
    label: str
    rank: int


MOTIONS = (
    Motion("suspend", "To suspend the meeting", 1),
    Motion("adjourn", "To adjourn the meeting", 2),
    Motion("adjourn_to", "To adjourn the meeting to a certain day or hour", 3),
    Motion("refer", "To refer the matter to a committee, the Secretary-General or a rapporteur", 4),
    Motion("postpone", "To postpone discussion of the question", 5),
)
MOTION_BY_CODE = {m.code: m for m in MOTIONS}
DRAFT_RANK = 7

QUESTION_TYPES = (
    ("draft", "Draft resolution"),
    ("amendment", "Amendment to a draft"),
    *((m.code, f"Motion: {m.label.lower()}") for m in MOTIONS),
)
"""The choices of the "table a question" form: value, label."""

PENDING = "pending"
OPEN = "open"


@dataclass(frozen=True, slots=True)
class Question:
    """A question tabled in a simulated meeting."""

    id: int
    seq: int
    kind: Kind
    motion: str | None
    title: str
    amends_id: int | None
    status: str

    @property
    def rank(self) -> int:
        """Precedence under rule 33 (lower is voted first); drafts and amendments last."""
        return MOTION_BY_CODE[self.motion].rank if self.motion else DRAFT_RANK

    @property
    def is_motion(self) -> bool:
        """Whether this is a procedural motion."""
        return self.motion is not None


def kind_of(question_type: str) -> tuple[Kind, str | None]:
    """The engine's kind, and the motion code, for a value of the form's ``type`` field."""
    if question_type == "draft":
        return Kind.DRAFT_RESOLUTION, None
    if question_type == "amendment":
        return Kind.AMENDMENT, None
    if question_type in MOTION_BY_CODE:
        return Kind.PROCEDURAL_MOTION, question_type
    raise ValueError(question_type)


def on_floor(questions: list[Question]) -> Question | None:
    """The pending question to be voted next (rule 33, then order of tabling)."""
    pending = [q for q in questions if q.status == PENDING]
    principal = [q for q in pending if q.kind is not Kind.AMENDMENT]
    if not principal:
        return None
    ranked = min(principal, key=lambda q: (q.rank, q.seq))
    # Rule 36: the pending amendments to a draft are voted before it.
    amendments = [q for q in pending if q.amends_id == ranked.id]
    return min(amendments, key=lambda q: q.seq) if amendments else ranked


def why_first(question: Question, questions: list[Question]) -> str | None:
    """Why ``question`` is voted before other pending questions, if it jumps the queue."""
    earlier = [q for q in questions if q.status == PENDING and q.seq < question.seq]
    if not earlier:
        return None
    if question.motion:
        return (
            f"Rule 33: a motion {MOTION_BY_CODE[question.motion].label.lower()} takes "
            "precedence over the questions tabled before it, so it is put to the vote first."
        )
    if question.kind is Kind.AMENDMENT:
        return "Rule 36: an amendment is voted before the draft it amends."
    return None


@dataclass(frozen=True, slots=True)
class Consequence:
    """What a decided question changes: the meeting's status and other questions' status."""

    session_status: str | None
    others: dict[int, str]


def consequences(question: Question, decision: Decision, questions: list[Question]) -> Consequence:
    """The effect of an adopted motion on the meeting and the other pending questions."""
    if decision.outcome is not Outcome.ADOPTED or not question.motion:
        return Consequence(None, {})
    pending = [q for q in questions if q.status == PENDING and q.id != question.id]
    if question.motion == "suspend":
        return Consequence("suspended", {})
    if question.motion in {"adjourn", "adjourn_to"}:
        return Consequence("adjourned", {q.id: "lapsed" for q in pending})
    status = "referred" if question.motion == "refer" else "postponed"
    return Consequence(None, {q.id: status for q in pending if not q.is_motion})


def status_of(decision: Decision) -> str:
    """A decided question's status: adopted, failed or vetoed."""
    return decision.outcome.value
