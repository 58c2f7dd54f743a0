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

if _typing.TYPE_CHECKING:
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
    from unsc._extract import ExtractedVote, ExtractWarning, extract
    from unsc._mandates.api import mandate, mandate_timelines, mandates
    from unsc._mandates.api import to_ics as mandates_ics
    from unsc._mandates.model import BodyKind
    from unsc._mandates.model import EventKind as MandateEventKind
    from unsc._mandates.model import Status as MandateStatus
    from unsc._power.games import AllOf, AnyOf, Game, Quota, builtin_game, builtin_games
    from unsc._power.indices import Index, PlayerPower, PowerResult, power_indices
    from unsc._power.replay import (
        DecisionInput,
        ReplayReport,
        RuleVariant,
        adjudicate_variant,
        replay,
    )
    from unsc._record.api import Record
    from unsc._record.reports import Reports, ReportStatus
    from unsc._states import name_on, resolve_member

__version__ = "0.1.0"

__all__ = [
    "AllOf",
    "AnyOf",
    "Ballot",
    "BallotError",
    "BodyKind",
    "Council",
    "DateOutOfRangeError",
    "Decision",
    "DecisionInput",
    "DuplicateVoteError",
    "ExtractWarning",
    "ExtractedVote",
    "Game",
    "Index",
    "InputError",
    "Kind",
    "MandateEventKind",
    "MandateStatus",
    "Member",
    "MissingVoteError",
    "NonVoting",
    "NotOnCouncilError",
    "Outcome",
    "PlayerPower",
    "Position",
    "PowerResult",
    "Presidency",
    "Quota",
    "Reason",
    "ReasonCode",
    "Record",
    "ReferenceDataError",
    "ReplayReport",
    "ReportStatus",
    "Reports",
    "RuleVariant",
    "Severity",
    "SourceFormatError",
    "StorageError",
    "TallyError",
    "UnknownMemberError",
    "UnscError",
    "adjudicate",
    "adjudicate_tally",
    "adjudicate_variant",
    "build_ballot",
    "builtin_game",
    "builtin_games",
    "council",
    "decide",
    "extract",
    "mandate",
    "mandate_timelines",
    "mandates",
    "mandates_ics",
    "name_on",
    "power_indices",
    "presidencies",
    "presidency_on",
    "president_on",
    "replay",
    "required_votes",
    "resolve_member",
    "terms_of",
]


_LAZY = {
    **dict.fromkeys(
        (
            "Council",
            "Member",
            "Presidency",
            "council",
            "presidencies",
            "presidency_on",
            "president_on",
            "required_votes",
            "terms_of",
        ),
        "unsc._council",
    ),
    **dict.fromkeys(
        (
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
        ),
        "unsc._engine",
    ),
    "name_on": "unsc._states",
    "resolve_member": "unsc._states",
    "Reports": "unsc._record.reports",
    "ReportStatus": "unsc._record.reports",
    "mandate": "unsc._mandates.api",
    "mandates": "unsc._mandates.api",
    "mandate_timelines": "unsc._mandates.api",
    "mandates_ics": "unsc._mandates.api:to_ics",
    "BodyKind": "unsc._mandates.model",
    "MandateEventKind": "unsc._mandates.model:EventKind",
    "MandateStatus": "unsc._mandates.model:Status",
    "ExtractedVote": "unsc._extract",
    "ExtractWarning": "unsc._extract",
    "extract": "unsc._extract",
    "Record": "unsc._record.api",
    "AllOf": "unsc._power.games",
    "AnyOf": "unsc._power.games",
    "Game": "unsc._power.games",
    "Quota": "unsc._power.games",
    "builtin_game": "unsc._power.games",
    "builtin_games": "unsc._power.games",
    "Index": "unsc._power.indices",
    "PlayerPower": "unsc._power.indices",
    "PowerResult": "unsc._power.indices",
    "power_indices": "unsc._power.indices",
    "DecisionInput": "unsc._power.replay",
    "ReplayReport": "unsc._power.replay",
    "RuleVariant": "unsc._power.replay",
    "adjudicate_variant": "unsc._power.replay",
    "replay": "unsc._power.replay",
}


def __getattr__(name: str) -> _typing.Any:
    # Every public name but the errors loads when first used: the reference data and the
    # engine (so that `unsc --help` imports neither), the record (SQLAlchemy, pandas) and
    # voting power (NumPy).
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'unsc' has no attribute {name!r}")
    import importlib

    module, _, attribute = module.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value
