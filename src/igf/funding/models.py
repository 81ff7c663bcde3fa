"""The forum's funding: funds, their donors, pledges and signed agreements, and the ledger of
contributions and expenditure kept in double entry.

Every amount is a decimal with its currency (django-money); an entry also carries the rate and
date of its conversion to the fund's reporting currency, entered with it. Entries are never
edited: a correction is a reversing entry with its reason (`funding.services`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from moneyed import Money

from igf.core.enums import Gender, StakeholderGroup
from igf.core.models import Country
from igf.funding.enums import (
    Account,
    ApplicationStatus,
    CallKind,
    Category,
    EntryKind,
    EntryStatus,
    FundKind,
)
from igf.people.models import Organization, Person

# The currencies donors pay in; the reporting currency is one of them.
CURRENCIES = ("USD", "EUR", "CHF", "GBP", "JPY", "NOK", "SEK", "DKK", "CAD", "AUD", "CNY", "BRL")
CURRENCY_CHOICES = [(code, code) for code in CURRENCIES]


class Amount(models.Model):
    """An amount of money in its currency, as two columns; `money` is the py-moneyed value."""

    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES)

    class Meta:
        abstract = True

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)


class Fund(models.Model):
    """A pool of money the forum accounts for: the multi-donor trust fund, the participant
    support fund, a host country's budget for the annual meeting. Set up in the admin."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("web address"), unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=FundKind.choices)
    description = models.TextField(_("description"), blank=True)
    reporting_currency = models.CharField(
        _("reporting currency"), max_length=3, choices=CURRENCY_CHOICES, default="USD"
    )
    # Entries above this amount (in the reporting currency) need a second person's approval.
    approval_threshold = models.DecimalField(
        _("approval threshold"), max_digits=16, decimal_places=2, default=Decimal(10000)
    )
    # The activity identifier for IATI: the reporting organisation's identifier, a hyphen, a code.
    iati_identifier = models.CharField(_("IATI activity identifier"), max_length=100, unique=True)
    sector_code = models.CharField(
        _("sector (OECD DAC CRS purpose code)"), max_length=5, default="22040"
    )
    start = models.DateField(_("start"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering: ClassVar[list[str]] = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:fund", kwargs={"slug": self.slug})


class Donor(models.Model):
    """An organisation of the directory that gives to the forum's funds. Only organisations:
    the trust fund accepts no contributions from individuals."""

    organization = models.OneToOneField(
        Organization, on_delete=models.PROTECT, related_name="donor", verbose_name=_("organisation")
    )
    # The organisation's IATI identifier, where it has one (e.g. "NO-BRC-971277882").
    iati_ref = models.CharField(_("IATI organisation identifier"), max_length=100, blank=True)
    since = models.DateField(_("donor since"))

    class Meta:
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        ordering: ClassVar[list[str]] = ["organization__name"]

    def __str__(self) -> str:
        return self.organization.name

    @property
    def stakeholder_group(self) -> str:
        return str(self.organization.stakeholder_group)

    @property
    def country(self) -> Country | None:
        return self.organization.country


class Pledge(Amount):
    """A donor's announced intention to give (the pledge letter), before any agreement."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="pledges")
    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="pledges")
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering: ClassVar[list[str]] = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.donor} {self.money} ({self.date})"


class Agreement(Amount):
    """A signed contribution agreement (the Standard Trust Fund Agreement), with its document."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="agreements")
    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="agreements")
    pledge = models.ForeignKey(
        Pledge, null=True, blank=True, on_delete=models.PROTECT, related_name="agreements"
    )
    reference = models.CharField(_("reference"), max_length=100)
    signed = models.DateField(_("signed on"))
    document = models.FileField(_("signed document"), upload_to="funding/agreements/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering: ClassVar[list[str]] = ["signed", "pk"]

    def __str__(self) -> str:
        return self.reference


class Entry(Amount):
    """One line of a fund's ledger: a contribution received (cash or in kind) or money spent.

    Recorded by the finance role (`services.record_entry`); above the fund's threshold it waits
    for a second person (`services.approve_entry`) before it is posted. Never edited: a
    correction is a new entry that reverses it (`services.reverse_entry`), with the reason.
    """

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.PENDING
    )
    date = models.DateField(_("date"))
    # amount and currency (Amount): as paid; negative only in a reversal.
    rate = models.DecimalField(_("rate to the reporting currency"), max_digits=18, decimal_places=8)
    rate_date = models.DateField(_("date of the rate"))
    # amount times rate, rounded to the cent, in the fund's reporting currency.
    reporting_amount = models.DecimalField(_("amount reported"), max_digits=16, decimal_places=2)
    donor = models.ForeignKey(
        Donor, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    # A host country's contribution to the annual meeting it hosts.
    host_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True)
    description = models.CharField(_("description"), max_length=300)
    # What an expenditure paid for (a meeting, an award, a grant), where it is on the platform.
    paid_for_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paid_for_id = models.CharField(max_length=40, blank=True)
    paid_for = GenericForeignKey("paid_for_type", "paid_for_id")
    # Countries that received the money spent (travel awards, NRI grants), for IATI.
    recipient_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by"
    )
    reason = models.TextField(_("reason for the reversal"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    posted = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering: ClassVar[list[str]] = ["date", "pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(reverses__isnull=False) | models.Q(reporting_amount__gt=0),
                name="funding_entry_positive_unless_reversal",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="expenditure") | ~models.Q(category=""),
                name="funding_expenditure_has_category",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()} {self.money} ({self.date})"

    @property
    def reporting_money(self) -> Money:
        return Money(self.reporting_amount, self.fund.reporting_currency)

    @property
    def is_contribution(self) -> bool:
        return self.kind in (EntryKind.CASH, EntryKind.IN_KIND)


class Posting(models.Model):
    """One side of an entry in the fund's books, in the reporting currency (debit positive,
    credit negative). The postings of an entry sum to zero; written with the entry's posting."""

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="postings")
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="postings")
    account = models.CharField(_("account"), max_length=20, choices=Account.choices)
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("posting")
        verbose_name_plural = _("postings")

    def __str__(self) -> str:
        return f"{self.account} {self.amount}"


