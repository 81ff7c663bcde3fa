"""Who may do what with meetings: predicates on a body's current memberships and the secretariat.

Predicates take the user and a Body, Meeting, Decision or ActionItem; the body it belongs to
decides. A user's current roles are read once per request object and kept on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias, cast

import rules
from django.utils import timezone

from igf.bodies.enums import Role
from igf.bodies.models import Body, Membership
from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in

if TYPE_CHECKING:
    from igf.meetings.models import (
        ActionItem,
        AgendaItem,
        Decision,
        Meeting,
        Transcript,
        WrittenInput,
    )
    from igf.people.models import Viewer

    # What a rule is asked about: a body, a meeting or a part of its record; None for the
    # forum as a whole (scheduling an open consultation).
    Target: TypeAlias = (
        Body | Meeting | AgendaItem | Decision | ActionItem | Transcript | WrittenInput | None
    )

# Who keeps the record of a body's meetings: its rapporteur, or the secretariat's liaison.
RAPPORTEUR_ROLES = frozenset({Role.RAPPORTEUR, Role.SECRETARIAT_LIAISON})
# Stand among roles_of()'s roles for a role that holds a seat or leads, as the body's type says.
HOLDS_SEAT = "+holds_seat"
LEADS = "+leads"
_CACHE = "_igf_meeting_roles"


def roles_of(user: Viewer) -> dict[int, frozenset[str]]:
    """The user's current roles, by body id (read once, kept on the user object)."""
    if not user.is_authenticated:
        return {}
    cached: dict[int, frozenset[str]] | None = getattr(user, _CACHE, None)
    if cached is None:
        found: dict[int, set[str]] = {}
        for body_id, role, seat_roles, lead_roles in (
            Membership.objects.current()
            .filter(person__user=user)
            .values_list("body_id", "role", "body__type__seat_roles", "body__type__lead_roles")
        ):
            found.setdefault(body_id, set()).update(
                {role}
                | ({HOLDS_SEAT} if role in seat_roles else set())
                | ({LEADS} if role in lead_roles else set())
            )
        cached = {body_id: frozenset(roles) for body_id, roles in found.items()}
        setattr(user, _CACHE, cached)
    return dict(cached)


def forget_roles(user: Viewer) -> None:
    """Drop the cached roles (after a membership changes within one request)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def meeting_of(target: Target) -> Meeting | None:
    """The meeting a target is or belongs to; None for a body or the forum."""
    if target is None or isinstance(target, Body):
        return None
    return cast("Meeting", getattr(target, "meeting", target))


def body_id_of(target: Target) -> int | None:
    """The id of the body a Body, Meeting, Decision, ActionItem or Transcript belongs to."""
    if target is None:
        return None
    if isinstance(target, Body):
        return target.pk
    if hasattr(target, "body_id"):  # a meeting or an action item: no query
        own: int | None = target.body_id
        return own
    meeting = meeting_of(target)
    return meeting.body_id if meeting is not None else None


def _has_role(user: Viewer, target: Target, wanted: frozenset[str] | None) -> bool:
    body_id = body_id_of(target)
    if body_id is None:
        return False
    roles = roles_of(user).get(body_id, frozenset())
    return bool(roles) if wanted is None else bool(roles & wanted)


@rules.predicate
def is_member_of(user: Viewer, target: Target) -> bool:
    """Holds a seat in the body (chair, vice-chair, co-facilitator, member)."""
    return _has_role(user, target, frozenset({HOLDS_SEAT}))


@rules.predicate
def takes_part_in(user: Viewer, target: Target) -> bool:
    """Has any current role in the body, observers and liaisons included."""
    return _has_role(user, target, None)


@rules.predicate
def is_expected_at(user: Viewer, target: Target) -> bool:
    """Holds a seat in the meeting's body on the day of the meeting (not only today)."""
    meeting = meeting_of(target)
    if meeting is None or meeting.body_id is None or not user.is_authenticated:
        return False
    return any(
        role in seat_roles
        for role, seat_roles in Membership.objects.current(meeting.start.date())
        .filter(body_id=meeting.body_id, person__user=user)
        .values_list("role", "body__type__seat_roles")
    )


@rules.predicate
def is_lead_of(user: Viewer, target: Target) -> bool:
    """Chairs or co-facilitates the body."""
    return _has_role(user, target, frozenset({LEADS}))


@rules.predicate
def is_chair_of(user: Viewer, target: Target) -> bool:
    return _has_role(user, target, frozenset({Role.CHAIR}))


@rules.predicate
def is_rapporteur_of(user: Viewer, target: Target) -> bool:
    return _has_role(user, target, RAPPORTEUR_ROLES)


@rules.predicate
def is_consultation(user: Viewer, target: Target) -> bool:
    meeting = meeting_of(target)
    return meeting is not None and meeting.is_consultation


@rules.predicate
def is_open_to_observers(user: Viewer, target: Target) -> bool:
    meeting = meeting_of(target)
    return meeting is not None and meeting.open_to_observers


