"""How sure a map is of its groups: a bootstrap over the participants.

A map always has groups: k-means finds k of them in any cloud of points, also where the
participants form one continuous spread. Before a forum publishes "these stakeholders think
alike", it should know whether the groups would come out the same from a slightly different
set of participants. So the participants in the map are drawn again with replacement
(``resamples`` times), the engine's clustering (base clusters, then groups at the map's k) is
run on each draw, and each draw's groups are compared with the map's:

- ``mean_ari``: the mean adjusted Rand index between a draw's groups and the map's groups, over
  the participants drawn (1: the same partition every time; 0: no better than chance);
- ``co_assignment``: the share of pairs of participants, drawn together, that a draw puts
  together or apart as the map does;
- ``silhouette``: the silhouette of the chosen k on the base clusters (as the engine chose it);
- ``separation``: how much tighter the groups are than k-means would make them in one
  unimodal cloud of the same shape (the gap statistic of Tibshirani, Walther and Hastie 2001
  against a Gaussian with the participants' mean and covariance): about 0 when the groups cut
  a continuum, clearly above 0 (0.5 or more) when they are separate clouds.

The map counts as showing stable groups when ``mean_ari`` reaches ``STABLE_ARI`` (a bootstrap
ARI of 0.6 or more is the usual reading of "reproducible clusters"; Hennig 2007 uses the
Jaccard analogue with 0.6-0.75). Pol.is publishes groups without such a figure.

What "stable" does not say: a cloud with no groups but a long axis is cut the same way in
every draw, so it reads as stable; ``separation`` tells that case apart. On the eleven real
Pol.is conversations the separation is near 0 for most (docs/opinionmap.md): their groups are
reproducible cuts of a continuum of opinion, not separate camps, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from opinionmap.cluster import cold_kmeans, first_distinct, inertia, kmeans
from opinionmap.matrix import FloatArray, IntArray
from opinionmap.result import OpinionMap
from opinionmap.state import Params
from opinionmap.synthetic import adjusted_rand_index

STABLE_ARI = 0.6
# Above this many participants, the bootstrap draws from a random subset of this size: the
# figure is an estimate either way, and 50 draws of 100,000 would take minutes.
MAX_POINTS = 3_000
MAX_PAIRS = 20_000


@dataclass(frozen=True)
class Stability:
    """The bootstrap figures of one map (see the module's description)."""

    resamples: int
    participants: int
    mean_ari: float
    co_assignment: float
    silhouette: float | None
    separation: float
    stable: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "resamples": self.resamples,
            "participants": self.participants,
            "mean_ari": round(self.mean_ari, 4),
            "co_assignment": round(self.co_assignment, 4),
            "silhouette": None if self.silhouette is None else round(self.silhouette, 4),
            "separation": round(self.separation, 4),
            "stable": self.stable,
        }


def _groups_of(points: FloatArray, k: int, params: Params, seed: int) -> IntArray:
    """The engine's clustering of `points` at `k`: base clusters, then groups of them."""
    base_k = min(params.base_k, len(points))
    base = kmeans(points, first_distinct(points, base_k), max_iters=params.base_iters)
    sizes = np.bincount(base.labels, minlength=base.k).astype(np.float64)
    if base.k < k:
        return np.asarray(base.labels, dtype=np.int64)
    groups = cold_kmeans(
        base.centres,
        k,
        weights=sizes,
        max_iters=params.group_iters,
        restarts=max(1, params.group_restarts // 2),
        seed=seed,
    )
    return np.asarray(groups.labels[base.labels], dtype=np.int64)


def _log_inertia(points: FloatArray, k: int, seed: int) -> float:
    weights = np.ones(len(points))
    clustering = cold_kmeans(points, k, weights=weights, max_iters=50, restarts=3, seed=seed)
    return float(np.log(max(inertia(points, clustering, weights), 1e-12)))


def separation(points: FloatArray, k: int, *, draws: int = 5, seed: int = 0) -> float:
    """The gap statistic of `points` at `k` against one Gaussian cloud of the same shape."""
    rng = np.random.default_rng(seed)
    mean, cov = points.mean(axis=0), np.cov(points.T)
    nulls = [
        _log_inertia(rng.multivariate_normal(mean, cov, len(points)), k, seed + d)
        for d in range(draws)
    ]
    return float(np.mean(nulls)) - _log_inertia(points, k, seed)


def _co_assignment(
    reference: IntArray, drawn: IntArray, rng: np.random.Generator
) -> tuple[int, int]:
    """(pairs that agree, pairs compared) over random pairs of distinct participants."""
    n = len(reference)
    if n < 2:
        return 0, 0
    pairs = min(MAX_PAIRS, n * (n - 1) // 2)
    a = rng.integers(0, n, pairs)
    b = rng.integers(0, n, pairs)
    keep = a != b
    a, b = a[keep], b[keep]
    same_ref = reference[a] == reference[b]
    same_drawn = drawn[a] == drawn[b]
    return int(np.sum(same_ref == same_drawn)), len(a)


def stability(
    result: OpinionMap,
    params: Params | None = None,
    *,
    resamples: int = 50,
    seed: int = 0,
) -> Stability:
    """Bootstrap the map's participants and say how often its groups come out the same."""
    params = params or Params()
    table = result.participants
    clustered = np.flatnonzero(table.group >= 0)
    silhouette = dict(result.silhouettes).get(result.k)
    if result.k < 2 or len(clustered) < 2 * result.k:
        return Stability(resamples, len(clustered), 0.0, 0.0, silhouette, 0.0, False)
    rng = np.random.default_rng(seed)
    if len(clustered) > MAX_POINTS:
        clustered = np.sort(rng.choice(clustered, MAX_POINTS, replace=False))
    points = np.column_stack([table.x[clustered], table.y[clustered]])
    reference = np.asarray(table.group[clustered], dtype=np.int64)
    aris: list[float] = []
    agree = compared = 0
    for draw in range(resamples):
        chosen = rng.integers(0, len(points), len(points))
        labels = _groups_of(points[chosen], result.k, params, seed + draw)
        # Each participant drawn once or more keeps the group of its first draw.
        unique, first = np.unique(chosen, return_index=True)
        drawn = labels[first]
        aris.append(adjusted_rand_index(reference[unique], drawn))
        a, c = _co_assignment(reference[unique], drawn, rng)
        agree, compared = agree + a, compared + c
    mean_ari = float(np.mean(aris))
    return Stability(
        resamples=resamples,
        participants=len(clustered),
        mean_ari=mean_ari,
        co_assignment=agree / compared if compared else 0.0,
        silhouette=silhouette,
        separation=separation(points, result.k, seed=seed),
        stable=mean_ari >= STABLE_ARI,
    )
