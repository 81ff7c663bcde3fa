"""The always-available static copy of a meeting's published schedule: one plain HTML page
(every day, every session with its join link when links are public), the iCalendar file, the
exchange-format JSON and XML, and CSV. Rewritten after every release, so a reverse proxy or a
mirror can serve it when the application cannot (docs/schedule.md shows the proxy setup).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from igf.core.links import site_url
from igf.programme.models import AnnualMeeting
from igf.schedule import exports, queries
from igf.schedule.models import ScheduleRelease

STYLESHEET = """body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}
h2{border-block-end:2px solid #333;margin-block-start:2rem}
article{border-block-end:1px solid #ccc;padding-block:.5rem}
.time{font-weight:700}.meta{color:#444;font-size:.9rem}a{color:#0645ad}
"""


def snapshot_dir(meeting: AnnualMeeting) -> Path:
    base = str(settings.IGF_SNAPSHOT_DIR)
    root = Path(base) if base else Path(settings.VAR_DIR) / "snapshots"
    return root / meeting.slug


def _write(folder: Path, name: str, content: bytes) -> None:
    """Replace one file at once, so a mirror never serves half of it."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_snapshot(meeting: AnnualMeeting) -> Path | None:
    """Write the snapshot of the latest release; None when nothing is published yet.

    In every language of the forum, one folder each (`ar/`, `zh-hans/`...), with the default
    language's copy also at the top, where the snapshot has always been.
    """
    release = queries.latest_release(meeting)
    if release is None or not meeting.published:
        return None
    folder = snapshot_dir(meeting)
    for language, _name in settings.LANGUAGES:
        files = _snapshot_files(meeting, release, language)
        targets = [folder / language]
        if language == settings.LANGUAGE_CODE:
            targets.append(folder)
        for target in targets:
            target.mkdir(parents=True, exist_ok=True)
            for name, content in files.items():
                _write(target, name, content)
    return folder


def _snapshot_files(
    meeting: AnnualMeeting, release: ScheduleRelease, language: str
) -> dict[str, bytes]:
    base_url = site_url()
    links = meeting.join_links_public
    with translation.override(language), timezone.override(meeting.zone):
        entries = queries.schedule_entries(meeting)
        page = render_to_string(
            "schedule/snapshot/index.html",
            {
                "meeting": meeting,
                "release": release,
                "days": queries.sessions_by_day(entries, meeting.timezone),
                "with_join_links": links,
                "base_url": base_url,
                "written": timezone.now(),
            },
        )
        return {
            "index.html": page.encode(),
            "snapshot.css": STYLESHEET.encode(),
            "schedule.ics": exports.calendar(
                meeting,
                entries,
                name=meeting.name,
                base_url=base_url,
                release=release,
                with_join_links=links,
            ),
            "schedule.json": exports.schedule_json(
                meeting, entries, base_url=base_url, release=release, with_join_links=links
            ),
            "schedule.xml": exports.schedule_xml(
                meeting, entries, base_url=base_url, release=release, with_join_links=links
            ),
            "schedule.csv": exports.schedule_csv(
                meeting, entries, base_url=base_url, with_join_links=links
            ),
        }
