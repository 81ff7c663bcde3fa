"""The world clock and the night warning, across daylight-saving switches and odd offsets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from igf.meetings.clock import night_report, overlaps_night, world_clock, zone
from igf.meetings.forms import local_to_utc


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_kathmandu_is_five_hours_forty_five_ahead() -> None:
    start = utc(2026, 3, 10, 12, 0)
    [row] = world_clock(start, start + timedelta(hours=1), [("Kathmandu", "Asia/Kathmandu")])
    assert (row.start.hour, row.start.minute) == (17, 45)


def test_london_moves_an_hour_across_the_spring_switch() -> None:
    before = utc(2026, 3, 28, 12, 0)  # Saturday: GMT
    after = utc(2026, 3, 29, 12, 0)  # Sunday: BST from 01:00 UTC
    assert before.astimezone(zone("Europe/London")).hour == 12
    assert after.astimezone(zone("Europe/London")).hour == 13


def test_sao_paulo_no_longer_keeps_summer_time() -> None:
    # Brazil abolished DST in 2019: -03:00 all year.
    for month in (1, 7, 11):
        assert utc(2026, month, 10, 15).astimezone(zone("America/Sao_Paulo")).hour == 12


def test_apia_crossed_the_date_line_and_shows_the_next_day() -> None:
    start = utc(2026, 6, 10, 20, 0)  # Apia is UTC+13 since 2021 (no DST): 09:00 next day
    [row] = world_clock(start, start + timedelta(hours=1), [("Apia", "Pacific/Apia")])
    assert (row.start.day, row.start.hour, row.day_offset) == (11, 9, 1)


def test_los_angeles_shows_the_previous_day() -> None:
    start = utc(2026, 6, 10, 2, 0)
    [row] = world_clock(start, start + timedelta(hours=1), [("LA", "America/Los_Angeles")])
    assert (row.start.day, row.day_offset, row.at_night) == (9, -1, False)


@pytest.mark.parametrize(
    ("start", "zone_name", "at_night"),
    [
        (utc(2026, 1, 15, 21, 30), "Europe/London", True),  # 21:30-22:30 touches 22:00
        (utc(2026, 1, 15, 20, 0), "Europe/London", False),  # 20:00-21:00
        (utc(2026, 7, 15, 20, 30), "Europe/London", True),  # BST: 21:30-22:30
        (utc(2026, 1, 15, 5, 0), "Europe/London", True),  # 05:00-06:00
        (utc(2026, 1, 15, 6, 0), "Europe/London", False),  # 06:00-07:00
        (utc(2026, 1, 15, 0, 0), "Asia/Kathmandu", False),  # 05:45-06:45 ... touches 05:45
        (utc(2026, 1, 15, 1, 0), "Asia/Kathmandu", False),  # 06:45-07:45
        (utc(2026, 1, 15, 12, 0), "Pacific/Apia", True),  # 01:00 next day
        (utc(2026, 1, 15, 12, 0), "America/Sao_Paulo", False),  # 09:00
    ],
)
def test_night_is_22_to_6_on_the_local_clock(
    start: datetime, zone_name: str, at_night: bool
) -> None:
    if zone_name == "Asia/Kathmandu" and start.hour == 0:
        at_night = True  # 05:45 is before 06:00
    assert overlaps_night(start, start + timedelta(hours=1), zone_name) is at_night


def test_night_across_the_autumn_switch_in_london() -> None:
    # 25 Oct 2026: clocks go back at 02:00 BST. 05:30 UTC is 05:30 GMT: still night.
    assert overlaps_night(utc(2026, 10, 25, 5, 30), utc(2026, 10, 25, 6, 0), "Europe/London")
    # The day before, 05:30 UTC is 06:30 BST: morning.
    assert not overlaps_night(utc(2026, 10, 24, 5, 30), utc(2026, 10, 24, 6, 0), "Europe/London")


def test_night_report_counts_members_by_their_zones() -> None:
    start = utc(2026, 5, 12, 13, 0)  # 13:00 UTC
    report = night_report(
        start,
        start + timedelta(hours=2),
        ["Europe/London", "Africa/Nairobi", "Pacific/Apia", "Pacific/Auckland", "", "Not/AZone"],
    )
    assert (report.members, report.with_zone, report.at_night) == (6, 4, 2)
    assert report.zones_at_night == ("Pacific/Apia", "Pacific/Auckland")
    assert report.share == 0.5
    assert report.warn
    assert report.without_zone == 2


def test_night_report_does_not_warn_for_a_small_share() -> None:
    start = utc(2026, 5, 12, 13, 0)
    zones = ["Europe/London"] * 9 + ["Pacific/Apia"]
    report = night_report(start, start + timedelta(hours=1), zones)
    assert (report.at_night, report.warn) == (1, False)


def test_typed_wall_time_becomes_utc_on_both_sides_of_a_switch() -> None:
    from datetime import date, time  # noqa: PLC0415

    assert local_to_utc(date(2026, 3, 28), time(14, 0), "Europe/London") == utc(2026, 3, 28, 14, 0)
    assert local_to_utc(date(2026, 3, 29), time(14, 0), "Europe/London") == utc(2026, 3, 29, 13, 0)
    assert local_to_utc(date(2026, 1, 5), time(9, 0), "Asia/Kathmandu") == utc(2026, 1, 5, 3, 15)


def test_a_wall_time_the_clocks_skip_is_refused() -> None:
    from datetime import date, time  # noqa: PLC0415

    assert local_to_utc(date(2026, 3, 29), time(1, 30), "Europe/London") is None
    assert local_to_utc(date(2026, 3, 8), time(2, 30), "America/New_York") is None


def test_unknown_zone_falls_back_to_utc() -> None:
    assert zone("Mars/Olympus_Mons").key == "UTC"
    assert zone("").key == "UTC"
