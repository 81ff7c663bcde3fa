"""People and organisations: one Person per participant, across every app of the forum."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar, TypeAlias

from django.conf import settings
from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from igf.core.enums import Gender, StakeholderGroup, Visibility
from igf.core.models import Country
from igf.core.text import without_bidi_controls


class UserManager(DjangoUserManager["User"]):
    """Users are known by e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user_by_email(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user_by_email(email, password, **extra)

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user_by_email(email, password, **extra)


class User(AbstractUser):
    """A sign-in account. Everything the forum knows of the person is on `Person`."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The forum writes to you in this language."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self) -> str:
        person = getattr(self, "person", None)
        return person.public_name if person is not None else self.email


# Who is looking or acting, as rules, queries and services take it: an account or a visitor.
Viewer: TypeAlias = "User | AnonymousUser"


class Organization(models.Model):
    """An organisation in the public directory: who it is, where, and which stakeholder group.

    Participants add one when they name their organisation; the secretariat reviews it
    before it is listed (`people.services.review_organization`).
    """

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("web address"), max_length=220, unique=True, allow_unicode=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT
    )
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    listed = models.BooleanField(
        _("listed in the directory"),
        default=False,
        help_text=_("Set by the secretariat after review."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["created"])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering: ClassVar[list[str]] = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # However it was entered (form, admin, import), a name cannot pose as another.
        self.name = without_bidi_controls(self.name)
        self.acronym = without_bidi_controls(self.acronym)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:organization", kwargs={"slug": self.slug})


class Person(models.Model):
    """A participant of the forum: the same row whether member, proposer, speaker or voter.

    Changed only through `people.services` (profile updates, erasure). Sensitive details
    carry their own visibility; the default is "only the secretariat".
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="person"
    )
    # A random, stable public identifier, so addresses do not reveal how many people joined.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    country_visibility = models.CharField(
        _("who can see your country"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.SECRETARIAT,
    )
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=30, choices=StakeholderGroup.choices, blank=True
    )
    stakeholder_group_visibility = models.CharField(
        _("who can see your stakeholder group"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.SECRETARIAT,
    )
    gender = models.CharField(_("gender"), max_length=30, choices=Gender.choices, blank=True)
    gender_description = models.CharField(_("gender, in your own words"), max_length=60, blank=True)
    gender_visibility = models.CharField(
        _("who can see your gender"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.SECRETARIAT,
    )
    is_youth = models.BooleanField(_("under 30"), null=True, blank=True)
    youth_visibility = models.CharField(
        _("who can see whether you are under 30"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.SECRETARIAT,
    )
    # Consent to count gender and age group, without the name, in balance figures (opt-in).
    counted_in_balance = models.BooleanField(
        _("count my gender and age group in balance figures, without my name"), default=False
    )
    languages: models.JSONField[list[str], list[str]] = models.JSONField(
        _("languages spoken"), default=list, blank=True
    )
    other_languages = models.CharField(_("other languages"), max_length=200, blank=True)
    # Private by design: only the person and the secretariat ever see it, to arrange support.
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/photos/", blank=True)
    photo_visibility = models.CharField(
        _("who can see your photo"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.SECRETARIAT,
    )
    joined = models.DateTimeField(_("joined"), auto_now_add=True)
    erased = models.DateTimeField(_("left the forum"), null=True, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering: ClassVar[list[str]] = ["display_name"]

    def __str__(self) -> str:
        return self.public_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # However it was entered (sign-up, profile, admin), a name cannot pose as another.
        self.display_name = without_bidi_controls(self.display_name)
        self.pronouns = without_bidi_controls(self.pronouns)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:person", kwargs={"public_id": self.public_id})

    @property
    def public_name(self) -> str:
        """The name the public record shows; "former participant" once the person has left."""
        if self.erased is not None:
            return str(_("former participant"))
        return self.display_name or str(_("unnamed participant"))


class Affiliation(models.Model):
    """A person's tie to an organisation; shown in the directory only if the person lists it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="affiliations"
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    listed = models.BooleanField(
        _("show me in the organisation directory"),
        default=False,
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["person", "organization"], name="affiliation_one_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.organization}"
