"""Vote statistics per group: representativeness, consensus, group-informed consensus,
divisiveness and routing priority, as Pol.is's ``repness.clj`` and ``conversation.clj``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from opinionmap.matrix import FloatArray, IntArray, VoteMatrix

Z_90 = 1.2816


@dataclass(frozen=True, eq=False)
class GroupCounts:
    """Agrees, disagrees and seen per group (rows) and statement (columns)."""

    agree: IntArray
    disagree: IntArray
    seen: IntArray


def group_counts(matrix: VoteMatrix, group_of_row: IntArray, k: int) -> GroupCounts:
    """Count votes per (group, statement); rows with group -1 are left out.

    One pass: each vote's (group, statement, vote) cell is counted by a single bincount,
    with rows outside the groups sent to a spare group that is dropped.
    """
    m = matrix.n_statements
    if k == 0 or matrix.n_participants == 0:
        zeros = np.zeros((k, m), dtype=np.int64)
        return GroupCounts(agree=zeros, disagree=zeros.copy(), seen=zeros.copy())
    slot = np.where(group_of_row >= 0, group_of_row, k)
    cell_dtype = np.int32 if 3 * (k + 1) * m < 2**31 else np.int64
    row_slot = np.repeat(slot.astype(cell_dtype), matrix.row_counts())
    key = (row_slot * m + matrix.indices) * 3 + (matrix.values + 1)
    by_vote = np.bincount(key, minlength=3 * (k + 1) * m).reshape(k + 1, m, 3)[:k]
    disagree = by_vote[:, :, 0].astype(np.int64)
    agree = by_vote[:, :, 2].astype(np.int64)
    seen = by_vote.sum(axis=2).astype(np.int64)
    return GroupCounts(agree=agree, disagree=disagree, seen=seen)


def _flat_add(target: IntArray, flat: IntArray, weights: IntArray) -> None:
    target.reshape(-1)[:] += np.bincount(flat, weights=weights, minlength=target.size).astype(
        np.int64
    )


def add_row_votes(
    counts: GroupCounts, matrix: VoteMatrix, rows: IntArray, groups: IntArray, sign: int
) -> None:
    """Add (sign +1) or remove (-1) every vote of ``rows`` to / from group ``groups`` (in
    place; rows with group -1 are skipped)."""
    keep = groups >= 0
    rows, groups = rows[keep], groups[keep]
    if len(rows) == 0:
        return
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    cells = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - offsets, lengths)
    flat = np.repeat(groups, lengths) * counts.seen.shape[1] + matrix.indices[cells]
    values = matrix.values[cells]
    one = np.full(len(flat), sign, dtype=np.int64)
    _flat_add(counts.seen, flat, one)
    _flat_add(counts.agree, flat, one * (values == 1))
    _flat_add(counts.disagree, flat, one * (values == -1))


def add_cell_changes(  # noqa: PLR0917 (the fields of a MatrixChange)
    counts: GroupCounts,
    groups: IntArray,
    cols: IntArray,
    old: NDArray[np.int8],
    old_seen: NDArray[np.bool_],
    new: NDArray[np.int8],
) -> None:
    """Apply changed votes (previous vote, or none, replaced by ``new``) to the group counts
    in place; cells of participants with group -1 are skipped."""
    keep = groups >= 0
    if not np.any(keep):
        return
    flat = groups[keep] * counts.seen.shape[1] + cols[keep]
    old_k, seen_k, new_k = old[keep], old_seen[keep], new[keep]
    _flat_add(counts.seen, flat, (~seen_k).astype(np.int64))
    _flat_add(
        counts.agree, flat, (new_k == 1).astype(np.int64) - (seen_k & (old_k == 1)).astype(np.int64)
    )
    _flat_add(
        counts.disagree,
        flat,
        (new_k == -1).astype(np.int64) - (seen_k & (old_k == -1)).astype(np.int64),
    )


def prop_test(
    success: NDArray[np.floating] | NDArray[np.integer],
    n: NDArray[np.floating] | NDArray[np.integer],
) -> FloatArray:
    """One-proportion z-like score with a +1 prior (Pol.is ``prop-test``)."""
    s = np.asarray(success, dtype=np.float64)
    t = np.asarray(n, dtype=np.float64)
    return np.asarray(2.0 * np.sqrt(t + 1.0) * ((s + 1.0) / (t + 1.0) - 0.5), dtype=np.float64)


def two_prop_test(
    s1: NDArray[np.integer],
    s2: NDArray[np.integer],
    n1: NDArray[np.integer],
    n2: NDArray[np.integer],
) -> FloatArray:
    """Two-proportion z-test with +1 added to every count (Pol.is ``two-prop-test``)."""
    a1, a2 = s1 + 1.0, s2 + 1.0
    b1, b2 = n1 + 1.0, n2 + 1.0
    p1, p2 = a1 / b1, a2 / b2
    p = (a1 + a2) / (b1 + b2)
    var = p * (1.0 - p) * (1.0 / b1 + 1.0 / b2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (p1 - p2) / np.sqrt(var)
    return np.asarray(np.where(p >= 1.0, 0.0, np.nan_to_num(z)), dtype=np.float64)


@dataclass(frozen=True)
class Repness:
    """Why a statement represents a group: its figures in the group and outside it."""

    statement_id: int
    repful_for: str
    n_success: int
    n_trials: int
    p_success: float
    p_test: float
    repness: float
    repness_test: float
    best_agree: bool
    share_agree_in: float
    share_agree_out: float
    share_disagree_in: float
    share_disagree_out: float


def select_representative(
    counts: GroupCounts,
    statement_ids: IntArray,
    excluded: NDArray[np.bool_],
    *,
    top: int = 5,
) -> list[list[Repness]]:
    """Representative statements of each group, following ``select-rep-comments``."""
    k, _ = counts.seen.shape
    na, nd, ns = counts.agree, counts.disagree, counts.seen
    na_rest = na.sum(axis=0)[None, :] - na
    nd_rest = nd.sum(axis=0)[None, :] - nd
    ns_rest = ns.sum(axis=0)[None, :] - ns
    pa = (na + 1.0) / (ns + 2.0)
    pd = (nd + 1.0) / (ns + 2.0)
    pat = prop_test(na, ns)
    pdt = prop_test(nd, ns)
    ra = pa / ((na_rest + 1.0) / (ns_rest + 2.0))
    rd = pd / ((nd_rest + 1.0) / (ns_rest + 2.0))
    rat = two_prop_test(na, na_rest, ns, ns_rest)
    rdt = two_prop_test(nd, nd_rest, ns, ns_rest)
    passes = ((rat > Z_90) & (pat > Z_90)) | ((rdt > Z_90) & (pdt > Z_90))
    agree_side = rat > rdt
    metric = np.where(agree_side, ra * rat * pa * pat, rd * rdt * pd * pdt)
    share = _shares(counts)
    out: list[list[Repness]] = []
    allowed = np.flatnonzero(~excluded)

    def make(g: int, j: int, best_agree: bool = False) -> Repness:
        agree = bool(agree_side[g, j])
        return Repness(
            statement_id=int(statement_ids[j]),
            repful_for="agree" if agree else "disagree",
            n_success=int(na[g, j] if agree else nd[g, j]),
            n_trials=int(ns[g, j]),
            p_success=float(pa[g, j] if agree else pd[g, j]),
            p_test=float(pat[g, j] if agree else pdt[g, j]),
            repness=float(ra[g, j] if agree else rd[g, j]),
            repness_test=float(rat[g, j] if agree else rdt[g, j]),
            best_agree=best_agree,
            share_agree_in=float(share[0][g, j]),
            share_agree_out=float(share[1][g, j]),
            share_disagree_in=float(share[2][g, j]),
            share_disagree_out=float(share[3][g, j]),
        )

    for g in range(k):
        best_agree = _best_agree(
            allowed, na=na[g], nd=nd[g], ra=ra[g], rat=rat[g], pa=pa[g], pat=pat[g]
        )
        sufficient = allowed[passes[g, allowed]]
        if len(sufficient) == 0:
            if best_agree is not None:
                out.append([make(g, best_agree, best_agree=True)])
            elif len(allowed):
                z = np.maximum(rat[g, allowed], rdt[g, allowed])
                out.append([make(g, int(allowed[int(np.argmax(z))]))])
            else:
                out.append([])
            continue
        if best_agree is not None:
            sufficient = sufficient[sufficient != best_agree]
        order = sufficient[np.argsort(-metric[g, sufficient], kind="stable")]
        if best_agree is not None:
            order = order[: max(top - 1, 0)]
        chosen = [make(g, int(j)) for j in order[:top]]
        if best_agree is not None:
            chosen.insert(0, make(g, best_agree, best_agree=True))
        chosen = chosen[:top]
        out.append(
            [r for r in chosen if r.repful_for == "agree"]
            + [r for r in chosen if r.repful_for == "disagree"]
        )
    return out


def _best_agree(
    allowed: IntArray,
    *,
    na: IntArray,
    nd: IntArray,
    ra: FloatArray,
    rat: FloatArray,
    pa: FloatArray,
    pat: FloatArray,
) -> int | None:
    """The group's best agreed statement, by the sequential rule of ``beats-best-agr?``.

    Scanning statements in order, the first that qualifies (pat significant, or ra > 1
    and pa > 0.5) becomes the best; a later one replaces it when it beats it on
    ra * rat * pa * pat if the best has ra > 1, else on pa * pat. Between changes of
    which key applies, the successive bests are the running records of that key, so the
    scan runs as a few vectorised record searches instead of a loop over statements.
    """
    voted = allowed[(na[allowed] + nd[allowed]) > 0]
    if len(voted) == 0:
        return None
    r, pa_v = ra[voted], pa[voted]
    metric = r * rat[voted] * pa_v * pat[voted]
    plain = pa_v * pat[voted]
    entry = np.flatnonzero((pat[voted] > Z_90) | ((r > 1.0) & (pa_v > 0.5)))
    if len(entry) == 0:
        return None
    best = int(entry[0])
    while True:
        strong = bool(r[best] > 1.0)
        key = metric if strong else plain
        segment = key[best:]
        record = np.flatnonzero(segment[1:] > np.maximum.accumulate(segment)[:-1]) + best + 1
        if len(record) == 0:
            break
        switch = np.flatnonzero((r[record] > 1.0) != strong)
        if len(switch) == 0:
            best = int(record[-1])
            break
        best = int(record[switch[0]])
    return int(voted[best])


def best_agree_sequential(
    allowed: IntArray,
    *,
    na: IntArray,
    nd: IntArray,
    ra: FloatArray,
    rat: FloatArray,
    pa: FloatArray,
    pat: FloatArray,
) -> int | None:
    """Reference: ``_best_agree`` as the plain loop of ``beats-best-agr?`` (for tests)."""
    voted = allowed[(na[allowed] + nd[allowed]) > 0]
    ra_l, rat_l = ra[voted].tolist(), rat[voted].tolist()
    pa_l, pat_l = pa[voted].tolist(), pat[voted].tolist()
    best = -1
    for i in range(len(ra_l)):
        if best < 0:
            ok = pat_l[i] > Z_90 or (ra_l[i] > 1.0 and pa_l[i] > 0.5)
        elif ra_l[best] > 1.0:
            ok = (
                ra_l[i] * rat_l[i] * pa_l[i] * pat_l[i]
                > ra_l[best] * rat_l[best] * pa_l[best] * pat_l[best]
            )
        else:
            ok = pa_l[i] * pat_l[i] > pa_l[best] * pat_l[best]
        if ok:
            best = i
    return None if best < 0 else int(voted[best])


def _shares(counts: GroupCounts) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Plain shares agreeing / disagreeing inside each group and among all other groups."""
    na, nd, ns = counts.agree, counts.disagree, counts.seen
    ns_out = ns.sum(axis=0)[None, :] - ns

    def div(a: IntArray, b: IntArray) -> FloatArray:
        return np.divide(a, b, out=np.zeros(a.shape), where=b > 0)

    return (
        div(na, ns),
        div(na.sum(axis=0)[None, :] - na, ns_out),
        div(nd, ns),
        div(nd.sum(axis=0)[None, :] - nd, ns_out),
    )


