"""What the engine returns: frozen dataclasses that turn into plain JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from opinionmap.matrix import FloatArray, IntArray
from opinionmap.stats import ConsensusStatement, Repness


@dataclass(frozen=True, eq=False)
class ParticipantTable:
    """One entry per participant, in matrix row order (arrays of equal length).

    ``group`` and ``base_cluster`` are -1 for participants not clustered (too few votes).
    """

    ids: IntArray
    x: FloatArray
    y: FloatArray
    group: IntArray
    base_cluster: IntArray
    n_votes: IntArray
    in_conv: NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class StatementTable:
    """One entry per statement, in matrix column order.

    ``group_agree`` / ``group_seen`` are groups x statements; ``consensus_agree`` is the
    group-informed consensus (product over groups of the smoothed agree probability).
    """

    ids: IntArray
    x: FloatArray
    y: FloatArray
    extremity: FloatArray
    n_agree: IntArray
    n_disagree: IntArray
    n_seen: IntArray
    moderated_out: NDArray[np.bool_]
    priority: FloatArray
    consensus_agree: FloatArray
    consensus_disagree: FloatArray
    divisiveness: FloatArray
    group_agree: IntArray
    group_disagree: IntArray
    group_seen: IntArray


@dataclass(frozen=True)
class BaseCluster:
    """A small cluster of nearby participants; opinion groups are unions of these."""

    id: int
    x: float
    y: float
    size: int
    group: int


@dataclass(frozen=True)
class Group:
    """An opinion group: its members and the statements that set it apart."""

    id: int
    size: int
    x: float
    y: float
    representative: tuple[Repness, ...]


@dataclass(frozen=True)
class DivisiveStatement:
    """A statement on which the groups' agreement differs most."""

    statement_id: int
    divisiveness: float
    group_agree_share: tuple[float, ...]


@dataclass(frozen=True, eq=False)
class OpinionMap:
    """The full analysis of one conversation at one moment."""

    n_participants: int
    n_statements: int
    n_votes: int
    k: int
    silhouettes: tuple[tuple[int, float], ...]
    participants: ParticipantTable
    statements: StatementTable
    base_clusters: tuple[BaseCluster, ...]
    groups: tuple[Group, ...]
    consensus_agree: tuple[ConsensusStatement, ...]
    consensus_disagree: tuple[ConsensusStatement, ...]
    divisive: tuple[DivisiveStatement, ...]

    def group_of(self, participant_id: int) -> int | None:
        """The group of one participant (None if not clustered or unknown)."""
        hits = np.flatnonzero(self.participants.ids == participant_id)
        if len(hits) == 0:
            return None
        g = int(self.participants.group[hits[0]])
        return None if g < 0 else g

    def members(self, group_id: int) -> IntArray:
        """Participant ids of one group."""
        return np.asarray(self.participants.ids[self.participants.group == group_id], np.int64)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready structure (ids, figures; no numpy types)."""
        p = self.participants
        s = self.statements
        participants = [
            {
                "id": int(i),
                "group": None if g < 0 else int(g),
                "x": round(float(x), 6),
                "y": round(float(y), 6),
                "n_votes": int(nv),
            }
            for i, g, x, y, nv in zip(
                p.ids.tolist(),
                p.group.tolist(),
                p.x.tolist(),
                p.y.tolist(),
                p.n_votes.tolist(),
                strict=True,
            )
        ]
        statements = [
            {
                "id": int(s.ids[j]),
                "x": round(float(s.x[j]), 6),
                "y": round(float(s.y[j]), 6),
                "extremity": round(float(s.extremity[j]), 6),
                "agree": int(s.n_agree[j]),
                "disagree": int(s.n_disagree[j]),
                "pass": int(s.n_seen[j] - s.n_agree[j] - s.n_disagree[j]),
                "seen": int(s.n_seen[j]),
                "moderated_out": bool(s.moderated_out[j]),
                "priority": float(s.priority[j]),
                "group_consensus_agree": float(s.consensus_agree[j]),
                "group_consensus_disagree": float(s.consensus_disagree[j]),
                "divisiveness": float(s.divisiveness[j]),
                "groups": [
                    {
                        "group": g,
                        "agree": int(s.group_agree[g, j]),
                        "disagree": int(s.group_disagree[g, j]),
                        "seen": int(s.group_seen[g, j]),
                    }
                    for g in range(s.group_seen.shape[0])
                ],
            }
            for j in range(len(s.ids))
        ]
        return {
            "n_participants": self.n_participants,
            "n_statements": self.n_statements,
            "n_votes": self.n_votes,
            "k": self.k,
            "silhouettes": [{"k": k, "silhouette": v} for k, v in self.silhouettes],
            "participants": participants,
            "statements": statements,
            "base_clusters": [asdict(b) for b in self.base_clusters],
            "groups": [
                {
                    "id": g.id,
                    "size": g.size,
                    "x": g.x,
                    "y": g.y,
                    "members": [int(i) for i in self.members(g.id).tolist()],
                    "representative": [asdict(r) for r in g.representative],
                }
                for g in self.groups
            ],
            "consensus": {
                "agree": [asdict(c) for c in self.consensus_agree],
                "disagree": [asdict(c) for c in self.consensus_disagree],
            },
            "divisive": [asdict(d) for d in self.divisive],
        }
