"""Principal components of the vote matrix with column-mean imputation, kept sparse.

Pol.is replaces each missing vote by its column's mean and then centres every column on
that same mean, so an imputed cell is exactly 0 after centring. The centred matrix is
therefore as sparse as the votes: its stored entries are ``vote - mean`` on seen cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.sparse.linalg import LinearOperator, eigsh

from opinionmap.matrix import FloatArray, IntArray, VoteMatrix

# Above this many multiply-adds the m x m Gram matrix costs more than Lanczos iterations.
_GRAM_BUDGET = 40_000_000
# A full dense eigendecomposition costs ~m^3 (and multi-threaded LAPACK stalls on a busy
# machine): beyond this many statements Lanczos wins even when the Gram matrix is cheap.
_DENSE_EIGH_MAX = 400


@dataclass(frozen=True, eq=False)
class Components:
    """Column centre and the two principal directions (rows of ``comps``)."""

    center: FloatArray
    comps: FloatArray


def column_means(
    matrix: VoteMatrix,
    excluded: NDArray[np.bool_],
    counts: tuple[IntArray, IntArray, IntArray] | None = None,
) -> FloatArray:
    """Mean of the observed votes of each statement; 0 for unseen or excluded ones.

    ``counts`` (agree, disagree, seen per statement) spares a pass over the votes.
    """
    agree, disagree, seen = matrix.column_counts() if counts is None else counts
    total = (agree - disagree).astype(np.float64)
    mean = np.divide(total, seen, out=np.zeros(len(seen)), where=seen > 0)
    mean[excluded] = 0.0
    return mean


def centred_data(
    matrix: VoteMatrix, center: FloatArray, excluded: NDArray[np.bool_]
) -> NDArray[np.float32]:
    """Stored entries of the centred matrix; excluded (moderated-out) columns are 0."""
    data = matrix.values.astype(np.float32)
    data -= center.astype(np.float32)[matrix.indices]
    if np.any(excluded):
        data[excluded[matrix.indices]] = 0.0
    return data


def _gram_cost(matrix: VoteMatrix) -> int:
    counts = matrix.row_counts()
    return int(np.dot(counts, counts))


def principal_components(
    matrix: VoteMatrix,
    center: FloatArray,
    excluded: NDArray[np.bool_],
    *,
    start: FloatArray | None = None,
    n_comps: int = 2,
    centred: NDArray[np.float32] | None = None,
) -> Components:
    """Top principal directions of the centred, imputed matrix, computed without densifying.

    Small conversations (at most 400 statements) use the exact eigen-decomposition of the
    statements' Gram matrix (statements x statements); others use Lanczos on the implicit
    operator ``v -> C^T (C v)``, started from ``start`` (the previous components) when given. Both
    give the vectors Pol.is's power iteration converges to.
    """
    m = matrix.n_statements
    comps = np.zeros((n_comps, m))
    if m == 0 or matrix.n_votes == 0:
        return Components(center=center, comps=comps)
    data = centred_data(matrix, center, excluded) if centred is None else centred
    c = matrix.csr(data)
    k = min(n_comps, m, matrix.n_participants)
    if m <= 2 * n_comps + 1 or (m <= _DENSE_EIGH_MAX and _gram_cost(matrix) <= _GRAM_BUDGET):
        gram = (c.T @ c).toarray().astype(np.float64)
        _, vecs = np.linalg.eigh(gram)
        top = vecs[:, ::-1][:, :k].T
    else:
        ct = c.T

        def apply(v: FloatArray) -> FloatArray:
            x = np.asarray(v, dtype=np.float32).ravel()
            return np.asarray(ct @ (c @ x), dtype=np.float64)

        op = LinearOperator((m, m), matvec=apply, dtype=np.float64)
        v0 = np.ones(m) if start is None else start.sum(axis=0) + 1e-3
        if not np.any(v0):
            v0 = np.ones(m)
        # A small Krylov space: ARPACK restarts until tol is met, and the top two
        # eigenvectors of vote matrices usually converge in one cycle (13 products).
        vals, vecs = eigsh(op, k=k, which="LA", v0=v0, tol=1e-8, ncv=min(m, 12))
        top = vecs[:, np.argsort(vals)[::-1]].T
    comps[:k] = top
    return Components(center=center, comps=_orient(comps, start))


def _orient(comps: FloatArray, start: FloatArray | None) -> FloatArray:
    """Fix each component's arbitrary sign: follow the previous one, else make its sum > 0."""
    out = comps.copy()
    for i in range(len(out)):
        if start is not None and i < len(start) and start.shape[1] == out.shape[1]:
            ref = float(np.dot(out[i], start[i]))
        else:
            ref = float(out[i].sum())
        if ref < 0:
            out[i] = -out[i]
    return out


