"""k-means as Pol.is runs it (first-distinct initialisation, warm starts), and silhouette.

Written with numpy so the engine needs no scikit-learn. Cluster order is meaningful: it is
the order of initialisation, which later warm starts keep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import cKDTree

from opinionmap.matrix import FloatArray, IntArray

# Brute force beats a k-d tree for small problems.
_TREE_MIN_POINTS = 4_000


@dataclass(frozen=True, eq=False)
class Clustering:
    """Cluster centres (k x 2) and the cluster of each point (index into centres).

    ``origin`` gives, for each cluster, the index of the starting centre it grew from, so
    callers can follow cluster identities across runs. ``upper`` / ``lower`` are Hamerly
    bounds valid for the final centres: every point is at most ``upper`` from its own
    centre and at least ``lower`` from any other, which lets the next run skip points.
    """

    centres: FloatArray
    labels: IntArray
    iterations: int
    origin: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    upper: FloatArray = field(default_factory=lambda: np.zeros(0))
    lower: FloatArray = field(default_factory=lambda: np.zeros(0))

    @property
    def k(self) -> int:
        return len(self.centres)


def nearest(points: FloatArray, centres: FloatArray) -> tuple[IntArray, FloatArray]:
    """Index of and distance to the nearest centre of every point (first one on ties)."""
    if len(points) >= _TREE_MIN_POINTS and len(centres) > 8:
        dist, idx = cKDTree(centres).query(points, k=1)
        return np.asarray(idx, dtype=np.int64), np.asarray(dist, dtype=np.float64)
    d2 = _squared_distances(points, centres)
    idx = np.argmin(d2, axis=1)
    return idx.astype(np.int64), np.sqrt(d2[np.arange(len(points)), idx])


def _squared_distances(points: FloatArray, centres: FloatArray) -> FloatArray:
    """Squared distances between 2-D points and centres, coordinate by coordinate (exact
    for near points, and no BLAS threads to contend for on a busy machine)."""
    dx = points[:, 0, None] - centres[None, :, 0]
    dy = points[:, 1, None] - centres[None, :, 1]
    return np.asarray(dx * dx + dy * dy, dtype=np.float64)


def first_distinct(points: FloatArray, k: int) -> FloatArray:
    """The first k distinct points, in order: Pol.is's deterministic initialisation.

    Looks at a growing prefix of the points, so large inputs are not sorted in full.
    """
    if len(points) == 0:
        return np.zeros((0, 2))
    size = min(len(points), 4 * k)
    while True:
        head = points[:size]
        _, first = np.unique(head, axis=0, return_index=True)
        if len(first) >= k or size == len(points):
            return head[np.sort(first)[:k]].copy()
        size = min(len(points), 4 * size)


def _centres_of(
    points: FloatArray, labels: IntArray, k: int, weights: FloatArray | None
) -> tuple[FloatArray, NDArray[np.bool_]]:
    members = np.bincount(labels, minlength=k)
    mass: FloatArray
    if weights is None:
        mass = members.astype(np.float64)
        cx = np.bincount(labels, weights=points[:, 0], minlength=k)
        cy = np.bincount(labels, weights=points[:, 1], minlength=k)
    else:
        mass = np.bincount(labels, weights=weights, minlength=k).astype(np.float64)
        cx = np.bincount(labels, weights=weights * points[:, 0], minlength=k)
        cy = np.bincount(labels, weights=weights * points[:, 1], minlength=k)
    safe = np.where(mass > 0, mass, 1.0)
    return np.column_stack([cx / safe, cy / safe]), members > 0


def kmeans(
    points: FloatArray,
    centres: FloatArray,
    *,
    weights: FloatArray | None = None,
    max_iters: int = 100,
    tol: float = 0.01,
    start: tuple[IntArray, FloatArray, FloatArray] | None = None,
    exact_upper: bool = False,
) -> Clustering:
    """Lloyd iterations from the given centres, dropping clusters that lose every member.

    Stops when every centre moves less than ``tol`` (Pol.is's ``same-clustering?``) or
    after ``max_iters`` steps. Assignments are exact; Hamerly's bounds (distance to the
    own centre from above, to any other centre from below) skip the points that cannot
    have changed cluster, so late iterations touch few points. ``start`` gives labels and
    bounds already valid for ``centres`` (from an earlier run), sparing the first full
    assignment pass; ``exact_upper`` ends with each point's exact distance to its centre
    (one cheap pass) so that a later run starting from the bounds skips more points.
    """
    current = centres.copy()
    n = len(points)
    origin = np.arange(len(current), dtype=np.int64)
    if n == 0 or len(current) == 0:
        empty = np.zeros(n)
        return Clustering(current, np.zeros(n, dtype=np.int64), 0, origin, empty, empty)
    if start is None:
        labels, upper, lower = two_nearest(points, current)
    else:
        labels, upper, lower = start[0].copy(), start[1].copy(), start[2].copy()
        _reassign(points, current, labels, upper, lower)
    iterations = 0
    for iterations in range(1, max_iters + 1):  # noqa: B007
        new, kept = _centres_of(points, labels, len(current), weights)
        if not np.all(kept):
            remap = np.cumsum(kept) - 1
            labels = remap[labels]
            new = new[kept]
            current = current[kept]
            origin = origin[kept]
        moved = np.sqrt(np.sum((new - current) ** 2, axis=1))
        current = new
        shift_bounds(labels, upper, lower, moved)
        if np.all(moved < tol) or len(current) == 1:
            break
        _reassign(points, current, labels, upper, lower)
    if exact_upper:
        diff = points - current[labels]
        upper = np.sqrt(np.sum(diff * diff, axis=1))
    return Clustering(
        centres=current,
        labels=labels,
        iterations=iterations,
        origin=origin,
        upper=upper,
        lower=lower,
    )


def shift_bounds(labels: IntArray, upper: FloatArray, lower: FloatArray, moved: FloatArray) -> None:
    """Keep Hamerly bounds valid after the centres moved by ``moved`` (in place): a point's
    own centre is at most that much farther, any other at most the largest move among
    the other centres nearer."""
    if len(moved) == 0:
        return
    upper += moved[labels]
    if len(moved) == 1:
        return
    top = int(np.argmax(moved))
    second = float(np.max(np.delete(moved, top)))
    lower -= np.where(labels == top, second, float(moved[top]))


# Bounds carry rounding error; a point this close to the edge is re-checked.
_BOUND_SLACK = 1e-9


def _reassign(
    points: FloatArray,
    centres: FloatArray,
    labels: IntArray,
    upper: FloatArray,
    lower: FloatArray,
) -> None:
    """Hamerly step in place: exact nearest centre for every point whose bounds overlap.

    A point within half the distance from its centre to the nearest other centre cannot
    be nearer another (triangle inequality), whatever its lower bound says.
    """
    slack = _BOUND_SLACK * (1.0 + np.abs(upper))
    if len(centres) > 1:
        gaps = distance_matrix(centres)
        np.fill_diagonal(gaps, np.inf)
        guard = np.maximum(lower, 0.5 * gaps.min(axis=1)[labels])
    else:
        guard = lower
    suspect = np.flatnonzero(upper + slack > guard)
    if len(suspect) == 0:
        return
    diff = points[suspect] - centres[labels[suspect]]
    upper[suspect] = np.sqrt(np.sum(diff * diff, axis=1))
    suspect = suspect[upper[suspect] + slack[suspect] > guard[suspect]]
    if len(suspect):
        lab, up, low = two_nearest(points[suspect], centres)
        labels[suspect], upper[suspect], lower[suspect] = lab, up, low


def two_nearest(points: FloatArray, centres: FloatArray) -> tuple[IntArray, FloatArray, FloatArray]:
    """Nearest centre, distance to it, and distance to the second nearest (inf if none)."""
    if len(centres) == 1:
        diff = points - centres[0]
        d = np.sqrt(np.sum(diff * diff, axis=1))
        return np.zeros(len(points), dtype=np.int64), d, np.full(len(points), np.inf)
    if len(points) >= _TREE_MIN_POINTS and len(centres) > 8:
        dist, idx = cKDTree(centres).query(points, k=2)
        return (
            np.asarray(idx[:, 0], dtype=np.int64),
            np.asarray(dist[:, 0], dtype=np.float64),
            np.asarray(dist[:, 1], dtype=np.float64),
        )
    d2 = _squared_distances(points, centres)
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
) -> tuple[FloatArray, IntArray]:
    """Starting centres from a previous clustering (Pol.is's ``clean-start-clusters``).

    Each previous cluster is recentred on its members' new positions (points with label -1
    are new), empty clusters are dropped and identical ones merged, and, while there are
    fewer than k clusters and fewer than the distinct points, the point farthest from
    every centre is split off as a new cluster (leaving its old one, which is recentred).
    Returns the centres and, for each, the previous cluster it continues (-1: split off).
    """
    w = np.ones(len(points)) if weights is None else weights
    known = previous_labels >= 0
    if not np.any(known):
        start = first_distinct(points, k)
        return start, np.full(len(start), -1, dtype=np.int64)
    n_prev = int(previous_labels[known].max()) + 1
    labels = previous_labels.copy()
    centres, kept = _centres_of(
        points[known], labels[known], n_prev, None if weights is None else weights[known]
    )
    origin = np.flatnonzero(kept).astype(np.int64)
    centres = centres[kept]
    remap = np.full(n_prev, -1, dtype=np.int64)
    remap[origin] = np.arange(len(origin))
    labels[known] = remap[labels[known]]
    _, uniq, inverse = np.unique(centres, axis=0, return_index=True, return_inverse=True)
    if len(uniq) < len(centres):
        # Identical clusters merge into the first of them.
        first = np.sort(uniq)
        new_index = np.searchsorted(first, uniq[inverse.ravel()]).astype(np.int64)
        labels[known] = new_index[labels[known]]
        centres, origin = centres[first], origin[first]
    if len(centres) < k:
        possible = min(k, len(np.unique(points, axis=0)))
        while len(centres) < possible:
            _, dist = nearest(points, centres)
            far = int(np.argmax(dist))
            if dist[far] <= 0:
                break
            old = int(labels[far])
            labels[far] = len(centres)
            centres = np.vstack([centres, points[far]])
            origin = np.append(origin, -1)
            if old >= 0:
                members = labels == old
                if np.any(members):
                    centres[old] = np.average(points[members], axis=0, weights=w[members])
    if len(centres) > k:
        return centres[:k], origin[:k]
    return centres, origin


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
