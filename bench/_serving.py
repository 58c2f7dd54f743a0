"""Starting a server for a bench: a free loopback port, and waiting until it answers.

Shared by ``web_bench.py`` and ``load_test.py`` (run as scripts from this folder,
so ``from _serving import ...`` finds this module).
"""

from __future__ import annotations

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
