"""``python -m opinionmap analyze DIR --out report.json`` on small Pol.is-format folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from opinionmap.cli import main
from opinionmap.synthetic import planted_conversation

SRC = Path(__file__).resolve().parents[2] / "src"


def _write_export(directory: Path, *, wide: bool) -> int:
    planted = planted_conversation(
        n_participants=150, n_statements=20, votes_per_participant=12, n_groups=2, seed=4
    )
    e = planted.events
    statements = sorted(set(e.statement.tolist()))
    with (directory / "comments.csv").open("w") as f:
        f.write("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n")
        for sid in statements:
            moderated = -1 if sid == statements[0] else 1
            f.write(f"{1000 + sid},x,{sid},0,0,0,{moderated},Statement {sid}\n")
    if wide:
        latest: dict[int, dict[int, int]] = {}
        for p, s, v in zip(
            e.participant.tolist(), e.statement.tolist(), e.vote.tolist(), strict=True
        ):
            latest.setdefault(p, {})[s] = v
        with (directory / "participants-votes.csv").open("w") as f:
            f.write("participant,group-id,n-comments,n-votes,n-agree,n-disagree,")
            f.write(",".join(str(s) for s in statements) + "\n")
            for p, votes in latest.items():
                cells = ",".join(str(votes[s]) if s in votes else "" for s in statements)
                f.write(f"{p},,0,{len(votes)},0,0,{cells}\n")
    else:
        with (directory / "votes.csv").open("w") as f:
            f.write("timestamp,datetime,comment-id,voter-id,vote\n")
            for p, s, v, t in zip(
                e.participant.tolist(),
                e.statement.tolist(),
                e.vote.tolist(),
                e.time.tolist(),
                strict=True,
            ):
                f.write(f"{t},x,{s},{p},{v}\n")
    return len(set(e.participant.tolist()))


@pytest.mark.parametrize("wide", [False, True])
def test_cli_writes_report_with_participants_groups_and_consensus(
    tmp_path: Path, wide: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    n = _write_export(tmp_path, wide=wide)
    out = tmp_path / "report.json"

    status = main(["analyze", str(tmp_path), "--out", str(out)])

    report = json.loads(out.read_text())
    assert status == 0
    assert len(report["participants"]) == n
    assert set(report["participants"][0]) >= {"id", "group", "x", "y"}
    assert report["k"] == len(report["groups"]) == 2
    assert sum(g["size"] for g in report["groups"]) == sum(
        1 for p in report["participants"] if p["group"] is not None
    )
    assert all(g["representative"] for g in report["groups"])
    assert set(report["consensus"]) == {"agree", "disagree"}
    moderated = min(s["id"] for s in report["statements"])
    assert all(
        r["statement_id"] != moderated for g in report["groups"] for r in g["representative"]
    )
    assert "2 groups" in capsys.readouterr().out
    assert set(report["stability"]) >= {"mean_ari", "co_assignment", "silhouette", "stable"}


def test_cli_reports_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["analyze", str(tmp_path)])

    assert status == 2
    assert "neither votes.csv" in capsys.readouterr().err


def test_cli_runs_as_module(tmp_path: Path) -> None:
    _write_export(tmp_path, wide=False)

    done = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "opinionmap", "analyze", str(tmp_path), "--k", "2"],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )

    assert json.loads(done.stdout)["k"] == 2


def test_cli_replays_the_vote_history(tmp_path: Path) -> None:
    _write_export(tmp_path, wide=False)
    out = tmp_path / "report.json"

    status = main(["analyze", str(tmp_path), "--out", str(out), "--replay", "0.5"])

    report = json.loads(out.read_text())
    assert status == 0
    # Four windows of 500 votes: the k-smoother may still hold the k of the first ones.
    assert report["k"] == len(report["groups"]) in {2, 3}
    assert sum(g["size"] for g in report["groups"]) == sum(
        1 for p in report["participants"] if p["group"] is not None
    )


def test_cli_refuses_replay_without_vote_times(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_export(tmp_path, wide=True)

    status = main(["analyze", str(tmp_path), "--replay", "60"])

    assert status == 2
    assert "--replay needs votes.csv" in capsys.readouterr().err
