"""Benchmark worker for opinionmap, run in a fresh process so its peak RSS is its own.

worker_ours.py generate N M VOTES OUT.npz   planted data (3 groups, seed 0) to a file
worker_ours.py run IN.npz                   full recompute + 1,000-vote updates + state blob
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from opinionmap import EngineState, VoteEvents, analyze, build_matrix, update
from opinionmap.synthetic import adjusted_rand_index, planted_conversation


def generate(n: int, m: int, per: int, out: Path) -> None:
    planted = planted_conversation(
        n_participants=n, n_statements=m, votes_per_participant=per, n_groups=3, seed=0
    )
    e = planted.events
    np.savez(
        out,
        participant=e.participant,
        statement=e.statement,
        vote=e.vote,
        time=e.time,
        truth=planted.truth,
    )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run(path: Path) -> dict[str, float | int]:
    z = np.load(path)
    events = VoteEvents(z["participant"], z["statement"], z["vote"], z["time"])
    truth = z["truth"]
    rss_loaded = peak_mb()
    # The planted events come grouped by participant; real ones interleave participants.
    shuffled = np.random.default_rng(2).permutation(len(events))
    interleaved = VoteEvents(
        events.participant[shuffled],
        events.statement[shuffled],
        events.vote[shuffled],
        np.arange(len(events), dtype=np.float64),
    )
    ti = time.perf_counter()
    build_matrix(interleaved)
    build_interleaved_s = time.perf_counter() - ti
    del interleaved
    t0 = time.perf_counter()
    matrix = build_matrix(events)
    t1 = time.perf_counter()
    analysis = analyze(matrix)
    t2 = time.perf_counter()
    result = analysis.result
    clustered = result.participants.group >= 0
    ari = adjusted_rand_index(
        truth[result.participants.ids[clustered]], result.participants.group[clustered]
    )
    # Five updates of 1,000 random votes each (revotes and new cells), each from the full
    # recompute's state; the median is reported (and the slowest).
    rng = np.random.default_rng(1)
    update_s = []
    for i in range(5):
        new = VoteEvents.from_lists(
            rng.integers(0, matrix.n_participants, 1000),
            rng.integers(0, matrix.n_statements, 1000),
            rng.choice([-1, 0, 1], 1000),
            np.full(1000, float(events.time.max()) + 1.0 + i),
        )
        t3 = time.perf_counter()
        update(analysis.state, new)
        update_s.append(time.perf_counter() - t3)
    t5 = time.perf_counter()
    blob = analysis.state.to_bytes()
    t6 = time.perf_counter()
    EngineState.from_bytes(blob)
    t7 = time.perf_counter()
    return {
        "votes": matrix.n_votes,
        "build_s": t1 - t0,
        "build_interleaved_s": build_interleaved_s,
        "full_s": t2 - t1,
        "update_s": float(np.median(update_s)),
        "update_max_s": max(update_s),
        "to_bytes_s": t6 - t5,
        "from_bytes_s": t7 - t6,
        "state_mb": len(blob) / 2**20,
        "k": result.k,
        "ari": ari,
        "rss_loaded_mb": rss_loaded,
        "peak_mb": peak_mb(),
    }


def main() -> None:
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5]))
    else:
        print(json.dumps(run(Path(sys.argv[2]))))


if __name__ == "__main__":
    main()
