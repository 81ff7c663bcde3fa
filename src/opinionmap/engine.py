"""The pipeline: votes -> centred sparse matrix -> 2-D map -> base clusters -> groups ->
representative and consensus statements. ``analyze`` recomputes everything (warm-started
from a previous state when given); ``update`` folds new votes into a previous state.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from opinionmap.cluster import (
    Clustering,
    cold_kmeans,
    distance_matrix,
    first_distinct,
    kmeans,
    silhouette,
    warm_start,
)
from opinionmap.matrix import (
    FloatArray,
    IntArray,
    VoteEvents,
    VoteMatrix,
    build_matrix,
    merge_votes,
)
from opinionmap.pca import (
    Components,
    column_means,
    principal_components,
    project_participants,
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
from opinionmap.stats import (
    GroupCounts,
    divisiveness,
    group_aware_consensus,
    group_counts,
    priorities,
    select_consensus,
    select_representative,
)


@dataclass(frozen=True)
class Params:
    """Tuning of the engine; the defaults are Pol.is's."""

    base_k: int = 100
    max_k: int = 5
    k_buffer: int = 4
    min_votes: int = 7
    greedy_n: int = 15
    base_iters: int = 100
    group_iters: int = 20
    force_k: int | None = None
    rep_top: int = 5
    consensus_top: int = 5
    divisive_top: int = 5
    divisive_min_seen: int = 3
    group_restarts: int = 10
    seed: int = 0


@dataclass(frozen=True)
class Moderation:
    """Statements moderated out (zeroed, never selected) and meta statements."""

    excluded: frozenset[int] = field(default_factory=frozenset)
    meta: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class KSmoother:
    """Pol.is's k-smoother: switch k only after it has been best ``k_buffer`` times running."""

    last_k: int = 0
    last_k_count: int = 0
    smoothed_k: int = 0

    def step(self, this_k: int, buffer: int) -> KSmoother:
        count = self.last_k_count + 1 if this_k == self.last_k else 1
        switch = count >= buffer or self.smoothed_k == 0
        smoothed = this_k if switch else self.smoothed_k
        return KSmoother(last_k=this_k, last_k_count=count, smoothed_k=smoothed)


@dataclass(frozen=True, eq=False)
class EngineState:
    """Everything ``update`` and a warm-started ``analyze`` need from the previous run.

    Persist it between calls with ``to_bytes`` / ``EngineState.from_bytes``.
    """

    params: Params
    moderation: Moderation
    matrix: VoteMatrix
    components: Components
    in_conv: NDArray[np.bool_]
    base_labels: IntArray
    base_centres: FloatArray
    group_of_base: IntArray
    group_centres: tuple[FloatArray, ...]
    smoother: KSmoother
    updates_since_full: int = 0

    def to_bytes(self) -> bytes:
        """Serialise to a compact binary blob (numpy ``.npz``)."""
        buf = io.BytesIO()
        arrays: dict[str, NDArray[np.generic]] = {
            "participant_ids": self.matrix.participant_ids,
            "statement_ids": self.matrix.statement_ids,
            "indptr": self.matrix.indptr,
            "indices": self.matrix.indices,
            "values": self.matrix.values,
            "center": self.components.center,
            "comps": self.components.comps,
            "in_conv": self.in_conv,
            "base_labels": self.base_labels,
            "base_centres": self.base_centres,
            "group_of_base": self.group_of_base,
            "excluded": np.array(sorted(self.moderation.excluded), dtype=np.int64),
            "meta": np.array(sorted(self.moderation.meta), dtype=np.int64),
            "smoother": np.array(
                [self.smoother.last_k, self.smoother.last_k_count, self.smoother.smoothed_k],
                dtype=np.int64,
            ),
            "updates": np.array([self.updates_since_full], dtype=np.int64),
            "params": np.array(
                [
                    self.params.base_k,
                    self.params.max_k,
                    self.params.k_buffer,
                    self.params.min_votes,
                    self.params.greedy_n,
                    self.params.base_iters,
                    self.params.group_iters,
                    -1 if self.params.force_k is None else self.params.force_k,
                    self.params.rep_top,
                    self.params.consensus_top,
                    self.params.divisive_top,
                    self.params.divisive_min_seen,
                    self.params.group_restarts,
                    self.params.seed,
                ],
                dtype=np.int64,
            ),
        }
        for i, c in enumerate(self.group_centres):
            arrays[f"group_centres_{i}"] = c
        np.savez_compressed(buf, allow_pickle=False, **arrays)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> EngineState:
        """Inverse of ``to_bytes``."""
        z = np.load(io.BytesIO(blob), allow_pickle=False)
        p = [int(v) for v in z["params"]]
        params = Params(
            base_k=p[0],
            max_k=p[1],
            k_buffer=p[2],
            min_votes=p[3],
            greedy_n=p[4],
            base_iters=p[5],
            group_iters=p[6],
            force_k=None if p[7] < 0 else p[7],
            rep_top=p[8],
            consensus_top=p[9],
            divisive_top=p[10],
            divisive_min_seen=p[11],
            group_restarts=p[12],
            seed=p[13],
        )
        sm = [int(v) for v in z["smoother"]]
        n_groups = sum(1 for name in z.files if name.startswith("group_centres_"))
        return cls(
            params=params,
            moderation=Moderation(
                excluded=frozenset(int(v) for v in z["excluded"]),
                meta=frozenset(int(v) for v in z["meta"]),
            ),
            matrix=VoteMatrix(
                participant_ids=z["participant_ids"],
                statement_ids=z["statement_ids"],
                indptr=z["indptr"],
                indices=z["indices"],
                values=z["values"],
            ),
            components=Components(center=z["center"], comps=z["comps"]),
            in_conv=z["in_conv"],
            base_labels=z["base_labels"],
            base_centres=z["base_centres"],
            group_of_base=z["group_of_base"],
            group_centres=tuple(z[f"group_centres_{i}"] for i in range(n_groups)),
            smoother=KSmoother(last_k=sm[0], last_k_count=sm[1], smoothed_k=sm[2]),
            updates_since_full=int(z["updates"][0]),
        )


