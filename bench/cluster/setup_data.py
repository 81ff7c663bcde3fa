"""Run inside `manage.py shell` by bench/cluster/run.py: participant accounts for the load,
and the published meeting and sessions it visits, printed as one JSON line."""

from __future__ import annotations

import json
import os

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from igf.people.models import User
from igf.schedule.models import ScheduleRelease

accounts = int(os.environ["CLUSTER_ACCOUNTS"])
password_hash = make_password(os.environ["CLUSTER_PASSWORD"])
for number in range(accounts):
    email = f"cluster{number}@example.org"
    if not User.objects.filter(email=email).exists():
        user = User.objects.create(email=email, password=password_hash)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
release = ScheduleRelease.objects.filter(meeting__published=True).latest("published")
meeting = release.meeting
sessions = sorted(int(pk) for pk in release.entries)[:40]
print("CLUSTER-DATA " + json.dumps({"meeting": meeting.slug, "sessions": sessions}))
