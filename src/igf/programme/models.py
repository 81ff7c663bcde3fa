"""The annual meeting's programme, first half: the meeting, its themes and session types, the
call for session proposals with its templates, proposals and the people named in them, and
their review (reviewers, assignments, conflicts, reviews and scores).

The schedule (`igf.schedule`: rooms, slots) and the outcomes (`igf.outcomes`: reports,
transcripts) build on `Session`, which a proposal becomes once accepted.
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
from igf.core.written import (
    LANGUAGE_MAX_LENGTH,
    WRITTEN_IN,
    WRITTEN_IN_HELP,
    page_language,
    written_language_choices,
)
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

    @property
    def is_under_review(self) -> bool:
        """Closed to proposals and its results not out yet: reviewers review, staff select."""
        return self.phase() == CallPhase.REVIEW

    @property
    def is_closed(self) -> bool:
        """Published and closed to proposals, its results out or not (its statistics show)."""
        return self.phase() in (CallPhase.REVIEW, CallPhase.RESULTS)


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
    set by the secretariat; the schedule (`igf.schedule`) places it in a slot.
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
        return reverse("schedule:session", kwargs={"pk": self.pk})

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
    language = models.CharField(
        WRITTEN_IN,
        max_length=LANGUAGE_MAX_LENGTH,
        choices=written_language_choices(),
        default=page_language,
        help_text=WRITTEN_IN_HELP,
    )
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

    @property
    def is_submitted(self) -> bool:
        """Submitted and not decided yet (still changeable while the call is open)."""
        return self.status == ProposalStatus.SUBMITTED


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

    @property
    def is_active(self) -> bool:
        """The reviewer still reviews the proposal (not removed, no conflict declared)."""
        return self.status == AssignmentStatus.ASSIGNED


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


# --- Tracks, and the people and links of a session -----------------------------------------


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
