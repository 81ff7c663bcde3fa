"""Scores to a ranking, pure: each review's weighted score, normalised per reviewer.

A harsh reviewer and a lenient one weigh the same: every reviewer's scores become z-scores
(distance from that reviewer's own mean, in that reviewer's own standard deviations), and a
proposal's normalised score is the mean of its reviews' z-scores. A reviewer with a single
review, or who gave every proposal the same score, says nothing about relative merit: their
z-scores are 0. Proposals whose reviewers are far apart on the raw 1-5 scale are flagged
for discussion.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Two reviewers two points apart on a five-point scale disagree.
DISAGREEMENT_RANGE = 2.0


@dataclass(frozen=True, slots=True)
class ReviewScore:
    proposal: int
    reviewer: int
    score: float


@dataclass(frozen=True, slots=True)
class RankedProposal:
    proposal: int
    reviews: int
    mean: float
    normalised: float
    spread: float
    low: float
    high: float
    rank: int = 0

    @property
    def disagreement(self) -> bool:
        return self.reviews > 1 and self.high - self.low >= DISAGREEMENT_RANGE


def weighted_score(values: Mapping[int, int], weights: Mapping[int, int]) -> float | None:
    """One review's score: the weighted mean of its criterion scores (None if it has none)."""
    total_weight = sum(weights.get(criterion, 1) for criterion in values)
    if not total_weight:
        return None
    return sum(v * weights.get(c, 1) for c, v in values.items()) / total_weight


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _deviation(values: list[float]) -> float:
    """Population standard deviation (0 for fewer than two values)."""
    if len(values) < 2:
        return 0.0
    mean = _mean(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def z_scores(reviews: Iterable[ReviewScore]) -> dict[tuple[int, int], float]:
    """Each review's score as a z-score within its reviewer's scores: (proposal, reviewer)."""
    by_reviewer: dict[int, list[ReviewScore]] = defaultdict(list)
    for review in reviews:
        by_reviewer[review.reviewer].append(review)
    result: dict[tuple[int, int], float] = {}
    for reviewer, items in by_reviewer.items():
        values = [r.score for r in items]
        mean, deviation = _mean(values), _deviation(values)
        for item in items:
            z = (item.score - mean) / deviation if deviation > 1e-9 else 0.0
            result[(item.proposal, reviewer)] = z
    return result


def rank_proposals(reviews: Iterable[ReviewScore]) -> list[RankedProposal]:
    """Proposals from the best normalised score down (ties: raw mean, then number)."""
    items = list(reviews)
    z = z_scores(items)
    by_proposal: dict[int, list[ReviewScore]] = defaultdict(list)
    for item in items:
        by_proposal[item.proposal].append(item)
    ranked = []
    for proposal, proposal_reviews in by_proposal.items():
        raw = [r.score for r in proposal_reviews]
        ranked.append(
            RankedProposal(
                proposal=proposal,
                reviews=len(raw),
                mean=_mean(raw),
                normalised=_mean([z[(proposal, r.reviewer)] for r in proposal_reviews]),
                spread=_deviation(raw),
                low=min(raw),
                high=max(raw),
            )
        )
    ranked.sort(key=lambda r: (-r.normalised, -r.mean, r.proposal))
    return [
        RankedProposal(
            proposal=r.proposal,
            reviews=r.reviews,
            mean=r.mean,
            normalised=r.normalised,
            spread=r.spread,
            low=r.low,
            high=r.high,
            rank=index,
        )
        for index, r in enumerate(ranked, start=1)
    ]