@dataclass(frozen=True, eq=False)
class Analysis:
    """The map to show and the state to keep for the next update."""

    result: OpinionMap
    state: EngineState


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
    excluded = np.isin(matrix.statement_ids, np.fromiter(moderation.excluded, np.int64))
    start = None
    if previous is not None:
        start = _align_columns(previous.components.comps, previous.matrix, matrix)
    center = column_means(matrix, excluded)
    components = principal_components(matrix, center, excluded, start=start)
    projection = project_participants(matrix, components, excluded)
    history = None
    if isinstance(votes, VoteEvents) and previous is None:
        history = history_in_conv(votes, matrix, params)
    return _finish(
        matrix=matrix,
        moderation=moderation,
        params=params,
        excluded=excluded,
        components=components,
        projection=projection,
        previous=previous,
        updates_since_full=0,
        history_in=history,
    )


def update(
    state: EngineState,
    votes: VoteEvents,
    *,
    moderation: Moderation | None = None,
) -> Analysis:
    """Fold later votes into ``state``: exact counts, centre and projections on the
    previous principal directions, clusters warm-started from the previous ones.

    The directions themselves are refreshed by the next ``analyze(..., previous=state)``.
    """
    moderation = moderation or state.moderation
    matrix, _ = merge_votes(state.matrix, votes)
    excluded = np.isin(matrix.statement_ids, np.fromiter(moderation.excluded, np.int64))
    center = column_means(matrix, excluded)
    comps = _align_columns(state.components.comps, state.matrix, matrix)
    components = Components(center=center, comps=comps)
    projection = project_participants(matrix, components, excluded)
    return _finish(
        matrix=matrix,
        moderation=moderation,
        params=state.params,
        excluded=excluded,
        components=components,
        projection=projection,
        previous=state,
        updates_since_full=state.updates_since_full + 1,
    )


def _align_columns(comps: FloatArray, old: VoteMatrix, new: VoteMatrix) -> FloatArray:
    """Previous components re-indexed to the new columns (0 for new statements)."""
    if old.n_statements == new.n_statements and np.array_equal(
        old.statement_ids, new.statement_ids
    ):
        return comps
    out = np.zeros((comps.shape[0], new.n_statements))
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
    far) at any moment; the set only grows, as in Pol.is's ``in-conv``.
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


