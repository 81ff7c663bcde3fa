"""Questionnaires: publishing one, contributing answers, the published contributions, and
the chair's compilation with its workspace (points, citations, contributions not yet cited)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from igf.bodies.models import Membership
from igf.consultations import queries, services
from igf.consultations.compiling import compiled_sections, contributor_label, roman
from igf.consultations.forms import (
    CompilationForm,
    ContributionForm,
    InviteForm,
    PointForm,
    QuestionnaireForm,
)
from igf.consultations.models import Questionnaire
from igf.consultations.rules import is_editor
from igf.consultations.views.common import user_of
from igf.core import ratelimit
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.core.rules import is_secretariat
from igf.people.models import Person

QUESTIONNAIRE = Load(queries.get_questionnaire, "slug", viewer=True)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.create_questionnaire")
def questionnaire_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    bodies = queries.bodies_for_editor(user)
    form = QuestionnaireForm(
        request.POST or None,
        bodies=bodies,
        forum_allowed=bool(is_secretariat(user)),
        initial={"language": get_language() or "en", "open_to_all": True},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                questionnaire = services.create_questionnaire(
                    by=user,
                    title=data["title"],
                    body=data.get("body"),
                    deadline=data["deadline"],
                    questions=data["questions"],
                    introduction=data["introduction"],
                    language=data["language"],
                    open_to_all=data["open_to_all"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The questionnaire is saved as a draft."))
                return redirect(questionnaire.get_absolute_url())
    return render(request, "consultations/questionnaire_form.html", {"form": form}, status=status)


@require_safe
@permission_required(None, QUESTIONNAIRE)
def questionnaire_detail(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    editor = bool(is_editor(request.user, questionnaire))
    own = []
    if request.user.is_authenticated:
        own = list(
            questionnaire.contributions.filter(contributor__user=request.user).select_related(
                "on_behalf_of"
            )
        )
    compilation = queries.find_compilation(questionnaire)
    return render(
        request,
        "consultations/questionnaire_detail.html",
        {
            "questionnaire": questionnaire,
            "sections": queries.sections_with_questions(questionnaire),
            "is_editor": editor,
            "can_contribute": request.user.has_perm("consultations.contribute", questionnaire),
            "own": own,
            "compilation": compilation
            if compilation is not None and (editor or compilation.is_published)
            else None,
            "now": timezone.now(),
            "invitations": questionnaire.invitations.count() if editor else 0,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.edit_questionnaire", QUESTIONNAIRE)
def questionnaire_edit(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    form = QuestionnaireForm(
        request.POST or None,
        initial={
            "title": questionnaire.title,
            "language": questionnaire.language,
            "deadline": timezone.localtime(questionnaire.deadline),
            "open_to_all": questionnaire.open_to_all,
            "introduction": questionnaire.introduction,
            "questions": queries.questions_outline(questionnaire),
        },
    )
    form.fields["language"].disabled = True
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.update_questionnaire(
                    by=user_of(request),
                    questionnaire=questionnaire,
                    title=data["title"],
                    deadline=data["deadline"],
                    introduction=data["introduction"],
                    open_to_all=data["open_to_all"],
                    questions=data["questions"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The questionnaire is saved."))
                return redirect(questionnaire.get_absolute_url())
    return render(
        request,
        "consultations/questionnaire_form.html",
        {"form": form, "questionnaire": questionnaire},
        status=status,
    )


@require_POST
@permission_required("consultations.edit_questionnaire", QUESTIONNAIRE)
def questionnaire_publish(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    try:
        services.publish_questionnaire(by=user_of(request), questionnaire=questionnaire)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The questionnaire is published."))
    return redirect(questionnaire.get_absolute_url())


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.edit_questionnaire", QUESTIONNAIRE, second_factor=True)
def questionnaire_invite(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    """Invite people by e-mail address (the page says which addresses have no account) or
    the body's members; a second factor for staff, as it reveals who has an account."""
    form = InviteForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            emails = {
                line.strip().lower()
                for line in form.cleaned_data["emails"].splitlines()
                if line.strip()
            }
            people = list(
                Person.objects.filter(user__email__in=emails, erased__isnull=True).select_related(
                    "user"
                )
            )
            unknown = sorted(emails - {p.user.email.lower() for p in people})
            if form.cleaned_data["members"] and questionnaire.body_id is not None:
                members = Membership.objects.current().filter(body_id=questionnaire.body_id)
                people += list(Person.objects.filter(pk__in=members.values("person_id")))
            if unknown:
                form.add_error(
                    "emails",
                    _("No account uses these addresses: %(emails)s")
                    % {"emails": ", ".join(unknown[:20])},
                )
            else:
                count = services.invite(
                    by=user_of(request), questionnaire=questionnaire, people=people
                )
                messages.success(
                    request,
                    ngettext("%(count)s person is invited.", "%(count)s people are invited.", count)
                    % {"count": count},
                )
                return redirect(questionnaire.get_absolute_url())
    invited = questionnaire.invitations.select_related("person").order_by("person__display_name")
    return render(
        request,
        "consultations/questionnaire_invite.html",
        {"form": form, "questionnaire": questionnaire, "invited": list(invited)},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.contribute", QUESTIONNAIRE)
def contribute(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    user = user_of(request)
    organisation = request.POST.get("on_behalf_of") or request.GET.get("on_behalf_of") or ""
    organisation_id = (
        int(organisation) if organisation.isdigit() and len(organisation) < 12 else None
    )
    existing = queries.find_own_contribution(user, questionnaire, organisation_id)
    answers = {a.question_id: a.text for a in existing.answers.all()} if existing else {}
    form = ContributionForm(
        request.POST or None,
        person=user.person,
        sections=queries.sections_with_questions(questionnaire),
        answers=answers,
        initial={
            "on_behalf_of": organisation_id,
            "confidential": existing.confidential if existing else False,
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if not ratelimit.consume_for_request("contribution", request):
                form.add_error(
                    None,
                    _(
                        "You have sent many contributions in a short time. Wait a few "
                        "minutes, then send again."
                    ),
                )
                status = 429
            else:
                try:
                    services.submit_contribution(
                        by=user,
                        questionnaire=questionnaire,
                        answers=form.answers(),
                        on_behalf_of=form.cleaned_data["on_behalf_of"],
                        confidential=form.cleaned_data["confidential"],
                    )
                except Refused as error:
                    add_refusal(form, error)
                else:
                    messages.success(
                        request,
                        _(
                            "Thank you. Your contribution is saved; you can change it until "
                            "the deadline."
                        ),
                    )
                    return redirect(questionnaire.get_absolute_url())
    return render(
        request,
        "consultations/contribution_form.html",
        {"form": form, "questionnaire": questionnaire, "existing": existing},
        status=status,
    )


@require_safe
@permission_required(None, QUESTIONNAIRE)
def contributions(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    visible = list(queries.contributions_visible_to(request.user, questionnaire))
    sections = queries.sections_with_questions(questionnaire)
    questions = {q.pk: (s, q) for s in sections for q in s.questions.all()}
    for contribution in visible:
        contribution.label = contributor_label(contribution)  # type: ignore[attr-defined]
        contribution.ordered_answers = sorted(  # type: ignore[attr-defined]
            (a for a in contribution.answers.all() if a.question_id in questions),
            key=lambda a: (
                questions[a.question_id][0].position,
                questions[a.question_id][1].position,
            ),
        )
        for answer in contribution.ordered_answers:  # type: ignore[attr-defined]
            answer.question_obj = questions[answer.question_id][1]
    return render(
        request,
        "consultations/contributions.html",
        {
            "questionnaire": questionnaire,
            "contributions": visible,
            "is_editor": bool(is_editor(request.user, questionnaire)),
            "closed": questionnaire.has_closed(),
        },
    )


@require_safe
@permission_required(None, QUESTIONNAIRE)
def compilation(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    found = queries.get_compilation(questionnaire, viewer=request.user)
    sections = compiled_sections(found)
    return render(
        request,
        "consultations/compilation.html",
        {
            "questionnaire": questionnaire,
            "compilation": found,
            "sections": sections,
            "notes": [item for s in sections for item in s.points if item.note is not None],
            "is_editor": bool(is_editor(request.user, questionnaire)),
        },
    )


def _point_form(
    data: QueryDict | None, questionnaire: Questionnaire, **kwargs: object
) -> PointForm:
    contributions = list(
        questionnaire.contributions.select_related("contributor", "on_behalf_of").order_by("number")
    )
    return PointForm(
        data,
        sections=list(questionnaire.sections.order_by("position")),
        contributions=contributions,
        **kwargs,  # type: ignore[arg-type]
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.compile", QUESTIONNAIRE)
def compilation_edit(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    """The compiler's workspace: introduction, points with citations, and beside them the
    answers not yet cited in each section."""
    slug = questionnaire.slug
    found = queries.find_compilation(questionnaire)
    intro_form = CompilationForm(
        request.POST if "introduction" in request.POST else None,
        initial={"introduction": found.introduction if found else ""},
    )
    point_form = _point_form(request.POST if "text" in request.POST else None, questionnaire)
    status = 200
    if request.method == "POST":
        status = 400
        user = user_of(request)
        if "introduction" in request.POST and intro_form.is_valid():
            services.save_compilation(
                by=user,
                questionnaire=questionnaire,
                introduction=intro_form.cleaned_data["introduction"],
            )
            messages.success(request, _("The introduction is saved."))
            return redirect("consultations:compilation_edit", slug=slug)
        if "text" in request.POST and point_form.is_valid():
            data = point_form.cleaned_data
            try:
                services.save_point(
                    by=user,
                    questionnaire=questionnaire,
                    section=questionnaire.sections.get(pk=data["section"]),
                    text=data["text"],
                    contributions=questionnaire.contributions.filter(pk__in=data["contributions"]),
                    position=data["position"],
                )
            except Refused as error:
                add_refusal(point_form, error)
            else:
                messages.success(request, _("The point is added."))
                return redirect("consultations:compilation_edit", slug=slug)
    sections = compiled_sections(found) if found is not None else []
    by_title = {s.number: s for s in sections}
    uncited = queries.uncited(questionnaire)
    outline = [
        (section, by_title.get(roman(section.position)), uncited.get(section.pk, []))
        for section in questionnaire.sections.order_by("position")
    ]
    for _section, _compiled, answers in outline:
        for answer in answers:
            answer.contributor_name = contributor_label(answer.contribution)  # type: ignore[attr-defined]
    return render(
        request,
        "consultations/compilation_edit.html",
        {
            "questionnaire": questionnaire,
            "compilation": found,
            "intro_form": intro_form,
            "point_form": point_form,
            "outline": outline,
            "can_publish": questionnaire.has_closed(),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("consultations.compile", QUESTIONNAIRE)
def point_edit(request: HttpRequest, questionnaire: Questionnaire, pk: int) -> HttpResponse:
    found = queries.get_compilation(questionnaire, viewer=request.user)
    point = queries.get_point(found, pk)
    slug = questionnaire.slug
    form = _point_form(
        request.POST or None,
        questionnaire,
        initial={
            "section": point.section_id,
            "text": point.text,
            "contributions": [c.pk for c in point.contributions.all()],
            "position": point.position,
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        user = user_of(request)
        if "delete" in request.POST:
            services.delete_point(by=user, point=point)
            messages.success(request, _("The point is removed."))
            return redirect("consultations:compilation_edit", slug=slug)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.save_point(
                    by=user,
                    questionnaire=questionnaire,
                    section=questionnaire.sections.get(pk=data["section"]),
                    text=data["text"],
                    contributions=questionnaire.contributions.filter(pk__in=data["contributions"]),
                    point=point,
                    position=data["position"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The point is saved."))
                return redirect("consultations:compilation_edit", slug=slug)
    return render(
        request,
        "consultations/point_form.html",
        {"form": form, "questionnaire": questionnaire, "point": point},
        status=status,
    )


@require_POST
@permission_required("consultations.compile", QUESTIONNAIRE)
def compilation_publish(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    try:
        services.publish_compilation(by=user_of(request), questionnaire=questionnaire)
    except Refused as error:
        messages.error(request, str(error.message))
        return redirect("consultations:compilation_edit", slug=questionnaire.slug)
    messages.success(request, _("The compilation is published."))
    return redirect("consultations:compilation", slug=questionnaire.slug)


@require_POST
@permission_required("consultations.compile", QUESTIONNAIRE)
def compilation_document(request: HttpRequest, questionnaire: Questionnaire) -> HttpResponse:
    try:
        document = services.compilation_to_document(
            by=user_of(request), questionnaire=questionnaire
        )
    except Refused as error:
        messages.error(request, str(error.message))
        return redirect("consultations:compilation", slug=questionnaire.slug)
    messages.success(
        request,
        _("The compilation is now a draft document. Publish it, then open a comment period."),
    )
    return redirect("consultations:version_edit", slug=document.slug, number=1)
