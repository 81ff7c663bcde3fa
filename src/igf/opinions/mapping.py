"""Computing a conversation's opinion map: votes from the database into the `opinionmap`
engine, and its result into what the pages read. Run by the task queue
(`opinions.tasks.recompute_conversation_map`), never while a page waits."""

from __future__ import annotations

import io
import time
from collections import defaultdict
from datetime import timedelta
from typing import Any

import numpy as np
from django.db.models import Q
from django.utils import timezone

from igf.core.balance import UNKNOWN, BalanceSubject, Dimension, measure_dimension
from igf.core.enums import RegionGroup, StakeholderGroup
from igf.opinions.enums import StatementStatus
from igf.opinions.models import ConversationMap, Participant, Statement, Vote
from igf.opinions.spread import THRESHOLD, agreement_share, measure_spread
from igf.people.queries import balance_subject
from opinionmap import EngineState, Moderation, OpinionMap, VoteEvents, analyze, update
from opinionmap.stability import stability

# Incremental updates keep the map's axes; a full recompute renews them this often.
FULL_EVERY = 20
# Bootstrap draws for the map's stability figure, computed at each full recompute (an
# incremental update keeps the last one): about 20 k-means runs on up to 3,000 points.
STABILITY_RESAMPLES = 20
# Votes changed up to this long before the previous computation began are read again, so a
# vote whose transaction committed late is never missed (reading a vote twice is harmless).
SKEW = timedelta(seconds=60)


def moderation_of(conversation_id: int) -> Moderation:
    """Statements the engine must leave out (not accepted) or zero (meta)."""
    rows = Statement.objects.filter(conversation_id=conversation_id).values_list(
        "pk", "status", "is_meta"
    )
    excluded = frozenset(pk for pk, status, _ in rows if status != StatementStatus.ACCEPTED)
    meta = frozenset(
        pk for pk, status, is_meta in rows if is_meta and status == StatementStatus.ACCEPTED
    )
    return Moderation(excluded=excluded, meta=meta)


def _events(votes: Any) -> VoteEvents:
    rows = list(votes.values_list("participant_id", "statement_id", "value", "updated"))
    return VoteEvents.from_lists(
        [r[0] for r in rows],
        [r[1] for r in rows],
        [r[2] for r in rows],
        [r[3].timestamp() for r in rows],
    )


def pack_positions(result: OpinionMap) -> bytes:
    p = result.participants
    buffer = io.BytesIO()
    np.savez(
        buffer,
        allow_pickle=False,
        ids=np.asarray(p.ids, dtype=np.int64),
        x=np.asarray(p.x, dtype=np.float32),
        y=np.asarray(p.y, dtype=np.float32),
        group=np.asarray(p.group, dtype=np.int16),
    )
    return buffer.getvalue()


def position_of(blob: bytes | memoryview | None, participant_id: int) -> dict[str, Any] | None:
    """One participant's place on the map ({x, y, group}), or None if not on it."""
    if not blob:
        return None
    data = np.load(io.BytesIO(bytes(blob)), allow_pickle=False)
    hits = np.flatnonzero(data["ids"] == participant_id)
    if len(hits) == 0:
        return None
    i = int(hits[0])
    group = int(data["group"][i])
    return {
        "x": float(data["x"][i]),
        "y": float(data["y"][i]),
        "group": None if group < 0 else group,
    }


def _attributes(conversation_id: int) -> dict[int, tuple[str, str]]:
    """Each participant's stakeholder group and UN regional group ("unknown" if not known)."""
    participants = Participant.objects.filter(conversation_id=conversation_id).select_related(
        "person__country"
    )
    out = {}
    for participant in participants.only(
        "pk", "person__stakeholder_group", "person__country__statistical_region"
    ):
        person = participant.person
        if person is None or person.erased is not None:
            out[participant.pk] = (UNKNOWN, UNKNOWN)
            continue
        subject = balance_subject(person)
        out[participant.pk] = (
            subject.category(Dimension.STAKEHOLDER_GROUP),
            subject.category(Dimension.REGION),
        )
    return out


