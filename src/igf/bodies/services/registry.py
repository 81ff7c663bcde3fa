"""The registries that act: requirement checks that mark bodies inactive after a grace period,
and the reminders of overdue milestones, missing annual reports and short turnover.

Run by `manage.py send_body_reminders` through the task queue (`igf.bodies.tasks`).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from igf.bodies import queries
from igf.bodies.enums import BodyStatus, MilestoneStatus
from igf.bodies.models import Body, Membership, Milestone
from igf.core.activity import record_activity
from igf.core.notify import notify
from igf.people.models import Person

# How early before the due day the leads are reminded of a missing annual report.
REPORT_NOTICE = timedelta(days=30)
# An overdue milestone is reminded at most this often.
MILESTONE_REMINDER_INTERVAL = timedelta(days=7)


def leads_of(body: Body) -> list[Person]:
    """The people who lead the body today (chairs, co-facilitators...), each once."""
    people: dict[int, Person] = {}
    for membership in (
        Membership.objects.current()
        .filter(body=body, role__in=body.type.lead_roles)
        .select_related("person__user")
    ):
        people.setdefault(membership.person_id, membership.person)
    return list(people.values())


def secretariat_people() -> list[Person]:
    return list(
        Person.objects.filter(
            user__groups__name=settings.IGF_SECRETARIAT_GROUP, user__is_active=True
        ).select_related("user")
    )


@transaction.atomic
def check_requirements(*, today: date | None = None) -> int:
    """Check every active or inactive body's requirements from its facts and keep the result.

    A body that has not met a requirement for longer than its type's grace period is marked
    inactive (its page says which and since when); one that meets them all again becomes
    active. Side effects: `unmet_requirements`, `unmet_since`, `status` and `inactive_since`;
    one public activity entry per change of status. Returns how many bodies changed status.
    """
    today = today or timezone.localdate()
    changed = 0
    bodies = (
        Body.objects.exclude(status=BodyStatus.CLOSED)
        .filter(Q(type__is_intersessional=True) | Q(type__is_initiative=True))
        .select_related("type")
        .prefetch_related("annual_reports", "targets")
    )
    for body in bodies:
        checks = queries.requirements(body)
        unmet = [c.code for c in checks if not c.met]
        fields: list[str] = []
        if unmet != body.unmet_requirements:
            body.unmet_requirements = unmet
            fields.append("unmet_requirements")
        since = body.unmet_since if unmet else None
        if unmet and since is None:
            since = today
        if since != body.unmet_since:
            body.unmet_since = since
            fields.append("unmet_since")
        grace = timedelta(days=body.type.requirements_grace_days)
        if (
            unmet
            and since is not None
            and today - since >= grace
            and body.status == BodyStatus.ACTIVE
        ):
            body.status = BodyStatus.INACTIVE
            body.inactive_since = today
            fields += ["status", "inactive_since"]
            record_activity(by=None, verb="body.inactive", target=body, public=True)
            changed += 1
        elif not unmet and body.status == BodyStatus.INACTIVE and body.inactive_since:
            body.status = BodyStatus.ACTIVE
            body.inactive_since = None
            fields += ["status", "inactive_since"]
            record_activity(by=None, verb="body.active_again", target=body, public=True)
            changed += 1
        if fields:
            body.save(update_fields=fields)
    return changed


@transaction.atomic
def send_milestone_reminders(*, today: date | None = None) -> int:
    """E-mail the owner and the body's leads about each overdue milestone, at most weekly.

    Side effects: e-mails after commit; `reminded_on` set. Returns the e-mails queued.
    """
    today = today or timezone.localdate()
    sent = 0
    overdue = Milestone.objects.filter(
        due__lt=today,
        status__in=[MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS],
        body__status=BodyStatus.ACTIVE,
    ).select_related("body__type", "owner__user")
    for milestone in overdue:
        if milestone.reminded_on and today - milestone.reminded_on < MILESTONE_REMINDER_INTERVAL:
            continue
        people = {p.pk: p for p in leads_of(milestone.body)}
        if milestone.owner is not None:
            people[milestone.owner.pk] = milestone.owner
        for person in people.values():
            sent += notify(
                person,
                "bodies/email/milestone_overdue",
                {
                    "milestone": milestone,
                    "body": milestone.body,
                    "days": (today - milestone.due).days,
                },
            )
        milestone.reminded_on = today
        milestone.save(update_fields=["reminded_on"])
    return sent


def _report_due(body: Body, year: int) -> date:
    month, day = (int(part) for part in (body.type.annual_report_due or "03-31").split("-"))
    return date(year, month, day)


@transaction.atomic
def send_report_reminders(*, today: date | None = None) -> int:
    """Remind a body's leads of last year's missing annual report: once in the month before
    the due day, and once when it is overdue.

    Side effects: e-mails after commit; the reminder's key kept in `reminders_sent`.
    """
    today = today or timezone.localdate()
    year = queries.latest_report_year(today)
    sent = 0
    for body in queries.bodies_needing_reports(year):
        if body.status == BodyStatus.CLOSED or (body.established and body.established.year > year):
            continue
        due = _report_due(body, today.year)
        if today >= due:
            key, template = f"report-{year}-after", "bodies/email/report_overdue"
        elif today >= due - REPORT_NOTICE:
            key, template = f"report-{year}-before", "bodies/email/report_due"
        else:
            continue
        if key in body.reminders_sent:
            continue
        for person in leads_of(body):
            sent += notify(person, template, {"body": body, "year": year, "due": due})
        body.reminders_sent = [*body.reminders_sent, key]
        body.save(update_fields=["reminders_sent"])
    return sent


@transaction.atomic
def warn_short_turnover(*, today: date | None = None) -> int:
    """Warn the secretariat, once a year, of each body whose renewed seats this year fall short
    of its turnover target (from the first day of its renewals, usually 1 January).

    Side effects: e-mails after commit; the key kept in `reminders_sent`.
    """
    today = today or timezone.localdate()
    staff = secretariat_people()
    sent = 0
    for body in Body.objects.filter(
        turnover_target__isnull=False, status=BodyStatus.ACTIVE
    ).select_related("type"):
        key = f"turnover-{today.year}"
        if key in body.reminders_sent:
            continue
        figure = queries.turnover(body, today.year)
        if figure.target is None or not figure.seats or figure.share >= figure.target:
            continue
        for person in staff:
            sent += notify(
                person,
                "bodies/email/turnover_short",
                {
                    "body": body,
                    "year": today.year,
                    "renewed": figure.renewed,
                    "seats": figure.seats,
                    "share": round(figure.share * 100),
                    "target": round(figure.target * 100),
                    "needed": max(0, round(figure.target * figure.seats) - figure.renewed),
                },
            )
        body.reminders_sent = [*body.reminders_sent, key]
        body.save(update_fields=["reminders_sent"])
    return sent
