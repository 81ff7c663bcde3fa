"""Build the demo forum deterministically; running it twice changes nothing."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from igf.core.demo import SEED, DemoAccount, DemoContext


class Command(BaseCommand):
    help = "Load the demo forum (people, organisations, and what later apps add)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--seed", type=int, default=SEED)

    def handle(self, *args: Any, **options: Any) -> None:
        context = DemoContext(seed=options["seed"])
        accounts: list[DemoAccount] = []
        for config in apps.get_app_configs():
            if not config.name.startswith("igf."):
                continue
            module_name = f"{config.name}.demo"
            if find_spec(module_name) is None:
                continue
            accounts.extend(import_module(module_name).seed(context))
            self.stdout.write(f"seeded {config.label}")
        for reason in context.skipped:
            self.stderr.write(f"not seeded: {reason}")
        if accounts:
            self.stdout.write("\nDemo accounts (all verified):")
            for account in accounts:
                self.stdout.write(f"  {account.role:<20} {account.email:<28} {account.password}")
            self.stdout.write(
                "Staff accounts set up a second factor (an authenticator app) on first visit "
                "to the admin."
            )
