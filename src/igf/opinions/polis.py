"""Pol.is's open-data format: reading an export and writing one. No database here.

Files (see ../shared/data/README.md): `comments.csv` (timestamp, datetime, comment-id,
author-id, agrees, disagrees, moderated, comment-body), `votes.csv` (timestamp, datetime,
comment-id, voter-id, vote) and the wide `participants-votes.csv` (participant, group-id,
n-comments, n-votes, n-agree, n-disagree, then one column per comment id).
Timestamps are milliseconds since 1970 (UTC).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.translation import gettext_lazy as _

from igf.core.csvfile import undefuse, write_csv
from igf.core.errors import Invalid

COMMENTS_HEADER = (
    "timestamp",
    "datetime",
    "comment-id",
    "author-id",
    "agrees",
    "disagrees",
    "moderated",
    "comment-body",
)
VOTES_HEADER = ("timestamp", "datetime", "comment-id", "voter-id", "vote")
WIDE_FIXED = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")

# Limits on what an upload may hold, so a hostile file cannot exhaust the machine.
MAX_STATEMENTS = 5_000
MAX_VOTES = 2_000_000
MAX_ID = 10**9


class PolisFormatError(Invalid):
    """The file is not a Pol.is export this platform can read; `message` is translated.

    A refusal of what was sent (400), named apart so the import form catches this and
    nothing else.
    """


@dataclass(frozen=True, slots=True)
class PolisComment:
    id: int
    author: int | None
    time: datetime
    moderated: int
    text: str


@dataclass(frozen=True, slots=True)
class PolisVote:
    participant: int
    comment: int
    vote: int
    time: datetime


@dataclass(frozen=True)
class PolisConversation:
    comments: tuple[PolisComment, ...]
    votes: tuple[PolisVote, ...]


def _int(text: str, *, what: object, line: int) -> int:
    try:
        value = int(float(text))
    except (TypeError, ValueError, OverflowError) as error:
        raise PolisFormatError(
            _("Line %(line)d: %(what)s is not a number.") % {"line": line, "what": what}
        ) from error
    if abs(value) > MAX_ID:
        raise PolisFormatError(
            _("Line %(line)d: %(what)s is out of range.") % {"line": line, "what": what}
        )
    return value


def _time(text: str, line: int) -> datetime:
    try:
        millis = float(text)
        return datetime.fromtimestamp(millis / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError) as error:
        raise PolisFormatError(
            _("Line %(line)d: the timestamp is not a time.") % {"line": line}
        ) from error


def _reader(text: str, required: Sequence[str], name: str) -> csv.DictReader[str]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [column for column in required if column not in (reader.fieldnames or [])]
    if missing:
        raise PolisFormatError(
            _("%(file)s lacks the columns: %(columns)s.")
            % {"file": name, "columns": ", ".join(missing)}
        )
    return reader


def read_comments(text: str) -> tuple[PolisComment, ...]:
    reader = _reader(text, ("timestamp", "comment-id", "moderated", "comment-body"), "comments.csv")
    comments: dict[int, PolisComment] = {}
    for line, row in enumerate(reader, start=2):
        if len(comments) >= MAX_STATEMENTS:
            raise PolisFormatError(
                _("The file holds more than %(n)d statements.") % {"n": MAX_STATEMENTS}
            )
        cid = _int(row["comment-id"] or "", what="comment-id", line=line)
        if cid < 0:
            raise PolisFormatError(_("Line %(line)d: comment-id is negative.") % {"line": line})
        author_text = (row.get("author-id") or "").strip()
        moderated = _int(row["moderated"] or "0", what="moderated", line=line)
        if moderated not in (-1, 0, 1):
            raise PolisFormatError(
                _("Line %(line)d: moderated must be 1, 0 or -1.") % {"line": line}
            )
        body = (row["comment-body"] or "").strip()
        body = undefuse(body)  # written by `write_csv`
        if not body:
            raise PolisFormatError(_("Line %(line)d: the statement is empty.") % {"line": line})
        if cid in comments:
            raise PolisFormatError(
                _("Line %(line)d: comment-id %(id)d appears twice.") % {"line": line, "id": cid}
            )
        comments[cid] = PolisComment(
            id=cid,
            author=_int(author_text, what="author-id", line=line) if author_text else None,
            time=_time(row["timestamp"] or "", line),
            moderated=moderated,
            text=body,
        )
    if not comments:
        raise PolisFormatError(_("comments.csv holds no statements."))
    return tuple(sorted(comments.values(), key=lambda c: (c.time, c.id)))


def _vote(text: str, line: int) -> int:
    vote = _int(text, what="vote", line=line)
    if vote not in (-1, 0, 1):
        raise PolisFormatError(_("Line %(line)d: a vote is 1, -1 or 0.") % {"line": line})
    return vote


def read_votes(text: str, comment_ids: set[int]) -> tuple[PolisVote, ...]:
    """Every vote event; votes on statements missing from comments.csv are refused."""
    reader = _reader(text, ("timestamp", "comment-id", "voter-id", "vote"), "votes.csv")
    votes: list[PolisVote] = []
    for line, row in enumerate(reader, start=2):
        if len(votes) >= MAX_VOTES:
            raise PolisFormatError(_("The file holds more than %(n)d votes.") % {"n": MAX_VOTES})
        cid = _int(row["comment-id"] or "", what="comment-id", line=line)
        if cid not in comment_ids:
            raise PolisFormatError(
                _("Line %(line)d: a vote on statement %(id)d, which comments.csv lacks.")
                % {"line": line, "id": cid}
            )
        votes.append(
            PolisVote(
                participant=_int(row["voter-id"] or "", what="voter-id", line=line),
                comment=cid,
                vote=_vote(row["vote"] or "", line),
                time=_time(row["timestamp"] or "", line),
            )
        )
    return tuple(votes)


def read_participants_votes(
    text: str, comment_ids: set[int], when: datetime
) -> tuple[PolisVote, ...]:
    """The latest votes of the wide export (which has no times: all get `when`)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None or tuple(header[: len(WIDE_FIXED)]) != WIDE_FIXED:
        raise PolisFormatError(
            _("participants-votes.csv must begin with the columns: %(columns)s.")
            % {"columns": ", ".join(WIDE_FIXED)}
        )
    columns = [_int(h, what="comment-id", line=1) for h in header[len(WIDE_FIXED) :] if h.strip()]
    unknown = sorted(set(columns) - comment_ids)
    if unknown:
        raise PolisFormatError(
            _("participants-votes.csv names statements comments.csv lacks: %(ids)s.")
            % {"ids": ", ".join(str(i) for i in unknown[:10])}
        )
    votes: list[PolisVote] = []
    for line, row in enumerate(reader, start=2):
        if not row:
            continue
        pid = _int(row[0], what="participant", line=line)
        for cid, cell in zip(columns, row[len(WIDE_FIXED) :], strict=False):
            if cell.strip():
                if len(votes) >= MAX_VOTES:
                    raise PolisFormatError(
                        _("The file holds more than %(n)d votes.") % {"n": MAX_VOTES}
                    )
                votes.append(PolisVote(pid, cid, _vote(cell, line), when))
    return tuple(votes)


