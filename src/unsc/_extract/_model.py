"""The record of one Security Council vote read from a text."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from unsc._engine import Kind, Outcome


class ExtractWarning(enum.StrEnum):
    """Closed catalogue of the checks run on every extracted vote."""

    COUNTS_DO_NOT_ADD_UP = "counts_do_not_add_up"
    MEMBER_NOT_ON_COUNCIL = "member_not_on_council"
    COUNT_CONTRADICTS_NAMES = "count_contradicts_names"
    OUTCOME_CONTRADICTS_RULES = "outcome_contradicts_rules"

    @property
    def message(self) -> str:
        """A human explanation of the warning."""
        return _MESSAGES[self]


_MESSAGES = {
    ExtractWarning.COUNTS_DO_NOT_ADD_UP: "the counts do not add up to the Council's size, "
    "and the text reports no non-participation that would explain it",
    ExtractWarning.MEMBER_NOT_ON_COUNCIL: "a state named as voting was not on the Council that day",
    ExtractWarning.COUNT_CONTRADICTS_NAMES: "more members are named for a position than its count",
    ExtractWarning.OUTCOME_CONTRADICTS_RULES: "the outcome the text reports is not what the "
    "Charter rules give for these votes",
}


@dataclass(frozen=True, slots=True)
class ExtractedVote:
    """One Security Council vote reported by a text.

    Counts the text does not give are ``None``; member lists are sorted codes.
    ``members_inferred`` holds the members whose position follows only by
    elimination (the counts leave a single position for every unnamed member);
    they never appear in the named lists. ``warnings`` are codes of
    :class:`ExtractWarning`, sorted.
    """

    date: dt.date | None
    kind: Kind
    question: str
    draft: str | None
    resolution: int | None
    procedural: bool
    yes: int | None
    no: int | None
    abstain: int | None
    not_voting: int | None
    members_yes: tuple[str, ...]
    members_no: tuple[str, ...]
    members_abstain: tuple[str, ...]
    members_not_voting: tuple[str, ...]
    members_inferred: tuple[str, ...]
    sponsor: str | None
    outcome: Outcome | None
    vetoed_by: tuple[str, ...]
    warnings: tuple[str, ...]
    body: str = "security_council"

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of ``unsc extract --json``."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "body": self.body,
            "kind": self.kind.value,
            "question": self.question,
            "draft": self.draft,
            "resolution": self.resolution,
            "procedural": self.procedural,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "not_voting": self.not_voting,
            "members_yes": list(self.members_yes),
            "members_no": list(self.members_no),
            "members_abstain": list(self.members_abstain),
            "members_not_voting": list(self.members_not_voting),
            "members_inferred": list(self.members_inferred),
            "sponsor": self.sponsor,
            "outcome": self.outcome.value if self.outcome else None,
            "vetoed_by": list(self.vetoed_by),
            "warnings": list(self.warnings),
        }
