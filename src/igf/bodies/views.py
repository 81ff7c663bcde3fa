"""Pages of the bodies app: the registry, a body's page, members, terms of reference, calls,
reports, workplan and mailing list."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from icalendar import Calendar, Event

from igf.bodies import queries, services
from igf.bodies.composition import CompositionCheck, comparison_row, measure
from igf.bodies.enums import (
    CallStatus,
    ChairMethod,
    ElectionStatus,
    NominationMethod,
    ProposalStatus,
    Role,
)
from igf.bodies.forms import (
    AdoptTermsForm,
    AppointForm,
    BallotForm,
    BodyFilterForm,
    BodyProposalForm,
    CallForm,
    ChairAppointForm,
    ChairElectionForm,
    ChairNominationForm,
    EndMembershipForm,
    ListMessageForm,
    MilestoneForm,
    NominationAnswerForm,
    NominationForm,
    ProposalReviewForm,
    ReportForm,
    RotationForm,
)
from igf.bodies.models import Body, BodyProposal, BodyType, Call, ChairVoter, Membership
from igf.bodies.phrases import body_type_name, finding_message
from igf.bodies.sections import sections_for
from igf.core.csvfile import write_csv
from igf.core.enums import StakeholderGroup
from igf.core.errors import Refused
from igf.core.forms import add_refusal
from igf.core.links import site_url
from igf.core.permissions import Load, permission_required
from igf.core.textdiff import word_diff
from igf.people.models import Person, User

LIST_PAGE_SIZE = 60


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


# The body (or call) a page is about, found once from the address (see permission_required).
BODY = Load(queries.get_body, "slug", viewer=True)
CALL = Load(queries.get_call, "slug", "pk", viewer=True)


def _findings(check: CompositionCheck) -> dict[str, list[str]]:
    return {
        "refusals": [finding_message(f) for f in check.refusals],
        "warnings": [finding_message(f) for f in check.warnings],
    }


@require_safe
def body_list(request: HttpRequest) -> HttpResponse:
    types = list(BodyType.objects.all())
    form = BodyFilterForm(
        request.GET, type_choices=[(t.slug, body_type_name(t, plural=True)) for t in types]
    )
    filters = form.filters()
    bodies = queries.body_list(request.user, **filters, types=types)
    page = Paginator(bodies, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    overdue = {b.pk for b in page if queries.report_is_overdue(b)}
    for body in page:
        body.unmet_labels = queries.unmet_labels(body)  # type: ignore[attr-defined]
    chosen = next((t for t in types if t.slug == filters["type_slug"]), None)
    return render(
        request,
        "bodies/body_list.html",
        {
            "form": form,
            "page": page,
            "overdue": overdue,
            "types": types,
            "filters": filters,
            "initiatives": chosen is not None and chosen.is_initiative,
            "can_propose": request.user.has_perm("bodies.propose_body"),
        },
    )


@require_safe
def initiatives(request: HttpRequest) -> HttpResponse:
    """The national, regional and youth initiatives, a list by region: "the IGF of my country"."""
    return render(
        request,
        "bodies/initiatives.html",
        {"groups": queries.initiatives_by_region(request.user)},
    )


@require_safe
def type_comparison(request: HttpRequest, type_slug: str) -> HttpResponse:
    """All bodies of one type side by side, each with its balance."""
    body_type = queries.get_body_type(type_slug)
    bodies = list(
        queries.body_list(request.user, type_slug=type_slug, types=[body_type]).prefetch_related(
            "targets"
        )
    )
    memberships = list(
        Membership.objects.filter(body__in=bodies)
        .select_related("person__country")
        .order_by("body_id", "start", "pk")
    )
    by_body: dict[int, list[Membership]] = {}
    for membership in memberships:
        by_body.setdefault(membership.body_id, []).append(membership)
    today = timezone.localdate()
    rows = []
    for body in bodies:
        body.type = body_type
        seats = queries.seats_on(body, today, memberships=by_body.get(body.pk, []))
        report = measure(seats, queries.rules_for(body))
        rows.append(comparison_row(body, report))
    return render(
        request,
        "bodies/type_comparison.html",
        {
            "body_type": body_type,
            "type_name": body_type_name(body_type, plural=True),
            "rows": rows,
            "groups": StakeholderGroup.choices,
        },
    )


@require_safe
@permission_required(None, BODY)
def body_detail(request: HttpRequest, body: Body) -> HttpResponse:
    services.close_due_calls()
    check = queries.composition(body)
    members = queries.current_memberships(body)
    milestones = queries.workplan(body)
    user = request.user
    context: dict[str, Any] = {
        "can_manage_members": user.has_perm("bodies.manage_members", body),
        "can_view_history": user.has_perm("bodies.view_membership_history", body),
        "can_read_list": user.has_perm("bodies.read_list", body),
        "body": body,
        "type_name": body_type_name(body.type),
        "members": members,
        "balance": check.balance,
        "findings": _findings(check),
        "requirements": queries.requirements(body, check),
        "unmet_labels": [str(label) for label in queries.unmet_labels(body)],
        "report_overdue": queries.report_is_overdue(body),
        "terms": queries.find_latest_terms(body),
        "milestones": milestones,
        "calls": list(queries.calls_visible_to(request.user, body)[:5]),
        "reports": list(body.annual_reports.order_by("-year")[:5]),
        "children": list(body.children.select_related("type")),
        "sections": sections_for(request, body),
        "is_member": any(m.person.user_id == request.user.pk for m in members),
        "today": timezone.localdate(),
        "turnover": queries.turnover(body, timezone.localdate().year)
        if body.type.has_fixed_terms
        else None,
    }
    return render(request, "bodies/body_detail.html", context)


@require_safe
@permission_required("bodies.view_membership_history", BODY)
def membership_history(request: HttpRequest, body: Body) -> HttpResponse:
    page = Paginator(queries.membership_history(body), 100).get_page(request.GET.get("page"))
    return render(request, "bodies/membership_history.html", {"body": body, "page": page})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.manage_members", BODY, second_factor=True)
def appoint(request: HttpRequest, body: Body) -> HttpResponse:
    """Appoint a member: the first submit shows the rules the change breaks; the second saves."""
    form = AppointForm(request.POST or None, initial={"start": timezone.localdate()})
    findings: dict[str, list[str]] | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        appointment = queries.Appointment(
            person=data["email"],
            role=data["role"],
            start=data["start"],
            end=data["end"],
            capacity=data["capacity"],
            organization=data["organization"],
            stakeholder_group=data["stakeholder_group"],
        )
        check = queries.preview_appointment(body, appointment)
        findings = _findings(check)
        if data["confirmed"] or not check.findings:
            try:
                services.appoint_member(
                    by=_user(request),
                    body=body,
                    appointment=appointment,
                    override_reason=data["override_reason"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The appointment is saved."))
                return redirect(body)
        else:
            # Shown the findings once: the next submit of the same form saves.
            form = AppointForm({**request.POST.dict(), "confirmed": "on"})
            form.is_valid()
    return render(
        request, "bodies/appoint.html", {"body": body, "form": form, "findings": findings}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.manage_members", BODY)
def end_membership(request: HttpRequest, body: Body, pk: int) -> HttpResponse:
    membership = queries.get_membership(body, pk)
    form = EndMembershipForm(request.POST or None, initial={"end": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.end_membership(
                by=_user(request),
                membership=membership,
                end=form.cleaned_data["end"],
                reason=form.cleaned_data["reason"],
            )
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The membership is ended."))
            return redirect(body)
    return render(
        request,
        "bodies/end_membership.html",
        {"body": body, "membership": membership, "form": form},
    )


@require_POST
@permission_required("bodies.join", BODY)
def join(request: HttpRequest, body: Body) -> HttpResponse:
    try:
        services.join_body(by=_user(request), body=body)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You are now a member of %(body)s.") % {"body": body.name})
    return redirect(body)


@require_POST
@permission_required("bodies.leave", BODY)
def leave(request: HttpRequest, body: Body) -> HttpResponse:
    services.leave_body(by=_user(request), body=body)
    messages.success(request, _("You have left %(body)s.") % {"body": body.name})
    return redirect(body)


@require_safe
@permission_required("bodies.plan_rotation", BODY)
def rotation(request: HttpRequest, body: Body) -> HttpResponse:
    today = timezone.localdate()
    form = RotationForm(request.GET or None, initial={"on": date(today.year + 1, 1, 1)})
    on = (
        form.cleaned_data["on"] if form.is_bound and form.is_valid() else date(today.year + 1, 1, 1)
    )
    plan = queries.plan_rotation(body, on)
    return render(request, "bodies/rotation.html", {"body": body, "form": form, "plan": plan})


@require_safe
@permission_required(None, BODY)
def terms_latest(request: HttpRequest, body: Body) -> HttpResponse:
    terms = queries.find_latest_terms(body)
    if terms is None:
        raise Http404
    return redirect(terms)


@require_safe
@permission_required(None, BODY)
def terms(request: HttpRequest, body: Body, version: int) -> HttpResponse:
    terms = queries.get_terms(body, version)
    versions = list(
        body.terms_of_reference.order_by("-version").only("version", "adopted_on", "body_id")
    )
    return render(
        request, "bodies/terms.html", {"body": body, "terms": terms, "versions": versions}
    )


@require_safe
@permission_required(None, BODY)
def terms_compare(request: HttpRequest, body: Body) -> HttpResponse:
    versions = {t.version: t for t in body.terms_of_reference.all()}
    try:
        old = versions[int(request.GET.get("from", ""))]
        new = versions[int(request.GET.get("to", ""))]
    except (KeyError, ValueError) as error:
        raise Http404 from error
    return render(
        request,
        "bodies/terms_compare.html",
        {"body": body, "old": old, "new": new, "chunks": word_diff(old.text, new.text)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.adopt_terms", BODY)
def adopt_terms(request: HttpRequest, body: Body) -> HttpResponse:
    latest = queries.find_latest_terms(body)
    initial: dict[str, Any] = {"text": latest.text if latest else ""}
    if latest is not None:
        initial |= {
            name: getattr(latest, name)
            for name in (
                "chair_method", "chair_appointed_by", "chairs", "election_quorum",
                "rotation_order",
            )
        }  # fmt: skip
    form = AdoptTermsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = services.adopt_terms_of_reference(
            by=_user(request), body=body, **form.cleaned_data
        )
        messages.success(
            request, _("Version %(version)s is recorded.") % {"version": version.version}
        )
        return redirect(version)
    return render(request, "bodies/adopt_terms.html", {"body": body, "form": form})


def _close_due_calls(call: Call) -> None:
    """Calls past their deadline close when a page about them is seen (and the worker runs)."""
    if services.close_due_calls():
        call.refresh_from_db(fields=["status"])


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(None, CALL)
def call_detail(request: HttpRequest, call: Call) -> HttpResponse:
    body = call.body
    _close_due_calls(call)
    form = NominationForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.nominate(
                    by=_user(request),
                    call=call,
                    nominee=data["nominee_email"] or _user(request).person,
                    stakeholder_group=data["stakeholder_group"],
                    country=data["country"],
                    expertise=data["expertise"],
                    motivation=data["motivation"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Thank you: the nomination is recorded."))
                return redirect(call)
    appointed = list(queries.appointed(call)) if call.is_decided else []
    return render(
        request,
        "bodies/call.html",
        {
            "body": body,
            "call": call,
            "form": form,
            "is_open": call.is_open(),
            "appointed": appointed,
            "methods": [
                (label, call.method_for(value), NominationMethod(call.method_for(value)).label)
                for value, label in StakeholderGroup.choices
            ],
            "can_open": call.status == CallStatus.DRAFT
            and request.user.has_perm("bodies.decide_call", call),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.create_call", BODY)
def call_new(request: HttpRequest, body: Body) -> HttpResponse:
    """The secretariat creates a call on the site (a draft until it is opened)."""
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.create_call(by=_user(request), body=body, data=form.call_data())
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The call is saved as a draft; open it when it is ready."))
            return redirect(call)
    return render(request, "bodies/call_form.html", {"body": body, "form": form})


@require_POST
@permission_required("bodies.decide_call", CALL)
def call_open(request: HttpRequest, call: Call) -> HttpResponse:
    try:
        services.open_call(by=_user(request), call=call)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The call is open: anyone may now see it and nominate."))
    return redirect(call)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.decide_call", CALL, second_factor=True)
def call_select(request: HttpRequest, call: Call) -> HttpResponse:
    """After the deadline: candidates with the balance the selection would produce."""
    body = call.body
    _close_due_calls(call)
    candidates = queries.candidates(call)
    chosen = [int(v) for v in request.POST.getlist("selected") if v.isdigit()]
    check = queries.selection_preview(call, chosen)
    error = ""
    if request.method == "POST" and request.POST.get("decide"):
        reasons = {n.pk: request.POST.get(f"reason_{n.pk}", "").strip() for n in candidates}
        if any(not reason for reason in reasons.values()):
            error = _("Give a reason for every decision, selected or not.")
        else:
            try:
                services.decide_call(
                    by=_user(request),
                    call=call,
                    selected={pk: reasons[pk] for pk in chosen if pk in reasons},
                    not_selected={pk: r for pk, r in reasons.items() if pk not in chosen},
                    outcome=request.POST.get("outcome", ""),
                    override_reason=request.POST.get("override_reason", ""),
                )
            except Refused as refusal:
                error = str(refusal.message)
            else:
                messages.success(
                    request, _("The outcome is published and every candidate is told.")
                )
                return redirect(call)
    return render(
        request,
        "bodies/call_select.html",
        {
            "body": body,
            "call": call,
            "rows": [
                (n, n.pk in chosen, request.POST.get(f"reason_{n.pk}", n.decision_reason))
                for n in candidates
            ],
            "balance": check.balance,
            "findings": _findings(check),
            "error": error,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.nominate")
def nomination(request: HttpRequest, pk: int) -> HttpResponse:
    """The nominee's page: confirm or decline a nomination by someone else, or withdraw."""
    item = queries.get_nomination_for_nominee(pk, viewer=_user(request))
    form = NominationAnswerForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("withdraw"):
                services.withdraw_nomination(by=_user(request), nomination=item)
                messages.success(request, _("Your nomination is withdrawn."))
                return redirect(item.call)
            if form.is_valid():
                services.answer_nomination(
                    by=_user(request),
                    nomination=item,
                    accept=form.cleaned_data["answer"] == "accept",
                )
                messages.success(request, _("Thank you: your answer is recorded."))
                return redirect(item.call)
        except Refused as error:
            add_refusal(form, error)
    return render(
        request,
        "bodies/nomination.html",
        {"nomination": item, "form": form, "awaiting": item.is_awaiting_nominee},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(None, BODY)
def reports(request: HttpRequest, body: Body) -> HttpResponse:
    can_submit = request.user.has_perm("bodies.manage_work", body)
    form = ReportForm(
        request.POST or None, request.FILES or None, initial={"year": timezone.localdate().year - 1}
    )
    if request.method == "POST":
        if not can_submit:
            raise Http404
        if form.is_valid():
            try:
                services.submit_annual_report(
                    by=_user(request),
                    body=body,
                    year=form.cleaned_data["year"],
                    text=form.cleaned_data["text"],
                    file=form.cleaned_data["file"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The report is filed."))
                return redirect("bodies:reports", slug=body.slug)
    return render(
        request,
        "bodies/reports.html",
        {
            "body": body,
            "reports": body.annual_reports.order_by("-year"),
            "form": form if can_submit else None,
            "overdue": queries.report_is_overdue(body),
        },
    )


@require_safe
@permission_required(None, BODY)
def report_file(request: HttpRequest, body: Body, year: int) -> HttpResponse:
    report = queries.get_annual_report(body, year)
    if not report.file:
        raise Http404
    response = HttpResponse(report.file.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{body.slug}-report-{year}.pdf"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(None, BODY)
def workplan(request: HttpRequest, body: Body) -> HttpResponse:
    can_manage = request.user.has_perm("bodies.manage_work", body)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise Http404
        if form.is_valid():
            milestone = form.save(commit=False)
            milestone.body = body
            milestone.owner = form.cleaned_data["owner_email"]
            services.save_milestone(by=_user(request), milestone=milestone)
            messages.success(request, _("The milestone is added."))
            return redirect("bodies:workplan", slug=body.slug)
    return render(
        request,
        "bodies/workplan.html",
        {"body": body, "milestones": queries.workplan(body), "form": form if can_manage else None},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.manage_work", BODY)
def milestone_edit(request: HttpRequest, body: Body, pk: int) -> HttpResponse:
    milestone = queries.get_milestone(body, pk)
    initial = {"owner_email": milestone.owner.user.email if milestone.owner else ""}
    form = MilestoneForm(request.POST or None, instance=milestone, initial=initial)
    if request.method == "POST" and form.is_valid():
        milestone = form.save(commit=False)
        milestone.owner = form.cleaned_data["owner_email"]
        services.save_milestone(by=_user(request), milestone=milestone)
        messages.success(request, _("The milestone is saved."))
        return redirect("bodies:workplan", slug=body.slug)
    return render(
        request, "bodies/milestone_edit.html", {"body": body, "milestone": milestone, "form": form}
    )


@require_safe
@permission_required(None, BODY)
def workplan_ics(request: HttpRequest, body: Body) -> HttpResponse:
    """The workplan's milestones as an iCalendar feed (all-day events on the due dates)."""
    calendar = Calendar()
    calendar.add("prodid", "-//IGF Platform//bodies//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{body.name}: {_('workplan')}")
    for milestone in body.milestones.all():
        event = Event()
        event.add("uid", f"milestone-{milestone.pk}@igf-platform")
        event.add("summary", milestone.title)
        event.add("dtstart", milestone.due)
        event.add("dtstamp", milestone.updated)
        event.add("description", f"{milestone.get_status_display()}\n{milestone.description}")
        event.add("url", site_url(f"{body.get_absolute_url()}workplan/"))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{body.slug}-workplan.ics"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.read_list", BODY)
def mailing_list(request: HttpRequest, body: Body) -> HttpResponse:
    can_post = request.user.has_perm("bodies.post_to_list", body)
    form = ListMessageForm(request.POST or None)
    if request.method == "POST":
        if not can_post:
            raise Http404
        if form.is_valid():
            parent = body.messages.filter(pk=form.cleaned_data["in_reply_to"] or 0).first()
            services.post_message(
                by=_user(request),
                body=body,
                subject=form.cleaned_data["subject"],
                text=form.cleaned_data["text"],
                in_reply_to=parent,
            )
            messages.success(request, _("Your message is sent to the list."))
            return redirect("bodies:list_archive", slug=body.slug)
    subscribed = (
        request.user.is_authenticated
        and body.subscriptions.filter(person__user=request.user, active=True).exists()
    )
    return render(
        request,
        "bodies/mailing_list.html",
        {
            "body": body,
            "threads": queries.threads(body),
            "form": form if can_post else None,
            "subscribed": subscribed,
        },
    )


@require_POST
@permission_required("bodies.subscribe", BODY)
def subscribe(request: HttpRequest, body: Body) -> HttpResponse:
    try:
        services.subscribe(by=_user(request), body=body)
    except Refused as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You will receive the list's messages by e-mail."))
    return redirect(body)


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Leave a list from the link in any of its messages: a confirmation, then one POST."""
    subscription = queries.get_subscription(token)
    if request.method == "POST":
        services.unsubscribe(token=token)
        return render(request, "bodies/unsubscribed.html", {"body": subscription.body})
    return render(request, "bodies/unsubscribe.html", {"body": subscription.body, "token": token})


def _composition_rows(bodies: list[Body]) -> list[dict[str, Any]]:
    today = timezone.localdate()
    memberships = list(
        Membership.objects.current(today).filter(body__in=bodies).select_related("person__country")
    )
    by_body: dict[int, list[Membership]] = {}
    for membership in memberships:
        by_body.setdefault(membership.body_id, []).append(membership)
    rows = []
    for body in bodies:
        seats = queries.seats_on(body, today, memberships=by_body.get(body.pk, []))
        counts: dict[str, int | None] = {}
        report = measure(seats, queries.rules_for(body))
        for dimension in report.dimensions:
            for row in dimension.categories:
                # Open data never carries cells small enough to single a person out.
                if dimension.dimension.value in ("gender", "youth") and 0 < row.count < 5:
                    counts[f"{dimension.dimension.value}:{row.category}"] = None
                else:
                    counts[f"{dimension.dimension.value}:{row.category}"] = row.count
        rows.append(
            {
                "body": body.slug,
                "name": body.name,
                "type": body.type.slug,
                "seats": report.total,
                **counts,
            }
        )
    return rows


@require_safe
def composition_json(request: HttpRequest) -> HttpResponse:
    bodies = list(queries.body_list(request.user).prefetch_related("targets"))
    return JsonResponse(
        {"date": timezone.localdate().isoformat(), "bodies": _composition_rows(bodies)},
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def composition_csv(request: HttpRequest) -> HttpResponse:
    bodies = list(queries.body_list(request.user).prefetch_related("targets"))
    rows = _composition_rows(bodies)
    columns = sorted({key for row in rows for key in row} - {"body", "name", "type", "seats"})
    header = ["body", "name", "type", "seats", *columns]
    content = write_csv(
        header,
        (
            [
                ("<5" if row.get(key) is None else row.get(key)) if key in row else ""
                for key in header
            ]
            for row in rows
        ),
    )
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bodies-composition.csv"'
    return response


@require_safe
@permission_required(None, BODY)
def body_composition_json(request: HttpRequest, body: Body) -> HttpResponse:
    return HttpResponse(
        json.dumps(_composition_rows([body])[0], ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )


# --- Proposals of new bodies ------------------------------------------------------------------

PROPOSAL = Load(queries.get_proposal, "pk")


def _type_requirements(body_type: BodyType) -> list[str]:
    """What a type asks of a new body, in words, for the proposal form."""
    probe = BodyProposal(type=body_type)
    return [str(r.label) for r in queries.proposal_requirements(probe)]


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.propose_body")
def propose(request: HttpRequest) -> HttpResponse:
    form = BodyProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.propose_body(by=_user(request), body_type=data["type"], data=data)
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(
                request, _("Your proposal is submitted; the secretariat will review it.")
            )
            return redirect(proposal)
    types = list(BodyType.objects.filter(may_be_proposed=True).order_by("order"))
    return render(
        request,
        "bodies/proposal_form.html",
        {
            "form": form,
            "type_requirements": [(body_type_name(t), _type_requirements(t)) for t in types],
        },
    )


@require_safe
@permission_required("bodies.propose_body", second_factor=True)
def proposal_list(request: HttpRequest) -> HttpResponse:
    proposals = queries.proposals_visible_to(request.user)
    page = Paginator(proposals, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "bodies/proposal_list.html", {"page": page})


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.view_proposal", PROPOSAL, second_factor=True)
def proposal_detail(request: HttpRequest, proposal: BodyProposal) -> HttpResponse:
    can_review = request.user.has_perm("bodies.review_proposal", proposal)
    form = ProposalReviewForm(request.POST or None) if can_review else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.review_proposal(
                    by=_user(request),
                    proposal=proposal,
                    recognise=form.cleaned_data["decision"] == "recognise",
                    reason=form.cleaned_data["reason"],
                )
            except Refused as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The decision is recorded; the proposer is told."))
                return redirect(proposal)
    return render(
        request,
        "bodies/proposal_detail.html",
        {
            "proposal": proposal,
            "requirements": queries.proposal_requirements(proposal),
            "form": form if proposal.status == ProposalStatus.SUBMITTED else None,
            "can_change": request.user.has_perm("bodies.change_proposal", proposal),
            "groups": [StakeholderGroup(g).label for g in proposal.stakeholder_groups],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("bodies.change_proposal", PROPOSAL)
def proposal_edit(request: HttpRequest, proposal: BodyProposal) -> HttpResponse:
    form = BodyProposalForm(request.POST or None, instance=proposal, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.resubmit_proposal(by=_user(request), proposal=proposal, data=form.cleaned_data)
        except Refused as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your proposal is submitted again."))
            return redirect(proposal)
    return render(
        request,
        "bodies/proposal_form.html",
        {"form": form, "proposal": proposal, "type_requirements": []},
    )


# --- Chairs, chosen as the terms of reference say ---------------------------------------------


def _seat_people(body: Body) -> Any:
    ids = Membership.objects.current().filter(body=body, role__in=queries.seat_roles(body))
    return Person.objects.filter(pk__in=ids.values("person_id")).order_by("display_name")


@require_safe
@permission_required(None, BODY)
def chair(request: HttpRequest, body: Body) -> HttpResponse:
    """How the chair is chosen, who chairs, the record of each choice, and the ballot."""
    user = request.user
    terms = queries.find_latest_terms(body)
    election = body.chair_elections.first()
    can_manage = user.has_perm("bodies.manage_chair", body)
    can_vote = user.has_perm("bodies.vote_for_chair", body)
    is_open = election is not None and election.status == ElectionStatus.OPEN
    voting = is_open and election is not None and election.closes > timezone.now()
    has_voted = (
        voting
        and user.is_authenticated
        and ChairVoter.objects.filter(election=election, person__user=user).exists()
    )
    method = terms.chair_method if terms else ChairMethod.APPOINTED
    context: dict[str, Any] = {
        "body": body,
        "terms": terms,
        "method": method,
        "method_label": ChairMethod(method).label,
        "chairs": list(
            Membership.objects.current()
            .filter(body=body, role=Role.CHAIR)
            .select_related("person")
            .order_by("start", "pk")
        ),
        "choices": list(body.chair_choices.select_related("person", "election")[:20]),
        "next_group": (
            StakeholderGroup(services.next_in_turn(body)).label
            if method == ChairMethod.ROTATING
            else None
        ),
        "election": election,
        "voting": voting,
        "candidates": list(election.candidates.select_related("person")) if election else [],
        "has_voted": has_voted,
        "can_manage": can_manage,
        "can_close": can_manage and is_open and not voting,
        "appoint_form": (
            ChairAppointForm(members=_seat_people(body), initial={"start": timezone.localdate()})
            if can_manage and method != ChairMethod.ELECTED
            else None
        ),
        "election_form": (
            ChairElectionForm(initial={"term_start": timezone.localdate()})
            if can_manage and method == ChairMethod.ELECTED and not is_open
            else None
        ),
        "nomination_form": (
            ChairNominationForm(members=_seat_people(body)) if voting and can_vote else None
        ),
        "ballot_form": (
            BallotForm(election=election)
            if voting and can_vote and not has_voted and election is not None
            else None
        ),
    }
    return render(request, "bodies/chair.html", context)


def _refused(request: HttpRequest, body: Body, error: Refused) -> HttpResponse:
    messages.error(request, str(error.message))
    return redirect("bodies:chair", slug=body.slug)


@require_POST
@permission_required("bodies.manage_chair", BODY)
def chair_appoint(request: HttpRequest, body: Body) -> HttpResponse:
    form = ChairAppointForm(request.POST, members=_seat_people(body))
    if not form.is_valid():
        messages.error(request, _("Choose the chair or co-chairs and the day their term starts."))
        return redirect("bodies:chair", slug=body.slug)
    try:
        services.appoint_chairs(
            by=_user(request),
            body=body,
            people=form.cleaned_data["people"],
            start=form.cleaned_data["start"],
        )
    except Refused as error:
        return _refused(request, body, error)
    messages.success(request, _("The choice of the chair is recorded."))
    return redirect("bodies:chair", slug=body.slug)


@require_POST
@permission_required("bodies.manage_chair", BODY)
def chair_election_open(request: HttpRequest, body: Body) -> HttpResponse:
    form = ChairElectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give when voting closes and when the term starts."))
        return redirect("bodies:chair", slug=body.slug)
    try:
        services.open_chair_election(by=_user(request), body=body, **form.cleaned_data)
    except Refused as error:
        return _refused(request, body, error)
    messages.success(request, _("The election is open: members may nominate and vote."))
    return redirect("bodies:chair", slug=body.slug)


@require_POST
@permission_required("bodies.vote_for_chair", BODY)
def chair_nominate(request: HttpRequest, body: Body) -> HttpResponse:
    election = queries.open_chair_election(body)
    form = ChairNominationForm(request.POST, members=_seat_people(body))
    if not form.is_valid():
        messages.error(request, _("Choose a member."))
        return redirect("bodies:chair", slug=body.slug)
    try:
        services.nominate_for_chair(
            by=_user(request), election=election, person=form.cleaned_data["person"]
        )
    except Refused as error:
        return _refused(request, body, error)
    messages.success(request, _("The nomination is recorded."))
    return redirect("bodies:chair", slug=body.slug)


@require_POST
@permission_required("bodies.vote_for_chair", BODY)
def chair_vote(request: HttpRequest, body: Body) -> HttpResponse:
    election = queries.open_chair_election(body)
    form = BallotForm(request.POST, election=election)
    if not form.is_valid():
        messages.error(request, _("Choose among the candidates."))
        return redirect("bodies:chair", slug=body.slug)
    try:
        services.cast_ballot(
            by=_user(request),
            election=election,
            choices=[c.pk for c in form.cleaned_data["choices"]],
        )
    except Refused as error:
        return _refused(request, body, error)
    messages.success(request, _("Your vote is counted. Nobody can see whom you voted for."))
    return redirect("bodies:chair", slug=body.slug)


@require_POST
@permission_required("bodies.manage_chair", BODY)
def chair_election_close(request: HttpRequest, body: Body) -> HttpResponse:
    election = queries.open_chair_election(body)
    try:
        services.close_chair_election(by=_user(request), election=election)
    except Refused as error:
        return _refused(request, body, error)
    messages.success(request, _("The result is published."))
    return redirect("bodies:chair", slug=body.slug)
