"""factory_boy factories for the forum's objects."""

from __future__ import annotations

import io
from typing import Any

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from igf.core.enums import StakeholderGroup
from igf.core.models import Country
from igf.people.models import Affiliation, Organization, Person, User


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def verified(self, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        """Accounts have a verified primary address unless `verified=False` is passed."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def display_name(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        if create:
            Person.objects.filter(user=self).update(
                display_name=extracted or f"Participant {self.pk}"
            )
            self.person.refresh_from_db()


class SecretariatFactory(UserFactory):
    is_staff = True

    @factory.post_generation
    def secretariat(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            group, _ = Group.objects.get_or_create(name=settings.IGF_SECRETARIAT_GROUP)
            self.groups.add(group)


def person_of(user: User) -> Person:
    return Person.objects.select_related("country").get(user=user)


def country(iso2: str) -> Country:
    return Country.objects.get(iso2=iso2)


class OrganizationFactory(factory.django.DjangoModelFactory[Organization]):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    stakeholder_group = StakeholderGroup.CIVIL_SOCIETY
    listed = True
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="KE"))


class AffiliationFactory(factory.django.DjangoModelFactory[Affiliation]):
    class Meta:
        model = Affiliation

    person = factory.LazyFunction(lambda: UserFactory.create().person)
    organization = factory.SubFactory(OrganizationFactory)
    listed = True


def image_file(
    name: str = "me.png", image_format: str = "PNG", size: tuple[int, int] = (50, 40)
) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
