"""Benchmark: the web app on many distinct URLs, cache off and on, against Datasette.

Three servers run side by side on one SQLite file:

* ``unsc serve`` with ``UNSC_WEB_CACHE=0``: no response cache, no record
  cache -- every request runs its queries (the uncached path);
* ``unsc serve`` as deployed (responses and record reads kept, bounded LRU);
* ``datasette serve -i`` on the same file, with the equivalent queries: its
  primary-key row lookup, the same SQL as parameterised canned-style queries;
  an HTML page of unsc is set against Datasette's HTML page of the same row or
  query (and, for reference, against its JSON).

Every request picks a random address from a list (``wrk`` with a Lua script;
Debian package ``wrk``): random resolutions, dates, members and years, so no
run repeats one URL. With the cache on, addresses repeat only as the random
draws do (over thousands of resolutions and dates, seldom; over 126 members,
often): those figures are labelled "cache on". The runs are interleaved
(every target once, then again), ``--repeat`` times; the table shows each
target's median requests/s, p50 and p99 over the repeats, and the conditions
(load average at every run, cores, versions).

Usage: python bench/web_bench.py [--data ../shared/data | --database FILE]
       [--workers 2] [--connections 20] [--duration 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pathlib
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from _serving import free_port, tree_cpu_seconds, wait_ready

ROOT = pathlib.Path(__file__).resolve().parent.parent

LUA = """
local paths = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  math.randomseed(os.time() * 97 + id)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""

DECISION_SQL = """select d.*, (select group_concat(member || ':' || position, ',') from
(select member, position from votes v where v.decision_id = d.id order by member)) as votes
from decisions d where d.key = :key"""
AGREEMENT_SQL = """select other.member, count(*) as votes_together,
sum(case when other.position = mine.position then 1 else 0 end) as same_position
from votes other join (select decision_id, position from votes where member = :code) mine
on mine.decision_id = other.decision_id
where other.member != :code and mine.position != 'X' and other.position != 'X'
group by other.member"""
YEAR_SQL = """select * from decisions where resolution is not null
and date >= :start and date < :end order by resolution"""


@dataclass
class Target:
    """One endpoint on one server, with the addresses a run picks from."""

    name: str
    server: str
    paths: list[str]
    runs: list[tuple[float, float, float, str]] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # the server's CPU per request, per run

    def median(self, i: int) -> float:
        """The median over the repeats of figure ``i`` (0 requests/s, 1 p50, 2 p99)."""
        return statistics.median(r[i] for r in self.runs)


def _ms(out: str, which: str) -> float:
    match = re.search(rf"^\s+{which}%\s+([\d.]+)(us|ms|s|m)\b", out, re.MULTILINE)
    if match is None:
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(
    base: str, paths: pathlib.Path, script: pathlib.Path, args: argparse.Namespace, duration: int
) -> tuple[float, float, float, str]:
    """One wrk run over random addresses: requests/s, p50 and p99 (ms), errors."""
    out = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{duration}s",
            "--latency",
            "-s",
            str(script),
            base,
            "--",
            str(paths),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.findall(r"Non-2xx or 3xx responses: \d+|Socket errors: .*", out)
    return rps, _ms(out, "50"), _ms(out, "99"), "; ".join(errors)


def build_database(data: pathlib.Path, target: pathlib.Path) -> None:
    """Load ``data`` into ``target``."""
    from unsc._record.api import Record

    Record(f"sqlite:///{target}").load(data)


def _sql(sql: str, **params: str) -> str:
    return "/record.json?" + urllib.parse.urlencode({"sql": sql, **params, "_shape": "array"})


