"""ARI against Pol.is's own groups on the six real conversations, for both engines.

.venv/bin/python bench/opinions/ari_table.py [--no-reddwarf] [--replay SECONDS | --no-replay]

"ours" is one full recompute; "replay" re-runs the vote history in windows of SECONDS
(default 60), one warm-started update per window, as Pol.is's math worker did (needs
votes.csv; bowling-green has only participants-votes.csv).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from opinionmap import Params, analyze, replay  # noqa: E402
from opinionmap.polis_io import read_export, read_polis_groups  # noqa: E402
from opinionmap.stability import stability  # noqa: E402
from opinionmap.synthetic import adjusted_rand_index  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "polis"
REDDWARF_PYTHON = Path("/work/bench-venvs/red-dwarf/bin/python")
HERE = Path(__file__).resolve().parent


def score(reference: dict[int, int | None], groups: dict[int, int]) -> tuple[float, int]:
    """ARI over the participants Pol.is clustered (ours unclustered count as group -1)."""
    common = [p for p, g in reference.items() if g is not None]
    ref = np.array([reference[p] for p in common])
    mine = np.array([groups.get(p, -1) for p in common])
    return adjusted_rand_index(ref, mine), int(np.sum(mine < 0))


def ours(directory: Path, k: int | None) -> tuple[dict[int, int], int, str]:
    """Our groups, our k, and the map's stability ("mean ARI / co-assignment / stable?")."""
    export = read_export(directory)
    result = analyze(export.events, moderation=export.moderation, params=Params(force_k=k)).result
    ids = result.participants.ids.tolist()
    sure = stability(result, resamples=20)
    figure = (
        f"{sure.mean_ari:.2f}/{sure.co_assignment:.2f}/{sure.separation:+.2f} "
        f"{'yes' if sure.stable else 'no'}"
    )
    return dict(zip(ids, result.participants.group.tolist(), strict=True)), result.k, figure


def replayed(directory: Path, window_s: float) -> tuple[dict[int, int], int] | None:
    export = read_export(directory)
    if export.source != "votes.csv":
        return None
    result = replay(export.events, window=window_s * 1000.0, moderation=export.moderation).result
    ids = result.participants.ids.tolist()
    return dict(zip(ids, result.participants.group.tolist(), strict=True)), result.k


def reddwarf(directory: Path, k: int | None) -> tuple[dict[int, int], int]:
    args = [str(REDDWARF_PYTHON), str(HERE / "worker_reddwarf.py"), "polis", str(directory)]
    if k is not None:
        args.append(str(k))
    out = subprocess.run(args, capture_output=True, text=True, check=True, timeout=900)
    groups = {int(p): g for p, g in json.loads(out.stdout.splitlines()[-1])["groups"].items()}
    return groups, len(set(groups.values()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-reddwarf", action="store_true")
    parser.add_argument("--replay", type=float, default=60.0, metavar="SECONDS")
    parser.add_argument("--no-replay", action="store_true")
    args = parser.parse_args()
    use_rd = not args.no_reddwarf and REDDWARF_PYTHON.exists()
    head = (
        f"{'conversation':38} {'Pol.is k':>8} | {'ours k':>6} {'ARI':>6} {'ARI@k':>6} "
        f"{'stability':>20}"
    )
    if not args.no_replay:
        head += f" | {'replay k':>8} {'ARI':>6}"
    if use_rd:
        head += f" | {'red-dwarf k':>11} {'ARI':>6} {'ARI@k':>6}"
    print(head)
    print("-" * len(head))
    for directory in sorted(DATA.iterdir()):
        reference = read_polis_groups(directory)
        k_ref = len({g for g in reference.values() if g is not None})
        free, k_free, sure = ours(directory, None)
        forced, _, _ = ours(directory, k_ref)
        line = (
            f"{directory.name:38} {k_ref:>8} | {k_free:>6} {score(reference, free)[0]:>6.3f} "
            f"{score(reference, forced)[0]:>6.3f} {sure:>20}"
        )
        if not args.no_replay:
            rep = replayed(directory, args.replay)
            if rep is None:
                line += f" | {'no times':>15}"
            else:
                line += f" | {rep[1]:>8} {score(reference, rep[0])[0]:>6.3f}"
        if use_rd:
            rd_free, rd_k = reddwarf(directory, None)
            rd_forced, _ = reddwarf(directory, k_ref)
            line += (
                f" | {rd_k:>11} {score(reference, rd_free)[0]:>6.3f} "
                f"{score(reference, rd_forced)[0]:>6.3f}"
            )
        print(line, flush=True)
    print(
        "\nARI over the participants Pol.is clustered; ARI@k forces Pol.is's k; replay: "
        f"{args.replay:g} s windows. Participants an engine leaves unclustered count as one "
        "extra group. Stability: mean bootstrap ARI / pair co-assignment of our map "
        "(20 resamples), and whether it counts as stable groups."
    )


if __name__ == "__main__":
    main()
