"""The fixed vocabularies of the forum's funding: kinds of fund, entry and spending."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FundKind(models.TextChoices):
    TRUST_FUND = "trust_fund", _("Multi-donor trust fund")
    PARTICIPANT_SUPPORT = "participant_support", _("Participant support fund")
    HOST_BUDGET = "host_budget", _("Host country budget")


class EntryKind(models.TextChoices):
    """What a ledger entry records. A reversal keeps the kind of the entry it reverses."""

    CASH = "cash", _("Cash contribution")
    IN_KIND = "in_kind", _("In-kind contribution")
    EXPENDITURE = "expenditure", _("Expenditure")


class EntryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a second approval")
    POSTED = "posted", _("Posted")


class Category(models.TextChoices):
    """What money was spent on, as the trust fund's reports group it."""

    STAFF = "staff", _("Secretariat staff")
    MEETINGS = "meetings", _("Meetings")
    TRAVEL = "travel", _("Travel support")
    LANGUAGES = "languages", _("Translation and captioning")
    NRI_GRANTS = "nri_grants", _("Grants to NRIs")
    OTHER = "other", _("Other")


class Account(models.TextChoices):
    """The accounts of each fund's double-entry books (debits positive, credits negative).

    Assets: CASH (money held) and GOODS (in-kind received, used at once). Income: CONTRIBUTIONS
    and IN_KIND_INCOME. Expense: SPENDING. A fund's balance is what its asset accounts hold.
    """

    CASH = "cash", _("Cash")
    GOODS = "goods", _("Goods and services in kind")
    CONTRIBUTIONS = "contributions", _("Cash contributions")
    IN_KIND_INCOME = "in_kind_income", _("In-kind contributions")
    SPENDING = "spending", _("Expenditure")


class CallKind(models.TextChoices):
    """The kinds of support call, on the same machinery."""

    TRAVEL = "travel", _("Travel support")
    MAG = "mag", _("MAG member funding")
    NRI = "nri", _("NRI grants")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    AWARDED = "awarded", _("Awarded")
    DECLINED = "declined", _("Not awarded")


class Preference(models.TextChoices):
    """The published preferences of the criteria; applicants say which apply, if any."""

    WOMAN = "woman", _("Woman")
    YOUTH = "youth", _("Young person (under 30)")
    DISABILITY = "disability", _("Person with a disability")
    INDIGENOUS = "indigenous", _("Indigenous person")
