"""Background tasks of the opinions app (run by the Django tasks worker)."""

from __future__ import annotations

from django_tasks import task

from igf.opinions import mapping


@task()
def recompute_conversation_map(conversation_id: int) -> int:
    """Recompute one conversation's opinion map; returns the number of votes it counted."""
    stored = mapping.recompute_map(conversation_id)
    return stored.n_votes if stored is not None else 0
