"""Load generation: wrk (Debian's package, installed when missing and running as root) with a
Lua report of the median and 95th percentile, or, without wrk, a Python client with one
thread per connection (slower itself, so its figures are a lower bound)."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import statistics
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# What a browser sends for a page; pretalx answers text/plain without an Accept header.
BROWSER = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate, br",
    "Accept-Language": "en",
}
REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "microseconds": %d, "bytes": %d, "p50": %d, "p95": %d, '
    .. '"errors": %d, "status_errors": %d}\\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclass(frozen=True)
class Figures:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    errors: int
    bytes: int = 0  # received, headers included

    @property
    def bytes_each(self) -> float:
        return self.bytes / self.requests if self.requests else 0.0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def find_wrk() -> str | None:
    """wrk's path; installed with apt-get when missing and allowed (root, Debian)."""
    found = shutil.which("wrk")
    if found or os.environ.get("BENCH_NO_WRK"):
        return None if os.environ.get("BENCH_NO_WRK") else found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
            subprocess.run(command, capture_output=True, check=False, timeout=600)
    return shutil.which("wrk")


class Client:
    """Measures one address at one concurrency for a number of seconds."""

    def __init__(self, wrk: str | None, folder: Path) -> None:
        self.wrk = wrk
        self.tool = "wrk 4 (Lua report)" if wrk else "Python threads (http.client)"
        self.script = folder / "report.lua"
        self.script.write_text(REPORT, encoding="utf-8")

    def measure(
        self, url: str, *, concurrency: int, seconds: float, headers: Mapping[str, str] = BROWSER
    ) -> Figures:
        if self.wrk:
            return self._wrk(url, concurrency, seconds, headers)
        return _threads(url, concurrency, seconds, headers)

    def _wrk(
        self, url: str, concurrency: int, seconds: float, headers: Mapping[str, str]
    ) -> Figures:
        assert self.wrk is not None
        command = [
            self.wrk,
            f"-t{min(concurrency, 2)}",
            f"-c{concurrency}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "30s",
            "-s",
            str(self.script),
        ]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        output = subprocess.run(
            [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 120
        ).stdout
        line = next(x for x in reversed(output.splitlines()) if x.startswith("{"))
        data = json.loads(line)
        return Figures(
            requests=int(data["requests"]),
            seconds=data["microseconds"] / 1e6,
            p50_ms=data["p50"] / 1000,
            p95_ms=data["p95"] / 1000,
            errors=int(data["errors"]) + int(data["status_errors"]),
            bytes=int(data["bytes"]),
        )


def once(url: str, headers: Mapping[str, str] = BROWSER) -> float:
    """Seconds one request takes, alone."""
    request = urllib.request.Request(url, headers=dict(headers))
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as response:
        response.read()
    return time.perf_counter() - started


def _threads(url: str, concurrency: int, seconds: float, headers: Mapping[str, str]) -> Figures:
    parts = urllib.parse.urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    received = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker() -> None:
        mine: list[float] = []
        failed = size = 0
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
            try:
                connection.request("GET", target, headers=dict(headers))
                response = connection.getresponse()
                size += len(response.read())
                if response.status != 200:
                    failed += 1
            except OSError:
                failed += 1
            finally:
                connection.close()
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed
            received[0] += size

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Figures(
        requests=len(latencies),
        seconds=elapsed,
        p50_ms=statistics.median(latencies) * 1000 if latencies else 0.0,
        p95_ms=cuts[94] * 1000 if cuts else 0.0,
        errors=errors[0],
        bytes=received[0],
    )
