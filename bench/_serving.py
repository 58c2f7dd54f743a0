"""Starting a server for a bench: a free loopback port, and waiting until it answers.

Shared by ``web_bench.py`` and ``load_test.py`` (run as scripts from this folder,
so ``from _serving import ...`` finds this module).
"""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
import time
import urllib.error
import urllib.request


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_ready(proc: subprocess.Popen[bytes], url: str, timeout: float = 120) -> None:
    """Return once ``url`` answers 200; exit if ``proc`` ends first or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        try:
            code = proc.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            continue
        raise SystemExit(f"server exited with {code} before answering {url}")
    raise SystemExit(f"no answer from {url}")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system, seconds) used so far by process ``pid`` and its live descendants.

    Read from ``/proc`` (Linux); ``nan`` elsewhere. The server's workers are its
    children, so the difference over a run, divided by the requests answered,
    is the server's CPU per request: a figure less moved by other jobs on the
    machine than latency is.
    """
    proc = pathlib.Path("/proc")
    if not (proc / str(pid)).exists():
        return float("nan")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for stat in proc.glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()  # after "pid (comm) "
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        times[child] = (int(fields[11]) + int(fields[12])) / tick
    tree, todo = {pid}, [pid]
    while todo:
        parent = todo.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in tree:
                tree.add(child)
                todo.append(child)
    return sum(times.get(p, 0.0) for p in tree)
