"""Write the static snapshot of a meeting's published schedule again (it is written after
every release on its own; use this after moving the snapshot folder or restoring a backup)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from igf.programme.models import AnnualMeeting
from igf.schedule.snapshot import write_snapshot


class Command(BaseCommand):
    help = "Write the static snapshot (HTML, iCalendar, JSON, XML, CSV) of published schedules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slugs", nargs="*", help="Meetings (all published ones if none).")

    def handle(self, *args: Any, **options: Any) -> None:
        meetings = AnnualMeeting.objects.filter(published=True)
        if options["slugs"]:
            meetings = meetings.filter(slug__in=options["slugs"])
            if meetings.count() != len(set(options["slugs"])):
                raise CommandError("No published meeting with one of these addresses.")
        for meeting in meetings:
            folder = write_snapshot(meeting)
            if folder is None:
                self.stdout.write(f"{meeting.slug}: no published schedule")
            else:
                self.stdout.write(f"{meeting.slug}: {folder}")
