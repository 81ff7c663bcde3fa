"""Forms of the consultations app. Every refusal is a translated message next to its field,
and whatever was typed is kept."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from igf.bodies.models import Body
from igf.consultations.enums import (
    DispositionOutcome,
    DocumentKind,
    FlagReason,
    ModerationAction,
    TranslationStatus,
)
from igf.consultations.models import (
    Contribution,
    Document,
    Paragraph,
    Question,
    QuestionnaireSection,
)
from igf.consultations.queries import QUEUE_PENDING
from igf.core.enums import StakeholderGroup
from igf.core.forms import RowIdField
from igf.core.models import Country
from igf.core.written import written_language_form_field
from igf.people.forms import country_choices
from igf.people.models import Organization, Person

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
MAX_UPLOAD_HELP = _("A Word (.docx) or Markdown (.md) file, at most 10 MB.")


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)


class ForumDateTimeField(forms.DateTimeField):
    """A date and time the forum can plan with: refuses year 1 and year 9999 alike."""

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and not 2000 <= value.year <= 2200:
            raise forms.ValidationError(_("Choose a date between the years 2000 and 2200."))


def datetime_field(label: Any, **kwargs: Any) -> forms.DateTimeField:
    return ForumDateTimeField(
        label=label,
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        help_text=kwargs.pop("help_text", _("In your time zone.")),
        **kwargs,
    )


class HoneypotForm(forms.Form):
    """A field people never see and bots fill in: anti-spam without JavaScript."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This could not be sent. Please try again."))
        return ""


def _organisation_field() -> forms.ModelChoiceField[Organization]:
    return forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Myself"),
        help_text=_("An organisation you belong to (as on your profile)."),
    )


