"""Properties that hold for any conversation: labels, empty participants, counts."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opinionmap import OpinionMap, VoteEvents, analyze, build_matrix
from opinionmap.synthetic import planted_conversation

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _conversation(seed: int, n_groups: int) -> VoteEvents:
    return planted_conversation(
        n_participants=120,
        n_statements=25,
        votes_per_participant=12,
        n_groups=n_groups,
        seed=seed,
    ).events


def _partition(result: OpinionMap) -> set[frozenset[int]]:
    groups = result.participants.group
    ids = result.participants.ids
    return {frozenset(ids[groups == g].tolist()) for g in range(result.k)}


@SETTINGS
@given(seed=st.integers(0, 10_000), n_groups=st.integers(2, 3), shuffle=st.integers(0, 2**32 - 1))
def test_relabelling_participants_changes_only_labels(
    seed: int, n_groups: int, shuffle: int
) -> None:
    events = _conversation(seed, n_groups)
    ids = np.unique(events.participant)
    new_ids = np.random.default_rng(shuffle).permutation(10 * len(ids))[: len(ids)] + 1000
    mapping = dict(zip(ids.tolist(), new_ids.tolist(), strict=True))
    relabelled = VoteEvents(
        np.array([mapping[p] for p in events.participant.tolist()]),
        events.statement,
        events.vote,
        events.time,
    )

    before = analyze(events).result
    after = analyze(relabelled).result

    assert {frozenset(mapping[p] for p in g) for g in _partition(before)} == _partition(after)
    assert np.allclose(before.participants.x, after.participants.x, atol=1e-9)
    assert [mapping[p] for p in before.participants.ids.tolist()] == after.participants.ids.tolist()


@SETTINGS
@given(seed=st.integers(0, 10_000), shuffle=st.integers(0, 2**32 - 1))
def test_relabelling_statements_changes_only_labels(seed: int, shuffle: int) -> None:
    events = _conversation(seed, 2)
    ids = np.unique(events.statement)
    new_ids = np.random.default_rng(shuffle).permutation(1000)[: len(ids)] + 5000
    mapping = dict(zip(ids.tolist(), new_ids.tolist(), strict=True))
    relabelled = VoteEvents(
        events.participant,
        np.array([mapping[s] for s in events.statement.tolist()]),
        events.vote,
        events.time,
    )

    before = analyze(events).result
    after = analyze(relabelled).result

    assert _partition(before) == _partition(after)
    assert [mapping[s] for s in before.statements.ids.tolist()] == after.statements.ids.tolist()
    assert np.array_equal(before.statements.n_agree, after.statements.n_agree)
    assert [mapping[c.statement_id] for c in before.consensus_agree] == [
        c.statement_id for c in after.consensus_agree
    ]
    assert [[mapping[r.statement_id] for r in g.representative] for g in before.groups] == [
        [r.statement_id for r in g.representative] for g in after.groups
    ]


@SETTINGS
@given(seed=st.integers(0, 10_000), silent_id=st.integers(10_000, 20_000))
def test_adding_participant_without_votes_changes_nothing(seed: int, silent_id: int) -> None:
    events = _conversation(seed, 3)
    matrix = build_matrix(events)
    with_silent = build_matrix(
        events,
        participant_ids=np.concatenate([matrix.participant_ids, np.array([silent_id])]),
    )

    before = analyze(matrix).result
    after = analyze(with_silent).result

    assert after.n_participants == before.n_participants + 1
    assert after.participants.group[-1] == -1
    assert _partition(before) == _partition(after)
    assert np.array_equal(before.participants.x, after.participants.x[:-1])
    assert [g.representative for g in before.groups] == [g.representative for g in after.groups]
    assert before.consensus_agree == after.consensus_agree


@SETTINGS
@given(seed=st.integers(0, 10_000), n_groups=st.integers(2, 3))
def test_counts_in_output_equal_input(seed: int, n_groups: int) -> None:
    events = _conversation(seed, n_groups)
    latest: dict[tuple[int, int], int] = {}
    for p, s, v in zip(
        events.participant.tolist(), events.statement.tolist(), events.vote.tolist(), strict=True
    ):
        latest[(p, s)] = v

    result = analyze(events).result

    assert result.n_votes == len(latest)
    assert result.n_participants == len({p for p, _ in latest})
    assert result.n_statements == len({s for _, s in latest})
    for j, sid in enumerate(result.statements.ids.tolist()):
        votes = [v for (_, s), v in latest.items() if s == sid]
        assert result.statements.n_agree[j] == votes.count(1)
        assert result.statements.n_disagree[j] == votes.count(-1)
        assert result.statements.n_seen[j] == len(votes)
    clustered = int(np.sum(result.participants.group >= 0))
    assert sum(g.size for g in result.groups) == clustered
    assert sum(b.size for b in result.base_clusters) == clustered
    assert np.array_equal(
        result.statements.group_seen.sum(axis=0),
        np.array(
            [
                sum(1 for (p, s) in latest if s == sid and result.group_of(p) is not None)
                for sid in result.statements.ids.tolist()
            ]
        ),
    )
    assert result.participants.n_votes.sum() == len(latest)
