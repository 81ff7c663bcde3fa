"""The periodic jobs run once per slot however many hosts run the scheduler loop."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from igf.core.management.commands.run_periodic import JOBS, run_due

pytestmark = pytest.mark.django_db


def test_a_slot_runs_once_across_hosts_and_the_next_slot_runs_again() -> None:
    cache.clear()
    moment = 1_800_000_000.0
    first_host = run_due(900, now=moment)
    second_host = run_due(900, now=moment + 10)  # same 15-minute slot, another host
    next_slot = run_due(900, now=moment + 900)
    assert first_host == list(JOBS)
    assert second_host == []
    assert next_slot == list(JOBS)
