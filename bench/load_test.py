"""Load test: 20 concurrent users on a mixed read workload over many distinct URLs (locust).

Builds the record from ``--data`` into a fresh SQLite file (or copies
``--database``), writes the pool of real resolution numbers, member codes and
explorer page counts that ``bench/locust_unsc.py`` draws its URLs from, starts
``unsc serve --workers N`` on a free loopback port, runs locust headless and
prints, per request kind and overall: requests, failures, p50, p95, p99 and
requests per second, with the machine's load average before and after (the
machine may be shared), and the server's CPU time per request (its workers
included; less moved by other jobs than latency is). Exits 1 when the goal is
missed (``--p99`` ms, default 50, and no failure).

With the default think time (0 to 10 ms between a user's requests) the run
is a closed loop: each user sends its next request as soon as the last one is
answered, so the mean latency is the users over the throughput, and the p99
goal asks for a throughput the machine may not have. ``--think 1-3`` paces
each user as a person reading pages would be; both are printed as such.

Usage: python bench/load_test.py [--data ../shared/data] [--database FILE]
       [--users 20] [--duration 60] [--workers 2] [--p99 50] [--think 0-0.01]
(needs the bench extra: pip install -e '.[bench]')
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from _serving import free_port, tree_cpu_seconds, wait_ready

ROOT = pathlib.Path(__file__).resolve().parent.parent
LOCUSTFILE = ROOT / "bench" / "locust_unsc.py"


def write_pool(database: pathlib.Path, target: pathlib.Path) -> dict[str, object]:
    """The URL pool from the database: resolutions, members, explorer pages per view."""
    import sqlalchemy as sa

    from unsc._store import db
    from unsc._web import queries
    from unsc._web.routes.record import PER_PAGE

    engine = sa.create_engine(f"sqlite:///{database}")
    with engine.connect() as conn:
        resolutions = [
            r[0]
            for r in conn.execute(
                sa.select(db.decisions.c.resolution).where(db.decisions.c.resolution.is_not(None))
            )
        ]
        members = sorted(r[0] for r in conn.execute(sa.select(db.votes.c.member).distinct()))
        # The explorer's own totals: the page count a user is shown for each view.
        totals = {
            view: queries.explore(conn, queries.Filters(view=view), page=1, per_page=1)["total"]
            for view in queries.VIEWS
        }
    engine.dispose()
    pool = {
        "resolutions": resolutions,
        "members": members,
        "pages": {view: max(1, -(-int(n) // PER_PAGE)) for view, n in totals.items()},
    }
    target.write_text(json.dumps(pool), encoding="utf-8")
    return pool


def _row(row: dict[str, str]) -> str:
    return (
        f"| {row['Name']} | {int(row['Request Count']):,} | {int(row['Failure Count']):,} "
        f"| {row['50%']} | {row['95%']} | {row['99%']} | {float(row['Requests/s']):.1f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--database", type=pathlib.Path)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--p99", type=float, default=50.0, help="goal, milliseconds")
    parser.add_argument(
        "--think",
        default="0-0.01",
        help="seconds each user waits between requests, LOW-HIGH (default: a closed loop)",
    )
    parser.add_argument(
        "--exclude-tags",
        default="",
        help="locust tags of requests to leave out (e.g. decision-page), comma-separated",
    )
    args = parser.parse_args()
    locust = shutil.which("locust", path=str(pathlib.Path(sys.executable).parent))
    if not locust:
        raise SystemExit("locust is not installed (pip install -e '.[bench]')")
    work = pathlib.Path(tempfile.mkdtemp(prefix="unsc-load-test-"))
    database = work / "record.sqlite3"
    if args.database:
        shutil.copyfile(args.database, database)
    else:
        from unsc._record.api import Record

        Record(f"sqlite:///{database}").load(args.data)
    from unsc._web.databases import write_engine

    write_engine(f"sqlite:///{database}").dispose()
    pool = write_pool(database, work / "pool.json")
    port = free_port()
    env = {**os.environ, "UNSC_TOKEN": "bench", "UNSC_AUTOLOAD": "0"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "unsc",
            "--database",
            f"sqlite:///{database}",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(work / "server.log").open("wb"),
    )
    host = f"http://127.0.0.1:{port}"
    try:
        wait_ready(server, f"{host}/api/status")
        before = os.getloadavg()
        cpu_before = tree_cpu_seconds(server.pid)
        subprocess.run(
            [
                locust,
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.users),
                "--run-time",
                f"{args.duration}s",
                "--host",
                host,
                "--csv",
                str(work / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
                *(["--exclude-tags", *args.exclude_tags.split(",")] if args.exclude_tags else []),
            ],
            env={
                **os.environ,
                "UNSC_LOAD_POOL": str(work / "pool.json"),
                "UNSC_LOAD_THINK": args.think,
            },
            check=False,
            stdout=subprocess.DEVNULL,
        )
        after = os.getloadavg()
        server_cpu = tree_cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=20)
    with (work / "locust_stats.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    print(
        f"{args.users} users, {args.duration} s, think time {args.think} s, "
        f"unsc serve --workers {args.workers}; "
        f"{len(pool['resolutions']):,} resolutions, {len(pool['members'])} members in the pool; "
        f"load average (1 min) {before[0]:.2f} before, {after[0]:.2f} after; "
        + (f"excluded: {args.exclude_tags}; " if args.exclude_tags else "")
        + f"{os.cpu_count()} CPUs"
    )
    print("| request | requests | failures | p50 ms | p95 ms | p99 ms | req/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(_row(row))
    failures = (work / "locust_failures.csv").read_text(encoding="utf-8").splitlines()[1:]
    for line in failures[:10]:
        print(f"failure: {line}")
    answered = int(total["Request Count"])
    print(
        f"server CPU: {server_cpu:.1f} s over {answered:,} requests, "
        f"{1000 * server_cpu / max(1, answered):.2f} ms per request "
        f"({server_cpu / args.duration:.2f} cores busy on average)"
    )
    p99 = float(total["99%"])
    met = p99 < args.p99 and int(total["Failure Count"]) == 0
    print(
        f"p99 {p99:.0f} ms (goal < {args.p99:.0f} ms), {total['Failure Count']} errors: "
        + ("goal met" if met else "goal missed")
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
