"""The consultations app's pages, for the checks on every page (weight, Arabic right to left,
Chinese, escaping of hostile text, and axe-core in the browser suite).

Each entry builds its own data for a viewer from the secretariat, who sees every page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.utils import timezone

from igf.consultations import services
from igf.consultations.models import Question, Questionnaire
from igf.people.models import Person, User
from tests.consultations import factories as f
from tests.factories import UserFactory
from tests.pages import Page

# Text a participant might write, hostile or not, to be shown escaped on every page.
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'


def _world(user: User) -> dict[str, Any]:
    """A document open for comment with comments, a disposition, a translation and a draft
    of the next version; a questionnaire with contributions and a published compilation."""
    other = f.old_account(UserFactory.create())
    Person.objects.filter(user=other).update(display_name=HOSTILE[:150])
    f.old_account(user)
    doc = f.document(by=user, title=f"Draft output {HOSTILE}")
    period = f.open_period(by=user, doc=doc)
    comment = f.comment(by=other, period=period, text=f"A comment {HOSTILE}", passage="outcomes")
    f.comment(by=user, period=period, text=f"Staff {HOSTILE}", paragraph_number=2)
    f.comment(by=UserFactory.create(), period=period, text=f"Pending {HOSTILE}")
    services.flag_comment(by=user, comment=comment, reason="spam", note=HOSTILE)
    services.post_comment(by=user, period=period, text=f"Reply {HOSTILE}", parent=comment)
    services.record_disposition(
        by=user, comment=comment, outcome="partly_accepted", reason=f"Reason {HOSTILE}"
    )
    services.publish_dispositions(by=user, period=period)
    services.create_translation(by=user, version=f.version(doc), language="ar", status="machine")
    services.start_new_version(
        by=user, document=doc, text=f.DRAFT_TEXT.replace("greater", f"stronger {HOSTILE}")
    )
    questionnaire = f.questionnaire(by=user)
    for person in (user, other):
        services.submit_contribution(
            by=person,
            questionnaire=questionnaire,
            answers={
                q.pk: f"Answer {HOSTILE}"
                for q in Question.objects.filter(section__questionnaire=questionnaire)
            },
        )
    section = questionnaire.sections.get(position=1)
    point = services.save_point(
        by=user,
        questionnaire=questionnaire,
        section=section,
        text=f"Contributors stressed openness {HOSTILE}",
        contributions=questionnaire.contributions.all(),
    )
    closed = f.questionnaire(by=user)
    services.save_point(
        by=user,
        questionnaire=closed,
        section=closed.sections.get(position=1),
        text="Point.",
        contributions=[],
    )
    Questionnaire.objects.filter(pk=closed.pk).update(
        deadline=timezone.now() - timedelta(minutes=1)
    )
    closed.refresh_from_db()
    services.publish_compilation(by=user, questionnaire=closed)
    return {
        "doc": doc,
        "period": period,
        "comment": comment,
        "key": comment.paragraph.key if comment.paragraph else "",
        "questionnaire": questionnaire,
        "closed": closed,
        "point": point,
    }


def _page(build: Callable[[dict[str, Any]], str]) -> Callable[[User], str]:
    return lambda user: build(_world(user))


def d(tail: str) -> Callable[[User], str]:
    return _page(lambda w: f"/consultations/d/{w['doc'].slug}/{tail}")


PAGES = [
    Page("consultations", _page(lambda w: "/consultations/")),
    Page("document", _page(lambda w: w["doc"].get_absolute_url())),
    Page("commented view", d("v1/comments/")),
    Page("paragraph", _page(lambda w: f"/consultations/d/{w['doc'].slug}/v1/p/{w['key']}/")),
    Page(
        "paragraph with form",
        _page(lambda w: f"/consultations/d/{w['doc'].slug}/v1/p/{w['key']}/"),
        signed_in=True,
    ),
    Page("differences", d("v2/diff/"), signed_in=True),
    Page("translation", d("v1/ar/")),
    Page("comment-resolution table", _page(lambda w: w["period"].get_absolute_url())),
    Page("statistics", _page(lambda w: f"/consultations/periods/{w['period'].pk}/statistics/")),
    Page("comment on the document", d("v1/comment/"), signed_in=True),
    Page("reply", _page(lambda w: f"/consultations/comments/{w['comment'].pk}/reply/"), True),
    Page("flag", _page(lambda w: f"/consultations/comments/{w['comment'].pk}/flag/"), True),
    Page("start a document", lambda u: "/consultations/new/", signed_in=True),
    Page(
        "start a version",
        _page(lambda w: f"/consultations/d/{w['doc'].slug}/versions/new/"),
        signed_in=True,
    ),
    Page("edit a draft", d("v2/edit/"), signed_in=True),
    Page("paragraph matching", d("v2/matching/"), signed_in=True),
    Page("publish a version", d("v2/publish/"), signed_in=True),
    Page("open a comment period", d("v1/periods/new/"), signed_in=True),
    Page("add a translation", d("v1/translations/new/"), signed_in=True),
    Page("edit a translation", d("v1/ar/edit/"), signed_in=True),
    Page("moderation queue", _page(lambda w: "/consultations/moderation/"), signed_in=True),
    Page(
        "moderate",
        _page(lambda w: f"/consultations/moderation/{w['comment'].pk}/"),
        signed_in=True,
    ),
    Page(
        "dispositions",
        _page(lambda w: f"/consultations/periods/{w['period'].pk}/dispositions/?show=all"),
        signed_in=True,
    ),
    Page(
        "disposition",
        _page(lambda w: f"/consultations/comments/{w['comment'].pk}/disposition/"),
        signed_in=True,
    ),
    Page("questionnaire", _page(lambda w: w["questionnaire"].get_absolute_url())),
    Page(
        "contribute",
        _page(lambda w: f"/consultations/q/{w['questionnaire'].slug}/contribute/"),
        signed_in=True,
    ),
    Page(
        "contributions",
        _page(lambda w: f"/consultations/q/{w['questionnaire'].slug}/contributions/"),
        signed_in=True,
    ),
    Page("compilation", _page(lambda w: f"/consultations/q/{w['closed'].slug}/compilation/")),
    Page(
        "compilation workspace",
        _page(lambda w: f"/consultations/q/{w['questionnaire'].slug}/compilation/edit/"),
        signed_in=True,
    ),
    Page(
        "edit a point",
        _page(
            lambda w: (
                f"/consultations/q/{w['questionnaire'].slug}/compilation/points/{w['point'].pk}/"
            )
        ),
        signed_in=True,
    ),
    Page("draft a questionnaire", lambda u: "/consultations/q/new/", signed_in=True),
    Page(
        "edit a questionnaire",
        _page(lambda w: f"/consultations/q/{w['questionnaire'].slug}/edit/"),
        signed_in=True,
    ),
    Page(
        "invite",
        _page(lambda w: f"/consultations/q/{w['questionnaire'].slug}/invite/"),
        signed_in=True,
    ),
]