def effective_votes(matrix: VoteMatrix, zeroed: NDArray[np.bool_]) -> IntArray:
    """The vote count Pol.is scales each projection by: votes on statements not zeroed, plus
    every zeroed (moderated-out or meta) statement.

    Pol.is's ``zero-out-columns`` sets every cell of a moderated column to 0, voted or not,
    and ``sparsity-aware-project-ptpt`` counts every non-nil cell, so each zeroed column
    counts as voted for everyone.
    """
    counts = matrix.row_counts()
    n_zeroed = int(np.count_nonzero(zeroed))
    if n_zeroed == 0:
        return counts
    on_zeroed = np.concatenate([[0], np.cumsum(zeroed[matrix.indices], dtype=np.int64)])
    own = on_zeroed[matrix.indptr[1:]] - on_zeroed[matrix.indptr[:-1]]
    return np.asarray(counts - own + n_zeroed, dtype=np.int64)


def project_participants(
    matrix: VoteMatrix,
    pca: Components,
    zeroed: NDArray[np.bool_],
    centred: NDArray[np.float32] | None = None,
) -> FloatArray:
    """Sparsity-aware projection: scale by sqrt(statements / votes) to undo shrinkage."""
    data = centred_data(matrix, pca.center, zeroed) if centred is None else centred
    c = matrix.csr(data)
    comps32 = pca.comps.astype(np.float32)
    raw = np.column_stack([np.asarray(c @ comps32[i], dtype=np.float64) for i in range(2)])
    scale = np.sqrt(matrix.n_statements / np.maximum(effective_votes(matrix, zeroed), 1))
    return raw * scale[:, None]


def row_cells(matrix: VoteMatrix, rows: IntArray) -> tuple[IntArray, IntArray]:
    """Stored-cell positions of the given rows, and which of ``rows`` each belongs to."""
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]) if len(rows) else lengths
    cells = np.arange(total, dtype=np.int64) + np.repeat(starts - offsets, lengths)
    return cells, owner


def project_rows(
    matrix: VoteMatrix, rows: IntArray, pca: Components, zeroed: NDArray[np.bool_]
) -> FloatArray:
    """``project_participants`` for some rows only (work proportional to their votes)."""
    cells, owner = row_cells(matrix, rows)
    cols = matrix.indices[cells]
    data = matrix.values[cells].astype(np.float64) - pca.center[cols]
    data[zeroed[cols]] = 0.0
    k = len(rows)
    raw = np.column_stack(
        [np.bincount(owner, weights=data * pca.comps[i][cols], minlength=k) for i in range(2)]
    )
    votes = np.bincount(owner, minlength=k)
    on_zeroed = np.bincount(owner, weights=zeroed[cols].astype(np.float64), minlength=k)
    n_eff = votes - on_zeroed.astype(np.int64) + int(np.count_nonzero(zeroed))
    scale = np.sqrt(matrix.n_statements / np.maximum(n_eff, 1)).astype(np.float64)
    return np.asarray(raw * scale[:, None], dtype=np.float64)


def project_statements(pca: Components, excluded: NDArray[np.bool_]) -> FloatArray:
    """Position of each statement: a virtual participant who agreed with it alone."""
    m = pca.comps.shape[1]
    value = np.where(excluded, 0.0, 1.0) - pca.center
    return np.asarray((np.sqrt(m) * value)[:, None] * pca.comps[:2].T, dtype=np.float64)


def sparse_matrix(matrix: VoteMatrix) -> sp.csr_matrix:
    """The raw votes as CSR (convenience for callers that want scipy)."""
    return matrix.csr(matrix.values.astype(np.float64))
