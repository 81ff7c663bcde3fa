"""Reporting a concern and what the conduct officers do about it: hidden content disappears,
a suspension refuses contributions until its date, the reporter is told it was handled."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from igf.conduct.enums import Outcome, ReportKind, ReportStatus
from igf.conduct.models import Acceptance, Report
from igf.conduct.services import ConductError, handle_report, report_concern
from igf.consultations import queries as consultation_queries
from igf.opinions import queries as opinion_queries
from igf.people.models import User
from igf.people.services import erase_account
from tests.conduct.factories import accepted, officer, publish, statement_by
from tests.consultations import factories as consultation_factories
from tests.factories import UserFactory, person_of


def _comment(author: User) -> Any:
    editor = consultation_factories.secretariat_user()
    doc = consultation_factories.document(by=editor)
    period = consultation_factories.open_period(by=editor, doc=doc)
    return consultation_factories.published_comment(
        by=consultation_factories.old_account(author), period=period, text="You are all idiots."
    )


@pytest.mark.django_db
def test_a_report_about_a_comment_names_its_author_for_the_officers(
    participant: User, other_participant: User, login: Any
) -> None:
    comment = _comment(other_participant)
    page = login(participant).get(f"/consultations/comments/{comment.pk}/", follow=True)
    link = f"/conduct/report/consultations.comment/{comment.pk}/"
    assert f'href="{link}"' in page.content.decode()
    response = login(participant).post(link, {"description": "An insult, not an argument."})
    assert response["Location"] == comment.get_absolute_url()
    report = Report.objects.get()
    assert report.kind == ReportKind.CONTENT
    assert report.reporter == person_of(participant)
    assert report.reported_person == person_of(other_participant)
    assert report.description == "An insult, not an argument."
    assert report.status == ReportStatus.OPEN


@pytest.mark.django_db
def test_conduct_in_a_meeting_is_reported_with_the_meeting_and_the_time(
    participant: User, login: Any
) -> None:
    response = login(participant).post(
        "/conduct/report/meeting/",
        {
            "meeting": "MAG virtual meeting III",
            "occurred": "2026-03-04T14:30",
            "description": "A speaker was shouted down in the chat.",
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.kind == ReportKind.MEETING
    assert report.meeting == "MAG virtual meeting III"
    assert report.occurred is not None
    assert report.occurred.date() == dt.date(2026, 3, 4)
    assert report.reported_person is None


@pytest.mark.django_db
def test_a_report_from_a_meeting_page_is_about_that_meeting(participant: User, login: Any) -> None:
    from tests.meetings.factories import MeetingFactory  # noqa: PLC0415

    meeting = MeetingFactory.create(title="Open consultation on the programme")
    address = f"/conduct/report/meetings.meeting/{meeting.pk}/"
    form = login(participant).get(address).content.decode()
    assert 'value="Open consultation on the programme"' in form
    login(participant).post(
        address, {"meeting": meeting.title, "description": "Racist remarks at the microphone."}
    )
    report = Report.objects.get()
    assert report.kind == ReportKind.MEETING
    assert report.subject_label == str(meeting)


@pytest.mark.django_db
def test_only_reportable_things_can_be_reported(participant: User, login: Any) -> None:
    assert (
        login(participant).get(f"/conduct/report/people.user/{participant.pk}/").status_code == 404
    )
    assert login(participant).get("/conduct/report/consultations.comment/999/").status_code == 404


@pytest.mark.django_db
def test_hiding_a_comment_takes_it_off_the_pages_and_tells_the_reporter(
    participant: User, other_participant: User, login: Any, django_capture_on_commit_callbacks: Any
) -> None:
    comment = _comment(other_participant)
    report = report_concern(by=participant, subject=comment, description="Insults.")
    mail.outbox.clear()
    client = login(officer())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/conduct/reports/{report.pk}/",
            {"outcome": Outcome.HIDDEN, "reasons": "A personal attack (rule 2)."},
        )
    assert response.status_code == 302
    assert not consultation_queries.public_comments().filter(pk=comment.pk).exists()
    assert not consultation_queries.comments_visible_to(participant).filter(pk=comment.pk).exists()
    page = login(None).get(comment.period.version.get_absolute_url()).content.decode()
    assert "You are all idiots." not in page
    report.refresh_from_db()
    assert report.status == ReportStatus.HANDLED
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([participant.email, other_participant.email])
    to_reporter = next(m for m in mail.outbox if m.to == [participant.email])
    assert to_reporter.subject == "Your report was handled"
    assert "A personal attack" not in to_reporter.body  # what was done stays confidential
    to_author = next(m for m in mail.outbox if m.to == [other_participant.email])
    assert "A personal attack (rule 2)." in to_author.body


@pytest.mark.django_db
def test_hiding_a_statement_takes_it_out_of_the_conversation(
    participant: User, other_participant: User
) -> None:
    statement = statement_by(other_participant)
    report = report_concern(by=participant, subject=statement, description="Hate speech.")
    assert report.reported_person == person_of(other_participant)
    handle_report(by=officer(), report=report, outcome=Outcome.HIDDEN, reasons="Hate speech.")
    assert not opinion_queries.shown_statements(statement.conversation).exists()


@pytest.mark.django_db
def test_a_suspension_refuses_contributions_until_its_date(
    participant: User, other_participant: User, login: Any
) -> None:
    publish()
    accepted(other_participant)
    statement = statement_by(other_participant)
    report = report_concern(by=participant, subject=statement, description="Repeated abuse.")
    until = timezone.localdate() + dt.timedelta(days=10)
    handle_report(
        by=officer(),
        report=report,
        outcome=Outcome.SUSPENDED,
        reasons="Third warning.",
        until=until,
    )
    slug = statement.conversation.slug
    client = login(other_participant)
    response = client.post(
        f"/opinions/{slug}/vote/",
        {"statement": statement.pk, "vote": "agree"},
        HTTP_REFERER=f"http://testserver/opinions/{slug}/",
    )
    assert response.status_code == 302  # back to the page, with the reason as its message
    page = client.get(f"/opinions/{slug}/").content.decode()
    assert "Your participation is suspended under the code of conduct until" in page
    assert not statement.votes.exists()
    later = timezone.now() + dt.timedelta(days=11)
    import time_machine  # noqa: PLC0415

    with time_machine.travel(later):
        login(other_participant).post(
            f"/opinions/{slug}/vote/", {"statement": statement.pk, "vote": "agree"}
        )
    assert statement.votes.count() == 1


@pytest.mark.django_db
def test_officers_must_give_reasons_and_a_date_for_a_suspension(
    participant: User, other_participant: User, login: Any
) -> None:
    report = report_concern(by=participant, subject=_comment(other_participant), description="x")
    client = login(officer())
    no_reason = client.post(f"/conduct/reports/{report.pk}/", {"outcome": Outcome.WARNING})
    assert no_reason.status_code == 400
    no_date = client.post(
        f"/conduct/reports/{report.pk}/", {"outcome": Outcome.SUSPENDED, "reasons": "Abuse."}
    )
    assert no_date.status_code == 400
    assert "Give the last day of the suspension, today or later." in no_date.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.OPEN


@pytest.mark.django_db
def test_the_officers_list_shows_open_reports_and_their_subjects(
    participant: User, other_participant: User, login: Any
) -> None:
    report_concern(by=participant, subject=person_of(other_participant), description="Spam.")
    page = login(officer()).get("/conduct/reports/").content.decode()
    assert "1 report" in page
    assert str(person_of(other_participant)) in page


@pytest.mark.django_db
def test_the_officers_list_takes_the_same_queries_for_one_and_three_reports(
    participant: User, other_participant: User, login: Any, django_assert_max_num_queries: Any
) -> None:
    client = login(officer())
    report_concern(by=participant, subject=person_of(other_participant), description="Spam.")
    client.get("/conduct/reports/")
    with django_assert_max_num_queries(50) as one:
        client.get("/conduct/reports/")
    for _ in range(2):
        report_concern(by=participant, subject=person_of(other_participant), description="More.")
    with django_assert_max_num_queries(50) as three:
        client.get("/conduct/reports/")
    assert len(three.captured_queries) == len(one.captured_queries)


@pytest.mark.django_db
def test_reports_are_in_the_data_export_without_who_reported_the_person(
    participant: User, other_participant: User, login: Any
) -> None:
    publish()
    accepted(participant)
    report = report_concern(
        by=participant, subject=_comment(other_participant), description="Insults."
    )
    handle_report(by=officer(), report=report, outcome=Outcome.WARNING, reasons="Keep it civil.")
    mine = json.loads(login(participant).get("/me/data.json").content)["conduct"]
    assert mine["accepted_versions"][0]["version"] == 1
    assert mine["reports_made"][0]["description"] == "Insults."
    assert mine["reports_made"][0]["status"] == "handled"
    theirs = json.loads(login(other_participant).get("/me/data.json").content)["conduct"]
    assert theirs["reports_made"] == []
    assert theirs["decisions_about_me"][0]["outcome"] == "warning"
    assert theirs["decisions_about_me"][0]["reasons"] == "Keep it civil."
    assert participant.email not in json.dumps(theirs)


@pytest.mark.django_db
def test_erasure_unlinks_reports_and_forgets_acceptances(
    participant: User, other_participant: User
) -> None:
    publish()
    accepted(participant)
    report = report_concern(by=participant, subject=person_of(other_participant), description="x")
    erase_account(by=participant, person=person_of(participant))
    report.refresh_from_db()
    assert report.reporter is None
    assert report.description == "x"
    assert not Acceptance.objects.filter(person=person_of(participant)).exists()
    erase_account(by=other_participant, person=person_of(other_participant))
    report.refresh_from_db()
    assert report.reported_person is None


@pytest.mark.django_db
def test_officers_need_a_second_factor(login: Any) -> None:
    user = UserFactory.create()
    from django.contrib.auth.models import Group  # noqa: PLC0415

    user.groups.add(Group.objects.get_or_create(name="Conduct officers")[0])
    response = login(user).get("/conduct/reports/")
    assert response["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_hiding_a_written_input_takes_it_off_the_meeting_page(
    participant: User, other_participant: User, secretariat: User, login: Any
) -> None:
    from igf.meetings.models import WrittenInput  # noqa: PLC0415
    from tests.meetings.factories import MeetingFactory  # noqa: PLC0415

    meeting = MeetingFactory.create(body=None, title="Open consultation on the programme")
    written = WrittenInput.objects.create(
        meeting=meeting, author=person_of(other_participant), title="Rant", text="Abuse here."
    )
    assert "Abuse here." in login(None).get(meeting.get_absolute_url()).content.decode()
    report = report_concern(by=participant, subject=written, description="Abusive.")
    handle_report(by=officer(), report=report, outcome=Outcome.HIDDEN, reasons="Abuse.")
    for viewer in (None, participant, secretariat):
        assert "Abuse here." not in login(viewer).get(meeting.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_profile_cannot_be_hidden_only_warned_or_suspended(
    participant: User, other_participant: User
) -> None:
    report = report_concern(by=participant, subject=person_of(other_participant), description="x")
    with pytest.raises(ConductError, match="not about content that can be hidden"):
        handle_report(by=officer(), report=report, outcome=Outcome.HIDDEN, reasons="No.")
    action = handle_report(by=officer(), report=report, outcome=Outcome.WARNING, reasons="Stop.")
    assert action.outcome == Outcome.WARNING
