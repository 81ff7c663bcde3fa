"""Moderation under the Code of Conduct: flags, the queue, decisions logged with a reason,
the author told, and hidden comments gone from every page, feed and export."""

from __future__ import annotations

import pytest
from django.core import mail

from igf.consultations import queries, services
from igf.consultations.enums import CommentStatus
from igf.consultations.models import Comment, Flag, ModerationDecision
from igf.people.models import User
from tests.consultations import factories as f
from tests.factories import UserFactory


@pytest.fixture
def published(secretariat: User, participant: User) -> Comment:
    f.old_account(participant)
    doc = f.document(by=secretariat)
    period = f.open_period(by=secretariat, doc=doc)
    return f.comment(by=participant, period=period, text="A rude and off-topic remark.")


def test_anyone_signed_in_may_flag_a_comment(
    published: Comment, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    response = login(other_participant).post(
        f"/consultations/comments/{published.pk}/flag/", {"reason": "abuse", "note": "Insulting."}
    )
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert (flag.reason, flag.note, flag.resolved_at) == ("abuse", "Insulting.", None)


def test_author_cannot_flag_their_own_comment(published: Comment, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    assert (
        login(participant).get(f"/consultations/comments/{published.pk}/flag/").status_code == 403
    )


def test_flag_with_unknown_reason_is_refused(
    published: Comment, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    response = login(other_participant).post(
        f"/consultations/comments/{published.pk}/flag/", {"reason": "<script>"}
    )
    assert response.status_code == 400
    assert Flag.objects.count() == 0


def test_queue_shows_flagged_and_pending_comments(
    published: Comment, secretariat: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    services.flag_comment(by=other_participant, comment=published, reason="spam")
    pending = f.comment(by=other_participant, period=published.period, text="Newcomer's words.")
    assert pending.status == CommentStatus.PENDING
    page = login(secretariat).get("/consultations/moderation/").content.decode()
    assert "1 comment awaits moderation" in page
    assert "1 flagged comment" in page
    assert "Newcomer&#x27;s words." in page
    assert "Spam or advertising" in page


def test_hiding_logs_the_reason_tells_the_author_and_resolves_flags(
    published: Comment,
    secretariat: User,
    other_participant: User,
    login,
    django_capture_on_commit_callbacks,
) -> None:  # type: ignore[no-untyped-def]
    services.flag_comment(by=other_participant, comment=published, reason="abuse")
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = login(secretariat).post(
            f"/consultations/moderation/{published.pk}/",
            {"action": "hide", "reason": "Breaks section 2 of the Code of Conduct (insults)."},
        )
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.status == CommentStatus.HIDDEN
    decision = ModerationDecision.objects.get()
    assert (decision.action, decision.decided_by) == ("hide", secretariat)
    assert decision.reason == "Breaks section 2 of the Code of Conduct (insults)."
    assert Flag.objects.get().resolved_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [published.author.user.email]
    assert "hidden your comment" in message.body
    assert "Breaks section 2 of the Code of Conduct (insults)." in message.body


def test_author_is_told_in_the_language_they_chose_and_only_once_the_decision_commits(
    published: Comment,
    secretariat: User,
    participant: User,
    settings,
    django_capture_on_commit_callbacks,
) -> None:  # type: ignore[no-untyped-def]
    settings.IGF_SITE_URL = "https://forum.example.org/"
    participant.language = "fr"
    participant.save(update_fields=["language"])
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate_comment(
            by=secretariat, comment=published, action="hide", reason="Insults."
        )
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    title = published.period.version.document.title
    assert mail.outbox[0].subject == f"Votre commentaire sur {title}"
    link = f"https://forum.example.org/consultations/d/{published.period.version.document.slug}/v1/"
    assert link in mail.outbox[0].body


def test_decision_needs_a_reason(published: Comment, secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    response = login(secretariat).post(
        f"/consultations/moderation/{published.pk}/", {"action": "hide", "reason": " "}
    )
    assert response.status_code == 400
    published.refresh_from_db()
    assert published.status == CommentStatus.PUBLISHED


def test_hidden_comment_disappears_from_every_page_feed_and_export(
    published: Comment, secretariat: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    period = published.period
    version = period.version
    doc = version.document
    services.record_disposition(
        by=secretariat, comment=published, outcome="not_accepted", reason="Off topic."
    )
    services.moderate_comment(by=secretariat, comment=published, action="hide", reason="Abuse.")
    paragraph = published.paragraph
    assert paragraph is not None
    urls = [
        doc.get_absolute_url(),
        f"/consultations/d/{doc.slug}/v1/comments/",
        f"/consultations/d/{doc.slug}/v1/p/{paragraph.key}/",
        f"/consultations/periods/{period.pk}/",
        f"/consultations/periods/{period.pk}/feed/",
        f"/consultations/periods/{period.pk}/resolution.csv",
        f"/consultations/periods/{period.pk}/statistics/",
    ]
    for viewer in (None, other_participant, published.author.user, secretariat):
        for url in urls:
            response = login(viewer).get(url)
            assert response.status_code == 200, url
            assert b"rude and off-topic" not in response.content, (viewer, url)
        assert login(viewer).get(f"/consultations/comments/{published.pk}/").status_code == 404
    assert list(queries.public_comments()) == []
    page = login(None).get(doc.get_absolute_url()).content.decode()
    assert "Paragraph 1: 0 comments" in page or "(0 comments so far)" in page
    moderator_view = login(secretariat).get(f"/consultations/moderation/{published.pk}/")
    assert b"rude and off-topic" in moderator_view.content


def test_hidden_comment_needs_no_disposition(published: Comment, secretariat: User) -> None:
    services.moderate_comment(by=secretariat, comment=published, action="hide", reason="Spam.")
    f.close(published.period)
    draft = services.start_new_version(by=secretariat, document=published.period.version.document)
    services.publish_version(by=secretariat, version=draft)


def test_restoring_brings_the_comment_back(published: Comment, secretariat: User) -> None:
    services.moderate_comment(by=secretariat, comment=published, action="hide", reason="Spam.")
    services.moderate_comment(
        by=secretariat, comment=published, action="restore", reason="Flagged by mistake."
    )
    published.refresh_from_db()
    assert published.status == CommentStatus.PUBLISHED
    assert list(ModerationDecision.objects.values_list("action", flat=True)) == [
        "restore",
        "hide",
    ]


def test_decision_that_does_not_apply_is_refused(published: Comment, secretariat: User) -> None:
    with pytest.raises(services.ConsultationError, match="does not apply"):
        services.moderate_comment(
            by=secretariat, comment=published, action="restore", reason="Nothing to restore."
        )


def test_moderators_group_may_moderate(published: Comment, login) -> None:  # type: ignore[no-untyped-def]
    moderator = f.moderator()
    assert login(moderator).get("/consultations/moderation/").status_code == 200
    response = login(moderator).post(
        f"/consultations/moderation/{published.pk}/",
        {"action": "dismiss", "reason": "Within the Code of Conduct."},
    )
    assert response.status_code == 302
    assert ModerationDecision.objects.get().decided_by == moderator


def test_moderators_outside_the_secretariat_do_not_learn_who_is_anonymous(
    secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    newcomer = UserFactory.create(display_name="Nadia Newcomer")
    doc = f.document(by=secretariat)
    period = f.open_period(by=secretariat, doc=doc)
    comment = f.comment(by=newcomer, period=period, text="Hidden name.", anonymous=True)
    moderator = f.moderator()
    for url in ("/consultations/moderation/", f"/consultations/moderation/{comment.pk}/"):
        page = login(moderator).get(url).content.decode()
        assert "Anonymous to the public, known to the secretariat" in page
        assert "Nadia Newcomer" not in page
        assert "Nadia Newcomer" in login(secretariat).get(url).content.decode()


def _queued(period, author: User, n: int, **fields) -> list[Comment]:  # type: ignore[no-untyped-def]
    return [
        Comment.objects.create(
            period=period,
            author=author.person,
            text=f"Queued remark number {index:02}.",
            status=CommentStatus.PENDING,
            **fields,
        )
        for index in range(n)
    ]


def test_the_queue_comes_in_pages_of_twenty(secretariat: User, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat)
    _queued(f.open_period(by=secretariat, doc=doc), participant, 25)
    client = login(secretariat)
    first = client.get("/consultations/moderation/").content.decode()
    assert "25 comments await moderation" in first
    assert first.count("Queued remark number") == 20
    assert "Page 1 of 2" in first
    assert 'href="?page=2" rel="next"' in first
    second = client.get("/consultations/moderation/?page=2").content.decode()
    assert second.count("Queued remark number") == 5
    assert "Queued remark number 24." in second


def test_the_queue_filters_by_document_and_by_reason(
    secretariat: User, participant: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    f.old_account(participant)
    first = f.document(by=secretariat, title="Cybersecurity draft")
    second = f.document(by=secretariat, title="Gender draft")
    _queued(f.open_period(by=secretariat, doc=first), other_participant, 1)
    period = f.open_period(by=secretariat, doc=second)
    spam = f.published_comment(by=participant, period=period, text="Buy cheap things.")
    abuse = f.published_comment(by=participant, period=period, text="You are all fools.")
    services.flag_comment(by=other_participant, comment=spam, reason="spam")
    services.flag_comment(by=other_participant, comment=abuse, reason="abuse")
    client = login(secretariat)
    page = client.get("/consultations/moderation/").content.decode()
    assert '<option value="gender-draft">Gender draft</option>' in page
    by_document = client.get(
        "/consultations/moderation/", {"document": second.slug}
    ).content.decode()
    assert "Queued remark number 00." not in by_document
    assert "Buy cheap things." in by_document
    assert "0 comments await moderation · 2 flagged comments" in by_document
    by_reason = client.get("/consultations/moderation/", {"reason": "spam"}).content.decode()
    assert "Buy cheap things." in by_reason
    assert "You are all fools." not in by_reason
    assert "Queued remark number 00." not in by_reason
    pending = client.get("/consultations/moderation/", {"reason": "pending"}).content.decode()
    assert "Queued remark number 00." in pending
    assert "Buy cheap things." not in pending
    nonsense = client.get("/consultations/moderation/", {"document": "nope", "reason": "<x>"})
    assert nonsense.status_code == 200
    assert "Buy cheap things." in nonsense.content.decode()


def test_the_decision_page_shows_the_paragraph_commented_on(
    published: Comment, secretariat: User, login
) -> None:  # type: ignore[no-untyped-def]
    paragraph = published.paragraph
    assert paragraph is not None
    page = login(secretariat).get(f"/consultations/moderation/{published.pk}/").content.decode()
    assert "What the comment is about" in page
    assert f"¶ 1 of “<bdi>{published.period.version.document.title}</bdi>”, version 1" in page
    assert paragraph.text.split()[0] in page.split("What the comment is about")[1]
    assert f'href="{paragraph.get_absolute_url()}"' in page
