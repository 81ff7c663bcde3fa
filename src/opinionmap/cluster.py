"""k-means as Pol.is runs it (first-distinct initialisation, warm starts), and silhouette.

Written with numpy so the engine needs no scikit-learn. Cluster order is meaningful: it is
the order of initialisation, which later warm starts keep.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import cKDTree

from opinionmap.matrix import FloatArray, IntArray

# Brute force beats a k-d tree for small problems.
_TREE_MIN_POINTS = 4_000


@dataclass(frozen=True, eq=False)
class Clustering:
    """Cluster centres (k x 2) and the cluster of each point (index into centres)."""

    centres: FloatArray
    labels: IntArray
    iterations: int

    @property
    def k(self) -> int:
        return len(self.centres)


def nearest(points: FloatArray, centres: FloatArray) -> tuple[IntArray, FloatArray]:
    """Index of and distance to the nearest centre of every point (first one on ties)."""
    if len(points) >= _TREE_MIN_POINTS and len(centres) > 8:
        dist, idx = cKDTree(centres).query(points, k=1, workers=-1)
        return np.asarray(idx, dtype=np.int64), np.asarray(dist, dtype=np.float64)
    d2 = (
        np.sum(points * points, axis=1)[:, None]
        - 2.0 * points @ centres.T
        + np.sum(centres * centres, axis=1)[None, :]
    )
    idx = np.argmin(d2, axis=1)
    d = np.sqrt(np.maximum(d2[np.arange(len(points)), idx], 0.0))
    return idx.astype(np.int64), d


def first_distinct(points: FloatArray, k: int) -> FloatArray:
    """The first k distinct points, in order: Pol.is's deterministic initialisation."""
    if len(points) == 0:
        return np.zeros((0, 2))
    _, first = np.unique(points, axis=0, return_index=True)
    return points[np.sort(first)[:k]].copy()


def _centres_of(
    points: FloatArray, labels: IntArray, k: int, weights: FloatArray
) -> tuple[FloatArray, NDArray[np.bool_]]:
    mass = np.bincount(labels, weights=weights, minlength=k)
    cx = np.bincount(labels, weights=weights * points[:, 0], minlength=k)
    cy = np.bincount(labels, weights=weights * points[:, 1], minlength=k)
    members = np.bincount(labels, minlength=k) > 0
    safe = np.where(mass > 0, mass, 1.0)
    return np.column_stack([cx / safe, cy / safe]), members


def kmeans(
    points: FloatArray,
    centres: FloatArray,
    *,
    weights: FloatArray | None = None,
    max_iters: int = 100,
    tol: float = 0.01,
) -> Clustering:
    """Lloyd iterations from the given centres, dropping clusters that lose every member.

    Stops when every centre moves less than ``tol`` (Pol.is's ``same-clustering?``) or
    after ``max_iters`` steps. Assignments are exact; Hamerly's bounds (distance to the
    own centre from above, to any other centre from below) skip the points that cannot
    have changed cluster, so late iterations touch few points.
    """
    w = np.ones(len(points)) if weights is None else weights
    current = centres.copy()
    n = len(points)
    if n == 0 or len(current) == 0:
        return Clustering(current, np.zeros(n, dtype=np.int64), 0)
    labels, upper, lower = _two_nearest(points, current)
    iterations = 0
    for iterations in range(1, max_iters + 1):  # noqa: B007
        new, kept = _centres_of(points, labels, len(current), w)
        if not np.all(kept):
            remap = np.cumsum(kept) - 1
            labels = remap[labels]
            new = new[kept]
            current = current[kept]
        moved = np.sqrt(np.sum((new - current) ** 2, axis=1))
        current = new
        if np.all(moved < tol) or len(current) == 1:
            break
        upper = upper + moved[labels]
        lower = lower - moved.max()
        suspect = np.flatnonzero(upper > lower)
        if len(suspect):
            diff = points[suspect] - current[labels[suspect]]
            upper[suspect] = np.sqrt(np.sum(diff * diff, axis=1))
            suspect = suspect[upper[suspect] > lower[suspect]]
        if len(suspect):
            lab, up, low = _two_nearest(points[suspect], current)
            labels[suspect], upper[suspect], lower[suspect] = lab, up, low
    return Clustering(centres=current, labels=labels, iterations=iterations)


