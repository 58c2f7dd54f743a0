"""unsc: the UN Security Council as code.

Who sat on the Council and who presided on any date 1946-2027, and an engine
that adjudicates any vote under the Charter as practised.

>>> import datetime as dt
>>> import unsc
>>> unsc.council(dt.date(2017, 10, 24)).president
'FRA'
"""

from __future__ import annotations

import types as _types
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
    from unsc._reference.council import (
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
    from unsc._reference.states import name_on, resolve_member

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


#: Public name -> (the module it comes from, its name there when it differs).
_LAZY: dict[str, tuple[str, str]] = {
    **{
        name: ("council", name)
        for name in (
            "Council",
            "Member",
            "Presidency",
            "council",
            "presidencies",
            "presidency_on",
            "president_on",
            "required_votes",
            "terms_of",
        )
    },
    **{
        name: ("engine", name)
        for name in (
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
        )
    },
    "name_on": ("states", "name_on"),
    "resolve_member": ("states", "resolve_member"),
    "Reports": ("reports", "Reports"),
    "ReportStatus": ("reports", "ReportStatus"),
    "mandate": ("mandates", "mandate"),
    "mandates": ("mandates", "mandates"),
    "mandate_timelines": ("mandates", "mandate_timelines"),
    "mandates_ics": ("mandates", "to_ics"),
    "BodyKind": ("mandate model", "BodyKind"),
    "MandateEventKind": ("mandate model", "EventKind"),
    "MandateStatus": ("mandate model", "Status"),
    "ExtractedVote": ("extract", "ExtractedVote"),
    "ExtractWarning": ("extract", "ExtractWarning"),
    "extract": ("extract", "extract"),
    "Record": ("record", "Record"),
    **{
        name: ("games", name)
        for name in ("AllOf", "AnyOf", "Game", "Quota", "builtin_game", "builtin_games")
    },
    **{
        name: ("indices", name) for name in ("Index", "PlayerPower", "PowerResult", "power_indices")
    },
    **{
        name: ("replay", name)
        for name in ("DecisionInput", "ReplayReport", "RuleVariant", "adjudicate_variant", "replay")
    },
}


def _module(which: str) -> _types.ModuleType:
    # Plain imports, no module named by a string: the import graph (and the layer
    # contracts that check it) sees every package the public names come from.
    if which == "council":
        from unsc._reference import council

        return council
    elif which == "engine":
        from unsc import _engine

        return _engine
    elif which == "states":
        from unsc._reference import states

        return states
    elif which == "extract":
        from unsc import _extract

        return _extract
    elif which == "reports":
        from unsc._record import reports

        return reports
    elif which == "record":
        from unsc._record import api as record_api

        return record_api
    elif which == "mandates":
        from unsc._mandates import api as mandates_api

        return mandates_api
    elif which == "mandate model":
        from unsc._mandates import model

        return model
    elif which == "games":
        from unsc._power import games

        return games
    elif which == "indices":
        from unsc._power import indices

        return indices
    else:
        from unsc._power import replay

        return replay


def __getattr__(name: str) -> _typing.Any:
    # Every public name but the errors loads when first used: the reference data and the
    # engine (so that `unsc --help` imports neither), the record (SQLAlchemy, pandas) and
    # voting power (NumPy).
    found = _LAZY.get(name)
    if found is None:
        raise AttributeError(f"module 'unsc' has no attribute {name!r}")
    which, attribute = found
    value = getattr(_module(which), attribute)
    globals()[name] = value
    return value
