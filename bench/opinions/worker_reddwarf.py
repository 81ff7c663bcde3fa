"""Benchmark worker for red-dwarf 0.4.0, run with the red-dwarf virtualenv's Python.

worker_reddwarf.py synthetic IN.npz     full pipeline on planted data
worker_reddwarf.py polis DIR [K]        full pipeline on a Pol.is export (optional k)
"""

from __future__ import annotations

import csv
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
from reddwarf.implementations.base import run_pipeline


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def ari(a: np.ndarray, b: np.ndarray) -> float:
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    t = np.zeros((ai.max() + 1, bi.max() + 1))
    np.add.at(t, (ai, bi), 1)

    def c2(x: np.ndarray) -> float:
        return float(np.sum(x * (x - 1) / 2))

    s, sa, sb, n = c2(t), c2(t.sum(1)), c2(t.sum(0)), len(a) * (len(a) - 1) / 2
    e = sa * sb / n
    return (s - e) / ((sa + sb) / 2 - e)


def synthetic(path: Path) -> dict[str, float | int]:
    z = np.load(path)
    # red-dwarf needs one vote per pair: keep the latest (outside the timed part).
    key = z["participant"] * (int(z["statement"].max()) + 1) + z["statement"]
    order = np.lexsort((z["time"], key))
    last = np.ones(len(order), dtype=bool)
    last[:-1] = key[order][1:] != key[order][:-1]
    keep = order[last]
    votes = [
        {"participant_id": int(p), "statement_id": int(s), "vote": int(v), "modified": float(t)}
        for p, s, v, t in zip(
            z["participant"][keep],
            z["statement"][keep],
            z["vote"][keep],
            z["time"][keep],
            strict=False,
        )
    ]
    truth = z["truth"]
    t0 = time.perf_counter()
    result = run_pipeline(votes=votes, random_state=0)
    elapsed = time.perf_counter() - t0
    df = result.participants_df
    df = df[df["cluster_id"].notna()]
    score = ari(truth[df.index.to_numpy(dtype=int)], df["cluster_id"].to_numpy(dtype=int))
    return {
        "full_s": elapsed,
        "k": int(df["cluster_id"].nunique()),
        "ari": score,
        "peak_mb": peak_mb(),
    }


def polis(directory: Path, k: int | None) -> dict[str, object]:
    votes: list[dict[str, float | int]] = []
    if (directory / "votes.csv").exists():
        with (directory / "votes.csv").open(newline="") as f:
            for row in csv.DictReader(f):
                votes.append(
                    {
                        "participant_id": int(row["voter-id"]),
                        "statement_id": int(row["comment-id"]),
                        "vote": int(row["vote"]),
                        "modified": float(row["timestamp"]),
                    }
                )
    else:
        with (directory / "participants-votes.csv").open(newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            first = header.index("n-disagree") + 1
            for i, row in enumerate(reader):
                for cid, cell in zip(header[first:], row[first:], strict=False):
                    if cell.strip():
                        votes.append(
                            {
                                "participant_id": int(row[0]),
                                "statement_id": int(cid),
                                "vote": int(float(cell)),
                                "modified": float(i),
                            }
                        )
    mod_out = []
    with (directory / "comments.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            if int(row["moderated"]) == -1:
                mod_out.append(int(row["comment-id"]))
    latest: dict[tuple[int, int], dict[str, float | int]] = {}
    for vote in sorted(votes, key=lambda v: v["modified"]):
        latest[(int(vote["participant_id"]), int(vote["statement_id"]))] = vote
    votes = list(latest.values())
    result = run_pipeline(
        votes=votes, mod_out_statement_ids=mod_out, force_group_count=k, random_state=0
    )
    df = result.participants_df
    df = df[df["cluster_id"].notna()]
    return {
        "groups": {str(int(p)): int(g) for p, g in zip(df.index, df["cluster_id"], strict=False)},
    }


def main() -> None:
    if sys.argv[1] == "synthetic":
        print(json.dumps(synthetic(Path(sys.argv[2]))))
    else:
        k = int(sys.argv[3]) if len(sys.argv) > 3 else None
        print(json.dumps(polis(Path(sys.argv[2]), k)))


if __name__ == "__main__":
    main()
