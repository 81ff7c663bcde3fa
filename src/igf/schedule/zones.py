"""The time zone a remote participant most likely speaks from, when only their country is
known: the first zone the IANA database lists for it (its most populous region)."""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path

SYSTEM_ZONE_TAB = Path("/usr/share/zoneinfo/zone.tab")
# Where the database's first zone of a country is not where most of its people live.
MAIN_ZONES = {
    "AR": "America/Argentina/Buenos_Aires", "AU": "Australia/Sydney", "BR": "America/Sao_Paulo",
    "CA": "America/Toronto", "CD": "Africa/Kinshasa", "CL": "America/Santiago",
    "CN": "Asia/Shanghai", "EC": "America/Guayaquil", "ES": "Europe/Madrid",
    "ID": "Asia/Jakarta", "KZ": "Asia/Almaty", "MX": "America/Mexico_City",
    "MN": "Asia/Ulaanbaatar", "NZ": "Pacific/Auckland", "PT": "Europe/Lisbon",
    "RU": "Europe/Moscow", "UA": "Europe/Kyiv", "US": "America/New_York",
}  # fmt: skip


def _zone_tab() -> str:
    try:
        return importlib.resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return SYSTEM_ZONE_TAB.read_text() if SYSTEM_ZONE_TAB.exists() else ""


@cache
def main_zones() -> dict[str, str]:
    zones: dict[str, str] = {}
    for line in _zone_tab().splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            zones.setdefault(fields[0].upper(), fields[2])
    return zones


def country_zone(iso2: str | None) -> str | None:
    code = (iso2 or "").upper()
    return MAIN_ZONES.get(code) or main_zones().get(code)
