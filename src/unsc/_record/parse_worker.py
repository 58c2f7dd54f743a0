"""Parsing the last of a load's files in a second process while the load parses the first.

The load (:mod:`unsc._record.load`) reads its files in order. When they are
many and the machine has a second core, it hands the tail of the list to a
helper process (:class:`Helper`), parses the head itself, then takes the
helper's results in order. Each file is parsed, serialised and restored
exactly as the load does it alone (:func:`parse_file`), so the record written
is the same. The helper touches no database; it stops at its first failing
file, and the load then parses that file itself, which raises the same
:class:`~unsc.SourceFormatError` (file, line, field) as a load in one
process, after the same earlier files. A helper that cannot start or dies
only makes the load parse its files itself.

This module imports no database code: a helper started afresh (``spawn``,
when the load runs beside other threads) imports only the parsers.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import pathlib
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from unsc._record.observation_json import dumps, kind_of, restored
from unsc._sources.model import Observation

Job = tuple[str, str, str, str]
"""A file to parse: the parser's module and function, the file's path, its name in the load."""

Parsed = tuple[list[Observation], list[str], list[str]]
"""A file's observations (as :func:`~unsc._record.observation_json.restored` gives them),
their kinds and their JSON payloads, in file order."""


def parse_file(job: Job) -> Parsed:
    """Parse one file as the load stores it."""
    module, function, path, name = job
    parser = getattr(importlib.import_module(module), function)
    found: list[Observation] = list(parser(pathlib.Path(path), name=name))
    payloads = [dumps(o) for o in found]
    kinds = [kind_of(o) for o in found]
    return [restored(o, p) for o, p in zip(found, payloads, strict=True)], kinds, payloads


def _work(channel: Connection, other_end: Connection, jobs: Sequence[Job], parent: int) -> None:
    """The helper's body: parse ``jobs`` in order, up to the first failure; send the results.

    It closes its copy of the load's end of the pipe first: otherwise, the load
    killed, its sending would wait for a reader forever instead of failing.
    """
    other_end.close()
    gc.disable()  # as in the load: nothing it allocates is garbage before the end
    out: list[Parsed] = []
    for job in jobs:
        if os.getppid() != parent:  # the load is gone (killed): nobody will read
            return
        try:
            out.append(parse_file(job))
        except Exception:  # the load parses this file itself and raises its error
            break
    try:
        channel.send(out)
    except OSError:  # the load stopped reading (it failed, or was killed)
        pass
    finally:
        channel.close()


class Helper:
    """A second process parsing ``jobs``; :meth:`result` gives each file's, in order."""

    def __init__(self, jobs: Sequence[Job]) -> None:
        # fork is cheap, but only safe when no other thread may hold a lock
        method = "fork" if threading.active_count() == 1 else "spawn"
        if method not in multiprocessing.get_all_start_methods():
            method = "spawn"
        context: Any = multiprocessing.get_context(method)
        self._receive, send = context.Pipe(duplex=False)
        self._process: Any = context.Process(
            target=_work, args=(send, self._receive, list(jobs), os.getpid()), daemon=True
        )
        try:
            self._process.start()
        finally:
            send.close()
        self._results: list[Parsed] | None = None

    def result(self, index: int) -> Parsed | None:
        """Job ``index``'s result; ``None`` if the helper did not parse it (parse it here)."""
        if self._results is None:
            try:
                self._results = self._receive.recv()
            except (EOFError, OSError):  # the helper died
                self._results = []
        assert self._results is not None
        return self._results[index] if index < len(self._results) else None

    def close(self) -> None:
        """Stop the helper if it still runs, and wait for it."""
        self._receive.close()
        if self._process.is_alive() and self._results is None:
            self._process.kill()
        self._process.join()


def start(jobs: Sequence[Job]) -> Helper | None:
    """A :class:`Helper` for ``jobs``, or ``None`` if no second process can be started."""
    try:
        return Helper(jobs)
    except (OSError, ValueError, RuntimeError):
        return None