def _finish(  # noqa: PLR0912, PLR0915 (one pass of the Pol.is pipeline, kept in order)
    *,
    matrix: VoteMatrix,
    moderation: Moderation,
    params: Params,
    excluded: NDArray[np.bool_],
    components: Components,
    projection: FloatArray,
    previous: EngineState | None,
    updates_since_full: int,
    history_in: NDArray[np.bool_] | None = None,
) -> Analysis:
    n_votes = matrix.row_counts()
    prev_in = history_in
    prev_labels = None
    if previous is not None:
        prev_in = _align_rows(previous.in_conv, previous.matrix, matrix, False).astype(bool)
        prev_labels = _align_rows(previous.base_labels, previous.matrix, matrix, -1).astype(
            np.int64
        )
    in_conv = _in_conv(n_votes, matrix.n_statements, params, prev_in)
    rows_in = np.flatnonzero(in_conv)
    points = projection[rows_in]

    # Base clusters.
    if len(points) == 0:
        base = Clustering(np.zeros((0, 2)), np.zeros(0, dtype=np.int64), 0)
    else:
        if prev_labels is not None and np.any(prev_labels[rows_in] >= 0):
            init = warm_start(points, prev_labels[rows_in], params.base_k)
        else:
            init = first_distinct(points, params.base_k)
        base = kmeans(points, init, max_iters=params.base_iters)
    base_labels = np.full(matrix.n_participants, -1, dtype=np.int64)
    base_labels[rows_in] = base.labels
    sizes = np.bincount(base.labels, minlength=base.k).astype(np.float64)

    # Opinion groups: weighted k-means on the base-cluster centres, k by silhouette.
    group_centres: list[FloatArray] = []
    silhouettes: list[tuple[int, float]] = []
    clusterings: dict[int, Clustering] = {}
    max_k = min(params.max_k, 2 + base.k // 12)
    n_distinct = len(np.unique(base.centres, axis=0)) if base.k else 0
    dist = distance_matrix(base.centres)
    for k in range(2, max_k + 1):
        if n_distinct < k:
            break
        prev_c = None
        if previous is not None and k - 2 < len(previous.group_centres):
            prev_c = previous.group_centres[k - 2]
        if prev_c is not None and len(prev_c) == k:
            clustering = kmeans(base.centres, prev_c, weights=sizes, max_iters=params.group_iters)
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
        group_centres.append(clustering.centres)
        silhouettes.append((k, silhouette(dist, clustering.labels)))
    smoother = previous.smoother if previous is not None else KSmoother()
    if clusterings:
        this_k = max(silhouettes, key=lambda ks: (ks[1], -ks[0]))[0]
        smoother = smoother.step(this_k, params.k_buffer)
        chosen_k = smoother.smoothed_k
        if params.force_k is not None and params.force_k in clusterings:
            chosen_k = params.force_k
        if chosen_k not in clusterings:
            chosen_k = this_k
        groups_clustering = clusterings[chosen_k]
        group_of_base = groups_clustering.labels
        k = groups_clustering.k
    else:
        group_of_base = np.zeros(base.k, dtype=np.int64)
        k = 1 if base.k else 0
    group = np.full(matrix.n_participants, -1, dtype=np.int64)
    group[rows_in] = group_of_base[base.labels] if base.k else -1

    state = EngineState(
        params=params,
        moderation=moderation,
        matrix=matrix,
        components=components,
        in_conv=in_conv,
        base_labels=base_labels,
        base_centres=base.centres,
        group_of_base=group_of_base,
        group_centres=tuple(group_centres),
        smoother=smoother,
        updates_since_full=updates_since_full,
    )
    result = _summarise(
        matrix=matrix,
        moderation=moderation,
        params=params,
        excluded=excluded,
        components=components,
        projection=projection,
        in_conv=in_conv,
        base=base,
        base_labels=base_labels,
        group_of_base=group_of_base,
        group=group,
        k=k,
        silhouettes=tuple(silhouettes),
    )
    return Analysis(result=result, state=state)


def _summarise(
    *,
    matrix: VoteMatrix,
    moderation: Moderation,
    params: Params,
    excluded: NDArray[np.bool_],
    components: Components,
    projection: FloatArray,
    in_conv: NDArray[np.bool_],
    base: Clustering,
    base_labels: IntArray,
    group_of_base: IntArray,
    group: IntArray,
    k: int,
    silhouettes: tuple[tuple[int, float], ...],
) -> OpinionMap:
    sids = matrix.statement_ids
    agree, disagree, seen = matrix.column_counts()
    counts = (
        group_counts(matrix, group, k)
        if k
        else GroupCounts(*(np.zeros((0, matrix.n_statements), dtype=np.int64) for _ in range(3)))
    )
    meta = np.isin(sids, np.fromiter(moderation.meta, np.int64))
    st_pos = project_statements(components, excluded)
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
    group_sizes = np.bincount(group[group >= 0], minlength=k) if k else np.zeros(0, np.int64)
    groups = []
    for g in range(k):
        members = group == g
        cx, cy = (projection[members].mean(axis=0) if np.any(members) else np.zeros(2)).tolist()
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
