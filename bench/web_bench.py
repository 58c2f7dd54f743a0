"""Benchmark: the web app's API and member page against Datasette on the same SQLite file.

Side by side in one run, each driven by ``wrk`` (Debian package ``wrk``) with the
same threads, connections and duration:
  * ``unsc serve`` (uvicorn, ``--workers`` processes): ``GET /api/vetoes``,
    ``GET /api/members/RUS``, the member page ``GET /members/RUS`` and
    ``GET /api/council/2017-10-24``;
  * ``datasette serve -i`` on the same database file, with the equivalent SQL
    (the vetoes list; the member agreement self-join) as JSON arrays.

The record database is built from ``--data`` unless ``--database`` names one.
Prints a Markdown table (requests/s, p50, p99) for docs/benchmarks.md.

Usage: python bench/web_bench.py [--data ../shared/data] [--database FILE]
       [--workers 2] [--connections 20] [--duration 10]
"""

from __future__ import annotations

import argparse
import importlib
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent

VETOES_SQL = """
select d.date, d.draft, d.meeting, d.agenda,
       (select group_concat(member) from (select member from vetoes w
         where w.decision_id = d.id order by member)) as vetoed_by,
       d.yes, d.no, d.abstain
from decisions d where d.id in (select decision_id from vetoes) order by d.date, d.id
"""
AGREEMENT_SQL = """
select other.member, count(*) as votes_together,
       sum(case when other.position = mine.position then 1 else 0 end) as same_position
from votes other
join (select decision_id, position from votes where member = :code) mine
  on mine.decision_id = other.decision_id
where other.member != :code and mine.position != 'X' and other.position != 'X'
group by other.member
"""


@dataclass
class Result:
    """One wrk run."""

    server: str
    what: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait(proc: subprocess.Popen[bytes], url: str, timeout: float = 120) -> None:
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


def _percentile(out: str, which: str) -> float:
    match = re.search(rf"{which}%\s+([\d.]+)(us|ms|s|m)\b", out)
    if match is None:
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(
    server: str, what: str, url: str, *, threads: int, connections: int, duration: int
) -> Result:
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50, p99 = _percentile(out, "50"), _percentile(out, "99")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    return Result(server, what, rps, p50, p99, errors.group(0) if errors else "")


def build_database(data: pathlib.Path, target: pathlib.Path) -> None:
    """Load ``data`` into ``target`` (formats whose parser modules import)."""
    from unsc._record import load
    from unsc._record.api import Record

    def importable(module: str) -> bool:
        try:
            importlib.import_module(module if "." in module else f"unsc._record.{module}")
        except ImportError:
            return False
        return True

    load.FORMATS = tuple(f for f in load.FORMATS if importable(f.module))
    load.REBUILD_HOOKS = tuple(h for h in load.REBUILD_HOOKS if importable(h.split(":")[0]))
    Record(f"sqlite:///{target}").load(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--database", type=pathlib.Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    datasette = shutil.which("datasette", path=str(pathlib.Path(sys.executable).parent))
    if not datasette:
        raise SystemExit("datasette is not installed (pip install -e '.[bench]')")
    work = pathlib.Path(tempfile.mkdtemp(prefix="unsc-web-bench-"))
    database = work / "record.sqlite3"
    if args.database:
        shutil.copyfile(args.database, database)
    else:
        build_database(args.data, database)
    # Migrate (chamber tables) before Datasette opens the file immutable.
    from unsc._web.engines import write_engine

    write_engine(f"sqlite:///{database}").dispose()
    unsc_port, ds_port = _free_port(), _free_port()
    env = {**os.environ, "UNSC_TOKEN": "bench", "UNSC_AUTOLOAD": "0"}
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from unsc._cli_web import serve_cmd; serve_cmd()",
                "--database",
                f"sqlite:///{database}",
                "--port",
                str(unsc_port),
                "--workers",
                str(args.workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [datasette, "serve", "-i", str(database), "--port", str(ds_port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    unsc = f"http://127.0.0.1:{unsc_port}"
    ds = f"http://127.0.0.1:{ds_port}/record.json"
    try:
        _wait(servers[0], f"{unsc}/api/status")
        _wait(servers[1], f"{ds}?sql=select+1")
        targets = [
            ("unsc", "GET /api/vetoes", f"{unsc}/api/vetoes"),
            (
                "datasette",
                "vetoes SQL (JSON)",
                f"{ds}?" + urllib.parse.urlencode({"sql": VETOES_SQL, "_shape": "array"}),
            ),
            ("unsc", "GET /api/members/RUS", f"{unsc}/api/members/RUS"),
            ("unsc", "GET /members/RUS (HTML page)", f"{unsc}/members/RUS"),
            (
                "datasette",
                "member agreement SQL for RUS (JSON)",
                f"{ds}?"
                + urllib.parse.urlencode({"sql": AGREEMENT_SQL, "code": "RUS", "_shape": "array"}),
            ),
            ("unsc", "GET /api/council/2017-10-24", f"{unsc}/api/council/2017-10-24"),
        ]
        results = []
        load_before = os.getloadavg()[0]
        for server, what, url in targets:
            with urllib.request.urlopen(url, timeout=30) as response:  # check
                assert response.status == 200, url
            wrk(server, what, url, threads=args.threads, connections=args.connections, duration=2)
            results.append(
                wrk(
                    server,
                    what,
                    url,
                    threads=args.threads,
                    connections=args.connections,
                    duration=args.duration,
                )
            )
    finally:
        for proc in servers:
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s; "
        f"unsc with {args.workers} uvicorn workers; Datasette {_version(datasette)}, "
        f"{os.cpu_count()} cores; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after\n"
    )
    print("| server | request | requests/s | p50 (ms) | p99 (ms) | errors |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for r in results:
        print(
            f"| {r.server} | {r.what} | {r.rps:.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | "
            f"{r.errors or 'none'} |"
        )


def _version(datasette: str) -> str:
    out = subprocess.run([datasette, "--version"], capture_output=True, text=True).stdout
    return out.split()[-1] if out else "?"


if __name__ == "__main__":
    main()
