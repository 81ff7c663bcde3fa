"""``update`` against recomputation: exact on the same basis, close to a full recompute."""

from __future__ import annotations

import numpy as np
import pytest

from opinionmap import EngineState, Moderation, VoteEvents, analyze, update
from opinionmap.cluster import kmeans, warm_start
from opinionmap.engine import _group_array, _moderated
from opinionmap.pca import project_participants
from opinionmap.stats import group_counts
from opinionmap.synthetic import adjusted_rand_index, planted_conversation


def _split(events: VoteEvents, cut: int) -> tuple[VoteEvents, VoteEvents]:
    def part(sl: slice) -> VoteEvents:
        return VoteEvents(
            events.participant[sl], events.statement[sl], events.vote[sl], events.time[sl]
        )

    return part(slice(None, cut)), part(slice(cut, None))


def _later_votes(events: VoteEvents, n: int, seed: int, n_participants: int) -> VoteEvents:
    """Revotes by known participants, votes on new statements and from new participants."""
    rng = np.random.default_rng(seed)
    participant = rng.integers(0, n_participants + n // 20, n)
    statement = rng.integers(0, int(events.statement.max()) + 3, n)
    vote = rng.choice(np.array([-1, 0, 1]), n)
    time = float(events.time.max()) + 1.0 + np.arange(n, dtype=np.float64)
    return VoteEvents.from_lists(participant, statement, vote, time)


def _assert_exact_on_basis(before: EngineState, after: EngineState, k: int) -> None:
    """What ``update`` keeps incrementally equals recomputing it from ``after``'s matrix."""
    matrix = after.matrix
    _, zeroed = _moderated(matrix, after.moderation)
    assert np.array_equal(after.column_counts, np.stack(matrix.column_counts()))
    reference = group_counts(matrix, _group_array(after), k)
    assert np.array_equal(after.group_counts.seen, reference.seen)
    assert np.array_equal(after.group_counts.agree, reference.agree)
    assert np.array_equal(after.group_counts.disagree, reference.disagree)
    projected = project_participants(matrix, after.components, zeroed)
    spread = float(np.std(projected))
    assert np.max(np.abs(after.projection - projected)) <= 1e-5 * spread
    # Base clusters: the same Lloyd iterations as a warm start over every point.
    rows_in = np.flatnonzero(after.in_conv)
    points = after.projection[rows_in]
    previous = np.full(matrix.n_participants, -1, dtype=np.int64)
    previous[: len(before.base_labels)] = before.base_labels
    init, _ = warm_start(points, previous[rows_in], before.params.base_k)
    full = kmeans(points, init, max_iters=before.params.base_iters)
    assert np.array_equal(after.base_labels[rows_in], full.labels)
    assert np.allclose(after.base_centres, full.centres, rtol=0, atol=1e-9 * spread)


@pytest.mark.parametrize("seed", [0, 1])
def test_update_keeps_counts_positions_and_base_clusters_exact(seed: int) -> None:
    planted = planted_conversation(
        n_participants=6000, n_statements=120, votes_per_participant=30, n_groups=3, seed=seed
    )
    head, _ = _split(planted.events, len(planted.events) - 3000)
    state = analyze(head).state
    later = _later_votes(head, 1000, seed, 6000)

    after = update(state, later)

    assert after.state.updates_since_full == 1
    assert after.result.n_votes == after.state.matrix.n_votes
    _assert_exact_on_basis(state, after.state, after.result.k)


def test_chain_of_updates_stays_exact_and_survives_serialisation() -> None:
    planted = planted_conversation(
        n_participants=5000, n_statements=100, votes_per_participant=25, n_groups=2, seed=9
    )
    state = analyze(planted.events).state
    k = 0
    for step in range(12):
        later = _later_votes(planted.events, 80, 100 + step, 5000 + 4 * step)
        later = VoteEvents(
            later.participant, later.statement, later.vote, later.time + 100.0 * step
        )
        previous = state
        analysis = update(state, later)
        k = analysis.result.k
        state = analysis.state
        if step == 5:
            state = EngineState.from_bytes(state.to_bytes())
        _assert_exact_on_basis(previous, state, k)
    assert state.updates_since_full == 12


def test_update_is_close_to_a_full_recompute() -> None:
    # 2,000 people and 100 statements; 1,000 new votes (2 % more). The full recompute
    # renews the basis, which the update keeps: here the directions turn by 1.6 degrees
    # (cos 0.9996) and the centre shifts a little, so positions differ by up to 7 % of the
    # map's spread (0.8 % of it from the centre); groups hardly change.
    planted = planted_conversation(
        n_participants=2000, n_statements=100, votes_per_participant=30, n_groups=3, seed=5
    )
    head, tail = _split(planted.events, len(planted.events) - 1000)
    before = analyze(head)

    incremental = update(before.state, tail).result
    full = analyze(planted.events, previous=before.state).result

    assert incremental.n_votes == full.n_votes
    assert np.array_equal(incremental.statements.n_agree, full.statements.n_agree)
    assert np.array_equal(incremental.participants.ids, full.participants.ids)
    spread = float(np.std(full.participants.x))
    assert np.max(np.abs(incremental.participants.x - full.participants.x)) < 0.1 * spread
    assert np.max(np.abs(incremental.participants.y - full.participants.y)) < 0.1 * spread
    assert incremental.k == full.k
    assert adjusted_rand_index(incremental.participants.group, full.participants.group) >= 0.95


def test_changed_moderation_recomputes_in_full() -> None:
    planted = planted_conversation(
        n_participants=800, n_statements=40, votes_per_participant=20, n_groups=2, seed=3
    )
    head, tail = _split(planted.events, len(planted.events) - 200)
    state = analyze(head).state
    moderation = Moderation(excluded=frozenset({int(planted.events.statement[0])}))

    after = update(state, tail, moderation=moderation)
    full = analyze(planted.events, moderation=moderation, previous=state)

    assert after.state.updates_since_full == 0
    assert after.state.moderation == moderation
    assert np.allclose(after.result.participants.x, full.result.participants.x)


def test_update_leaves_the_previous_state_untouched() -> None:
    planted = planted_conversation(
        n_participants=3000, n_statements=80, votes_per_participant=20, n_groups=2, seed=4
    )
    head, tail = _split(planted.events, len(planted.events) - 500)
    state = analyze(head).state
    blob = state.to_bytes()

    first = update(state, tail).result.to_dict()
    second = update(state, tail).result.to_dict()

    assert state.to_bytes() == blob
    assert first == second
