"""`manage.py audit_ledger`: check the live books (every entry balanced and converted right,
every fund's balance equal to contributions minus expenditure); exit 1 on any problem."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from igf.funding import queries
from igf.funding.ledger import audit, totals


class Command(BaseCommand):
    help = "Audit the funding ledger: double entry, conversions and every fund's balance."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fund", help="the web address (slug) of one fund")

    def handle(self, *args: Any, **options: Any) -> None:
        funds = queries.funds()
        if options.get("fund"):
            funds = funds.filter(slug=options["fund"])
            if not funds.exists():
                raise CommandError(f"No fund {options['fund']!r}.")
        problems: list[str] = []
        for fund in funds:
            entries, postings = queries.audit_lines(fund)
            found = audit(entries, postings)
            figures = totals(entries)
            self.stdout.write(
                f"{fund.slug}: {len(entries)} entries, contributions {figures.contributions} "
                f"- spent {figures.spent} = balance {figures.balance} "
                f"{fund.reporting_currency}: {'OK' if not found else 'PROBLEMS'}"
            )
            problems.extend(f"{fund.slug}: {problem}" for problem in found)
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} problem(s) in the books.")
