"""Forms of the opinions app: votes, statements, moderation, settings, Pol.is import."""

from __future__ import annotations

import csv
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from igf.bodies.models import Body
from igf.core.forms import ROW_ID_MAX, add_refusal
from igf.core.written import written_language_form_field
from igf.opinions.enums import Participation, StatementPolicy, StatementStatus, Visibility
from igf.opinions.models import STATEMENT_MAX_LENGTH, Conversation
from igf.opinions.participation import registers_people
from igf.opinions.polis import PolisConversation, PolisFormatError, read_conversation
from igf.people.models import Person, User

VOTES = {"agree": 1, "disagree": -1, "pass": 0}
MAX_UPLOAD = 50 * 1024 * 1024
MAX_SEED_LINES = 200


class VoteForm(forms.Form):
    """One vote: which statement, and the button pressed."""

    statement = forms.IntegerField(min_value=0, max_value=2**62, widget=forms.HiddenInput)
    vote = forms.ChoiceField(choices=[(k, k) for k in VOTES])

    def value(self) -> int:
        return VOTES[self.cleaned_data["vote"]]


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Your statement"),
        max_length=STATEMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "One idea others can agree or disagree with, in at most %(n)d characters. "
            "It is shown without your name."
        )
        % {"n": STATEMENT_MAX_LENGTH},
        error_messages={"required": _("Write a statement.")},
    )
    language = written_language_form_field()


class SeedForm(forms.Form):
    """Moderators seed statements, one per line."""

    statements = forms.CharField(
        label=_("Statements to add"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One statement per line, each at most %(n)d characters. They are shown at once."
        )
        % {"n": STATEMENT_MAX_LENGTH},
        error_messages={"required": _("Write at least one statement.")},
    )
    is_meta = forms.BooleanField(
        label=_("These statements are about the conversation itself (left out of the groups)"),
        required=False,
    )

    def clean_statements(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["statements"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise forms.ValidationError(_("Write at least one statement."))
        if len(lines) > MAX_SEED_LINES:
            raise forms.ValidationError(
                _("Add at most %(n)d statements at a time.") % {"n": MAX_SEED_LINES}
            )
        too_long = [i + 1 for i, line in enumerate(lines) if len(line) > STATEMENT_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("Line %(line)d is longer than %(n)d characters.")
                % {"line": too_long[0], "n": STATEMENT_MAX_LENGTH}
            )
        return lines


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (StatementStatus.ACCEPTED, StatementStatus.ACCEPTED),
            (StatementStatus.REJECTED, StatementStatus.REJECTED),
            ("meta", "meta"),
            ("not_meta", "not_meta"),
        ]
    )


class StatusForm(forms.Form):
    action = forms.ChoiceField(choices=[("open", "open"), ("close", "close")])


