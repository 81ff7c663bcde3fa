"""Scores normalised per reviewer: a harsh and a lenient reviewer weigh the same."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from igf.programme.ranking import ReviewScore, rank_proposals, weighted_score, z_scores


def test_a_harsh_and_a_lenient_reviewer_rank_proposals_the_same() -> None:
    # The harsh reviewer gives 1, 2, 3; the lenient one 3, 4, 5 to the same three proposals.
    reviews = [
        *(ReviewScore(p, 1, s) for p, s in ((10, 1), (11, 2), (12, 3))),
        *(ReviewScore(p, 2, s) for p, s in ((10, 3), (11, 4), (12, 5))),
    ]
    z = z_scores(reviews)
    assert z[(10, 1)] == pytest.approx(z[(10, 2)])
    ranked = rank_proposals(reviews)
    assert [r.proposal for r in ranked] == [12, 11, 10]
    assert [r.rank for r in ranked] == [1, 2, 3]
    assert ranked[0].normalised == pytest.approx(1.224744871)


def test_reviewers_far_apart_flag_the_proposal_for_discussion() -> None:
    reviews = [ReviewScore(1, 1, 5.0), ReviewScore(1, 2, 2.0), ReviewScore(2, 1, 3.0)]
    ranked = {r.proposal: r for r in rank_proposals(reviews)}
    assert ranked[1].disagreement
    assert ranked[1].spread == pytest.approx(1.5)
    assert not ranked[2].disagreement


def test_a_reviewer_with_one_review_or_one_score_for_all_says_nothing_relative() -> None:
    assert z_scores([ReviewScore(1, 7, 4.0)]) == {(1, 7): 0.0}
    same = z_scores([ReviewScore(1, 7, 4.0), ReviewScore(2, 7, 4.0)])
    assert set(same.values()) == {0.0}


def test_weighted_score_of_a_review() -> None:
    assert weighted_score({1: 5, 2: 3}, {1: 3, 2: 1}) == pytest.approx(4.5)
    assert weighted_score({}, {}) is None


@given(
    st.lists(
        st.tuples(st.integers(1, 30), st.integers(1, 6), st.integers(1, 5)),
        min_size=1,
        max_size=120,
        unique_by=lambda t: (t[0], t[1]),
    )
)
def test_property_each_reviewers_z_scores_average_zero(items: list[tuple[int, int, int]]) -> None:
    reviews = [ReviewScore(p, r, float(s)) for p, r, s in items]
    z = z_scores(reviews)
    for reviewer in {r for _p, r, _s in items}:
        values = [v for (p, r), v in z.items() if r == reviewer]
        assert sum(values) == pytest.approx(0.0, abs=1e-9)
    ranked = rank_proposals(reviews)
    assert sorted(r.rank for r in ranked) == list(range(1, len(ranked) + 1))
    assert [r.normalised for r in ranked] == sorted((r.normalised for r in ranked), reverse=True)
