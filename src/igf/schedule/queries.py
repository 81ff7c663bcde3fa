"""Reads of the schedule: the solver's problem built from the database, the working
schedule, the releases, and the public schedule as plain entries (cached per release)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language

from igf.core.forms import ROW_ID_MAX
from igf.core.rules import is_secretariat
from igf.people.models import Person, Viewer
from igf.programme.enums import ParticipantRole
from igf.programme.models import AnnualMeeting, Session, SessionPerson
from igf.programme.queries import person_key
from igf.schedule import phrases
from igf.schedule.constraints import (
    GridTime,
    PersonRef,
    Placement,
    Problem,
    RoomSpec,
    SessionSpec,
    Violation,
    zone,
)
from igf.schedule.models import (
    GridSlot,
    Registration,
    RemoteHub,
    Room,
    RoomOpening,
    ScheduleRelease,
    SessionAccess,
    Slot,
    SlotGrid,
    SolverRun,
    Star,
    Unavailability,
)
from igf.schedule.rules import can_view_session
from igf.schedule.solver import explain_unplaced
from igf.schedule.zones import country_zone

# The cache of the public schedule: one generation per meeting, raised by every change.
GENERATION_KEY = "schedule:schedule:generation:{slug}"
# Per language: the entries carry the sessions' translated texts.
ENTRIES_KEY = "schedule:schedule:entries:{slug}:{generation}:{language}"
CACHE_SECONDS = 24 * 3600
SPEAKER_ROLES = (ParticipantRole.SPEAKER, ParticipantRole.ONSITE_MODERATOR)


def generation(slug: str) -> int:
    """The current generation of a meeting's cached schedule (changes invalidate it)."""
    key = GENERATION_KEY.format(slug=slug)
    value = cache.get(key)
    if value is None:
        value = int(timezone.now().timestamp() * 1000)
        cache.add(key, value, None)
        value = cache.get(key, value)
    return int(value)


def bump_generation(slug: str) -> None:
    """Forget every cached page and export of a meeting's schedule."""
    cache.set(GENERATION_KEY.format(slug=slug), int(timezone.now().timestamp() * 1000), None)


# --- The solver's problem ---------------------------------------------------------------------


def _people_queryset() -> QuerySet[SessionPerson]:
    return SessionPerson.objects.select_related("person", "country").order_by("order", "pk")


def schedulable_sessions(meeting: AnnualMeeting) -> QuerySet[Session]:
    return (
        meeting.sessions.select_related("session_type", "theme", "track", "slot__room")
        .prefetch_related(Prefetch("people", queryset=_people_queryset()))
        .order_by("pk")
    )


def _remote_zone(row: SessionPerson) -> str | None:
    if row.onsite:
        return None
    if row.timezone:
        return row.timezone
    if row.person is not None and row.person.timezone:
        return str(row.person.timezone)
    return country_zone(row.country_id)


def row_key(row: SessionPerson) -> str:
    """What recognises the person of a session row across sessions."""
    return person_key(row.person_id, row.email) or f"r:{row.pk}"


def person_refs(
    rows: Iterable[SessionPerson], away: dict[str, list[tuple[datetime, datetime]]] | None = None
) -> tuple[PersonRef, ...]:
    """The people of a session as the solver sees them, each once, with the times they said
    they are unavailable (`away`, by person key)."""
    refs: dict[str, PersonRef] = {}
    for row in rows:
        key = row_key(row)
        remote = _remote_zone(row)
        if key in refs and refs[key].remote_zone is None:
            continue
        refs[key] = PersonRef(
            key=key,
            name=row.display_name,
            remote_zone=remote,
            away=tuple((away or {}).get(key, ())),
        )
    return tuple(refs.values())


def unavailability_by_key(meeting: AnnualMeeting) -> dict[str, list[tuple[datetime, datetime]]]:
    """When each person of the meeting's sessions is unavailable, by person key: a time
    stated on one of their sessions holds for all of them."""
    found: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    rows = Unavailability.objects.filter(session_person__session__meeting=meeting).select_related(
        "session_person"
    )
    for item in rows:
        window = (item.start, item.end)
        key = row_key(item.session_person)
        if window not in found[key]:
            found[key].append(window)
    return found


