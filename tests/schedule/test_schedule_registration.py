"""Registering for the annual meeting, onsite or online, and cancelling."""

from __future__ import annotations

import pytest

from igf.schedule.models import Registration
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.schedule.factories import schedule_meeting

pytestmark = pytest.mark.django_db


def test_registration_onsite_then_online_then_cancelled() -> None:
    meeting = schedule_meeting(sessions=0, publish=False)
    user = UserFactory.create()
    client = client_for(user)
    url = f"/programme/meetings/{meeting.slug}/register/"
    assert client.post(url, {"attendance": "onsite"}).status_code == 302
    assert client.post(url, {"attendance": "online"}).status_code == 302
    assert Registration.objects.get().attendance == "online"
    assert client.post(url, {"attendance": "hologram"}).status_code == 200
    client.post(url, {"cancel": "1"})
    assert not Registration.objects.exists()
