"""Compile every translation catalogue (.po -> .mo) with Babel, so installing needs no gettext."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the .po catalogues of the project and its apps into .mo files."

    def handle(self, *args: Any, **options: Any) -> None:
        catalogues = sorted(Path(settings.PACKAGE_DIR).glob("**/locale/*/LC_MESSAGES/django.po"))
        if not catalogues:
            raise CommandError("No catalogues found under src/igf.")
        for po_path in catalogues:
            try:
                with po_path.open("rb") as po_file:
                    catalogue = read_po(po_file, abort_invalid=True)
            except PoFileError as error:
                raise CommandError(f"{po_path}: {error}") from error
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            with mo_path.open("wb") as mo_file:
                write_mo(mo_file, catalogue, use_fuzzy=False)
        self.stdout.write(f"{len(catalogues)} catalogues compiled")
