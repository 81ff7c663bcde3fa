"""The one rate limiter: fixed windows on Django's cache, counted atomically.

Used by comments, flags and contributions, and by the API's throttle. Rates are written the
way allauth writes them in settings.ACCOUNT_RATE_LIMITS ("5/m,30/h"). The cache is shared by
every worker (the file cache on one machine, Redis beyond), so a limit holds across processes
and hosts. Override the defaults with settings.IGF_RATE_LIMITS.

Counting is atomic: with Redis, each window is one INCR; with any other cache, the counts are
read and written under an exclusive file lock. Forty requests sent at once against a limit of
six let exactly six through (a plain read-then-write let seven of forty through).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

# Per action: limits per account ("user") and per address ("ip"). A participant posting a
# careful comment on each of many paragraphs stays well below them; a script does not.
DEFAULT_RATES: dict[str, dict[str, str]] = {
    "comment": {"user": "6/m,60/h,300/d", "ip": "20/m,200/h"},
    "flag": {"user": "10/m,60/h", "ip": "30/m"},
    "contribution": {"user": "10/m,60/h", "ip": "30/m"},
    "api": {"ip": "600/m"},
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
    configured = getattr(settings, "IGF_RATE_LIMITS", {}).get(action)
    specs = configured or DEFAULT_RATES.get(action, {})
    return {scope: parse_rates(spec) for scope, spec in specs.items()}


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, which `ClientAddressMiddleware` has already set to
    the real client's when the request came through the trusted proxies."""
    return str(request.META.get("REMOTE_ADDR", "") or "unknown")


def _cache_key(action: str, scope: str, identity: str, rate: Rate, now: float) -> str:
    # Hashed, so no address or account id is stored in the cache in clear.
    digest = hashlib.sha256(identity.encode()).hexdigest()[:24]
    return f"igf-rl:{action}:{scope}:{digest}:{rate.seconds}:{int(now // rate.seconds)}"


@contextlib.contextmanager
def _exclusive() -> Iterator[None]:
    """Redis counts atomically by itself; any other cache is counted under a file lock that
    every process (and thread) on the machine shares."""
    if isinstance(cache, RedisCache):
        yield
        return
    path = Path(getattr(settings, "VAR_DIR", tempfile.gettempdir())) / "ratelimit.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _increment(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def consume(action: str, identities: dict[str, str], *, now: float | None = None) -> bool:
    """Count one attempt at `action`; False (and nothing counted) when a limit is reached.

    `identities` maps a scope of the action's rates ("user", "ip") to who is acting.
    """
    moment = time.time() if now is None else now
    keys: list[tuple[str, Rate]] = []
    for scope, rates in rates_for(action).items():
        identity = identities.get(scope)
        if identity:
            keys.extend((_cache_key(action, scope, identity, rate, moment), rate) for rate in rates)
    with _exclusive():
        counted: list[str] = []
        for key, rate in keys:
            counted.append(key)
            if _increment(key, rate.seconds + 1) > rate.count:
                for done in counted:
                    with contextlib.suppress(ValueError):
                        cache.decr(done)
                return False
    return True


def consume_for_request(action: str, request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    identities = {"ip": client_ip(request)}
    if user is not None and user.is_authenticated:
        identities["user"] = f"user:{user.pk}"
    return consume(action, identities)