def read_conversation(
    comments: str, votes: str | None = None, participants_votes: str | None = None
) -> PolisConversation:
    """A whole export: comments.csv with votes.csv (preferred) or participants-votes.csv."""
    parsed = read_comments(comments)
    ids = {c.id for c in parsed}
    if votes:
        events = read_votes(votes, ids)
    elif participants_votes:
        latest = max(c.time for c in parsed)
        events = read_participants_votes(participants_votes, ids, latest)
    else:
        events = ()
    return PolisConversation(comments=parsed, votes=events)


def _stamp(moment: datetime) -> tuple[str, str]:
    utc = moment.astimezone(UTC)
    # Pol.is writes JavaScript's Date.toString(); this is the same shape, in UTC.
    return str(int(utc.timestamp() * 1000)), utc.strftime("%a %b %d %H:%M:%S UTC %Y")


def _csv(rows: Iterable[Sequence[object]], header: Sequence[str]) -> str:
    return write_csv(header, rows, lineterminator="\n")


def write_comments(comments: Iterable[tuple[PolisComment, int, int]]) -> str:
    """comments.csv from (comment, agrees, disagrees)."""
    rows = []
    for comment, agrees, disagrees in comments:
        stamp, text = _stamp(comment.time)
        rows.append(
            (
                stamp,
                text,
                comment.id,
                "" if comment.author is None else comment.author,
                agrees,
                disagrees,
                comment.moderated,
                comment.text,
            )
        )
    return _csv(rows, COMMENTS_HEADER)


def write_votes(votes: Iterable[PolisVote]) -> str:
    rows = []
    for vote in votes:
        stamp, text = _stamp(vote.time)
        rows.append((stamp, text, vote.comment, vote.participant, vote.vote))
    return _csv(rows, VOTES_HEADER)


def write_participants_votes(
    comment_ids: Sequence[int],
    participants: Iterable[tuple[int, int | None, int, dict[int, int]]],
) -> str:
    """The wide file from (participant, group, statements written, {comment: vote})."""
    rows = []
    for pid, group, n_comments, votes in participants:
        values = list(votes.values())
        rows.append(
            (
                pid,
                "" if group is None else group,
                n_comments,
                len(values),
                sum(1 for v in values if v == 1),
                sum(1 for v in values if v == -1),
                *(votes.get(cid, "") for cid in comment_ids),
            )
        )
    return _csv(rows, (*WIDE_FIXED, *(str(c) for c in comment_ids)))