def _body_field(bodies: Any) -> forms.ModelChoiceField[Body]:
    return forms.ModelChoiceField(
        label=_("Body"),
        queryset=bodies,
        required=False,
        empty_label=_("The forum as a whole"),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.none(), required=False
    )
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    language = forms.ChoiceField(label=_("Language of the original"), choices=settings.LANGUAGES)
    summary = forms.CharField(
        label=_("Summary (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text = forms.CharField(
        label=_("Text (Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Separate paragraphs with a blank line. Start headings with ## ."),
    )
    file = forms.FileField(label=_("Or import a file"), required=False, help_text=MAX_UPLOAD_HELP)

    def __init__(self, *args: Any, bodies: Any, forum_allowed: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = _body_field(bodies)
        field.required = not forum_allowed
        if not forum_allowed:
            field.empty_label = None
        self.fields["body"] = field

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("text", "").strip() and not cleaned.get("file"):
            self.add_error("text", _("Write the text or import a file."))
        return cleaned


class VersionEditForm(forms.Form):
    text = forms.CharField(
        label=_("Text (Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_("Separate paragraphs with a blank line. Start headings with ## ."),
    )
    note = forms.CharField(
        label=_("What changed (for readers)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    file = forms.FileField(
        label=_("Or replace the text with a file"), required=False, help_text=MAX_UPLOAD_HELP
    )
    revision = RowIdField()


class NewVersionForm(forms.Form):
    file = forms.FileField(
        label=_("Import the new text (optional)"),
        required=False,
        help_text=_("Without a file, the new version starts as a copy of the latest one."),
    )


class PublishVersionForm(forms.Form):
    note = forms.CharField(
        label=_("What changed (for readers)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MatchingForm(forms.Form):
    revision = RowIdField()

    def __init__(
        self,
        *args: Any,
        paragraphs: list[Paragraph],
        previous: list[Paragraph],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        keys = {p.key for p in previous}
        choices = [("", _("A new paragraph"))] + [
            (p.key, f"{p.label}: {_snippet(p.text)}") for p in previous
        ]
        self.paragraph_fields: list[tuple[Paragraph, str]] = []
        for paragraph in paragraphs:
            name = f"p{paragraph.pk}"
            self.fields[name] = forms.ChoiceField(
                label=_("%(paragraph)s continues") % {"paragraph": paragraph.label},
                choices=choices,
                required=False,
                initial=paragraph.key if paragraph.key in keys else "",
            )
            self.paragraph_fields.append((paragraph, name))

    def choices_made(self) -> dict[int, str]:
        return {
            paragraph.pk: str(self.cleaned_data.get(name) or "")
            for paragraph, name in self.paragraph_fields
        }


def _snippet(text: str, length: int = 70) -> str:
    from igf.consultations.blocks import plain_text  # noqa: PLC0415

    words = plain_text(text)
    return words if len(words) <= length else words[: length - 1] + "…"


class PeriodForm(forms.Form):
    opens = datetime_field(_("Opens"))
    closes = datetime_field(
        _("Closes"),
        required=False,
        help_text=_("In your time zone. Leave empty for one month after it opens."),
    )
    instructions = forms.CharField(
        label=_("Instructions for commenters (optional, Markdown)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens"), cleaned.get("closes")
        if opens and closes and closes <= opens:
            self.add_error("closes", _("The period must end after it starts."))
        return cleaned


class CommentForm(HoneypotForm):
    text = forms.CharField(
        label=_("Your comment"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text or Markdown."),
    )
    language = written_language_form_field()
    passage = forms.CharField(
        label=_("Passage you comment on (optional)"),
        required=False,
        max_length=500,
        help_text=_("Copy the words from the paragraph exactly."),
    )
    on_behalf_of = _organisation_field()
    anonymous = forms.BooleanField(
        label=_("Do not show my name to the public"),
        required=False,
        help_text=_("The secretariat still knows who wrote the comment."),
    )
    stakeholder_group = forms.ChoiceField(
        label=_("Stakeholder group shown with the comment"),
        choices=[("", _("Not said")), *StakeholderGroup.choices],
        required=False,
    )
    country = forms.ChoiceField(label=_("Country shown with the comment"), required=False)
    file = forms.FileField(
        label=_("Or send your comments as a file (optional)"),
        required=False,
        help_text=_("PDF or Word (.docx), at most 5 MB."),
        widget=forms.FileInput(
            attrs={
                "accept": "application/pdf,application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document"
            }
        ),
    )

    def __init__(
        self,
        *args: Any,
        person: Person,
        allow_file: bool = False,
        allow_passage: bool = False,
        reply: bool = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault(
            "initial",
            {
                "stakeholder_group": person.stakeholder_group,
                "country": person.country_id or "",
            },
        )
        super().__init__(*args, **kwargs)
        self.person = person
        organisation = cast(forms.ModelChoiceField[Organization], self.fields["on_behalf_of"])
        organisation.queryset = Organization.objects.filter(affiliations__person=person).order_by(
            "name"
        )
        country = cast(forms.ChoiceField, self.fields["country"])
        country.choices = country_choices()
        if not allow_file:
            del self.fields["file"]
        if not allow_passage:
            del self.fields["passage"]
        if reply:
            self.fields["text"].label = _("Your reply")

    def clean_country(self) -> Country | None:
        code = self.cleaned_data.get("country")
        return Country.objects.filter(iso2=code).first() if code else None

    def clean_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("file")
        return upload if isinstance(upload, UploadedFile) else None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        empty = not str(cleaned.get("text") or "").strip() and not cleaned.get("file")
        if empty and "text" not in self.errors:
            self.add_error(
                "text",
                _("Write your comment or attach a file.")
                if "file" in self.fields
                else _("Write your comment."),
            )
        if cleaned.get("anonymous") and cleaned.get("on_behalf_of"):
            self.add_error(
                "anonymous",
                _("A comment on behalf of an organisation is signed; it cannot be anonymous."),
            )
        return cleaned


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Details for the moderators (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class QueueFilterForm(forms.Form):
    """The moderation queue's filters (GET); anything invalid counts as not given."""

    document: forms.ModelChoiceField[Document] = forms.ModelChoiceField(
        label=_("Document"),
        queryset=Document.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All documents"),
    )
    reason = forms.ChoiceField(
        label=_("Why it is in the queue"),
        required=False,
    )

    def __init__(self, *args: Any, documents: QuerySet[Document], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField[Document], self.fields["document"]).queryset = documents
        # Built per request, so the reasons are in the page's language.
        cast(forms.ChoiceField, self.fields["reason"]).choices = [
            ("", gettext("Any reason")),
            (QUEUE_PENDING, gettext("Awaiting moderation (new participant)")),
            *(
                (value, gettext("Flagged: %(reason)s") % {"reason": label})
                for value, label in FlagReason.choices
            ),
        ]

    def filters(self) -> dict[str, Any]:
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {"document": cleaned.get("document"), "reason": cleaned.get("reason") or ""}


class ModerationForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), choices=[], widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason (sent to the author)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Cite the part of the Code of Conduct that applies."),
    )

    def __init__(self, *args: Any, actions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["action"])
        field.choices = [(a, ModerationAction(a).label) for a in actions]


class DispositionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=DispositionOutcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Short, and addressed to the commenter: it is published."),
    )
    addressed_in = forms.TypedChoiceField(
        label=_("Addressed in (paragraph of a later version)"),
        choices=[],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, paragraphs: list[Paragraph], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.TypedChoiceField, self.fields["addressed_in"])
        field.choices = [("", _("Not in a particular paragraph"))] + [
            (
                p.pk,
                _("version %(version)s, %(paragraph)s: %(words)s")
                % {
                    "version": p.version.number,
                    "paragraph": p.label,
                    "words": _snippet(p.text, 50),
                },
            )
            for p in paragraphs
        ]


class TranslationCreateForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=[])
    status = forms.ChoiceField(
        label=_("Status of the translation"),
        choices=TranslationStatus.of_translations(),
        initial=TranslationStatus.DRAFT,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Translated text (optional, Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Paragraphs in the same order as the original, separated by blank lines. Leave "
            "empty to translate paragraph by paragraph."
        ),
    )

    def __init__(self, *args: Any, exclude: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["language"])
        field.choices = [(c, n) for c, n in settings.LANGUAGES if c not in exclude]


class TranslationEditForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status of the translation"),
        choices=TranslationStatus.of_translations(),
        widget=forms.RadioSelect,
    )
    revision = RowIdField()

    def __init__(
        self, *args: Any, paragraphs: list[Paragraph], texts: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.paragraph_fields: list[tuple[Paragraph, str]] = []
        for paragraph in paragraphs:
            name = f"p{paragraph.pk}"
            self.fields[name] = forms.CharField(
                label=_("Translation of %(paragraph)s") % {"paragraph": paragraph.label},
                required=False,
                max_length=100_000,
                initial=texts.get(paragraph.pk, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.paragraph_fields.append((paragraph, name))

    def texts(self) -> dict[int, str]:
        return {p.pk: str(self.cleaned_data.get(name) or "") for p, name in self.paragraph_fields}


class QuestionnaireForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    deadline = datetime_field(_("Deadline"))
    open_to_all = forms.BooleanField(
        label=_("Anyone signed in may contribute"),
        required=False,
        initial=True,
        help_text=_("Otherwise only the people you invite may contribute."),
    )
    introduction = forms.CharField(
        label=_("Introduction (optional, Markdown)"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    questions = forms.CharField(
        label=_("Questions"),
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Start each section with a heading (## Section title); write each question as its "
            "own paragraph or list item."
        ),
    )

    def __init__(self, *args: Any, bodies: Any = None, forum_allowed: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if bodies is not None:
            field = _body_field(bodies)
            field.required = not forum_allowed
            if not forum_allowed:
                field.empty_label = None
            self.fields["body"] = field
            self.order_fields(["title", "body"])

    def clean_questions(self) -> str:
        from igf.consultations.services import parse_questions  # noqa: PLC0415

        text = str(self.cleaned_data["questions"])
        if not parse_questions(text):
            raise forms.ValidationError(_("Write at least one question."))
        return text


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses of the people to invite"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. Only people with an account on the platform can be invited."),
    )
    members = forms.BooleanField(label=_("Invite every current member of the body"), required=False)


class ContributionForm(HoneypotForm):
    on_behalf_of = _organisation_field()
    confidential = forms.BooleanField(
        label=_("Keep my contribution confidential"),
        required=False,
        help_text=_(
            "Only the compiler reads it. It is not published after the deadline, and the "
            "compilation does not name you."
        ),
    )

    def __init__(
        self,
        *args: Any,
        person: Person,
        sections: list[QuestionnaireSection],
        answers: dict[int, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        organisation = cast(forms.ModelChoiceField[Organization], self.fields["on_behalf_of"])
        organisation.queryset = Organization.objects.filter(affiliations__person=person).order_by(
            "name"
        )
        answers = answers or {}
        self.sections: list[tuple[QuestionnaireSection, list[tuple[Question, str]]]] = []
        for section in sections:
            fields = []
            for question in section.questions.all():
                name = f"q{question.pk}"
                self.fields[name] = forms.CharField(
                    label=question.text,
                    required=False,
                    max_length=20_000,
                    initial=answers.get(question.pk, ""),
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
                fields.append((question, name))
            self.sections.append((section, fields))

    def section_fields(self) -> list[tuple[QuestionnaireSection, list[forms.BoundField]]]:
        return [(section, [self[name] for _q, name in fields]) for section, fields in self.sections]

    def answers(self) -> dict[int, str]:
        return {
            question.pk: str(self.cleaned_data.get(name) or "")
            for _section, fields in self.sections
            for question, name in fields
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(v.strip() for v in self.answers().values()):
            self.add_error(None, _("Answer at least one question."))
        return cleaned


class CompilationForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction (Markdown)"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PointForm(forms.Form):
    section = forms.TypedChoiceField(label=_("Section"), choices=[], coerce=int)
    text = forms.CharField(
        label=pgettext_lazy("compilation point", "Point (Markdown)"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    contributions = forms.TypedMultipleChoiceField(
        label=_("Contributions that support it"),
        choices=[],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    position = forms.IntegerField(
        label=_("Position in the section (optional)"), required=False, min_value=1, max_value=9999
    )

    def __init__(
        self,
        *args: Any,
        sections: list[QuestionnaireSection],
        contributions: list[Contribution],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        from igf.consultations.compiling import roman  # noqa: PLC0415

        section_field = cast(forms.TypedChoiceField, self.fields["section"])
        section_field.choices = [(s.pk, f"{roman(s.position)}. {s.title}") for s in sections]
        cited = cast(forms.TypedMultipleChoiceField, self.fields["contributions"])
        cited.choices = [(c.pk, contribution_choice_label(c)) for c in contributions]


def contribution_choice_label(contribution: Contribution) -> str:
    who = contribution.contributor.public_name
    if contribution.on_behalf_of is not None:
        who = f"{contribution.on_behalf_of.name} ({who})"
    label = _("Contribution %(number)s: %(who)s") % {"number": contribution.number, "who": who}
    if contribution.confidential:
        label = _("%(label)s, confidential") % {"label": label}
    return str(label)
