"""pretalx beside the platform: its own virtual environment (created from PyPI when missing),
its own SQLite database in the bench's temporary folder, the same schedule built through its
ORM (`pretalx_seed.py`), served by the same gunicorn version with the same options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench.schedule import servers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VENV = Path(os.environ.get("BENCH_PRETALX_VENV", HERE / ".pretalx-venv"))
# The newest pretalx on PyPI that installs on Python 3.11 (it needs Django 5.2, as we do).
PRETALX = os.environ.get("BENCH_PRETALX_VERSION", "2025.2.2")


@dataclass(frozen=True)
class Pretalx:
    server: servers.Server
    slug: str
    talk: str
    version: str
    seed_seconds: float


def _python() -> Path:
    return VENV / "bin" / "python"


def ensure_venv() -> str:
    """The installed pretalx version, installing pretalx and gunicorn first if needed."""
    wanted = [f"pretalx=={PRETALX}", f"gunicorn=={version('gunicorn')}"]
    probe = [str(_python()), "-c", "import importlib.metadata as m; print(m.version('pretalx'))"]
    if _python().exists():
        found = subprocess.run(probe, capture_output=True, text=True, check=False)
        if found.returncode == 0 and found.stdout.strip() == PRETALX:
            return PRETALX
    else:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run(
        [str(_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wanted],
        check=True,
    )
    return subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()


def _environment(folder: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PRETALX_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.schedule.pretalx_settings",
            "PYTHONPATH": str(ROOT),
            "PRETALX_DATA_DIR": str(folder / "data"),
            "PRETALX_FILESYSTEM_STATIC": str(folder / "static"),
            "PRETALX_SITE_URL": f"http://127.0.0.1:{port}",
            "PRETALX_DEBUG": "False",
            "PRETALX_NO_INITIAL_LOG": "1",
            "BENCH_PRETALX_CACHE": str(folder / "cache"),
        }
    )
    return env


def start(schedule: dict[str, Any], folder: Path, log_dir: Path) -> Pretalx:
    """Install if needed, build the event, and serve it (the caller stops the server)."""
    installed = ensure_venv()
    folder.mkdir(parents=True, exist_ok=True)
    port = servers.free_port()
    env = _environment(folder, port)
    source, answer = folder / "schedule.json", folder / "answer.json"
    source.write_text(json.dumps(schedule), encoding="utf-8")
    started = time.perf_counter()
    with (log_dir / "pretalx-seed.log").open("wb") as log:
        subprocess.run(
            [str(_python()), str(HERE / "pretalx_seed.py"), str(source), str(answer)],
            env=env,
            check=True,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=folder,
        )
    seed_seconds = time.perf_counter() - started
    built = json.loads(answer.read_text(encoding="utf-8"))
    server = servers.start(
        name="pretalx",
        gunicorn=VENV / "bin" / "gunicorn",
        app="pretalx.wsgi:application",
        port=port,
        env=env,
        log_dir=log_dir,
        ready_path=f"/{built['slug']}/schedule/export/schedule.json",
        cwd=folder,
    )
    return Pretalx(
        server=server,
        slug=built["slug"],
        talk=built["talk"],
        version=installed,
        seed_seconds=seed_seconds,
    )
