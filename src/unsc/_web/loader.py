"""The background loader: the record loaded from a folder, else fetched, off the request path."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import pathlib
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from unsc._web.settings import Settings

log = logging.getLogger("unsc.web")

try:  # POSIX: one loader among several worker processes
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


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
