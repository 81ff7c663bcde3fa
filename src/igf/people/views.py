"""Pages of the people app: profiles, the organisation directory, one's own data."""

from __future__ import annotations

import json
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.i18n import set_language as django_set_language

from igf.core.balance import Dimension, measure_balance
from igf.core.enums import StakeholderGroup
from igf.core.links import safe_next
from igf.core.middleware import TIMEZONE_SESSION_KEY, viewer_timezone_name
from igf.core.models import Country
from igf.core.permissions import permission_required
from igf.core.rules import is_secretariat
from igf.people import queries, services
from igf.people.forms import DirectoryFilterForm, EraseAccountForm, ProfileForm, TimezoneForm
from igf.people.models import User
from igf.people.rules import can_see_detail

DIRECTORY_PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("people.change_own_profile")
def edit_profile(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    person = queries.person_with_affiliations(user)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, person=person)
        if form.is_valid():
            data = form.cleaned_data
            services.update_profile(
                by=user,
                person=person,
                changes={name: data[name] for name in services.PROFILE_FIELDS},
            )
            services.set_language(user=user, language=data["language"])
            organization = data["organization"]
            if data["new_organization"]:
                organization = services.create_organization(
                    by=user,
                    name=data["new_organization"],
                    country=data["country"],
                    stakeholder_group=data["stakeholder_group"],
                )
            services.set_main_affiliation(
                by=user,
                person=person,
                organization=organization,
                position=data["position"],
                listed=data["affiliation_listed"],
            )
            if data["photo"] is not None:
                services.set_photo(by=user, person=person, upload=data["photo"])
            elif data["remove_photo"] and person.photo:
                services.set_photo(by=user, person=person, upload=None)
            messages.success(request, _("Your profile is saved."))
            return redirect("people:edit_profile")
        # Not valid: the page's error summary says so and links to each field.
    else:
        form = ProfileForm(initial=ProfileForm.initial_for(person), person=person)
    return render(request, "people/profile_form.html", {"form": form, "person": person})


@require_safe
@permission_required("people.export_own_data")
def export_data(request: HttpRequest) -> HttpResponse:
    person = _user(request).person
    payload = json.dumps(services.export_personal_data(person), ensure_ascii=False, indent=2)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="igf-my-data-{stamp}.json"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("people.erase_own_account")
def erase_account(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = EraseAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.erase_account(by=user, person=user.person)
        logout(request)
        messages.success(request, _("Your account is deleted. Thank you for taking part."))
        return redirect("core:home")
    return render(request, "people/erase_account.html", {"form": form})


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """The language switcher: Django's, and for a signed-in person, the language of e-mails."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in {code for code, _n in settings.LANGUAGES}:
        services.set_language(user=_user(request), language=language)
    return response


@require_safe
def person_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    person = queries.get_person(request.user, public_id)
    profile = queries.profile_for(person, request.user)
    return render(request, "people/person_detail.html", {"profile": profile, "person": person})


@require_safe
def person_photo(request: HttpRequest, public_id: str) -> HttpResponseBase:
    person = queries.get_person(request.user, public_id)
    if not person.photo or not can_see_detail(request.user, person, person.photo_visibility):
        raise Http404
    response = FileResponse(person.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_safe
def organization_list(request: HttpRequest) -> HttpResponse:
    filters = DirectoryFilterForm(request.GET).filters()
    organizations = queries.directory(request.user, **filters)
    page = Paginator(organizations, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    balance = measure_balance(
        queries.organization_balance_subjects(queries.organizations_visible_to(request.user)),
        dimensions=(Dimension.STAKEHOLDER_GROUP, Dimension.REGION, Dimension.DEVELOPING),
        categories={Dimension.STAKEHOLDER_GROUP: StakeholderGroup.values},
    )
    countries = Country.objects.filter(
        pk__in=queries.organizations_visible_to(request.user).values("country")
    )
    return render(
        request,
        "people/organization_list.html",
        {
            "page": page,
            "balance": balance,
            "search": filters["search"],
            "stakeholder_group": filters["stakeholder_group"],
            "country": filters["country"],
            "ordering": filters["ordering"],
            "stakeholder_groups": StakeholderGroup.choices,
            "countries": sorted(countries, key=lambda c: c.name),
        },
    )


@require_safe
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = queries.get_organization(request.user, slug)
    return render(
        request,
        "people/organization_detail.html",
        {
            "organization": organization,
            "affiliations": queries.listed_people(organization),
            "is_secretariat": is_secretariat(request.user),
        },
    )


@require_safe
@permission_required("people.view_people_balance", second_factor=True)
def people_balance(request: HttpRequest) -> HttpResponse:
    balance = measure_balance(
        queries.people_balance_subjects(),
        dimensions=(
            Dimension.STAKEHOLDER_GROUP,
            Dimension.REGION,
            Dimension.GENDER,
            Dimension.DEVELOPING,
            Dimension.YOUTH,
        ),
        categories={Dimension.STAKEHOLDER_GROUP: StakeholderGroup.values},
    )
    return render(request, "people/people_balance.html", {"balance": balance})


@require_http_methods(["GET", "HEAD", "POST"])
def choose_timezone(request: HttpRequest) -> HttpResponse:
    """Choose the zone times are shown in; signed-in people keep it on their profile."""
    next_url = safe_next(request, "")
    current = viewer_timezone_name(request)
    form = TimezoneForm(request.POST or None, initial={"timezone": current or "UTC"})
    if request.method == "POST" and form.is_valid():
        zone = form.cleaned_data["timezone"]
        request.session[TIMEZONE_SESSION_KEY] = zone
        if isinstance(request.user, User):
            services.update_profile(
                by=request.user, person=request.user.person, changes={"timezone": zone}
            )
        messages.success(request, _("Times are now shown in %(zone)s.") % {"zone": zone})
        return HttpResponseRedirect(next_url or reverse("core:home"))
    return render(
        request,
        "people/timezone.html",
        {"form": form, "next": next_url, "chosen": current is not None},
    )
