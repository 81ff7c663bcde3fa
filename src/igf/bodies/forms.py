"""Forms of the bodies app."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from igf.bodies.enums import Capacity, ChairMethod, InitiativeKind, NominationMethod, Role
from igf.bodies.models import (
    Body,
    BodyProposal,
    BodyType,
    ChairCandidate,
    ChairElection,
    Milestone,
)
from igf.core.enums import RegionGroup, StakeholderGroup
from igf.core.forms import RowIdField
from igf.core.models import Country
from igf.people.forms import PersonByEmailField, country_choices
from igf.people.models import Organization, Person

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class AppointForm(forms.Form):
    """Appoint someone; the composition rules are shown before the save is final."""

    email = PersonByEmailField(
        label=_("E-mail address of the person"),
        help_text=_("The person must have an account on the platform."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group of the seat"),
        choices=[("", _("As in the person's profile")), *StakeholderGroup.choices],
        required=False,
    )
    start = forms.DateField(
        label=pgettext_lazy("first day of a membership", "Start"), widget=DATE_INPUT
    )
    end = forms.DateField(
        label=pgettext_lazy("last day of a membership", "End"), widget=DATE_INPUT, required=False
    )
    capacity = forms.ChoiceField(
        label=_("Capacity"),
        choices=Capacity.choices,
        initial=Capacity.PERSONAL,
        widget=forms.RadioSelect,
    )
    organization = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organization.objects.filter(listed=True).order_by("name"),
        required=False,
    )
    override_reason = forms.CharField(
        label=_("Reason for overriding the rules"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_("Needed only when the appointment breaks an enforced rule; it is logged."),
    )
    confirmed = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.add_error("end", _("The end comes before the start."))
        if cleaned.get("capacity") == Capacity.ORGANIZATION and not cleaned.get("organization"):
            self.add_error("organization", _("Name the organisation the member represents."))
        return cleaned


class EndMembershipForm(forms.Form):
    end = forms.DateField(label=_("Last day"), widget=DATE_INPUT)
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class RotationForm(forms.Form):
    on = forms.DateField(label=_("Plan for the date"), widget=DATE_INPUT)


class AdoptTermsForm(forms.Form):
    text = forms.CharField(
        label=_("Terms of reference (Markdown)"), widget=forms.Textarea(attrs={"rows": 14})
    )
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DATE_INPUT)
    adopted_by = forms.CharField(
        label=_("Adopted by"),
        max_length=300,
        help_text=_("The meeting or decision that adopted it."),
    )
    adopted_by_url = forms.CharField(
        label=_("Link to the decision"), max_length=300, required=False
    )
    chair_method = forms.ChoiceField(
        label=_("How the chair is chosen"),
        choices=ChairMethod.choices,
        initial=ChairMethod.APPOINTED,
        widget=forms.RadioSelect,
        required=False,
    )
    chair_appointed_by = forms.CharField(
        label=_("Appointed by"),
        max_length=200,
        required=False,
        help_text=_("For an appointed chair: who appoints, e.g. the UN Secretary-General."),
    )
    chairs = forms.IntegerField(
        label=_("Number of chairs"),
        min_value=1,
        max_value=4,
        initial=1,
        required=False,
        help_text=_("2 or more for co-chairs."),
    )
    election_quorum = forms.IntegerField(
        label=_("Quorum of an election, in percent of the members"),
        min_value=1,
        max_value=100,
        initial=50,
        required=False,
    )
    rotation_order = forms.MultipleChoiceField(
        label=_("Stakeholder groups in rotation, in this order"),
        choices=StakeholderGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # Unstated chair rules keep the defaults: one chair, appointed; a quorum of half.
        cleaned["chair_method"] = cleaned.get("chair_method") or ChairMethod.APPOINTED
        cleaned["chairs"] = cleaned.get("chairs") or 1
        cleaned["election_quorum"] = cleaned.get("election_quorum") or 50
        return cleaned


class ChairAppointForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        label=_("Chair or co-chairs"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    start = forms.DateField(label=_("Term starts"), widget=DATE_INPUT)

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField[Person], self.fields["people"]).queryset = members


class ChairElectionForm(forms.Form):
    closes = forms.DateTimeField(
        label=_("Nominations and voting close"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    term_start = forms.DateField(label=_("Term starts"), widget=DATE_INPUT)


class ChairNominationForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Member to nominate"),
        queryset=Person.objects.none(),
        empty_label=_("Choose a member"),
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField[Person], self.fields["person"]).queryset = members


def _candidate_name(candidate: ChairCandidate) -> str:
    return str(candidate.person.public_name)


class BallotForm(forms.Form):
    choices = forms.ModelMultipleChoiceField(
        label=_("Your vote"),
        queryset=ChairCandidate.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, election: ChairElection, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField[ChairCandidate], self.fields["choices"])
        field.queryset = election.candidates.select_related("person")
        field.label_from_instance = _candidate_name  # type: ignore[method-assign,assignment]
        field.help_text = _("Choose up to %(count)s. Nobody can see whom you voted for.") % {
            "count": election.seats
        }


class NominationForm(forms.Form):
    nominee_email = PersonByEmailField(
        label=_("E-mail address of the person you nominate"),
        required=False,
        help_text=_("Leave empty to nominate yourself. The person must have an account."),
    )
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"), choices=StakeholderGroup.choices
    )
    country = forms.ChoiceField(label=_("Country"))
    expertise = forms.CharField(
        label=_("Expertise"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000
    )
    motivation = forms.CharField(
        label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()[1:]  # type: ignore[attr-defined]

    def clean_country(self) -> Country:
        country = Country.objects.filter(iso2=self.cleaned_data["country"]).first()
        if country is None:
            raise forms.ValidationError(_("Choose a country."))
        return country


class NominationAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("I accept the nomination")), ("decline", _("I decline"))],
        widget=forms.RadioSelect,
    )


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2006, max_value=2100)
    text = forms.CharField(
        label=_("Report (Markdown)"), widget=forms.Textarea(attrs={"rows": 10}), required=False
    )
    file = forms.FileField(
        label=_("Or a PDF file"), required=False, help_text=_("PDF, at most 10 MB.")
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-" or not upload.name.lower().endswith(".pdf"):
            raise forms.ValidationError(_("This file is not a PDF."))
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload

    def clean_year(self) -> int:
        year = int(self.cleaned_data["year"])
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("A report covers a year that has begun."))
        return year


class MilestoneForm(forms.ModelForm[Milestone]):
    owner_email = PersonByEmailField(label=_("Owner's e-mail address"), required=False)

    class Meta:
        model = Milestone
        fields = ("title", "description", "due", "status")
        widgets = {"due": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 3})}


class ListMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )
    in_reply_to = RowIdField(required=False)


class BodyFilterForm(forms.Form):
    """The registry's filters; anything invalid counts as not given."""

    q = forms.CharField(
        label=pgettext_lazy("name of a body", "Name"), max_length=100, required=False
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    country = forms.CharField(label=_("Country"), max_length=2, required=False)
    region = forms.ChoiceField(
        label=_("UN regional group"), choices=[("", _("All")), *RegionGroup.choices], required=False
    )
    theme = forms.CharField(label=_("Theme"), max_length=100, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *Body._meta.get_field("status").choices],  # type: ignore[misc]
        required=False,
    )
    requirements = forms.ChoiceField(
        label=_("Requirements"),
        choices=[
            ("", _("All")),
            ("unmet", _("Some not met")),
            ("met", _("All met")),
        ],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Kind of initiative"),
        choices=[("", _("All")), *InitiativeKind.choices],
        required=False,
    )

    def __init__(self, *args: Any, type_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All")), *type_choices]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, str]:
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "search": str(cleaned.get("q") or "").strip(),
            "type_slug": str(cleaned.get("type") or ""),
            "country": str(cleaned.get("country") or "").upper(),
            "region": str(cleaned.get("region") or ""),
            "theme": str(cleaned.get("theme") or "").strip(),
            "status": str(cleaned.get("status") or ""),
            "requirements": str(cleaned.get("requirements") or ""),
            "kind": str(cleaned.get("kind") or ""),
        }


