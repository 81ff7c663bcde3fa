"""The platform's addresses plus views that exercise the kernel (tests/core/test_kernel.py)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from igf.core.errors import Invalid, NotAllowed, Refused
from igf.core.permissions import Load, permission_required
from igf.people.models import Organization
from igf.urls import urlpatterns as platform

ERRORS: dict[str, type[Refused]] = {
    "refused": Refused,
    "invalid": Invalid,
    "not-allowed": NotAllowed,
}


def refusing(request: HttpRequest, kind: str) -> HttpResponse:
    raise ERRORS[kind]("The comment period closed on 1 May.")


def get_organization(slug: str) -> Organization:
    found = Organization.objects.filter(slug=slug).first()
    if found is None:
        raise Http404
    return found


@permission_required("people.view_people_balance", Load(get_organization, "slug"))
def organization_for_staff(
    request: HttpRequest, organization: Organization, page: int
) -> HttpResponse:
    return HttpResponse(f"{organization.name} page {page}")


urlpatterns = [
    *platform,
    path("kernel/refuse/<str:kind>/", refusing),
    path("kernel/organisations/<str:slug>/<int:page>/", organization_for_staff),
]
