"""What the app holds for its lifetime: the engines, the cache, the background loader."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.engine import Connection, Engine

from unsc._mandates.api import timelines
from unsc._mandates.model import Timeline
from unsc._web import queries
from unsc._web.cache import Cache, json_bytes
from unsc._web.loader import Loader
from unsc._web.settings import Settings

T = TypeVar("T")


@dataclass
class Services:
    """Everything the handlers need, created once by ``create_app``."""

    settings: Settings
    writer: Engine
    reader: Engine
    cache: Cache
    loader: Loader

    def read(self, key: Hashable, fn: Callable[[Connection], T]) -> T:
        """A cached record read: ``fn`` runs on a read-only connection on a miss."""

        def compute() -> T:
            with self.reader.connect() as conn:
                return fn(conn)

        return self.cache.get(key, compute)

    def read_json(self, key: Hashable, fn: Callable[[Connection], object]) -> bytes:
        """A cached record read, serialised once as the JSON API sends it."""
        return self.read(("json", key), lambda conn: json_bytes(fn(conn)))

    def mandate_timelines(self) -> list[Timeline]:
        """Every body's timeline, read once per record state (the cache empties on a load)."""
        return self.read(("mandate_timelines",), lambda _conn: timelines(self.reader))

    def record_banner(self) -> dict[str, str] | None:
        """What to say on record pages when the record is not (yet) loaded.

        Whether it is loaded comes from the stamp the cache's watcher reads
        (no query per page); a record the stamp says is empty, or with no
        watcher running, is counted.
        """
        count = self.cache.decisions()
        if not count:
            count = self.read(("decision_count",), queries.decision_count)
        if count:
            return None
        status = self.loader.status
        if status.state == "loading":
            return {
                "state": "loading",
                "message": f"The record is being loaded {status.message} "
                f"(started {status.started}). Reload this page in a minute.",
            }
        failed = f"Loading it failed: {status.message}. " if status.state == "failed" else ""
        return {
            "state": "empty",
            "message": f"The record is not loaded. {failed}"
            "Load it with `unsc data load DIR` (DIR holding the UN Library and other source "
            "files), or start the server with UNSC_DATA_DIR=DIR. The Council, the presidency "
            "and the Chamber work without it.",
        }
