"""What the engine keeps between calls: parameters, moderation, the vote matrix, the map's
basis, the clusterings and the running counts, with a compact binary form."""

from __future__ import annotations

import io
from dataclasses import dataclass, field, fields

import numpy as np
from numpy.typing import NDArray

from opinionmap.matrix import FloatArray, IntArray, VoteMatrix
from opinionmap.pca import Components
from opinionmap.stats import GroupCounts

# Bumped whenever the blob's contents change meaning; older blobs are refused.
STATE_VERSION = 2


@dataclass(frozen=True)
class Params:
    """Tuning of the engine; the defaults are Pol.is's."""

    base_k: int = 100
    max_k: int = 5
    k_buffer: int = 4
    min_votes: int = 7
    greedy_n: int = 15
    base_iters: int = 100
    group_iters: int = 20
    force_k: int | None = None
    rep_top: int = 5
    consensus_top: int = 5
    divisive_top: int = 5
    divisive_min_seen: int = 3
    group_restarts: int = 10
    seed: int = 0


@dataclass(frozen=True)
class Moderation:
    """Statements moderated out (zeroed, never selected) and meta statements (zeroed too,
    as Pol.is puts them in ``mod-out``; routed with priority 49)."""

    excluded: frozenset[int] = field(default_factory=frozenset)
    meta: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class KSmoother:
    """Pol.is's k-smoother: switch k only after it has been best ``k_buffer`` times running."""

    last_k: int = 0
    last_k_count: int = 0
    smoothed_k: int = 0

    def step(self, this_k: int, buffer: int) -> KSmoother:
        count = self.last_k_count + 1 if this_k == self.last_k else 1
        switch = count >= buffer or self.smoothed_k == 0
        smoothed = this_k if switch else self.smoothed_k
        return KSmoother(last_k=this_k, last_k_count=count, smoothed_k=smoothed)


@dataclass(frozen=True, eq=False)
class EngineState:
    """Everything ``update`` and a warm-started ``analyze`` need from the previous run.

    ``components`` is the basis every position is computed on (a full recompute renews
    it; ``update`` keeps it). ``projection``, the bounds, the column counts and the group
    counts are running values that let ``update`` touch only what new votes change.
    Persist it between calls with ``to_bytes`` / ``EngineState.from_bytes``.
    """

    params: Params
    moderation: Moderation
    matrix: VoteMatrix
    components: Components
    in_conv: NDArray[np.bool_]
    base_labels: IntArray
    base_centres: FloatArray
    group_of_base: IntArray
    group_labels: tuple[IntArray, ...]
    smoother: KSmoother
    projection: FloatArray
    upper: FloatArray
    lower: FloatArray
    column_counts: IntArray
    group_counts: GroupCounts
    updates_since_full: int = 0

    def to_bytes(self) -> bytes:
        """Serialise to a binary blob (numpy ``.npz``; the votes dominate its size)."""
        buf = io.BytesIO()
        p = self.params
        arrays: dict[str, NDArray[np.generic]] = {
            "version": np.array([STATE_VERSION], dtype=np.int64),
            "participant_ids": self.matrix.participant_ids,
            "statement_ids": self.matrix.statement_ids,
            "indptr": self.matrix.indptr,
            "indices": self.matrix.indices,
            "values": self.matrix.values,
            "center": self.components.center,
            "comps": self.components.comps,
            "in_conv": self.in_conv,
            "base_labels": self.base_labels,
            "base_centres": self.base_centres,
            "group_of_base": self.group_of_base,
            "excluded": np.array(sorted(self.moderation.excluded), dtype=np.int64),
            "meta": np.array(sorted(self.moderation.meta), dtype=np.int64),
            "smoother": np.array(
                [self.smoother.last_k, self.smoother.last_k_count, self.smoother.smoothed_k],
                dtype=np.int64,
            ),
            "updates": np.array([self.updates_since_full], dtype=np.int64),
            "params": np.array(
                [-1 if v is None else int(v) for v in (getattr(p, f.name) for f in fields(p))],
                dtype=np.int64,
            ),
            "projection": self.projection,
            "upper": self.upper,
            "lower": self.lower,
            "column_counts": self.column_counts,
            "group_agree": self.group_counts.agree,
            "group_disagree": self.group_counts.disagree,
            "group_seen": self.group_counts.seen,
        }
        for i, labels in enumerate(self.group_labels):
            arrays[f"group_labels_{i}"] = labels
        np.savez(buf, allow_pickle=False, **arrays)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> EngineState:
        """Inverse of ``to_bytes``."""
        z = np.load(io.BytesIO(blob), allow_pickle=False)
        if "version" not in z.files or int(z["version"][0]) != STATE_VERSION:
            msg = "engine state from another engine version: run analyze() again"
            raise ValueError(msg)
        values = [int(v) for v in z["params"]]
        names = [f.name for f in fields(Params)]
        kwargs: dict[str, int | None] = dict(zip(names, values, strict=True))
        if kwargs["force_k"] is not None and kwargs["force_k"] < 0:
            kwargs["force_k"] = None
        params = Params(**kwargs)  # type: ignore[arg-type]
        sm = [int(v) for v in z["smoother"]]
        n_groups = sum(1 for name in z.files if name.startswith("group_labels_"))
        return cls(
            params=params,
            moderation=Moderation(
                excluded=frozenset(int(v) for v in z["excluded"]),
                meta=frozenset(int(v) for v in z["meta"]),
            ),
            matrix=VoteMatrix(
                participant_ids=z["participant_ids"],
                statement_ids=z["statement_ids"],
                indptr=z["indptr"],
                indices=z["indices"],
                values=z["values"],
            ),
            components=Components(center=z["center"], comps=z["comps"]),
            in_conv=z["in_conv"],
            base_labels=z["base_labels"],
            base_centres=z["base_centres"],
            group_of_base=z["group_of_base"],
            group_labels=tuple(z[f"group_labels_{i}"] for i in range(n_groups)),
            smoother=KSmoother(last_k=sm[0], last_k_count=sm[1], smoothed_k=sm[2]),
            projection=z["projection"],
            upper=z["upper"],
            lower=z["lower"],
            column_counts=z["column_counts"],
            group_counts=GroupCounts(
                agree=z["group_agree"], disagree=z["group_disagree"], seen=z["group_seen"]
            ),
            updates_since_full=int(z["updates"][0]),
        )
