"""Opinion-mapping benchmark: opinionmap and red-dwarf 0.4.0 side by side.

    .venv/bin/python bench/opinions/run.py [--quick] [--no-reddwarf] [--no-ari]

Prints the machine and versions, then wall time and peak memory (peak RSS of a fresh
process that loads the votes and runs the engine) of a full recompute and of one
incremental update after 1,000 new votes, on planted-group data (3 groups, seed 0), and
the ARI table on the six real Pol.is conversations. red-dwarf runs in its own virtualenv
(/work/bench-venvs/red-dwarf, created here if missing); it is never a project dependency.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy
import scipy

HERE = Path(__file__).resolve().parent
VENV = Path("/work/bench-venvs/red-dwarf")
RD_PYTHON = VENV / "bin" / "python"
FULL_SIZES = [(10_000, 1_000, 50), (50_000, 2_000, 56), (100_000, 5_000, 55)]
QUICK_SIZES = [(2_000, 200, 30), (10_000, 1_000, 50)]
# red-dwarf densifies the matrix; it cannot run 100k x 5k in 20 GB (issue 8).
RD_MAX_CELLS = 50_000 * 2_000
RD_TIMEOUT_S = 1_800


def ensure_reddwarf() -> bool:
    if RD_PYTHON.exists():
        return True
    print(f"creating {VENV} with red-dwarf==0.4.0 ...", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "red-dwarf==0.4.0"], check=True)
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"red-dwarf unavailable: {error}")
        return False
    return True


def versions(use_rd: bool) -> None:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"machine: {platform.machine()} {cpu}, {os.cpu_count()} cores, {mem_gb:.0f} GB")
    print(
        f"python {platform.python_version()}, numpy {numpy.__version__}, scipy {scipy.__version__}"
    )
    if use_rd:
        out = subprocess.run(
            [
                str(RD_PYTHON),
                "-c",
                "import importlib.metadata as m;"
                "ps=('red-dwarf','scikit-learn','pandas','numpy');"
                "print(*(p+' '+m.version(p) for p in ps), sep=', ')",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        print(f"red-dwarf venv: {out.stdout.strip()}")
    print()


def worker(python: Path, script: str, *args: str, timeout: float) -> dict[str, float] | str:
    try:
        out = subprocess.run(
            [str(python), str(HERE / script), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"timeout > {timeout:.0f} s"
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["failed"])[-1]
        return f"failed ({last[:60]})"
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def speed_table(sizes: list[tuple[int, int, int]], use_rd: bool) -> None:
    head = (
        f"{'size':>12} {'votes':>9} | {'ours build':>15} {'full':>6} {'update':>13} "
        f"{'peak MB':>7} {'k':>2} {'ARI':>5} | {'red-dwarf full':>14} {'peak MB':>8} "
        f"{'k':>2} {'ARI':>5} | {'speed-up':>8}"
    )
    blobs: list[str] = []
    print(head)
    print("-" * len(head))
    with tempfile.TemporaryDirectory() as tmp:
        for n, m, per in sizes:
            data = Path(tmp) / f"planted-{n}-{m}.npz"
            subprocess.run(
                [
                    sys.executable,
                    str(HERE / "worker_ours.py"),
                    "generate",
                    str(n),
                    str(m),
                    str(per),
                    str(data),
                ],
                check=True,
            )
            ours = worker(Path(sys.executable), "worker_ours.py", "run", str(data), timeout=600)
            if isinstance(ours, str):
                print(f"{n}x{m}: ours {ours}")
                continue
            label = f"{n // 1000}k x {m / 1000:g}k"
            build = f"{ours['build_s']:.2f}/{ours['build_interleaved_s']:.2f}s"
            update = f"{ours['update_s'] * 1000:.0f} ({ours['update_max_s'] * 1000:.0f}) ms"
            line = (
                f"{label:>12} {int(ours['votes']):>9,} | {build:>15} {ours['full_s']:>5.2f}s "
                f"{update:>13} {ours['peak_mb']:>7.0f} {int(ours['k']):>2} {ours['ari']:>5.3f} |"
            )
            blobs.append(
                f"{label:>12}: {ours['state_mb']:.0f} MB, "
                f"to_bytes {ours['to_bytes_s'] * 1000:.0f} ms, "
                f"from_bytes {ours['from_bytes_s'] * 1000:.0f} ms; peak RSS including the "
                f"interleaved build {ours['peak_with_interleaved_mb']:.0f} MB"
            )
            if use_rd and n * m <= RD_MAX_CELLS:
                rd = worker(
                    RD_PYTHON, "worker_reddwarf.py", "synthetic", str(data), timeout=RD_TIMEOUT_S
                )
                if isinstance(rd, str):
                    line += f" {rd:>33} |"
                else:
                    total = ours["build_s"] + ours["full_s"]
                    line += (
                        f" {rd['full_s']:>13.1f}s {rd['peak_mb']:>8.0f} {int(rd['k']):>2} "
                        f"{rd['ari']:>5.3f} | {rd['full_s'] / total:>7.0f}x"
                    )
            else:
                line += f" {'not run (dense > 20 GB)' if use_rd else 'skipped':>33} |"
            print(line, flush=True)
    print(
        "\nours build = vote events -> sparse matrix (latest vote wins), events grouped by "
        "participant / interleaved;\nfull = full recompute from that matrix (build and full: "
        "fastest of 3, the machine is shared);\nupdate = incremental update after 1,000 new "
        "votes, median (slowest) of a chain of 10;\nspeed-up = red-dwarf full / (ours build "
        "of grouped events + full).\npeak MB = peak RSS of the worker process through build, "
        "full, updates and state blob (includes Python, numpy and the loaded votes)."
    )
    print("\nengine state blob (EngineState.to_bytes):")
    for line in blobs:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--no-reddwarf", action="store_true", help="ours only")
    parser.add_argument("--no-ari", action="store_true", help="skip the real-data ARI table")
    args = parser.parse_args()
    use_rd = not args.no_reddwarf and ensure_reddwarf()
    versions(use_rd)
    speed_table(QUICK_SIZES if args.quick else FULL_SIZES, use_rd)
    if not args.no_ari:
        print()
        cmd = [sys.executable, str(HERE / "ari_table.py")]
        if not use_rd:
            cmd.append("--no-reddwarf")
        subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main()
