"""Reads about people and organisations, filtered by what the viewer may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from igf.core.balance import BalanceSubject
from igf.core.enums import Gender
from igf.core.models import Country
from igf.core.rules import is_secretariat, reads_personal_data
from igf.people.models import Affiliation, Organization, Person, User, Viewer
from igf.people.rules import can_see_detail, is_self

ORGANIZATION_ORDERINGS = {
    "name": "name",
    "country": "country__name_en",
    "members": "-listed_members",
}


def organizations_visible_to(user: Viewer) -> QuerySet[Organization]:
    """Listed organisations for everyone; the secretariat also sees those awaiting review."""
    organizations = Organization.objects.select_related("country")
    if is_secretariat(user):
        return organizations
    return organizations.filter(listed=True)


def directory(
    user: Viewer,
    *,
    search: str = "",
    stakeholder_group: str = "",
    country: str = "",
    ordering: str = "name",
) -> QuerySet[Organization]:
    """The organisation directory, filtered from an allow-list of fields (never **GET).

    NUL characters are dropped: PostgreSQL refuses them in text, and no name contains one.
    """
    search = search.replace("\x00", "")
    organizations = organizations_visible_to(user).annotate(
        listed_members=Count(
            "affiliations",
            filter=Q(affiliations__listed=True, affiliations__person__erased__isnull=True),
        )
    )
    if search:
        organizations = organizations.filter(
            Q(name__icontains=search) | Q(acronym__icontains=search)
        )
    if stakeholder_group:
        organizations = organizations.filter(stakeholder_group=stakeholder_group)
    if country:
        organizations = organizations.filter(country_id=country)
    return organizations.order_by(ORGANIZATION_ORDERINGS.get(ordering, "name"), "pk")


def get_organization(user: Viewer, slug: str) -> Organization:
    try:
        return organizations_visible_to(user).get(slug=slug)
    except Organization.DoesNotExist as error:
        raise Http404 from error


def listed_people(organization: Organization) -> QuerySet[Affiliation]:
    """The people who chose to show their affiliation with `organization`."""
    return (
        organization.affiliations.filter(listed=True, person__erased__isnull=True)
        .select_related("person")
        .order_by("person__display_name", "pk")
    )


def get_person(user: Viewer, public_id: str) -> Person:
    """A participant's public page; people who left the forum have none."""
    try:
        person = Person.objects.select_related("country", "user").get(public_id=public_id)
    except (Person.DoesNotExist, ValueError) as error:
        raise Http404 from error
    if person.erased is not None and not is_secretariat(user):
        raise Http404
    return person


@dataclass(frozen=True)
class ProfileView:
    """What one viewer may see of one person: details they may not see are None."""

    person: Person
    display_name: str
    pronouns: str
    country: Country | None
    stakeholder_group: str | None
    gender: str | None
    is_youth: bool | None
    has_photo: bool
    languages: list[str]
    affiliations: list[Affiliation]
    accessibility_needs: str | None


def profile_for(person: Person, viewer: Viewer) -> ProfileView:
    def visible(visibility: str) -> bool:
        return can_see_detail(viewer, person, visibility)

    private = is_self(viewer, person) or reads_personal_data(viewer)
    gender: str | None = None
    if visible(person.gender_visibility) and person.gender:
        gender = (
            person.gender_description
            if person.gender == Gender.SELF_DESCRIBED and person.gender_description
            else person.get_gender_display()
        )
    affiliations = [
        a for a in person.affiliations.select_related("organization") if a.listed or private
    ]
    return ProfileView(
        person=person,
        display_name=person.public_name,
        pronouns=person.pronouns,
        country=person.country if visible(person.country_visibility) else None,
        stakeholder_group=(
            person.get_stakeholder_group_display()
            if visible(person.stakeholder_group_visibility) and person.stakeholder_group
            else None
        ),
        gender=gender,
        is_youth=person.is_youth if visible(person.youth_visibility) else None,
        has_photo=bool(person.photo) and visible(person.photo_visibility),
        languages=list(person.languages),
        affiliations=affiliations,
        accessibility_needs=person.accessibility_needs if private else None,
    )


def active_people() -> QuerySet[Person]:
    return Person.objects.filter(erased__isnull=True, user__is_active=True)


def balance_subject(person: Person) -> BalanceSubject:
    """The person as the balance calculator sees them (for aggregate figures only).

    Gender and age group count only with the person's consent (`counted_in_balance`).
    """
    country = person.country
    consented = person.counted_in_balance
    gender = person.gender if person.gender and person.gender != Gender.PREFER_NOT_TO_SAY else None
    return BalanceSubject(
        stakeholder_group=person.stakeholder_group or None,
        region=(country.statistical_region or None) if country else None,
        gender=gender if consented else None,
        developing=country.developing if country else None,
        youth=person.is_youth if consented else None,
    )


def people_balance_subjects() -> list[BalanceSubject]:
    people = (
        active_people()
        .select_related("country")
        .only("stakeholder_group", "gender", "is_youth", "counted_in_balance", "country")
    )
    return [balance_subject(p) for p in people]


def organization_balance_subjects(organizations: QuerySet[Organization]) -> list[BalanceSubject]:
    """Organisations as subjects: their stakeholder group, region and development status."""
    return [
        BalanceSubject(
            stakeholder_group=o.stakeholder_group or None,
            region=(o.country.statistical_region or None) if o.country else None,
            developing=o.country.developing if o.country else None,
        )
        for o in organizations.select_related("country").order_by()
    ]


def person_with_affiliations(user: User) -> Person:
    return Person.objects.prefetch_related(
        Prefetch("affiliations", queryset=Affiliation.objects.select_related("organization"))
    ).get(user=user)