def _two_nearest(
    points: FloatArray, centres: FloatArray
) -> tuple[IntArray, FloatArray, FloatArray]:
    """Nearest centre, distance to it, and distance to the second nearest (inf if none)."""
    if len(centres) == 1:
        diff = points - centres[0]
        d = np.sqrt(np.sum(diff * diff, axis=1))
        return np.zeros(len(points), dtype=np.int64), d, np.full(len(points), np.inf)
    if len(points) >= _TREE_MIN_POINTS and len(centres) > 8:
        dist, idx = cKDTree(centres).query(points, k=2, workers=-1)
        return (
            np.asarray(idx[:, 0], dtype=np.int64),
            np.asarray(dist[:, 0], dtype=np.float64),
            np.asarray(dist[:, 1], dtype=np.float64),
        )
    d2 = (
        np.sum(points * points, axis=1)[:, None]
        - 2.0 * points @ centres.T
        + np.sum(centres * centres, axis=1)[None, :]
    )
    d2 = np.maximum(d2, 0.0)
    idx = np.argmin(d2, axis=1)
    rows = np.arange(len(points))
    first = d2[rows, idx].copy()
    d2[rows, idx] = np.inf
    second = d2.min(axis=1)
    return idx.astype(np.int64), np.sqrt(first), np.sqrt(second)


def inertia(points: FloatArray, clustering: Clustering, weights: FloatArray) -> float:
    """Weighted sum of squared distances of points to their cluster centre."""
    diff = points - clustering.centres[clustering.labels]
    return float(np.sum(weights * np.sum(diff * diff, axis=1)))


def plus_plus(
    points: FloatArray, k: int, weights: FloatArray, rng: np.random.Generator
) -> FloatArray:
    """k-means++ seeding (weighted), for cold starts."""
    chosen = [int(rng.choice(len(points), p=weights / weights.sum()))]
    d2 = np.sum((points - points[chosen[0]]) ** 2, axis=1)
    for _ in range(1, k):
        p = weights * d2
        total = p.sum()
        if total <= 0:
            break
        j = int(rng.choice(len(points), p=p / total))
        chosen.append(j)
        d2 = np.minimum(d2, np.sum((points - points[j]) ** 2, axis=1))
    return points[chosen].copy()


def cold_kmeans(
    points: FloatArray,
    k: int,
    *,
    weights: FloatArray,
    max_iters: int,
    restarts: int,
    seed: int,
) -> Clustering:
    """k-means with no history: Pol.is's first-distinct start plus seeded k-means++
    restarts, keeping the lowest weighted inertia (first one on ties)."""
    best = kmeans(points, first_distinct(points, k), weights=weights, max_iters=max_iters)
    best_inertia = inertia(points, best, weights)
    rng = np.random.default_rng(seed)
    for _ in range(max(restarts - 1, 0)):
        c = kmeans(points, plus_plus(points, k, weights, rng), weights=weights, max_iters=max_iters)
        value = inertia(points, c, weights)
        if c.k == k and value < best_inertia - 1e-9 * max(best_inertia, 1.0):
            best, best_inertia = c, value
    return best


def warm_start(
    points: FloatArray,
    previous_labels: IntArray,
    k: int,
    *,
    weights: FloatArray | None = None,
) -> FloatArray:
    """Starting centres from a previous clustering (Pol.is's ``clean-start-clusters``).

    Each previous cluster is recentred on its members' new positions (points with label -1
    are new), empty and identical clusters are dropped, and, while there are fewer than k
    clusters and fewer than the distinct points, the point farthest from every centre is
    split off as a new cluster.
    """
    w = np.ones(len(points)) if weights is None else weights
    known = previous_labels >= 0
    if not np.any(known):
        return first_distinct(points, k)
    n_prev = int(previous_labels[known].max()) + 1
    centres, kept = _centres_of(points[known], previous_labels[known], n_prev, w[known])
    centres = centres[kept]
    _, uniq = np.unique(centres, axis=0, return_index=True)
    centres = centres[np.sort(uniq)]
    n_distinct = len(np.unique(points, axis=0))
    possible = min(k, n_distinct)
    while len(centres) < possible:
        _, dist = nearest(points, centres)
        far = int(np.argmax(dist))
        if dist[far] <= 0:
            break
        centres = np.vstack([centres, points[far]])
    return centres[:k] if len(centres) > k else centres


def distance_matrix(points: FloatArray) -> FloatArray:
    """Euclidean distances between all pairs of (few) points."""
    diff = points[:, None, :] - points[None, :, :]
    return np.asarray(np.sqrt(np.sum(diff * diff, axis=2)), dtype=np.float64)


def silhouette(dist: FloatArray, labels: IntArray) -> float:
    """Mean silhouette over points (unweighted), 0 for members of singleton clusters."""
    n = len(labels)
    if n == 0:
        return 0.0
    k = int(labels.max()) + 1
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = 1.0
    sizes = onehot.sum(axis=0)
    sums = dist @ onehot
    own = sizes[labels]
    a = np.divide(sums[np.arange(n), labels], own - 1, out=np.zeros(n), where=own > 1)
    mean_other = np.divide(sums, sizes[None, :], out=np.full((n, k), np.inf), where=sizes > 0)
    mean_other[np.arange(n), labels] = np.inf
    b = mean_other.min(axis=1)
    denom = np.maximum(a, b)
    s = np.divide(b - a, denom, out=np.zeros(n), where=(denom > 0) & np.isfinite(b))
    s[own <= 1] = 0.0
    return float(s.mean())
