"""The finance role's forms: recording an entry and reversing one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from igf.core.enums import Gender, StakeholderGroup
from igf.core.models import Country
from igf.funding.enums import Category, EntryKind, Preference
from igf.funding.models import CURRENCY_CHOICES, Donor


class EntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EntryKind.choices)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=_("Amount"), max_digits=16, decimal_places=2, min_value=0)
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES)
    rate = forms.DecimalField(
        label=_("Rate to the reporting currency"),
        max_digits=18,
        decimal_places=8,
        help_text=_("Units of the reporting currency for one unit of the amount's currency."),
    )
    rate_date = forms.DateField(
        label=_("Date of the rate"), widget=forms.DateInput(attrs={"type": "date"})
    )
    donor = forms.ModelChoiceField(
        label=_("Donor"),
        queryset=Donor.objects.select_related("organization"),
        required=False,
    )
    host_country = forms.ModelChoiceField(
        label=_("Host country"), queryset=Country.objects.all(), required=False
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", "—"), *Category.choices],
        required=False,
        help_text=_("For expenditure, and for what an in-kind contribution covered."),
    )
    description = forms.CharField(label=_("Description"), max_length=300)


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the correction"), max_length=1000)
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))


class ApplicationForm(forms.Form):
    """Every field optional: a draft is saved with whatever is there; submitting checks."""

    country = forms.ModelChoiceField(
        label=_("Country of residence"), queryset=Country.objects.all(), required=False
    )
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"), choices=[("", "—"), *StakeholderGroup.choices], required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional, for the balance of awards)"),
        choices=[("", "—"), *Gender.choices],
        required=False,
    )
    preferences = forms.MultipleChoiceField(
        label=_("Preferences that apply to you (optional)"),
        choices=Preference.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    partial = forms.BooleanField(label=_("Partial funding is enough for me"), required=False)
    amount = forms.DecimalField(
        label=_("Amount asked"), max_digits=16, decimal_places=2, min_value=0, required=False
    )
    motivation = forms.CharField(
        label=_("Why you want to take part"), widget=forms.Textarea, required=False, max_length=4000
    )
    give_back = forms.CharField(
        label=_("How you will share what you learn"),
        widget=forms.Textarea,
        required=False,
        max_length=4000,
    )
    recommender_name = forms.CharField(label=_("Recommended by"), max_length=150, required=False)
    recommender_email = forms.EmailField(
        label=_("E-mail address of the recommender"), required=False
    )


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the decision"), widget=forms.Textarea, max_length=2000
    )


class TripReportForm(forms.Form):
    text = forms.CharField(
        label=_("What you did at the meeting and how you shared it"),
        widget=forms.Textarea,
        max_length=8000,
    )
