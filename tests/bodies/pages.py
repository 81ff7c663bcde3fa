"""The bodies app's pages, for the checks that run on every page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from django.utils import timezone

from igf.bodies.enums import CallStatus, InitiativeKind
from igf.bodies.models import Body, BodyProposal
from igf.people.models import User
from tests.bodies.factories import BodyFactory, CallFactory, body_type, member, person_in
from tests.pages import Page


def _mag(user: User) -> Body:
    body = Body.objects.filter(slug="page-mag").first()
    if body is None:
        body = BodyFactory.create(type=body_type("mag"), slug="page-mag", name="Advisory Group")
        for group in ("government", "civil_society", "private_sector", "technical_community"):
            member(body, person_in(group), group=group)
        member(body, user.person, role="chair")
        body.terms_of_reference.create(
            version=1, text="# Mandate\nAdvise.", adopted_on=date(2025, 1, 1), adopted_by="Meeting"
        )
        body.terms_of_reference.create(
            version=2,
            text="# Mandate\nAdvise well.",
            adopted_on=date(2026, 1, 1),
            adopted_by="Meeting",
        )
        body.milestones.create(title="Programme", due=date(2026, 6, 1))
        body.annual_reports.create(year=2025, text="A good year.")
    return body


def _call(user: User) -> str:
    body = _mag(user)
    now = timezone.now()
    call = CallFactory.create(
        body=body,
        status=CallStatus.OPEN,
        opens=now - timedelta(days=1),
        closes=now + timedelta(days=3),
    )
    return call.get_absolute_url()


def _initiatives(user: User) -> str:
    if not Body.objects.filter(slug="page-nri").exists():
        BodyFactory.create(
            type=body_type("nri"), slug="page-nri", name="IGF Kenya", country_id="KE",
            initiative_kind=InitiativeKind.NATIONAL, contact_email="info@igf.example.org",
        )  # fmt: skip
    return "/bodies/initiatives/"


def _proposal(user: User) -> str:
    proposal = BodyProposal.objects.create(
        type=body_type("dc"), name="Dynamic Coalition on Pages", summary="Summary.",
        description="**Purpose**.", contact_email="dc@example.org", evidence="Evidence.",
        stakeholder_groups=["civil_society"], proposer=user.person,
    )  # fmt: skip
    return proposal.get_absolute_url()


def _url(name: str) -> Callable[[User], str]:
    return lambda u: f"{_mag(u).get_absolute_url()}{name}"


PAGES = [
    Page("bodies", lambda u: "/bodies/"),
    Page("bodies of a type", lambda u: (_mag(u), "/bodies/types/mag/")[1]),
    Page("body", lambda u: _mag(u).get_absolute_url()),
    Page("membership history", _url("members/history/")),
    Page("terms of reference", _url("terms/2/")),
    Page("terms compared", _url("terms/compare/?from=1&to=2")),
    Page("call for members", _call),
    Page("annual reports", _url("reports/")),
    Page("workplan", _url("workplan/")),
    Page("mailing list", _url("list/"), signed_in=True),
    Page("appoint", _url("members/appoint/"), signed_in=True),
    Page("rotation", _url("rotation/"), signed_in=True),
    Page("adopt terms", _url("terms/adopt/"), signed_in=True),
    Page("create a call", _url("calls/new/"), signed_in=True),
    Page("chair", _url("chair/")),
    Page("chair (staff)", _url("chair/"), signed_in=True),
    Page("initiatives by region", _initiatives),
    Page("initiatives registry", lambda u: (_initiatives(u), "/bodies/?type=nri")[1]),
    Page("propose a body", lambda u: "/bodies/proposals/new/", signed_in=True),
    Page("proposals", lambda u: "/bodies/proposals/", signed_in=True),
    Page("proposal", _proposal, signed_in=True),
]
