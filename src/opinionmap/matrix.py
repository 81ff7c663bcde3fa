"""The opinion matrix: participants x statements, sparse (CSR), latest vote per pair wins.

Votes use the Pol.is open-data convention: agree = +1, disagree = -1, pass = 0. A missing
cell means "not seen", which is not the same as a pass, so passes are stored explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        """Agrees, disagrees and seen (any vote, passes included) per statement."""
        m = self.n_statements
        seen = np.bincount(self.indices, minlength=m).astype(np.int64)
        agree = np.bincount(self.indices[self.values == AGREE], minlength=m).astype(np.int64)
        disagree = np.bincount(self.indices[self.values == DISAGREE], minlength=m).astype(np.int64)
        return agree, disagree, seen

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


def _first_appearance_order(ids: IntArray, time: NDArray[np.float64]) -> IntArray:
    """Distinct ids ordered by the time of their first event (ties broken by event order)."""
    order = np.lexsort((np.arange(len(ids)), time))
    ids_by_time = ids[order]
    _, first = np.unique(ids_by_time, return_index=True)
    return ids_by_time[np.sort(first)]


def build_matrix(
    events: VoteEvents,
    *,
    participant_ids: IntArray | None = None,
    statement_ids: IntArray | None = None,
) -> VoteMatrix:
    """Build the matrix from vote events; for each (participant, statement) the latest wins.

    ``participant_ids`` / ``statement_ids`` fix the row / column order (and may name people
    or statements without votes); ids absent from them are appended in first-vote order.
    """
    p_order = _first_appearance_order(events.participant, events.time)
    s_order = _first_appearance_order(events.statement, events.time)
    if participant_ids is not None:
        given = np.asarray(participant_ids, dtype=np.int64)
        p_order = np.concatenate([given, p_order[~np.isin(p_order, given)]])
    if statement_ids is not None:
        given_s = np.asarray(statement_ids, dtype=np.int64)
        s_order = np.concatenate([given_s, s_order[~np.isin(s_order, given_s)]])
    n, m = len(p_order), len(s_order)
    rows = _index_of(p_order, events.participant)
    cols = _index_of(s_order, events.statement)
    # Sort by cell then time; the last event of each cell is the one that counts.
    key = rows * max(m, 1) + cols
    order = np.lexsort((np.arange(len(key)), events.time, key))
    key_sorted = key[order]
    last = np.ones(len(key_sorted), dtype=bool)
    last[:-1] = key_sorted[1:] != key_sorted[:-1]
    chosen = order[last]
    r = rows[chosen]
    c = cols[chosen].astype(np.int32)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(r, minlength=n), out=indptr[1:])
    return VoteMatrix(
        participant_ids=p_order,
        statement_ids=s_order,
        indptr=indptr,
        indices=c,
        values=events.vote[chosen].astype(np.int8),
    )


def _index_of(labels: IntArray, ids: IntArray) -> IntArray:
    """Position of each id in ``labels`` (which must contain them all)."""
    sorter = np.argsort(labels, kind="stable")
    pos = np.searchsorted(labels, ids, sorter=sorter)
    return sorter[pos].astype(np.int64)


@dataclass(frozen=True)
class MatrixChange:
    """What merging new votes changed: the cells and their previous votes (None: unseen)."""

    rows: IntArray
    cols: IntArray
    old: NDArray[np.int8]
    old_seen: NDArray[np.bool_]
    new: NDArray[np.int8]


def merge_votes(matrix: VoteMatrix, events: VoteEvents) -> tuple[VoteMatrix, MatrixChange]:
    """Apply later vote events to the matrix (new participants and statements are appended).

    Events are taken to be later than everything already in the matrix; among themselves
    the latest per cell wins.
    """
    if len(events) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return matrix, MatrixChange(
            empty, empty, np.zeros(0, np.int8), np.zeros(0, bool), np.zeros(0, np.int8)
        )
    new_p = _first_appearance_order(events.participant, events.time)
    new_p = new_p[~np.isin(new_p, matrix.participant_ids)]
    new_s = _first_appearance_order(events.statement, events.time)
    new_s = new_s[~np.isin(new_s, matrix.statement_ids)]
    p_ids = np.concatenate([matrix.participant_ids, new_p])
    s_ids = np.concatenate([matrix.statement_ids, new_s])
    n, m = len(p_ids), len(s_ids)
    rows = _index_of(p_ids, events.participant)
    cols = _index_of(s_ids, events.statement)
    key = rows * m + cols
    order = np.lexsort((np.arange(len(key)), events.time, key))
    ks = key[order]
    last = np.ones(len(ks), dtype=bool)
    last[:-1] = ks[1:] != ks[:-1]
    chosen = order[last]
    r, c, v = rows[chosen], cols[chosen].astype(np.int32), events.vote[chosen].astype(np.int8)

    indptr = np.concatenate([matrix.indptr, np.full(len(new_p), matrix.indptr[-1], dtype=np.int64)])
    indices = matrix.indices
    # Where each cell is, or would be inserted, inside its (sorted-by-column) row.
    pos = np.empty(len(r), dtype=np.int64)
    exists = np.zeros(len(r), dtype=bool)
    for i in range(len(r)):
        lo, hi = int(indptr[r[i]]), int(indptr[r[i] + 1])
        j = lo + int(np.searchsorted(indices[lo:hi], c[i]))
        pos[i] = j
        exists[i] = j < hi and indices[j] == c[i]
    values = matrix.values.copy()
    old = np.zeros(len(r), dtype=np.int8)
    old[exists] = values[pos[exists]]
    values[pos[exists]] = v[exists]
    ins = ~exists
    if np.any(ins):
        new_indices = np.insert(indices, pos[ins], c[ins])
        new_values = np.insert(values, pos[ins], v[ins])
        added = np.bincount(r[ins], minlength=n)
        new_indptr = indptr + np.concatenate([[0], np.cumsum(added)])
    else:
        new_indices, new_values, new_indptr = indices, values, indptr
    merged = VoteMatrix(
        participant_ids=p_ids,
        statement_ids=s_ids,
        indptr=new_indptr.astype(np.int64),
        indices=new_indices.astype(np.int32, copy=False),
        values=new_values,
    )
    return merged, MatrixChange(rows=r, cols=c.astype(np.int64), old=old, old_seen=exists, new=v)