class BodyProposalForm(forms.ModelForm[BodyProposal]):
    """A proposal of a new body: what it is, how it is open, who founds it, and the evidence."""

    type: forms.ModelChoiceField[BodyType] = forms.ModelChoiceField(
        label=_("Type"),
        queryset=BodyType.objects.filter(may_be_proposed=True).order_by("order"),
        empty_label=_("Choose the kind of body"),
    )
    stakeholder_groups = forms.MultipleChoiceField(
        label=_("Stakeholder groups of the founders"),
        choices=StakeholderGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The groups your founding members come from."),
    )
    initiative_kind = forms.ChoiceField(
        label=_("Kind of initiative"),
        choices=[("", _("Not an initiative")), *InitiativeKind.choices],
        required=False,
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("name_en"),
        required=False,
        empty_label=_("No single country"),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = BodyProposal
        fields = (
            "type", "name", "acronym", "summary", "description", "initiative_kind", "country",
            "region", "website", "contact_email", "membership_open", "list_open",
            "has_open_archives", "stakeholder_groups", "evidence",
        )  # fmt: skip

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["type"]


class ProposalReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("recognise", _("Recognise: create the body")),
            ("send_back", _("Send back for changes")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("The proposer reads them; for a recognition they are kept on the record."),
    )


class CallForm(forms.Form):
    """A call for members, created by the secretariat: what, how many, when, and how each
    stakeholder group nominates."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=20000,
    )
    criteria = forms.CharField(
        label=_("Criteria (Markdown)"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )
    role = forms.ChoiceField(label=_("Role to fill"), choices=Role.choices, initial=Role.MEMBER)
    seats = forms.IntegerField(label=_("Seats to fill"), min_value=1, max_value=500)
    opens = forms.DateTimeField(
        label=_("Opens"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes = forms.DateTimeField(
        label=_("Closes"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    term_start = forms.DateField(label=_("Terms start"), widget=DATE_INPUT)
    term_end = forms.DateField(label=_("Terms end"), widget=DATE_INPUT, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in StakeholderGroup.choices:
            self.fields[f"method_{value}"] = forms.ChoiceField(
                label=_("How %(group)s nominates") % {"group": label},
                choices=NominationMethod.choices,
                initial=NominationMethod.OPEN,
                widget=forms.RadioSelect,
            )

    def method_fields(self) -> list[forms.BoundField]:
        return [self[f"method_{value}"] for value in StakeholderGroup.values]

    def call_data(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("method_")}
        data["group_methods"] = {
            value: self.cleaned_data[f"method_{value}"] for value in StakeholderGroup.values
        }
        return data
