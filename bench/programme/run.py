# ruff: noqa: E402 - a benchmark prints, draws test data, and sets Django up first
"""Benchmark of the call's review at the IGF's real scale: 1,200 proposals, 50 reviewers,
6,000 reviews. Prints figures; run it on its own (it builds its own SQLite database):

    .venv/bin/python bench/programme/run.py [--proposals 1200] [--reviewers 50]

Figures: time to assign (target < 5 s), time to rank with normalisation (target < 1 s), and
the SQL queries of the reviewer's list and the staff ranking page at two sizes (constant).
Meant for bench/programme/ (see the closing note of issue 5); kept here because this change
may only touch the programme's own files. Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
DATABASE = Path(tempfile.gettempdir()) / f"igf-bench-programme-{os.getpid()}.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DATABASE}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igf.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("IGF_TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")

import django

django.setup()

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from igf.core.models import Country
from igf.people.models import Person, User
from igf.programme import queries, ranking, services
from igf.programme.enums import Confirmation, ProposalStatus
from igf.programme.models import (
    AnnualMeeting,
    Assignment,
    Call,
    CallSessionType,
    Proposal,
    ProposalPerson,
    Review,
    ReviewCriterion,
    Reviewer,
    Score,
    SessionType,
)

GROUPS = (
    "government",
    "private_sector",
    "civil_society",
    "technical_community",
    "intergovernmental",
)
REGIONS = ("african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog")


def users(n: int, prefix: str) -> list[User]:
    User.objects.bulk_create(
        [User(email=f"{prefix}{i}@bench.example", password="!") for i in range(n)],
        batch_size=500,
    )
    created = list(User.objects.filter(email__startswith=prefix).order_by("pk"))
    Person.objects.bulk_create([Person(user=u, display_name=u.email) for u in created])
    return created


def build(n_proposals: int, n_reviewers: int, rng: random.Random) -> Call:
    now = timezone.now()
    meeting = AnnualMeeting.objects.create(
        name=f"Bench {n_proposals}",
        slug=f"bench-{n_proposals}",
        year=3000 + n_proposals,
        starts=now.date(),
        ends=now.date(),
    )
    workshop = SessionType.objects.create(meeting=meeting, kind="workshop")
    call = Call.objects.create(
        meeting=meeting,
        title=f"Bench call {n_proposals}",
        opens=now - timedelta(days=60),
        closes=now - timedelta(days=1),
        reviewers_per_proposal=5,
    )
    CallSessionType.objects.create(call=call, session_type=workshop)
    for name in ("Relevance", "Quality", "Diversity", "Interaction"):
        ReviewCriterion.objects.create(call=call, name=name)
    proposers = users(n_proposals, f"p{n_proposals}-")
    Proposal.objects.bulk_create(
        [
            Proposal(
                call=call,
                number=i + 1,
                session_type=workshop,
                proposer=u.person,
                title=f"Proposal {i + 1}",
                status=ProposalStatus.SUBMITTED,
            )
            for i, u in enumerate(proposers)
        ],
        batch_size=500,
    )
    countries = list(Country.objects.all())
    rows = []
    for proposal in call.proposals.all():
        for order, role in enumerate(
            ["organiser", "organiser", *["speaker"] * 4, "onsite_moderator"]
        ):
            rows.append(
                ProposalPerson(
                    proposal=proposal,
                    role=role,
                    person_id=proposal.proposer_id if order == 0 else None,
                    name=f"Person {order}",
                    email=f"x{proposal.pk}-{order}@bench.example" if order else "",
                    organization_name=f"Organisation {rng.randrange(300)}",
                    stakeholder_group=rng.choice(GROUPS),
                    country=rng.choice(countries),
                    gender=rng.choice(["woman", "man"]),
                    confirmation=Confirmation.CONFIRMED,
                )
            )
    ProposalPerson.objects.bulk_create(rows, batch_size=1000)
    reviewers = users(n_reviewers, f"r{n_proposals}-")
    Reviewer.objects.bulk_create(
        [
            Reviewer(
                call=call,
                person=u.person,
                stakeholder_group=GROUPS[i % 5],
                region=REGIONS[(i // 5) % 5],
            )
            for i, u in enumerate(reviewers)
        ]
    )
    return call


def review_everything(call: Call, rng: random.Random) -> int:
    criteria = list(call.criteria.all())
    assignments = list(Assignment.objects.filter(proposal__call=call))
    now = timezone.now()
    Review.objects.bulk_create(
        [Review(assignment=a, comment="Fine.", submitted=now) for a in assignments],
        batch_size=1000,
    )
    bias = {r: rng.uniform(-1, 1) for r in call.reviewers.values_list("pk", flat=True)}
    scores = []
    for review in Review.objects.filter(assignment__proposal__call=call).select_related(
        "assignment"
    ):
        for criterion in criteria:
            value = round(3 + bias[review.assignment.reviewer_id] + rng.uniform(-1.5, 1.5))
            scores.append(Score(review=review, criterion=criterion, value=max(1, min(5, value))))
    Score.objects.bulk_create(scores, batch_size=2000)
    return len(assignments)


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--proposals", type=int, default=1200)
    parser.add_argument("--reviewers", type=int, default=50)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"database {connection.vendor}"
    )
    call_command("migrate", verbosity=0)
    rng = random.Random(5)
    staff = User.objects.create(email="staff@bench.example", is_staff=True)
    Person.objects.get_or_create(user=staff)
    staff.groups.add(Group.objects.get_or_create(name=settings.IGF_SECRETARIAT_GROUP)[0])
    TOTP.activate(staff, generate_totp_secret())
    figures = []
    for n in (max(50, args.proposals // 4), args.proposals):
        call = build(n, args.reviewers, rng)
        start = time.perf_counter()
        plan = services.assign_reviewers(by=staff, call=call)
        assign_seconds = time.perf_counter() - start
        reviews = review_everything(call, rng)
        start = time.perf_counter()
        ranked = ranking.rank_proposals(queries.review_scores(call))
        rank_seconds = time.perf_counter() - start
        start = time.perf_counter()
        rows = queries.ranked_proposals(call)
        full_seconds = time.perf_counter() - start
        reviewer = call.reviewers.select_related("person__user").first()
        assert reviewer is not None
        client = Client()
        client.force_login(
            reviewer.person.user, backend="allauth.account.auth_backends.AuthenticationBackend"
        )
        # The reviewer's list is only open while the call is under review (it is).
        list_queries = count_queries(client, "/programme/reviews/")
        staff_client = Client()
        staff_client.force_login(
            staff, backend="allauth.account.auth_backends.AuthenticationBackend"
        )
        start = time.perf_counter()
        ranking_queries = count_queries(staff_client, f"/programme/calls/{call.pk}/ranking/")
        page_seconds = time.perf_counter() - start
        loads = list(plan.loads.values())
        figures.append(
            (n, len(plan.assignments), assign_seconds, min(loads), max(loads), reviews,
             rank_seconds, full_seconds, len(ranked), len(rows), list_queries, ranking_queries,
             page_seconds)
        )  # fmt: skip
    print()
    print(
        "proposals  assignments  assign s  loads     reviews  rank s  ranking+criteria s  "
        "reviewer list SQL  ranking page SQL  ranking page s"
    )
    for f in figures:
        print(
            f"{f[0]:>9}  {f[1]:>11}  {f[2]:>8.2f}  {f[3]}-{f[4]:<6}  {f[5]:>7}  {f[6]:>6.3f}  "
            f"{f[7]:>18.2f}  {f[10]:>17}  {f[11]:>16}  {f[12]:>14.2f}"
        )
    DATABASE.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
