"""The finance role's forms: recording an entry and reversing one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from igf.core.models import Country
from igf.funding.enums import Category, EntryKind
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