class ConversationForm(forms.Form):
    """A conversation's settings; moderators are named by the secretariat only."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("The question or topic, as participants will read it."),
        error_messages={"required": _("Give the conversation a title.")},
    )
    description = forms.CharField(
        label=_("Description (Markdown)"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the conversation is for and how its results will be used."),
    )
    language = forms.ChoiceField(label=_("Language of the statements"), choices=[])
    participation = forms.ChoiceField(
        label=_("Who may take part"), choices=Participation.choices, widget=forms.RadioSelect
    )
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("Needed when only the members of a body take part."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read the statements and results"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
    )
    statement_policy = forms.ChoiceField(
        label=_("Statements from participants"),
        choices=StatementPolicy.choices,
        widget=forms.RadioSelect,
    )
    attribution = forms.CharField(
        label=_("Source and licence"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For imported conversations: where the data comes from and its licence."),
    )
    moderators = forms.CharField(
        label=_("Moderators"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The e-mail addresses of their accounts, one per line."),
    )

    belongs_to = forms.ChoiceField(
        label=_("Shown on the page of"),
        required=False,
        help_text=_(
            "A body, an annual meeting, a session, a meeting or a document: the conversation "
            "is listed on its page."
        ),
    )

    def __init__(
        self,
        *args: Any,
        with_moderators: bool = True,
        with_owner: bool = False,
        current_owner: models.Model | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.current_owner = current_owner
        if with_owner:
            cast(forms.ChoiceField, self.fields["belongs_to"]).choices = [
                ("", _("Nothing")),
                *owner_choices(),
            ]
        else:
            del self.fields["belongs_to"]
        field = self.fields["language"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - narrows the type
        field.choices = [(code, name) for code, name in settings.LANGUAGES]
        body = self.fields["body"]
        assert isinstance(body, forms.ModelChoiceField)  # noqa: S101
        body.queryset = Body.objects.order_by("name")
        if not with_moderators:
            del self.fields["moderators"]

    @staticmethod
    def initial_for(conversation: Conversation) -> dict[str, Any]:
        return {
            "title": conversation.title,
            "description": conversation.description,
            "language": conversation.language,
            "participation": conversation.participation,
            "body": conversation.body_id,
            "visibility": conversation.visibility,
            "statement_policy": conversation.statement_policy,
            "attribution": conversation.attribution,
            "moderators": "\n".join(
                conversation.moderators.select_related("user").values_list("user__email", flat=True)
            ),
        }

    def clean_moderators(self) -> list[Person]:
        emails = [e.strip().lower() for e in self.cleaned_data["moderators"].split() if e.strip()]
        found = {u.email: u for u in User.objects.filter(email__in=emails, is_active=True)}
        missing = [e for e in emails if e not in found]
        if missing:
            raise forms.ValidationError(
                _("No active account has the address %(email)s.") % {"email": missing[0]}
            )
        return [found[e].person for e in dict.fromkeys(emails)]

    def clean_belongs_to(self) -> models.Model | None:
        return find_owner(self.cleaned_data.get("belongs_to") or "")

    def owner(self) -> models.Model | None:
        """What the conversation belongs to once saved: the choice made, else as it was."""
        if "belongs_to" in self.fields:
            return cast(models.Model | None, self.cleaned_data.get("belongs_to"))
        return self.current_owner

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("participation") == Participation.BODY_MEMBERS and not data.get("body"):
            self.add_error("body", _("Choose the body whose members take part."))
        if data.get("participation") == Participation.MEETING_PARTICIPANTS and not registers_people(
            self.owner()
        ):
            self.add_error(
                "participation",
                _(
                    "Only a conversation shown on the page of a meeting or a session can be "
                    "limited to its registered participants."
                ),
            )
        return data

    @staticmethod
    def owner_value(conversation: Conversation) -> str:
        if conversation.owner_type is None or not conversation.owner_id:
            return ""
        kind = conversation.owner_type
        return f"{kind.app_label}.{kind.model}:{conversation.owner_id}"


# What a conversation may be shown on: the model, and how its options are labelled.
OWNER_MODELS: dict[tuple[str, str], Any] = {
    ("bodies", "body"): _("Bodies"),
    ("programme", "annualmeeting"): _("Annual meetings"),
    ("programme", "session"): _("Sessions of the annual meeting"),
    ("meetings", "meeting"): _("Meetings of bodies"),
    ("consultations", "document"): _("Documents"),
}


def _owner_model(app_label: str, model: str) -> type[models.Model] | None:
    # Through the content types, as the conversation's owner itself: the document belongs
    # to an app beside this one, which this one does not import.
    try:
        return ContentType.objects.get_by_natural_key(app_label, model).model_class()
    except ContentType.DoesNotExist:
        return None


def owner_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The things a conversation can be shown on, grouped by kind, for a drop-down."""
    groups = []
    for (app_label, model_name), label in OWNER_MODELS.items():
        model = _owner_model(app_label, model_name)
        if model is None:
            continue
        rows = model._default_manager.all()
        if model_name == "session":
            rows = rows.select_related("meeting")
        options = [(f"{app_label}.{model_name}:{row.pk}", _owner_label(row)) for row in rows]
        if options:
            groups.append((str(label), sorted(options, key=lambda o: o[1])))
    return groups


def _owner_label(row: models.Model) -> str:
    title = str(getattr(row, "title", "") or row)
    meeting = getattr(row, "meeting", None)
    if meeting is not None and hasattr(meeting, "year"):
        return f"{meeting.name}: {title}"  # a session, named with its annual meeting
    return title


def find_owner(value: str) -> models.Model | None:
    """The thing a `belongs_to` value names, or None; anything else is refused."""
    if not value:
        return None
    kind, _sep, number = value.partition(":")
    app_label, _dot, model_name = kind.partition(".")
    model = _owner_model(app_label, model_name) if (app_label, model_name) in OWNER_MODELS else None
    if model is None or not number.isdigit() or int(number) > ROW_ID_MAX:
        raise forms.ValidationError(_("Choose one of the pages in the list."), code="invalid")
    found = model._default_manager.filter(pk=int(number)).first()
    if found is None:
        raise forms.ValidationError(_("Choose one of the pages in the list."), code="invalid")
    return found


def _text(upload: UploadedFile | None, name: str) -> str | None:
    if upload is None:
        return None
    if upload.size is not None and upload.size > MAX_UPLOAD:
        raise forms.ValidationError(
            _("%(file)s is larger than 50 MB.") % {"file": name}, code="too_large"
        )
    try:
        return bytes(upload.read()).decode("utf-8")
    except UnicodeDecodeError as error:
        raise forms.ValidationError(
            _("%(file)s is not UTF-8 text.") % {"file": name}, code="encoding"
        ) from error


class ImportForm(forms.Form):
    """A Pol.is export: comments.csv, with votes.csv or participants-votes.csv."""

    comments = forms.FileField(
        label=_("comments.csv"),
        error_messages={"required": _("Choose the comments.csv file of the export.")},
    )
    votes = forms.FileField(
        label=_("votes.csv (preferred: every vote with its time)"), required=False
    )
    participants_votes = forms.FileField(
        label=_("participants-votes.csv (if there is no votes.csv)"), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            comments = _text(data.get("comments"), "comments.csv")
            votes = _text(data.get("votes"), "votes.csv")
            wide = _text(data.get("participants_votes"), "participants-votes.csv")
        except forms.ValidationError as error:
            self.add_error(None, error)
            return data
        if not votes and not wide:
            self.add_error("votes", _("Choose votes.csv or participants-votes.csv."))
            return data
        try:
            data["conversation"] = read_conversation(comments or "", votes, wide)
        except PolisFormatError as error:
            add_refusal(self, error)
        except csv.Error:
            self.add_error(None, _("The files could not be read as Pol.is CSV files."))
        return data

    def parsed(self) -> PolisConversation:
        result: PolisConversation = self.cleaned_data["conversation"]
        return result