def targets(database: pathlib.Path, seed: int) -> list[Target]:
    """The endpoints and their random addresses, read from the database itself."""
    rng = random.Random(seed)
    with sqlite3.connect(database) as conn:
        resolutions = conn.execute(
            "select id, key, resolution from decisions where resolution is not null"
        ).fetchall()
        members = [r[0] for r in conn.execute("select distinct member from votes order by 1")]
    rng.shuffle(resolutions)
    first, last = dt.date(1946, 1, 17), dt.date(2027, 12, 31)
    days = [first + dt.timedelta(rng.randrange((last - first).days + 1)) for _ in range(5000)]
    years = list(range(1946, 2026))
    keys = [k for _, k, _ in resolutions]
    out: list[Target] = []
    for server in ("unsc-off", "unsc-on"):
        out += [
            Target("GET /api/decisions/res:N", server, [f"/api/decisions/{k}" for k in keys]),
            Target("GET /decisions/res:N (page)", server, [f"/decisions/{k}" for k in keys]),
            Target("GET /api/members/CODE", server, [f"/api/members/{m}" for m in members]),
            Target("GET /members/CODE (page)", server, [f"/members/{m}" for m in members]),
            Target("GET /api/council/DATE", server, [f"/api/council/{d}" for d in days]),
            Target(
                "GET /api/resolutions?year=Y", server, [f"/api/resolutions?year={y}" for y in years]
            ),
        ]
    out += [
        Target(
            "decision row by primary key",
            "datasette",
            [f"/record/decisions/{i}.json" for i, _, _ in resolutions],
        ),
        Target(
            "decision row page by primary key (HTML)",
            "datasette",
            [f"/record/decisions/{i}" for i, _, _ in resolutions],
        ),
        Target(
            "decision by key, with its votes (SQL)",
            "datasette",
            [_sql(DECISION_SQL, key=k) for k in keys],
        ),
        Target(
            "member agreement self-join (SQL)",
            "datasette",
            [_sql(AGREEMENT_SQL, code=m) for m in members],
        ),
        Target(
            "member agreement self-join (SQL, HTML table)",
            "datasette",
            [
                _sql(AGREEMENT_SQL, code=m)
                .replace("record.json", "record")
                .replace("&_shape=array", "")
                for m in members
            ],
        ),
        Target(
            "member agreement, precomputed table",
            "datasette",
            [f"/record/agreement.json?member={m}&_shape=array" for m in members],
        ),
        Target(
            "resolutions of a year (SQL)",
            "datasette",
            [_sql(YEAR_SQL, start=f"{y}-01-01", end=f"{y + 1}-01-01") for y in years],
        ),
    ]
    return out


