"""Power indices: unsc against power-bdd, powerindex and powerindices, side by side.

Run: .venv/bin/python bench/power_bench.py [--timeout SECONDS] [--quick]
(needs the bench extra: pip install -e '.[bench]').

Each package runs each game in a child process with a time limit; a result
counts as correct when it agrees with unsc's exact values to 1e-12 (and for
n=500, where no exact reference is affordable, with the float64 result).
Times are the best of several runs. Ratios are the fastest correct package's
time divided by unsc's (higher is better for unsc).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import platform
import random
import time
from collections.abc import Callable
from typing import Any

Games = dict[str, tuple[Any, ...]]


def games(quick: bool) -> Games:
    from unsc._power import builtin_game

    out: Games = {}
    for name in ("council-1946", "council-1966", "eu27"):
        out[name] = ("builtin", name)
    sizes = (50, 100) if quick else (50, 100, 200, 500)
    for n in sizes:
        rng = random.Random(n)
        weights = [rng.randint(1, 100) for _ in range(n)]
        out[f"random-{n}"] = ("weighted", weights, sum(weights) // 2 + 1)
    assert builtin_game("eu27")
    return out


def _weights_quota(spec: tuple[Any, ...]) -> tuple[list[int], int]:
    from unsc._power import builtin_game

    if spec[0] == "weighted":
        return list(spec[1]), int(spec[2])
    qw = builtin_game(spec[1]).quota_weights
    if qw is None:
        raise LookupError("not a single-quota game")
    return list(qw[0]), qw[1]


def run_unsc(spec: tuple[Any, ...], index: str) -> list[float]:
    from unsc._power import Game, builtin_game, power_indices

    game = builtin_game(spec[1]) if spec[0] == "builtin" else Game.weighted(spec[1], spec[2])
    result = power_indices(game, index)
    if index == "ss":
        return [float(p.shapley_shubik or 0) for p in result.players]
    return [float(p.banzhaf_absolute or 0) for p in result.players]


def _eu_bdd() -> Any:
    from power_bdd.bdd import BDD, WeightedGame

    from unsc._power import builtin_game
    from unsc._power.games import Quota

    rule = builtin_game("eu27").rule
    (and_part, blocking) = rule.parts  # type: ignore[union-attr]
    members, population = and_part.parts

    def bdd(q: Quota) -> Any:
        return BDD(WeightedGame(q.quota, list(q.weights)))

    return bdd(members) & bdd(population) | bdd(blocking)


def run_power_bdd(spec: tuple[Any, ...], index: str) -> list[float]:
    from power_bdd.bdd import BDD, WeightedGame

    if spec == ("builtin", "eu27"):
        bdd = _eu_bdd()
    else:
        weights, quota = _weights_quota(spec)
        bdd = BDD(WeightedGame(quota, weights))
    return list(bdd.calc_shapley() if index == "ss" else bdd.calc_banzhaf())


def run_powerindex(spec: tuple[Any, ...], index: str) -> list[float]:
    import powerindex

    weights, quota = _weights_quota(spec)
    game = powerindex.Game(quota, weights)
    if index == "ss":
        game.calc_shapley_shubik()
        return list(game.shapley_shubik)
    game.calc_banzhaf()  # normalised: rescaled below to absolute for comparison
    return list(game.banzhaf)


def run_powerindices(spec: tuple[Any, ...], index: str) -> list[float]:
    import powerindices

    weights, quota = _weights_quota(spec)
    if index == "ss":
        return [float(v) for v in powerindices.compute_ssi(quota, list(weights))]
    return [float(v) for v in powerindices.compute_pbi(quota, list(weights))]


RUNNERS: dict[str, Callable[[tuple[Any, ...], str], list[float]]] = {
    "unsc": run_unsc,
    "power-bdd": run_power_bdd,
    "powerindex": run_powerindex,
    "powerindices": run_powerindices,
}


def _child(name: str, spec: tuple[Any, ...], index: str, budget: float, conn: Any) -> None:
    try:
        func = RUNNERS[name]
        func(spec, index)  # warm-up (imports, caches of the package itself)
        best = float("inf")
        values: list[float] = []
        spent = 0.0
        runs = 0
        while runs < 3 or (spent < budget and runs < 200):
            t0 = time.perf_counter()
            values = func(spec, index)
            dt = time.perf_counter() - t0
            best = min(best, dt)
            spent += dt
            runs += 1
            if dt > 1.0:
                break
        conn.send(("ok", best, values))
    except Exception as exc:  # a package failing is a result, not a crash
        conn.send(("error", 0.0, f"{type(exc).__name__}: {exc}"[:80]))


def measure(name: str, spec: tuple[Any, ...], index: str, timeout: float) -> tuple[str, Any, Any]:
    parent, child = mp.Pipe()
    proc = mp.Process(target=_child, args=(name, spec, index, 0.5, child))
    proc.start()
    if parent.poll(timeout):
        status, best, values = parent.recv()
    else:
        status, best, values = "timeout", 0.0, None
    proc.kill()
    proc.join()
    return status, best, values


def _normalise(values: list[float]) -> list[float]:
    total = sum(values)
    return [v / total for v in values] if total else values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per package/game")
    parser.add_argument("--quick", action="store_true", help="skip n=200 and n=500")
    args = parser.parse_args()
    cores = mp.cpu_count()
    print(f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}")
    print(f"time limit per package and game: {args.timeout:.0f} s\n")
    head = f"{'game':<14}{'index':<7}" + "".join(f"{n:>16}" for n in RUNNERS) + f"{'ratio':>9}"
    print(head)
    for gname, spec in games(args.quick).items():
        for index in ("ss", "bz"):
            results = {n: measure(n, spec, index, args.timeout) for n in RUNNERS}
            ref = results["unsc"][2]
            cells = []
            fastest_other = float("inf")
            for name, (status, best, values) in results.items():
                if status != "ok":
                    cells.append(status)
                    continue
                if name == "powerindex" and index == "bz":
                    ok = max(abs(a - b) for a, b in zip(values, _normalise(ref), strict=True))
                else:
                    ok = max(abs(a - b) for a, b in zip(values, ref, strict=True))
                if ok > 1e-12:
                    cells.append(f"wrong({ok:.0e})")
                    continue
                cells.append(f"{best * 1e3:.3f} ms")
                if name != "unsc":
                    fastest_other = min(fastest_other, best)
            unsc_time = results["unsc"][1]
            ratio = f"{fastest_other / unsc_time:.1f}x" if fastest_other < float("inf") else "-"
            print(f"{gname:<14}{index:<7}" + "".join(f"{c:>16}" for c in cells) + f"{ratio:>9}")


if __name__ == "__main__":
    main()
