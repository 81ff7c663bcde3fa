"""Benchmark worker for opinionmap, run in a fresh process so its peak RSS is its own.

worker_ours.py generate N M VOTES OUT.npz   planted data (3 groups, seed 0) to a file
worker_ours.py run IN.npz                   full recompute + 1,000-vote updates + state blob
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from opinionmap import EngineState, VoteEvents, analyze, build_matrix, update
from opinionmap.synthetic import adjusted_rand_index, planted_conversation

T = TypeVar("T")


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


REPEAT = 3
UPDATES = 10


def best_of(fn: Callable[[], T]) -> tuple[float, T]:
    """Fastest of REPEAT runs (the machine is shared: the minimum measures the code)."""
    best, out = float("inf"), None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    assert out is not None
    return best, out


def run(path: Path) -> dict[str, float | int]:
    z = np.load(path)
    events = VoteEvents(z["participant"], z["statement"], z["vote"], z["time"])
    truth = z["truth"]
    rss_loaded = peak_mb()
    build_s, matrix = best_of(partial(build_matrix, events))
    n_votes = matrix.n_votes
    full_s, analysis = best_of(partial(analyze, matrix))
    result = analysis.result
    clustered = result.participants.group >= 0
    ari = adjusted_rand_index(
        truth[result.participants.ids[clustered]], result.participants.group[clustered]
    )
    # A live conversation: UPDATES successive updates of 1,000 random votes each (revotes
    # and new cells), each from the previous state; median and slowest reported.
    rng = np.random.default_rng(1)
    update_s = []
    state = analysis.state
    for i in range(UPDATES):
        new = VoteEvents.from_lists(
            rng.integers(0, matrix.n_participants, 1000),
            rng.integers(0, matrix.n_statements, 1000),
            rng.choice([-1, 0, 1], 1000),
            np.full(1000, float(events.time.max()) + 1.0 + i),
        )
        t3 = time.perf_counter()
        state = update(state, new).state
        update_s.append(time.perf_counter() - t3)
    to_bytes_s, blob = best_of(state.to_bytes)
    from_bytes_s, _ = best_of(partial(EngineState.from_bytes, blob))
    state_mb = len(blob) / 2**20
    peak = peak_mb()
    del analysis, state, blob, matrix
    # The planted events come grouped by participant; real ones interleave participants.
    shuffled = np.random.default_rng(2).permutation(len(events))
    interleaved = VoteEvents(
        events.participant[shuffled],
        events.statement[shuffled],
        events.vote[shuffled],
        np.arange(len(events), dtype=np.float64),
    )
    build_interleaved_s, _ = best_of(partial(build_matrix, interleaved))
    return {
        "votes": n_votes,
        "build_s": build_s,
        "build_interleaved_s": build_interleaved_s,
        "full_s": full_s,
        "update_s": float(np.median(update_s)),
        "update_max_s": max(update_s),
        "to_bytes_s": to_bytes_s,
        "from_bytes_s": from_bytes_s,
        "state_mb": state_mb,
        "k": result.k,
        "ari": ari,
        "rss_loaded_mb": rss_loaded,
        "peak_mb": peak,
        "peak_with_interleaved_mb": peak_mb(),
    }


def main() -> None:
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5]))
    else:
        print(json.dumps(run(Path(sys.argv[2]))))


if __name__ == "__main__":
    main()
