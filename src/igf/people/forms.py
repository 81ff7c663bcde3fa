"""Forms of the people app: the profile, and confirming the deletion of an account."""

from __future__ import annotations

import unicodedata
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from igf.core.enums import Gender, StakeholderGroup, Visibility
from igf.core.models import Country
from igf.core.timezones import timezone_names
from igf.people.images import validate_photo
from igf.people.models import Organization, Person, User

VISIBILITY_HELP = _("Who can see this. The secretariat always can.")


def _sort_key(label: str) -> str:
    return unicodedata.normalize("NFKD", label).casefold()


def country_choices() -> list[tuple[str, str]]:
    """Countries named and sorted in the viewer's language."""
    countries = [(c.iso2, c.name) for c in Country.objects.only("iso2")]
    return [("", gettext("Not said")), *sorted(countries, key=lambda c: _sort_key(c[1]))]


def visibility_field(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=Visibility.choices,
        initial=Visibility.SECRETARIAT,
        widget=forms.RadioSelect,
        help_text=VISIBILITY_HELP,
    )


class SignupForm(forms.Form):
    """What sign-up asks besides the e-mail address and password (allauth's
    ACCOUNT_SIGNUP_FORM_CLASS): the name shown with the person's contributions, so the forum
    never greets them as an unnamed participant."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=150,
        error_messages={"required": _("Enter the name to show with your contributions.")},
        help_text=_("Shown with everything you contribute. Everyone can see it."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_display_name(self) -> str:
        name = " ".join(str(self.cleaned_data["display_name"]).split())
        if not name:
            raise forms.ValidationError(_("Enter the name to show with your contributions."))
        return name

    def signup(self, request: HttpRequest, user: User) -> None:
        """Called by allauth once the account is saved."""
        from igf.people.services import update_profile  # noqa: PLC0415 - allauth imports forms early

        update_profile(
            by=user, person=user.person, changes={"display_name": self.cleaned_data["display_name"]}
        )


class OrganizationNameField(forms.CharField):
    """An organisation of the directory, named by typing instead of picked from a long list.

    The page offers the names in a `<datalist>`, which browsers search as the person types,
    with no JavaScript; the server then finds the organisation: the one of that name (any
    case), else the only one whose name contains what was typed. Several or none is an error
    that says which. A row number (what the former drop-down sent) is accepted too.
    """

    default_error_messages = {
        "several": _(
            "Several organisations match “%(typed)s”: %(names)s. Type the whole name of yours."
        ),
        "none": _(
            "No organisation in the directory matches “%(typed)s”. Check the spelling, or "
            "name it below as an organisation not in the list."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", forms.TextInput(attrs={"list": "organisation-names"}))
        super().__init__(**kwargs)
        self.queryset: QuerySet[Organization] = Organization.objects.none()

    def names(self) -> list[str]:
        """The names the browser suggests."""
        return list(self.queryset.order_by("name").values_list("name", flat=True).distinct())

    def clean(self, value: Any) -> Organization | None:  # type: ignore[override]
        typed = " ".join(str(super().clean(value) or "").split())
        if not typed:
            return None
        if typed.isdigit() and len(typed) < 10:
            found = self.queryset.filter(pk=int(typed)).first()
            if found is not None:
                return found
        exact = list(self.queryset.filter(name__iexact=typed)[:2])
        if len(exact) == 1:
            return exact[0]
        matches = exact or list(self.queryset.filter(name__icontains=typed).order_by("name")[:6])
        if len(matches) == 1:
            return matches[0]
        if matches:
            names = ", ".join(f"“{o.name}”" for o in matches[:5])
            raise forms.ValidationError(
                self.error_messages["several"],
                code="several",
                params={"typed": typed, "names": names},
            )
        raise forms.ValidationError(
            self.error_messages["none"], code="none", params={"typed": typed}
        )


class ProfileForm(forms.Form):
    """The profile a participant edits; every sensitive detail has its own visibility."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=150,
        error_messages={"required": _("Enter the name to show with your contributions.")},
        help_text=_("Shown with everything you contribute. Everyone can see it."),
    )
    pronouns = forms.CharField(label=_("Pronouns (optional)"), max_length=40, required=False)
    organization = OrganizationNameField(
        label=_("Organisation"),
        required=False,
        help_text=_(
            "Type its name; your browser suggests the organisations in the directory. Leave "
            "empty for none."
        ),
    )
    new_organization = forms.CharField(
        label=_("Organisation not in the list"),
        max_length=200,
        required=False,
        help_text=_("We add it to the directory after the secretariat has checked it."),
    )
    position = forms.CharField(label=_("Position (optional)"), max_length=150, required=False)
    affiliation_listed = forms.BooleanField(
        label=_("Show me among this organisation's people in the public directory"),
        required=False,
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    country_visibility = visibility_field(_("Who can see your country"))
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"),
        choices=[("", _("Not said")), *StakeholderGroup.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    stakeholder_group_visibility = visibility_field(_("Who can see your stakeholder group"))
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=Gender.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    gender_description = forms.CharField(
        label=_("Gender, in your own words"),
        max_length=60,
        required=False,
        help_text=_("Only if you chose “In my own words”."),
    )
    gender_visibility = visibility_field(_("Who can see your gender"))
    is_youth = forms.TypedChoiceField(
        label=_("Are you under 30? (optional)"),
        choices=[("", _("Prefer not to say")), ("yes", _("Yes")), ("no", _("No"))],
        coerce={"yes": True, "no": False}.get,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    youth_visibility = visibility_field(_("Who can see whether you are under 30"))
    counted_in_balance = forms.BooleanField(
        label=_("Count my gender and age group, without my name, in balance figures"),
        required=False,
        help_text=_(
            "Bodies and the forum show how balanced they are. Without your consent, your "
            "gender and age group are left out of those figures."
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_languages = forms.CharField(label=_("Other languages"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Language of e-mails from the forum"),
        required=False,
        help_text=_("Changing the language of the pages changes this too."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Private: only you and the secretariat see this, to arrange captions, "
            "interpretation or other support."
        ),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_("Times on every page are shown in this zone."),
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 2 MB."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    photo_visibility = visibility_field(_("Who can see your photo"))

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person
        current = person.affiliations.values_list("organization_id", flat=True)
        organization_field = cast(OrganizationNameField, self.fields["organization"])
        organization_field.queryset = Organization.objects.filter(
            Q(listed=True) | Q(pk__in=current)
        ).order_by("name")
        country_field = cast(forms.ChoiceField, self.fields["country"])
        country_field.choices = country_choices()
        timezone_field = cast(forms.ChoiceField, self.fields["timezone"])
        timezone_field.choices = [("", _("Not chosen (UTC)")), *((n, n) for n in timezone_names())]
        if not person.timezone:
            timezone_field.widget.attrs["data-offer-browser-zone"] = ""
        languages_field = cast(forms.MultipleChoiceField, self.fields["languages"])
        languages_field.choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]
        language_field = cast(forms.ChoiceField, self.fields["language"])
        language_field.choices = [
            ("", _("The first of mine the forum speaks")),
            *languages_field.choices,
        ]

    @classmethod
    def initial_for(cls, person: Person) -> dict[str, Any]:
        affiliation = person.affiliations.select_related("organization").first()
        initial: dict[str, Any] = {
            name: getattr(person, name)
            for name in (
                "display_name", "pronouns", "country_visibility", "stakeholder_group",
                "stakeholder_group_visibility", "gender", "gender_description",
                "gender_visibility", "youth_visibility", "counted_in_balance", "languages",
                "other_languages",
                "accessibility_needs", "timezone", "photo_visibility",
            )
        }  # fmt: skip
        initial["country"] = person.country_id or ""
        initial["language"] = person.user.language
        initial["is_youth"] = (
            "" if person.is_youth is None else ("yes" if person.is_youth else "no")
        )
        if affiliation is not None:
            initial["organization"] = affiliation.organization.name
            initial["position"] = affiliation.position
            initial["affiliation_listed"] = affiliation.listed
        return initial

    def clean_country(self) -> Country | None:
        code = self.cleaned_data.get("country")
        return Country.objects.filter(iso2=code).first() if code else None

    def clean_display_name(self) -> str:
        name = " ".join(str(self.cleaned_data["display_name"]).split())
        if not name:
            raise forms.ValidationError(_("Enter the name to show with your contributions."))
        return name

    def clean_photo(self) -> UploadedFile | None:
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, UploadedFile):
            validate_photo(photo)
            return photo
        return None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("organization") and cleaned.get("new_organization"):
            self.add_error(
                "new_organization",
                _("Choose an organisation from the list or name a new one, not both."),
            )
        if cleaned.get("gender") != Gender.SELF_DESCRIBED:
            cleaned["gender_description"] = ""
        elif not cleaned.get("gender_description"):
            self.add_error(
                "gender_description", _("Describe your gender, or choose another answer.")
            )
        return cleaned


# The word a person types to confirm leaving; English always works too.
CONFIRM_WORD = _("DELETE")


class PersonByEmailField(forms.EmailField):
    """An e-mail address that must belong to a participant; cleans to the Person."""

    default_error_messages = {
        "unknown": _("Nobody on the platform has this e-mail address."),
    }

    def clean(self, value: Any) -> Person | None:  # type: ignore[override]
        email = super().clean(value)
        if not email:
            return None
        person = Person.objects.filter(user__email__iexact=email, erased__isnull=True).first()
        if person is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return person


class DirectoryFilterForm(forms.Form):
    """The organisation directory's filters; anything invalid is dropped, never passed on."""

    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"),
        choices=[("", _("All")), *StakeholderGroup.choices],
        required=False,
    )
    country = forms.CharField(label=_("Country"), max_length=2, required=False)
    order = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            ("name", _("Name")),
            ("country", _("Country")),
            ("members", _("Most people listed")),
        ],
        required=False,
    )

    def filters(self) -> dict[str, str]:
        """The valid filters (an invalid one counts as not given)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "search": str(cleaned.get("q") or "").strip(),
            "stakeholder_group": str(cleaned.get("stakeholder_group") or ""),
            "country": str(cleaned.get("country") or "").upper(),
            "ordering": str(cleaned.get("order") or "name"),
        }


class EraseAccountForm(forms.Form):
    confirm = forms.CharField(max_length=40, help_text=_("This cannot be undone."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = _("Type %(word)s to confirm") % {"word": CONFIRM_WORD}

    def clean_confirm(self) -> str:
        value = str(self.cleaned_data["confirm"]).strip().casefold()
        if value not in {"delete", str(CONFIRM_WORD).casefold()}:
            raise forms.ValidationError(
                _("Type %(word)s to confirm that you want to leave.") % {"word": CONFIRM_WORD}
            )
        return value


class TimezoneForm(forms.Form):
    timezone = forms.ChoiceField(label=_("Time zone"), choices=[])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        timezone_field = cast(forms.ChoiceField, self.fields["timezone"])
        timezone_field.choices = [(n, n) for n in timezone_names()]
