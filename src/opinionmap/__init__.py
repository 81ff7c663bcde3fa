"""Opinion mapping in the manner of Pol.is: pure Python on numpy and scipy.

Full recompute: ``analyze(events, moderation=..., params=..., previous=state)``.
Incremental: ``update(state, new_events)``. Both return an ``Analysis`` holding the
``OpinionMap`` to show and the ``EngineState`` to keep for next time.
"""

from opinionmap.engine import Analysis, analyze, replay, update
from opinionmap.matrix import AGREE, DISAGREE, PASS, VoteEvents, VoteMatrix, build_matrix
from opinionmap.result import (
    BaseCluster,
    DivisiveStatement,
    Group,
    OpinionMap,
    ParticipantTable,
    StatementTable,
)
from opinionmap.state import EngineState, KSmoother, Moderation, Params
from opinionmap.stats import ConsensusStatement, Repness

__all__ = [
    "AGREE",
    "DISAGREE",
    "PASS",
    "Analysis",
    "BaseCluster",
    "ConsensusStatement",
    "DivisiveStatement",
    "EngineState",
    "Group",
    "KSmoother",
    "Moderation",
    "OpinionMap",
    "Params",
    "ParticipantTable",
    "Repness",
    "StatementTable",
    "VoteEvents",
    "VoteMatrix",
    "analyze",
    "build_matrix",
    "replay",
    "update",
]
