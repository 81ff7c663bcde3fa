"""Pure calculations on a meeting's time: the clock in world cities, and who it reaches at night.

Plain data in, frozen dataclasses out; no database. Zones come from the IANA database, so
daylight-saving changes (and odd offsets such as Kathmandu's +05:45) are handled by zoneinfo.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Night, in the meeting-goer's own clock: a meeting touching 22:00-06:00 is a hardship.
NIGHT_STARTS = time(22, 0)
NIGHT_ENDS = time(6, 0)
# From this share of members at night, the meeting page warns in the strongest terms.
NIGHT_WARNING_SHARE = 0.2

# A row of cities across the UN regions and the day's span, west to east.
WORLD_CITIES: tuple[tuple[Promise, str], ...] = (
    (_("Los Angeles"), "America/Los_Angeles"),
    (_("Mexico City"), "America/Mexico_City"),
    (_("New York"), "America/New_York"),
    (_("São Paulo"), "America/Sao_Paulo"),
    (_("London"), "Europe/London"),
    (_("Geneva"), "Europe/Zurich"),
    (_("Lagos"), "Africa/Lagos"),
    (_("Nairobi"), "Africa/Nairobi"),
    (_("Moscow"), "Europe/Moscow"),
    (_("Riyadh"), "Asia/Riyadh"),
    (_("New Delhi"), "Asia/Kolkata"),
    (_("Beijing"), "Asia/Shanghai"),
    (_("Tokyo"), "Asia/Tokyo"),
    (_("Sydney"), "Australia/Sydney"),
    (_("Apia"), "Pacific/Apia"),
)


def zone(name: str) -> zoneinfo.ZoneInfo:
    """The zone called `name`, or UTC when the name is unknown (never an error on a page)."""
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


@dataclass(frozen=True)
class CityTime:
    city: str
    zone: str
    start: datetime
    end: datetime
    # -1, 0 or +1: the local start falls the day before, the same day, or the day after UTC's.
    day_offset: int
    at_night: bool


def overlaps_night(start: datetime, end: datetime, zone_name: str) -> bool:
    """Whether any part of [start, end) falls between 22:00 and 06:00 on the zone's clock."""
    tz = zone(zone_name)
    local_start = start.astimezone(tz)
    local_end = end.astimezone(tz)
    day = local_start.date() - timedelta(days=1)
    while day <= local_end.date():
        # Wall-clock night from 22:00 on `day` to 06:00 the next day, converted through UTC so
        # a DST switch inside the night is counted at its true length.
        night_start = datetime.combine(day, NIGHT_STARTS, tzinfo=tz).astimezone(UTC)
        night_end = datetime.combine(day + timedelta(days=1), NIGHT_ENDS, tzinfo=tz).astimezone(UTC)
        if start < night_end and end > night_start:
            return True
        day += timedelta(days=1)
    return False


def world_clock(
    start: datetime, end: datetime, cities: Iterable[tuple[Promise | str, str]] = WORLD_CITIES
) -> list[CityTime]:
    """The meeting's start and end in each city, with the day shift and a night flag."""
    utc_day = start.astimezone(UTC).date()
    rows = []
    for city, zone_name in cities:
        tz = zone(zone_name)
        local_start = start.astimezone(tz)
        rows.append(
            CityTime(
                city=str(city),
                zone=zone_name,
                start=local_start,
                end=end.astimezone(tz),
                day_offset=(local_start.date() - utc_day).days,
                at_night=overlaps_night(start, end, zone_name),
            )
        )
    return rows


@dataclass(frozen=True)
class NightReport:
    """How many of a body's members a meeting reaches at night, by their profile zones."""

    members: int
    with_zone: int
    at_night: int
    zones_at_night: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.at_night / self.with_zone if self.with_zone else 0.0

    @property
    def warn(self) -> bool:
        return self.at_night > 0 and self.share >= NIGHT_WARNING_SHARE

    @property
    def without_zone(self) -> int:
        return self.members - self.with_zone


def night_report(start: datetime, end: datetime, member_zones: Iterable[str]) -> NightReport:
    """Count the members (given by their zone names, "" when unknown) the meeting keeps up."""
    zones = list(member_zones)
    known = [z for z in zones if z and zone(z).key == z]
    cache: dict[str, bool] = {}
    night = []
    for name in known:
        if name not in cache:
            cache[name] = overlaps_night(start, end, name)
        if cache[name]:
            night.append(name)
    return NightReport(
        members=len(zones),
        with_zone=len(known),
        at_night=len(night),
        zones_at_night=tuple(sorted(set(night))),
    )