def session_spec(
    session: Session,
    away: dict[str, list[tuple[datetime, datetime]]] | None = None,
    published: Placement | None = None,
) -> SessionSpec:
    slot: Slot | None = getattr(session, "slot", None)
    pinned = (
        Placement(session.pk, slot.room_id, slot.start, slot.end)
        if slot is not None and slot.pinned
        else None
    )
    return SessionSpec(
        id=session.pk,
        title=session.title,
        type_id=session.session_type_id,
        duration=session.duration,
        attendance=session.expected_attendance,
        hybrid=session.hybrid,
        booths=session.booths_needed,
        captioning=session.captioning,
        theme=session.theme_id,
        track=session.track_id,
        feeds=session.feeds_id,
        people=person_refs(session.people.all(), away),
        pinned=pinned,
        published=published,
    )


def grid_times(meeting: AnnualMeeting) -> tuple[GridTime, ...]:
    venue = meeting.zone
    types: dict[int, frozenset[int]] = {}
    for grid in SlotGrid.objects.filter(meeting=meeting).prefetch_related("session_types"):
        types[grid.pk] = frozenset(t.pk for t in grid.session_types.all())
    return tuple(
        GridTime(
            id=slot.pk,
            start=slot.start,
            end=slot.end,
            types=types.get(slot.grid_id, frozenset()),
            day=slot.start.astimezone(venue).date(),
        )
        for slot in GridSlot.objects.filter(grid__meeting=meeting).order_by("start", "pk")
    )


def room_specs(meeting: AnnualMeeting) -> tuple[RoomSpec, ...]:
    openings: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for opening in RoomOpening.objects.filter(room__meeting=meeting).order_by("start"):
        openings[opening.room_id].append((opening.start, opening.end))
    return tuple(
        RoomSpec(
            id=room.pk,
            name=room.name,
            capacity=room.capacity,
            hybrid=room.hybrid,
            booths=room.interpretation_booths,
            captioning=room.captioning,
            order=room.order,
            open=tuple(openings.get(room.pk, ())),
        )
        for room in meeting.rooms.all()
    )


def problem_for(meeting: AnnualMeeting, sessions: Sequence[Session] | None = None) -> Problem:
    """The meeting's schedule as the solver and the checks see it."""
    rows = list(sessions) if sessions is not None else list(schedulable_sessions(meeting))
    away = unavailability_by_key(meeting)
    published = release_placements(latest_release(meeting))
    return Problem(
        rooms=room_specs(meeting),
        times=grid_times(meeting),
        sessions=tuple(session_spec(s, away, published.get(s.pk)) for s in rows),
        venue_zone=meeting.timezone,
        theme_names={t.pk: t.name for t in meeting.themes.all()},
        track_names={t.pk: t.name for t in meeting.tracks.all()},
        days_to_meeting=(meeting.starts - timezone.localdate()).days,
    )


def working_placements(meeting: AnnualMeeting) -> list[Placement]:
    return [
        Placement(slot.session_id, slot.room_id, slot.start, slot.end)
        for slot in Slot.objects.filter(session__meeting=meeting)
    ]


def latest_run(meeting: AnnualMeeting) -> SolverRun | None:
    return meeting.solver_runs.order_by("-created", "-pk").first()


def unplaced_explanations(
    meeting: AnnualMeeting, run: SolverRun | None
) -> list[tuple[Session | None, list[str]]]:
    """The sessions a solver run could not place that are still out of the working schedule,
    each with the sentences that say why."""
    if run is None or not run.result.get("unplaced"):
        return []
    problem = problem_for(meeting)
    placements = working_placements(meeting)
    placed = {p.session for p in placements}
    wanted = [int(i["session"]) for i in run.result["unplaced"] if int(i["session"]) not in placed]
    by_id = meeting.sessions.in_bulk(wanted)
    return [
        (by_id.get(sid), [phrases.violation_sentence(problem, v) for v in why])
        for sid, why in explain_unplaced(problem, placements, wanted).items()
    ]


