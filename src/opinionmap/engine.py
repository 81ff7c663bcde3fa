"""The pipeline: votes -> centred sparse matrix -> 2-D map -> base clusters -> groups ->
representative and consensus statements. ``analyze`` recomputes everything (warm-started
from a previous state when given); ``update`` folds new votes into a previous state,
touching only what they change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from opinionmap.cluster import (
    Clustering,
    cold_kmeans,
    distance_matrix,
    first_distinct,
    kmeans,
    shift_bounds,
    silhouette,
    two_nearest,
    warm_start,
)
from opinionmap.matrix import (
    FloatArray,
    IntArray,
    MatrixChange,
    VoteEvents,
    VoteMatrix,
    build_matrix,
    merge_votes,
)
from opinionmap.pca import (
    Components,
    centred_data,
    column_means,
    principal_components,
    project_participants,
    project_rows,
    project_statements,
)
from opinionmap.result import (
    BaseCluster,
    DivisiveStatement,
    Group,
    OpinionMap,
    ParticipantTable,
    StatementTable,
)
from opinionmap.state import EngineState, KSmoother, Moderation, Params
from opinionmap.stats import (
    GroupCounts,
    add_cell_changes,
    add_row_votes,
    divisiveness,
    group_aware_consensus,
    group_counts,
    priorities,
    select_consensus,
    select_representative,
)

__all__ = [
    "Analysis",
    "EngineState",
    "KSmoother",
    "Moderation",
    "Params",
    "analyze",
    "replay",
    "update",
]

_T = TypeVar("_T", bound=np.generic)

# Above this share of the votes, recounting group votes beats applying deltas.
_RECOUNT_SHARE = 0.25


@dataclass(frozen=True, eq=False)
class Analysis:
    """The map to show and the state to keep for the next update."""

    result: OpinionMap
    state: EngineState


@dataclass(frozen=True, eq=False)
class _Grouping:
    """Outcome of the opinion-group stage."""

    group_of_base: IntArray
    group_labels: tuple[IntArray, ...]
    k: int
    silhouettes: tuple[tuple[int, float], ...]
    smoother: KSmoother


def analyze(
    votes: VoteEvents | VoteMatrix,
    *,
    moderation: Moderation | None = None,
    params: Params | None = None,
    previous: EngineState | None = None,
) -> Analysis:
    """Full recompute from all votes; warm-started from ``previous`` when given."""
    params = params or (previous.params if previous else Params())
    moderation = moderation or (previous.moderation if previous else Moderation())
    matrix = votes if isinstance(votes, VoteMatrix) else build_matrix(votes)
    excluded, zeroed = _moderated(matrix, moderation)
    start = None
    if previous is not None:
        start = _align_columns(previous.components.comps, previous.matrix, matrix)
    agree, disagree, seen = matrix.column_counts()
    center = column_means(matrix, zeroed, (agree, disagree, seen))
    centred = centred_data(matrix, center, zeroed)
    components = principal_components(matrix, center, zeroed, start=start, centred=centred)
    projection = project_participants(matrix, components, zeroed, centred=centred)
    del centred

    prev_in: NDArray[np.bool_] | None = None
    prev_labels: IntArray | None = None
    if previous is not None:
        prev_in = _align_rows(previous.in_conv, previous.matrix, matrix, False).astype(bool)
        prev_labels = _align_rows(previous.base_labels, previous.matrix, matrix, -1).astype(
            np.int64
        )
    elif isinstance(votes, VoteEvents):
        prev_in = history_in_conv(votes, matrix, params)
    n_votes = matrix.row_counts()
    in_conv = _in_conv(n_votes, matrix.n_statements, params, prev_in)
    rows_in = np.flatnonzero(in_conv)
    points = projection[rows_in]

    # Base clusters: warm start from the previous members (Pol.is's clean-start-clusters).
    if len(points) == 0:
        base = Clustering(np.zeros((0, 2)), np.zeros(0, dtype=np.int64), 0)
        base_prev = np.zeros(0, dtype=np.int64)
    else:
        if prev_labels is not None and np.any(prev_labels[rows_in] >= 0):
            init, init_prev = warm_start(points, prev_labels[rows_in], params.base_k)
        else:
            init = first_distinct(points, params.base_k)
            init_prev = np.full(len(init), -1, dtype=np.int64)
        base = kmeans(points, init, max_iters=params.base_iters, exact_upper=True)
        base_prev = init_prev[base.origin]
    grouping = _groups(base, base_prev, previous, params)
    group = _group_of_rows(matrix.n_participants, rows_in, base, grouping)
    counts = group_counts(matrix, group, grouping.k)
    return _finish(
        matrix=matrix,
        moderation=moderation,
        params=params,
        excluded=excluded,
        zeroed=zeroed,
        components=components,
        projection=projection,
        in_conv=in_conv,
        base=base,
        grouping=grouping,
        group=group,
        column_counts=np.stack([agree, disagree, seen]),
        counts=counts,
        updates_since_full=0,
    )


def update(
    state: EngineState,
    votes: VoteEvents,
    *,
    moderation: Moderation | None = None,
) -> Analysis:
    """Fold later votes into ``state``, touching only what they change.

    Positions stay on the previous basis (centre and principal directions): only the
    participants whose votes changed move, every count is exact, base clusters continue
    from the previous ones (exact Lloyd iterations with Hamerly bounds carried over, so
    unchanged points far from any boundary are not looked at) and groups are recomputed
    on the 100 base clusters. A change of moderation, or of which statements are zeroed,
    triggers a full recompute. The basis itself is renewed by the next
    ``analyze(..., previous=state)``.
    """
    if moderation is not None and moderation != state.moderation:
        merged, _ = merge_votes(state.matrix, votes)
        return analyze(merged, moderation=moderation, previous=state)
    params = state.params
    matrix, change = merge_votes(state.matrix, votes)
    excluded, zeroed = _moderated(matrix, state.moderation)
    old = state.matrix
    _, old_zeroed = _moderated(old, state.moderation)
    if np.count_nonzero(zeroed) != np.count_nonzero(old_zeroed):
        # A zeroed statement got its first votes: every scale changes unevenly.
        return analyze(matrix, previous=state)
    n, m = matrix.n_participants, matrix.n_statements
    basis = Components(
        center=_pad(state.components.center, m, 0.0),
        comps=_align_columns(state.components.comps, old, matrix),
    )
    projection = _pad_rows(state.projection, n)
    upper = _pad(state.upper, n, np.inf)
    lower = _pad(state.lower, n, -np.inf)
    base_centres = state.base_centres
    if m != old.n_statements and old.n_statements:
        # New statements change every scale sqrt(m / votes) by the same factor.
        factor = float(np.sqrt(m / old.n_statements))
        projection = projection * factor
        base_centres = base_centres * factor
        upper, lower = upper * factor, lower * factor
    changed = np.unique(change.rows)
    if len(changed):
        before = projection[changed].copy()
        projection[changed] = project_rows(matrix, changed, basis, zeroed)
        step = np.sqrt(np.sum((projection[changed] - before) ** 2, axis=1))
        upper[changed] += step
        lower[changed] -= step

    n_votes = matrix.row_counts()
    prev_in = _pad(state.in_conv, n, False)
    in_conv = _in_conv(n_votes, m, params, prev_in)
    prev_labels = _pad(state.base_labels, n, -1)
    base, base_prev = _base_incremental(
        projection, in_conv, prev_labels, base_centres, upper, lower, params
    )
    rows_in = np.flatnonzero(in_conv)
    grouping = _groups(base, base_prev, state, params)
    group = _group_of_rows(n, rows_in, base, grouping)
    column_counts = _column_counts_after(state.column_counts, change, m)
    counts = _group_counts_after(state, matrix, change, group, grouping.k)
    return _finish(
        matrix=matrix,
        moderation=state.moderation,
        params=params,
        excluded=excluded,
        zeroed=zeroed,
        components=basis,
        projection=projection,
        in_conv=in_conv,
        base=base,
        grouping=grouping,
        group=group,
        column_counts=column_counts,
        counts=counts,
        updates_since_full=state.updates_since_full + 1,
    )


def replay(
    events: VoteEvents,
    *,
    window: float,
    moderation: Moderation | None = None,
    params: Params | None = None,
) -> Analysis:
    """Re-run a conversation's history as Pol.is's math worker lived it.

    Pol.is recomputes after every poll of new votes (about one a second), each time
    warm-starting PCA, base clusters and groups from the previous update and stepping the
    k-smoother, so its groups depend on that history (polis-math.md s3, s5). Here the
    votes are cut into windows of ``window`` time units and each window's votes are folded
    in with a full recompute warm-started from the previous one. The moderation given is
    applied throughout (exports do not say when statements were moderated). Costs one
    full recompute per non-empty window.
    """
    if window <= 0:
        msg = "window must be positive"
        raise ValueError(msg)
    if len(events) == 0:
        return analyze(events, moderation=moderation, params=params)
    order = np.lexsort((np.arange(len(events)), events.time))
    slot = np.floor(events.time[order] / window)
    bounds = np.flatnonzero(np.r_[True, slot[1:] != slot[:-1], True])
    analysis: Analysis | None = None
    for start, stop in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        part = order[start:stop]
        batch = VoteEvents(
            events.participant[part], events.statement[part], events.vote[part], events.time[part]
        )
        if analysis is None:
            analysis = analyze(batch, moderation=moderation, params=params)
        else:
            matrix, _ = merge_votes(analysis.state.matrix, batch)
            analysis = analyze(matrix, previous=analysis.state)
    assert analysis is not None  # noqa: S101 (events are not empty)
    return analysis


def _moderated(
    matrix: VoteMatrix, moderation: Moderation
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Columns moderated out, and columns zeroed (moderated out or meta: Pol.is's mod-out)."""
    sids = matrix.statement_ids
    excluded = np.isin(sids, np.fromiter(moderation.excluded, np.int64, len(moderation.excluded)))
    meta = np.isin(sids, np.fromiter(moderation.meta, np.int64, len(moderation.meta)))
    return excluded, excluded | meta


