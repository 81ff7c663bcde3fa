"""Why no single recompute can be expected to reproduce Pol.is's groups: the local optima
of 2-means on the base clusters of each real conversation, and how Pol.is's own split sits
among them.

.venv/bin/python bench/opinions/optima.py [--starts 600]

For each conversation: our map (one full recompute), then weighted 2-means on its base
clusters from the first-distinct start and from many k-means++ and random starts. Every
distinct local optimum is listed with its inertia and its ARI against Pol.is's groups
(participants Pol.is clustered). "fixed point" runs Lloyd's iterations from the centres of
Pol.is's own groups in our map: ARI 1.0 means Pol.is's split is itself a k-means
solution of our map, so the map agrees and only the choice among optima differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from opinionmap import Params, analyze  # noqa: E402
from opinionmap.cluster import first_distinct, inertia, kmeans, plus_plus  # noqa: E402
from opinionmap.polis_io import read_export, read_polis_groups  # noqa: E402
from opinionmap.synthetic import adjusted_rand_index  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polis"
SHOWN = 6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=600)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    for directory in sorted(DATA.iterdir()):
        export = read_export(directory)
        reference = read_polis_groups(directory)
        analysis = analyze(export.events, moderation=export.moderation, params=Params(force_k=2))
        result, state = analysis.result, analysis.state
        ids = result.participants.ids.tolist()
        polis = np.array([-1 if reference.get(p) is None else reference[p] for p in ids])
        scored = polis >= 0
        centres = state.base_centres
        labels = state.base_labels
        sizes = np.bincount(labels[labels >= 0], minlength=len(centres)).astype(np.float64)
        starts = [first_distinct(centres, 2)]
        starts += [plus_plus(centres, 2, sizes, rng) for _ in range(args.starts // 2)]
        starts += [
            centres[rng.choice(len(centres), 2, replace=False)]
            for _ in range(args.starts - args.starts // 2)
        ]
        optima: dict[tuple[int, ...], list[float]] = {}
        first_key: tuple[int, ...] | None = None
        for i, start in enumerate(starts):
            c = kmeans(centres, start, weights=sizes, max_iters=100)
            if c.k != 2:
                continue
            key = tuple(np.flatnonzero(c.labels == c.labels[0]).tolist())
            if i == 0:
                first_key = key
            if key not in optima:
                group = np.where(labels >= 0, c.labels[np.maximum(labels, 0)], -1)
                optima[key] = [
                    inertia(centres, c, sizes),
                    adjusted_rand_index(polis[scored], group[scored]),
                    0.0,
                ]
            optima[key][2] += 1
        # Pol.is's own split as a start: does Lloyd keep it?
        inside = scored & result.participants.in_conv
        xy = np.column_stack([result.participants.x, result.participants.y])[inside]
        theirs = polis[inside]
        start = np.array([xy[theirs == g].mean(axis=0) for g in np.unique(theirs)])
        fixed = kmeans(centres, start, weights=sizes, max_iters=100)
        fixed_group = fixed.labels[labels[inside]]
        best = min(v[0] for v in optima.values())
        print(
            f"{directory.name}: {len(optima)} distinct optima from {len(starts)} starts; "
            f"fixed point from Pol.is's centres: ARI {adjusted_rand_index(theirs, fixed_group):.3f}"
        )
        print(f"  {'inertia':>10} {'+%':>6} {'ARI':>6} {'hits':>5}")
        for key, (value, ari, hits) in sorted(optima.items(), key=lambda kv: kv[1][0])[:SHOWN]:
            mark = "  <- first-distinct start" if key == first_key else ""
            print(f"  {value:10.1f} {100 * (value / best - 1):6.2f} {ari:6.3f} {int(hits):5}{mark}")


if __name__ == "__main__":
    main()
