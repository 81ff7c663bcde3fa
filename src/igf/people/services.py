"""The rules for people and organisations: joining, profiles, the directory, export, erasure."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, cast

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from igf.core.activity import record_activity
from igf.core.errors import Invalid
from igf.core.models import ActivityEntry, Country
from igf.people.images import normalise_photo
from igf.people.models import Affiliation, Organization, Person, User
from igf.people.signals import person_erased

# Apps higher up add their sections to a person's data export here (from AppConfig.ready).
ExportSection = Callable[[Person], Any]
EXPORT_SECTIONS: dict[str, ExportSection] = {}

PROFILE_FIELDS = (
    "display_name",
    "pronouns",
    "country",
    "country_visibility",
    "stakeholder_group",
    "stakeholder_group_visibility",
    "gender",
    "gender_description",
    "gender_visibility",
    "is_youth",
    "youth_visibility",
    "counted_in_balance",
    "languages",
    "other_languages",
    "accessibility_needs",
    "timezone",
    "photo_visibility",
)


def register_export_section(name: str, section: ExportSection) -> None:
    """Let an app add what it holds about a person to the person's data export."""
    EXPORT_SECTIONS[name] = section


def ensure_person(user: User) -> Person:
    """The Person of an account, created on first need (sign-up, createsuperuser, seed)."""
    person, _created = Person.objects.get_or_create(user=user)
    return person


@transaction.atomic
def update_profile(*, by: User, person: Person, changes: dict[str, Any]) -> Person:
    """Change the profile fields in `changes`; unknown keys are refused.

    Side effects: one private activity entry listing the names of the changed fields.
    """
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    changed = [name for name, value in changes.items() if getattr(person, name) != value]
    for name in changed:
        setattr(person, name, changes[name])
    if changed:
        person.save(update_fields=changed)
        record_activity(
            by=by, verb="person.profile_updated", target=person, data={"fields": changed}
        )
    return person


def set_language(*, user: User, language: str) -> User:
    """Remember the language the forum writes to `user` in (one of the six, or "" for none).

    Side effects: none beyond the account row (a preference, not a change of the forum's work).
    """
    if language not in {code for code, _name in settings.LANGUAGES} | {""}:
        raise Invalid(_("The forum does not write in this language."), field="language")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


@transaction.atomic
def set_photo(*, by: User, person: Person, upload: UploadedFile | None) -> Person:
    """Replace (or, with None, remove) the profile photo; the image is re-encoded without EXIF.

    Side effects: the old file is deleted; one private activity entry.
    """
    if person.photo:
        person.photo.delete(save=False)
    if upload is not None:
        content = normalise_photo(upload)
        person.photo.save(f"{uuid.uuid4().hex}.jpg", content, save=False)
    person.save(update_fields=["photo"])
    record_activity(by=by, verb="person.profile_updated", target=person, data={"fields": ["photo"]})
    return person


def _unique_slug(name: str) -> str:
    base = slugify(name, allow_unicode=True)[:200] or "organisation"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def create_organization(
    *,
    by: User | None,
    name: str,
    country: Country | None = None,
    stakeholder_group: str = "",
    website: str = "",
    acronym: str = "",
    listed: bool = False,
) -> Organization:
    """Add an organisation to the directory; unlisted until the secretariat reviews it.

    Side effects: one activity entry (public once listed).
    """
    organization = Organization.objects.create(
        name=name.strip(),
        acronym=acronym.strip(),
        slug=_unique_slug(name),
        country=country,
        stakeholder_group=stakeholder_group,
        website=website,
        listed=listed,
    )
    record_activity(by=by, verb="organization.created", target=organization, public=listed)
    return organization


@transaction.atomic
def review_organization(*, by: User, organization: Organization, listed: bool) -> Organization:
    """List (or unlist) an organisation in the public directory. Side effects: activity entry."""
    if organization.listed != listed:
        organization.listed = listed
        organization.save(update_fields=["listed"])
        record_activity(by=by, verb="organization.reviewed", target=organization, public=listed)
    return organization


@transaction.atomic
def set_main_affiliation(
    *,
    by: User,
    person: Person,
    organization: Organization | None,
    position: str = "",
    listed: bool = False,
) -> Affiliation | None:
    """Make `organization` the person's affiliation (the profile shows one); None removes it.

    Side effects: other affiliations set through the profile are replaced; activity entry.
    """
    person.affiliations.exclude(organization=organization).delete()
    if organization is None:
        return None
    affiliation, created = Affiliation.objects.get_or_create(
        person=person, organization=organization, defaults={"position": position, "listed": listed}
    )
    if not created and (affiliation.position, affiliation.listed) != (position, listed):
        affiliation.position, affiliation.listed = position, listed
        affiliation.save(update_fields=["position", "listed"])
    if listed:
        record_activity(by=by, verb="affiliation.listed", target=organization, public=False)
    return affiliation


def export_personal_data(person: Person) -> dict[str, Any]:
    """Everything the platform holds about a person, as JSON-ready data (GDPR art. 15, 20)."""
    user = person.user
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
            "second_factors": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
        },
        "profile": {
            "public_id": str(person.public_id),
            **{
                name: (
                    getattr(person, name).iso2
                    if name == "country" and person.country
                    else getattr(person, name)
                )
                for name in PROFILE_FIELDS
            },
            "has_photo": bool(person.photo),
            "joined": person.joined.isoformat(),
        },
        "affiliations": [
            {
                "organization": a.organization.name,
                "position": a.position,
                "listed": a.listed,
            }
            for a in person.affiliations.select_related("organization")
        ],
        "activity": [
            {"when": e.when.isoformat(), "action": e.verb, "object": e.target_label}
            for e in ActivityEntry.objects.filter(actor=user).order_by("when", "pk")
        ],
    }
    for name, section in EXPORT_SECTIONS.items():
        data[name] = section(person)
    return data


@transaction.atomic
def erase_account(*, by: User, person: Person) -> Person:
    """Delete a person's account and personal details; the public record stays, unattributed.

    What the person contributed to the forum's public record (comments, proposals, votes
    counted in results) stays, attributed to "former participant". Side effects: profile
    scrubbed, photo file deleted, affiliations, e-mail addresses, second factors and
    lock-out records deleted, the account disabled with an unusable password (which ends
    every session), admin log labels anonymised, `person_erased` sent so higher apps can
    scrub their own data, and one private activity entry with no personal data.
    """
    user = person.user
    old_email = user.email
    if person.photo:
        person.photo.delete(save=False)
    for name in PROFILE_FIELDS:
        field = cast(models.Field[Any, Any], Person._meta.get_field(name))
        setattr(person, name, field.get_default())
    person.photo = ""  # type: ignore[assignment]
    person.erased = timezone.now()
    person.save()
    person.affiliations.all().delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.email = f"erased-{uuid.uuid4().hex}@invalid.invalid"
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    _forget_login_records(old_email)
    for model, pk in ((User, user.pk), (Person, person.pk)):
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
        ).update(object_repr=str(person.public_name))
    ActivityEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(Person), target_id=str(person.pk)
    ).update(target_label=str(person.public_name))
    person_erased.send(sender=Person, person=person)
    record_activity(by=None if by.pk == user.pk else by, verb="person.erased", target=None)
    return person


def _forget_login_records(email: str) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog  # noqa: PLC0415

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=email).delete()
