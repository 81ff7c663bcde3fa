"""Pages of the opinions app: conversations, voting, results, moderation, Pol.is files."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from igf.conduct.guards import contribution
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.opinions import queries, services
from igf.opinions.charts import opinion_map_svg
from igf.opinions.enums import Participation, StatementPolicy, StatementStatus, Visibility
from igf.opinions.forms import (
    ConversationForm,
    ImportForm,
    ModerationForm,
    SeedForm,
    StatementForm,
    StatusForm,
    VoteForm,
)
from igf.opinions.models import Conversation, Statement
from igf.people.models import User

LIST_PAGE_SIZE = 30
EXPORT_FILES = {
    "comments": "comments.csv",
    "votes": "votes.csv",
    "participants-votes": "participants-votes.csv",
}


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


# What the addresses name: a conversation by its slug, a statement by its number in one.
CONVERSATION = Load(queries.get_conversation, "slug", viewer=True)
STATEMENT = Load(queries.get_statement_at, "slug", "number", viewer=True)


def _permissions(request: HttpRequest, conversation: Conversation) -> dict[str, bool]:
    user = request.user
    return {
        "can_take_part": user.has_perm("opinions.take_part", conversation),
        "can_write": user.has_perm("opinions.write_statement", conversation),
        "can_moderate": user.has_perm("opinions.moderate_conversation", conversation),
        "can_see_report": user.has_perm("opinions.view_report", conversation),
    }


@require_safe
def conversation_list(request: HttpRequest) -> HttpResponse:
    conversations = queries.conversation_list(request.user)
    page = Paginator(conversations, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "opinions/conversation_list.html",
        {
            "page": page,
            "can_create": request.user.has_perm("opinions.create_conversation"),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("opinions.create_conversation", second_factor=True)
def create_conversation(request: HttpRequest) -> HttpResponse:
    form = ConversationForm(
        request.POST or None, initial={"language": request.LANGUAGE_CODE}, with_owner=True
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        conversation = services.create_conversation(
            by=_user(request),
            title=data["title"],
            description=data["description"],
            language=data["language"],
            owner=form.owner(),
            body=data["body"],
            participation=data["participation"],
            visibility=data["visibility"],
            statement_policy=data["statement_policy"],
            attribution=data["attribution"],
            moderators=data["moderators"],
        )
        messages.success(
            request, _("The conversation is saved as a draft. Add statements, then open it.")
        )
        return redirect("opinions:moderate", slug=conversation.slug)
    if request.method != "POST":
        form = ConversationForm(
            initial={
                "language": request.LANGUAGE_CODE,
                "participation": Participation.SIGNED_IN,
                "visibility": Visibility.PUBLIC,
                "statement_policy": StatementPolicy.BEFORE,
                "belongs_to": request.GET.get("belongs_to", ""),
            },
            with_owner=True,
        )
    return render(
        request,
        "opinions/conversation_form.html",
        {"form": form, "creating": True},
        status=400 if form.errors else 200,
    )


def _voting_context(
    request: HttpRequest,
    conversation: Conversation,
    *,
    statement_form: StatementForm | None = None,
) -> dict[str, Any]:
    participant = queries.participant_of(conversation, request.user)
    stored = queries.map_of(conversation)
    permissions = _permissions(request, conversation)
    return {
        "conversation": conversation,
        "participant": participant,
        "progress": queries.progress(conversation, participant),
        "statement": (
            queries.next_statement(conversation, participant, stored)
            if permissions["can_take_part"]
            else None
        ),
        "statement_form": statement_form or StatementForm(),
        "own_statements": queries.statements_of(participant),
        "computed": stored.computed if stored is not None else None,
        **permissions,
    }


@require_safe
@permission_required("opinions.see_conversation", CONVERSATION)
def conversation_detail(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    return render(
        request, "opinions/conversation_detail.html", _voting_context(request, conversation)
    )


@require_POST
@permission_required("opinions.take_part", CONVERSATION)
@contribution
def vote(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    form = VoteForm(request.POST)
    back = (
        reverse("opinions:my_votes", kwargs={"slug": conversation.slug})
        if request.POST.get("from") == "my-votes"
        else conversation.get_absolute_url()
    )
    if not form.is_valid():
        messages.error(request, _("This vote is not one the conversation knows."))
        return redirect(back)
    try:
        services.cast_vote(
            by=_user(request),
            conversation=conversation,
            statement_id=form.cleaned_data["statement"],
            value=form.value(),
        )
    except Refused as error:
        messages.error(request, str(error.message))
        return redirect(back)
    if back != conversation.get_absolute_url():
        messages.success(request, _("Your vote is changed."))
    return redirect(back)


@require_POST
@permission_required("opinions.write_statement", CONVERSATION)
@contribution
def add_statement(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    form = StatementForm(request.POST)
    if form.is_valid():
        try:
            statement = services.add_statement(
                by=_user(request),
                conversation=conversation,
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            if statement.is_pending:
                messages.success(
                    request,
                    _("Thank you. Your statement is shown once a moderator accepts it."),
                )
            else:
                messages.success(request, _("Thank you. Your statement is added."))
            return redirect(conversation)
    return render(
        request,
        "opinions/conversation_detail.html",
        _voting_context(request, conversation, statement_form=form),
        status=400,
    )


@require_safe
@permission_required("opinions.review_own_votes", CONVERSATION)
def my_votes(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    participant = queries.participant_of(conversation, request.user)
    return render(
        request,
        "opinions/my_votes.html",
        {
            "conversation": conversation,
            "votes": queries.votes_of(participant),
            "own_statements": queries.statements_of(participant),
            **_permissions(request, conversation),
        },
    )


@require_POST
@permission_required("opinions.withdraw_statement", STATEMENT)
def withdraw_statement(request: HttpRequest, statement: Statement) -> HttpResponse:
    try:
        services.withdraw_statement(by=_user(request), statement=statement)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your statement is withdrawn."))
    return redirect("opinions:my_votes", slug=statement.conversation.slug)


def _results_context(request: HttpRequest, conversation: Conversation) -> dict[str, Any]:
    results = queries.results(conversation, request.user)
    return {
        "conversation": conversation,
        "results": results,
        "map_svg": opinion_map_svg(results.summary, results.viewer) if results.ready else "",
        "spread": results.summary.get("spread", {}),
        **_permissions(request, conversation),
    }


@require_safe
@permission_required("opinions.see_results", CONVERSATION)
def results(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    context = _results_context(request, conversation)
    if not context["results"].ready and not context["results"].pending:
        # No map yet (new conversation, or votes imported while the worker was down).
        services.request_recompute(conversation.pk, soon=True)
    return render(request, "opinions/results.html", context)


@require_safe
@permission_required("opinions.view_report", CONVERSATION)
def report(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    context = _results_context(request, conversation)
    context["statements"] = queries.statements_for_moderation(
        conversation, StatementStatus.ACCEPTED
    )
    context["printed"] = timezone.now()
    return render(request, "opinions/report.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("opinions.moderate_conversation", CONVERSATION, second_factor=True)
def moderate(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    """Moderators' page: statements awaiting moderation, all statements, seeding, status."""
    form = SeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        added, refused = 0, []
        for text in form.cleaned_data["statements"]:
            try:
                services.add_statement(
                    by=_user(request),
                    conversation=conversation,
                    text=text,
                    seed=True,
                    is_meta=form.cleaned_data["is_meta"],
                )
                added += 1
            except Refused as error:
                refused.append(f"{text[:60]}: {error.message}")
        if refused:
            form.add_error("statements", refused)
        else:
            messages.success(
                request,
                ngettext("%(n)d statement added.", "%(n)d statements added.", added) % {"n": added},
            )
            return redirect("opinions:moderate", slug=conversation.slug)
    status = request.GET.get("status", "")
    status = status if status in StatementStatus.values else ""
    statements = queries.statements_for_moderation(conversation, status)
    page = Paginator(statements, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "opinions/moderate.html",
        {
            "conversation": conversation,
            "form": form,
            "page": page,
            "status": status,
            "statuses": StatementStatus.choices,
            **_permissions(request, conversation),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@permission_required("opinions.moderate_conversation", CONVERSATION, second_factor=True)
def moderate_statement(
    request: HttpRequest, conversation: Conversation, number: int
) -> HttpResponse:
    statement = queries.get_statement(conversation, number)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or moderate out."))
        return redirect("opinions:moderate", slug=conversation.slug)
    decision = form.cleaned_data["decision"]
    if decision in ("meta", "not_meta"):
        services.moderate_statement(
            by=_user(request),
            statement=statement,
            status=StatementStatus.ACCEPTED if statement.is_pending else statement.status,
            is_meta=decision == "meta",
        )
    else:
        services.moderate_statement(by=_user(request), statement=statement, status=decision)
    messages.success(request, _("Statement %(n)d is updated.") % {"n": statement.number})
    page = reverse("opinions:moderate", kwargs={"slug": conversation.slug})
    return redirect(f"{page}#s{statement.number}")


@require_POST
@permission_required("opinions.moderate_conversation", CONVERSATION, second_factor=True)
def change_status(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to open or close the conversation."))
    elif form.cleaned_data["action"] == "open":
        services.open_conversation(by=_user(request), conversation=conversation)
        messages.success(request, _("The conversation is open."))
    else:
        services.close_conversation(by=_user(request), conversation=conversation)
        messages.success(request, _("The conversation is closed; its report is available."))
    return redirect("opinions:moderate", slug=conversation.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("opinions.moderate_conversation", CONVERSATION, second_factor=True)
def edit_conversation(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    secretariat = request.user.has_perm("opinions.create_conversation")
    form = ConversationForm(
        request.POST or None,
        initial={
            **ConversationForm.initial_for(conversation),
            "belongs_to": ConversationForm.owner_value(conversation),
        },
        with_moderators=secretariat,
        with_owner=secretariat,
        current_owner=conversation.owner,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = _user(request)
        services.update_conversation(
            by=user,
            conversation=conversation,
            changes={name: data[name] for name in services.CONVERSATION_FIELDS},
        )
        if secretariat:
            services.set_moderators(
                by=user, conversation=conversation, moderators=data["moderators"]
            )
            if form.owner() != conversation.owner:
                services.attach_conversation(by=user, conversation=conversation, owner=form.owner())
        messages.success(request, _("The settings are saved."))
        return redirect("opinions:moderate", slug=conversation.slug)
    return render(
        request,
        "opinions/conversation_form.html",
        {"form": form, "conversation": conversation, "creating": False},
        status=400 if form.errors else 200,
    )


@require_safe
@permission_required("opinions.export_conversation", CONVERSATION, second_factor=True)
def export(request: HttpRequest, conversation: Conversation, name: str) -> HttpResponse:
    filename = EXPORT_FILES.get(name)
    if filename is None:
        raise Http404
    files = queries.polis_export(conversation)
    response = HttpResponse(files[filename], content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{conversation.slug}-{filename}"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("opinions.moderate_conversation", CONVERSATION, second_factor=True)
def import_polis(request: HttpRequest, conversation: Conversation) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            counts = services.import_polis(
                by=_user(request), conversation=conversation, data=form.parsed()
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _(
                    "Imported %(statements)d statements, %(participants)d participants "
                    "and %(votes)d votes."
                )
                % counts,
            )
            return redirect("opinions:moderate", slug=conversation.slug)
    return render(
        request,
        "opinions/import.html",
        {"form": form, "conversation": conversation},
        status=400 if form.errors else 200,
    )
