"""Shapley-Shubik values of large weighted games in float64 (Owen's multilinear extension).

``phi_i = integral_0^1 Pr_t[q - c <= w(S_t) < q] dt`` where ``S_t`` holds each
other player with probability ``t`` and ``c`` is ``i``'s weight. The integrand
is a polynomial of degree ``n - 1`` in ``t``, so Gauss-Legendre quadrature with
``n/2`` nodes is exact up to rounding. Nodes ``t > 1/2`` follow from ``1 - t``
by complement (``S -> others - S``), so distributions are computed for
``t < 1/2`` only, each truncated at ``max(q, W - q + 1)``.

Two savings keep the result within a proven bound of the full quadrature:

* a node whose integrand is below ``1e-19`` for every weight class, by a
  Chernoff bound on ``Pr_t[w(S_t) >= q - c_max]`` (and the complement's
  threshold), is skipped: the integrand is a sum of those tail probabilities
  and the skipped nodes together change no value by more than ``1e-16``;
* the deconvolution by ``1 - t + t z^c`` is the alternating series
  ``sum_k (-r)^k (...)`` with ``r = t / (1 - t) < 1`` and terms at most 1, so
  it is cut after ``K`` terms with ``r^K / (1 - r) < 1e-20``.

Distributions are built per weight class with binomial expansion (all terms
positive: no cancellation) and the window sums are read off long-double prefix
sums. Measured error against the exact fractions: docs/power.md.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Float = npt.NDArray[np.float64]

_BLOCK = 16
_NODE_TAIL = 1e-19
_SERIES_TAIL = 1e-20


@functools.lru_cache(maxsize=16)
def _gauss_legendre(count: int) -> tuple[Float, Float]:
    half = count // 2
    k = np.arange(1, half + 1, dtype=np.float64)
    x = np.cos(np.pi * (k - 0.25) / (count + 0.5))
    for _ in range(100):
        p0 = np.ones_like(x)
        p1 = x.copy()
        for j in range(2, count + 1):
            p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
        dp = count * (x * p1 - p0) / (x * x - 1)
        step = p1 / dp
        x = x - step
        if float(np.max(np.abs(step))) < 1e-16:
            break
    p0 = np.ones_like(x)
    p1 = x.copy()
    for j in range(2, count + 1):
        p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
    dp = count * (x * p1 - p0) / (x * x - 1)
    w = 2.0 / ((1 - x * x) * dp * dp)
    t, wt = (1 - x) / 2, w / 2
    t.flags.writeable = False
    wt.flags.writeable = False
    return t, wt


def gauss_legendre(count: int) -> tuple[Float, Float]:
    """The ``count`` (even) Gauss-Legendre nodes in ``(0, 1/2)`` on ``[0, 1]`` and their weights.

    Newton's method on the Legendre three-term recurrence; the other half of
    the nodes are ``1 - t`` with the same weights.
    """
    return _gauss_legendre(count)


def clear_cache() -> None:
    """Forget the cached quadrature nodes."""
    _gauss_legendre.cache_clear()


def _forward(t: Float, classes: list[tuple[int, int]], width: int) -> Float:
    """``Pr_t[w(S_t) = x]`` for ``x < width`` and each node ``t`` (rows), all players."""
    rows = len(t)
    a = (1 - t)[:, None]
    b = t[:, None]
    prob = np.zeros((rows, width))
    prob[:, 0] = 1.0
    out = np.empty_like(prob)
    tmp = np.empty_like(prob)
    reach = 1  # columns 0..reach-1 may be non-zero
    for c, m in classes:
        if c == 0:  # (1 - t + t)^m = 1
            continue
        if c >= width:
            prob[:, :reach] *= a**m
            continue
        top = min(width, reach + m * c)
        prob[:, reach:top] = 0.0  # columns beyond reach are stale
        np.multiply(prob[:, :top], a**m, out=out[:, :top])
        for k in range(1, m + 1):
            s = k * c
            if s >= top:
                break
            stop = min(top, reach + s)
            coef = math.comb(m, k) * a ** (m - k) * b**k
            np.multiply(prob[:, : stop - s], coef, out=tmp[:, : stop - s])
            np.add(out[:, s:stop], tmp[:, : stop - s], out=out[:, s:stop])
        prob, out = out, prob
        reach = top
    if reach < width:
        prob[:, reach:] = 0.0
    return prob


def _tail_bounds(t: Float, classes: list[tuple[int, int]], thresholds: Sequence[int]) -> Float:
    """Chernoff bounds on ``Pr_t[w(S_t) >= threshold]`` (all players): (thresholds, nodes).

    ``Pr[X >= a] <= exp(-lambda a) E exp(lambda X)`` for every ``lambda > 0``;
    the least over a grid of ``lambda`` is taken.
    """
    big = max(c for c, _ in classes)
    if big == 0:
        return np.ones((len(thresholds), len(t)))
    lam = np.geomspace(1e-5, 60.0, 48)[:, None] / big
    log_t = np.log(t)[None, :]
    log_1t = np.log1p(-t)[None, :]
    cs = np.asarray([c for c, _ in classes], dtype=np.float64)
    ms = np.asarray([m for _, m in classes], dtype=np.float64)
    # log E exp(lambda X) = sum_c m_c log(1 - t + t e^(lambda c)): (lambdas, nodes)
    terms = np.logaddexp(log_1t[:, None, :], log_t[:, None, :] + (lam * cs)[:, :, None])
    mgf = np.einsum("c,lcn->ln", ms, terms)
    out = np.empty((len(thresholds), len(t)))
    for i, a in enumerate(thresholds):
        out[i] = np.exp(np.minimum((mgf - lam * a).min(axis=0), 0.0))
    return out


def ss_float(weights: Sequence[int], quota: int, classes: Sequence[int]) -> dict[int, float]:
    """Shapley-Shubik values by class of weight, float64 Gauss-Legendre quadrature."""
    n = len(weights)
    total = sum(weights)
    count = n // 2 + 1
    count += count % 2
    t_all, wt_all = gauss_legendre(count)
    width = max(quota, total - quota + 1)
    items = sorted((c, weights.count(c)) for c in set(weights))
    biggest = max(classes)
    tops = (quota, total - quota + 1)
    bound = _tail_bounds(t_all, items, [max(0, top - biggest) for top in tops]).sum(axis=0)
    keep = wt_all * bound > _NODE_TAIL
    t, wt = t_all[keep], wt_all[keep]
    out: dict[int, float] = {c: 0.0 for c in classes}
    if not len(t):
        return out
    prob = np.vstack([_forward(t[i : i + _BLOCK], items, width) for i in range(0, len(t), _BLOCK)])
    cum = np.zeros((len(t), width + 1), dtype=np.longdouble)
    np.cumsum(prob, axis=1, dtype=np.longdouble, out=cum[:, 1:])
    ratio = t / (1 - t)
    # terms k of the series with r^k / (1 - r) < 1e-20 are dropped (blocks hold at most 1)
    terms = np.ceil(np.log(_SERIES_TAIL * (1 - ratio)) / np.log(ratio)).astype(np.int64) + 1
    # and those whose blocks all lie below x_low, where cum < 1e-20 (r^k <= 1)
    x_low = np.asarray([np.searchsorted(row, _SERIES_TAIL) for row in cum], dtype=np.int64)
    powers = (-ratio)[:, None] ** np.arange(min(int(terms.max()), width + 1))[None, :]
    for c in classes:
        if c == 0:
            continue
        value = np.zeros_like(t)
        # window [quota - c, quota) at t, and at 1 - t by complement: [W - q - c + 1, W - q]
        for top in tops:
            needed = int(np.minimum(terms, (top - x_low) // c + 2).max())
            steps = np.arange(max(1, min((top - 1) // c + 1, needed, powers.shape[1])))
            hi = np.clip(top - steps * c, 0, width)
            lo = np.clip(top - c - steps * c, 0, width)
            win = (cum[:, hi] - cum[:, lo]).astype(np.float64)
            value += (win * powers[:, : len(steps)]).sum(axis=1)
        out[c] = float((wt * value / (1 - t)).sum())
    return out