@rules.predicate
def is_upcoming(user: Viewer, target: Target) -> bool:
    """Neither cancelled nor over."""
    meeting = meeting_of(target)
    return meeting is not None and not meeting.is_cancelled and not meeting.has_ended()


@rules.predicate
def has_not_started(user: Viewer, target: Target) -> bool:
    meeting = meeting_of(target)
    return meeting is not None and not meeting.is_cancelled and not meeting.has_started()


@rules.predicate
def is_registered_for(user: Viewer, target: Target) -> bool:
    meeting = meeting_of(target)
    if meeting is None or not user.is_authenticated:
        return False
    return meeting.registrations.filter(person__user=user).exists()


@rules.predicate
def owns_action(user: Viewer, action: ActionItem | None) -> bool:
    owner = action.owner if action is not None else None
    return owner is not None and user.pk == owner.user_id


@rules.predicate
def is_in_the_past(user: Viewer, target: Target) -> bool:
    meeting = meeting_of(target)
    return meeting is not None and meeting.start <= timezone.now()


can_schedule_meeting = is_secretariat | is_lead_of
can_change_meeting = is_secretariat | is_lead_of
can_edit_agenda = is_secretariat | is_lead_of | is_rapporteur_of
can_circulate_agenda = is_secretariat | is_lead_of
# The chair approves a body's agenda; the secretariat runs the forum's own consultations.
can_approve_agenda = is_lead_of | (is_secretariat & is_consultation)
can_see_draft_agenda = is_secretariat | takes_part_in
can_see_join_link = is_secretariat | takes_part_in | is_registered_for
can_register = (
    is_signed_in & ~takes_part_in & (is_open_to_observers | is_consultation) & is_upcoming
)
can_send_apologies = is_expected_at & is_upcoming
can_record_attendance = is_secretariat | is_rapporteur_of
can_edit_minutes = is_secretariat | is_rapporteur_of
can_approve_minutes = is_secretariat | is_lead_of
# The record (approved minutes, decisions, observers) is public for meetings open to observers.
can_see_record = is_open_to_observers | is_consultation | is_secretariat | takes_part_in
can_see_draft_minutes = is_secretariat | takes_part_in
can_record_decision = is_secretariat | is_lead_of | is_rapporteur_of
can_object = is_member_of
can_add_action = is_secretariat | is_lead_of | is_rapporteur_of
can_update_action = is_secretariat | is_lead_of | is_rapporteur_of | owns_action
can_submit_input = is_signed_in & is_consultation & has_not_started
can_moderate_inputs = is_secretariat
can_manage_transcript = is_secretariat | is_rapporteur_of
can_see_attendance_rates = is_secretariat | is_lead_of

rules.add_perm("meetings.schedule_meeting", can_schedule_meeting)
rules.add_perm("meetings.change_meeting", can_change_meeting)
rules.add_perm("meetings.edit_agenda", can_edit_agenda)
rules.add_perm("meetings.circulate_agenda", can_circulate_agenda)
rules.add_perm("meetings.approve_agenda", can_approve_agenda)
rules.add_perm("meetings.view_draft_agenda", can_see_draft_agenda)
rules.add_perm("meetings.view_join_link", can_see_join_link)
rules.add_perm("meetings.register", can_register)
rules.add_perm("meetings.send_apologies", can_send_apologies)
rules.add_perm("meetings.record_attendance", can_record_attendance)
rules.add_perm("meetings.edit_minutes", can_edit_minutes)
rules.add_perm("meetings.approve_minutes", can_approve_minutes)
rules.add_perm("meetings.view_record", can_see_record)
rules.add_perm("meetings.view_draft_minutes", can_see_draft_minutes)
rules.add_perm("meetings.record_decision", can_record_decision)
rules.add_perm("meetings.object_to_decision", can_object)
rules.add_perm("meetings.add_action", can_add_action)
rules.add_perm("meetings.update_action", can_update_action)
rules.add_perm("meetings.submit_input", can_submit_input)
rules.add_perm("meetings.moderate_inputs", can_moderate_inputs)
rules.add_perm("meetings.manage_transcript", can_manage_transcript)
rules.add_perm("meetings.view_attendance_rates", can_see_attendance_rates)
rules.add_perm("meetings.use_personal_calendar", is_signed_in)
rules.add_perm("meetings.view_consultation_checks", is_secretariat)

# The secretariat reads everything in the admin; changes go through the pages (services).
grant_model_permissions(
    "meetings",
    is_secretariat,
    {
        "meeting": ("view",),
        "historicalmeeting": ("view",),
        "agendaitem": ("view",),
        "minutes": ("view",),
        "attendance": ("view",),
        "observerregistration": ("view", "delete"),
        "decision": ("view",),
        "historicaldecision": ("view",),
        "objection": ("view",),
        "actionitem": ("view",),
        "writteninput": ("view", "change"),
        "transcript": ("view", "delete"),
    },
)
