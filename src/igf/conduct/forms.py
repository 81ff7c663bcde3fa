"""Forms of the code of conduct: accepting it (also at sign-up), reporting a concern, and an
officer's record of what was done."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from igf.conduct.enums import Outcome
from igf.people.forms import SignupForm
from igf.people.models import User

ACCEPT_LABEL = _("I have read the code of conduct and accept it")


class AcceptForm(forms.Form):
    accept = forms.BooleanField(
        label=ACCEPT_LABEL,
        error_messages={"required": _("Tick the box to accept the code of conduct.")},
    )


class SignupAcceptanceForm(SignupForm):
    """What allauth adds to its sign-up form (`ACCOUNT_SIGNUP_FORM_CLASS`): the display name
    (people's form), and accepting the current code, recorded once the account exists."""

    accept_code_of_conduct = forms.BooleanField(
        label=ACCEPT_LABEL,
        help_text=_(
            "The forum's code of conduct applies to everything you do here: read it at /conduct/."
        ),
        error_messages={"required": _("Accept the code of conduct to join the forum.")},
    )
    # allauth orders its sign-up form by this list (unknown names are skipped, others follow):
    # the box comes last, after the fields a person fills in.
    field_order = ("email", "display_name", "password1", "password2", "accept_code_of_conduct")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from igf.conduct.rules import current_code  # noqa: PLC0415 - allauth imports early

        if current_code() is None:  # nothing to accept before the forum publishes its code
            del self.fields["accept_code_of_conduct"]

    def signup(self, request: HttpRequest, user: User) -> None:
        from igf.conduct.services import accept_code  # noqa: PLC0415 - allauth imports early

        super().signup(request, user)
        accept_code(by=user)


class ReportForm(forms.Form):
    """A concern about a piece of content or a profile."""

    description = forms.CharField(
        label=_("What is the concern?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only the conduct officers read this. They will tell you once it is handled."),
    )


class MeetingReportForm(ReportForm):
    """A concern about conduct in a meeting, online or in the room."""

    meeting = forms.CharField(label=_("Which meeting"), max_length=300)
    occurred = forms.DateTimeField(
        label=_("When it happened"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("In your time zone, as closely as you remember."),
    )
    field_order = ("meeting", "occurred", "description")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].label = _("What happened?")


class HandleForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What was done"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    until = forms.DateField(
        label=_("Suspended until (for a suspension)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Kept with the report. A warned or suspended participant reads them."),
    )
