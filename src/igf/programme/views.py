"""Pages of the programme: meetings and calls, proposing a session, confirming participation,
reviewing, and the secretariat's assignment, ranking, decisions and publication of results."""

from __future__ import annotations

import copy
from typing import Any, cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from igf.conduct.guards import contribution
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.permissions import Load, permission_required
from igf.core.rules import is_secretariat
from igf.people.models import User
from igf.programme import hooks, queries, services
from igf.programme.enums import (
    CallPhase,
    Decision,
    ParticipantRole,
)
from igf.programme.forms import (
    PEOPLE_GROUPS,
    AssignForm,
    BaseParticipantFormSet,
    ConflictForm,
    DecisionForm,
    ProposalForm,
    PublishForm,
    ReviewForm,
    people_formsets,
)
from igf.programme.models import (
    AnnualMeeting,
    Assignment,
    Call,
    CallSessionType,
    Proposal,
    ProposalPerson,
)

ASSIGNMENTS_PAGE_SIZE = 100

MEETING = Load(queries.get_meeting, "slug", viewer=True)
# Pages acting on a call or a proposal load it whoever asks, so their permission refuses
# (403); their own pages hide them (404) from those who may not see them.
CALL = Load(queries.get_call)
VISIBLE_CALL = Load(queries.get_visible_call, viewer=True)
PROPOSAL = Load(queries.get_proposal)
VISIBLE_PROPOSAL = Load(queries.get_visible_proposal, viewer=True)
ASSIGNMENT = Load(queries.get_assignment)


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _refusal(request: HttpRequest, error: Refused) -> None:
    """A refusal as the page's messages: the reason, then every failure behind it."""
    messages.error(request, str(error.message))
    if isinstance(error, services.ProgrammeError):
        for reason in error.reasons:
            messages.error(request, str(reason))


# --- Public pages ---------------------------------------------------------------------------


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programme/index.html",
        {
            "meetings": queries.meetings_visible_to(request.user),
            "open_calls": queries.open_calls(),
        },
    )


@require_safe
@permission_required(None, MEETING)
def meeting_detail(request: HttpRequest, meeting: AnnualMeeting) -> HttpResponse:
    return render(
        request,
        "programme/meeting_detail.html",
        {
            "meeting": meeting,
            "themes": queries.meeting_themes(meeting),
            "session_types": queries.meeting_session_types(meeting),
            "calls": queries.calls_visible_to(request.user).filter(meeting=meeting),
            "sections": hooks.sections_for(hooks.MEETING_PAGE, request, meeting),
        },
    )


@require_safe
@permission_required(None, VISIBLE_CALL)
def call_detail(request: HttpRequest, call: Call) -> HttpResponse:
    templates = queries.call_templates(call)
    return render(
        request,
        "programme/call_detail.html",
        {
            "call": call,
            "meeting": call.meeting,
            "phase": call.phase(),
            "templates": templates,
            "criteria": queries.call_criteria(call),
            "outcomes": queries.published_outcomes(call),
            "can_propose": request.user.has_perm("programme.propose", call),
            "can_manage": request.user.has_perm("programme.manage_call", call),
        },
    )


@require_safe
@permission_required(None, VISIBLE_CALL)
def call_statistics(request: HttpRequest, call: Call) -> HttpResponse:
    if not call.is_closed:
        raise Http404
    return render(
        request,
        "programme/call_statistics.html",
        {
            "call": call,
            "tables": queries.call_statistics(call),
            "published": call.results_published is not None,
        },
    )


