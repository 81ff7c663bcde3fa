"""Build the benchmark's schedule in pretalx, through its ORM, in pretalx's own virtual
environment (run by `pretalx_side.py`):

    python pretalx_seed.py schedule.json answer.json

`schedule.json` is the platform's published schedule as plain data (`igf_site.exchange`):
the same sessions, titles, descriptions, durations, rooms, times, tracks and speakers. The
sessions become confirmed submissions placed in the work-in-progress schedule, released as
version 1 the way the organisers' "Release" button does (`Schedule.freeze`).
`answer.json` receives the event's slug and the code of the talk whose page is measured.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import django

SLUG = "igfbench2026"


def main() -> None:
    source, answer = Path(sys.argv[1]), Path(sys.argv[2])
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    django.setup()
    from django.core.management import call_command  # noqa: PLC0415 - after setup

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    codes = _build(data)
    first = data["sessions"][0]["number"]
    answer.write_text(json.dumps({"slug": SLUG, "talk": codes[first]}), encoding="utf-8")


def _build(data: dict[str, Any]) -> dict[int, str]:
    from django_scopes import scope, scopes_disabled  # type: ignore[import-not-found]  # noqa: PLC0415
    from pretalx.event.models import Event  # type: ignore[import-not-found]  # noqa: PLC0415
    from pretalx.event.utils import create_organiser_with_team  # type: ignore[import-not-found]  # noqa: PLC0415
    from pretalx.person.models import SpeakerProfile, User  # type: ignore[import-not-found]  # noqa: PLC0415
    from pretalx.schedule.models import Room, TalkSlot  # type: ignore[import-not-found]  # noqa: PLC0415
    from pretalx.submission.models import (  # type: ignore[import-not-found]  # noqa: PLC0415
        Submission,
        SubmissionStates,
        SubmissionType,
        Track,
    )

    first_day = date.fromisoformat(data["first_day"])
    with scopes_disabled():
        admin = User.objects.create_superuser(
            email="admin@bench.example", name="Bench Admin", password="bench-admin-2026"
        )
        organiser, _team = create_organiser_with_team(
            name="IGF Secretariat", slug="igfsecretariat", users=[admin]
        )
        event = Event.objects.create(
            name="IGF 2026 (benchmark)",
            slug=SLUG,
            organiser=organiser,
            is_public=True,
            date_from=first_day,
            date_to=first_day + timedelta(days=int(data["days"]) - 1),
            timezone=data["timezone"],
            email="secretariat@bench.example",
            locale_array="en",
            locale="en",
        )
    codes: dict[int, str] = {}
    with scope(event=event):
        event.build_initial_data()
        rooms = [
            Room.objects.create(event=event, name=r["name"], capacity=r["capacity"], position=n)
            for n, r in enumerate(data["rooms"])
        ]
        tracks: dict[str, Any] = {}
        types: dict[str, Any] = {}
        speakers: dict[str, Any] = {}
        for item in data["sessions"]:
            if item["track"] and item["track"] not in tracks:
                tracks[item["track"]] = Track.objects.create(
                    event=event, name=item["track"], color="#00558c"
                )
            if item["kind"] not in types:
                types[item["kind"]] = SubmissionType.objects.create(
                    event=event, name=item["kind"], default_duration=item["duration"]
                )
            for person in item["speakers"]:
                if person["key"] not in speakers:
                    user = User.objects.create_user(
                        email=f"{person['key']}@bench.example", name=person["name"]
                    )
                    SpeakerProfile.objects.create(
                        user=user, event=event, biography=f"{person['name']} speaks at the IGF."
                    )
                    speakers[person["key"]] = user
        for item in data["sessions"]:
            submission = Submission.objects.create(
                event=event,
                title=item["title"],
                submission_type=types[item["kind"]],
                track=tracks.get(item["track"] or ""),
                abstract=item["description"][:200],
                description=item["description"],
                content_locale="en",
                state=SubmissionStates.SUBMITTED,
                duration=item["duration"],
            )
            submission.speakers.add(*(speakers[p["key"]] for p in item["speakers"]))
            submission.confirm(force=True)
            slot = TalkSlot.objects.get(submission=submission, schedule=event.wip_schedule)
            slot.room = rooms[item["room"]]
            slot.start = datetime.fromisoformat(item["start"])
            slot.end = datetime.fromisoformat(item["end"])
            slot.save()
            codes[item["number"]] = submission.code
        event.wip_schedule.freeze("1", user=admin, notify_speakers=False)
    return codes


if __name__ == "__main__":
    main()
