"""The bodies app's open data: types, bodies, public memberships, composition, calls.

Mounted by igf.api at /api/v1/bodies/. Public fields only; memberships of open bodies and
candidates of calls are not published (only those appointed are).
"""

from datetime import date
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from igf.bodies import queries
from igf.bodies.composition import measure
from igf.bodies.enums import CallStatus
from igf.bodies.models import Body
from igf.bodies.phrases import body_type_name
from igf.bodies.queries import rules_for, seats_on

PREFIX = "bodies"
router = Router(tags=["bodies"])
ANONYMOUS = AnonymousUser()
SMALL = 5

SUMMARIES: dict[tuple[str, str], Promise] = {
    ("GET", "/api/v1/bodies/types"): _("The kinds of bodies and what each kind can do."),
    ("GET", "/api/v1/bodies"): _(
        "Every body, 50 per page; filter by type, country, regional group and status."
    ),
    ("GET", "/api/v1/bodies/{slug}"): _(
        "One body: its current members and its composition against its targets."
    ),
    ("GET", "/api/v1/bodies/{slug}/memberships"): _(
        "The membership history of a body with appointed members."
    ),
    ("GET", "/api/v1/bodies/{slug}/calls"): _(
        "A body's calls for members and, once decided, who was appointed."
    ),
}


class BodyTypeOut(Schema):
    slug: str
    name: str
    has_fixed_terms: bool
    has_open_membership: bool
    min_stakeholder_groups: int
    needs_annual_report: bool
    has_mailing_list: bool
    may_publish_for_comment: bool
    meetings_open_by_default: bool


class BodyOut(Schema):
    slug: str
    name: str
    acronym: str
    type: str
    parent: str | None
    country: str | None
    region: str
    status: str
    url: str


class MemberOut(Schema):
    public_id: str
    name: str
    role: str
    stakeholder_group: str
    start: date
    end: date | None
    organization: str | None


class BodyDetailOut(BodyOut):
    members: list[MemberOut]
    composition: dict[str, dict[str, int | None]]
    annual_report_overdue: bool


class CallOut(Schema):
    id: int
    title: str
    status: str
    seats: int
    opens: str
    closes: str
    appointed: list[MemberOut]


class ErrorOut(Schema):
    detail: str


class BodyFilter(Schema):
    type: str = ""
    country: str = ""
    region: str = ""
    status: str = ""


def _body_out(body: Body) -> dict[str, Any]:
    return {
        "slug": body.slug,
        "name": body.name,
        "acronym": body.acronym,
        "type": body.type.slug,
        "parent": body.parent.slug if body.parent else None,
        "country": body.country_id,
        "region": body.region,
        "status": body.status,
        "url": body.get_absolute_url(),
    }


def _member_out(membership: Any) -> dict[str, Any]:
    return {
        "public_id": str(membership.person.public_id),
        "name": membership.person.public_name,
        "role": membership.role,
        "stakeholder_group": membership.stakeholder_group,
        "start": membership.start,
        "end": membership.end,
        "organization": membership.organization.name if membership.organization else None,
    }


def _composition(body: Body) -> dict[str, dict[str, int | None]]:
    """Counts per category; gender and age counts below five are withheld (None)."""
    memberships = list(body.memberships.select_related("person__country"))
    report = measure(seats_on(body, timezone.localdate(), memberships=memberships), rules_for(body))
    return {
        dimension.dimension.value: {
            row.category: (
                None
                if dimension.dimension.value in ("gender", "youth") and 0 < row.count < SMALL
                else row.count
            )
            for row in dimension.categories
        }
        for dimension in report.dimensions
    }


def _body(slug: str) -> Body:
    return queries.get_body(slug, viewer=ANONYMOUS)


@router.get("/types", response=list[BodyTypeOut], summary="Body types")
def list_types(request: HttpRequest) -> list[dict[str, Any]]:
    from igf.bodies.models import BodyType  # noqa: PLC0415

    return [
        {
            **{f: getattr(t, f) for f in BodyTypeOut.model_fields if f != "name"},
            "name": body_type_name(t),
        }
        for t in BodyType.objects.all()
    ]


@router.get("", response=list[BodyOut], summary="Bodies")
@paginate(PageNumberPagination, page_size=50)
def list_bodies(request: HttpRequest, filters: Query[BodyFilter]) -> Any:
    bodies = queries.body_list(
        ANONYMOUS,
        type_slug=filters.type[:40],
        country=filters.country[:2],
        region=filters.region[:40],
        status=filters.status[:10],
    )
    return [_body_out(b) for b in bodies]


@router.get("/{slug}", response={200: BodyDetailOut, 404: ErrorOut}, summary="One body")
def get_body(request: HttpRequest, slug: str) -> Any:
    try:
        body = _body(slug)
    except Http404:
        return Status(404, {"detail": str(_("No body has this identifier."))})
    return {
        **_body_out(body),
        "members": [_member_out(m) for m in queries.current_memberships(body)],
        "composition": _composition(body),
        "annual_report_overdue": queries.report_is_overdue(body),
    }


@router.get(
    "/{slug}/memberships", response={200: list[MemberOut], 404: ErrorOut}, summary="Memberships"
)
def list_memberships(request: HttpRequest, slug: str) -> Any:
    """History is public for bodies with appointed members only."""
    try:
        body = _body(slug)
    except Http404:
        body = None
    if body is None or not body.type.has_fixed_terms:
        return Status(
            404, {"detail": str(_("No body with a public membership history has this identifier."))}
        )
    return [_member_out(m) for m in queries.membership_history(body)]


@router.get("/{slug}/calls", response={200: list[CallOut], 404: ErrorOut}, summary="Calls")
def list_calls(request: HttpRequest, slug: str) -> Any:
    try:
        body = _body(slug)
    except Http404:
        return Status(404, {"detail": str(_("No body has this identifier."))})
    calls = []
    for call in queries.calls_visible_to(ANONYMOUS, body):
        appointed = []
        if call.status == CallStatus.DECIDED:
            appointed = [
                _member_out(m)
                for m in body.memberships.filter(start=call.term_start, role=call.role)
                .select_related("person", "organization")
                .filter(person__nominations__call=call, person__nominations__status="selected")
            ]
        calls.append(
            {
                "id": call.pk,
                "title": call.title,
                "status": call.status,
                "seats": call.seats,
                "opens": call.opens.isoformat(),
                "closes": call.closes.isoformat(),
                "appointed": appointed,
            }
        )
    return calls
