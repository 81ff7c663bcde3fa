"""Dates, times, numbers, percentages and country names in each language's own form, one way
everywhere (igf.core.formats and {% load forum_format %}), as a reader of each page sees them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.template import Context, Template
from django.utils import translation

from igf.bodies.enums import Role
from igf.core import formats
from igf.core.countries import country_name
from igf.core.models import Country
from igf.meetings.enums import AttendanceStatus
from igf.meetings.models import Attendance, Meeting
from igf.people.models import Person, User
from tests.conftest import client_for
from tests.factories import OrganizationFactory, UserFactory
from tests.meetings.factories import BodyFactory, MeetingFactory, in_hours, member

pytestmark = pytest.mark.django_db

# 13:00 UTC; the anonymous reader sees UTC.
MOMENT = datetime(2027, 1, 12, 13, 0, tzinfo=UTC)


def page(url: str, language: str, user: User | None = None) -> str:
    client = client_for(user)
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def meeting() -> Meeting:
    return MeetingFactory.create(
        title="Cybersecurity monthly call",
        start=MOMENT,
        end=MOMENT + timedelta(hours=1),
        timezone="UTC",
    )


def test_arabic_meeting_page_gives_day_month_year(meeting: Meeting) -> None:
    html = page(meeting.get_absolute_url(), "ar")
    assert "12 يناير 2027، 1:00 م" in html
    assert "يناير 12" not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "12 janvier 2027, 13:00"),
        ("es", "12 de enero de 2027, 13:00"),
        ("ru", "12 января 2027\u202fг., 13:00"),  # noqa: RUF001 - Russian "year"
        ("zh-hans", "2027年1月12日 13:00"),
        ("en", "12 January 2027, 13:00"),
    ],
)
def test_meeting_time_follows_the_locales_24_hour_clock(
    meeting: Meeting, language: str, expected: str
) -> None:
    html = page(meeting.get_absolute_url(), language)
    assert expected in html
    assert "p.m." not in html
    assert " PM" not in html


def test_a_sentence_ending_in_a_time_has_one_full_stop(meeting: Meeting) -> None:
    chair = UserFactory.create(display_name="Chidi Chair")
    Meeting.objects.filter(pk=meeting.pk).update(
        agenda_approved_at=datetime(2027, 1, 1, 9, 47, tzinfo=UTC),
        agenda_approved_by=chair.person,
    )
    html = page(meeting.get_absolute_url(), "en")
    assert "Approved by <bdi>Chidi Chair</bdi> on 1 January 2027, 09:47." in html
    assert ".." not in html.replace("...", "")


def _seven_meetings_two_attended() -> str:
    body = BodyFactory.create(name="Best Practice Forum on Cybersecurity", slug="bpf-cyber")
    user = member(body, Role.MEMBER, UserFactory.create(display_name="Mei Member"))
    Person.objects.filter(user=user).update(stakeholder_group="government")
    for n in range(7):
        held = MeetingFactory.create(body=body, start=in_hours(-48 * (n + 1)))
        status = AttendanceStatus.PRESENT_ONLINE if n < 2 else AttendanceStatus.ABSENT
        Attendance.objects.create(meeting=held, person=user.person, status=status)
    return f"/meetings/bodies/{body.slug}/"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", ">29%<"), ("fr", ">29\xa0%<"), ("zh-hans", ">29%<"), ("ar", ">29%<")],
)
def test_two_of_seven_is_rounded_to_29_percent_in_the_locales_form(
    language: str, expected: str
) -> None:
    html = page(_seven_meetings_two_attended(), language)
    assert expected in html
    assert "28" not in html.split("Attendance")[-1].split("</table>")[0]


@pytest.mark.parametrize(
    ("language", "share", "expected"),
    [
        ("en", 2 / 7, "29%"),
        ("fr", 2 / 7, "29\xa0%"),
        ("ru", 0.125, "13\xa0%"),  # half away from zero, not to even
        ("zh-hans", 1.0, "100%"),
        ("en", 0.0, "0%"),
    ],
)
def test_percent_filter_rounds_in_every_language(
    language: str, share: float, expected: str
) -> None:
    with translation.override(language):
        assert Template("{% load igf %}{{ share|percent }}").render(Context({"share": share})) == (
            expected
        )


def test_time_tag_is_machine_readable_and_formatted_for_its_place() -> None:
    template = Template('{% load forum_format %}{% time_tag moment "date_cell" %}')
    with translation.override("ar"):
        html = template.render(Context({"moment": MOMENT}))
    assert html == '<time datetime="2027-01-12T13:00:00+00:00">12\u200f/01\u200f/2027</time>'


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Tuesday, 12 January 2027"),
        ("ar", "الثلاثاء، 12 يناير 2027"),
        ("zh-hans", "2027年1月12日星期二"),
    ],
)
def test_a_day_in_a_sentence_always_names_its_year(language: str, expected: str) -> None:
    with translation.override(language):
        assert formats.day_sentence(date(2027, 1, 12)) == expected


def test_number_uses_the_locales_separators() -> None:
    with translation.override("fr"):
        assert formats.number(12345.25, 1) == "12\u202f345,3"
    with translation.override("es"):
        assert formats.number(12345.25, 1) == "12.345,3"


@pytest.mark.parametrize("language", ["ar", "zh-hans", "fr", "ru", "es", "en"])
def test_a_country_has_one_name_on_every_page(language: str) -> None:
    code = "BO"  # the UN writes "Bolivia (Plurinational State of)"; CLDR's short name differs
    name = country_name(code, language)
    country = Country.objects.get(iso2=code)
    OrganizationFactory.create(name="Fundación Redes", country=country)
    body = BodyFactory.create(name="Bolivia IGF", slug="bolivia-igf", country=country)
    person = UserFactory.create(display_name="Rosa Quispe").person
    Person.objects.filter(pk=person.pk).update(country=country, country_visibility="public")
    for url in ("/organisations/", body.get_absolute_url(), person.get_absolute_url()):
        assert name in page(url, language), url
