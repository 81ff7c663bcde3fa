"""The schedule editor in a real browser: dragging a session onto a cell sends the same move
the session's page would, checked by the server the same way."""

from __future__ import annotations

from typing import Any

import pytest

from igf.people.models import User
from igf.schedule.models import Slot
from tests.conftest import client_for
from tests.schedule.factories import schedule_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in(page: Any, live_server: Any, user: User) -> None:
    client = client_for(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_dragging_a_session_onto_a_free_cell_moves_it(
    page: Any, live_server: Any, secretariat: User
) -> None:
    meeting = schedule_meeting(sessions=2, publish=False)
    session = meeting.sessions.order_by("pk")[0]
    room = meeting.rooms.get(name="Room B")
    # The same time in the other room: free, and the session's people are nowhere else then.
    start = Slot.objects.get(session=session).start
    day = start.astimezone(meeting.zone).date().isoformat()
    _signed_in(page, live_server, secretariat)
    page.goto(f"/programme/meetings/{meeting.slug}/schedule/edit/?day={day}")
    assert page.get_by_text("You can also drag a session").is_visible()
    source = page.locator(f'a[data-move][href$="/sessions/{session.pk}/"]')
    target = page.locator(f'td[data-room="{room.pk}"][data-start="{start.isoformat()}"]')
    with page.expect_navigation():
        source.drag_to(target)
    assert page.get_by_text("The session is moved.").is_visible()
    slot = Slot.objects.get(session=session)
    assert (slot.room_id, slot.start) == (room.pk, start)


def test_a_drop_that_breaks_a_hard_constraint_is_refused_with_the_reason(
    page: Any, live_server: Any, secretariat: User
) -> None:
    meeting = schedule_meeting(sessions=2, publish=False)
    first, second = meeting.sessions.order_by("pk")
    before = Slot.objects.get(session=first)
    taken = Slot.objects.get(session=second)
    _signed_in(page, live_server, secretariat)
    day = taken.start.astimezone(meeting.zone).date().isoformat()
    page.goto(f"/programme/meetings/{meeting.slug}/schedule/edit/?day={day}")
    source = page.locator(f'a[data-move][href$="/sessions/{first.pk}/"]')
    target = page.locator(
        f'td[data-room="{taken.room_id}"][data-start="{taken.start.isoformat()}"]'
    )
    with page.expect_navigation():
        source.drag_to(target)
    assert page.get_by_text("at the same time").first.is_visible()
    assert Slot.objects.get(session=first).start == before.start