EQUIVALENT = {
    "GET /api/decisions/res:N": (
        "decision row by primary key",
        "decision by key, with its votes (SQL)",
    ),
    "GET /decisions/res:N (page)": (
        "decision row page by primary key (HTML)",
        "decision row by primary key",
    ),
    "GET /api/members/CODE": (
        "member agreement self-join (SQL)",
        "member agreement, precomputed table",
    ),
    "GET /members/CODE (page)": (
        "member agreement self-join (SQL, HTML table)",
        "member agreement self-join (SQL)",
    ),
    "GET /api/resolutions?year=Y": ("resolutions of a year (SQL)",),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--database", type=pathlib.Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=16)
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
    # Migrate (chamber tables, the precomputed agreement) before Datasette opens it immutable.
    from unsc._web.databases import write_engine

    write_engine(f"sqlite:///{database}").dispose()
    script = work / "random.lua"
    script.write_text(LUA, encoding="utf-8")
    todo = targets(database, args.seed)
    ports = {name: free_port() for name in ("unsc-off", "unsc-on", "datasette")}
    base_env = {**os.environ, "UNSC_TOKEN": "bench", "UNSC_AUTOLOAD": "0"}
    serve = [
        sys.executable,
        "-c",
        "from unsc._cli.web import serve_cmd; serve_cmd()",
        "--database",
        f"sqlite:///{database}",
        "--workers",
        str(args.workers),
    ]
    servers = {
        "unsc-off": subprocess.Popen(
            [*serve, "--port", str(ports["unsc-off"])],
            env={**base_env, "UNSC_WEB_CACHE": "0"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        "unsc-on": subprocess.Popen(
            [*serve, "--port", str(ports["unsc-on"])],
            env={**base_env, "UNSC_WEB_CACHE": "1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        "datasette": subprocess.Popen(
            [datasette, "serve", "-i", str(database), "--port", str(ports["datasette"])],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    }
    bases = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    try:
        wait_ready(servers["unsc-off"], f"{bases['unsc-off']}/api/status")
        wait_ready(servers["unsc-on"], f"{bases['unsc-on']}/api/status")
        wait_ready(servers["datasette"], f"{bases['datasette']}/record.json?sql=select+1")
        for i, t in enumerate(todo):
            t_paths = work / f"paths-{i}.txt"
            t_paths.write_text("\n".join(t.paths) + "\n", encoding="utf-8")
            for path in (t.paths[0], t.paths[-1]):  # a first check: each kind answers
                try:
                    with urllib.request.urlopen(bases[t.server] + path, timeout=30):
                        pass
                except urllib.error.HTTPError as exc:  # counted by wrk as non-2xx too
                    print(f"warning: {t.server} {path}: {exc}", file=sys.stderr)
            wrk(bases[t.server], t_paths, script, args, 1)  # warm-up
        for _ in range(args.repeat):  # interleaved: every target once per round
            for i, t in enumerate(todo):
                t.loads.append(os.getloadavg()[0])
                cpu = tree_cpu_seconds(servers[t.server].pid)
                run = wrk(bases[t.server], work / f"paths-{i}.txt", script, args, args.duration)
                cpu = tree_cpu_seconds(servers[t.server].pid) - cpu
                t.runs.append(run)
                t.cpu_ms.append(1000 * cpu / max(1.0, run[0] * args.duration))
    finally:
        for proc in servers.values():
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    report(todo, args, datasette)


def report(todo: list[Target], args: argparse.Namespace, datasette: str) -> None:
    """The conditions, then one Markdown table per server kind.

    "CPU ms/req" is the server's CPU time (its workers included) over a run
    divided by the requests it answered, median over the runs.
    """
    loads = [x for t in todo for x in t.loads]
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, random address per "
        f"request; {args.repeat} interleaved rounds, medians shown; unsc with {args.workers} "
        f"uvicorn workers; Datasette {_version(datasette)}; {os.cpu_count()} cores; load "
        f"average (1 min) at the runs: median {statistics.median(loads):.1f}, "
        f"max {max(loads):.1f}\n"
    )
    by = {(t.server, t.name): t for t in todo}
    print(
        "| endpoint (distinct URLs) | addresses | cache off: req/s | p50 ms | p99 ms "
        "| CPU ms/req | cache on: req/s | p50 ms | p99 ms | CPU ms/req | errors |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for t in todo:
        if t.server != "unsc-off":
            continue
        on = by[("unsc-on", t.name)]
        errors = "; ".join(e for r in (*t.runs, *on.runs) if (e := r[3])) or "none"
        print(
            f"| {t.name} | {len(t.paths)} | {t.median(0):.0f} | {t.median(1):.1f} | "
            f"{t.median(2):.1f} | {statistics.median(t.cpu_ms):.2f} | {on.median(0):.0f} | "
            f"{on.median(1):.1f} | {on.median(2):.1f} | {statistics.median(on.cpu_ms):.2f} "
            f"| {errors} |"
        )
    print(
        "\n| Datasette, equivalent query (distinct URLs) | req/s | p50 ms | p99 ms "
        "| CPU ms/req | errors |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for t in todo:
        if t.server == "datasette":
            errors = "; ".join(e for r in t.runs if (e := r[3])) or "none"
            print(
                f"| {t.name} | {t.median(0):.0f} | {t.median(1):.1f} | {t.median(2):.1f} "
                f"| {statistics.median(t.cpu_ms):.2f} | {errors} |"
            )
    print("\n| unsc, cache off | against Datasette's | throughput ratio |")
    print("| --- | --- | ---: |")
    for name, others in EQUIVALENT.items():
        mine = by[("unsc-off", name)].median(0)
        for other in others:
            theirs = by[("datasette", other)].median(0)
            print(f"| {name} | {other} | {mine / theirs:.2f}x |")


def _version(datasette: str) -> str:
    out = subprocess.run([datasette, "--version"], capture_output=True, text=True).stdout
    return out.split()[-1] if out else "?"


if __name__ == "__main__":
    main()
