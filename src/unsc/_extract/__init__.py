"""Reading vote reports: every Security Council vote a text reports, checked by the engine.

The names other packages use are the ones below: the reader (:func:`extract`
and its record), the ways it knows a state is named (:func:`state_forms`), the
checks of a finished record (:func:`check_vote`, on the Council of
:func:`council_on` a date), and the comparison of records with the
loaded record of the Council (:func:`check_records`). That last one needs a
database, so it is imported when first asked for: ``import unsc._extract``
stays free of SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unsc._extract._checks import check_vote, council_on
from unsc._extract._lexicon import state_forms
from unsc._extract._model import ExtractedVote, ExtractTimeout, ExtractWarning
from unsc._extract._pipeline import extract

if TYPE_CHECKING:
    from unsc._extract._record import check_records

__all__ = [
    "ExtractTimeout",
    "ExtractWarning",
    "ExtractedVote",
    "check_records",
    "check_vote",
    "council_on",
    "extract",
    "state_forms",
]


def __getattr__(name: str) -> object:
    """``check_records``, imported on first use (it needs SQLAlchemy)."""
    if name == "check_records":
        from unsc._extract._record import check_records

        return check_records
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
