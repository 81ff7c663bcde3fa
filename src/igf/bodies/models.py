"""Bodies of the forum and who sits in them: types, bodies, terms of reference, memberships,
composition targets, calls for members, annual reports, workplans and mailing lists."""

from __future__ import annotations

import secrets
from datetime import date
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from igf.bodies.enums import (
    BodyStatus,
    CallStatus,
    Capacity,
    ChairMethod,
    CompositionDimension,
    ElectionStatus,
    InitiativeKind,
    MilestoneStatus,
    NominationStatus,
    ProposalStatus,
    Role,
    default_lead_roles,
    default_seat_roles,
)
from igf.core.enums import StakeholderGroup
from igf.core.models import Country
from igf.people.models import Organization, Person


class BodyType(models.Model):
    """A kind of body (MAG, BPF, Dynamic Coalition...) and what bodies of that kind can do.

    Behaviour depends on the flags, never on the type's name (as the IETF Datatracker's
    GroupFeatures). Seeded by a data migration; the secretariat may add more in the admin.
    """

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    name_plural = models.CharField(_("name in the plural"), max_length=120)
    description = models.TextField(_("description (Markdown)"), blank=True)
    has_fixed_terms = models.BooleanField(_("has fixed-term appointed members"), default=False)
    has_open_membership = models.BooleanField(_("anyone may join"), default=False)
    min_stakeholder_groups = models.PositiveSmallIntegerField(
        _("members from at least this many stakeholder groups"), default=0
    )
    needs_annual_report = models.BooleanField(
        _("needs an annual report to stay active"), default=False
    )
    annual_report_due = models.CharField(
        _("annual report due (MM-DD)"),
        max_length=5,
        blank=True,
        help_text=_("Day of the year by which the previous year's report is due, e.g. 03-31."),
    )
    has_mailing_list = models.BooleanField(_("has a mailing list"), default=False)
    may_publish_for_comment = models.BooleanField(
        _("may publish outputs for public comment"), default=False
    )
    meetings_open_by_default = models.BooleanField(
        _("meetings open to observers by default"), default=True
    )
    is_intersessional = models.BooleanField(
        _("listed in the registry of intersessional work"), default=False
    )
    is_initiative = models.BooleanField(
        _("national, regional or youth initiative (checked against recognition criteria)"),
        default=False,
    )
    # Role lists are data of the type too: which roles hold a seat (count in size and balance)
    # and which lead (approve agendas, manage work). Lists of Role values.
    seat_roles = models.JSONField(
        _("roles that hold a seat"),
        default=default_seat_roles,
        help_text=_('A list of role codes, e.g. ["chair", "member"].'),
    )
    lead_roles = models.JSONField(
        _("roles that lead the body"),
        default=default_lead_roles,
        help_text=_('A list of role codes, e.g. ["chair", "member"].'),
    )
    requirements_grace_days = models.PositiveSmallIntegerField(
        _("days a requirement may stay unmet before the body is marked inactive"), default=90
    )
    may_be_proposed = models.BooleanField(
        _("new bodies of this type may be proposed on the site"), default=False
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("body type")
        verbose_name_plural = _("body types")
        ordering: ClassVar[list[str]] = ["order", "name"]

    def __str__(self) -> str:
        from igf.bodies.phrases import body_type_name  # noqa: PLC0415

        return body_type_name(self)

    def clean(self) -> None:
        for name in ("seat_roles", "lead_roles"):
            roles = getattr(self, name)
            if not isinstance(roles, list) or not all(role in Role.values for role in roles):
                raise ValidationError({name: _('A list of role codes, e.g. ["chair", "member"].')})

    def holds_seat(self, role: str) -> bool:
        """Whether a member in `role` holds a seat in bodies of this type."""
        return role in self.seat_roles

    def leads(self, role: str) -> bool:
        """Whether a member in `role` leads bodies of this type."""
        return role in self.lead_roles


class Body(models.Model):
    """A group that does the forum's work: the MAG, a BPF, a Dynamic Coalition, an NRI...

    Changed through `bodies.services` (create_body, update_body); history is kept.
    """

    type = models.ForeignKey(
        BodyType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="bodies"
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("web address"), max_length=80, unique=True, allow_unicode=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.CharField(
        _("region"), max_length=120, blank=True, help_text=_("For regional initiatives.")
    )
    themes = models.CharField(_("themes"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BodyStatus.choices, default=BodyStatus.ACTIVE
    )
    established = models.DateField(_("established"), null=True, blank=True)
    # Composition rules (targets per category are CompositionTarget rows).
    target_size_min = models.PositiveSmallIntegerField(
        _("target size, at least"), null=True, blank=True
    )
    target_size_max = models.PositiveSmallIntegerField(
        _("target size, at most"), null=True, blank=True
    )
    term_months = models.PositiveSmallIntegerField(
        _("length of a term in months"), null=True, blank=True
    )
    max_consecutive_terms = models.PositiveSmallIntegerField(
        _("maximum consecutive terms"), null=True, blank=True
    )
    turnover_target = models.DecimalField(
        _("share of seats to renew each year"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A share between 0 and 1: 0.33 means one third."),
    )
    one_representative_per_organization = models.BooleanField(
        _("organisations delegate one representative"), default=False
    )
    # Open membership, mailing-list and recognition facts checked against the type's criteria.
    membership_open = models.BooleanField(
        _("anyone may join"),
        default=False,
        help_text=_("Anyone signed in may join as a member (bodies whose type allows it)."),
    )
    list_open = models.BooleanField(_("anyone may subscribe to the mailing list"), default=False)
    has_open_archives = models.BooleanField(_("mailing list archives are public"), default=False)
    is_non_commercial = models.BooleanField(_("non-commercial"), default=True)
    initiative_kind = models.CharField(
        _("kind of initiative"), max_length=10, choices=InitiativeKind.choices, blank=True
    )
    contact_email = models.EmailField(_("contact address"), blank=True)
    # Kept by `services.check_requirements`: the codes of the type's requirements the body does
    # not meet, since when, and since when it is inactive because of them.
    unmet_requirements = models.JSONField(_("unmet requirements"), default=list, blank=True)
    unmet_since = models.DateField(_("requirements unmet since"), null=True, blank=True)
    # Set when the requirement check marked the body inactive (not when staff did by hand).
    inactive_since = models.DateField(
        _("inactive for unmet requirements since"), null=True, blank=True
    )
    # Keys of the reminders already sent ("report-2026-before", "turnover-2026").
    reminders_sent = models.JSONField(default=list, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering: ClassVar[list[str]] = ["type__order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("bodies:body", kwargs={"slug": self.slug})


class CompositionTarget(models.Model):
    """One rule on a body's composition: a floor and/or ceiling on a category's share.

    Hard targets refuse a membership change that breaks them unless staff override with a
    reason; soft targets are shown as gaps to close.
    """

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="targets")
    dimension = models.CharField(
        _("dimension"), max_length=30, choices=CompositionDimension.choices
    )
    category = models.CharField(
        _("category"),
        max_length=40,
        help_text=_("A stakeholder group, regional group or gender code, or yes/no."),
    )
    minimum = models.DecimalField(
        _("at least (share)"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A share between 0 and 1: 0.40 means 40 per cent."),
    )
    maximum = models.DecimalField(
        _("at most (share)"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A share between 0 and 1: 0.40 means 40 per cent."),
    )
    hard = models.BooleanField(_("enforced"), default=False)

    class Meta:
        verbose_name = _("composition target")
        verbose_name_plural = _("composition targets")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["body", "dimension", "category"], name="one_target_per_category"
            ),
            models.CheckConstraint(
                condition=Q(minimum__isnull=True)
                | Q(maximum__isnull=True)
                | Q(minimum__lte=models.F("maximum")),
                name="target_minimum_below_maximum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.dimension} {self.category}"


class TermsOfReference(models.Model):
    """One adopted version of a body's terms of reference. Versions are never edited."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="terms_of_reference")
    version = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("text (Markdown)"))
    adopted_on = models.DateField(_("adopted on"))
    adopted_by = models.CharField(
        _("adopted by"),
        max_length=300,
        help_text=_("The meeting or decision that adopted this version."),
    )
    adopted_by_url = models.CharField(_("link to the decision"), max_length=300, blank=True)
    # How the chair is chosen, as these terms state it.
    chair_method = models.CharField(
        _("how the chair is chosen"),
        max_length=10,
        choices=ChairMethod.choices,
        default=ChairMethod.APPOINTED,
    )
    chair_appointed_by = models.CharField(
        _("appointed by"),
        max_length=200,
        blank=True,
        help_text=_("For an appointed chair: who appoints, e.g. the UN Secretary-General."),
    )
    chairs = models.PositiveSmallIntegerField(
        _("number of chairs"), default=1, help_text=_("2 or more for co-chairs.")
    )
    election_quorum = models.PositiveSmallIntegerField(
        _("quorum of an election, in percent of the members"), default=50
    )
    rotation_order = models.JSONField(
        _("order of the stakeholder groups in rotation"), default=list, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("terms of reference")
        verbose_name_plural = _("terms of reference")
        ordering: ClassVar[list[str]] = ["body", "-version"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["body", "version"], name="one_terms_of_reference_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body}, v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("bodies:terms", kwargs={"slug": self.body.slug, "version": self.version})


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on: date | None = None) -> MembershipQuerySet:
        """Memberships running on `on` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on)))


class Membership(models.Model):
    """A person's role in a body for a period (a term). Renewing a term adds a new row.

    Changed only through `bodies.services` (appoint_member, end_membership), which check the
    body's composition rules and log every override with its reason.
    """

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.MEMBER)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    capacity = models.CharField(
        _("capacity"), max_length=20, choices=Capacity.choices, default=Capacity.PERSONAL
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegates",
    )
    # The stakeholder group the member sits for (a seat's group; defaults from the profile).
    stakeholder_group = models.CharField(
        _("stakeholder group of the seat"),
        max_length=30,
        choices=StakeholderGroup.choices,
        blank=True,
    )
    override_reason = models.TextField(_("why the rules were overridden"), blank=True)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created"])

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering: ClassVar[list[str]] = ["body", "-start"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(capacity=Capacity.ORGANIZATION) | Q(organization__isnull=False),
                name="membership_on_behalf_names_organization",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["body", "start", "end"])]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.body})"

    def is_current(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.start <= on and (self.end is None or self.end >= on)


class Call(models.Model):
    """A call for members or nominations (MAG renewal, a PN's working group, co-facilitators)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="calls")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), blank=True)
    criteria = models.TextField(_("criteria (Markdown)"))
    role = models.CharField(
        _("role to fill"), max_length=30, choices=Role.choices, default=Role.MEMBER
    )
    seats = models.PositiveSmallIntegerField(_("seats to fill"))
    opens = models.DateTimeField(_("opens"))
    closes = models.DateTimeField(_("closes"))
    term_start = models.DateField(_("terms start"))
    term_end = models.DateField(_("terms end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    outcome = models.TextField(_("outcome (Markdown)"), blank=True)
    decided_at = models.DateTimeField(_("outcome published"), null=True, blank=True)
    # How each stakeholder group nominates (NominationMethod values by group); a group not
    # named nominates openly.
    group_methods = models.JSONField(_("nomination method per stakeholder group"), default=dict)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("call for members")
        verbose_name_plural = _("calls for members")
        ordering: ClassVar[list[str]] = ["-opens"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="call_closes_after_it_opens"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bodies:call", kwargs={"slug": self.body.slug, "pk": self.pk})

    @property
    def is_decided(self) -> bool:
        """The outcome is published."""
        return self.status == CallStatus.DECIDED

    def method_for(self, group: str) -> str:
        """How candidates of `group` come forward in this call (open by default)."""
        return str(self.group_methods.get(group) or "open")

    def is_open(self, now: object = None) -> bool:
        moment = now or timezone.now()
        return self.status == CallStatus.OPEN and self.opens <= moment < self.closes  # type: ignore[operator]


class Nomination(models.Model):
    """A candidacy in a call: the nominee nominated by themselves or by someone else.

    Personal details of candidates are never published; only those appointed become public.
    """

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="nominations")
    nominee = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="nominations")
    nominated_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    expertise = models.TextField(_("expertise"))
    motivation = models.TextField(_("motivation"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.CANDIDATE,
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    submitted = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["submitted"])

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering: ClassVar[list[str]] = ["call", "submitted"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["call", "nominee"], name="one_nomination_per_nominee")
        ]

    def __str__(self) -> str:
        return f"{self.nominee} ({self.call})"

    @property
    def is_awaiting_nominee(self) -> bool:
        return self.status == NominationStatus.AWAITING_NOMINEE

    @property
    def is_candidate(self) -> bool:
        return self.status == NominationStatus.CANDIDATE


class AnnualReport(models.Model):
    """A body's report on one year of work, written on the platform or uploaded."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="annual_reports")
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("report (Markdown)"), blank=True)
    file = models.FileField(_("report file (PDF)"), upload_to="bodies/reports/", blank=True)
    submitted = models.DateTimeField(_("submitted"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering: ClassVar[list[str]] = ["body", "-year"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["body", "year"], name="one_annual_report_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.body}, {self.year}"


class Milestone(models.Model):
    """One item of a body's workplan, e.g. "draft output by 1 November"."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due = models.DateField(_("due"))
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    updated = models.DateTimeField(auto_now=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["updated", "reminded_on"])

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering: ClassVar[list[str]] = ["body", "due", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status in (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS)
            and self.due < today
        )


def _token() -> str:
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    """A person on a body's mailing list (members always; anyone for open bodies)."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="subscriptions")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="subscriptions")
    active = models.BooleanField(default=True)
    # Secret for the unsubscribe link in every message, so leaving needs no sign-in.
    token = models.CharField(max_length=64, unique=True, default=_token)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["body", "person"], name="one_subscription_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.body}"


class ListMessage(models.Model):
    """A message posted to a body's mailing list from the platform; threads by `in_reply_to`.

    Fields follow what a Mailman 3 archive keeps (message id, subject, thread), so an external
    list server can later feed the same archive.
    """

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("message"))
    in_reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message_id = models.CharField(max_length=200, unique=True)
    sent = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("list message")
        verbose_name_plural = _("list messages")
        ordering: ClassVar[list[str]] = ["sent", "pk"]

    def __str__(self) -> str:
        return self.subject


class BodyProposal(models.Model):
    """A proposal to start a body (a Dynamic Coalition, an NRI, a BPF, a Policy Network) with
    the evidence that it meets its type's requirements.

    Submitted by anyone signed in (`services.propose_body`); the secretariat recognises it,
    which creates the body, or sends it back with reasons (`services.review_proposal`).
    """

    type = models.ForeignKey(
        BodyType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="proposals"
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description and purpose (Markdown)"))
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.CharField(_("region"), max_length=120, blank=True)
    initiative_kind = models.CharField(
        _("kind of initiative"), max_length=10, choices=InitiativeKind.choices, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact address"))
    membership_open = models.BooleanField(_("anyone may join"), default=True)
    list_open = models.BooleanField(_("anyone may subscribe to the mailing list"), default=True)
    has_open_archives = models.BooleanField(_("mailing list archives are public"), default=True)
    stakeholder_groups = models.JSONField(_("stakeholder groups of the founders"), default=list)
    evidence = models.TextField(
        _("evidence (Markdown)"),
        help_text=_(
            "Who the founders are, how the group works openly, and links to its list, "
            "archives and first outputs."
        ),
    )
    proposer = models.ForeignKey(
        Person, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    reason = models.TextField(_("reasons of the secretariat"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    body = models.OneToOneField(
        Body, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal"
    )
    submitted = models.DateTimeField(_("submitted"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposal of a body")
        verbose_name_plural = _("proposals of bodies")
        ordering: ClassVar[list[str]] = ["-submitted"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("bodies:proposal", kwargs={"pk": self.pk})


class ChairElection(models.Model):
    """A secret ballot of a body's current members to elect its chair(s).

    Nominations and votes run until `closes`; `services.close_chair_election` publishes the
    counts (never who voted for whom: a ballot raises a candidate's count and records only
    that the member has voted, in two unlinked tables).
    """

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="chair_elections")
    seats = models.PositiveSmallIntegerField(_("chairs to elect"), default=1)
    closes = models.DateTimeField(_("voting closes"))
    quorum = models.PositiveSmallIntegerField(_("quorum, in percent of the members"))
    term_start = models.DateField(_("term starts"))
    status = models.CharField(
        _("status"), max_length=10, choices=ElectionStatus.choices, default=ElectionStatus.OPEN
    )
    electorate = models.PositiveIntegerField(_("members entitled to vote"), default=0)
    voters = models.PositiveIntegerField(_("members who voted"), default=0)
    opened = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("chair election")
        verbose_name_plural = _("chair elections")
        ordering: ClassVar[list[str]] = ["-opened"]

    def __str__(self) -> str:
        return f"{self.body}, {self.opened:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("bodies:chair", kwargs={"slug": self.body.slug})


class ChairCandidate(models.Model):
    """A member nominated for chair in an election, with the anonymous count of votes."""

    election = models.ForeignKey(ChairElection, on_delete=models.CASCADE, related_name="candidates")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    votes = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("candidate for chair")
        verbose_name_plural = _("candidates for chair")
        ordering: ClassVar[list[str]] = ["person__display_name", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["election", "person"], name="one_candidacy_per_person")
        ]

    def __str__(self) -> str:
        return str(self.person)


class ChairVoter(models.Model):
    """That a member has voted in an election: no choice, no time, nothing to link to a ballot."""

    election = models.ForeignKey(ChairElection, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("member who voted")
        verbose_name_plural = _("members who voted")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["election", "person"], name="one_vote_per_member")
        ]

    def __str__(self) -> str:
        return str(self.person)


class ChairChoice(models.Model):
    """The record of how a body's chair was chosen: appointed (by whom), elected (the counts)
    or in rotation (the stakeholder group in turn). Written by `services.chairs`."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="chair_choices")
    method = models.CharField(_("method"), max_length=10, choices=ChairMethod.choices)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    membership = models.OneToOneField(
        "Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True
    )
    appointed_by = models.CharField(_("appointed by"), max_length=200, blank=True)
    election = models.ForeignKey(
        ChairElection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_on = models.DateField(_("decided on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("choice of a chair")
        verbose_name_plural = _("choices of chairs")
        ordering: ClassVar[list[str]] = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.body}: {self.person}"
