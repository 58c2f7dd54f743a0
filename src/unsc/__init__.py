"""unsc: the UN Security Council as code.

Who sat on the Council and who presided on any date 1946-2027, and an engine
that adjudicates any vote under the Charter as practised.

>>> import datetime as dt
>>> import unsc
>>> unsc.council(dt.date(2017, 10, 24)).president
'FRA'
"""

from __future__ import annotations

from unsc._council import (
    Council,
    Member,
    Presidency,
    council,
    presidencies,
    presidency_on,
    president_on,
    required_votes,
    terms_of,
)
from unsc._engine import (
    Ballot,
    Decision,
    Kind,
    NonVoting,
    Outcome,
    Position,
    Reason,
    ReasonCode,
    Severity,
    adjudicate,
    adjudicate_tally,
    build_ballot,
    decide,
)
from unsc._errors import (
    BallotError,
    DateOutOfRangeError,
    DuplicateVoteError,
    InputError,
    MissingVoteError,
    NotOnCouncilError,
    ReferenceDataError,
    TallyError,
    UnknownMemberError,
    UnscError,
)
from unsc._states import name_on, resolve_member

__version__ = "0.1.0"

__all__ = [
    "Ballot",
    "BallotError",
    "Council",
    "DateOutOfRangeError",
    "Decision",
    "DuplicateVoteError",
    "InputError",
    "Kind",
    "Member",
    "MissingVoteError",
    "NonVoting",
    "NotOnCouncilError",
    "Outcome",
    "Position",
    "Presidency",
    "Reason",
    "ReasonCode",
    "ReferenceDataError",
    "Severity",
    "TallyError",
    "UnknownMemberError",
    "UnscError",
    "adjudicate",
    "adjudicate_tally",
    "build_ballot",
    "council",
    "decide",
    "name_on",
    "presidencies",
    "presidency_on",
    "president_on",
    "required_votes",
    "resolve_member",
    "terms_of",
]
