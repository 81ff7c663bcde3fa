"""The annual meeting's programme, first half: the meeting, its themes and session types, the
call for session proposals with its templates, proposals and the people named in them, and
their review (reviewers, assignments, conflicts, reviews and scores).

The schedule (rooms, slots) builds on `Session`, which a proposal becomes once accepted.
"""

from __future__ import annotations

import secrets
import uuid
import zoneinfo
from datetime import datetime
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from igf.bodies.models import Body
from igf.core.enums import Gender, StakeholderGroup
from igf.core.models import Country
from igf.core.timezones import is_valid_timezone
from igf.meetings.models import CueFields, TranscriptFields
from igf.people.models import Organization, Person
from igf.programme.criteria import CriteriaRules, default_rules
from igf.programme.enums import (
    AssignmentStatus,
    Attendance,
    CallPhase,
    Confirmation,
    Decision,
    Focus,
    LinkKind,
    ParticipantRole,
    ProposalStatus,
    SessionFormat,
    SessionKind,
    SolverStatus,
    TemplateField,
)

DEFAULT_REVIEWERS_PER_PROPOSAL = 5
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


class AnnualMeeting(models.Model):
    """One year's global forum (e.g. "IGF 2026"): its dates, host and time zone.

    Configured by the secretariat in the admin; its themes, session types and calls hang off it.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("web address"), max_length=60, unique=True)
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    host_city = models.CharField(_("host city"), max_length=120, blank=True)
    host_country = models.ForeignKey(
        Country,
        verbose_name=_("host country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    timezone = models.CharField(
        _("time zone of the venue"),
        max_length=64,
        default="UTC",
        help_text=_("An IANA time zone name, e.g. Europe/Oslo."),
    )
    starts = models.DateField(_("first day"))
    ends = models.DateField(_("last day"))
    description = models.TextField(_("description (Markdown)"), blank=True)
    evaluating_body = models.ForeignKey(
        Body,
        verbose_name=_("body that evaluates session proposals"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The Multistakeholder Advisory Group, as a rule."),
    )
    published = models.BooleanField(_("published"), default=True)
    join_links_public = models.BooleanField(
        _("links to join online are public"),
        default=True,
        help_text=_(
            "Shown to everyone and kept in the static copy of the schedule. Otherwise only "
            "registered participants see them, on the pages and in their calendar feed."
        ),
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("annual meeting")
        verbose_name_plural = _("annual meetings")
        ordering: ClassVar[list[str]] = ["-year"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(ends__gte=models.F("starts")), name="annual_meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programme:meeting", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if not is_valid_timezone(self.timezone):
            raise ValidationError({"timezone": _("Choose a time zone from the IANA list.")})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone if is_valid_timezone(self.timezone) else "UTC")


class Theme(models.Model):
    """A thematic track of the meeting, with the policy questions sessions should address."""

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description (Markdown)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering: ClassVar[list[str]] = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.name


class PolicyQuestion(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("policy question")
        verbose_name_plural = _("policy questions")
        ordering: ClassVar[list[str]] = ["theme", "order", "pk"]

    def __str__(self) -> str:
        return self.text


def _default_durations() -> list[int]:
    return [60, 90]


class SessionType(models.Model):
    """A kind of session at one meeting (workshop, open forum...) with its minimum criteria.

    The criteria are data (`criteria`, read as `CriteriaRules`), so the secretariat changes a
    rule without a release. Main sessions are organised by the MAG and not proposed in a call.
    """

    meeting = models.ForeignKey(
        AnnualMeeting, on_delete=models.CASCADE, related_name="session_types"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=SessionKind.choices)
    name = models.CharField(
        _("name"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the name of the kind, translated."),
    )
    description = models.TextField(_("description (Markdown)"), blank=True)
    proposable = models.BooleanField(_("proposed through a call"), default=True)
    durations: models.JSONField[list[int], list[int]] = models.JSONField(
        _("durations allowed (minutes)"), default=_default_durations
    )
    criteria: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(
        _("minimum criteria"),
        default=dict,
        blank=True,
        help_text=_("Empty: the defaults for this kind of session."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("session type")
        verbose_name_plural = _("session types")
        ordering: ClassVar[list[str]] = ["meeting", "order", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["meeting", "kind", "name"], name="one_session_type")
        ]

    def __str__(self) -> str:
        if self.name or self.kind not in SessionKind.values:
            return self.name or self.kind
        return str(SessionKind(self.kind).label)

    @property
    def rules(self) -> CriteriaRules:
        """The criteria in force: the stored rules over the defaults of the kind."""
        base = default_rules(self.kind).to_data()
        try:
            return CriteriaRules.from_data({**base, **(self.criteria or {})})
        except (TypeError, ValueError):
            return CriteriaRules.from_data(base)

    def clean(self) -> None:
        try:
            CriteriaRules.from_data({**default_rules(self.kind).to_data(), **(self.criteria or {})})
        except (TypeError, ValueError) as error:
            raise ValidationError({"criteria": str(error)}) from error
        durations = self.durations
        if (
            not isinstance(durations, list)
            or not durations
            or not all(
                isinstance(d, int) and not isinstance(d, bool) and 10 <= d <= 480 for d in durations
            )
        ):
            raise ValidationError(
                {"durations": _("List the durations in minutes, each between 10 and 480.")}
            )


class Call(models.Model):
    """A call for session proposals: when it is open, which session types it takes, with what
    template, and how proposals are reviewed. Opened, closed and decided through
    `programme.services`; it closes exactly at `closes`, enforced on the server.
    """

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="calls")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), blank=True)
    opens = models.DateTimeField(_("opens"))
    closes = models.DateTimeField(_("closes"))
    published = models.BooleanField(_("published"), default=True)
    session_types: models.ManyToManyField[SessionType, CallSessionType] = models.ManyToManyField(
        SessionType, through="CallSessionType", related_name="calls"
    )
    reviewers_per_proposal = models.PositiveSmallIntegerField(
        _("reviewers per proposal"),
        default=DEFAULT_REVIEWERS_PER_PROPOSAL,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    blind_review = models.BooleanField(
        _("blind review"),
        default=True,
        help_text=_("Reviewers see no names of proposers, organisers, speakers or organisations."),
    )
    results_published = models.DateTimeField(_("results published"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("call for session proposals")
        verbose_name_plural = _("calls for session proposals")
        ordering: ClassVar[list[str]] = ["-opens"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")),
                name="proposal_call_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:call", kwargs={"pk": self.pk})

    def is_open(self, now: datetime | None = None) -> bool:
        """Open from `opens` (included) to `closes` (excluded): a second late is too late."""
        moment = now or timezone.now()
        return self.published and self.opens <= moment < self.closes

    def phase(self, now: datetime | None = None) -> CallPhase:
        moment = now or timezone.now()
        if not self.published:
            return CallPhase.DRAFT
        if self.results_published is not None:
            return CallPhase.RESULTS
        if moment < self.opens:
            return CallPhase.UPCOMING
        if moment < self.closes:
            return CallPhase.OPEN
        return CallPhase.REVIEW

    def get_phase_display(self) -> str:
        return str(self.phase().label)


def _default_template_fields() -> list[str]:
    return list(TemplateField.values)


class CallSessionType(models.Model):
    """The template of one session type in one call: which parts it asks, with what help,
    and how many sessions of the type the programme has room for."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="templates")
    session_type = models.ForeignKey(SessionType, on_delete=models.PROTECT, related_name="+")
    fields: models.JSONField[list[str], list[str]] = models.JSONField(
        _("parts the template asks"), default=_default_template_fields
    )
    help_texts: models.JSONField[dict[str, str], dict[str, str]] = models.JSONField(
        _("help per part"),
        default=dict,
        blank=True,
        help_text=_("Optional: help shown with a part, replacing the standard help."),
    )
    slots = models.PositiveSmallIntegerField(
        _("sessions the programme has room for"), null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("proposal template")
        verbose_name_plural = _("proposal templates")
        ordering: ClassVar[list[str]] = ["call", "order", "session_type__order", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["call", "session_type"], name="one_template_per_session_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.call}: {self.session_type}"

    def asks(self, part: str) -> bool:
        return part in (self.fields or [])

    def clean(self) -> None:
        if not isinstance(self.fields, list) or any(
            f not in TemplateField.values for f in self.fields
        ):
            raise ValidationError({"fields": _("Name only parts a template can ask.")})
        if not isinstance(self.help_texts, dict) or any(
            k not in TemplateField.values or not isinstance(v, str)
            for k, v in self.help_texts.items()
        ):
            raise ValidationError({"help_texts": _("Give help only for parts a template asks.")})


class ReviewCriterion(models.Model):
    """One published criterion reviewers score from 1 to 5."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("what reviewers look for"), max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")
        ordering: ClassVar[list[str]] = ["call", "order", "pk"]

    def __str__(self) -> str:
        return self.name


def _session_code() -> str:
    """Six capitals and digits, the short code conference apps show (pretalx's format)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


class Session(models.Model):
    """A session of the annual meeting's programme. Accepted proposals become sessions when
    the results are published (merged proposals share one); the MAG adds main sessions.

    What the schedule needs to place it (attendance, hybrid room, interpretation booths) is
    set by the secretariat; `programme.schedule.services` places it in a `Slot`.
    """

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="sessions")
    session_type = models.ForeignKey(
        SessionType, verbose_name=_("session type"), on_delete=models.PROTECT, related_name="+"
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    track = models.ForeignKey(
        "Track",
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description (Markdown)"), blank=True)
    policy_questions = models.ManyToManyField(
        PolicyQuestion, verbose_name=_("policy questions"), blank=True, related_name="sessions"
    )
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    code = models.CharField(_("code"), max_length=6, unique=True, default=_session_code)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    feeds = models.ForeignKey(
        "self",
        verbose_name=_("feeds into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feeders",
        help_text=_("The main session this session prepares; it is scheduled before it."),
    )
    expected_attendance = models.PositiveIntegerField(
        _("expected attendance onsite"),
        default=0,
        help_text=_("The room must seat at least this many people."),
    )
    hybrid = models.BooleanField(
        _("needs a hybrid room"),
        default=True,
        help_text=_("Streamed, with remote speakers taking the floor."),
    )
    languages: models.JSONField[list[str], list[str]] = models.JSONField(
        _("languages of the session"), default=list, blank=True
    )
    interpretation: models.JSONField[list[str], list[str]] = models.JSONField(
        _("interpretation into"), default=list, blank=True
    )
    captioning = models.BooleanField(_("live captions"), default=True)
    join_url = models.URLField(_("link to join online"), max_length=500, blank=True)
    recording_url = models.URLField(_("recording"), max_length=500, blank=True)
    short_reminder_sent = models.DateTimeField(null=True, blank=True, editable=False)
    full_reminder_sent = models.DateTimeField(null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(
        excluded_fields=["created", "short_reminder_sent", "full_reminder_sent"]
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering: ClassVar[list[str]] = ["meeting", "title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:session", kwargs={"pk": self.pk})

    @property
    def booths_needed(self) -> int:
        return len(self.interpretation or [])


class Proposal(models.Model):
    """A session proposed in a call, by a proposer with co-organisers and speakers.

    Saved as a draft at any time, submitted only when it meets the minimum criteria, edited
    until the call closes; decided with a reason, and told its outcome when the results are
    published. Every change goes through `programme.services`; history is kept.
    """

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="proposals")
    number = models.PositiveIntegerField(_("number"))
    session_type = models.ForeignKey(
        SessionType, verbose_name=_("session type"), on_delete=models.PROTECT, related_name="+"
    )
    proposer = models.ForeignKey(
        Person, verbose_name=_("proposer"), on_delete=models.PROTECT, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=250)
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    policy_questions = models.ManyToManyField(
        PolicyQuestion, verbose_name=_("policy questions"), blank=True, related_name="proposals"
    )
    description = models.TextField(_("description"), blank=True)
    expected_outcomes = models.TextField(_("expected outcomes"), blank=True)
    format = models.CharField(_("format"), max_length=30, choices=SessionFormat.choices, blank=True)
    interaction = models.TextField(_("how onsite and online participants interact"), blank=True)
    sdgs: models.JSONField[list[int], list[int]] = models.JSONField(
        _("related Sustainable Development Goals"), default=list, blank=True
    )
    focus = models.CharField(_("focus"), max_length=20, choices=Focus.choices, blank=True)
    duration = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    accessibility = models.TextField(_("accessibility and language needs"), blank=True)
    languages: models.JSONField[list[str], list[str]] = models.JSONField(
        _("languages of the session"), default=list, blank=True
    )
    previous_report = models.TextField(_("report on the previous session"), blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("last saved"), auto_now=True)
    submitted = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The selection, private until the call's results are published.
    decision = models.CharField(_("decision"), max_length=30, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    merge_with = models.ForeignKey(
        "self",
        verbose_name=_("merged with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    history = HistoricalRecords(excluded_fields=["created", "updated"])

    class Meta:
        verbose_name = _("session proposal")
        verbose_name_plural = _("session proposals")
        ordering: ClassVar[list[str]] = ["call", "number"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["call", "number"], name="one_proposal_per_number"),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return f"#{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("programme:proposal", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        return f"#{self.number}"


class NamedParticipant(models.Model):
    """Someone named in a proposal or a session, with or without an account: what the
    programme keeps of them (the account's `person`, with its own reverse name, is on each
    subclass). Their e-mail address is never shown."""

    person: models.ForeignKey[Person | None, Person | None]
    role = models.CharField(_("role"), max_length=30, choices=ParticipantRole.choices)
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    organization_name = models.CharField(_("organisation"), max_length=200, blank=True)
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    gender = models.CharField(_("gender"), max_length=30, choices=Gender.choices, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.ONSITE
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        person = self.person
        if person is not None and (person.erased is not None or not self.name):
            return person.public_name
        return self.name

    @property
    def onsite(self) -> bool:
        return self.attendance == Attendance.ONSITE


class ProposalPerson(NamedParticipant):
    """A person named in a proposal: organiser, speaker, moderator or rapporteur.

    People without an account are named here (name, group, country, gender, attendance);
    those with one are linked to their Person. Each is asked by e-mail to confirm.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal_roles"
    )
    confirmation = models.CharField(
        _("confirmation"),
        max_length=20,
        choices=Confirmation.choices,
        default=Confirmation.NOT_ASKED,
    )
    invited = models.DateTimeField(_("asked to confirm"), null=True, blank=True)
    responded = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("person in a proposal")
        verbose_name_plural = _("people in proposals")
        ordering: ClassVar[list[str]] = ["proposal", "order", "pk"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["role", "email"])]

    @property
    def confirmed(self) -> bool:
        return self.confirmation == Confirmation.CONFIRMED


class Reviewer(models.Model):
    """A person who reviews the proposals of a call, usually a member of the evaluating body.

    Stakeholder group, region and organisation are kept as they were when the reviewer was
    enlisted, so assignment is balanced and explainable even if a profile changes later.
    """

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="reviewers")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="reviewer_roles")
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True
    )
    region = models.CharField(_("UN regional group"), max_length=30, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    active = models.BooleanField(_("takes new assignments"), default=True)
    added = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        ordering: ClassVar[list[str]] = ["call", "person__display_name", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["call", "person"], name="one_reviewer_per_person")
        ]

    def __str__(self) -> str:
        return str(self.person)


class Assignment(models.Model):
    """A proposal given to a reviewer, with why it went to them (`explanation`)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="assignments")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.ASSIGNED,
    )
    explanation: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(
        default=dict, blank=True
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering: ClassVar[list[str]] = ["proposal", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["proposal", "reviewer"], name="one_assignment_each")
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["reviewer", "status"])]

    def __str__(self) -> str:
        return f"{self.proposal.reference} → {self.reviewer}"

    def get_absolute_url(self) -> str:
        return reverse("programme:review", kwargs={"pk": self.pk})


class Conflict(models.Model):
    """A declared conflict of interest between a reviewer and a proposal (never assigned)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="conflicts")
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.TextField(_("reason"), blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declared = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["proposal", "reviewer"], name="one_conflict_each")
        ]

    def __str__(self) -> str:
        return f"{self.proposal.reference} ✕ {self.reviewer}"


class Review(models.Model):
    """A reviewer's evaluation of one proposal: a score per criterion and a comment.

    The comment reaches the proposer without the reviewer's name; the note to staff does not.
    """

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    comment = models.TextField(_("comment for the proposers"), blank=True)
    note_to_staff = models.TextField(_("note to the secretariat"), blank=True)
    merge_with = models.ForeignKey(
        Proposal,
        verbose_name=_("could merge with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted = models.DateTimeField(_("submitted"), default=timezone.now)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return str(self.assignment)


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=Q(value__gte=1) & Q(value__lte=5), name="score_between_one_and_five"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


# --- The schedule ----------------------------------------------------------------------------


class Track(models.Model):
    """A thread of sessions through the meeting (the parliamentary track, the youth track),
    kept in one room where possible."""

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="tracks")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description (Markdown)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering: ClassVar[list[str]] = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.name


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
    release). Placed by the solver or by staff through `programme.schedule.services`;
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


class SessionPerson(NamedParticipant):
    """Someone who takes part in a session: organiser, speaker, moderator or rapporteur.

    Copied from the accepted proposals when the results are published (those who declined
    are left out), then kept by the secretariat. The e-mail address is never shown; it
    recognises one person across sessions, so nobody is scheduled in two places at once.
    """

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="session_roles"
    )
    timezone = models.CharField(_("time zone (remote participants)"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("person in a session")
        verbose_name_plural = _("people in sessions")
        ordering: ClassVar[list[str]] = ["session", "order", "pk"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["email"])]


class SessionLink(models.Model):
    """A document or page linked from a session's page."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(
        _("kind"), max_length=20, choices=LinkKind.choices, default=LinkKind.DOCUMENT
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("session link")
        verbose_name_plural = _("session links")
        ordering: ClassVar[list[str]] = ["session", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class SolverRun(models.Model):
    """One run of the schedule solver: its weights, and what it placed, its soft-constraint
    cost and what it could not satisfy, with the reasons. Started by staff; run by the task
    worker (`programme.schedule.tasks.solve_schedule`)."""

    meeting = models.ForeignKey(AnnualMeeting, on_delete=models.CASCADE, related_name="solver_runs")
    status = models.CharField(
        _("status"), max_length=10, choices=SolverStatus.choices, default=SolverStatus.QUEUED
    )
    weights: models.JSONField[dict[str, int], dict[str, int]] = models.JSONField(default=dict)
    time_limit = models.PositiveSmallIntegerField(_("time limit (seconds)"), default=60)
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


class ScheduleRelease(models.Model):
    """A published version of the schedule: where and when every session is, frozen.

    Published by staff (`programme.schedule.services.publish_schedule`); participants see the
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


# --- During and after the meeting ------------------------------------------------------------


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


class SessionReport(models.Model):
    """The report of a session, on the meeting's template: the short report (key takeaways,
    calls to action) is due within 24 hours, the full report (summary, participation, links)
    within two weeks. Written by the organisers and rapporteurs through
    `programme.reports.services`; public once submitted."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="report")
    key_takeaways = models.TextField(_("key takeaways (Markdown)"), blank=True)
    calls_to_action = models.TextField(_("calls to action (Markdown)"), blank=True)
    short_submitted = models.DateTimeField(_("short report submitted"), null=True, blank=True)
    summary = models.TextField(_("summary of the discussion (Markdown)"), blank=True)
    onsite_participants = models.PositiveIntegerField(_("participants onsite"), default=0)
    online_participants = models.PositiveIntegerField(_("participants online"), default=0)
    # Counts per mode (onsite, online), then per dimension (gender, stakeholder group).
    participation: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(
        default=dict, blank=True
    )
    links = models.TextField(_("links (one address per line)"), blank=True)
    full_submitted = models.DateTimeField(_("full report submitted"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        verbose_name = _("session report")
        verbose_name_plural = _("session reports")

    def __str__(self) -> str:
        return str(self.session)

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class SessionTranscript(TranscriptFields):
    """The transcript of a session's recording in one language, as timed cues."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="transcripts")

    class Meta:
        verbose_name = _("session transcript")
        verbose_name_plural = _("session transcripts")
        ordering: ClassVar[list[str]] = ["session", "language"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["session", "language"], name="one_session_transcript_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse("programme:transcript", kwargs={"pk": self.pk})


class SessionCue(CueFields):
    """One timed piece of a session transcript."""

    transcript = models.ForeignKey(SessionTranscript, on_delete=models.CASCADE, related_name="cues")

    class Meta(CueFields.Meta):
        pass
