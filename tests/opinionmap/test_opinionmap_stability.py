"""The map's own figure of how sure it is of its groups (bootstrap over participants)."""

from __future__ import annotations

import numpy as np

from opinionmap import analyze
from opinionmap.matrix import VoteEvents
from opinionmap.stability import stability
from opinionmap.synthetic import planted_conversation


def test_planted_groups_come_back_in_every_draw() -> None:
    planted = planted_conversation(
        n_participants=400, n_statements=40, votes_per_participant=25, n_groups=3, seed=3
    )
    result = analyze(planted.events).result

    sure = stability(result, resamples=15)

    assert sure.stable
    assert sure.mean_ari > 0.8
    assert sure.co_assignment > 0.9
    assert sure.separation > 0.5  # three separate clouds, not cuts of one
    assert sure.to_dict()["stable"] is True


def test_a_cloud_without_groups_shows_no_separation() -> None:
    rng = np.random.default_rng(7)
    n, m, per = 400, 40, 25
    rows = np.repeat(np.arange(n, dtype=np.int64), per)
    cols = rng.integers(0, m, len(rows)).astype(np.int64)
    votes = rng.choice(np.array([-1, 1], dtype=np.int64), len(rows))
    events = VoteEvents(
        participant=rows, statement=cols, vote=votes, time=np.arange(len(rows), dtype=np.float64)
    )
    result = analyze(events).result

    sure = stability(result, resamples=15)

    assert result.k >= 2  # k-means always finds groups...
    assert sure.separation < 0.2  # ...and the map says they cut one cloud


def test_too_few_participants_are_never_called_stable() -> None:
    planted = planted_conversation(
        n_participants=3, n_statements=10, votes_per_participant=9, n_groups=2, seed=1
    )
    assert not stability(analyze(planted.events).result, resamples=5).stable
