"""The schedule's activity sentences, and its constraints as whole translated sentences: why
a move is refused, why the solver left a session out, what each soft-constraint cost is about."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from igf.core import formats
from igf.schedule.constraints import Problem, SoftItem, Violation, zone
from igf.schedule.solver import Unplaced

# Whole sentences per activity verb: with a named actor, and done by the platform.
ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "schedule.grid_added": (
        gettext_lazy("%(actor)s added a slot grid to %(object)s."),
        gettext_lazy("A slot grid was added to %(object)s."),
    ),
    "schedule.grid_deleted": (
        gettext_lazy("%(actor)s deleted a slot grid of %(object)s."),
        gettext_lazy("A slot grid of %(object)s was deleted."),
    ),
    "schedule.solver_requested": (
        gettext_lazy("%(actor)s ran the schedule solver for %(object)s."),
        gettext_lazy("The schedule solver was run for %(object)s."),
    ),
    "schedule.solved": (
        gettext_lazy("The solver placed the sessions of %(object)s for %(actor)s."),
        gettext_lazy("The solver placed the sessions of %(object)s."),
    ),
    "schedule.session_moved": (
        gettext_lazy("%(actor)s moved %(object)s in the schedule."),
        gettext_lazy("%(object)s was moved in the schedule."),
    ),
    "schedule.sessions_swapped": (
        gettext_lazy("%(actor)s swapped %(object)s with another session."),
        gettext_lazy("%(object)s was swapped with another session."),
    ),
    "schedule.session_unplaced": (
        gettext_lazy("%(actor)s took %(object)s out of the schedule."),
        gettext_lazy("%(object)s was taken out of the schedule."),
    ),
    "schedule.session_pinned": (
        gettext_lazy("%(actor)s pinned %(object)s in the schedule."),
        gettext_lazy("%(object)s was pinned in the schedule."),
    ),
    "schedule.session_unpinned": (
        gettext_lazy("%(actor)s unpinned %(object)s."),
        gettext_lazy("%(object)s was unpinned."),
    ),
    "schedule.unavailability_added": (
        gettext_lazy("%(actor)s stated a time someone of %(object)s is unavailable."),
        gettext_lazy("A time someone of %(object)s is unavailable was stated."),
    ),
    "schedule.unavailability_removed": (
        gettext_lazy("%(actor)s withdrew a time someone of %(object)s was unavailable."),
        gettext_lazy("A time someone of %(object)s was unavailable was withdrawn."),
    ),
    "schedule.hub_registered": (
        gettext_lazy("%(actor)s registered a remote hub for %(object)s."),
        gettext_lazy("A remote hub was registered for %(object)s."),
    ),
    "schedule.hub_approved": (
        gettext_lazy("%(actor)s approved a remote hub of %(object)s."),
        gettext_lazy("A remote hub of %(object)s was approved."),
    ),
    "schedule.published": (
        gettext_lazy("%(actor)s published the schedule of %(object)s."),
        gettext_lazy("The schedule of %(object)s was published."),
    ),
    "programme.registered": (
        gettext_lazy("%(actor)s registered for %(object)s."),
        gettext_lazy("Someone registered for %(object)s."),
    ),
    "programme.registration_cancelled": (
        gettext_lazy("%(actor)s cancelled their registration for %(object)s."),
        gettext_lazy("A registration for %(object)s was cancelled."),
    ),
}

SOFT_LABELS = {
    "theme_parallel": gettext_lazy("Sessions of one theme at the same time"),
    "remote_hours": gettext_lazy("Remote participants outside 07:00 to 22:00 of their day"),
    "theme_spread": gettext_lazy("Themes crowded on some days"),
    "track_rooms": gettext_lazy("Tracks spread over several rooms"),
}
WEIGHT_HELP = {
    "theme_parallel": gettext_lazy("Per session beyond the first of a theme at one moment."),
    "remote_hours": gettext_lazy("Per remote participant outside their 07:00 to 22:00."),
    "theme_spread": gettext_lazy("Per session of a theme beyond its fair share of a day."),
    "track_rooms": gettext_lazy("Per room a track uses beyond the first."),
}


def _title(problem: Problem, session_id: int) -> str:
    session = problem.session_by_id.get(session_id)
    return f"“{session.title}”" if session is not None else f"#{session_id}"


def _room(problem: Problem, room_id: int | None) -> str:
    room = problem.room_by_id.get(room_id or 0)
    return room.name if room is not None else ""


def _capacity(v: Violation) -> str:
    if v.room:
        return ngettext(
            "%(room)s seats %(available)d person; %(session)s expects %(needed)d.",
            "%(room)s seats %(available)d people; %(session)s expects %(needed)d.",
            v.available,
        )
    return ngettext(
        "No room seats the %(needed)d person %(session)s expects (the largest seats "
        "%(available)d).",
        "No room seats the %(needed)d people %(session)s expects (the largest seats "
        "%(available)d).",
        v.needed,
    )


def _booths(v: Violation) -> str:
    if v.room:
        return ngettext(
            "%(session)s needs %(needed)d interpretation booth; %(room)s has %(available)d.",
            "%(session)s needs %(needed)d interpretation booths; %(room)s has %(available)d.",
            v.needed,
        )
    return ngettext(
        "%(session)s needs %(needed)d interpretation booth; no room has that many.",
        "%(session)s needs %(needed)d interpretation booths; no room has that many.",
        v.needed,
    )


def _hybrid(v: Violation) -> str:
    if v.room:
        return _("%(room)s is not equipped for hybrid sessions, which %(session)s needs.")
    return _("No room is equipped for hybrid sessions, which %(session)s needs.")


def _captioning(v: Violation) -> str:
    if v.room:
        return _("%(room)s has no live captions, which %(session)s needs.")
    return _("No room has live captions, which %(session)s needs.")


def _rooms_taken(v: Violation) -> str:
    return ngettext(
        "Every suitable room is taken at %(needed)d possible time.",
        "Every suitable room is taken at %(needed)d possible times.",
        v.needed,
    )


SENTENCES: dict[str, Callable[[Violation], str]] = {
    "room_clash": lambda v: _("%(session)s and %(other)s are in %(room)s at the same time."),
    "person_clash": lambda v: _(
        "%(person)s would be in %(session)s and %(other)s at the same time."
    ),
    "capacity": _capacity,
    "hybrid": _hybrid,
    "booths": _booths,
    "captioning": _captioning,
    "grid": lambda v: _(
        "%(session)s must take a time of a slot grid of its session type lasting "
        "%(needed)d minutes."
    ),
    "feeder": lambda v: _(
        "%(session)s feeds into %(other)s, so it must end before %(other)s starts."
    ),
    "pinned": lambda v: _("%(session)s is pinned where it is: unpin it first."),
    "rooms_taken": _rooms_taken,
    "room_closed": lambda v: _("%(room)s is closed at the time of %(session)s."),
    "unavailable": lambda v: _("%(person)s is unavailable at the time of %(session)s."),
    "make_room": lambda v: _("%(session)s made room for a session that fitted nowhere else."),
    "replan": lambda v: _("%(session)s moved in the full re-plan that was asked for."),
}


def violation_sentence(problem: Problem, violation: Violation) -> str:
    """Why a hard constraint is broken, naming the sessions, person or room concerned."""
    sessions = violation.sessions
    needed = violation.needed
    if violation.code == "grid" and sessions and sessions[0] in problem.session_by_id:
        needed = problem.session_by_id[sessions[0]].duration
    values = {
        "session": _title(problem, sessions[0]) if sessions else "",
        "other": _title(problem, sessions[1]) if len(sessions) > 1 else "",
        "person": violation.person,
        "room": _room(problem, violation.room),
        "needed": needed,
        "available": violation.available,
    }
    sentence = SENTENCES.get(violation.code)
    text = (
        sentence(violation)
        if sentence is not None
        else _("Every place %(session)s could take clashes with another session.")
    )
    return text % values


def unplaced_sentences(problem: Problem, unplaced: Unplaced) -> list[str]:
    return [violation_sentence(problem, v) for v in unplaced.reasons]


def _moment(problem: Problem, item: SoftItem) -> str:
    if item.moment is None:
        return ""
    with timezone.override(zone(problem.venue_zone)):
        return formats.day_time_cell(item.moment)


def soft_sentence(problem: Problem, item: SoftItem) -> str:
    """What one soft-constraint cost is about, with the sessions it concerns."""
    titles = ", ".join(_title(problem, s) for s in item.sessions)
    values = {
        "theme": problem.theme_names.get(item.theme or 0, ""),
        "track": problem.track_names.get(item.track or 0, ""),
        "person": item.person,
        "sessions": titles,
        "moment": _moment(problem, item),
        "start": item.local_start,
        "end": item.local_end,
        "count": len(item.sessions),
        "day": formats.day_cell(item.day),
        "limit": item.limit,
        "rooms": item.rooms,
    }
    if item.code == "theme_parallel":
        text = ngettext(
            "%(theme)s: %(count)d session at the same time, %(moment)s: %(sessions)s.",
            "%(theme)s: %(count)d sessions at the same time, %(moment)s: %(sessions)s.",
            len(item.sessions),
        )
    elif item.code == "remote_hours":
        text = _(
            "%(person)s takes part in %(sessions)s from %(start)s to %(end)s, their local time."
        )
    elif item.code == "theme_spread":
        text = ngettext(
            "%(theme)s: %(count)d session on %(day)s, more than its share of %(limit)d a day.",
            "%(theme)s: %(count)d sessions on %(day)s, more than its share of %(limit)d a day.",
            len(item.sessions),
        )
    else:
        text = ngettext(
            "%(track)s uses %(rooms)d room.",
            "%(track)s uses %(rooms)d rooms.",
            item.rooms,
        )
    return text % values
