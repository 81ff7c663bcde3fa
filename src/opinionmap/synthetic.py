"""Synthetic conversations with planted opinion groups, for tests and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from opinionmap.matrix import IntArray, VoteEvents


@dataclass(frozen=True, eq=False)
class Planted:
    """Vote events and the planted group of each participant id (ids are 0..n-1)."""

    events: VoteEvents
    truth: IntArray


def planted_conversation(
    *,
    n_participants: int,
    n_statements: int,
    votes_per_participant: int,
    n_groups: int,
    seed: int,
    noise: float = 0.15,
    pass_rate: float = 0.1,
    consensus_share: float = 0.1,
) -> Planted:
    """Each group holds a stance (agree or disagree) on every statement, except a share of
    consensus statements on which every group agrees. A participant votes on random
    statements: pass with ``pass_rate``, else their group's stance, flipped with ``noise``.
    Vote times are increasing, participant by participant.
    """
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, n_groups, n_participants).astype(np.int64)
    stance = rng.choice(np.array([-1, 1], dtype=np.int8), size=(n_groups, n_statements))
    consensus = rng.random(n_statements) < consensus_share
    stance[:, consensus] = 1
    per = min(votes_per_participant, n_statements)
    rows = np.repeat(np.arange(n_participants, dtype=np.int64), per)
    cols = rng.integers(0, n_statements, len(rows)).astype(np.int64)
    vote = stance[truth[rows], cols].copy()
    r = rng.random(len(rows))
    vote[r < noise] *= -1
    vote[rng.random(len(rows)) < pass_rate] = 0
    time = np.arange(len(rows), dtype=np.float64)
    return Planted(
        events=VoteEvents(participant=rows, statement=cols, vote=vote, time=time), truth=truth
    )


def adjusted_rand_index(a: IntArray, b: IntArray) -> float:
    """Adjusted Rand index of two labelings of the same items (1 = identical partitions)."""
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    table = np.zeros((int(ai.max()) + 1, int(bi.max()) + 1))
    np.add.at(table, (ai, bi), 1)

    def pairs(x: NDArray[np.float64]) -> float:
        return float(np.sum(x * (x - 1) / 2.0))

    index = pairs(table)
    row, col = pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total = len(a) * (len(a) - 1) / 2.0
    expected = row * col / total if total else 0.0
    top = (row + col) / 2.0
    if top == expected:
        return 1.0
    return float((index - expected) / (top - expected))