@dataclass(frozen=True)
class ConsensusStatement:
    """A statement most participants agree (or disagree) with, and its figures."""

    statement_id: int
    n_success: int
    n_trials: int
    p_success: float
    p_test: float


def select_consensus(
    agree: IntArray,
    disagree: IntArray,
    seen: IntArray,
    statement_ids: IntArray,
    excluded: NDArray[np.bool_],
    *,
    top: int = 5,
) -> tuple[list[ConsensusStatement], list[ConsensusStatement]]:
    """Top agreed and top disagreed statements over all participants."""
    result: list[list[ConsensusStatement]] = []
    for success in (agree, disagree):
        p = (success + 1.0) / (seen + 2.0)
        pt = prop_test(success, seen)
        ok = np.flatnonzero((p > 0.5) & (pt > Z_90) & ~excluded)
        order = ok[np.argsort(-(p[ok] * pt[ok]), kind="stable")][:top]
        result.append(
            [
                ConsensusStatement(
                    statement_id=int(statement_ids[j]),
                    n_success=int(success[j]),
                    n_trials=int(seen[j]),
                    p_success=float(p[j]),
                    p_test=float(pt[j]),
                )
                for j in order
            ]
        )
    return result[0], result[1]


def group_aware_consensus(counts: GroupCounts) -> tuple[FloatArray, FloatArray]:
    """Product over groups of the Laplace-smoothed agree (and disagree) probability."""
    s = counts.seen + 2.0
    gac_agree = np.prod((counts.agree + 1.0) / s, axis=0)
    gac_disagree = np.prod((counts.disagree + 1.0) / s, axis=0)
    return np.asarray(gac_agree, np.float64), np.asarray(gac_disagree, np.float64)


def divisiveness(counts: GroupCounts) -> FloatArray:
    """Spread of the groups' smoothed agree probabilities: max minus min over groups."""
    if counts.seen.shape[0] < 2:
        return np.zeros(counts.seen.shape[1])
    pa = (counts.agree + 1.0) / (counts.seen + 2.0)
    return np.asarray(pa.max(axis=0) - pa.min(axis=0), dtype=np.float64)


def priorities(
    agree: IntArray,
    disagree: IntArray,
    seen: IntArray,
    extremity: FloatArray,
    meta: NDArray[np.bool_],
) -> FloatArray:
    """Pol.is routing priority: importance boosted for new statements, squared; meta = 49."""
    passes = seen - agree - disagree
    p = (passes + 1.0) / (seen + 2.0)
    a = (agree + 1.0) / (seen + 2.0)
    importance = (1.0 - p) * (extremity + 1.0) * a
    boosted = importance * (1.0 + 8.0 * np.power(2.0, -seen / 5.0))
    return np.asarray(np.where(meta, 49.0, boosted**2), dtype=np.float64)
