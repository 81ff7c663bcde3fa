"""The outcomes of the demo forum: IGF 2025's session reports (one late, every third one
missing), a recording, a link and a transcript. Built on the schedule's demo release.

The programme's demo counts on every third session of IGF 2025 (by creation) having no
report: the organiser of the first of them is flagged in this year's Day 0 call.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.db import transaction

from igf.core.demo import DemoAccount, DemoContext
from igf.meetings import transcripts
from igf.outcomes.models import SessionCue, SessionReport, SessionTranscript
from igf.programme.demo import demo_years
from igf.programme.models import AnnualMeeting, SessionLink
from igf.schedule.queries import latest_release

TRANSCRIPT = """WEBVTT

00:00:02.000 --> 00:00:09.000
<v Moderator>Welcome to this session on community networks. We have speakers in the room and online.

00:00:09.500 --> 00:00:21.000
<v Moderator>Each speaker has five minutes, then the floor is open, starting with online participants.

00:00:22.000 --> 00:00:40.000
<v Speaker>In our region, a community network costs a tenth of commercial service. The obstacle is spectrum licensing, not money.

00:00:41.000 --> 00:01:02.000
<v Speaker>We ask regulators for a licence-exempt band and a simple registration for community operators.
"""


def build_past(meeting: AnnualMeeting, *, rng: random.Random) -> None:
    release = latest_release(meeting)
    if release is None:
        return
    ends = {int(k): datetime.fromisoformat(v["end"]) for k, v in release.entries.items()}
    sessions = list(meeting.sessions.filter(pk__in=ends).order_by("pk"))
    for index, session in enumerate(sessions):
        end = ends[session.pk]
        if index % 3 == 2:
            continue  # no report at all
        late = index == 1
        SessionReport.objects.create(
            session=session,
            key_takeaways="- Community networks need licence-exempt spectrum.\\n"
            "- Regulators and operators should meet regularly.",
            calls_to_action="- Regulators: publish a simple registration for community operators.",
            short_submitted=end + timedelta(hours=30 if late else 6),
            summary="Speakers from four regions compared licensing regimes; online participants "
            "asked about financing. Views differed on the role of universal service funds.",
            onsite_participants=rng.randint(30, 120),
            online_participants=rng.randint(20, 200),
            participation={
                "onsite": {"gender": {"woman": 40, "man": 35, "non_binary": 2}},
                "online": {"gender": {"woman": 60, "man": 50}},
            },
            links="https://example.org/reports/2025/community-networks",
            full_submitted=end + timedelta(days=20 if late else 10),
        )
    if sessions:
        first = sessions[0]
        first.recording_url = "https://video.example.org/igf-2025/community-networks"
        first.save(update_fields=["recording_url"])
        SessionLink.objects.create(
            session=first, title="Slides of the speakers", url="https://example.org/slides.pdf"
        )
        transcript = SessionTranscript.objects.create(
            session=first, language="en", source_format="webvtt"
        )
        cues = transcripts.rows(transcripts.parse_webvtt(TRANSCRIPT))
        SessionCue.objects.bulk_create(SessionCue(transcript=transcript, **row) for row in cues)


def seed(context: DemoContext) -> list[DemoAccount]:
    """Reports of IGF 2025's sessions; once only."""
    last_year, _this_year = demo_years()
    if SessionReport.objects.filter(session__meeting__year=last_year).exists():
        return []
    meeting = AnnualMeeting.objects.filter(year=last_year).first()
    if meeting is None:
        return []
    with transaction.atomic():
        build_past(meeting, rng=random.Random(context.seed + 70))
    return []
