"""The annual meeting's schedule: the venue's rooms, the slot grids of each session type,
where and when each session takes place (`Slot`), runs of the solver, published releases,
and what participants add (starred sessions, registrations).

Sessions themselves belong to the programme (`igf.programme.models.Session`); the
schedule places them.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from igf.people.models import Person
from igf.programme.enums import Attendance
from igf.programme.models import AnnualMeeting, Session, SessionPerson, SessionType
from igf.schedule.enums import SolveMode, SolverStatus


class Room(models.Model):
    """A room of the venue: how many it seats and what it is equipped for.

    A hybrid room streams and lets remote speakers take the floor; each interpretation booth
    carries one language. Configured by the secretariat on the schedule pages.
    """

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)
    capacity = models.PositiveIntegerField(_("seats"))
    hybrid = models.BooleanField(
        _("hybrid"), default=True, help_text=_("Streams, and remote speakers can take the floor.")
    )
    interpretation_booths = models.PositiveSmallIntegerField(_("interpretation booths"), default=0)
    captioning = models.BooleanField(_("live captions"), default=True)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering: ClassVar[list[str]] = ["meeting", "order", "name", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["meeting", "name"], name="one_room_per_name")
        ]

    def __str__(self) -> str:
        return self.name


class RoomOpening(models.Model):
    """A time a room is open. A room with openings is open only then (a room the venue lends
    for two days, a hall used in the mornings); a room with none is open throughout.
    Edited by the secretariat with the room in the administration."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="openings")
    start = models.DateTimeField(_("open from"))
    end = models.DateTimeField(_("open until"))

    class Meta:
        verbose_name = _("room opening")
        verbose_name_plural = _("room openings")
        ordering: ClassVar[list[str]] = ["room", "start"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="room_opening_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.room}: {self.start:%Y-%m-%d %H:%M}-{self.end:%H:%M}"


class Unavailability(models.Model):
    """A time someone of a session (speaker, moderator, organiser) cannot take part: the
    solver never places any of their sessions then. Stated by them on their session page or
    by the secretariat (`schedule.services.add_unavailability`)."""

    session_person = models.ForeignKey(
        SessionPerson, on_delete=models.CASCADE, related_name="unavailabilities"
    )
    start = models.DateTimeField(_("from"))
    end = models.DateTimeField(_("until"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("unavailability")
        verbose_name_plural = _("unavailabilities")
        ordering: ClassVar[list[str]] = ["start", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="unavailability_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_person}: {self.start:%Y-%m-%d %H:%M}-{self.end:%H:%M}"


class SlotGrid(models.Model):
    """The times at which sessions of some types may take place, each `duration` long
    (workshops in 60- or 90-minute slots, lightning talks in 20-minute ones)."""

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="grids")
    name = models.CharField(_("name"), max_length=120)
    duration = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(10), MaxValueValidator(480)]
    )
    session_types: models.ManyToManyField[SessionType, Any] = models.ManyToManyField(
        SessionType, verbose_name=_("session types"), related_name="grids"
    )

    class Meta:
        verbose_name = _("slot grid")
        verbose_name_plural = _("slot grids")
        ordering: ClassVar[list[str]] = ["meeting", "duration", "pk"]

    def __str__(self) -> str:
        return self.name


class GridSlot(models.Model):
    """One time in a slot grid, in UTC."""

    grid = models.ForeignKey(SlotGrid, on_delete=models.CASCADE, related_name="slots")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        verbose_name = _("time in a grid")
        verbose_name_plural = _("times in a grid")
        ordering: ClassVar[list[str]] = ["grid", "start"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["grid", "start"], name="one_grid_slot_per_start"),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="grid_slot_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.grid}: {self.start:%Y-%m-%d %H:%M}"


class Slot(models.Model):
    """Where and when a session takes place in the working schedule (not public until a
    release). Placed by the solver or by staff through `schedule.services`;
    a pinned slot stays where staff put it when the solver runs again."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="slot")
    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="slots"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    pinned = models.BooleanField(_("pinned"), default=False)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering: ClassVar[list[str]] = ["start", "room__order", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="slot_ends_after_start"
            )
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["room", "start"])]

    def __str__(self) -> str:
        return f"{self.session}: {self.room}, {self.start:%Y-%m-%d %H:%M}"


class SolverRun(models.Model):
    """One run of the schedule solver: its weights, and what it placed, its soft-constraint
    cost and what it could not satisfy, with the reasons. Started by staff; run by the task
    worker (`schedule.tasks.solve_schedule`)."""

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="solver_runs")
    status = models.CharField(
        _("status"), max_length=10, choices=SolverStatus.choices, default=SolverStatus.QUEUED
    )
    weights: models.JSONField[dict[str, int], dict[str, int]] = models.JSONField(default=dict)
    time_limit = models.PositiveSmallIntegerField(_("time limit (seconds)"), default=60)
    mode = models.CharField(
        _("mode"), max_length=10, choices=SolveMode.choices, default=SolveMode.MINIMAL
    )
    result: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(
        default=dict, blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("solver run")
        verbose_name_plural = _("solver runs")
        ordering: ClassVar[list[str]] = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.created:%Y-%m-%d %H:%M}"

    @property
    def is_working(self) -> bool:
        """Queued or running: its result is not in yet."""
        return self.status in (SolverStatus.QUEUED, SolverStatus.RUNNING)

    @property
    def is_done(self) -> bool:
        return self.status == SolverStatus.DONE


class ScheduleRelease(models.Model):
    """A published version of the schedule: where and when every session is, frozen.

    Published by staff (`schedule.services.publish_schedule`); participants see the
    latest release and what changed since the one before. Never edited afterwards.
    """

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="releases")
    version = models.PositiveIntegerField(_("version"))
    published = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note to participants"), blank=True)
    # Per session id: room id and name, start and end (ISO, UTC), title.
    entries: models.JSONField[dict[str, dict[str, Any]], dict[str, dict[str, Any]]] = (
        models.JSONField(default=dict)
    )
    # Against the release before: added, removed, moved and renamed sessions.
    changes: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("schedule release")
        verbose_name_plural = _("schedule releases")
        ordering: ClassVar[list[str]] = ["meeting", "-version"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["meeting", "version"], name="one_release_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} v{self.version}"


class SessionAccess(models.Model):
    """The lighter ways into a session for remote participants, beside its video link
    (`Session.join_url`): live captions, an audio-only stream, telephone dial-in with local
    numbers. Edited by the secretariat in the administration."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="access")
    captions_url = models.URLField(_("live captions link"), max_length=500, blank=True)
    audio_url = models.URLField(_("audio-only stream"), max_length=500, blank=True)
    dial_in = models.TextField(
        _("dial-in numbers"), blank=True, help_text=_("Local numbers by country, one a line.")
    )

    class Meta:
        verbose_name = _("ways in for remote participants")
        verbose_name_plural = _("ways in for remote participants")

    def __str__(self) -> str:
        return str(self.session)


class RemoteHub(models.Model):
    """A group following the annual meeting together from a city: who hosts it, where, how
    many it seats, which sessions it follows. Registered by a signed-in person
    (`schedule.services.register_hub`), listed publicly once the secretariat approves it;
    its contact details are shown only as far as the host consents."""

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="hubs")
    host_organization = models.CharField(_("host organisation"), max_length=200)
    city = models.CharField(_("city"), max_length=120)
    country = models.ForeignKey(
        "core.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("place (address or venue)"), max_length=300)
    capacity = models.PositiveIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_public = models.BooleanField(
        _("show the contact person and e-mail on the public list"), default=False
    )
    sessions: models.ManyToManyField[Session, Any] = models.ManyToManyField(
        Session, verbose_name=_("sessions followed"), related_name="hubs", blank=True
    )
    approved = models.DateTimeField(_("approved"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("remote hub")
        verbose_name_plural = _("remote hubs")
        ordering: ClassVar[list[str]] = ["meeting", "city", "pk"]

    def __str__(self) -> str:
        return f"{self.city}: {self.host_organization}"


class Star(models.Model):
    """A session a person put in their personal agenda."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="starred_sessions")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="stars")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("starred session")
        verbose_name_plural = _("starred sessions")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["person", "session"], name="one_star_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.person} ★ {self.session}"


class Registration(models.Model):
    """A participant registered for the annual meeting, onsite or online."""

    meeting = models.ForeignKey(
        AnnualMeeting, on_delete=models.CASCADE, related_name="registrations"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="registrations")
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.ONSITE
    )
    registered = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering: ClassVar[list[str]] = ["meeting", "registered", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_registration_each")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.meeting}"
