"""Who may see a session, star it, join it online, register for the meeting and run the
schedule."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules
from django.utils import timezone

from igf.core.rules import grant_model_permissions, is_secretariat, is_signed_in
from igf.programme.enums import ParticipantRole

if TYPE_CHECKING:
    from igf.people.models import Viewer
    from igf.programme.models import AnnualMeeting, Session


def _person_id(user: Viewer) -> int | None:
    if not user.is_authenticated:
        return None
    person = getattr(user, "person", None)
    return getattr(person, "pk", None)


def _session_roles(user: Viewer, session: Session) -> set[str]:
    """The roles the user has in a session: its people's rows, and proposers of its proposals
    count as organisers (looked up once per request and session)."""
    person = _person_id(user)
    if person is None:
        return set()
    cache: dict[int, set[str]] = session.__dict__.setdefault("_roles_by_person", {})
    if person not in cache:
        roles = set(session.people.filter(person_id=person).values_list("role", flat=True))
        if session.proposals.filter(proposer_id=person).exists():
            roles.add(ParticipantRole.ORGANISER)
        cache[person] = roles
    return cache[person]


@rules.predicate
def is_session_person(user: Viewer, session: Session | None) -> bool:
    return session is not None and bool(_session_roles(user, session))


@rules.predicate
def is_session_organiser(user: Viewer, session: Session | None) -> bool:
    """Organisers and rapporteurs write the session's report."""
    return session is not None and bool(
        _session_roles(user, session) & {ParticipantRole.ORGANISER, ParticipantRole.RAPPORTEUR}
    )


@rules.predicate
def is_released(user: Viewer, session: Session | None) -> bool:
    """The session is in the meeting's latest published schedule."""
    if session is None or not session.meeting.published:
        return False
    if "_released" not in session.__dict__:
        release = session.meeting.releases.order_by("-version").first()
        session.__dict__["_released"] = release is not None and str(session.pk) in release.entries
    return bool(session.__dict__["_released"])


@rules.predicate
def join_links_are_public(user: Viewer, session: Session | None) -> bool:
    return session is not None and session.meeting.join_links_public


@rules.predicate
def is_registered(user: Viewer, session: Session | None) -> bool:
    """The user registered for the session's meeting."""
    person = _person_id(user)
    if person is None or session is None:
        return False
    return session.meeting.registrations.filter(person_id=person).exists()


@rules.predicate
def meeting_is_open_for_registration(user: Viewer, meeting: AnnualMeeting | None) -> bool:
    return meeting is not None and meeting.published and meeting.ends >= timezone.localdate()


@rules.predicate
def is_listed_in_session(user: Viewer, session: Session | None) -> bool:
    """Named among the session's people (organiser, speaker, moderator, rapporteur)."""
    person = _person_id(user)
    if session is None or person is None:
        return False
    return session.people.filter(person_id=person).exists()


can_view_session = is_secretariat | is_released | is_session_person
can_see_join_link = can_view_session & (
    join_links_are_public | is_secretariat | is_registered | is_session_person
)
can_star_session = is_signed_in & is_released
can_manage_schedule = is_secretariat
can_state_unavailability = is_signed_in & (is_listed_in_session | is_secretariat)
can_register = is_signed_in & meeting_is_open_for_registration

rules.add_perm("schedule.view_session", can_view_session)
rules.add_perm("schedule.see_join_link", can_see_join_link)
rules.add_perm("schedule.star_session", can_star_session)
rules.add_perm("schedule.manage_schedule", can_manage_schedule)
rules.add_perm("schedule.state_unavailability", can_state_unavailability)
rules.add_perm("schedule.register_hub", is_signed_in)
rules.add_perm("schedule.register", can_register)
rules.add_perm("schedule.view_agenda", is_signed_in)

# The secretariat configures the venue's rooms in the admin, and reads releases there.
grant_model_permissions(
    "schedule",
    is_secretariat,
    {
        "room": ("view", "add", "change", "delete"),
        "roomopening": ("view", "add", "change", "delete"),
        "sessionaccess": ("view", "add", "change", "delete"),
        "remotehub": ("view", "change", "delete"),
        "slotgrid": ("view",),
        "schedulerelease": ("view",),
        "registration": ("view",),
    },
)
