# ruff: noqa: E402 - a benchmark sets its environment and Django up before importing the platform
"""The schedule benchmark: a realistic annual meeting (300 sessions, 15 rooms, 4 days, about
1,000 speakers; see `instance.py`), solved, checked, published and served beside pretalx.

    make bench-schedule          # or: .venv/bin/python bench/schedule/run.py [--seconds 10]

1. The solver, as the staff's "Solve" button runs it (the service loads the meeting from the
   database; the platform's 60-second limit, two workers): wall time, sessions placed, hard
   constraints broken counted by this benchmark's own checker (`checker.py`), soft cost by kind.
2. The release published, then the platform under gunicorn with `bin/serve`'s options (DEBUG
   off, whitenoise, the file cache), its own SQLite database (WAL) in a temporary folder: the
   public schedule page (first day), a session page and the JSON export, at 1 and 10
   concurrent connections; a Django "hello world" under the same settings is the ceiling.
3. pretalx (PyPI, its own virtual environment) with the same sessions, rooms, times and
   speakers, served the same way: its schedule page, a talk page and its JSON export.
4. Page weight of both schedule pages as sent (compressed) with what they reference.

Every page is warmed (two seconds at 10 connections, discarded) before it is measured, on
every server alike. Prints figures, asserts nothing; writes bench/schedule/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from dataclasses import asdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
WORK = Path(tempfile.mkdtemp(prefix="igf-bench-schedule-"))
SERVER_ENV = {
    "DATABASE_URL": f"sqlite:///{WORK / 'igf.sqlite3'}",
    "IGF_VAR_DIR": str(WORK / "igf-var"),
    "SECRET_KEY": "bench-schedule-" + "k" * 50,
    "DEBUG": "0",
}
os.environ.update(SERVER_ENV)
os.environ["DJANGO_SETTINGS_MODULE"] = "igf.settings"
# Only this process: the solver run it requests is run here, not by a worker.
os.environ["IGF_TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"

import django

django.setup()

from bench.schedule import checker, igf_site, load, pretalx_side, servers, weight
from bench.schedule.instance import DAYS, ROOMS, build
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from igf.schedule.models import ScheduleRelease

GUNICORN = Path(sys.executable).parent / "gunicorn"
BUDGET = 60 * 1024


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpu}, {os.cpu_count()} CPUs; Python {platform.python_version()}, "
        f"Django {django.get_version()}, gunicorn {version('gunicorn')} "
        f"({servers.WORKERS} sync workers), SQLite {sqlite3.sqlite_version}"
    )


# --- 1. The solver -----------------------------------------------------------------------------


def solver_curve(built: igf_site.BuiltMeeting, limits: list[int]) -> list[dict[str, Any]]:
    """The same problem solved again with shorter time limits (the pure solver, no database
    writes): how soon a complete placement without hard violations exists, and what more
    search time buys in soft cost."""
    from igf.schedule.constraints import hard_violations  # noqa: PLC0415
    from igf.schedule.queries import problem_for  # noqa: PLC0415
    from igf.schedule.solver import solve  # noqa: PLC0415

    problem = problem_for(built.meeting)
    rows: list[dict[str, Any]] = []
    for limit in limits:
        started = time.perf_counter()
        solution = solve(problem, time_limit=limit, workers=2)
        wall = time.perf_counter() - started
        row = {
            "time_limit": limit,
            "wall_seconds": round(wall, 2),
            "placed": len(solution.placements),
            "hard_violations": len(hard_violations(problem, solution.placements)),
            "soft_cost": solution.cost,
            "status": solution.status,
        }
        rows.append(row)
        print(
            f"  with a {limit:>3} s limit: {wall:5.1f} s wall, placed {row['placed']}, "
            f"hard violations {row['hard_violations']}, soft cost {row['soft_cost']} "
            f"({row['status']})"
        )
    return rows


def solver_section(args: argparse.Namespace) -> tuple[igf_site.BuiltMeeting, dict[str, Any]]:
    instance = build(args.seed)
    people = checker.people_load(instance)
    started = time.perf_counter()
    built = igf_site.build_meeting(instance)
    build_seconds = time.perf_counter() - started
    print(
        f"Instance (seed {args.seed}): {len(instance.sessions)} sessions, "
        f"{len(people)} people in them "
        f"({sum(1 for n in people.values() if n > 1)} in more than one session), "
        f"{len(ROOMS)} rooms, {DAYS} days; built in the database in "
        f"{build_seconds:.1f} s"
    )
    figures = igf_site.run_solver(built, args.time_limit)
    breaches = checker.hard_breaches(instance, figures.placed)
    missing = checker.unplaced(instance, figures.placed)
    counts = checker.summary(breaches)
    result = figures.result
    print(
        f"Solver (services.run_solver, time limit {args.time_limit} s, 2 workers): "
        f"{figures.wall_seconds:.1f} s wall ({result.get('seconds')} s in solve, "
        f"{figures.queries} SQL queries), status {result.get('status')}"
    )
    print(
        f"  placed {len(figures.placed)} of {len(instance.sessions)}, unplaced {len(missing)}"
        + (f" {missing[:10]}" if missing else "")
    )
    print(
        f"  hard-constraint violations (independent check): {len(breaches)}  "
        + "  ".join(f"{rule} {n}" for rule, n in counts.items())
    )
    for breach in breaches[:10]:
        print(f"    {breach.rule} {breach.sessions} {breach.detail}")
    costs = result.get("costs", {})
    print(
        f"  soft-constraint cost (the solver's report): {result.get('cost')}  = "
        + "  ".join(f"{code} {value}" for code, value in costs.items())
    )
    curve = solver_curve(built, args.curve)
    version_number = igf_site.publish(built)
    print(f"  published as release {version_number}")
    summary = {
        "wall_seconds": round(figures.wall_seconds, 2),
        "solve_seconds": result.get("seconds"),
        "status": result.get("status"),
        "placed": len(figures.placed),
        "unplaced": missing,
        "hard_violations": counts,
        "soft_cost": result.get("cost"),
        "soft_costs": costs,
        "queries": figures.queries,
        "curve": curve,
    }
    exchange = igf_site.exchange(instance, built, figures.placed)
    return built, {"solver": summary, "exchange": exchange}


# --- 2. In-process render cost (cold and cached) ----------------------------------------------


def render_costs(paths: dict[str, str]) -> dict[str, dict[str, float]]:
    """Each page rendered in this process with the cache emptied, then again from it."""
    client = Client(HTTP_HOST="localhost")
    found: dict[str, dict[str, float]] = {}
    for name, path in paths.items():
        cache.clear()
        row: dict[str, float] = {}
        for label in ("cold", "cached"):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, headers={"accept-encoding": "identity"})
            row[f"{label}_ms"] = (time.perf_counter() - started) * 1000
            row[f"{label}_queries"] = len(queries.captured_queries)
            row["status"] = response.status_code
            row["bytes"] = len(response.content)
        found[name] = row
    cache.clear()
    return found


# --- 3. HTTP -----------------------------------------------------------------------------------


def measure(
    client: load.Client, server: servers.Server, path: str, seconds: float
) -> dict[str, Any]:
    """One page at 1 and 10 connections, after a warm-up; each run lasts at least `seconds`,
    longer (up to 40 s) for a page so slow that fewer than ten answers would come back."""
    url = server.base + path
    client.measure(url, concurrency=10, seconds=2)  # warm every worker and cache
    servers.wait_idle(server)
    alone = load.once(url)
    row: dict[str, Any] = {"path": path, "alone_ms": alone * 1000}
    for concurrency in (1, 10):
        duration = min(40.0, max(seconds, 10 * alone * concurrency / (os.cpu_count() or 1)))
        figures = client.measure(url, concurrency=concurrency, seconds=duration)
        servers.wait_idle(server)
        row[f"c{concurrency}"] = asdict(figures) | {
            "rps": figures.rps,
            "bytes_each": figures.bytes_each,
        }
    return row


def igf_server(paths: dict[str, str], client: load.Client, seconds: float) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "IGF_TASKS_BACKEND"}
    env["DJANGO_SETTINGS_MODULE"] = "igf.settings"
    server = servers.start(
        name="igf",
        gunicorn=GUNICORN,
        app="igf.wsgi:application",
        port=servers.free_port(),
        env=env,
        log_dir=WORK,
        ready_path=paths["schedule"],
        cwd=ROOT,
    )
    try:
        pages = {name: measure(client, server, path, seconds) for name, path in paths.items()}
        page = weight.page_weight(server.base + paths["schedule"])
    finally:
        servers.stop(server)
    return {"pages": pages, "weight": asdict(page) | {"total": page.total}}


def hello_server(client: load.Client, seconds: float) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "IGF_TASKS_BACKEND"}
    env["DJANGO_SETTINGS_MODULE"] = "bench.schedule.hello_settings"
    server = servers.start(
        name="hello",
        gunicorn=GUNICORN,
        app="igf.wsgi:application",
        port=servers.free_port(),
        env=env,
        log_dir=WORK,
        ready_path="/hello/",
        pythonpath=[ROOT],
        cwd=ROOT,
    )
    try:
        return {"pages": {"hello": measure(client, server, "/hello/", seconds)}}
    finally:
        servers.stop(server)


def pretalx_server(schedule: dict[str, Any], client: load.Client, seconds: float) -> dict[str, Any]:
    side = pretalx_side.start(schedule, WORK / "pretalx", WORK)
    slug = side.slug
    paths = {
        "schedule": f"/{slug}/schedule/",
        "schedule_data": f"/{slug}/schedule/widgets/schedule.json",
        "session": f"/{slug}/talk/{side.talk}/",
        "export": f"/{slug}/schedule/export/schedule.json",
    }
    try:
        pages = {name: measure(client, side.server, p, seconds) for name, p in paths.items()}
        page = weight.page_weight(
            side.server.base + paths["schedule"], extra=[paths["schedule_data"]]
        )
    finally:
        servers.stop(side.server)
    return {
        "version": side.version,
        "seed_seconds": round(side.seed_seconds, 1),
        "pages": pages,
        "weight": asdict(page) | {"total": page.total},
    }


# --- 4. The table ------------------------------------------------------------------------------


def _combined(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two requests one after the other: latencies add, throughput is the harmonic sum."""
    row: dict[str, Any] = {"path": f"{first['path']} + {second['path']}"}
    row["c1"] = {"bytes_each": first["c1"]["bytes_each"] + second["c1"]["bytes_each"]}
    for level in ("c1", "c10"):
        a, b = first[level], second[level]
        rps = 1 / (1 / a["rps"] + 1 / b["rps"]) if a["rps"] and b["rps"] else 0.0
        row[level] = row.get(level, {}) | {
            "p50_ms": a["p50_ms"] + b["p50_ms"],
            "p95_ms": a["p95_ms"] + b["p95_ms"],
            "rps": rps,
            "errors": a["errors"] + b["errors"],
        }
    return row