class Budget(models.Model):
    """What a fund plans to spend in a year, in its reporting currency (IATI budgets and the
    organisation file's total budget)."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    committed = models.BooleanField(_("committed"), default=False)

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering: ClassVar[list[str]] = ["fund", "year"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["fund", "year"], name="funding_one_budget_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.fund} {self.year}"


class SupportCall(models.Model):
    """A call for travel support (or MAG member funding, or NRI grants) with its published
    criteria, dates, budget and maximum award. Set up by the secretariat in the admin."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="calls")
    kind = models.CharField(_("kind"), max_length=20, choices=CallKind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), unique=True)
    criteria = models.TextField(_("criteria (Markdown)"))
    opens = models.DateField(_("opens"))
    closes = models.DateField(_("closes"))
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2)
    max_award = models.DecimalField(_("maximum award"), max_digits=16, decimal_places=2)
    # Stakeholder groups the call is open to; empty: every group.
    stakeholder_groups = models.JSONField(_("stakeholder groups"), default=list, blank=True)
    # Minimum shares of awards: [{"dimension": "region", "category": "african", "minimum": 0.2}]
    balance_targets = models.JSONField(_("balance targets"), default=list, blank=True)

    class Meta:
        verbose_name = _("support call")
        verbose_name_plural = _("support calls")
        ordering: ClassVar[list[str]] = ["-opens"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:call", kwargs={"slug": self.slug})

    @property
    def first_come_first_served(self) -> bool:
        """MAG members' requests are granted in the order they came, within the budget
        (igf-facts.md 7.7), not chosen by score."""
        return self.kind == CallKind.MAG


class Application(models.Model):
    """A person's application to a support call. Saved as a draft at every step (input is never
    lost), submitted once eligible; scored by the panel, then awarded or not
    (`funding.support`)."""

    call = models.ForeignKey(SupportCall, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="support_applications"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country of residence"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )  # fmt: skip
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True
    )
    gender = models.CharField(_("gender"), max_length=30, choices=Gender.choices, blank=True)
    preferences = models.JSONField(_("preferences"), default=list, blank=True)
    partial = models.BooleanField(_("partial funding is enough"), default=False)
    amount = models.DecimalField(
        _("amount asked"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    motivation = models.TextField(_("why you want to take part"), blank=True)
    give_back = models.TextField(_("how you will share what you learn"), blank=True)
    recommender_name = models.CharField(_("recommended by"), max_length=150, blank=True)
    recommender_email = models.EmailField(_("e-mail address of the recommender"), blank=True)
    # The community member found by that address when the application is submitted; the
    # application counts for awards once they confirm.
    recommender = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recommendation_confirmed = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(
        _("panel score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    updated = models.DateTimeField(auto_now=True)
    submitted = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["call", "applicant"], name="funding_one_application")
        ]

    def __str__(self) -> str:
        return f"{self.call} #{self.pk}"


class Award(models.Model):
    """An award decided on an application, with its reason; paid through the ledger (an
    expenditure entry in the travel category) and followed by a trip report."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="award")
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided = models.DateTimeField(auto_now_add=True)
    payment = models.OneToOneField(
        Entry, null=True, blank=True, on_delete=models.PROTECT, related_name="award"
    )
    trip_report_due = models.DateField(_("trip report due"), null=True, blank=True)
    trip_report = models.TextField(_("trip report"), blank=True)
    trip_report_filed = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.application} {self.amount}"
