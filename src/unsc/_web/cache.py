"""The record cache: results of reads, and whole responses, kept while the record is unchanged."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.engine import Engine

from unsc._web import queries

log = logging.getLogger("unsc.web")
T = TypeVar("T")


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

    def decisions(self) -> int | None:
        """How many decisions the record held at the watcher's last look; ``None`` without one.

        Read from the stamp the watcher keeps (every ``seconds``), not by a
        query of the request's own; ``None`` when no watcher runs or the stamp
        was never read, or just after :meth:`clear` (a load), until it is again.
        """
        stamp = self._stamp
        if self._watcher is None or not isinstance(stamp, tuple) or self._checked == float("-inf"):
            return None
        return int(stamp[-1])

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