def _spread(
    result: OpinionMap, attributes: dict[int, tuple[str, str]]
) -> dict[str, dict[str, Any]]:
    """Stakeholder groups and regions across opinion groups, with the fewer-than-5 rule."""
    group_ids = [g.id for g in result.groups]
    members: dict[int, list[BalanceSubject]] = {g: [] for g in group_ids}
    for pid, group in zip(
        result.participants.ids.tolist(), result.participants.group.tolist(), strict=True
    ):
        if group < 0 or group not in members:
            continue
        sg, region = attributes.get(int(pid), (UNKNOWN, UNKNOWN))
        members[group].append(
            BalanceSubject(
                stakeholder_group=None if sg == UNKNOWN else sg,
                region=None if region == UNKNOWN else region,
            )
        )
    out: dict[str, dict[str, Any]] = {}
    for dimension, vocabulary in (
        (Dimension.STAKEHOLDER_GROUP, StakeholderGroup.values),
        (Dimension.REGION, RegionGroup.values),
    ):
        per_group = [
            measure_dimension(members[g], dimension, categories=vocabulary) for g in group_ids
        ]
        categories = [*vocabulary, UNKNOWN]
        counts = {c: [balance.count(c) for balance in per_group] for c in categories}
        table = measure_spread(dimension.value, counts, group_ids)
        out[dimension.value] = {
            "groups": list(table.groups),
            "rows": [
                {
                    "category": row.category,
                    "total": row.total,
                    "cells": [{"count": c.count, "share": c.share} for c in row.cells],
                }
                for row in table.rows
                if row.category != UNKNOWN or (row.total or 0) > 0 or row.hidden
            ],
        }
    return out


def _by_stakeholder_group(
    conversation_id: int, statement_ids: set[int], attributes: dict[int, tuple[str, str]]
) -> dict[str, dict[str, float | None]]:
    """Share agreeing per stakeholder group on each listed statement (None below 5 voters)."""
    counts: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    votes = Vote.objects.filter(
        conversation_id=conversation_id, statement_id__in=statement_ids
    ).values_list("participant_id", "statement_id", "value")
    for pid, sid, value in votes:
        sg = attributes.get(pid, (UNKNOWN, UNKNOWN))[0]
        if sg == UNKNOWN:
            continue
        cell = counts[sid][sg]
        cell[0] += int(value == 1)
        cell[1] += 1
    return {
        str(sid): {
            sg: agreement_share(*counts[sid].get(sg, [0, 0]), threshold=THRESHOLD)
            for sg in StakeholderGroup.values
        }
        for sid in statement_ids
    }


