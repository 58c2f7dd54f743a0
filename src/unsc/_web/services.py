"""What the app holds for its lifetime: engines, the cache, the background loader."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import pathlib
import sys
import tempfile
import threading
import time
from collections import OrderedDict
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


@dataclass(frozen=True, slots=True)
class Kept:
    """A whole response kept for later GETs of the same address (see ``_web.kept_responses``).

    ``headers`` are the raw response headers without any ``Set-Cookie``;
    ``page``: an HTML page, which sets the CSRF cookie for a visitor without one.
    """

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    page: bool


class Cache:
    """Results of record reads, and whole responses, kept while the record is unchanged.

    The record changes only when it is loaded; a cheap stamp (files loaded,
    latest load time) tells. :meth:`watch` reads it every ``seconds`` in a
    background thread, off the request path, and a change empties the cache;
    without a watcher (an app whose lifespan did not run) it is read at most
    once every ``seconds`` by the reads themselves.

    Bounded, least recently used first out: at most ``size`` values, and kept
    responses of at most ``response_bytes`` bytes in all. Reaching a bound
    evicts the entries used longest ago, one by one: the cache never empties
    itself under load (only a change of the record empties it).
    ``enabled=False`` keeps nothing (every read computed, every response
    live): the uncached path, as ``UNSC_WEB_CACHE=0`` sets it.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        seconds: float,
        size: int = 2048,
        response_bytes: int = 64 * 1024 * 1024,
        enabled: bool = True,
    ) -> None:
        self._engine = engine
        self.enabled = enabled
        self._seconds = seconds
        self._size = size
        self._response_bytes = response_bytes
        self._lock = threading.Lock()
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._responses: OrderedDict[Hashable, Kept] = OrderedDict()
        self._flights: dict[Hashable, threading.Lock] = {}  # a value being computed
        self._kept_bytes = 0
        self._generation = 0  # bumped on every clear: a result computed before is dropped
        self._stamp: object = None
        self._checked = float("-inf")
        self._watcher: threading.Thread | None = None
        self._stop = threading.Event()

    def _read_stamp(self) -> object:
        with self._engine.connect() as conn:
            return queries.data_stamp(conn)

    def _check(self, now: float) -> None:
        stamp = self._read_stamp()
        with self._lock:
            self._checked = now
            if stamp != self._stamp:
                self._stamp = stamp
                self._clear_locked()

    def _refresh(self) -> None:
        if self._watcher is not None:
            return  # the watcher keeps the stamp current
        now = time.monotonic()
        if now - self._checked >= self._seconds:
            self._check(now)

    def watch(self) -> None:
        """Read the stamp now, then every ``seconds`` in a background thread."""
        if self._watcher is not None:
            return
        try:
            self._check(time.monotonic())
        except Exception as exc:  # the watcher tries again
            log.warning("checking the record's stamp failed: %s", exc)
        self._stop.clear()
        self._watcher = threading.Thread(target=self._watch, name="unsc-cache-watch", daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        while not self._stop.wait(self._seconds):
            try:
                self._check(time.monotonic())
            except Exception as exc:  # a locked or vanished database: try again later
                log.warning("checking the record's stamp failed: %s", exc)

    def stop(self) -> None:
        """Stop the watcher (the reads check the stamp themselves again)."""
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            self._stop.set()
            watcher.join()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value for ``key``, computed on a miss.

        Concurrent misses for one key compute it once: the others wait for
        that result instead of running the same query side by side.
        """
        if not self.enabled:
            return compute()
        self._refresh()
        values = self._values
        try:
            value: T = values[key]
        except KeyError:
            pass
        else:
            with self._lock:
                if key in values:
                    values.move_to_end(key)  # most recently used
            return value
        with self._lock:
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            try:
                return values[key]  # type: ignore[no-any-return]
            except KeyError:
                pass
            generation = self._generation
            try:
                value = compute()
            except BaseException:
                with self._lock:
                    self._flights.pop(key, None)
                raise
            with self._lock:
                if generation == self._generation:
                    values[key] = value
                    while len(values) > self._size:
                        values.popitem(last=False)  # the least recently used
                self._flights.pop(key, None)
            return value

    def response(self, key: Hashable) -> Kept | None:
        """The response kept for ``key``, if any."""
        if not self.enabled:
            return None
        self._refresh()
        kept = self._responses.get(key)
        if kept is not None:
            with self._lock:
                if key in self._responses:
                    self._responses.move_to_end(key)
        return kept

    def generation(self) -> int:
        """Changes whenever the cache is emptied (pass it to :meth:`keep`)."""
        return self._generation

    def keep(self, key: Hashable, kept: Kept, generation: int) -> None:
        """Keep a response for ``key``, unless the cache was emptied since ``generation``."""
        with self._lock:
            if not self.enabled or generation != self._generation:
                return  # not kept, or computed from a record that has changed since
            if len(kept.body) > self._response_bytes:
                return  # larger than the whole bound
            responses = self._responses
            previous = responses.pop(key, None)
            if previous is not None:
                self._kept_bytes -= len(previous.body)
            while responses and self._kept_bytes + len(kept.body) > self._response_bytes:
                _, oldest = responses.popitem(last=False)  # the least recently used
                self._kept_bytes -= len(oldest.body)
            responses[key] = kept
            self._kept_bytes += len(kept.body)

    def _clear_locked(self) -> None:
        self._values.clear()
        self._responses.clear()
        self._kept_bytes = 0
        self._generation += 1

    def clear(self) -> None:
        """Forget everything (after a load)."""
        with self._lock:
            self._clear_locked()
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
            began = time.monotonic()
            if self.settings.data_dir:
                report = record.load(self.settings.data_dir)
            else:
                report = record.fetch(base=self.settings.fetch_base)
            counts = record.status()["counts"]
            message = (
                f"{counts['decisions']:,} decisions ({counts['resolutions']:,} resolutions, "
                f"{counts['vetoes']:,} vetoes) at {counts['meetings']:,} meetings, from "
                f"{len(report.files)} files, loaded {self._source()} "
                f"in {time.monotonic() - began:.1f} s"
            )
            self.status = LoaderState("loaded", message, self.status.started)
            self._say(f"unsc: the record is loaded: {message}")
        except Exception as exc:  # reported on every record page
            text = server_hint(exc)
            log.warning("loading the record failed: %s", text)
            self.status = LoaderState("failed", text, self.status.started)
        finally:
            if handle is not None:
                handle.close()
            self.on_done()

    @staticmethod
    def _say(line: str) -> None:
        """A line on the server's standard error (uvicorn logs only warnings)."""
        print(line, file=sys.stderr, flush=True)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a running load to finish (tests)."""
        if self._thread is not None:
            self._thread.join(timeout)


def server_hint(exc: Exception) -> str:
    """What a failed load says, with the server's own ways to fix it.

    The library's hints name the command line's options (``--base``); a server
    is configured by its environment: ``UNSC_FETCH_BASE`` and ``UNSC_DATA_DIR``.
    """
    from unsc._errors import UnscError

    if not isinstance(exc, UnscError):
        return str(exc)
    hint = exc.hint or ""
    if "--base" in hint or "network" in hint:
        hint = (
            "check the network, set UNSC_FETCH_BASE to the address of a mirror, "
            "or UNSC_DATA_DIR to a folder holding the files"
        )
    return f"{exc.message} ({hint})" if hint else exc.message


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
