"""A small fixed-window rate limiter on Django's cache, for comments, flags and contributions.

Rates are written the way allauth writes them in settings.ACCOUNT_RATE_LIMITS ("5/m,30/h");
the cache is shared by every worker (file cache on one machine, Redis beyond), so a limit
holds across processes. Override the defaults with settings.IGF_CONSULTATIONS_RATE_LIMITS.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

# Per action: limits per account ("user") and per address ("ip"). A participant posting a
# careful comment on each of many paragraphs stays well below them; a script does not.
DEFAULT_RATES: dict[str, dict[str, str]] = {
    "comment": {"user": "6/m,60/h,300/d", "ip": "20/m,200/h"},
    "flag": {"user": "10/m,60/h", "ip": "30/m"},
    "contribution": {"user": "10/m,60/h", "ip": "30/m"},
}


@dataclass(frozen=True, slots=True)
class Rate:
    count: int
    seconds: int


def parse_rates(spec: str) -> list[Rate]:
    """ "5/m,30/h" -> [Rate(5, 60), Rate(30, 3600)]; "10/3m" means ten per three minutes."""
    rates = []
    for raw in spec.split(","):
        part = raw.strip()
        if not part:
            continue
        count, period = part.split("/", 1)
        digits = "".join(ch for ch in period if ch.isdigit())
        unit = period[len(digits) :]
        rates.append(Rate(int(count), int(digits or 1) * UNITS[unit]))
    return rates


def rates_for(action: str) -> dict[str, list[Rate]]:
    configured = getattr(settings, "IGF_CONSULTATIONS_RATE_LIMITS", {}).get(action)
    specs = configured or DEFAULT_RATES.get(action, {})
    return {scope: parse_rates(spec) for scope, spec in specs.items()}


def client_ip(request: HttpRequest) -> str:
    """The client's address as the lock-out middleware sees it (honours the proxy count)."""
    try:
        from axes.helpers import get_client_ip_address  # noqa: PLC0415

        address = get_client_ip_address(request)
    except Exception:
        address = None
    return str(address or request.META.get("REMOTE_ADDR", "") or "unknown")


def _cache_key(action: str, scope: str, identity: str, rate: Rate, now: float) -> str:
    # Hashed, so no address or account id is stored in the cache in clear.
    digest = hashlib.sha256(identity.encode()).hexdigest()[:24]
    return (
        f"igf-consultations-rl:{action}:{scope}:{digest}:{rate.seconds}:{int(now // rate.seconds)}"
    )


def consume(action: str, identities: dict[str, str], *, now: float | None = None) -> bool:
    """Count one attempt at `action`; False (and nothing counted) when a limit is reached.

    `identities` maps a scope of the action's rates ("user", "ip") to who is acting.
    """
    moment = time.time() if now is None else now
    keys: list[tuple[str, Rate]] = []
    for scope, rates in rates_for(action).items():
        identity = identities.get(scope)
        if not identity:
            continue
        for rate in rates:
            key = _cache_key(action, scope, identity, rate, moment)
            if int(cache.get(key, 0)) >= rate.count:
                return False
            keys.append((key, rate))
    for key, rate in keys:
        if not cache.add(key, 1, timeout=rate.seconds + 1):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=rate.seconds + 1)
    return True


def consume_for_request(action: str, request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    identities = {"ip": client_ip(request)}
    if user is not None and user.is_authenticated:
        identities["user"] = f"user:{user.pk}"
    return consume(action, identities)
