"""The web app: the Council, the record, the Chamber and a JSON API (``unsc serve``)."""

from __future__ import annotations

from unsc._web.app import create_app, prepare_database
from unsc._web.settings import Settings

__all__ = ["Settings", "create_app", "prepare_database"]
