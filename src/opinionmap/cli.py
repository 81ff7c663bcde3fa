"""``python -m opinionmap analyze DIR --out report.json``: map any Pol.is export."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from opinionmap.engine import analyze, replay
from opinionmap.polis_io import read_export
from opinionmap.stability import stability
from opinionmap.state import Params


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m opinionmap", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "analyze",
        help="analyse a Pol.is export folder",
        description="DIR holds participants-votes.csv, or votes.csv with comments.csv.",
    )
    run.add_argument("directory", type=Path, metavar="DIR")
    run.add_argument("--out", type=Path, default=None, help="JSON report (default: stdout)")
    run.add_argument("--k", type=int, default=None, help="force the number of groups (2-5)")
    run.add_argument("--seed", type=int, default=0, help="seed of the cold-start restarts")
    run.add_argument(
        "--min-votes", type=int, default=7, help="votes needed to be clustered (Pol.is: 7)"
    )
    run.add_argument(
        "--replay",
        type=float,
        default=None,
        metavar="SECONDS",
        help="re-run the vote history in windows of SECONDS, one warm-started update per "
        "window, as Pol.is's math worker did (needs votes.csv)",
    )
    run.add_argument(
        "--resamples",
        type=int,
        default=50,
        help="bootstrap draws for the map's stability figure (0: leave it out)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    args = build_parser().parse_args(argv)
    try:
        export = read_export(args.directory)
    except (FileNotFoundError, KeyError, ValueError) as error:
        print(f"opinionmap: cannot read {args.directory}: {error}", file=sys.stderr)
        return 2
    params = Params(force_k=args.k, seed=args.seed, min_votes=args.min_votes)
    if args.replay is not None:
        if export.source != "votes.csv" or args.replay <= 0:
            print(
                "opinionmap: --replay needs votes.csv (with times) and a positive window",
                file=sys.stderr,
            )
            return 2
        # Pol.is exports time votes in milliseconds.
        analysis = replay(
            export.events,
            window=args.replay * 1000.0,
            moderation=export.moderation,
            params=params,
        )
    else:
        analysis = analyze(export.events, moderation=export.moderation, params=params)
    report = analysis.result.to_dict()
    if args.resamples > 0:
        sure = stability(analysis.result, params, resamples=args.resamples, seed=args.seed)
        report["stability"] = sure.to_dict()
    report["source"] = {"directory": str(args.directory), "file": export.source}
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.out is None:
        print(text)
    else:
        args.out.write_text(text + "\n", encoding="utf-8")
        result = analysis.result
        sizes = ", ".join(str(g.size) for g in result.groups)
        groups = f"{result.k} groups ({sizes})"
        if "stability" in report:
            shown = report["stability"]
            groups += (
                f", stability {shown['mean_ari']:.2f}"
                f" ({'stable' if shown['stable'] else 'no stable groups'})"
            )
        print(
            f"{result.n_participants} participants, {result.n_statements} statements, "
            f"{result.n_votes} votes; {groups}; report in {args.out}"
        )
    return 0
