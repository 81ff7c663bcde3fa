"""Dispositions: every comment answered, the public comment-resolution table with filters,
CSV and Word downloads, commenters told by e-mail, statistics that protect small groups."""

from __future__ import annotations

import csv
import io

import docx
import pytest
from django.core import mail

from igf.consultations import services
from igf.consultations.models import Comment, CommentPeriod, Disposition
from igf.people.models import Person, User
from tests.consultations import factories as f
from tests.factories import UserFactory


@pytest.fixture
def period(secretariat: User) -> CommentPeriod:
    doc = f.document(by=secretariat)
    return f.open_period(by=secretariat, doc=doc)


def commenter(name: str, group: str = "civil_society") -> User:
    user = f.old_account(UserFactory.create(display_name=name))
    Person.objects.filter(user=user).update(stakeholder_group=group, country_id="KE")
    user.refresh_from_db()
    return user


def test_editor_writes_dispositions_one_after_another(
    period: CommentPeriod, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    first = f.comment(by=commenter("Ana"), period=period, text="First.")
    second = f.comment(by=commenter("Bea"), period=period, text="Second.")
    f.close(period)
    draft = services.start_new_version(by=secretariat, document=period.version.document)
    target = draft.paragraphs.get(number=1)
    page = login(secretariat).get(f"/consultations/periods/{period.pk}/dispositions/")
    assert "0 of 2 comments have a disposition; 0 published." in page.content.decode()
    response = login(secretariat).post(
        f"/consultations/comments/{first.pk}/disposition/",
        {"outcome": "partly_accepted", "reason": "Taken in part.", "addressed_in": target.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/consultations/comments/{second.pk}/disposition/"
    disposition = Disposition.objects.get(comment=first)
    assert disposition.addressed_in == target
    assert disposition.published_at is None


def test_disposition_must_point_to_a_later_version(
    period: CommentPeriod, secretariat: User
) -> None:
    comment = f.comment(by=commenter("Ana"), period=period)
    same_version = period.version.paragraphs.get(number=2)
    with pytest.raises(services.ConsultationError, match="later version"):
        services.record_disposition(
            by=secretariat,
            comment=comment,
            outcome="accepted",
            reason="Yes.",
            addressed_in=same_version,
        )


def test_drafted_dispositions_are_not_public_until_published(
    period: CommentPeriod, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    comment = f.comment(by=commenter("Ana"), period=period, text="Please add youth.")
    services.record_disposition(
        by=secretariat, comment=comment, outcome="accepted", reason="Youth added."
    )
    public = login(None).get(f"/consultations/periods/{period.pk}/").content.decode()
    assert "Youth added." not in public
    assert "Not yet" in public
    editor = login(secretariat).get(f"/consultations/periods/{period.pk}/").content.decode()
    assert "Youth added." in editor
    assert "draft, not public" in editor


def test_publishing_dispositions_emails_each_commenter_once(
    period: CommentPeriod, secretariat: User, login, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    ana = commenter("Ana")
    for text in ("One.", "Two."):
        comment = f.comment(by=ana, period=period, text=text)
        services.record_disposition(
            by=secretariat, comment=comment, outcome="out_of_scope", reason=f"Re {text}"
        )
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = login(secretariat).post(
            f"/consultations/periods/{period.pk}/dispositions/publish/"
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [ana.email]
    assert "Out of scope" in mail.outbox[0].body
    assert "Re One." in mail.outbox[0].body
    assert f"/consultations/periods/{period.pk}/" in mail.outbox[0].body
    public = login(None).get(f"/consultations/periods/{period.pk}/").content.decode()
    assert "Re Two." in public
    assert "2 of 2 comments have a published disposition." in public


def test_resolution_table_filters(period: CommentPeriod, secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    on_one = f.comment(by=commenter("Ana"), period=period, text="On paragraph one.")
    f.comment(
        by=commenter("Ben", "private_sector"),
        period=period,
        text="On paragraph two.",
        paragraph_number=2,
        stakeholder_group="private_sector",
    )
    services.record_disposition(by=secretariat, comment=on_one, outcome="accepted", reason="Ok.")
    services.publish_dispositions(by=secretariat, period=period)
    client = login(None)
    url = f"/consultations/periods/{period.pk}/"
    by_paragraph = client.get(url, {"paragraph": 2}).content.decode()
    assert "On paragraph two." in by_paragraph
    assert "On paragraph one." not in by_paragraph
    by_group = client.get(url, {"stakeholder_group": "private_sector"}).content.decode()
    assert "On paragraph two." in by_group
    assert "On paragraph one." not in by_group
    by_outcome = client.get(url, {"outcome": "accepted"}).content.decode()
    assert "On paragraph one." in by_outcome
    assert "On paragraph two." not in by_outcome
    without = client.get(url, {"outcome": "none"}).content.decode()
    assert "On paragraph two." in without
    assert "On paragraph one." not in without
    for hostile in ({"paragraph": "-1"}, {"outcome": "<x>"}, {"stakeholder_group": "'"}):
        assert client.get(url, hostile).status_code == 200


def test_resolution_table_downloads(period: CommentPeriod, secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    comment = f.comment(
        by=commenter("Ana"), period=period, text='=HYPERLINK("http://evil")', country=None
    )
    services.record_disposition(
        by=secretariat, comment=comment, outcome="not_accepted", reason="Not relevant."
    )
    services.publish_dispositions(by=secretariat, period=period)
    response = login(None).get(f"/consultations/periods/{period.pk}/resolution.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Comment", "Paragraph", "Passage", "Commenter"]
    assert rows[1][1] == "¶ 1"
    assert rows[1][3] == "Ana"
    assert rows[1][5] == '\'=HYPERLINK("http://evil")'  # never run as a formula
    assert rows[1][7:9] == ["Not accepted", "Not relevant."]
    word = login(None).get(f"/consultations/periods/{period.pk}/resolution.docx")
    table = docx.Document(io.BytesIO(word.content)).tables[0]
    assert [c.text for c in table.rows[1].cells][:2] == [str(comment.pk), "¶ 1"]
    assert login(None).get(f"/consultations/periods/{period.pk}/resolution.xls").status_code == 404


def test_statistics_hide_groups_of_fewer_than_five(period: CommentPeriod, login) -> None:  # type: ignore[no-untyped-def]
    for n in range(6):
        f.comment(by=commenter(f"Civil {n}"), period=period, stakeholder_group="civil_society")
    f.comment(by=commenter("Gov", "government"), period=period, stakeholder_group="government")
    page = login(None).get(f"/consultations/periods/{period.pk}/statistics/").content.decode()
    assert "Published comments: 7. Commenters: 7." in page
    civil = page.split(">Civil society<", 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">6</td>' in civil
    government = page.split(">Government<", 1)[1].split("</tr>", 1)[0]
    assert "fewer than 5" in government
    assert "<svg" not in government  # not drawn either
    assert "Paragraphs most commented" in page
    assert '<td class="num">7</td>' in page.split("Paragraphs most commented", 1)[1]


def test_commenters_country_and_group_are_as_confirmed_on_the_form(
    period: CommentPeriod, participant: User
) -> None:
    f.old_account(participant)
    comment = f.comment(
        by=participant, period=period, stakeholder_group="technical_community", country=None
    )
    stored = Comment.objects.get(pk=comment.pk)
    assert (stored.stakeholder_group, stored.country_id) == ("technical_community", None)
