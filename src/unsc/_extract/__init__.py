"""Reading vote reports: every Security Council vote a text reports, checked by the engine."""

from __future__ import annotations

from unsc._extract._model import ExtractedVote, ExtractTimeout, ExtractWarning
from unsc._extract._pipeline import extract

__all__ = ["ExtractTimeout", "ExtractWarning", "ExtractedVote", "extract"]
