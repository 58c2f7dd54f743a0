"""The record of one Security Council vote read from a text."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from unsc._engine import Kind, Outcome
from unsc._errors import UnscError


class ExtractTimeout(UnscError):
    """The text took longer to read than the time limit given to :func:`unsc.extract`."""


class ExtractWarning(enum.StrEnum):
    """Closed catalogue of the checks run on every extracted vote."""

    COUNTS_DO_NOT_ADD_UP = "counts_do_not_add_up"
    MEMBER_NOT_ON_COUNCIL = "member_not_on_council"
    COUNT_CONTRADICTS_NAMES = "count_contradicts_names"
    OUTCOME_CONTRADICTS_RULES = "outcome_contradicts_rules"
    INCOMPLETE_RECORD = "incomplete_record"
    DISAGREES_WITH_RECORD = "disagrees_with_record"

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
    ExtractWarning.INCOMPLETE_RECORD: "the text gives no date, no outcome or no count for this "
    "vote: it cannot be checked, and a person must confirm it",
    ExtractWarning.DISAGREES_WITH_RECORD: "the loaded record of the Council's decisions gives "
    "another value for a field of this vote (see the check's messages)",
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

    @property
    def confidence(self) -> float:
        """How far the record can be trusted, from 0 to 1.

        1 for a record with its date, outcome and counts and no warning; each
        missing part and each warning (a weaker or contradicted reading) lowers it.
        """
        score = 1.0
        if self.date is None:
            score -= 0.2
        if self.outcome is None:
            score -= 0.2
        if self.yes is None and self.no is None and self.abstain is None:
            score -= 0.15
        elif self.yes is None or self.no is None or self.abstain is None:
            score -= 0.1  # some of the counts only: the tally cannot be checked
        score -= 0.2 * sum(1 for w in self.warnings if w != ExtractWarning.INCOMPLETE_RECORD)
        return round(max(0.05, score), 2)

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
            "confidence": self.confidence,
        }
