"""The opinion matrix: participants x statements, sparse (CSR), latest vote per pair wins.

Votes use the Pol.is open-data convention: agree = +1, disagree = -1, pass = 0. A missing
cell means "not seen", which is not the same as a pass, so passes are stored explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

AGREE = 1
DISAGREE = -1
PASS = 0

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class VoteEvents:
    """A batch of vote events, one per index: who voted, on what, how and when."""

    participant: IntArray
    statement: IntArray
    vote: NDArray[np.int8]
    time: NDArray[np.float64]

    @classmethod
    def from_lists(
        cls,
        participant: list[int] | IntArray,
        statement: list[int] | IntArray,
        vote: list[int] | NDArray[np.integer],
        time: list[float] | NDArray[np.floating] | None = None,
    ) -> VoteEvents:
        """Build events from plain sequences; without times, list order is time order."""
        p = np.asarray(participant, dtype=np.int64)
        s = np.asarray(statement, dtype=np.int64)
        v = np.asarray(vote, dtype=np.int8)
        t = np.arange(len(p), dtype=np.float64) if time is None else np.asarray(time, np.float64)
        if not (len(p) == len(s) == len(v) == len(t)):
            msg = "participant, statement, vote and time must have the same length"
            raise ValueError(msg)
        if np.any((v < DISAGREE) | (v > AGREE)):
            msg = "votes must be -1 (disagree), 0 (pass) or +1 (agree)"
            raise ValueError(msg)
        return cls(participant=p, statement=s, vote=v, time=t)

    def __len__(self) -> int:
        return len(self.participant)


@dataclass(frozen=True, eq=False)
class VoteMatrix:
    """Latest vote of each participant on each statement they have seen.

    Rows are participants in order of their first vote, columns statements in order of
    their first vote (or of ``statement_ids`` when given), so that the result never depends
    on how ids are numbered.
    """

    participant_ids: IntArray
    statement_ids: IntArray
    indptr: IntArray
    indices: NDArray[np.int32]
    values: NDArray[np.int8]

    @property
    def n_participants(self) -> int:
        return len(self.participant_ids)

    @property
    def n_statements(self) -> int:
        return len(self.statement_ids)

    @property
    def n_votes(self) -> int:
        return len(self.indices)

    def csr(self, data: NDArray[np.floating] | None = None) -> sp.csr_matrix:
        """The matrix as scipy CSR, with ``data`` in place of the votes when given."""
        d = self.values if data is None else data
        return sp.csr_matrix(
            (d, self.indices, self.indptr), shape=(self.n_participants, self.n_statements)
        )

    def row_counts(self) -> IntArray:
        """Number of statements each participant has voted on (passes included)."""
        return np.diff(self.indptr).astype(np.int64)

    def rows(self) -> IntArray:
        """Row index of every stored vote (COO row array)."""
        return np.repeat(np.arange(self.n_participants, dtype=np.int64), self.row_counts())

    def column_counts(self) -> tuple[IntArray, IntArray, IntArray]:
        """Agrees, disagrees and seen (any vote, passes included) per statement (one pass)."""
        m = self.n_statements
        key: NDArray[np.signedinteger[Any]]
        if 3 * m < 2**31:
            key = self.indices.astype(np.int32) * 3 + (self.values.astype(np.int32) + 1)
        else:
            key = self.indices.astype(np.int64) * 3 + (self.values.astype(np.int64) + 1)
        by_vote = np.bincount(key, minlength=3 * m).reshape(m, 3).astype(np.int64)
        disagree, passes, agree = by_vote[:, 0], by_vote[:, 1], by_vote[:, 2]
        return agree.copy(), disagree.copy(), agree + disagree + passes

    def with_participants(self, extra_ids: IntArray) -> VoteMatrix:
        """The same matrix with empty rows appended for new participants."""
        if len(extra_ids) == 0:
            return self
        indptr = np.concatenate(
            [self.indptr, np.full(len(extra_ids), self.indptr[-1], dtype=np.int64)]
        )
        return VoteMatrix(
            participant_ids=np.concatenate([self.participant_ids, extra_ids]),
            statement_ids=self.statement_ids,
            indptr=indptr,
            indices=self.indices,
            values=self.values,
        )


# Id ranges up to this many times the number of events use a lookup table, not a sort.
_TABLE_SPAN_FACTOR = 4
_TABLE_SPAN_SLACK = 1 << 20
_DIGIT_BITS = 16
_DIGIT_MASK = (1 << _DIGIT_BITS) - 1


def _time_order(time: NDArray[np.float64]) -> IntArray | None:
    """Event order by time (ties keep event order); None when already in that order."""
    if len(time) < 2 or bool(np.all(time[1:] >= time[:-1])):
        return None
    return np.argsort(time, kind="stable").astype(np.int64)


def _first_order_codes(ids: IntArray) -> tuple[IntArray, IntArray]:
    """Distinct ids in order of first appearance, and each event's index in that order.

    Ids spanning a range not much larger than the number of events are coded with a lookup
    table (linear time); others fall back to a sort.
    """
    n = len(ids)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    lo, hi = int(ids.min()), int(ids.max())
    span = hi - lo + 1
    if span <= _TABLE_SPAN_FACTOR * n + _TABLE_SPAN_SLACK:
        shifted = ids - lo if lo else ids
        first = np.full(span, n, dtype=np.int64)
        np.minimum.at(first, shifted, np.arange(n, dtype=np.int64))
        present = np.flatnonzero(first < n)
        order = present[np.argsort(first[present], kind="stable")]
        table = np.empty(span, dtype=np.int64)
        table[order] = np.arange(len(order), dtype=np.int64)
        return (order + lo).astype(np.int64), table[shifted]
    uniq, first_idx, inverse = np.unique(ids, return_index=True, return_inverse=True)
    by_first = np.argsort(first_idx, kind="stable")
    rank = np.empty(len(uniq), dtype=np.int64)
    rank[by_first] = np.arange(len(uniq), dtype=np.int64)
    return uniq[by_first].astype(np.int64), rank[inverse.ravel()]


def _with_given_first(
    order: IntArray, codes: IntArray, given: IntArray | None
) -> tuple[IntArray, IntArray]:
    """Put ``given`` ids first (in their order), then the others in first-appearance order."""
    if given is None:
        return order, codes
    given = np.asarray(given, dtype=np.int64)
    extra = order[~np.isin(order, given)]
    final = np.concatenate([given, extra])
    remap = _positions_in(final, order)
    return final, remap[codes]


def _positions_in(labels: IntArray, ids: IntArray) -> IntArray:
    """Position of each id in ``labels`` (which must contain them all)."""
    sorter = np.argsort(labels, kind="stable")
    pos = np.searchsorted(labels, ids, sorter=sorter)
    return sorter[pos].astype(np.int64)


def stable_argsort(key: IntArray) -> IntArray:
    """Stable argsort of non-negative integer keys.

    Keys already grouped by their high part (e.g. events grouped by participant) are
    nearly sorted, which timsort handles in close to linear time; otherwise an LSD radix
    sort on 16-bit digits (numpy's stable sort of ``uint16`` is a counting sort).
    """
    n = len(key)
    if n < 2:
        return np.arange(n, dtype=np.int64)
    if bool(np.all(key[1:] >= key[:-1])):
        return np.arange(n, dtype=np.int64)
    high = key >> _DIGIT_BITS
    if bool(np.all(high[1:] >= high[:-1])):
        return np.argsort(key, kind="stable").astype(np.int64)
    top = int(key.max())
    perm: IntArray | None = None
    shift = 0
    while perm is None or (top >> shift) > 0:
        part = key if perm is None else key[perm]
        digit = ((part >> shift) & _DIGIT_MASK).astype(np.uint16)
        step = np.argsort(digit, kind="stable")
        perm = step if perm is None else perm[step]
        shift += _DIGIT_BITS
    return perm.astype(np.int64, copy=False)


def build_matrix(
    events: VoteEvents,
    *,
    participant_ids: IntArray | None = None,
    statement_ids: IntArray | None = None,
) -> VoteMatrix:
    """Build the matrix from vote events; for each (participant, statement) the latest wins.

    ``participant_ids`` / ``statement_ids`` fix the row / column order (and may name people
    or statements without votes); ids absent from them are appended in first-vote order.
    Linear-time steps only when the events come in time order with compact ids: a lookup
    table codes the ids, and a stable radix sort by cell keeps each cell's latest vote.
    """
    order = _time_order(events.time)
    participant = events.participant if order is None else events.participant[order]
    statement = events.statement if order is None else events.statement[order]
    vote = events.vote if order is None else events.vote[order]
    p_order, rows = _with_given_first(*_first_order_codes(participant), participant_ids)
    s_order, cols = _with_given_first(*_first_order_codes(statement), statement_ids)
    n, m = len(p_order), len(s_order)
    key = rows * max(m, 1) + cols
    by_cell = stable_argsort(key)
    key_sorted = key[by_cell]
    last = np.ones(len(key_sorted), dtype=bool)
    np.not_equal(key_sorted[1:], key_sorted[:-1], out=last[:-1])
    chosen = by_cell[last]
    r = rows[chosen]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=n), out=indptr[1:])
    return VoteMatrix(
        participant_ids=p_order,
        statement_ids=s_order,
        indptr=indptr,
        indices=cols[chosen].astype(np.int32),
        values=vote[chosen].astype(np.int8),
    )


def _index_of(labels: IntArray, ids: IntArray) -> IntArray:
    """Position of each id in ``labels`` (which must contain them all)."""
    return _positions_in(labels, ids)


@dataclass(frozen=True)
class MatrixChange:
    """What merging new votes changed: the cells and their previous votes (None: unseen)."""

    rows: IntArray
    cols: IntArray
    old: NDArray[np.int8]
    old_seen: NDArray[np.bool_]
    new: NDArray[np.int8]


def _find_in_rows(
    indptr: IntArray, indices: NDArray[np.int32], rows: IntArray, cols: IntArray
) -> tuple[IntArray, NDArray[np.bool_]]:
    """Where each (row, col) is, or would be inserted, among the row's sorted columns."""
    lo = indptr[rows].copy()
    hi = indptr[rows + 1].copy()
    end = hi.copy()
    last = max(len(indices) - 1, 0)
    active = lo < hi
    while np.any(active):
        mid = (lo + hi) // 2
        probe = indices[np.minimum(mid, last)] if len(indices) else np.zeros(len(mid), np.int32)
        right = active & (probe < cols)
        left = active & ~right
        lo = np.where(right, mid + 1, lo)
        hi = np.where(left, mid, hi)
        active = lo < hi
    exists = np.zeros(len(rows), dtype=bool)
    if len(indices):
        inside = lo < end
        exists[inside] = indices[lo[inside]] == cols[inside]
    return lo, exists


def _insert_sorted(
    array: NDArray[np.generic], at: IntArray, items: NDArray[np.generic]
) -> NDArray[np.generic]:
    """``array`` with ``items`` inserted before positions ``at`` (ascending; ties keep order).

    One pass of slice copies: a few milliseconds for millions of votes, where np.insert
    builds a mask over the whole array.
    """
    out = np.empty(len(array) + len(items), dtype=array.dtype)
    previous = 0
    for j, position in enumerate(at.tolist()):
        out[previous + j : position + j] = array[previous:position]
        out[position + j] = items[j]
        previous = position
    out[previous + len(items) :] = array[previous:]
    return out


def merge_votes(matrix: VoteMatrix, events: VoteEvents) -> tuple[VoteMatrix, MatrixChange]:
    """Apply later vote events to the matrix (new participants and statements are appended).

    Events are taken to be later than everything already in the matrix; among themselves
    the latest per cell wins. Costs one copy of the stored votes plus work proportional to
    the new events.
    """
    empty = np.zeros(0, dtype=np.int64)
    if len(events) == 0:
        return matrix, MatrixChange(
            empty, empty, np.zeros(0, np.int8), np.zeros(0, bool), np.zeros(0, np.int8)
        )
    order = _time_order(events.time)
    participant = events.participant if order is None else events.participant[order]
    statement = events.statement if order is None else events.statement[order]
    vote = events.vote if order is None else events.vote[order]
    ev_p, _ = _first_order_codes(participant)
    ev_s, _ = _first_order_codes(statement)
    new_p = ev_p[~np.isin(ev_p, matrix.participant_ids)]
    new_s = ev_s[~np.isin(ev_s, matrix.statement_ids)]
    p_ids = (
        np.concatenate([matrix.participant_ids, new_p]) if len(new_p) else matrix.participant_ids
    )
    s_ids = np.concatenate([matrix.statement_ids, new_s]) if len(new_s) else matrix.statement_ids
    n, m = len(p_ids), len(s_ids)
    rows = _positions_in(p_ids, participant)
    cols = _positions_in(s_ids, statement)
    key = rows * m + cols
    by_cell = np.lexsort((np.arange(len(key)), key))
    ks = key[by_cell]
    last = np.ones(len(ks), dtype=bool)
    last[:-1] = ks[1:] != ks[:-1]
    chosen = by_cell[last]
    r, c = rows[chosen], cols[chosen]
    v = vote[chosen].astype(np.int8)

    indptr = matrix.indptr
    if len(new_p):
        indptr = np.concatenate([indptr, np.full(len(new_p), indptr[-1], dtype=np.int64)])
    pos, exists = _find_in_rows(indptr, matrix.indices, r, c)
    old = np.zeros(len(r), dtype=np.int8)
    old[exists] = matrix.values[pos[exists]]
    values = matrix.values
    if np.any(exists):
        values = values.copy()
        values[pos[exists]] = v[exists]
    ins = ~exists
    indices = matrix.indices
    if np.any(ins):
        at = pos[ins]
        ins_order = np.lexsort((c[ins], r[ins], at))
        at = at[ins_order]
        indices = np.asarray(
            _insert_sorted(indices, at, c[ins][ins_order].astype(np.int32)), dtype=np.int32
        )
        values = np.asarray(_insert_sorted(values, at, v[ins][ins_order]), dtype=np.int8)
        added = np.bincount(r[ins], minlength=n)
        indptr = indptr + np.concatenate([[0], np.cumsum(added)])
    merged = VoteMatrix(
        participant_ids=p_ids,
        statement_ids=s_ids,
        indptr=indptr.astype(np.int64, copy=False),
        indices=np.asarray(indices, dtype=np.int32),
        values=np.asarray(values, dtype=np.int8),
    )
    return merged, MatrixChange(rows=r, cols=c, old=old, old_seen=exists, new=v)
