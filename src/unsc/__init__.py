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


# The loaders import plainly (no module named by a string), so that the import graph,
# and the layer contracts that check it, see every package the public names come from.


def _load_council() -> _types.ModuleType:
    from unsc import _council as module

    return module


def _load_engine() -> _types.ModuleType:
    from unsc import _engine as module

    return module


def _load_states() -> _types.ModuleType:
    from unsc import _states as module

    return module


def _load_extract() -> _types.ModuleType:
    from unsc import _extract as module

    return module


def _load_reports() -> _types.ModuleType:
    from unsc._record import reports as module

    return module


def _load_record_api() -> _types.ModuleType:
    from unsc._record import api as module

    return module


def _load_mandates_api() -> _types.ModuleType:
    from unsc._mandates import api as module

    return module


def _load_mandates_model() -> _types.ModuleType:
    from unsc._mandates import model as module

    return module


def _load_games() -> _types.ModuleType:
    from unsc._power import games as module

    return module


def _load_indices() -> _types.ModuleType:
    from unsc._power import indices as module

    return module


def _load_replay() -> _types.ModuleType:
    from unsc._power import replay as module

    return module


#: Public name -> (its module's loader, the name in that module).
_LAZY: dict[str, tuple[_typing.Callable[[], _types.ModuleType], str]] = {
    **{
        name: (_load_council, name)
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
        name: (_load_engine, name)
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
    "name_on": (_load_states, "name_on"),
    "resolve_member": (_load_states, "resolve_member"),
    "Reports": (_load_reports, "Reports"),
    "ReportStatus": (_load_reports, "ReportStatus"),
    "mandate": (_load_mandates_api, "mandate"),
    "mandates": (_load_mandates_api, "mandates"),
    "mandate_timelines": (_load_mandates_api, "mandate_timelines"),
    "mandates_ics": (_load_mandates_api, "to_ics"),
    "BodyKind": (_load_mandates_model, "BodyKind"),
    "MandateEventKind": (_load_mandates_model, "EventKind"),
    "MandateStatus": (_load_mandates_model, "Status"),
    "ExtractedVote": (_load_extract, "ExtractedVote"),
    "ExtractWarning": (_load_extract, "ExtractWarning"),
    "extract": (_load_extract, "extract"),
    "Record": (_load_record_api, "Record"),
    **{
        name: (_load_games, name)
        for name in ("AllOf", "AnyOf", "Game", "Quota", "builtin_game", "builtin_games")
    },
    **{
        name: (_load_indices, name)
        for name in ("Index", "PlayerPower", "PowerResult", "power_indices")
    },
    **{
        name: (_load_replay, name)
        for name in (
            "DecisionInput",
            "ReplayReport",
            "RuleVariant",
            "adjudicate_variant",
            "replay",
        )
    },
}


def __getattr__(name: str) -> _typing.Any:
    # Every public name but the errors loads when first used: the reference data and the
    # engine (so that `unsc --help` imports neither), the record (SQLAlchemy, pandas) and
    # voting power (NumPy).
    found = _LAZY.get(name)
    if found is None:
        raise AttributeError(f"module 'unsc' has no attribute {name!r}")
    loader, attribute = found
    value = getattr(loader(), attribute)
    globals()[name] = value
    return value
