"""The core app's writes: reference data kept in step with the data file shipped in the code."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from igf.core.countries import load_countries, statistical_region_group
from igf.core.models import Country


@transaction.atomic
def sync_countries() -> int:
    """Make the Country table equal the shipped data file; return how many rows changed.

    Idempotent: a second run changes nothing. Countries that left the file stay (people may
    point to them) but are not deleted; the file only adds and corrects.
    """
    existing = {c.iso2: c for c in Country.objects.all()}
    changed = 0
    for record in load_countries():
        values = {
            "iso3": record.iso3,
            "m49": record.m49,
            "name_en": record.name_en,
            "status": str(record.status),
            "region_group": str(record.un_region_group or ""),
            "statistical_region": str(statistical_region_group(record.iso2) or ""),
            "ldc": record.ldc,
            "lldc": record.lldc,
            "sids": record.sids,
            "eit": record.eit,
            "developing": record.developing,
        }
        current = existing.get(record.iso2)
        if current is None:
            Country.objects.create(iso2=record.iso2, **values)
            changed += 1
        elif any(getattr(current, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(current, key, value)
            current.save(update_fields=list(values))
            changed += 1
    return changed


def sync_countries_after_migrate(*, using: str = "default", **kwargs: Any) -> None:
    """post_migrate handler: every `migrate` leaves the countries current."""
    if using == "default":
        sync_countries()