def _pad(values: NDArray[_T], n: int, fill: object) -> NDArray[_T]:
    """``values`` extended to length n with ``fill`` (a copy either way)."""
    out = np.full(n, fill, dtype=values.dtype)
    out[: len(values)] = values
    return out


def _pad_rows(values: FloatArray, n: int) -> FloatArray:
    out = np.zeros((n, values.shape[1]))
    out[: len(values)] = values
    return out


def _base_incremental(  # noqa: PLR0917 (internal, called once)
    projection: FloatArray,
    in_conv: NDArray[np.bool_],
    prev_labels: IntArray,
    prev_centres: FloatArray,
    upper: FloatArray,
    lower: FloatArray,
    params: Params,
) -> tuple[Clustering, IntArray]:
    """Base clusters after some points moved or joined: the same Lloyd iterations a warm
    start over all points would run, with bounds carried over from the previous run.

    The previous clusters are recentred on their members' positions (as Pol.is's
    clean-start-clusters), the bounds follow the centres' moves, and k-means only looks
    at points whose bounds overlap. Falls back to the full warm start when a cluster
    emptied, two coincide or there are fewer than ``base_k`` (the split-off rule).
    """
    rows_in = np.flatnonzero(in_conv)
    points = projection[rows_in]
    labels = prev_labels[rows_in]
    known = labels >= 0
    k_prev = len(prev_centres)
    if len(points) == 0:
        return Clustering(np.zeros((0, 2)), np.zeros(0, dtype=np.int64), 0), np.zeros(
            0, dtype=np.int64
        )
    members = np.bincount(labels[known], minlength=k_prev) if k_prev else np.zeros(0, np.int64)
    usable = (
        k_prev == params.base_k
        and np.all(members > 0)
        and len(np.unique(prev_centres, axis=0)) == k_prev
    )
    if not usable:
        init, init_prev = warm_start(points, labels, params.base_k)
        base = kmeans(points, init, max_iters=params.base_iters)
        return base, init_prev[base.origin]
    sx = np.bincount(labels[known], weights=points[known, 0], minlength=k_prev)
    sy = np.bincount(labels[known], weights=points[known, 1], minlength=k_prev)
    centres = np.column_stack([sx / members, sy / members])
    if len(np.unique(centres, axis=0)) < k_prev:
        init, init_prev = warm_start(points, labels, params.base_k)
        base = kmeans(points, init, max_iters=params.base_iters)
        return base, init_prev[base.origin]
    moved = np.sqrt(np.sum((centres - prev_centres) ** 2, axis=1))
    up = upper[rows_in]
    low = lower[rows_in]
    shift_bounds(np.maximum(labels, 0), up, low, moved)
    fresh = np.flatnonzero(~known)
    if len(fresh):
        lab, u, lo = two_nearest(points[fresh], centres)
        labels = labels.copy()
        labels[fresh], up[fresh], low[fresh] = lab, u, lo
    base = kmeans(points, centres, max_iters=params.base_iters, start=(labels, up, low))
    return base, base.origin.copy()