def _cells(row: dict[str, Any]) -> str:
    cells = []
    for level in ("c1", "c10"):
        f = row[level]
        errors = f" ({f['errors']} err)" if f["errors"] else ""
        cells.append(f"{f['p50_ms']:>8.1f} {f['p95_ms']:>8.1f} {f['rps']:>8.0f}{errors}")
    return " | ".join(cells) + f" | {row['c1'].get('bytes_each', 0) / 1024:>7.1f}"


def print_table(results: dict[str, Any]) -> None:
    igf = results["igf"]["pages"]
    hello = results["hello"]["pages"]["hello"]
    pretalx = results.get("pretalx", {}).get("pages")
    header = f"{'page':<34} {'server':<30} {'c=1  p50 ms':>12} {'p95':>8} {'req/s':>8} |"
    print()
    print(header + f" {'c=10 p50 ms':>12} {'p95':>8} {'req/s':>8} | {'KB sent':>7}")
    print("-" * (len(header) + 41))
    rows: list[tuple[str, str, dict[str, Any]]] = [
        ("schedule page (first day)", "IGF (cached)", igf["schedule"]),
    ]
    if pretalx:
        user_needs = _combined(pretalx["schedule"], pretalx["schedule_data"])
        rows += [
            ("", "pretalx HTML shell (JS-rendered)", pretalx["schedule"]),
            ("", "pretalx its JSON fetch", pretalx["schedule_data"]),
            ("", "pretalx HTML + JSON (sum)", user_needs),
        ]
    rows.append(("session page", "IGF", igf["session"]))
    if pretalx:
        rows.append(("", "pretalx talk page", pretalx["session"]))
    rows.append(("schedule JSON export", "IGF", igf["export"]))
    if pretalx:
        rows.append(("", "pretalx schedule.json", pretalx["export"]))
    rows.append(("hello world (ceiling)", "Django, IGF settings", hello))
    for page, server, row in rows:
        print(f"{page:<34} {server:<30}     {_cells(row)}")
    print()
    for level, label in (("c1", "c=1"), ("c10", "c=10")):
        ours, ceiling = igf["schedule"][level], hello[level]
        print(
            f"cached schedule page vs hello world at {label}: median "
            f"{ours['p50_ms'] / ceiling['p50_ms']:.2f}x, throughput "
            f"{ceiling['rps'] / ours['rps']:.2f}x lower (goal: within 3x)"
        )
    if pretalx:
        pairs = (
            ("schedule page vs pretalx HTML + JSON", igf["schedule"], user_needs),
            ("schedule page vs pretalx HTML alone", igf["schedule"], pretalx["schedule"]),
            ("session page", igf["session"], pretalx["session"]),
            ("JSON export", igf["export"], pretalx["export"]),
        )
        for name, ours, theirs in pairs:
            if not (theirs["c10"]["rps"] and theirs["c1"]["p50_ms"]):
                print(f"{name}: pretalx answered nothing in the time given")
                continue
            print(
                f"{name}: IGF median {theirs['c1']['p50_ms'] / ours['c1']['p50_ms']:.1f}x "
                f"faster at c=1, throughput {ours['c10']['rps'] / theirs['c10']['rps']:.1f}x "
                f"at c=10"
            )
    else:
        print(f"pretalx not measured: {results.get('pretalx_error', 'skipped')}")
    print()
    print_weights(results)


