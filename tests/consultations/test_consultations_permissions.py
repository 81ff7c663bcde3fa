"""Every page of the consultations app against every role: allowed or refused (ASVS 8.2.1).

Roles: the public, a participant (commenter), the author of a comment, a moderator, an
editor (chair of the body the document belongs to), the secretariat and an administrator.
302 to sign-in means "refused, sign in first"; 403 and 404 mean refused; default deny.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from igf.consultations import services
from igf.consultations.models import Comment
from igf.people.models import User
from tests.consultations import factories as f
from tests.factories import UserFactory
from tests.matrix import LOGIN, Roles, Row

ROLES = ("anonymous", "participant", "author", "moderator", "editor", "secretariat", "admin")
_roles = Roles(ROLES)
everyone, signed_in = _roles.everyone, _roles.signed_in
only = partial(_roles.only, admin=False)


EDITORS = ("editor", "secretariat", "admin")
MODERATORS = ("moderator", "secretariat", "admin")


@pytest.fixture
def world(secretariat: User, admin_user: User, participant: User) -> dict[str, Any]:
    bpf = f.body()
    editor = f.editor_of(bpf)
    author = f.old_account(UserFactory.create(display_name="Ana Author"))
    doc = f.document(by=editor, target=bpf)
    period = f.open_period(by=editor, doc=doc)
    comment = f.comment(by=author, period=period)
    file_comment = services.post_comment(by=author, period=period, text="", upload=f.pdf_upload())
    services.start_new_version(by=editor, document=doc)
    services.create_translation(by=editor, version=f.version(doc), language="fr", status="draft")
    questionnaire = f.questionnaire(by=editor, target=bpf)
    section = questionnaire.sections.get(position=1)
    point = services.save_point(
        by=editor, questionnaire=questionnaire, section=section, text="A point.", contributions=[]
    )
    other_draft = f.document(by=secretariat, target=f.body(slug="other-bpf"), publish=False)
    return {
        "users": {
            "anonymous": None,
            "participant": participant,
            "author": author,
            "moderator": f.moderator(),
            "editor": editor,
            "secretariat": secretariat,
            "admin": admin_user,
        },
        "doc": doc,
        "period": period,
        "comment": comment,
        "file_comment": file_comment,
        "key": comment.paragraph.key if comment.paragraph else "",
        "questionnaire": questionnaire,
        "point": point,
        "other_draft": other_draft,
    }


def d(w: dict[str, Any], tail: str = "") -> str:
    return f"/consultations/d/{w['doc'].slug}/{tail}"


def q(w: dict[str, Any], tail: str = "") -> str:
    return f"/consultations/q/{w['questionnaire'].slug}/{tail}"


def c(w: dict[str, Any], tail: str = "") -> str:
    return f"/consultations/comments/{w['comment'].pk}/{tail}"


def p(w: dict[str, Any], tail: str = "") -> str:
    return f"/consultations/periods/{w['period'].pk}/{tail}"


ROWS = [
    Row("index", lambda w: "/consultations/", everyone(200)),
    Row("document", d, everyone(200)),
    Row("version", lambda w: d(w, "v1/"), everyone(200)),
    Row("draft version", lambda w: d(w, "v2/"), {**everyone(404), **dict.fromkeys(EDITORS, 200)}),
    Row(
        "other body's draft",
        lambda w: w["other_draft"].get_absolute_url(),
        {**everyone(404), "secretariat": 200, "admin": 200},
    ),
    Row("commented view", lambda w: d(w, "v1/comments/"), everyone(200)),
    Row("paragraph", lambda w: d(w, f"v1/p/{w['key']}/"), everyone(200)),
    Row("diff", lambda w: d(w, "v1/diff/"), everyone(200)),
    Row("export", lambda w: d(w, "v1/export.docx"), everyone(200)),
    Row("translation", lambda w: d(w, "v1/fr/"), everyone(200)),
    Row("translation export", lambda w: d(w, "v1/fr/export.html"), everyone(200)),
    Row("comment", c, everyone(302)),
    Row(
        "comment file",
        lambda w: f"/consultations/comments/{w['file_comment'].pk}/file/",
        everyone(200),
    ),
    Row("resolution table", p, everyone(200)),
    Row("resolution csv", lambda w: p(w, "resolution.csv"), everyone(200)),
    Row("statistics", lambda w: p(w, "statistics/"), everyone(200)),
    Row("feed", lambda w: p(w, "feed/"), everyone(200)),
    Row("comment on the document", lambda w: d(w, "v1/comment/"), signed_in(200)),
    Row("reply", lambda w: c(w, "reply/"), signed_in(200)),
    Row("flag", lambda w: c(w, "flag/"), signed_in(200, author=403)),
    Row("start a document", lambda w: "/consultations/new/", only(*EDITORS)),
    Row("start a version", lambda w: d(w, "versions/new/"), only(*EDITORS)),
    Row("edit draft", lambda w: d(w, "v2/edit/"), only(*EDITORS)),
    Row("matching", lambda w: d(w, "v2/matching/"), only(*EDITORS)),
    Row("publish version", lambda w: d(w, "v2/publish/"), only(*EDITORS)),
    Row("open period", lambda w: d(w, "v1/periods/new/"), only(*EDITORS)),
    Row("add translation", lambda w: d(w, "v1/translations/new/"), only(*EDITORS)),
    Row("edit translation", lambda w: d(w, "v1/fr/edit/"), only(*EDITORS)),
    Row("moderation queue", lambda w: "/consultations/moderation/", only(*MODERATORS)),
    Row(
        "moderate",
        lambda w: f"/consultations/moderation/{w['comment'].pk}/",
        only(*MODERATORS),
    ),
    Row("dispositions", lambda w: p(w, "dispositions/"), only(*EDITORS)),
    Row("disposition", lambda w: c(w, "disposition/"), only(*EDITORS)),
    Row(
        "publish dispositions",
        lambda w: p(w, "dispositions/publish/"),
        only(*EDITORS, status=302),
        "post",
    ),
    Row("questionnaire", q, everyone(200)),
    Row("contributions", lambda w: q(w, "contributions/"), everyone(200)),
    Row("contribute", lambda w: q(w, "contribute/"), signed_in(200)),
    Row("draft a questionnaire", lambda w: "/consultations/q/new/", only(*EDITORS)),
    Row("edit questionnaire", lambda w: q(w, "edit/"), only(*EDITORS)),
    Row("invite", lambda w: q(w, "invite/"), only(*EDITORS)),
    Row("publish questionnaire", lambda w: q(w, "publish/"), only(*EDITORS, status=302), "post"),
    Row(
        "draft compilation",
        lambda w: q(w, "compilation/"),
        {**everyone(404), **dict.fromkeys(EDITORS, 200)},
    ),
    Row("compilation workspace", lambda w: q(w, "compilation/edit/"), only(*EDITORS)),
    Row(
        "edit point",
        lambda w: q(w, f"compilation/points/{w['point'].pk}/"),
        only(*EDITORS),
    ),
    Row(
        "publish compilation",
        lambda w: q(w, "compilation/publish/"),
        only(*EDITORS, status=302),
        "post",
    ),
    Row(
        "compilation to document",
        lambda w: q(w, "compilation/document/"),
        only(*EDITORS, status=302),
        "post",
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_permission_matrix(world: dict[str, Any], login, row: Row[Any]) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, int | str] = {}
    for role in ROLES:
        response = getattr(login(world["users"][role]), row.method)(row.url(world))
        status: int | str = response.status_code
        if status == 302 and "/accounts/login/" in response.get("Location", ""):
            status = LOGIN
        found[role] = status
    assert found == row.expected


def test_reply_and_flag_refused_when_the_period_has_closed(world: dict[str, Any], login) -> None:  # type: ignore[no-untyped-def]
    f.close(world["period"])
    participant = world["users"]["participant"]
    assert login(participant).get(c(world, "reply/")).status_code == 403
    assert login(participant).get(d(world, "v1/comment/")).status_code == 403
    assert login(participant).get(c(world, "flag/")).status_code == 200


def test_pending_comment_is_seen_by_its_author_and_moderators_only(
    world: dict[str, Any], login
) -> None:  # type: ignore[no-untyped-def]
    newcomer = UserFactory.create(display_name="New Nia")
    pending = f.comment(by=newcomer, period=world["period"], text="First words.")
    url = f"/consultations/comments/{pending.pk}/"
    statuses = {role: login(user).get(url).status_code for role, user in world["users"].items()}
    assert statuses == {**dict.fromkeys(ROLES, 404), "moderator": 302, "secretariat": 302,
                        "admin": 302}  # fmt: skip
    assert login(newcomer).get(url).status_code == 302
    assert Comment.objects.get(pk=pending.pk).status == "pending"
