"""Gunicorn servers for the benchmark, started the way `bin/serve` starts the platform (the
same worker count, access log and forwarded-address settings), one at a time."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

WORKERS = int(os.environ.get("IGF_WORKERS", "3"))


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    base: str
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start(
    *,
    name: str,
    gunicorn: Path,
    app: str,
    port: int,
    env: Mapping[str, str],
    log_dir: Path,
    ready_path: str,
    pythonpath: Sequence[Path] = (),
    cwd: Path | None = None,
) -> Server:
    """Start gunicorn (`bin/serve`'s options) and wait until `ready_path` answers 200."""
    log = log_dir / f"{name}.log"
    command = [
        str(gunicorn),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        "127.0.0.1",
    ]
    if pythonpath:
        command += ["--pythonpath", ",".join(str(p) for p in pythonpath)]
    with log.open("wb") as stream:
        process = subprocess.Popen(
            command, env=dict(env), stdout=stream, stderr=subprocess.STDOUT, cwd=cwd
        )
    base = f"http://127.0.0.1:{port}"
    server = Server(name=name, process=process, base=base, log=log)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        if _ready(base + ready_path):
            return server
        time.sleep(0.3)
    stop(server)
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
    raise RuntimeError(f"{name} did not start on {base}{ready_path}:\n{tail}")


def _cpu_ticks(root: int) -> int | None:
    """CPU time used so far by a server's master and workers, in clock ticks (Linux)."""
    total, found = 0, False
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(stat.parent.name) == root or int(fields[1]) == root:
            total += int(fields[11]) + int(fields[12])  # utime, stime
            found = True
    return total if found else None


def wait_idle(server: Server, timeout: float = 300) -> None:
    """Return once the server has worked off what a finished run left queued (connections
    the load generator closed are still served): its processes use no CPU for a second."""
    deadline = time.monotonic() + timeout
    before = _cpu_ticks(server.process.pid)
    if before is None:
        time.sleep(5)
        return
    quiet = 0
    while quiet < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
        now = _cpu_ticks(server.process.pid) or 0
        quiet = quiet + 1 if now - before <= 2 else 0
        before = now


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
