"""Power indices: unsc against power-bdd, powerindex and powerindices, side by side.

Run: .venv/bin/python bench/power_bench.py [--timeout SECONDS] [--repeat K] [--quick]
(needs the bench extra: pip install -e '.[bench]').

Each package runs each game in a child process with a time limit, K times
(fresh processes); within a process the time is the best of several calls
after one warm-up call, and the table shows the median over the K processes
(a package that takes over 2 s, or fails, is run once). unsc's cache of
results is cleared before every timed call, so its times are of first
calls: the computation, with imports warm as for the other packages (the
"cached" column shows a repeated call). unsc returns exact fractions; the
floats compared are read with ``PowerResult.column``, as the other packages
return float lists.

A result counts as correct when it agrees to 1e-12 with the bench's own
exact reference (``reference`` below): big-integer generating functions of
the weighted game, written here and sharing no code with ``unsc._power``,
checked for every package, unsc included. The reference covers Banzhaf for
every weighted game and Shapley-Shubik up to 100 players; where it does not
reach (eu27, a composite rule; Shapley-Shubik at n = 200 and 500) results are
compared with unsc's exact fractions instead, and the column says so
(``~unsc``). At n = 200 and 500 unsc uses float64 quadrature by default; the
``ss exact`` rows time ``exact=True`` and give the default's error. Ratios
are the fastest correct package's median time divided by unsc's (higher is
better for unsc).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

Games = dict[str, tuple[Any, ...]]
Result = tuple[str, float, Any]


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


REFERENCE_SS_PLAYERS = 100


def _product(weights: list[int], top: int, by_size: bool) -> Any:
    """Coefficients of prod_i (1 + y z^w_i) (or with y = 1) below z^top, as Python ints."""
    import numpy as np

    sizes = len(weights) + 1 if by_size else 1
    table = np.zeros((sizes, top), dtype=object)
    table[:, :] = 0
    table[0, 0] = 1
    for count, w in enumerate(weights, start=1):
        if w >= top:
            continue
        if by_size:  # rows from the largest size down: each reads a row not yet updated
            for s in range(min(count, sizes - 1), 0, -1):
                table[s, w:] += table[s - 1, : top - w]
        else:
            table[0, w:] = table[0, w:] + table[0, : top - w]
    return table


def reference(spec: tuple[Any, ...], index: str) -> list[float] | None:
    """Exact Shapley-Shubik or absolute Banzhaf of a weighted game, independently of unsc.

    Swings of player i: coalitions S of the others with q - w_i <= w(S) < q.
    Their generating function is that of all players divided by (1 + y z^w_i),
    an exact integer division done row by row (size by size). Values are exact
    fractions, returned as floats.
    """
    import math
    from fractions import Fraction

    try:
        weights, quota = _weights_quota(spec)
    except LookupError:
        return None  # not a weighted game
    n = len(weights)
    by_size = index == "ss"
    if by_size and n > REFERENCE_SS_PLAYERS:
        return None
    full = _product(weights, quota, by_size)
    out: dict[int, float] = {}
    for w in set(weights):
        if w >= quota:  # a dictator's swings: every coalition of the others that loses
            others = [x for x in weights]
            others.remove(w)
            without = _product(others, quota, by_size)
        else:
            without = full.copy()
            for s in range(without.shape[0]):  # divide by (1 + y z^w): T'[s] = T[s] - z^w T'[s-1]
                if s:
                    without[s, w:] -= without[s - 1, : quota - w]
                elif not by_size:  # one row: the division runs along the weights
                    for x in range(w, quota):
                        without[0, x] -= without[0, x - w]
        lo = max(0, quota - w)
        if by_size:
            total = Fraction(0)
            for s in range(n):
                swings = int(sum(without[s, lo:quota])) if s < without.shape[0] else 0
                total += Fraction(swings * math.factorial(s) * math.factorial(n - 1 - s))
            out[w] = float(total / math.factorial(n))
        else:
            out[w] = float(Fraction(int(sum(without[0, lo:quota])), 2 ** (n - 1)))
    return [out[w] for w in weights]


def _unsc(spec: tuple[Any, ...], index: str, exact: bool | None) -> list[float]:
    from unsc._power import Game, Index, builtin_game, power_indices

    game = builtin_game(spec[1]) if spec[0] == "builtin" else Game.weighted(spec[1], spec[2])
    if index == "ss":
        return power_indices(game, "ss", exact=exact).column(Index.SHAPLEY_SHUBIK)
    return power_indices(game, "bz").column(Index.BANZHAF, absolute=True)


def run_unsc(spec: tuple[Any, ...], index: str) -> list[float]:
    return _unsc(spec, index, None)


def run_unsc_exact(spec: tuple[Any, ...], index: str) -> list[float]:
    return _unsc(spec, index, True)


def _clear_unsc() -> None:
    from unsc._power.indices import clear_cache

    clear_cache()


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
PREPARE: dict[str, Callable[[], None]] = {"unsc": _clear_unsc, "unsc-exact": _clear_unsc}
EXTRA: dict[str, Callable[[tuple[Any, ...], str], list[float]]] = {"unsc-exact": run_unsc_exact}


def _child(name: str, spec: tuple[Any, ...], index: str, cached: bool, conn: Any) -> None:
    try:
        func = RUNNERS.get(name) or EXTRA[name]
        prepare = PREPARE.get(name) if not cached else None
        func(spec, index)  # warm-up (imports, caches of the package itself)
        best = float("inf")
        values: list[float] = []
        spent = 0.0
        runs = 0
        while runs < 3 or (spent < 0.5 and runs < 2000):
            if prepare is not None:
                prepare()  # unsc: forget cached results, so that the call computes
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


def measure_once(
    name: str, spec: tuple[Any, ...], index: str, timeout: float, cached: bool = False
) -> Result:
    parent, child = mp.Pipe()
    proc = mp.Process(target=_child, args=(name, spec, index, cached, child))
    proc.start()
    if parent.poll(timeout):
        status, best, values = parent.recv()
    else:
        status, best, values = "timeout", 0.0, None
    proc.kill()
    proc.join()
    return status, best, values


def measure(name: str, spec: tuple[Any, ...], index: str, timeout: float, repeat: int) -> Result:
    """Median over ``repeat`` processes of the best time (one process if slow or failing)."""
    status, best, values = measure_once(name, spec, index, timeout)
    times = [best]
    while status == "ok" and best < 2.0 and len(times) < repeat:
        again = measure_once(name, spec, index, timeout)
        if again[0] != "ok":
            break
        times.append(again[1])
    return status, statistics.median(times), values


def _normalise(values: list[float]) -> list[float]:
    total = sum(values)
    return [v / total for v in values] if total else values


def _fmt(seconds: float) -> str:
    ms = seconds * 1e3
    return f"{ms:.4f} ms" if ms < 0.1 else f"{ms:.3f} ms" if ms < 100 else f"{ms:.0f} ms"


def _load() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per package/game")
    parser.add_argument("--repeat", type=int, default=3, help="processes per package/game")
    parser.add_argument("--quick", action="store_true", help="skip n=200 and n=500")
    args = parser.parse_args()
    cores = mp.cpu_count()
    import numpy

    print(
        f"machine: {platform.machine()}, {cores} cores, Python {platform.python_version()}, "
        f"numpy {numpy.__version__}"
    )
    print(f"time limit per package and game: {args.timeout:.0f} s; median of {args.repeat}")
    print(f"load average at start (1, 5, 15 min): {_load()}\n")
    names = list(RUNNERS)
    head = f"{'game':<14}{'index':<9}" + "".join(f"{n:>16}" for n in names)
    print(head + f"{'ratio':>9}{'cached':>14}")
    checked: list[str] = []
    for gname, spec in games(args.quick).items():
        rows = ["ss", "bz"]
        if gname in ("random-200", "random-500"):
            rows.append("ss exact")
        for row in rows:
            index = row.split()[0]
            if row == "ss exact":
                # a warm-up call and a timed call of several seconds each: a longer limit
                limit = 5 * args.timeout
                results = {"unsc": measure("unsc-exact", spec, index, limit, args.repeat)}
                ref = results["unsc"][2]
                cells = [_fmt(results["unsc"][1]) if results["unsc"][0] == "ok" else "timeout"]
                cells += ["-"] * (len(names) - 1)
                default = measure_once("unsc", spec, index, args.timeout)[2]
                err = max(abs(a - b) for a, b in zip(default, ref, strict=True)) if ref else 0
                print(
                    f"{gname:<14}{row:<9}"
                    + "".join(f"{c:>16}" for c in cells)
                    + f"  float64 default within {err:.1e} of exact"
                )
                continue
            results = {n: measure(n, spec, index, args.timeout, args.repeat) for n in names}
            ref = reference(spec, index)
            against = "reference"
            if ref is None:  # beyond the reference: unsc's exact fractions
                ref = measure_once("unsc-exact", spec, index, 5 * args.timeout)[2]
                against = "~unsc"
            checked.append(f"{gname} {row}: {against}")
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
                cells.append(_fmt(best) + ("" if against == "reference" else "~"))
                if name != "unsc":
                    fastest_other = min(fastest_other, best)
            unsc_time = results["unsc"][1]
            ratio = f"{fastest_other / unsc_time:.1f}x" if fastest_other < float("inf") else "-"
            cached = measure_once("unsc", spec, index, args.timeout, cached=True)
            print(
                f"{gname:<14}{row:<9}"
                + "".join(f"{c:>16}" for c in cells)
                + f"{ratio:>9}{_fmt(cached[1]):>14}",
                flush=True,
            )
    print(f"\nload average at end (1, 5, 15 min): {_load()}")
    print("correctness checked against: " + "; ".join(checked))
    print("(~: no independent reference for this row; compared with unsc's exact fractions)")


if __name__ == "__main__":
    main()
