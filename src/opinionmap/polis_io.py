"""Reading Pol.is open-data exports (``votes.csv`` + ``comments.csv``, or
``participants-votes.csv``) into vote events and moderation."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from opinionmap.matrix import VoteEvents
from opinionmap.state import Moderation


@dataclass(frozen=True)
class PolisExport:
    """The votes and moderation of one exported conversation."""

    events: VoteEvents
    moderation: Moderation
    statement_ids: tuple[int, ...]
    source: str


def _int(text: str) -> int:
    return int(float(text))


def read_comments(path: Path) -> tuple[tuple[int, ...], Moderation]:
    """Statement ids in creation order, and those moderated out (``moderated`` = -1)."""
    rows: list[tuple[float, int, int]] = []
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows.append((float(row["timestamp"]), _int(row["comment-id"]), _int(row["moderated"])))
    rows.sort()
    excluded = frozenset(cid for _, cid, mod in rows if mod == -1)
    return tuple(cid for _, cid, _ in rows), Moderation(excluded=excluded)


def read_votes(path: Path) -> VoteEvents:
    """Every vote event of ``votes.csv`` (the latest per pair wins later)."""
    data = np.genfromtxt(
        path,
        delimiter=",",
        skip_header=1,
        usecols=(0, 2, 3, 4),
        dtype=np.float64,
        invalid_raise=False,
    )
    data = np.atleast_2d(data)
    return VoteEvents.from_lists(
        participant=data[:, 2].astype(np.int64),
        statement=data[:, 1].astype(np.int64),
        vote=data[:, 3].astype(np.int8),
        time=data[:, 0],
    )


def read_participants_votes(path: Path) -> tuple[VoteEvents, dict[int, int | None]]:
    """Latest votes from the wide ``participants-votes.csv``, and Pol.is's own groups.

    Rows keep the file's order (the export has no times), so row i's votes get time i.
    """
    parts: list[int] = []
    stmts: list[int] = []
    votes: list[int] = []
    times: list[float] = []
    groups: dict[int, int | None] = {}
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        first_vote_col = header.index("n-disagree") + 1
        # Newer exports have an `xid` column after `participant`: find columns by name.
        group_col = header.index("group-id")
        comment_ids = [_int(h) for h in header[first_vote_col:]]
        for i, row in enumerate(reader):
            pid = _int(row[0])
            groups[pid] = _int(row[group_col]) if row[group_col].strip() else None
            for cid, cell in zip(comment_ids, row[first_vote_col:], strict=False):
                if cell.strip():
                    parts.append(pid)
                    stmts.append(cid)
                    votes.append(_int(cell))
                    times.append(float(i))
    return VoteEvents.from_lists(parts, stmts, votes, times), groups


def read_export(directory: Path) -> PolisExport:
    """Read a Pol.is export folder, preferring the full vote history when present."""
    comments = directory / "comments.csv"
    statement_ids: tuple[int, ...] = ()
    moderation = Moderation()
    if comments.exists():
        statement_ids, moderation = read_comments(comments)
    votes = directory / "votes.csv"
    wide = directory / "participants-votes.csv"
    if votes.exists() and comments.exists():
        return PolisExport(read_votes(votes), moderation, statement_ids, "votes.csv")
    if wide.exists():
        events, _ = read_participants_votes(wide)
        return PolisExport(events, moderation, statement_ids, "participants-votes.csv")
    msg = f"{directory} holds neither votes.csv with comments.csv nor participants-votes.csv"
    raise FileNotFoundError(msg)


def read_polis_groups(directory: Path) -> dict[int, int | None]:
    """Pol.is's own group of each participant (None where Pol.is left them out)."""
    _, groups = read_participants_votes(directory / "participants-votes.csv")
    return groups