@require_safe
@permission_required(None, VISIBLE_PROPOSAL)
def proposal_detail(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    rows = queries.proposal_people(proposal)
    user = request.user
    # The proposers, the people named and the secretariat see confirmations, the checklist,
    # and, once published, the reasons and reviewers' comments.
    insider = user.has_perm("programme.view_proposal_details", proposal)
    published = proposal.call.results_published is not None
    return render(
        request,
        "programme/proposal_detail.html",
        {
            "proposal": proposal,
            "rows": rows,
            "insider": insider,
            "published": published,
            "report": queries.criteria_report(proposal, rows) if insider else None,
            "reviews": queries.proposal_reviews(proposal) if insider and published else [],
            "can_edit": user.has_perm("programme.change_own_proposal", proposal),
            "can_withdraw": user.has_perm("programme.withdraw_proposal", proposal),
            "can_decide": user.has_perm("programme.decide_proposal", proposal),
        },
    )


# --- Proposing --------------------------------------------------------------------------------


@require_safe
@permission_required("programme.view_own_proposals")
def my_proposals(request: HttpRequest) -> HttpResponse:
    person = _user(request).person
    proposals = list(queries.proposals_of(person))
    roles = queries.roles_in_proposals(person, proposals)
    for proposal in proposals:
        proposal.my_roles = roles[proposal.pk]  # type: ignore[attr-defined]
    return render(request, "programme/my_proposals.html", {"proposals": proposals})


def _preview(
    request: HttpRequest,
    *,
    call: Call,
    template: CallSessionType,
    proposal: Proposal | None,
    rows: list[ProposalPerson],
    form: ProposalForm,
    formsets: dict[str, BaseParticipantFormSet],
) -> tuple[Any, list[str]]:
    """The checklist and the missing parts of the proposal as typed, before it is saved."""
    person = _user(request).person
    entries = [e for formset in formsets.values() for e in formset.entries()]
    participants = queries.participants_from_entries(entries, rows, person)
    changes = form.changes()
    facts = queries.build_facts(
        context=queries.call_context(call),
        proposal_id=proposal.pk if proposal else None,
        proposer_id=proposal.proposer_id if proposal else person.pk,
        participants=participants,
        previous_report_given=bool(str(changes.get("previous_report") or "").strip()),
    )
    from igf.programme.criteria import check_proposal  # noqa: PLC0415

    report = check_proposal(facts, template.session_type.rules)
    candidate = copy.copy(proposal) if proposal is not None else Proposal(call=call)
    for name, value in changes.items():
        setattr(candidate, name, value)
    return report, services.missing_parts(candidate, template)


def _proposal_form(
    request: HttpRequest, *, call: Call, template: CallSessionType, proposal: Proposal | None
) -> HttpResponse:
    user = _user(request)
    rows = queries.proposal_people(proposal) if proposal is not None else []
    report: Any = None
    missing: list[str] = []
    needs_draft_confirmation = False
    if request.method == "POST":
        form = ProposalForm(request.POST, template=template)
        formsets = people_formsets(template, rows, request.POST)
        action = request.POST.get("action", "save")
        valid = form.is_valid()
        # Every formset is validated (no short-circuit), so every error shows at once.
        valid = all([formset.is_valid() for formset in formsets.values()]) and valid  # noqa: C419
        # When something is not valid, the page's error summary says so and links to it.
        if valid:
            report, missing = _preview(
                request,
                call=call,
                template=template,
                proposal=proposal,
                rows=rows,
                form=form,
                formsets=formsets,
            )
            submitted = proposal is not None and proposal.is_submitted
            if action == "check":
                messages.info(request, _("Checked. Nothing is saved until you save."))
            elif submitted and action == "save" and (missing or not report.passed):
                needs_draft_confirmation = True
                messages.warning(
                    request,
                    _(
                        "Not saved yet: with these changes the proposal no longer meets the "
                        "minimum criteria, so it would go back to being a draft. Save it as a "
                        "draft, or change it."
                    ),
                )
            else:
                try:
                    saved = services.save_proposal(
                        by=user,
                        call=call,
                        session_type=template.session_type,
                        changes=form.changes(),
                        people=[e for fs in formsets.values() for e in fs.entries()],
                        policy_questions=form.questions(),
                        proposal=proposal,
                        back_to_draft=action == "draft",
                    )
                except Refused as error:
                    _refusal(request, error)
                else:
                    return _after_save(request, saved, action)
    else:
        initial = ProposalForm.initial_for(proposal) if proposal is not None else {}
        form = ProposalForm(initial=initial, template=template)
        formsets = people_formsets(
            template, rows, proposer=user.person if proposal is None else None
        )
        if proposal is not None:
            report = queries.criteria_report(proposal, rows)
    by_pk = {r.pk: r for r in rows}
    for formset in formsets.values():
        for person_form in formset.forms:
            person_form.existing = by_pk.get(person_form.initial.get("row"))  # type: ignore[attr-defined]
    groups = [
        (prefix, formsets[prefix], roles)
        for prefix, roles, _part in PEOPLE_GROUPS
        if prefix in formsets
    ]
    return render(
        request,
        "programme/proposal_form.html",
        {
            "call": call,
            "template": template,
            "proposal": proposal,
            "form": form,
            "groups": groups,
            "report": report,
            "missing": missing,
            "needs_draft_confirmation": needs_draft_confirmation,
            "rules": template.session_type.rules,
            "error_forms": [form, *formsets.values()],
        },
    )


def _after_save(request: HttpRequest, proposal: Proposal, action: str) -> HttpResponse:
    if action == "submit":
        try:
            services.submit_proposal(by=_user(request), proposal=proposal)
        except Refused as error:
            _refusal(request, error)
            return redirect("programme:edit_proposal", pk=proposal.pk)
        messages.success(
            request,
            _("Your proposal is submitted. You can change it until the call closes."),
        )
        return redirect(proposal)
    if proposal.is_submitted:
        messages.success(request, _("Your changes are saved. The proposal stays submitted."))
    else:
        messages.success(
            request,
            _(
                "Saved as a draft. Submit it once it meets the minimum criteria, before the "
                "call closes."
            ),
        )
    return redirect("programme:edit_proposal", pk=proposal.pk)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.propose", CALL)
@contribution
def propose(request: HttpRequest, call: Call) -> HttpResponse:
    templates = [t for t in queries.call_templates(call) if t.session_type.proposable]
    chosen = request.POST.get("session_type") or request.GET.get("type")
    if not chosen and len(templates) == 1:
        # One session type to choose from is no choice: straight to its form.
        chosen = str(templates[0].session_type_id)
    if not chosen:
        return render(
            request, "programme/propose_choose.html", {"call": call, "templates": templates}
        )
    template = next((t for t in templates if str(t.session_type_id) == chosen), None)
    if template is None:
        raise Http404
    return _proposal_form(request, call=call, template=template, proposal=None)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.change_own_proposal", PROPOSAL)
@contribution
def edit_proposal(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    template = queries.get_template(proposal.call, proposal.session_type_id)
    return _proposal_form(request, call=proposal.call, template=template, proposal=proposal)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.withdraw_proposal", PROPOSAL)
def withdraw_proposal(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    if request.method == "POST":
        try:
            services.withdraw_proposal(by=_user(request), proposal=proposal)
        except Refused as error:
            _refusal(request, error)
        else:
            messages.success(request, _("The proposal is withdrawn."))
        return redirect(proposal)
    return render(request, "programme/proposal_withdraw.html", {"proposal": proposal})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_participation(request: HttpRequest, token: str) -> HttpResponse:
    """The page an e-mailed link opens: confirm or decline taking part, no sign-in needed."""
    row = services.row_for_token(token)
    if row is None:
        return render(request, "programme/confirm_invalid.html", status=400)
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in ("confirm", "decline"):
            messages.error(request, _("Choose whether you take part."))
        else:
            user = _user(request) if request.user.is_authenticated else None
            services.respond_to_invitation(by=user, row=row, accept=answer == "confirm")
            if answer == "confirm":
                messages.success(request, _("Thank you: you are confirmed."))
            else:
                messages.success(
                    request, _("Thank you: the proposers know you will not take part.")
                )
            return redirect("programme:confirm", token=token)
    return render(request, "programme/confirm.html", {"row": row, "proposal": row.proposal})


# --- Review -------------------------------------------------------------------------------------


@require_safe
@permission_required("programme.view_own_reviews")
def review_list(request: HttpRequest) -> HttpResponse:
    assignments = list(queries.reviewer_assignments(_user(request).person))
    # Only a call under review lets its reviewers open a proposal (`can_review`); the others
    # are listed as closed, without a link that would end on a refusal.
    current = [a for a in assignments if a.proposal.call.phase() == CallPhase.REVIEW]
    closed = [a for a in assignments if a.proposal.call.phase() != CallPhase.REVIEW]
    return render(request, "programme/review_list.html", {"assignments": current, "closed": closed})


def _blind_context(assignment: Assignment) -> dict[str, Any]:
    """What a reviewer sees of a proposal: no names when review is blind."""
    proposal = assignment.proposal
    rows = queries.proposal_people(proposal)
    speakers = [r for r in rows if r.role == ParticipantRole.SPEAKER]
    return {
        "proposal": proposal,
        "rows": rows,
        "blind": proposal.call.blind_review,
        "report": queries.criteria_report(proposal, rows),
        "speaker_balance": queries.people_balance(speakers),
        "developing": queries.developing_flag(rows),
        "questions": proposal.policy_questions.select_related("theme"),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.review_proposal", ASSIGNMENT)
def review(request: HttpRequest, assignment: Assignment) -> HttpResponse:
    proposal = assignment.proposal
    existing = queries.review_of(assignment)
    criteria = list(queries.call_criteria(proposal.call))
    candidates = queries.merge_candidates(proposal)
    if request.method == "POST":
        form = ReviewForm(request.POST, criteria=criteria, candidates=candidates)
        if form.is_valid():
            try:
                services.save_review(
                    by=_user(request),
                    assignment=assignment,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                    note_to_staff=form.cleaned_data["note_to_staff"],
                    merge_with=form.cleaned_data["merge_with"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(
                    request,
                    _("Your review is saved. You can change it until the results are published."),
                )
                return redirect("programme:reviews")
        else:
            messages.error(
                request, _("The review was not saved. Please correct the marked fields.")
            )
    else:
        initial: dict[str, Any] = {}
        if existing is not None:
            initial = {
                "comment": existing.comment,
                "note_to_staff": existing.note_to_staff,
                "merge_with": existing.merge_with_id,
                **{f"criterion_{s.criterion_id}": str(s.value) for s in existing.scores.all()},
            }
        form = ReviewForm(initial=initial, criteria=criteria, candidates=candidates)
    return render(
        request,
        "programme/review_form.html",
        {
            "assignment": assignment,
            "form": form,
            "existing": existing,
            **_blind_context(assignment),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.declare_conflict", ASSIGNMENT)
def declare_conflict(request: HttpRequest, assignment: Assignment) -> HttpResponse:
    form = ConflictForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.declare_conflict(
                by=_user(request), assignment=assignment, reason=form.cleaned_data["reason"]
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Thank you. The proposal goes to another reviewer."))
            if is_secretariat(request.user):
                return redirect("programme:assignments", pk=assignment.proposal.call_id)
            return redirect("programme:reviews")
    return render(request, "programme/conflict_form.html", {"assignment": assignment, "form": form})


# --- The secretariat's pages ----------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.manage_call", CALL, second_factor=True)
def manage_call(request: HttpRequest, call: Call) -> HttpResponse:
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "enlist":
                added = services.enlist_reviewers(by=_user(request), call=call)
                messages.success(
                    request,
                    ngettext(
                        "%(n)d reviewer added from the evaluating body.",
                        "%(n)d reviewers added from the evaluating body.",
                        added,
                    )
                    % {"n": added},
                )
            elif action == "assign":
                plan = services.assign_reviewers(by=_user(request), call=call)
                messages.success(
                    request,
                    ngettext(
                        "%(n)d assignment made; empty places left: %(short)d.",
                        "%(n)d assignments made; empty places left: %(short)d.",
                        len(plan.assignments),
                    )
                    % {"n": len(plan.assignments), "short": sum(plan.short.values())},
                )
            else:
                messages.error(request, _("Choose an action."))
        except Refused as error:
            _refusal(request, error)
        return redirect("programme:manage_call", pk=call.pk)
    return render(
        request,
        "programme/manage_call.html",
        {
            "call": call,
            "phase": call.phase(),
            "statuses": queries.proposal_status_counts(call),
            "reviewers": queries.call_reviewers(call),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.manage_call", CALL, second_factor=True)
def assignments(request: HttpRequest, call: Call) -> HttpResponse:
    reviewers = queries.reviewer_choices(call)
    form = AssignForm(reviewers=reviewers)
    if request.method == "POST":
        user = _user(request)
        if "remove" in request.POST:
            assignment = queries.find_call_assignment(
                call, _int_or_none(request.POST.get("remove"))
            )
            if assignment is None:
                messages.error(request, _("That assignment does not exist."))
            else:
                services.remove_assignment(by=user, assignment=assignment)
                messages.success(request, _("The reviewer no longer reviews that proposal."))
            return redirect("programme:assignments", pk=call.pk)
        form = AssignForm(request.POST, reviewers=reviewers)
        if form.is_valid():
            proposal = queries.find_live_proposal(call, form.cleaned_data["number"])
            if proposal is None:
                form.add_error("number", _("No submitted proposal of this call has that number."))
            else:
                try:
                    services.assign_reviewer(
                        by=user, proposal=proposal, reviewer=form.cleaned_data["reviewer"]
                    )
                except Refused as error:
                    add_refusal(form, error)
                else:
                    messages.success(request, _("The reviewer now reviews that proposal."))
                    return redirect("programme:assignments", pk=call.pk)
    page = Paginator(queries.call_assignments(call), ASSIGNMENTS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "programme/assignments.html", {"call": call, "page": page, "form": form})


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.manage_call", CALL, second_factor=True)
def ranking(request: HttpRequest, call: Call) -> HttpResponse:
    theme = _int_or_none(request.GET.get("theme"))
    session_type = _int_or_none(request.GET.get("type"))
    if request.method == "POST":
        shown = {i for v in request.POST.getlist("shown") if (i := _int_or_none(v)) is not None}
        ticked = {i for v in request.POST.getlist("selected") if (i := _int_or_none(v)) is not None}
        try:
            changed = services.set_selection(
                by=_user(request), call=call, selected=ticked & shown, among=shown
            )
        except Refused as error:
            _refusal(request, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Selection saved: %(n)d decision changed.",
                    "Selection saved: %(n)d decisions changed.",
                    changed,
                )
                % {"n": changed},
            )
        query = urlencode({k: v for k, v in (("theme", theme), ("type", session_type)) if v})
        return redirect(
            reverse("programme:ranking", kwargs={"pk": call.pk}) + (f"?{query}" if query else "")
        )
    rows = queries.ranked_proposals(call, theme=theme, session_type=session_type)
    selected = queries.selected_ids(call)
    templates = queries.call_templates(call)
    slots = []
    selected_rows = [r for r in queries.ranked_proposals(call) if r.proposal.pk in selected]
    short_of_target = [r for r in selected_rows if not r.facilitators.met]
    for template in templates:
        count = sum(
            1 for r in selected_rows if r.proposal.session_type_id == template.session_type_id
        )
        slots.append((template, count))
    return render(
        request,
        "programme/ranking.html",
        {
            "call": call,
            "rows": rows,
            "selected": selected,
            "balance": queries.selection_balance(call, selected),
            "themes": call.meeting.themes.all(),
            "templates": templates,
            "slots": slots,
            "short_of_target": short_of_target,
            "theme": theme,
            "session_type": session_type,
            "published": call.results_published is not None,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.decide_proposal", PROPOSAL, second_factor=True)
def decide(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    candidates = queries.merge_candidates(proposal)
    initial = {
        "decision": proposal.decision,
        "reason": proposal.decision_reason,
        "merge_with": proposal.merge_with_id,
    }
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        candidates=candidates,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_decision(
                by=_user(request),
                proposal=proposal,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                merge_with=form.cleaned_data["merge_with"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _("The decision is recorded. Proposers learn it when the results are published."),
            )
            _warn_facilitator_target(request, proposal)
            return redirect("programme:ranking", pk=proposal.call_id)
    rows = queries.proposal_people(proposal)
    return render(
        request,
        "programme/decide.html",
        {
            "proposal": proposal,
            "rows": rows,
            "form": form,
            "reviews": queries.proposal_reviews(proposal),
            "report": queries.criteria_report(proposal, rows),
            "facilitators": queries.facilitators_of(
                rows, proposal.session_type.rules.developing_facilitators_percent
            ),
        },
    )


def _warn_facilitator_target(request: HttpRequest, proposal: Proposal) -> None:
    """A selected proposal whose facilitators fall short of its type's developing-country
    target (main sessions: half) is accepted, with a warning that says by how much."""
    if proposal.decision not in (Decision.ACCEPT, Decision.ACCEPT_WITH_CHANGES):
        return
    balance = queries.facilitators_of(
        queries.proposal_people(proposal),
        proposal.session_type.rules.developing_facilitators_percent,
    )
    if balance.met:
        return
    messages.warning(
        request,
        _(
            "%(reference)s is below its balance target: %(developing)d of its %(total)d "
            "facilitators come from developing countries; the target is at least "
            "%(target)d%%."
        )
        % {
            "reference": proposal.reference,
            "developing": balance.developing,
            "total": balance.facilitators,
            "target": balance.target_percent,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("programme.manage_call", CALL, second_factor=True)
def publish_results(request: HttpRequest, call: Call) -> HttpResponse:
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.publish_results(
                by=_user(request),
                call=call,
                note=form.cleaned_data["note"],
            )
        except Refused as error:
            _refusal(request, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The results are published and %(n)d proposer is told.",
                    "The results are published and %(n)d proposers are told.",
                    count,
                )
                % {"n": count},
            )
            return redirect(call)
    decisions = queries.decision_counts(call)
    summary = [(label, decisions.get(value, 0)) for value, label in Decision.choices]
    return render(
        request,
        "programme/publish.html",
        {
            "call": call,
            "form": form,
            "summary": summary,
            "undecided": decisions.get("", 0),
        },
    )