def summarise(
    result: OpinionMap, conversation_id: int, attributes: dict[int, tuple[str, str]]
) -> dict[str, Any]:
    """The part of the result the pages read: small, and without anything personal."""
    s = result.statements
    column = {int(sid): j for j, sid in enumerate(s.ids.tolist())}

    def counts(sid: int) -> dict[str, int]:
        j = column.get(sid)
        if j is None:
            return {"agree": 0, "disagree": 0, "seen": 0}
        return {
            "agree": int(s.n_agree[j]),
            "disagree": int(s.n_disagree[j]),
            "seen": int(s.n_seen[j]),
        }

    groups = []
    shown: set[int] = set()
    for g in result.groups:
        representative = []
        for r in g.representative:
            shown.add(r.statement_id)
            representative.append(
                {
                    "statement": r.statement_id,
                    "side": r.repful_for,
                    "agree_in": r.share_agree_in,
                    "agree_out": r.share_agree_out,
                    "disagree_in": r.share_disagree_in,
                    "disagree_out": r.share_disagree_out,
                    "seen_in": r.n_trials,
                }
            )
        groups.append(
            {"id": g.id, "size": g.size, "x": g.x, "y": g.y, "representative": representative}
        )
    consensus: dict[str, list[dict[str, Any]]] = {}
    for side, items in (("agree", result.consensus_agree), ("disagree", result.consensus_disagree)):
        consensus[side] = []
        for c in items:
            shown.add(c.statement_id)
            share = c.n_success / c.n_trials if c.n_trials else 0.0
            consensus[side].append(
                {"statement": c.statement_id, "share": share, **counts(c.statement_id)}
            )
    divisive = []
    for d in result.divisive:
        shown.add(d.statement_id)
        divisive.append(
            {
                "statement": d.statement_id,
                "spread": d.divisiveness,
                "groups": list(d.group_agree_share),
                **counts(d.statement_id),
            }
        )
    clusters = [
        {"x": b.x, "y": b.y, "size": b.size, "group": b.group} for b in result.base_clusters
    ]
    xs = [b.x for b in result.base_clusters] or [0.0]
    ys = [b.y for b in result.base_clusters] or [0.0]
    p = result.participants
    if len(p.x):
        xs += [float(np.min(p.x)), float(np.max(p.x))]
        ys += [float(np.min(p.y)), float(np.max(p.y))]
    return {
        "n_participants": int(result.n_participants),
        "n_grouped": int(np.count_nonzero(p.group >= 0)),
        "n_votes": int(result.n_votes),
        "k": int(result.k),
        "groups": groups,
        "consensus": consensus,
        "divisive": divisive,
        "base_clusters": clusters,
        "bounds": [min(xs), max(xs), min(ys), max(ys)],
        "priorities": {
            str(int(sid)): float(pr)
            for sid, pr, out in zip(
                s.ids.tolist(), s.priority.tolist(), s.moderated_out.tolist(), strict=True
            )
            if not out
        },
        "spread": _spread(result, attributes),
        "by_stakeholder_group": _by_stakeholder_group(conversation_id, shown, attributes),
    }


def recompute_map(conversation_id: int) -> ConversationMap | None:
    """Compute the conversation's map from its votes and store it.

    Incremental (`opinionmap.update`) from the stored state when only votes changed since,
    a full recompute warm-started from it every FULL_EVERY updates or when moderation
    changed. Side effects: the map row's state, result, summary and positions replaced,
    unless a computation that began later has already stored its own; the pending flag
    cleared first, so votes cast meanwhile schedule the next computation.
    """
    started = timezone.now()
    clock = time.perf_counter()
    ConversationMap.objects.filter(pk=conversation_id).update(pending=False)
    stored = ConversationMap.objects.filter(pk=conversation_id).first()
    if stored is None:
        return None
    moderation = moderation_of(conversation_id)
    previous = None
    if stored.state:
        try:
            previous = EngineState.from_bytes(bytes(stored.state))
        except ValueError:
            previous = None  # from an older engine: start afresh
    votes = Vote.objects.filter(conversation_id=conversation_id)
    new_votes = None
    if (
        previous is not None
        and stored.computed is not None
        and previous.updates_since_full < FULL_EVERY
        and previous.moderation == moderation
    ):
        new_votes = _events(votes.filter(updated__gte=stored.computed - SKEW))
    sure: dict[str, Any] | None
    if previous is not None and new_votes is not None and len(new_votes):
        analysis = update(previous, new_votes)
        sure = (stored.summary or {}).get("stability")
    else:
        analysis = analyze(_events(votes), moderation=moderation, previous=previous)
        sure = stability(analysis.result, resamples=STABILITY_RESAMPLES).to_dict()
    result = analysis.result
    attributes = _attributes(conversation_id)
    summary = summarise(result, conversation_id, attributes)
    if sure is not None:
        summary["stability"] = sure
    ConversationMap.objects.filter(pk=conversation_id).filter(
        Q(computed__isnull=True) | Q(computed__lt=started)
    ).update(
        state=analysis.state.to_bytes(),
        result=result.to_dict(),
        summary=summary,
        positions=pack_positions(result),
        computed=started,
        n_votes=int(result.n_votes),
        duration_ms=int((time.perf_counter() - clock) * 1000),
    )
    return ConversationMap.objects.filter(pk=conversation_id).first()
