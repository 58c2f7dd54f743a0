"""The load's speed-ups change nothing but its speed (issue 16)."""

from __future__ import annotations

import gc
import threading

from unsc._record import load


def test_gc_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with load._gc_paused():
        assert not gc.isenabled()
        with load._gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_gc_paused_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with load._gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_gc_paused_across_threads_and_errors() -> None:
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with load._gc_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    with load._gc_paused():
        thread.start()
        inside.wait(5)
    assert not gc.isenabled()  # the other load still runs
    leave.set()
    thread.join()
    assert gc.isenabled()
    try:
        with load._gc_paused():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()
