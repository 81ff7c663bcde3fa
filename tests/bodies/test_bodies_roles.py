"""A body type's role lists are data: which roles hold a seat and which lead, per type."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from igf.bodies import queries
from igf.bodies.enums import Role
from igf.bodies.models import BodyType
from tests.bodies.factories import BodyFactory, body_type, member, person_in

pytestmark = pytest.mark.django_db
ON = date(2026, 6, 1)


def test_seeded_types_keep_the_usual_role_lists() -> None:
    mag = body_type("mag")
    assert mag.seat_roles == ["chair", "vice_chair", "co_facilitator", "member"]
    assert mag.lead_roles == ["chair", "vice_chair", "co_facilitator"]
    assert (mag.holds_seat(Role.OBSERVER), mag.leads(Role.MEMBER)) == (False, False)
    body = BodyFactory.create(type=mag)
    assert queries.lead_roles(body) == ["chair", "vice_chair", "co_facilitator"]
    assert (queries.seat_roles(None), queries.lead_roles(None)) == ([], [])


def test_a_type_that_seats_observers_counts_them_in_its_bodies() -> None:
    usual = BodyFactory.create(type=body_type("bpf"))
    seating = BodyType.objects.create(
        slug="panel",
        name="Panel",
        name_plural="Panels",
        seat_roles=["chair", "member", "observer"],
    )
    wide = BodyFactory.create(type=seating)
    for body in (usual, wide):
        member(body, person_in("government"))
        member(body, person_in("technical_community"), role=Role.OBSERVER)

    assert [len(queries.seats_on(b, ON)) for b in (usual, wide)] == [1, 2]
    assert [queries.composition(b, ON).balance.total for b in (usual, wide)] == [1, 2]
    listed = {b.pk: b.members for b in queries.body_list(AnonymousUser())}  # type: ignore[attr-defined]
    assert (listed[usual.pk], listed[wide.pk]) == (1, 2)


def test_who_leads_a_body_comes_from_its_type() -> None:
    rapporteur_led = BodyType.objects.create(
        slug="study-group",
        name="Study group",
        name_plural="Study groups",
        lead_roles=["rapporteur"],
    )
    body = BodyFactory.create(type=rapporteur_led)
    chair = member(body, person_in("government"), role=Role.CHAIR).person.user
    rapporteur = member(body, person_in("civil_society"), role=Role.RAPPORTEUR).person.user

    assert rapporteur.has_perm("bodies.manage_work", body) is True
    assert chair.has_perm("bodies.manage_work", body) is False


@pytest.mark.parametrize("roles", [["chair", "president"], "chair", [{"role": "chair"}]])
def test_a_type_refuses_role_lists_that_are_not_role_codes(roles: object) -> None:
    body_type_ = BodyType(slug="odd", name="Odd", name_plural="Odd ones", lead_roles=roles)

    with pytest.raises(ValidationError) as refused:
        body_type_.full_clean()

    assert refused.value.message_dict == {
        "lead_roles": ['A list of role codes, e.g. ["chair", "member"].']
    }
