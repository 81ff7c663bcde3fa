"""Commenting: on a paragraph, a passage, the whole document or by file; replies; the period
enforced on the server to the second; first comments of new accounts held; anti-spam."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from igf.consultations import services
from igf.consultations.enums import CommentStatus
from igf.consultations.models import Comment
from igf.core.models import ActivityEntry
from igf.people.models import User
from tests.consultations import factories as f
from tests.factories import (
    AffiliationFactory,
    OrganizationFactory,
    SecretariatFactory,
    UserFactory,
    person_of,
)


@pytest.fixture
def setting(secretariat: User, participant: User) -> dict[str, object]:
    f.old_account(participant)
    doc = f.document(by=secretariat)
    period = f.open_period(by=secretariat, doc=doc)
    paragraph = f.version(doc).paragraphs.get(number=1)
    return {"doc": doc, "period": period, "paragraph": paragraph}


def form(**values: object) -> dict[str, object]:
    data: dict[str, object] = {
        "text": "Mention the national and regional initiatives.",
        "stakeholder_group": "civil_society",
        "country": "KE",
        "website": "",
    }
    data.update(values)
    return data


def test_comment_on_a_paragraph_is_published_with_name_group_and_country(
    setting, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    paragraph = setting["paragraph"]
    client = login(participant)
    response = client.post(paragraph.get_absolute_url(), form())
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PUBLISHED
    page = login(None).get(paragraph.get_absolute_url()).content.decode()
    assert "Mention the national and regional initiatives." in page
    assert "Amina Participant" in page
    assert "Civil society" in page
    assert "Kenya" in page
    assert ActivityEntry.objects.filter(verb="consultations.comment_posted", public=False).exists()


def test_comment_on_a_passage_marks_the_passage(setting, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    paragraph = setting["paragraph"]
    response = login(participant).post(
        paragraph.get_absolute_url(), form(passage="greater   emphasis on the visibility")
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.passage == "greater emphasis on the visibility"
    assert comment.passage_start is not None
    page = login(None).get(paragraph.get_absolute_url()).content.decode()
    assert "greater emphasis on the visibility</blockquote>" in page


def test_passage_not_in_the_paragraph_is_refused_and_the_text_kept(
    setting, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(
        setting["paragraph"].get_absolute_url(),
        form(text="My long considered comment.", passage="words that are not there"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The passage must be copied exactly from the paragraph." in page
    assert "My long considered comment." in page
    assert Comment.objects.count() == 0


def test_comment_on_the_whole_document_with_a_file(setting, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = setting["doc"]
    response = login(participant).post(
        f"/consultations/d/{doc.slug}/v1/comment/", form(text="", file=f.pdf_upload())
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.paragraph is None
    assert comment.file_name == "comments.pdf"
    download = login(None).get(f"/consultations/comments/{comment.pk}/file/")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")


def test_file_pretending_to_be_a_pdf_is_refused(setting, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415

    fake = SimpleUploadedFile("comments.pdf", b"<html><script>x</script>", "application/pdf")
    response = login(participant).post(
        f"/consultations/d/{setting['doc'].slug}/v1/comment/", form(text="", file=fake)
    )
    assert response.status_code == 400
    assert "Send a PDF or a Word (.docx) file." in response.content.decode()


def test_reply_joins_the_thread(setting, participant: User, other_participant: User, login) -> None:  # type: ignore[no-untyped-def]
    f.old_account(other_participant)
    parent = f.comment(by=participant, period=setting["period"])
    response = login(other_participant).post(
        f"/consultations/comments/{parent.pk}/reply/", form(text="I agree with this.")
    )
    assert response.status_code == 302
    reply = Comment.objects.get(parent=parent)
    assert reply.paragraph_id == parent.paragraph_id
    page = login(None).get(setting["paragraph"].get_absolute_url()).content.decode()
    assert page.index("I agree with this.") > page.index("mention the role")


def test_comments_close_exactly_at_the_end(secretariat: User, participant: User) -> None:
    f.old_account(participant)
    doc = f.document(by=secretariat)
    end = timezone.now().replace(microsecond=0) + timedelta(days=1)
    period = services.open_comment_period(
        by=secretariat, version=f.version(doc), opens=timezone.now(), closes=end
    )
    with time_machine.travel(end - timedelta(seconds=1), tick=False):
        f.comment(by=participant, period=period, text="Just in time.")
    with (
        time_machine.travel(end, tick=False),
        pytest.raises(services.ConsultationError, match="has ended"),
    ):
        f.comment(by=participant, period=period, text="One second late.")
    assert list(Comment.objects.values_list("text", flat=True)) == ["Just in time."]


def test_posting_after_the_end_keeps_the_text_on_the_page(
    setting, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    url = setting["paragraph"].get_absolute_url()
    assert client.get(url).status_code == 200
    f.close(setting["period"])
    response = client.post(url, form(text="Written while the period was open."))
    assert response.status_code == 403
    assert "Comments are closed" in response.content.decode()
    assert Comment.objects.count() == 0


def test_period_not_yet_open_refuses_comments(secretariat: User, participant: User) -> None:
    doc = f.document(by=secretariat)
    period = services.open_comment_period(
        by=secretariat, version=f.version(doc), opens=timezone.now() + timedelta(days=2)
    )
    assert period.closes == period.opens + timedelta(days=30)
    with pytest.raises(services.ConsultationError, match="not started"):
        f.comment(by=participant, period=period)


def test_first_comment_of_a_new_account_waits_for_moderation(
    secretariat: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat)
    period = f.open_period(by=secretariat, doc=doc)
    paragraph = f.version(doc).paragraphs.get(number=1)
    response = login(other_participant).post(paragraph.get_absolute_url(), form(), follow=True)
    assert "waits for a moderator" in response.content.decode()
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    own_view = login(other_participant).get(paragraph.get_absolute_url()).content.decode()
    assert "Awaiting moderation: only you can see it" in own_view
    public_view = login(None).get(paragraph.get_absolute_url()).content.decode()
    assert "Mention the national" not in public_view
    services.moderate_comment(
        by=secretariat, comment=comment, action="approve", reason="Within the Code of Conduct."
    )
    second = f.comment(by=other_participant, period=period, text="A second thought.")
    assert second.status == CommentStatus.PUBLISHED


def test_anonymous_comment_is_known_to_the_secretariat_only(
    setting, participant: User, secretariat: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    url = setting["paragraph"].get_absolute_url()
    login(participant).post(url, form(anonymous="on"))
    public = login(other_participant).get(url).content.decode()
    assert "Anonymous to the public, known to the secretariat" in public
    comments = public.split('id="comments-heading"', 1)[1].split('id="form-heading"', 1)[0]
    assert "Amina Participant" not in comments
    assert "Kenya" not in comments
    staff = login(secretariat).get(url).content.decode()
    assert "Amina Participant (anonymous to the public)" in staff
    # Without a second factor, the secretariat sees what any participant sees.
    without = SecretariatFactory.create()
    unprotected = login(without).get(url).content.decode()
    assert "Anonymous to the public, known to the secretariat" in unprotected
    assert "Amina Participant (anonymous" not in unprotected


def test_comment_on_behalf_of_an_organisation(setting, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    organisation = OrganizationFactory.create(name="Nairobi Internet Exchange")
    AffiliationFactory.create(person=person_of(participant), organization=organisation)
    stranger = OrganizationFactory.create(name="Someone Else's Org")
    url = setting["paragraph"].get_absolute_url()
    refused = login(participant).post(url, form(on_behalf_of=stranger.pk))
    assert refused.status_code == 400
    login(participant).post(url, form(on_behalf_of=organisation.pk))
    assert "on behalf of Nairobi Internet Exchange" in login(None).get(url).content.decode()
    refused = login(participant).post(url, form(on_behalf_of=organisation.pk, anonymous="on"))
    assert "cannot be anonymous" in refused.content.decode()


def test_honeypot_refuses_bots_and_keeps_the_text(setting, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(participant).post(
        setting["paragraph"].get_absolute_url(),
        form(text="Buy cheap watches", website="http://spam.example"),
    )
    assert response.status_code == 400
    assert "This could not be sent. Please try again." in response.content.decode()
    assert Comment.objects.count() == 0


def start_of_next_minute() -> datetime:
    """A moment early in a minute: the limiter counts in fixed one-minute windows."""
    return (timezone.now() + timedelta(minutes=1)).replace(second=1, microsecond=0)


def test_rate_limit_per_account(setting, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    url = setting["paragraph"].get_absolute_url()
    with time_machine.travel(start_of_next_minute(), tick=False):
        statuses = [client.post(url, form(text=f"Comment {n}")).status_code for n in range(7)]
        response = client.post(url, form(text="The seventh, kept."))
    assert statuses == [302] * 6 + [429]
    assert "Wait a few minutes" in response.content.decode()
    assert "The seventh, kept." in response.content.decode()
    assert Comment.objects.count() == 6


def test_rate_limit_per_address_across_accounts(setting, login) -> None:  # type: ignore[no-untyped-def]
    from igf.core import ratelimit  # noqa: PLC0415
    from tests.factories import UserFactory  # noqa: PLC0415

    url = setting["paragraph"].get_absolute_url()
    users = [f.old_account(UserFactory.create()) for _ in range(22)]
    statuses = []
    with time_machine.travel(start_of_next_minute(), tick=False):
        for n, user in enumerate(users):
            statuses.append(login(user).post(url, form(text=f"From account {n}")).status_code)
    ip_limit = ratelimit.rates_for("comment")["ip"][0].count
    assert statuses[:ip_limit] == [302] * ip_limit
    assert statuses[ip_limit:] == [429] * (22 - ip_limit)


def test_visitor_is_asked_to_sign_in(setting, login) -> None:  # type: ignore[no-untyped-def]
    page = login(None).get(setting["paragraph"].get_absolute_url()).content.decode()
    assert "Sign in to comment" in page
    response = login(None).post(setting["paragraph"].get_absolute_url(), form())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_countdown_is_shown_in_the_viewers_time_zone(setting, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    person = person_of(participant)
    person.timezone = "Asia/Tokyo"
    person.save(update_fields=["timezone"])
    page = login(participant).get(setting["doc"].get_absolute_url()).content.decode()
    closes = timezone.localtime(setting["period"].closes, timezone=_tokyo())
    assert f"Open for comment until {closes:%-d %B %Y, %H:%M}" in page
    assert "times in Asia/Tokyo" in page
    assert "29 days and 23 hours left" in page


def _tokyo() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo("Asia/Tokyo")


def test_no_mail_is_sent_when_posting(  # type: ignore[no-untyped-def]
    setting, participant: User, django_capture_on_commit_callbacks
) -> None:
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        f.comment(by=participant, period=setting["period"])
    assert mail.outbox == []


def test_commented_view_is_paged_by_paragraphs(setting, login, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from igf.consultations.views import documents  # noqa: PLC0415

    monkeypatch.setattr(documents, "COMMENTS_PER_PAGE", 2)
    period = setting["period"]
    for number in (1, 1, 2, 3):
        author = f.old_account(UserFactory.create())
        f.comment(by=author, period=period, text=f"On {number}.", paragraph_number=number)
    url = f"/consultations/d/{setting['doc'].slug}/v1/comments/"
    first = login(None).get(url).content.decode()
    assert "On 1." in first
    assert "On 2." not in first
    assert '<a href="?page=2">¶ 2 to ¶ 4</a>' in first
    second = login(None).get(url, {"page": 2}).content.decode()
    assert "On 2." in second
    assert "On 1." not in second
    assert login(None).get(url, {"page": "999"}).status_code == 200
