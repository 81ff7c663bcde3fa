"""Forms of the programme: the proposal with its people, the review, conflicts, decisions."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from igf.core.enums import Gender, StakeholderGroup
from igf.core.forms import ROW_ID_MAX, BoundedKeysMultipleChoiceField, RowIdField, count_not_cut
from igf.core.models import Country
from igf.core.written import written_language_form_field
from igf.people.forms import country_choices
from igf.people.models import Person
from igf.programme import phrases
from igf.programme.enums import (
    SUPPORT_ROLES,
    Attendance,
    Decision,
    Focus,
    ParticipantRole,
    SessionFormat,
    TemplateField,
)
from igf.programme.models import (
    CallSessionType,
    PolicyQuestion,
    Proposal,
    ProposalPerson,
    ReviewCriterion,
    Reviewer,
    Theme,
)
from igf.programme.queries import PersonEntry

MAX_PEOPLE_PER_ROLE = 30
SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]

# Which form fields belong to which part of the template.
PART_FIELDS: dict[str, tuple[str, ...]] = {
    TemplateField.THEME: ("theme", "policy_questions"),
    TemplateField.DESCRIPTION: ("description",),
    TemplateField.EXPECTED_OUTCOMES: ("expected_outcomes",),
    TemplateField.FORMAT: ("format", "interaction"),
    TemplateField.SDGS: ("sdgs",),
    TemplateField.FOCUS: ("focus",),
    TemplateField.DURATION: ("duration",),
    TemplateField.ACCESSIBILITY: ("accessibility", "languages"),
    TemplateField.PREVIOUS_REPORT: ("previous_report",),
}


class QuestionChoiceField(BoundedKeysMultipleChoiceField):
    def label_from_instance(self, obj: PolicyQuestion) -> str:  # type: ignore[override]
        return f"{obj.theme.name}: {obj.text}"


class ProposalForm(forms.Form):
    """The parts of a proposal its template asks. Every field may be empty in a draft; what a
    submitted proposal must have is checked by `services.submit_proposal` (and `clean` when
    the person submits), so a draft is never refused for being incomplete."""

    title = forms.CharField(
        label=_("Title"),
        max_length=250,
        error_messages={"required": _("Give the proposal a title, even a working one.")},
    )
    language = written_language_form_field()
    theme: forms.ModelChoiceField[Theme] = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("Choose a theme"),
    )
    policy_questions = QuestionChoiceField(
        label=_("Policy questions addressed"),
        queryset=PolicyQuestion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the session is about and why it matters now. Markdown is allowed."),
    )
    expected_outcomes = forms.CharField(
        label=_("Expected outcomes"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Choose a format")), *SessionFormat.choices],
    )
    interaction = forms.CharField(
        label=_("How onsite and online participants will interact"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Related Sustainable Development Goals"),
        required=False,
        coerce=int,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )
    focus = forms.ChoiceField(
        label=_("Policy discussion or capacity building"),
        required=False,
        choices=Focus.choices,
        widget=forms.RadioSelect,
    )
    duration = forms.TypedChoiceField(
        label=_("Duration"), required=False, coerce=int, empty_value=None, choices=[]
    )
    accessibility = forms.CharField(
        label=_("Accessibility and language needs"),
        required=False,
        max_length=3_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Captions, sign language, interpretation, anything participants will need."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the session"),
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )
    previous_report = forms.CharField(
        label=_("Report on your previous session"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "If you organised a session at last year's meeting: a link to its report, or the "
            "report itself."
        ),
    )

    def __init__(self, *args: Any, template: CallSessionType, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.template = template
        meeting_id = template.call.meeting_id
        cast(forms.ModelChoiceField[Theme], self.fields["theme"]).queryset = Theme.objects.filter(
            meeting_id=meeting_id
        ).order_by("order", "pk")
        cast(QuestionChoiceField, self.fields["policy_questions"]).queryset = (
            PolicyQuestion.objects.filter(theme__meeting_id=meeting_id)
            .select_related("theme")
            .order_by("theme__order", "theme_id", "order", "pk")
        )
        cast(forms.TypedMultipleChoiceField, self.fields["sdgs"]).choices = [
            (n, phrases.sdg_label(n)) for n in range(1, 18)
        ]
        durations = template.session_type.durations or [60]
        cast(forms.TypedChoiceField, self.fields["duration"]).choices = [
            ("", _("Choose a duration")),
            *((d, phrases.minutes_label(d)) for d in durations),
        ]
        cast(forms.MultipleChoiceField, self.fields["languages"]).choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]
        for part, names in PART_FIELDS.items():
            if not template.asks(part):
                for name in names:
                    del self.fields[name]
            elif help_text := (template.help_texts or {}).get(part):
                self.fields[names[0]].help_text = help_text
        count_not_cut(self)

    @classmethod
    def initial_for(cls, proposal: Proposal) -> dict[str, Any]:
        return {
            "title": proposal.title,
            "language": proposal.language,
            "theme": proposal.theme_id,
            "policy_questions": list(proposal.policy_questions.values_list("pk", flat=True)),
            "description": proposal.description,
            "expected_outcomes": proposal.expected_outcomes,
            "format": proposal.format,
            "interaction": proposal.interaction,
            "sdgs": proposal.sdgs,
            "focus": proposal.focus,
            "duration": proposal.duration,
            "accessibility": proposal.accessibility,
            "languages": proposal.languages,
            "previous_report": proposal.previous_report,
        }

    def clean_title(self) -> str:
        title = " ".join(str(self.cleaned_data["title"]).split())
        if not title:
            raise forms.ValidationError(_("Give the proposal a title, even a working one."))
        return title

    def changes(self) -> dict[str, Any]:
        """The proposal's own fields from the cleaned data (the template's parts only)."""
        data = self.cleaned_data
        changes: dict[str, Any] = {"title": data["title"], "language": data["language"]}
        for name in (
            "theme", "description", "expected_outcomes", "format", "interaction", "sdgs",
            "focus", "duration", "accessibility", "languages", "previous_report",
        ):  # fmt: skip
            if name in self.fields:
                changes[name] = data.get(name)
        for text in ("description", "expected_outcomes", "interaction", "accessibility"):
            if text in changes and changes[text] is None:
                changes[text] = ""
        return changes

    def questions(self) -> list[PolicyQuestion]:
        if "policy_questions" not in self.fields:
            return []
        return list(self.cleaned_data.get("policy_questions") or [])


class ParticipantForm(forms.Form):
    """One person named in a proposal. An empty row is ignored."""

    row = RowIdField(required=False)
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("We e-mail a link to confirm taking part."),
    )
    organization_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group"),
        required=False,
        choices=[("", _("Not said")), *StakeholderGroup.choices],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    gender = forms.ChoiceField(
        label=_("Gender"),
        required=False,
        choices=[
            ("", _("Not said")),
            *((value, label) for value, label in Gender.choices if value != Gender.SELF_DESCRIBED),
        ],
    )
    attendance = forms.ChoiceField(
        label=_("Taking part"), choices=Attendance.choices, initial=Attendance.ONSITE
    )

    def __init__(
        self, *args: Any, countries: list[tuple[str, str]], roles: tuple[str, ...], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["country"]).choices = countries
        self.roles = roles
        count_not_cut(self)
        if len(roles) > 1:
            self.fields["role"] = forms.ChoiceField(
                label=pgettext_lazy("session role", "Role"),
                choices=[(r, ParticipantRole(r).label) for r in roles],
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        name = " ".join(str(cleaned.get("name") or "").split())
        cleaned["name"] = name
        typed = any(
            cleaned.get(f) for f in ("email", "organization_name", "stakeholder_group", "country")
        )
        if typed and not name and not cleaned.get("DELETE"):
            self.add_error("name", _("Enter the person's name, or clear the row."))
        return cleaned

    def entry(self, countries: dict[str, Country]) -> PersonEntry | None:
        data = self.cleaned_data
        if not data.get("name") or data.get("DELETE"):
            return None
        code = data.get("country") or ""
        return PersonEntry(
            role=data.get("role") or self.roles[0],
            name=data["name"],
            email=data.get("email") or "",
            organization_name=(data.get("organization_name") or "").strip(),
            stakeholder_group=data.get("stakeholder_group") or "",
            country=countries.get(code),
            gender=data.get("gender") or "",
            attendance=data.get("attendance") or Attendance.ONSITE,
            row=data.get("row"),
        )


class BaseParticipantFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def entries(self) -> list[PersonEntry]:
        codes = {f.cleaned_data.get("country") for f in self.forms if f.cleaned_data}
        countries = {c.iso2: c for c in Country.objects.filter(iso2__in=codes - {None, ""})}
        entries = (cast(ParticipantForm, form).entry(countries) for form in self.forms)
        return [e for e in entries if e is not None]


# The three groups of people on the form: prefix, the roles a row may take, blank rows.
PEOPLE_GROUPS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("organisers", (ParticipantRole.ORGANISER,), TemplateField.ORGANISERS),
    ("speakers", (ParticipantRole.SPEAKER,), TemplateField.SPEAKERS),
    ("support", tuple(SUPPORT_ROLES), TemplateField.MODERATORS),
)
BLANK_ROWS = 2


def proposer_entry(person: Person) -> dict[str, Any]:
    """The proposer as the first organiser of a new proposal, from their profile: the form
    starts with them so they do not type themselves in."""
    affiliation = person.affiliations.select_related("organization").order_by("pk").first()
    return {
        "name": person.display_name,
        "email": person.user.email,
        "organization_name": affiliation.organization.name if affiliation else "",
        "stakeholder_group": person.stakeholder_group,
        "country": person.country_id or "",
        "role": ParticipantRole.ORGANISER,
    }


def people_formsets(
    template: CallSessionType,
    rows: list[ProposalPerson],
    data: Any = None,
    proposer: Person | None = None,
) -> dict[str, BaseParticipantFormSet]:
    """One formset per group of people the template asks for, with two blank rows to add.
    A new proposal (`proposer` given) starts with the proposer as its first organiser."""
    countries = country_choices()
    formsets: dict[str, BaseParticipantFormSet] = {}
    for prefix, roles, part in PEOPLE_GROUPS:
        if not template.asks(part):
            continue
        initial = [
            {
                "row": r.pk,
                "name": r.display_name,
                "email": r.email,
                "organization_name": r.organization_name,
                "stakeholder_group": r.stakeholder_group,
                "country": r.country_id or "",
                "gender": r.gender,
                "attendance": r.attendance,
                "role": r.role,
            }
            for r in rows
            if r.role in roles
        ]
        if proposer is not None and not rows and ParticipantRole.ORGANISER in roles:
            initial = [proposer_entry(proposer)]
        formset_class = forms.formset_factory(
            ParticipantForm,
            formset=BaseParticipantFormSet,
            extra=BLANK_ROWS,
            can_delete=True,
            max_num=MAX_PEOPLE_PER_ROLE,
            validate_max=True,
            absolute_max=MAX_PEOPLE_PER_ROLE,
        )
        formsets[prefix] = cast(
            BaseParticipantFormSet,
            formset_class(
                data,
                initial=initial,
                prefix=prefix,
                form_kwargs={"countries": countries, "roles": roles},
            ),
        )
    return formsets


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the proposers"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent to the proposers with the outcome, without your name."),
        error_messages={"required": _("Write a comment the proposers can learn from.")},
    )
    note_to_staff = forms.CharField(
        label=_("Note to the secretariat (optional)"),
        required=False,
        max_length=3_000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only the secretariat reads this."),
    )
    merge_with = forms.ModelChoiceField(
        label=_("Could merge with another proposal (optional)"),
        queryset=Proposal.objects.none(),
        required=False,
        empty_label=_("No suggestion"),
    )

    def __init__(
        self,
        *args: Any,
        criteria: list[ReviewCriterion],
        candidates: QuerySet[Proposal],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                help_text=criterion.description,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Give a score from 1 to 5.")},
            )
        cast(forms.ModelChoiceField[Proposal], self.fields["merge_with"]).queryset = candidates
        self.order_fields([f"criterion_{c.pk}" for c in criteria])

    def scores(self) -> dict[int, int]:
        return {c.pk: int(self.cleaned_data[f"criterion_{c.pk}"]) for c in self.criteria}

    def criterion_fields(self) -> list[forms.BoundField]:
        return [self[f"criterion_{c.pk}"] for c in self.criteria]


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you cannot review this proposal impartially"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the secretariat reads this. The proposal goes to another reviewer."),
        error_messages={"required": _("Say briefly what the conflict of interest is.")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision.")},
    )
    merge_with = forms.ModelChoiceField(
        label=_("Merge with"),
        queryset=Proposal.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("Only for “accept with changes”."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=3_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the proposers with the outcome."),
        error_messages={"required": _("Give the reason for the decision.")},
    )

    def __init__(self, *args: Any, candidates: QuerySet[Proposal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField[Proposal], self.fields["merge_with"]).queryset = candidates

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == Decision.ACCEPT_WITH_CHANGES and not cleaned.get(
            "merge_with"
        ):
            self.add_error("merge_with", _("Name the proposal this one merges with."))
        return cleaned


class PublishForm(forms.Form):
    note = forms.CharField(
        label=_("Note added to the reason of every proposal not selected (optional)"),
        required=False,
        max_length=1_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that every proposer is told the outcome now."),
        error_messages={"required": _("Tick the box to publish the results.")},
    )


class AssignForm(forms.Form):
    number = forms.IntegerField(
        label=_("Proposal number"),
        min_value=1,
        max_value=ROW_ID_MAX,
        error_messages={"required": _("Enter the proposal's number.")},
    )
    reviewer = forms.ModelChoiceField(
        label=_("Reviewer"),
        queryset=Reviewer.objects.none(),
        error_messages={"required": _("Choose a reviewer.")},
    )

    def __init__(self, *args: Any, reviewers: QuerySet[Reviewer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField[Reviewer], self.fields["reviewer"]).queryset = reviewers
