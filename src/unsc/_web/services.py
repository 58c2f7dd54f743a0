"""What the app holds for its lifetime: engines, the cache, the background loader."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import pathlib
import tempfile
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

from sqlalchemy.engine import Connection, Engine

from unsc._web import queries
from unsc._web.settings import Settings

log = logging.getLogger("unsc.web")
T = TypeVar("T")

try:  # POSIX: one loader among several worker processes
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def json_bytes(data: object) -> bytes:
    """JSON as the API sends it (UTF-8, compact)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class Cache:
    """Results of record reads, kept while the record is unchanged.

    The record changes only when it is loaded; a cheap stamp (files loaded,
    latest load time) is read at most once every ``seconds`` and a change
    empties the cache. Bounded: cleared when it reaches ``size`` entries.
    """

    def __init__(self, engine: Engine, *, seconds: float, size: int = 2048) -> None:
        self._engine = engine
        self._seconds = seconds
        self._size = size
        self._lock = threading.Lock()
        self._values: dict[Hashable, Any] = {}
        self._stamp: object = None
        self._checked = float("-inf")

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self._seconds:
            return
        with self._engine.connect() as conn:
            stamp = queries.data_stamp(conn)
        with self._lock:
            self._checked = now
            if stamp != self._stamp:
                self._stamp = stamp
                self._values.clear()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key``, computed on a miss."""
        self._refresh()
        try:
            return self._values[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        value = compute()
        with self._lock:
            if len(self._values) >= self._size:
                self._values.clear()
            self._values[key] = value
        return value

    def clear(self) -> None:
        """Forget everything (after a load)."""
        with self._lock:
            self._values.clear()
            self._checked = float("-inf")


@dataclass
class LoaderState:
    """The background load: ``idle``, ``loading``, ``loaded`` or ``failed``."""

    state: str = "idle"
    message: str = ""
    started: str | None = None


@dataclass
class Loader:
    """Loads the record in a background thread: from a folder, else by fetching.

    Among several worker processes only one loads (a file lock next to the
    system's temporary files); the others wait for it.
    """

    settings: Settings
    on_done: Callable[[], None]
    status: LoaderState = field(default_factory=LoaderState)
    _thread: threading.Thread | None = None

    def _lock_path(self) -> pathlib.Path:
        digest = hashlib.sha256(self.settings.database_url.encode()).hexdigest()[:16]
        return pathlib.Path(tempfile.gettempdir()) / f"unsc-load-{digest}.lock"

    def running(self) -> bool:
        """Whether a load is under way in this process."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        """Start a load unless one is running; whether one was started."""
        if self.running():
            return False
        self.status = LoaderState(
            "loading", self._source(), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        )
        self._thread = threading.Thread(target=self._run, name="unsc-load", daemon=True)
        self._thread.start()
        return True

    def _source(self) -> str:
        if self.settings.data_dir:
            return f"from {self.settings.data_dir}"
        base = self.settings.fetch_base
        return "by fetching the official files" + (f" from {base}" if base else "")

    def _run(self) -> None:
        from unsc._record.api import Record

        handle: IO[str] | None = None
        try:
            if fcntl is not None:
                handle = self._lock_path().open("w")
                fcntl.flock(handle, fcntl.LOCK_EX)
            record = Record(self.settings.database_url)
            if record.status()["counts"]["decisions"]:
                self.status = LoaderState(
                    "loaded", "loaded by another process", self.status.started
                )
                return
            if self.settings.data_dir:
                report = record.load(self.settings.data_dir)
            else:
                report = record.fetch(base=self.settings.fetch_base)
            self.status = LoaderState(
                "loaded",
                f"{report.decisions} decisions loaded {self._source()}",
                self.status.started,
            )
        except Exception as exc:  # reported on every record page
            log.warning("loading the record failed: %s", exc)
            self.status = LoaderState("failed", str(exc), self.status.started)
        finally:
            if handle is not None:
                handle.close()
            self.on_done()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a running load to finish (tests)."""
        if self._thread is not None:
            self._thread.join(timeout)


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

    def record_banner(self) -> dict[str, str] | None:
        """What to say on record pages when the record is not (yet) loaded."""
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
