"""Time zones: the valid names, and the clock of a moment in several of them."""

from __future__ import annotations

import zoneinfo
from functools import cache


@cache
def timezone_names() -> tuple[str, ...]:
    """Every IANA zone name the machine knows, sorted, without the legacy aliases."""
    legacy_prefixes = (
        "Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Chile/", "Mexico/",
    )  # fmt: skip
    names = zoneinfo.available_timezones()
    return (
        *sorted(
            n for n in names if "/" in n and not n.startswith(legacy_prefixes) and n != "localtime"
        ),
        "UTC",
    )


def is_valid_timezone(name: str) -> bool:
    return name in timezone_names()
