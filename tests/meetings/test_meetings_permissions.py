"""Every role against every page and action of the meetings app: allowed or refused.

Roles: the public (anonymous), a participant, a registered observer, a member, the
rapporteur, the chair (a co-facilitator), the secretariat and an administrator.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from igf.meetings.models import AgendaItem, Meeting, WrittenInput
from igf.meetings.services import calendar_feed_of
from igf.people.models import User
from tests.factories import SecretariatFactory, UserFactory
from tests.matrix import LOGIN, Roles, Row, check
from tests.meetings.conftest import World
from tests.meetings.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    BodyFactory,
    DecisionFactory,
    MeetingFactory,
    member,
)

ROLES = (
    "anonymous", "participant", "observer", "member", "rapporteur", "chair", "secretariat",
    "admin",
)  # fmt: skip
_roles = Roles(ROLES)
everyone, signed_in = _roles.everyone, _roles.signed_in


def only(allowed: tuple[str, ...], status: int = 200) -> dict[str, int | str]:
    return _roles.only(*allowed, status=status, admin=False)


LEADS = ("chair", "secretariat", "admin")
RECORDERS = ("rapporteur", "secretariat", "admin")
EDITORS = ("rapporteur", "chair", "secretariat", "admin")
STAFF = ("secretariat", "admin")


def m(path: str) -> Callable[[World], str]:
    return lambda w: f"/meetings/{w.meeting.pk}/{path}"


def item(path: str) -> Callable[[World], str]:
    def url(w: World) -> str:
        entry = AgendaItemFactory.create(meeting=w.meeting)
        AgendaItemFactory.create(meeting=w.meeting)
        return f"/meetings/{w.meeting.pk}/agenda/{entry.pk}/{path}"

    return url


def consultation(w: World) -> Meeting:
    return MeetingFactory.create(body=None, title="Open consultation")


def closed_meeting(w: World) -> Meeting:
    return MeetingFactory.create(body=w.body, open_to_observers=False, title="Closed call")


def decision_url(w: World) -> str:
    return DecisionFactory.create(meeting=w.meeting).get_absolute_url()


def closed_decision_url(w: World) -> str:
    return DecisionFactory.create(meeting=closed_meeting(w)).get_absolute_url()


def action_url(w: World) -> str:
    action = ActionItemFactory.create(meeting=w.meeting, owner=w.member.person)
    return f"/meetings/actions/{action.pk}/"


def transcript_url(meeting: Callable[[World], Meeting]) -> Callable[[World], str]:
    def url(w: World) -> str:
        from igf.meetings.services import attach_transcript  # noqa: PLC0415

        target = meeting(w)
        transcript = attach_transcript(
            by=w.rapporteur, meeting=target, language="en", source_format="text",
            text="[00:00:05] Chair: Welcome.",
        )  # fmt: skip
        return transcript.get_absolute_url()

    return url


def input_moderation_url(w: World) -> str:
    written = WrittenInput.objects.create(
        meeting=consultation(w), author=w.observer.person, title="Input", text="Text"
    )
    return f"/meetings/inputs/{written.pk}/moderate/"


def feed_url(w: World) -> str:
    return f"/meetings/calendar/{calendar_feed_of(w.member.person).token}.ics"


ROWS = [
    Row("list", lambda w: "/meetings/", everyone(200)),
    Row("past list", lambda w: "/meetings/?when=past", everyone(200)),
    Row("meeting", m(""), everyone(200)),
    Row("meeting ics", m("meeting.ics"), everyone(200)),
    Row("history", m("history/"), everyone(200)),
    Row(
        "closed meeting history",
        lambda w: f"/meetings/{closed_meeting(w).pk}/history/",
        {**everyone(200), "anonymous": 404, "participant": 404, "observer": 404},
    ),
    Row("body", lambda w: "/meetings/bodies/bpf-cyber/", everyone(200)),
    Row("body calendar", lambda w: "/meetings/bodies/bpf-cyber/calendar.ics", everyone(200)),
    Row("decision register", lambda w: "/meetings/bodies/bpf-cyber/decisions/", everyone(200)),
    Row("body actions", lambda w: "/meetings/bodies/bpf-cyber/actions/", everyone(200)),
    Row("attendance rates", lambda w: "/meetings/bodies/bpf-cyber/attendance/", only(LEADS)),
    Row("schedule", lambda w: "/meetings/bodies/bpf-cyber/new/", only(LEADS)),
    Row("consultations", lambda w: "/meetings/consultations/", everyone(200)),
    Row("new consultation", lambda w: "/meetings/consultations/new/", only(STAFF)),
    Row("transcript search", lambda w: "/meetings/transcripts/?q=welcome", everyone(200)),
    Row("my meetings", lambda w: "/meetings/mine/", signed_in(200)),
    Row("reset calendar", lambda w: "/meetings/mine/calendar/reset/", signed_in(302), "post"),
    Row("personal feed", feed_url, everyone(200)),
    Row("edit", m("edit/"), only(LEADS)),
    Row("cancel", m("cancel/"), only(LEADS, 302), "post"),
    Row(
        "register",
        m("register/"),
        {**only(("participant", "observer", "secretariat", "admin"), 302)},
        "post",
        {"listed": "on"},
    ),
    Row("unregister", m("unregister/"), signed_in(302), "post"),
    Row("apologies", m("apologies/"), only(("member", "chair", "admin"), 302), "post"),
    Row("agenda", m("agenda/"), only(EDITORS)),
    Row("agenda item", item(""), only(EDITORS)),
    Row("agenda item delete", item("delete/"), only(EDITORS, 302), "post"),
    Row("agenda item move", item("move/"), only(EDITORS, 302), "post", {"direction": "up"}),
    Row("circulate agenda", m("agenda/circulate/"), only(LEADS, 302), "post"),
    Row("approve agenda", m("agenda/approve/"), only(("chair", "admin"), 302), "post"),
    Row("attendance", m("attendance/"), only(RECORDERS)),
    Row("minutes", m("minutes/"), only(RECORDERS)),
    Row("approve minutes", m("minutes/approve/"), only(LEADS, 302), "post"),
    Row("new decision", m("decisions/new/"), only(EDITORS)),
    Row("decision", decision_url, everyone(200)),
    Row(
        "closed decision",
        closed_decision_url,
        {**everyone(200), "anonymous": 404, "participant": 404, "observer": 404},
    ),
    Row(
        "objection",
        decision_url,
        {**only(("member", "chair", "admin"), 302), "anonymous": LOGIN},
        "post",
        {"text": "I object to the wording.", "named": "on"},
    ),
    Row("new action", m("actions/new/"), only(EDITORS)),
    Row("action", action_url, only(("member", *EDITORS))),
    Row(
        "new input",
        lambda w: f"/meetings/{consultation(w).pk}/inputs/new/",
        signed_in(200),
    ),
    Row("new input to a body meeting", m("inputs/new/"), only(("admin",))),
    Row("moderate input", input_moderation_url, only(STAFF, 302), "post", {"hidden": "1"}),
    Row("new transcript", m("transcripts/new/"), only(RECORDERS)),
    Row("transcript", transcript_url(lambda w: w.meeting), everyone(200)),
    Row(
        "closed transcript",
        transcript_url(closed_meeting),
        {**everyone(200), "anonymous": 404, "participant": 404, "observer": 404},
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
@pytest.mark.parametrize("role", ROLES)
def test_meetings_permission_matrix(
    meeting_roles: dict[str, User | None], world: World, login, row: Row[Any], role: str
) -> None:  # type: ignore[no-untyped-def]
    client: Client = login(meeting_roles[role])
    url = row.url(world)
    response = getattr(client, row.method)(url, row.data)
    check(response, row.expected[role], row.name, role)


def test_a_chair_of_another_body_has_no_say_here(world: World, login) -> None:  # type: ignore[no-untyped-def]
    elsewhere = member(BodyFactory.create(), "chair", UserFactory.create())
    client = login(elsewhere)
    assert client.get(f"/meetings/{world.meeting.pk}/edit/").status_code == 403
    assert client.post(f"/meetings/{world.meeting.pk}/agenda/approve/").status_code == 403


def test_an_agenda_item_of_another_meeting_is_not_found_here(world: World, login) -> None:  # type: ignore[no-untyped-def]
    elsewhere = AgendaItemFactory.create(meeting=MeetingFactory.create(body=world.body))
    client = login(world.chair)
    assert client.get(f"/meetings/{world.meeting.pk}/agenda/{elsewhere.pk}/").status_code == 404
    response = client.post(f"/meetings/{world.meeting.pk}/agenda/{elsewhere.pk}/delete/")
    assert response.status_code == 404
    assert AgendaItem.objects.filter(pk=elsewhere.pk).exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", lambda w: "/meetings/bodies/bpf-cyber/attendance/"),
        ("get", m("attendance/")),
        ("post", input_moderation_url),
    ],
)
def test_secretariat_without_a_second_factor_is_sent_to_set_one_up(  # type: ignore[no-untyped-def]
    world: World, login, method: str, path: Callable[[World], str]
) -> None:
    response = getattr(login(SecretariatFactory.create()), method)(path(world))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
