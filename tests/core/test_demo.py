"""The demo forum: `seed_demo` builds it, and running it again changes nothing."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command

from igf.bodies.models import Body
from igf.people.models import Organization, Person


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "django_tasks_database", "axes"}
    }


@pytest.mark.slow
@pytest.mark.django_db
def test_seed_demo_builds_a_believable_forum_and_is_idempotent() -> None:
    call_command("seed_demo", verbosity=0)
    first = row_counts()
    assert Person.objects.filter(user__email__startswith="person").count() == 400
    # 150 in the directory, and the trust fund's 12 donors (funding's demo)
    assert Organization.objects.count() == 162
    assert Body.objects.get(slug="mag").memberships.current().count() >= 40
    call_command("seed_demo", verbosity=0)
    assert row_counts() == first
