"""Funds, donors and budgets are set up in the admin; the ledger is read-only there (entries
are recorded, approved and reversed only on the books' pages, through the services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from igf.funding.models import (
    Agreement,
    Application,
    Award,
    Budget,
    Donor,
    Entry,
    Fund,
    Pledge,
    SupportCall,
)


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin[Fund]):
    list_display = ("name", "kind", "reporting_currency", "approval_threshold")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Donor)
class DonorAdmin(admin.ModelAdmin[Donor]):
    list_display = ("organization", "since", "iati_ref")
    raw_id_fields = ("organization",)


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin[Budget]):
    list_display = ("fund", "year", "amount", "committed")


class ReadOnly(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Entry)
class EntryAdmin(ReadOnly):
    list_display = (
        "pk",
        "fund",
        "date",
        "kind",
        "amount",
        "currency",
        "reporting_amount",
        "status",
    )
    list_filter = ("fund", "kind", "status")


admin.site.register(Pledge, ReadOnly)
admin.site.register(Agreement, ReadOnly)


@admin.register(SupportCall)
class SupportCallAdmin(admin.ModelAdmin[SupportCall]):
    list_display = ("title", "kind", "opens", "closes", "budget", "max_award")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin[Application]):
    """The panel's scores are entered here for now; everything else is the applicant's."""

    list_display = ("pk", "call", "status", "country", "score")
    list_filter = ("call", "status")
    fields = ("score",)


admin.site.register(Award, ReadOnly)
