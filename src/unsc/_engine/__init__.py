"""The rules engine: the closed model, the Charter's rules, announcements, the Chamber's rules.

``model`` holds what is voted on, positions, outcomes, reasons, ballots and
decisions; ``rules`` adjudicates a ballot or a tally under Article 27;
``announce`` gives the President's words and the text form of a Council and a
decision; ``chamber`` the rules of procedure of a meeting (rules 32, 33, 36).
The package exports the model and the rules, the names other packages use.
"""

from unsc._engine.model import (
    Ballot,
    Decision,
    Kind,
    NonVoting,
    Outcome,
    Position,
    Reason,
    ReasonCode,
    Severity,
    build_ballot,
    parse_date,
    parse_kind,
    parse_position,
)
from unsc._engine.rules import adjudicate, adjudicate_tally, decide

__all__ = [
    "Ballot",
    "Decision",
    "Kind",
    "NonVoting",
    "Outcome",
    "Position",
    "Reason",
    "ReasonCode",
    "Severity",
    "adjudicate",
    "adjudicate_tally",
    "build_ballot",
    "decide",
    "parse_date",
    "parse_kind",
    "parse_position",
]
