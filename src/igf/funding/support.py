"""Travel support on the same machinery as the books: applications (saved at every step, so
input is never lost), eligibility from the platform's own data, the award optimiser, awards
paid through the ledger, and public statistics with the fewer-than-5 rule.

Services write (keyword-only, `by=`, one transaction, one activity entry); the queries at the
end read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from moneyed import Money

from igf.bodies.models import Membership
from igf.core.activity import record_activity
from igf.core.enums import Gender, RegionGroup, StakeholderGroup
from igf.core.errors import NotAllowed, Refused
from igf.core.notify import notify
from igf.core.rules import is_secretariat
from igf.funding import services
from igf.funding.awards import Candidate, Selection, Target, balance_of, choose
from igf.funding.eligibility import Eligibility, Facts, check
from igf.funding.enums import ApplicationStatus, Category, EntryKind
from igf.funding.models import Application, Award, Entry, SupportCall
from igf.people.models import Person, User
from igf.programme.enums import ParticipantRole
from igf.programme.models import SessionPerson

SMALL = 5  # statistics of fewer people are not shown
TRIP_REPORT_DAYS = 30


class SupportError(Refused):
    """A step of an application or an award the rules refuse."""


# --- Reading ---------------------------------------------------------------------------------


def contributions_of(user: User) -> tuple[str, ...]:
    """What the platform knows the person did for the forum: roles in sessions (organiser,
    speaker, moderator, rapporteur) and current membership of intersessional work."""
    person = getattr(user, "person", None)
    if person is None:
        return ()
    labels = dict(ParticipantRole.choices)
    roles = sorted(
        {
            str(labels.get(role, role))
            for role in SessionPerson.objects.filter(person=person).values_list("role", flat=True)
        }
    )
    bodies = sorted(
        str(name)
        for name in Membership.objects.current()
        .filter(person=person, body__type__is_intersessional=True)
        .values_list("body__name", flat=True)
    )
    return tuple(roles) + tuple(str(_("member of %(body)s") % {"body": b}) for b in bodies)


def past_awards(user: User, before: SupportCall) -> list[Award]:
    return list(
        Award.objects.filter(application__applicant=user)
        .exclude(application__call=before)
        .order_by("decided")
    )


def facts_for(application: Application) -> Facts:
    awards = past_awards(application.applicant, application.call)
    country = application.country
    return Facts(
        country_name=country.name if country else "",
        ldc=bool(country and country.ldc),
        lldc=bool(country and country.lldc),
        sids=bool(country and country.sids),
        eit=bool(country and country.eit),
        stakeholder_group=application.stakeholder_group,
        allowed_groups=frozenset(application.call.stakeholder_groups),
        contributions=contributions_of(application.applicant),
        funded_before=bool(awards),
        missing_trip_report=any(a.trip_report_filed is None for a in awards),
        partial=application.partial,
        preferences=frozenset(application.preferences),
    )


def eligibility_of(application: Application) -> Eligibility:
    return check(facts_for(application))


def is_open(call: SupportCall, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return call.opens <= today <= call.closes


# --- Writing ---------------------------------------------------------------------------------

FIELDS = (
    "country", "stakeholder_group", "gender", "preferences", "partial", "amount", "motivation",
    "give_back", "recommender_name", "recommender_email",
)  # fmt: skip


@transaction.atomic
def save_application(*, by: User, call: SupportCall, data: dict[str, Any]) -> Application:
    """Save what the applicant has written so far, whatever is still missing.

    Side effects: the draft saved (created at the first save); one activity entry when created.
    """
    if not is_open(call):
        raise SupportError(_("This call is not open for applications."))
    application, created = Application.objects.get_or_create(call=call, applicant=by)
    if application.status != ApplicationStatus.DRAFT:
        raise SupportError(_("A submitted application cannot be changed."))
    for name in FIELDS:
        if name in data:
            setattr(application, name, data[name])
    application.save()
    if created:
        record_activity(by=by, verb="funding.application_started", target=application)
    return application


def missing_for_submission(application: Application) -> list[str]:
    labels = {
        "country": _("country of residence"),
        "stakeholder_group": _("stakeholder group"),
        "amount": _("amount asked"),
        "motivation": _("why you want to take part"),
        "give_back": _("how you will share what you learn"),
        "recommender_name": _("recommended by"),
        "recommender_email": _("e-mail address of the recommender"),
    }
    return [str(label) for name, label in labels.items() if not getattr(application, name)]


@transaction.atomic
def submit_application(*, by: User, application: Application) -> Application:
    """Submit a complete application of an eligible applicant.

    Side effects: status submitted; one activity entry; the recommender is asked to confirm
    by e-mail (not yet: see docs/funding.md).
    """
    if application.applicant_id != by.pk:
        raise NotAllowed(_("Only the applicant submits an application."))
    if not is_open(application.call):
        raise SupportError(_("This call is not open for applications."))
    missing = missing_for_submission(application)
    if missing:
        raise SupportError(_("Still missing: %(fields)s.") % {"fields": ", ".join(missing)})
    if application.amount is not None and application.amount > application.call.max_award:
        raise SupportError(
            _("The most this call awards is %(max)s.") % {"max": application.call.max_award},
            field="amount",
        )
    if not eligibility_of(application).eligible:
        raise SupportError(_("The application does not meet the call's criteria."))
    recommender = (
        Person.objects.filter(
            user__emailaddress__email__iexact=application.recommender_email,
            user__emailaddress__verified=True,
            user__is_active=True,
        )
        .exclude(user=by)
        .first()
    )
    if recommender is None:
        raise SupportError(
            _("The recommender must be a member of the platform with this e-mail address."),
            field="recommender_email",
        )
    application.status = ApplicationStatus.SUBMITTED
    application.submitted = timezone.now()
    application.recommender = recommender
    application.save(update_fields=["status", "submitted", "recommender"])
    notify(
        recommender,
        "funding/email/recommend",
        {"application": application, "path": recommendation_path(application)},
    )
    record_activity(by=by, verb="funding.application_submitted", target=application)
    return application


RECOMMENDATION_SALT = "funding.recommendation"


def recommendation_path(application: Application) -> str:
    token = signing.dumps(application.pk, salt=RECOMMENDATION_SALT)
    return reverse("funding:recommend", kwargs={"token": token})


def application_for_token(token: str) -> Application | None:
    try:
        pk = signing.loads(token, salt=RECOMMENDATION_SALT, max_age=60 * 60 * 24 * 60)
    except signing.BadSignature:
        return None
    return (
        Application.objects.filter(pk=pk)
        .select_related("call", "applicant__person", "recommender")
        .first()
    )


@transaction.atomic
def confirm_recommendation(*, by: User, application: Application) -> Application:
    """The recommender confirms. Side effects: the application counts for awards; one
    activity entry."""
    if application.recommender is None or application.recommender.user_id != by.pk:
        raise NotAllowed(_("Only the person named as recommender confirms."))
    application.recommendation_confirmed = timezone.now()
    application.save(update_fields=["recommendation_confirmed"])
    record_activity(by=by, verb="funding.recommendation_confirmed", target=application)
    return application


SCORE_MAX = Decimal(10)


@transaction.atomic
def record_scores(*, by: User, call: SupportCall, scores: dict[int, Decimal]) -> int:
    """Record the panel's scores (0-10) of submitted applications, read blind.

    Side effects: scores saved; one activity entry. Returns how many were scored.
    """
    if not is_secretariat(by):
        raise NotAllowed(_("Only the panel scores applications."))
    if any(not Decimal(0) <= score <= SCORE_MAX for score in scores.values()):
        raise SupportError(_("Scores go from 0 to 10."))
    applications = Application.objects.filter(
        call=call, status=ApplicationStatus.SUBMITTED, pk__in=scores
    )
    for application in applications:
        application.score = scores[application.pk]
        application.save(update_fields=["score"])
    record_activity(by=by, verb="funding.applications_scored", target=call)
    return len(applications)


def _candidates(call: SupportCall) -> tuple[list[Candidate], dict[int, Application]]:
    applications = {
        a.pk: a
        for a in Application.objects.filter(
            call=call,
            status=ApplicationStatus.SUBMITTED,
            score__isnull=False,
            recommendation_confirmed__isnull=False,
        ).select_related("country", "applicant", "call")
    }
    candidates = []
    for application in applications.values():
        bonus = eligibility_of(application).bonus
        amount = min(application.amount or call.max_award, call.max_award)
        candidates.append(
            Candidate(
                key=application.pk,
                score=float(application.score or 0) + bonus,
                amount=int(amount),
                traits={
                    "region": application.country.statistical_region if application.country else "",
                    "gender": application.gender,
                    "stakeholder_group": application.stakeholder_group,
                },
            )
        )
    return candidates, applications


def _in_order(
    candidates: list[Candidate], applications: dict[int, Application], budget: int
) -> Selection:
    """Requests granted in the order they were submitted while the budget lasts."""
    chosen: list[int] = []
    spent = 0
    for candidate in sorted(candidates, key=lambda c: (applications[c.key].submitted, c.key)):
        if spent + candidate.amount <= budget:
            chosen.append(candidate.key)
            spent += candidate.amount
    picked = set(chosen)
    return Selection(
        chosen=tuple(sorted(picked)),
        total_score=sum(c.score for c in candidates if c.key in picked),
        spent=spent,
        optimal=True,
        feasible=True,
        balance=balance_of(candidates, picked),
    )


def propose_awards(call: SupportCall) -> Selection:
    """The optimiser's choice for the call's scored applications (nothing is saved)."""
    candidates, applications = _candidates(call)
    if call.first_come_first_served:
        return _in_order(candidates, applications, int(call.budget))
    targets = [
        Target(t["dimension"], t["category"], float(t["minimum"])) for t in call.balance_targets
    ]
    return choose(candidates, int(call.budget), targets)


@transaction.atomic
def decide_awards(*, by: User, call: SupportCall, reason: str) -> Selection:
    """Award the optimiser's choice; decline the other scored applications.

    Side effects: one award per chosen application, with the reason and a trip-report deadline;
    statuses changed; applicants told in their language after commit; one activity entry.
    """
    if not is_secretariat(by):
        raise NotAllowed(_("Only the secretariat decides awards."))
    if not reason.strip():
        raise SupportError(_("Give the reason for the decision."), field="reason")
    if Award.objects.filter(application__call=call).exists():
        raise SupportError(_("The awards of this call are already decided."))
    selection = propose_awards(call)
    if not selection.feasible:
        raise SupportError(_("No choice of awards meets the budget and the balance targets."))
    candidates, applications = _candidates(call)
    amounts = {c.key: c.amount for c in candidates}
    due = call.closes + dt.timedelta(days=TRIP_REPORT_DAYS + 60)
    for key, application in applications.items():
        awarded = key in selection.chosen
        application.status = ApplicationStatus.AWARDED if awarded else ApplicationStatus.DECLINED
        application.save(update_fields=["status"])
        if awarded:
            Award.objects.create(
                application=application, amount=Decimal(amounts[key]), reason=reason,
                decided_by=by, trip_report_due=due,
            )  # fmt: skip
        notify(
            application.applicant.person,
            "funding/email/decision",
            {"call": call, "awarded": awarded, "reason": reason},
        )
    record_activity(by=by, verb="funding.awards_decided", target=call)
    return selection


@transaction.atomic
def pay_award(*, by: User, award: Award, on: dt.date) -> Entry:
    """Pay an award from the call's fund: an expenditure entry in the travel category, linked
    to the award, with the recipient's country (published in aggregate only).

    Side effects: the ledger entry (see services.record_entry); the award linked to it.
    """
    if award.payment_id is not None:
        raise SupportError(_("This award is already paid."))
    call = award.application.call
    entry = services.record_entry(
        by=by,
        fund=call.fund,
        kind=EntryKind.EXPENDITURE,
        on=on,
        amount=Money(award.amount, call.fund.reporting_currency),
        rate=Decimal(1),
        rate_date=on,
        category=Category.TRAVEL if call.kind != "nri" else Category.NRI_GRANTS,
        description=str(call),
        paid_for=award,
        recipient_country=award.application.country,
    )
    award.payment = entry
    award.save(update_fields=["payment"])
    return entry


@transaction.atomic
def file_trip_report(*, by: User, award: Award, text: str) -> Award:
    """File the trip report of an award. Side effects: one activity entry."""
    if award.application.applicant_id != by.pk:
        raise NotAllowed(_("Only the person awarded files the trip report."))
    if not text.strip():
        raise SupportError(_("Write the report."), field="text")
    award.trip_report = text
    award.trip_report_filed = timezone.now()
    award.save(update_fields=["trip_report", "trip_report_filed"])
    record_activity(by=by, verb="funding.trip_report_filed", target=award)
    return award


# --- Statistics ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatRow:
    label: str
    count: int | None  # None: fewer than 5, not shown
    key: str = ""


@dataclass(frozen=True)
class AwardStatistics:
    total: int
    by_region: list[StatRow]
    by_group: list[StatRow]
    by_gender: list[StatRow]


def _rows(values: list[str], labels: dict[str, str]) -> list[StatRow]:
    counts = Counter(values)
    return [
        StatRow(labels.get(key, str(_("Not said"))), count if count >= SMALL else None, key)
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def award_statistics(call: SupportCall) -> AwardStatistics:
    """Awards by region, stakeholder group and gender; categories under 5 people hidden."""
    awarded = list(
        Application.objects.filter(call=call, status=ApplicationStatus.AWARDED).select_related(
            "country"
        )
    )
    regions = {str(k): str(v) for k, v in RegionGroup.choices}
    groups = {str(k): str(v) for k, v in StakeholderGroup.choices}
    genders = {str(k): str(v) for k, v in Gender.choices}
    total = len(awarded)
    return AwardStatistics(
        total=total if total >= SMALL else 0,
        by_region=_rows(
            [a.country.statistical_region if a.country else "" for a in awarded], regions
        ),
        by_group=_rows([a.stakeholder_group for a in awarded], groups),
        by_gender=_rows([a.gender for a in awarded], genders),
    )
