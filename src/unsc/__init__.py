"""unsc: the UN Security Council as code.

Who sat on the Council and who presided on any date 1946-2027, and an engine
that adjudicates any vote under the Charter as practised.

>>> import datetime as dt
>>> import unsc
>>> unsc.council(dt.date(2017, 10, 24)).president
'FRA'
"""

from __future__ import annotations

import typing as _typing

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
    SourceFormatError,
    StorageError,
    TallyError,
    UnknownMemberError,
    UnscError,
)
from unsc._states import name_on, resolve_member

if _typing.TYPE_CHECKING:
    from unsc._record.api import Record

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
    "Record",
    "ReferenceDataError",
    "Severity",
    "SourceFormatError",
    "StorageError",
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


def __getattr__(name: str) -> _typing.Any:
    # The record (SQLAlchemy, pandas) loads only when first used.
    if name == "Record":
        from unsc._record.api import Record

        return Record
    raise AttributeError(f"module 'unsc' has no attribute {name!r}")
