"""The code of conduct's pages, for the checks on every page (weight, languages, escaping, axe).
The viewer (the secretariat) is made a conduct officer for the officers' pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group

from igf.conduct.models import Code, Report
from igf.conduct.services import accept_code, report_concern
from igf.people.models import User
from tests.conduct.factories import publish
from tests.factories import UserFactory
from tests.pages import Page


def _code(user: User) -> Code:
    """The published code, accepted by the viewer: the pages of later apps, fetched in the same
    test, then let them contribute."""
    code = Code.objects.first() or publish()
    accept_code(by=user, code=code)
    return code


def _report(user: User) -> Report:
    _code(user)
    found = Report.objects.first()
    if found is not None:
        return found
    other = UserFactory.create(display_name="Rex Reported")
    return report_concern(by=user, subject=other.person, description="Threats in messages.")


def _officer(user: User) -> User:
    user.groups.add(Group.objects.get_or_create(name=settings.IGF_CONDUCT_OFFICERS_GROUP)[0])
    return user


PAGES = [
    Page("code of conduct", lambda u: _code(u).get_absolute_url().replace("versions/1/", "")),
    Page("code of conduct version", lambda u: _code(u).get_absolute_url()),
    Page("accept the code", lambda u: f"/conduct/accept/?v={_code(u).version}", signed_in=True),
    Page(
        "report a concern",
        lambda u: f"/conduct/report/people.person/{_report(u).reported_person_id}/",
        signed_in=True,
    ),
    Page("report conduct in a meeting", lambda u: "/conduct/report/meeting/", signed_in=True),
    Page("reports of concerns", lambda u: f"/conduct/reports/?o={_officer(u).pk}", signed_in=True),
    Page(
        "report of a concern",
        lambda u: f"{_report(_officer(u)).get_absolute_url()}",
        signed_in=True,
    ),
]