def _groups(
    base: Clustering, base_prev: IntArray, previous: EngineState | None, params: Params
) -> _Grouping:
    """Opinion groups: weighted k-means on the base-cluster centres for each k, warm-started
    from the previous groups' members (Pol.is's clean-start-clusters at the group level),
    k by silhouette on the base-cluster distances, smoothed across updates."""
    sizes = np.bincount(base.labels, minlength=base.k).astype(np.float64)
    max_k = min(params.max_k, 2 + base.k // 12)
    n_distinct = len(np.unique(base.centres, axis=0)) if base.k else 0
    dist = distance_matrix(base.centres)
    clusterings: dict[int, Clustering] = {}
    labels_by_k: list[IntArray] = []
    silhouettes: list[tuple[int, float]] = []
    for k in range(2, max_k + 1):
        if n_distinct < k:
            break
        prev = None
        if previous is not None and k - 2 < len(previous.group_labels):
            old = previous.group_labels[k - 2]
            prev = np.where(base_prev >= 0, old[np.clip(base_prev, 0, len(old) - 1)], -1)
            if len(old) == 0 or not np.any(prev >= 0):
                prev = None
        if prev is not None:
            init, _ = warm_start(base.centres, prev, k, weights=sizes)
            clustering = kmeans(base.centres, init, weights=sizes, max_iters=params.group_iters)
        else:
            clustering = cold_kmeans(
                base.centres,
                k,
                weights=sizes,
                max_iters=params.group_iters,
                restarts=params.group_restarts,
                seed=params.seed,
            )
        clusterings[k] = clustering
        labels_by_k.append(clustering.labels)
        silhouettes.append((k, silhouette(dist, clustering.labels)))
    smoother = previous.smoother if previous is not None else KSmoother()
    if not clusterings:
        k = 1 if base.k else 0
        return _Grouping(
            group_of_base=np.zeros(base.k, dtype=np.int64),
            group_labels=tuple(labels_by_k),
            k=k,
            silhouettes=tuple(silhouettes),
            smoother=smoother,
        )
    this_k = max(silhouettes, key=lambda ks: (ks[1], -ks[0]))[0]
    smoother = smoother.step(this_k, params.k_buffer)
    chosen = smoother.smoothed_k
    if params.force_k is not None and params.force_k in clusterings:
        chosen = params.force_k
    if chosen not in clusterings:
        chosen = this_k
    clustering = clusterings[chosen]
    return _Grouping(
        group_of_base=clustering.labels,
        group_labels=tuple(labels_by_k),
        k=clustering.k,
        silhouettes=tuple(silhouettes),
        smoother=smoother,
    )


def _group_of_rows(n: int, rows_in: IntArray, base: Clustering, grouping: _Grouping) -> IntArray:
    group = np.full(n, -1, dtype=np.int64)
    if base.k:
        group[rows_in] = grouping.group_of_base[base.labels]
    return group


def _column_counts_after(previous: IntArray, change: MatrixChange, m: int) -> IntArray:
    """Agrees, disagrees and seen per statement after the changed cells (exact)."""
    out = np.zeros((3, m), dtype=np.int64)
    out[:, : previous.shape[1]] = previous
    if len(change.cols):
        was_agree = change.old_seen & (change.old == 1)
        was_disagree = change.old_seen & (change.old == -1)
        out[0] += np.bincount(
            change.cols,
            weights=(change.new == 1).astype(np.int64) - was_agree.astype(np.int64),
            minlength=m,
        ).astype(np.int64)
        out[1] += np.bincount(
            change.cols,
            weights=(change.new == -1).astype(np.int64) - was_disagree.astype(np.int64),
            minlength=m,
        ).astype(np.int64)
        out[2] += np.bincount(
            change.cols, weights=(~change.old_seen).astype(np.int64), minlength=m
        ).astype(np.int64)
    return out


def _group_counts_after(
    state: EngineState, matrix: VoteMatrix, change: MatrixChange, group: IntArray, k: int
) -> GroupCounts:
    """Votes per group and statement after the update: deltas for the participants whose
    group or votes changed, a recount when k changed or too many moved."""
    old_group = _pad(_group_array(state), matrix.n_participants, -1)
    movers = np.flatnonzero(old_group != group)
    moved_votes = int(np.sum(matrix.indptr[movers + 1] - matrix.indptr[movers]))
    if state.group_counts.seen.shape[0] != k or moved_votes > _RECOUNT_SHARE * max(
        matrix.n_votes, 1
    ):
        return group_counts(matrix, group, k)
    m = matrix.n_statements

    def widened(a: IntArray) -> IntArray:
        out = np.zeros((k, m), dtype=np.int64)
        out[:, : a.shape[1]] = a
        return out

    counts = GroupCounts(
        agree=widened(state.group_counts.agree),
        disagree=widened(state.group_counts.disagree),
        seen=widened(state.group_counts.seen),
    )
    old_movers = movers[movers < state.matrix.n_participants]
    add_row_votes(counts, state.matrix, old_movers, old_group[old_movers], -1)
    add_row_votes(counts, matrix, movers, group[movers], +1)
    stay = group[change.rows] == old_group[change.rows]
    add_cell_changes(
        counts,
        np.where(stay, group[change.rows], -1),
        change.cols,
        change.old,
        change.old_seen,
        change.new,
    )
    return counts


def _group_array(state: EngineState) -> IntArray:
    group = np.full(state.matrix.n_participants, -1, dtype=np.int64)
    inside = state.base_labels >= 0
    if len(state.group_of_base):
        group[inside] = state.group_of_base[state.base_labels[inside]]
    return group


def _align_columns(comps: FloatArray, old: VoteMatrix, new: VoteMatrix) -> FloatArray:
    """Previous components re-indexed to the new columns (0 for new statements)."""
    if old.n_statements == new.n_statements and np.array_equal(
        old.statement_ids, new.statement_ids
    ):
        return comps
    out = np.zeros((comps.shape[0], new.n_statements))
    if old.n_statements <= new.n_statements and np.array_equal(
        old.statement_ids, new.statement_ids[: old.n_statements]
    ):
        out[:, : old.n_statements] = comps
        return out
    pos = _positions(old.statement_ids, new.statement_ids)
    ok = pos >= 0
    out[:, ok] = comps[:, pos[ok]]
    return out


def _positions(labels: IntArray, ids: IntArray) -> IntArray:
    """Index of each id in labels, -1 when absent."""
    if len(labels) == 0:
        return np.full(len(ids), -1, dtype=np.int64)
    sorter = np.argsort(labels, kind="stable")
    pos = np.searchsorted(labels, ids, sorter=sorter)
    pos = np.minimum(pos, len(labels) - 1)
    idx = sorter[pos]
    return np.where(labels[idx] == ids, idx, -1).astype(np.int64)


def _align_rows(
    values: NDArray[np.generic], old: VoteMatrix, new: VoteMatrix, fill: object
) -> NDArray[np.generic]:
    if old.n_participants == new.n_participants and np.array_equal(
        old.participant_ids, new.participant_ids
    ):
        return values
    out = np.full(new.n_participants, fill, dtype=values.dtype)
    pos = _positions(old.participant_ids, new.participant_ids)
    ok = pos >= 0
    out[ok] = values[pos[ok]]
    return out


def history_in_conv(events: VoteEvents, matrix: VoteMatrix, params: Params) -> NDArray[np.bool_]:
    """Participants Pol.is would have let in at some update: replay the vote history.

    A participant is in once their distinct votes reach min(7, statements voted on so
    far) at any moment; the set only grows, as in Pol.is's ``in-conv``. While fewer than
    ``greedy_n`` are in, Pol.is adds the top voters; replayed vote by vote, that admits
    the first ``greedy_n`` participants to vote (matrix rows are in first-vote order).
    """
    inside = np.zeros(matrix.n_participants, dtype=bool)
    if len(events) == 0:
        return inside
    order = np.lexsort((np.arange(len(events)), events.time))
    rows = _positions(matrix.participant_ids, events.participant[order])
    cols = _positions(matrix.statement_ids, events.statement[order])
    key = rows * max(matrix.n_statements, 1) + cols
    _, first = np.unique(key, return_index=True)
    first.sort()
    r = rows[first]
    new_col = np.zeros(len(order), dtype=bool)
    _, first_col = np.unique(cols, return_index=True)
    new_col[first_col] = True
    n_statements_so_far = np.cumsum(new_col)[first]
    by_row = np.argsort(r, kind="stable")
    r_sorted = r[by_row]
    start = np.searchsorted(r_sorted, r_sorted, side="left")
    count = np.empty(len(r), dtype=np.int64)
    count[by_row] = np.arange(len(r)) - start + 1
    ok = count >= np.minimum(params.min_votes, n_statements_so_far)
    inside[r[ok]] = True
    inside[: params.greedy_n] = True
    return inside


def _in_conv(
    counts: IntArray, n_statements: int, params: Params, previous: NDArray[np.bool_] | None
) -> NDArray[np.bool_]:
    """Participants clustered: >= min(7, statements) votes, at least the top 15, sticky."""
    inside = counts >= min(params.min_votes, n_statements)
    inside &= counts > 0
    if previous is not None:
        inside |= previous
    missing = params.greedy_n - int(inside.sum())
    if missing > 0:
        candidates = np.flatnonzero(~inside & (counts > 0))
        order = candidates[np.argsort(-counts[candidates], kind="stable")]
        inside[order[:missing]] = True
    return inside


def _finish(
    *,
    matrix: VoteMatrix,
    moderation: Moderation,
    params: Params,
    excluded: NDArray[np.bool_],
    zeroed: NDArray[np.bool_],
    components: Components,
    projection: FloatArray,
    in_conv: NDArray[np.bool_],
    base: Clustering,
    grouping: _Grouping,
    group: IntArray,
    column_counts: IntArray,
    counts: GroupCounts,
    updates_since_full: int,
) -> Analysis:
    n = matrix.n_participants
    rows_in = np.flatnonzero(in_conv)
    base_labels = np.full(n, -1, dtype=np.int64)
    base_labels[rows_in] = base.labels
    upper = np.full(n, np.inf)
    lower = np.full(n, -np.inf)
    if base.k and len(base.upper) == len(rows_in):
        upper[rows_in] = base.upper
        lower[rows_in] = base.lower
    state = EngineState(
        params=params,
        moderation=moderation,
        matrix=matrix,
        components=components,
        in_conv=in_conv,
        base_labels=base_labels,
        base_centres=base.centres,
        group_of_base=grouping.group_of_base,
        group_labels=grouping.group_labels,
        smoother=grouping.smoother,
        projection=projection,
        upper=upper,
        lower=lower,
        column_counts=column_counts,
        group_counts=counts,
        updates_since_full=updates_since_full,
    )
    result = _summarise(
        matrix=matrix,
        moderation=moderation,
        params=params,
        excluded=excluded,
        zeroed=zeroed,
        components=components,
        projection=projection,
        in_conv=in_conv,
        base=base,
        base_labels=base_labels,
        group_of_base=grouping.group_of_base,
        group=group,
        k=grouping.k,
        silhouettes=grouping.silhouettes,
        column_counts=column_counts,
        counts=counts,
    )
    return Analysis(result=result, state=state)


def _summarise(
    *,
    matrix: VoteMatrix,
    moderation: Moderation,
    params: Params,
    excluded: NDArray[np.bool_],
    zeroed: NDArray[np.bool_],
    components: Components,
    projection: FloatArray,
    in_conv: NDArray[np.bool_],
    base: Clustering,
    base_labels: IntArray,
    group_of_base: IntArray,
    group: IntArray,
    k: int,
    silhouettes: tuple[tuple[int, float], ...],
    column_counts: IntArray,
    counts: GroupCounts,
) -> OpinionMap:
    sids = matrix.statement_ids
    agree, disagree, seen = column_counts[0], column_counts[1], column_counts[2]
    meta = np.isin(sids, np.fromiter(moderation.meta, np.int64, len(moderation.meta)))
    st_pos = project_statements(components, zeroed)
    extremity = np.sqrt(np.sum(st_pos**2, axis=1))
    gac_a, gac_d = (
        group_aware_consensus(counts) if k else (np.zeros(len(sids)), np.zeros(len(sids)))
    )
    div = divisiveness(counts)
    prio = priorities(
        counts.agree.sum(axis=0),
        counts.disagree.sum(axis=0),
        counts.seen.sum(axis=0),
        extremity,
        meta,
    )
    reps = select_representative(counts, sids, excluded | meta, top=params.rep_top) if k else []
    cons_a, cons_d = select_consensus(
        agree, disagree, seen, sids, excluded | meta, top=params.consensus_top
    )
    eligible = ~(excluded | meta)
    if k >= 2:
        eligible &= (counts.seen >= params.divisive_min_seen).sum(axis=0) >= 2
    else:
        eligible &= False
    cand = np.flatnonzero(eligible)
    top_div = cand[np.argsort(-div[cand], kind="stable")][: params.divisive_top]
    share = np.divide(
        counts.agree, counts.seen, out=np.zeros(counts.seen.shape), where=counts.seen > 0
    )
    divisive = tuple(
        DivisiveStatement(
            statement_id=int(sids[j]),
            divisiveness=float(div[j]),
            group_agree_share=tuple(float(v) for v in share[:, j]),
        )
        for j in top_div
    )
    inside = group >= 0
    group_sizes = np.bincount(group[inside], minlength=k) if k else np.zeros(0, np.int64)
    sum_x = np.bincount(group[inside], weights=projection[inside, 0], minlength=k)
    sum_y = np.bincount(group[inside], weights=projection[inside, 1], minlength=k)
    groups = []
    for g in range(k):
        size = max(int(group_sizes[g]), 1)
        cx, cy = float(sum_x[g] / size), float(sum_y[g] / size)
        groups.append(
            Group(
                id=g,
                size=int(group_sizes[g]),
                x=float(cx),
                y=float(cy),
                representative=tuple(reps[g]) if reps else (),
            )
        )
    base_sizes = np.bincount(base.labels, minlength=base.k)
    base_clusters = tuple(
        BaseCluster(
            id=b,
            x=float(base.centres[b, 0]),
            y=float(base.centres[b, 1]),
            size=int(base_sizes[b]),
            group=int(group_of_base[b]),
        )
        for b in range(base.k)
    )
    return OpinionMap(
        n_participants=matrix.n_participants,
        n_statements=matrix.n_statements,
        n_votes=matrix.n_votes,
        k=k,
        silhouettes=silhouettes,
        participants=ParticipantTable(
            ids=matrix.participant_ids,
            x=projection[:, 0].copy(),
            y=projection[:, 1].copy(),
            group=group,
            base_cluster=base_labels,
            n_votes=matrix.row_counts(),
            in_conv=in_conv,
        ),
        statements=StatementTable(
            ids=sids,
            x=st_pos[:, 0].copy(),
            y=st_pos[:, 1].copy(),
            extremity=extremity,
            n_agree=agree,
            n_disagree=disagree,
            n_seen=seen,
            moderated_out=excluded,
            priority=prio,
            consensus_agree=gac_a,
            consensus_disagree=gac_d,
            divisiveness=div,
            group_agree=counts.agree,
            group_disagree=counts.disagree,
            group_seen=counts.seen,
        ),
        base_clusters=base_clusters,
        groups=tuple(groups),
        consensus_agree=tuple(cons_a),
        consensus_disagree=tuple(cons_d),
        divisive=divisive,
    )