@dataclass(frozen=True)
class MovedReport:
    """What a solver run moved of the published schedule: "N sessions moved, because …"."""

    minimal: bool
    published: int
    items: tuple[tuple[Session | None, tuple[str, ...]], ...]

    @property
    def count(self) -> int:
        return len(self.items)


def moved_report(meeting: AnnualMeeting, run: SolverRun | None) -> MovedReport | None:
    """The published sessions a finished run moved, each with the sentences that say why
    (None before a release, or when the run has no result)."""
    if run is None or not run.result or not run.result.get("published"):
        return None
    moved = run.result.get("moved", [])
    problem = problem_for(meeting)
    by_id = meeting.sessions.in_bulk([int(m["session"]) for m in moved])
    items = []
    for item in moved:
        reasons = tuple(
            phrases.violation_sentence(
                problem,
                Violation(**{**v, "sessions": tuple(v.get("sessions", ()))}),
            )
            for v in item.get("reasons", [])
        )
        items.append((by_id.get(int(item["session"])), reasons))
    return MovedReport(
        minimal=bool(run.result.get("minimal")),
        published=int(run.result["published"]),
        items=tuple(items),
    )


def people_to_tell(meeting: AnnualMeeting) -> int:
    """How many people would be e-mailed if every published session moved: those who starred
    one or take part in one with an account."""
    released = released_session_ids(meeting)
    if not released:
        return 0
    starred = set(Star.objects.filter(session_id__in=released).values_list("person_id", flat=True))
    taking_part = set(
        SessionPerson.objects.filter(session_id__in=released, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    return len(starred | taking_part)


def unavailabilities_of(session: Session, person: Person | None) -> QuerySet[Unavailability]:
    """The stated unavailabilities of the session's people (only the person's own when a
    person is given)."""
    items = Unavailability.objects.filter(session_person__session=session).select_related(
        "session_person"
    )
    if person is not None:
        items = items.filter(session_person__person=person)
    return items.order_by("start", "pk")


def find_unavailability(session: Session, pk: str) -> Unavailability | None:
    if not pk.isdigit() or int(pk) > ROW_ID_MAX:
        return None
    return (
        Unavailability.objects.filter(session_person__session=session, pk=int(pk))
        .select_related("session_person__session__meeting")
        .first()
    )


def grids_of(meeting: AnnualMeeting) -> QuerySet[SlotGrid]:
    return (
        SlotGrid.objects.filter(meeting=meeting)
        .prefetch_related("session_types", "slots")
        .order_by("duration", "pk")
    )


def rooms_of(meeting: AnnualMeeting) -> list[Room]:
    return list(meeting.rooms.all())


# --- Releases ---------------------------------------------------------------------------------


def latest_release(meeting: AnnualMeeting) -> ScheduleRelease | None:
    return meeting.releases.order_by("-version").first()


def releases_of(meeting: AnnualMeeting) -> QuerySet[ScheduleRelease]:
    return meeting.releases.order_by("-version")


def release_placements(release: ScheduleRelease | None) -> dict[int, Placement]:
    if release is None:
        return {}
    found = {}
    for key, entry in release.entries.items():
        start, end = parse_datetime(entry["start"]), parse_datetime(entry["end"])
        if start is None or end is None:
            continue
        found[int(key)] = Placement(int(key), int(entry["room"]), start, end)
    return found


def released_session_ids(meeting: AnnualMeeting) -> set[int]:
    release = latest_release(meeting)
    return {int(k) for k in release.entries} if release is not None else set()


def get_meeting_for_schedule(slug: str, *, viewer: Viewer) -> AnnualMeeting:
    """The annual meeting, when published (the secretariat sees drafts too), else Http404."""
    meetings = AnnualMeeting.objects.select_related("host_country")
    if not is_secretariat(viewer):
        meetings = meetings.filter(published=True)
    try:
        return meetings.get(slug=slug)
    except AnnualMeeting.DoesNotExist as error:
        raise Http404 from error


def get_meeting(slug: str) -> AnnualMeeting:
    """The annual meeting, published or not, else Http404: for pages whose rule decides who
    may use them (a draft meeting is then refused with 403, as before)."""
    try:
        return AnnualMeeting.objects.select_related("host_country").get(slug=slug)
    except AnnualMeeting.DoesNotExist as error:
        raise Http404 from error


def get_published_meeting(slug: str) -> AnnualMeeting:
    """The annual meeting when published, whoever asks (a calendar address has no viewer)."""
    try:
        return AnnualMeeting.objects.get(slug=slug, published=True)
    except AnnualMeeting.DoesNotExist as error:
        raise Http404 from error


def get_session(pk: int) -> Session:
    """The session, released or not, else Http404: for pages whose rule decides."""
    try:
        return Session.objects.select_related("meeting", "session_type", "theme", "track").get(
            pk=pk
        )
    except Session.DoesNotExist as error:
        raise Http404 from error


def get_visible_session(pk: int, *, viewer: Viewer) -> Session:
    """The session when the viewer may see it (released, or theirs, or the secretariat's),
    else Http404: an unreleased session is hidden, not refused."""
    session = get_session(pk)
    if not can_view_session(viewer, session):
        raise Http404
    return session


def get_meeting_session(slug: str, pk: int) -> Session:
    """A session of the meeting at `slug` (not another meeting's), for its editor, else
    Http404."""
    try:
        return Session.objects.select_related(
            "meeting__host_country", "session_type", "theme", "slot__room"
        ).get(pk=pk, meeting__slug=slug)
    except Session.DoesNotExist as error:
        raise Http404 from error


def find_grid(meeting: AnnualMeeting, pk: str) -> SlotGrid | None:
    """A slot grid of this meeting from a posted number, or None."""
    if not pk.isdigit() or int(pk) > ROW_ID_MAX:
        return None
    return SlotGrid.objects.filter(meeting=meeting, pk=int(pk)).first()


def grid_count(meeting: AnnualMeeting) -> int:
    return SlotGrid.objects.filter(meeting=meeting).count()


def recent_runs(meeting: AnnualMeeting, count: int = 10) -> list[SolverRun]:
    """The meeting's latest solver runs, newest first."""
    return list(meeting.solver_runs.select_related("requested_by")[:count])


def placed_elsewhere(session: Session) -> QuerySet[Session]:
    """The other placed sessions of the meeting, which a session may swap places with."""
    return (
        session.meeting.sessions.filter(slot__isnull=False).exclude(pk=session.pk).order_by("title")
    )


# --- The public schedule ----------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    # A stable reference that reveals nothing personal: the public profile id, else the row.
    ref: str
    name: str
    role: str
    stakeholder_group: str
    region: str
    organization: str
    onsite: bool


@dataclass(frozen=True)
class ScheduleEntry:
    """One session of the published schedule, with what its listing and exports show."""

    id: int
    code: str
    guid: str
    title: str
    description: str
    start: datetime
    end: datetime
    room_id: int
    room: str
    room_guid: str
    type_id: int
    type_name: str
    kind: str
    theme_id: int | None
    theme: str
    track: str
    languages: tuple[str, ...]
    interpretation: tuple[str, ...]
    captioning: bool
    online: bool
    join_url: str
    recording_url: str
    speakers: tuple[Speaker, ...] = ()
    search_text: str = field(default="", repr=False)

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    def matches(self, words: Sequence[str]) -> bool:
        return all(word in self.search_text for word in words)


def _speaker(row: SessionPerson) -> Speaker:
    country = row.country
    ref = f"person:{row.person.public_id}" if row.person is not None else f"row:{row.pk}"
    return Speaker(
        ref=ref,
        name=row.display_name,
        role=row.role,
        stakeholder_group=row.stakeholder_group,
        region=country.statistical_region if country is not None else "",
        organization=row.organization_name if row.person is None or not row.person.erased else "",
        onsite=row.onsite,
    )


def _entries(meeting: AnnualMeeting, release: ScheduleRelease) -> list[ScheduleEntry]:
    placements = release_placements(release)
    rooms = {r.pk: r for r in meeting.rooms.all()}
    sessions = (
        Session.objects.filter(pk__in=placements)
        .select_related("session_type", "theme", "track")
        .prefetch_related(Prefetch("people", queryset=_people_queryset()))
    )
    entries = []
    for session in sessions:
        placement = placements[session.pk]
        room = rooms.get(placement.room)
        people = list(session.people.all())
        speakers = tuple(_speaker(r) for r in people)
        text = " ".join(
            [session.title, session.description, session.code]
            + [s.name for s in speakers]
            + [s.organization for s in speakers]
        ).casefold()
        entries.append(
            ScheduleEntry(
                id=session.pk,
                code=session.code,
                guid=str(session.guid),
                title=session.title,
                description=session.description,
                start=placement.start,
                end=placement.end,
                room_id=placement.room,
                room=room.name
                if room is not None
                else str(release.entries[str(session.pk)].get("room_name", "")),
                room_guid=str(room.guid) if room is not None else "",
                type_id=session.session_type_id,
                type_name=str(session.session_type),
                kind=session.session_type.kind,
                theme_id=session.theme_id,
                theme=session.theme.name if session.theme else "",
                track=session.track.name if session.track else "",
                languages=tuple(session.languages or ()),
                interpretation=tuple(session.interpretation or ()),
                captioning=session.captioning,
                online=session.hybrid or bool(session.join_url),
                join_url=session.join_url,
                recording_url=session.recording_url,
                speakers=speakers,
                search_text=text,
            )
        )
    entries.sort(
        key=lambda e: (e.start, rooms[e.room_id].order if e.room_id in rooms else 0, e.room, e.id)
    )
    return entries


def schedule_entries(meeting: AnnualMeeting) -> list[ScheduleEntry]:
    """The published schedule of a meeting, in time order (cached until the next change).

    Session texts come from the sessions themselves; times and rooms from the latest release.
    """
    release = latest_release(meeting)
    if release is None:
        return []
    key = ENTRIES_KEY.format(
        slug=meeting.slug, generation=generation(meeting.slug), language=get_language()
    )
    cached = cache.get(key)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == release.pk:
        return list(cached[1])
    entries = _entries(meeting, release)
    cache.set(key, (release.pk, tuple(entries)), CACHE_SECONDS)
    return entries


@dataclass(frozen=True)
class Filters:
    day: date | None = None
    theme: int | None = None
    session_type: int | None = None
    room: int | None = None
    language: str = ""
    attendance: str = ""
    words: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(
            self.theme
            or self.session_type
            or self.room
            or self.language
            or self.attendance
            or self.words
        )


def filter_entries(
    entries: Iterable[ScheduleEntry], filters: Filters, venue_zone: str
) -> list[ScheduleEntry]:
    venue = zone(venue_zone)
    found = []
    for entry in entries:
        if filters.day is not None and entry.start.astimezone(venue).date() != filters.day:
            continue
        if filters.theme and entry.theme_id != filters.theme:
            continue
        if filters.session_type and entry.type_id != filters.session_type:
            continue
        if filters.room and entry.room_id != filters.room:
            continue
        if filters.language and filters.language not in (
            *entry.languages,
            *entry.interpretation,
        ):
            continue
        if filters.attendance == "online" and not entry.online:
            continue
        if filters.words and not entry.matches(filters.words):
            continue
        found.append(entry)
    return found


def schedule_days(entries: Iterable[ScheduleEntry], venue_zone: str) -> list[date]:
    venue = zone(venue_zone)
    return sorted({e.start.astimezone(venue).date() for e in entries})


def stars_of(person_id: int | None, meeting: AnnualMeeting) -> set[int]:
    if person_id is None:
        return set()
    return set(
        Star.objects.filter(person_id=person_id, session__meeting=meeting).values_list(
            "session_id", flat=True
        )
    )


@dataclass(frozen=True)
class AgendaItem:
    entry: ScheduleEntry
    clashes: tuple[ScheduleEntry, ...]


def agenda(entries: Iterable[ScheduleEntry], starred: set[int]) -> list[AgendaItem]:
    """The starred sessions in time order, each with the starred sessions it overlaps."""
    chosen = [e for e in entries if e.id in starred]
    items = []
    for entry in chosen:
        clashes = tuple(
            other
            for other in chosen
            if other.id != entry.id and other.start < entry.end and entry.start < other.end
        )
        items.append(AgendaItem(entry, clashes))
    return items


def sessions_by_day(
    entries: Iterable[ScheduleEntry], venue_zone: str
) -> list[tuple[date, list[ScheduleEntry]]]:
    venue = zone(venue_zone)
    days: dict[date, list[ScheduleEntry]] = defaultdict(list)
    for entry in entries:
        days[entry.start.astimezone(venue).date()].append(entry)
    return sorted(days.items())


def meeting_slug_of_session(pk: int) -> str | None:
    """The slug of a session's meeting, remembered: a session never changes meeting, so a
    cached session page costs no query to find its key."""
    if not 0 < pk <= ROW_ID_MAX:
        return None
    key = f"programme:session-meeting:{pk}"
    slug: str | None = cache.get(key)
    if slug is None:
        slug = Session.objects.filter(pk=pk).values_list("meeting__slug", flat=True).first()
        if slug is not None:
            cache.set(key, slug, CACHE_SECONDS)
    return slug


def session_people(session: Session) -> list[SessionPerson]:
    """The people of a session, as its page lists them."""
    return list(SessionPerson.objects.filter(session=session).select_related("person", "country"))


def find_room(pk: int | None) -> Room | None:
    return Room.objects.filter(pk=pk).first() if pk is not None else None


def is_starred(session: Session, viewer: Viewer) -> bool:
    """Whether the session is in the viewer's agenda."""
    return viewer.is_authenticated and session.stars.filter(person__user=viewer).exists()


def sessions_taken_part_in(person: Person, meeting: AnnualMeeting) -> set[int]:
    """The sessions of the meeting the person speaks at, organises or otherwise takes part in."""
    return set(
        SessionPerson.objects.filter(person=person, session__meeting=meeting).values_list(
            "session_id", flat=True
        )
    )


# --- Registration -----------------------------------------------------------------------------


def registration_of(meeting: AnnualMeeting, person: Person | None) -> Registration | None:
    if person is None:
        return None
    return Registration.objects.filter(meeting=meeting, person=person).first()


def registrations(meeting: AnnualMeeting) -> QuerySet[Registration]:
    return meeting.registrations.filter(person__erased__isnull=True).select_related(
        "person__country"
    )


# --- Personal data ------------------------------------------------------------------------------


def export_schedule_data(person: Person) -> dict[str, Any]:
    """What the schedule holds about a person, for their data export: their agenda, their
    registrations, the times they said they are unavailable and the hubs they registered."""
    stars = Star.objects.filter(person=person).select_related("session").order_by("pk")
    registrations = Registration.objects.filter(person=person).select_related("meeting")
    return {
        "starred_sessions": [
            {"session": s.session.title, "starred": s.created.isoformat()} for s in stars
        ],
        "registrations": [
            {
                "meeting": str(r.meeting),
                "attendance": r.attendance,
                "registered": r.registered.isoformat(),
            }
            for r in registrations
        ],
        "unavailability": [
            {
                "session": u.session_person.session.title,
                "start": u.start.isoformat(),
                "end": u.end.isoformat(),
                "note": u.note,
            }
            for u in Unavailability.objects.filter(session_person__person=person)
            .select_related("session_person__session")
            .order_by("start", "pk")
        ],
        "remote_hubs_registered": [
            {
                "meeting": str(h.meeting),
                "city": h.city,
                "host_organization": h.host_organization,
                "contact_name": h.contact_name,
                "contact_email": h.contact_email,
            }
            for h in RemoteHub.objects.filter(registered_by__person=person)
            .select_related("meeting")
            .order_by("pk")
        ],
    }


# --- The timetable and "now and next" -------------------------------------------------------


@dataclass(frozen=True)
class TimetableCell:
    """A cell of the timetable: a session starting in this row and spanning `rows` rows, or
    an empty cell (`entry` None)."""

    entry: ScheduleEntry | None
    rows: int = 1


@dataclass(frozen=True)
class TimetableRow:
    start: datetime
    end: datetime
    cells: tuple[TimetableCell, ...]


def timetable(
    entries: Iterable[ScheduleEntry], rooms: Sequence[tuple[int, str]]
) -> list[TimetableRow]:
    """One day's sessions as a grid of rooms by times: a row between each two successive
    moments something starts or ends, each session spanning the rows it lasts (rooms never
    hold two sessions at once, so cells never collide)."""
    chosen = list(entries)
    moments = sorted({e.start for e in chosen} | {e.end for e in chosen})
    index = {moment: n for n, moment in enumerate(moments)}
    starting: dict[tuple[int, int], ScheduleEntry] = {}
    covered: set[tuple[int, int]] = set()
    for entry in chosen:
        first, last = index[entry.start], index[entry.end]
        starting[(first, entry.room_id)] = entry
        covered.update((n, entry.room_id) for n in range(first + 1, last))
    rows = []
    for n in range(len(moments) - 1):
        cells = []
        for room_id, _name in rooms:
            if (n, room_id) in covered:
                continue
            found = starting.get((n, room_id))
            if found is not None:
                cells.append(TimetableCell(found, index[found.end] - n))
            else:
                cells.append(TimetableCell(None))
        rows.append(TimetableRow(moments[n], moments[n + 1], tuple(cells)))
    return rows


@dataclass(frozen=True)
class RoomNow:
    """What is on in a room now, and what comes next there (today)."""

    room: str
    now: ScheduleEntry | None
    next: ScheduleEntry | None


def now_and_next(entries: Iterable[ScheduleEntry], at: datetime, venue_zone: str) -> list[RoomNow]:
    """For every room with sessions today (at the venue): the session running at `at`, and
    the next one to start there today."""
    venue = zone(venue_zone)
    today = at.astimezone(venue).date()
    by_room: dict[str, list[ScheduleEntry]] = defaultdict(list)
    order: dict[str, int] = {}
    for entry in entries:
        if entry.start.astimezone(venue).date() == today:
            by_room[entry.room].append(entry)
            order.setdefault(entry.room, len(order))
    found = []
    for room, items in sorted(by_room.items(), key=lambda item: order[item[0]]):
        items.sort(key=lambda e: e.start)
        running = next((e for e in items if e.start <= at < e.end), None)
        coming = next((e for e in items if e.start > at), None)
        found.append(RoomNow(room=room, now=running, next=coming))
    return found


# --- Remote hubs and ways in ----------------------------------------------------------------


def approved_hubs(meeting: AnnualMeeting) -> QuerySet[RemoteHub]:
    return (
        RemoteHub.objects.filter(meeting=meeting, approved__isnull=False)
        .select_related("country")
        .order_by("city", "pk")
    )


def hubs_by_region(meeting: AnnualMeeting) -> list[tuple[str, list[RemoteHub]]]:
    """The approved hubs of a meeting grouped by the UN statistical region of their country."""
    groups: dict[str, list[RemoteHub]] = defaultdict(list)
    for hub in approved_hubs(meeting).prefetch_related("sessions"):
        groups[hub.country.statistical_region or ""].append(hub)
    return sorted(groups.items())


def hubs_following(session: Session) -> list[RemoteHub]:
    return list(
        session.hubs.filter(approved__isnull=False).select_related("country").order_by("city")
    )


def hub_count(meeting: AnnualMeeting) -> tuple[int, int]:
    """How many approved hubs follow the meeting, and how many seats they hold."""
    hubs = approved_hubs(meeting)
    return hubs.count(), sum(h.capacity for h in hubs)


def access_of(session: Session) -> SessionAccess | None:
    return SessionAccess.objects.filter(session=session).first()


def is_online_moderator(session: Session, viewer: Viewer) -> bool:
    """Whether the viewer moderates the session's online participants (hubs ask them)."""
    person = getattr(viewer, "person", None) if viewer.is_authenticated else None
    return (
        person is not None
        and session.people.filter(person=person, role=ParticipantRole.ONLINE_MODERATOR).exists()
    )
