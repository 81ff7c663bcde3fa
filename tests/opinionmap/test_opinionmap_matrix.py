"""The vote matrix: building from events and merging later events, against a plain reference."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opinionmap import VoteEvents, VoteMatrix, build_matrix
from opinionmap.matrix import merge_votes, stable_argsort

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _events(draw: st.DrawFn, *, id_span: int) -> VoteEvents:
    n = draw(st.integers(1, 120))
    participant = draw(st.lists(st.integers(-3, id_span), min_size=n, max_size=n))
    statement = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
    vote = draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=n, max_size=n))
    time = draw(st.lists(st.integers(0, 30), min_size=n, max_size=n))
    return VoteEvents.from_lists(participant, statement, vote, [float(t) for t in time])


@st.composite
def events(draw: st.DrawFn) -> VoteEvents:
    # Small spans use the lookup-table coding; huge ones the sorting fallback.
    return _events(draw, id_span=draw(st.sampled_from([15, 10**12])))


def _reference(ev: VoteEvents) -> dict[tuple[int, int], int]:
    """Latest vote per cell: by time, ties by event order."""
    latest: dict[tuple[int, int], int] = {}
    for i in sorted(range(len(ev)), key=lambda i: (ev.time[i], i)):
        latest[(int(ev.participant[i]), int(ev.statement[i]))] = int(ev.vote[i])
    return latest


def _first_order(ids: list[int], times: list[float]) -> list[int]:
    seen: dict[int, None] = {}
    for i in sorted(range(len(ids)), key=lambda i: (times[i], i)):
        seen.setdefault(ids[i], None)
    return list(seen)


def _cells(matrix: VoteMatrix) -> dict[tuple[int, int], int]:
    out: dict[tuple[int, int], int] = {}
    for r in range(matrix.n_participants):
        cols = matrix.indices[matrix.indptr[r] : matrix.indptr[r + 1]]
        assert np.all(np.diff(cols) > 0), "columns sorted and unique within each row"
        for c, v in zip(
            cols.tolist(),
            matrix.values[matrix.indptr[r] : matrix.indptr[r + 1]].tolist(),
            strict=True,
        ):
            out[(int(matrix.participant_ids[r]), int(matrix.statement_ids[c]))] = int(v)
    return out


@SETTINGS
@given(ev=events())
def test_build_matrix_keeps_latest_vote_and_first_vote_order(ev: VoteEvents) -> None:
    matrix = build_matrix(ev)

    assert _cells(matrix) == _reference(ev)
    times = ev.time.tolist()
    assert matrix.participant_ids.tolist() == _first_order(ev.participant.tolist(), times)
    assert matrix.statement_ids.tolist() == _first_order(ev.statement.tolist(), times)


@SETTINGS
@given(ev=events(), data=st.data())
def test_merge_votes_equals_building_from_all_events(ev: VoteEvents, data: st.DataObject) -> None:
    order = np.lexsort((np.arange(len(ev)), ev.time))
    cut = data.draw(st.integers(0, len(ev)))
    head, tail = order[:cut], order[cut:]
    first = VoteEvents(ev.participant[head], ev.statement[head], ev.vote[head], ev.time[head])
    # The later batch arrives unsorted: merge_votes orders it by time itself.
    shuffled = data.draw(st.permutations(tail.tolist()))
    later = np.array(shuffled, dtype=np.int64)
    second = VoteEvents(ev.participant[later], ev.statement[later], ev.vote[later], ev.time[later])

    merged, change = merge_votes(build_matrix(first), second)
    # The same events in one go; ties in time are broken by arrival order.
    both = np.concatenate([head, later])
    whole = build_matrix(
        VoteEvents(ev.participant[both], ev.statement[both], ev.vote[both], ev.time[both])
    )

    assert _cells(merged) == _cells(whole)
    assert merged.participant_ids.tolist() == whole.participant_ids.tolist()
    assert merged.statement_ids.tolist() == whole.statement_ids.tolist()
    assert np.array_equal(merged.indptr, whole.indptr)
    pairs = zip(second.participant.tolist(), second.statement.tolist(), strict=True)
    assert len(change.rows) == len(set(pairs))


def test_build_matrix_puts_given_ids_first() -> None:
    ev = VoteEvents.from_lists([5, 6, 5], [1, 2, 2], [1, -1, 0])

    matrix = build_matrix(ev, participant_ids=np.array([9, 6]), statement_ids=np.array([2]))

    assert matrix.participant_ids.tolist() == [9, 6, 5]
    assert matrix.statement_ids.tolist() == [2, 1]
    assert _cells(matrix) == {(6, 2): -1, (5, 1): 1, (5, 2): 0}


@given(st.lists(st.integers(0, 2**40), max_size=300), st.booleans())
def test_stable_argsort_matches_numpy(keys: list[int], grouped: bool) -> None:
    key = np.array(sorted(keys) if grouped else keys, dtype=np.int64)

    assert np.array_equal(stable_argsort(key), np.argsort(key, kind="stable"))