def print_weights(results: dict[str, Any]) -> None:
    print("Page weight of the schedule page, bytes as sent (compressed) with what it references:")
    columns = ("HTML", "CSS", "JS", "images", "fonts", "data")
    print(f"{'':<30} " + " ".join(f"{c:>8}" for c in columns) + f" {'total':>9}")
    sides = [("IGF (first day)", results["igf"]["weight"])]
    if "pretalx" in results:
        sides.append(("pretalx (all days, via JS)", results["pretalx"]["weight"]))
    for name, w in sides:
        flag = "" if name.startswith("pretalx") or w["total"] <= BUDGET else "  OVER 60 KB"
        print(
            f"{name:<30} {w['html']:>8} {w['css']:>8} {w['js']:>8} {w['images']:>8} "
            f"{w['fonts']:>8} {w['data']:>8} {w['total']:>9}{flag}"
        )
    for name, w in sides:
        uncompressed = [f for f in w["files"] if not f[2]]
        if uncompressed:
            largest = max(uncompressed, key=lambda f: f[1])
            print(
                f"  {name}: {len(uncompressed)} of {len(w['files'])} files sent uncompressed, "
                f"largest {largest[0].split('/', 3)[-1]} ({largest[1]} bytes)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--seconds", type=float, default=10, help="per page and concurrency")
    # 50 s of search: the whole run, loading the meeting and saving the placement included,
    # stays under the minute the issue allows.
    parser.add_argument("--time-limit", type=int, default=50, help="the solver's, in seconds")
    parser.add_argument(
        "--curve",
        type=int,
        nargs="*",
        default=[5, 20],
        help="shorter time limits to solve the same problem with again (pure solver)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-pretalx", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    args = parser.parse_args()
    began = time.perf_counter()
    print(f"Machine: {machine()}")
    print(f"Work folder: {WORK}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    print(f"Database migrated and static files collected in {time.perf_counter() - started:.0f} s")
    built, results = solver_section(args)
    meeting = built.meeting
    session_pk = built.session_pk[1]
    paths = {
        "schedule": f"/programme/meetings/{meeting.slug}/schedule/",
        "session": f"/programme/sessions/{session_pk}/",
        "export": f"/programme/meetings/{meeting.slug}/schedule.json",
    }
    release = ScheduleRelease.objects.filter(meeting=meeting).count()
    costs = render_costs(paths)
    results["render"] = costs
    print(f"\nIn-process render ({release} release; Django test client, no gzip):")
    for name, row in costs.items():
        print(
            f"  {name:<9} cold {row['cold_ms']:>7.1f} ms {row['cold_queries']:>3.0f} queries | "
            f"cached {row['cached_ms']:>6.1f} ms {row['cached_queries']:>2.0f} queries | "
            f"{row['bytes']:>8.0f} bytes, status {row['status']:.0f}"
        )
    client = load.Client(load.find_wrk(), WORK)
    print(f"\nLoad generator: {client.tool}; {args.seconds:.0f} s per page and concurrency")
    results["load_generator"] = client.tool
    results["igf"] = igf_server(paths, client, args.seconds)
    results["hello"] = hello_server(client, args.seconds)
    if not args.no_pretalx:
        try:
            results["pretalx"] = pretalx_server(results["exchange"], client, args.seconds)
            print(
                f"pretalx {results['pretalx']['version']}: event built through its ORM in "
                f"{results['pretalx']['seed_seconds']} s (migrate, collectstatic, 300 talks)"
            )
        except Exception as error:
            traceback.print_exc()
            results["pretalx_error"] = f"{type(error).__name__}: {error}"[:500]
    print_table(results)
    results.pop("exchange")
    results["machine"] = machine()
    results["seconds"] = round(time.perf_counter() - began, 1)
    (HERE / "results.json").write_text(json.dumps(results, indent=1, default=str), "utf-8")
    print(f"\nTotal {results['seconds']:.0f} s; figures in {HERE / 'results.json'}")
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
