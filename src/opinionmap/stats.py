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

    Three sparse products with the k-column group indicator: sum of votes, sum of their
    absolute values and count of votes give agrees and disagrees without expanding rows.
    """
    m = matrix.n_statements
    if k == 0 or matrix.n_participants == 0:
        zeros = np.zeros((k, m), dtype=np.int64)
        return GroupCounts(agree=zeros, disagree=zeros.copy(), seen=zeros.copy())
    onehot = np.zeros((matrix.n_participants, k), dtype=np.float32)
    inside = np.flatnonzero(group_of_row >= 0)
    onehot[inside, group_of_row[inside]] = 1.0
    values = matrix.values.astype(np.float32)
    total = np.asarray(matrix.csr(values).T @ onehot).T
    absolute = np.asarray(matrix.csr(np.abs(values)).T @ onehot).T
    seen = np.asarray(matrix.csr(np.ones(matrix.n_votes, dtype=np.float32)).T @ onehot).T
    agree = np.rint((absolute + total) / 2.0).astype(np.int64)
    disagree = np.rint((absolute - total) / 2.0).astype(np.int64)
    return GroupCounts(agree=agree, disagree=disagree, seen=np.rint(seen).astype(np.int64))


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
        chosen = [make(g, int(j)) for j in order]
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
    """The group's best agreed statement, by the sequential rule of ``beats-best-agr?``."""
    voted = allowed[(na[allowed] + nd[allowed]) > 0]
    if len(voted) == 0:
        return None
    ra_l = ra[voted].tolist()
    rat_l = rat[voted].tolist()
    pa_l = pa[voted].tolist()
    pat_l = pat[voted].tolist()
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
