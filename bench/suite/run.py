"""The test suite's own speed: wall-clock time of the whole run and its 20 slowest tests, with
each one's setup (fixtures, the database) apart from the test itself.

    .venv/bin/python bench/suite/run.py                 # what `make test` runs, -n auto
    .venv/bin/python bench/suite/run.py -n 2 tests/core  # any pytest arguments replace the defaults

The suite's speed is measured here rather than asserted in CI: a time limit in a test would
fail on a busy machine and say nothing about which test got slower.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ARGS = ["-m", "not browser", "-n", "auto"]
SLOWEST = 20


@dataclass
class Phases:
    setup: float = 0.0
    call: float = 0.0
    teardown: float = 0.0

    @property
    def total(self) -> float:
        return self.setup + self.call + self.teardown


@dataclass
class Recorder:
    """A pytest plugin in the controlling process: with pytest-xdist, every worker's reports
    come back through it."""

    phases: dict[str, Phases] = field(default_factory=lambda: defaultdict(Phases))
    outcomes: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        setattr(self.phases[report.nodeid], report.when, report.duration)
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            self.outcomes[report.outcome] += 1


def versions() -> str:
    import django  # noqa: PLC0415

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    database = "PostgreSQL" if postgres else "SQLite"
    load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    return (
        f"{platform.node()}: {os.cpu_count()} CPUs, load {load}; "
        f"Python {platform.python_version()}, "
        f"pytest {pytest.__version__}, Django {django.get_version()}, {database}; commit {commit}"
    )


def main(argv: list[str]) -> int:
    os.chdir(ROOT)
    args = ["-q", "-p", "no:randomly", *(argv or DEFAULT_ARGS)]
    command = "pytest " + " ".join(args)  # before pytest adds its addopts to the list
    recorder = Recorder()
    started = time.perf_counter()
    exit_code = pytest.main(args, plugins=[recorder])
    wall = time.perf_counter() - started

    phases = recorder.phases
    summed = sum(p.total for p in phases.values())
    setups = sum(p.setup for p in phases.values())
    counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(recorder.outcomes.items()))
    print()
    print(versions())
    print(f"{command}  (exit {int(exit_code)})")
    print(f"wall clock        {wall:8.1f} s   ({counts})")
    print(f"sum of test times {summed:8.1f} s   (of which setup {setups:.1f} s)")
    print()
    print(f"{SLOWEST} slowest tests (seconds)")
    print(f"{'total':>7} {'setup':>7} {'call':>7}  test")
    slowest = sorted(phases.items(), key=lambda item: item[1].total, reverse=True)[:SLOWEST]
    for nodeid, p in slowest:
        print(f"{p.total:7.2f} {p.setup:7.2f} {p.call:7.2f}  {nodeid}")

    by_file: dict[str, float] = defaultdict(float)
    for nodeid, p in phases.items():
        by_file[nodeid.split("::")[0]] += p.total
    print()
    print("10 slowest files (seconds, sum of their tests)")
    for path, seconds in sorted(by_file.items(), key=lambda item: item[1], reverse=True)[:10]:
        print(f"{seconds:7.1f}  {path}")
    return int(exit_code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
