"""Forms of the meetings app. Times are typed on the organiser's clock and stored in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from igf.bodies.models import Membership
from igf.bodies.queries import lead_roles
from igf.core.timezones import is_valid_timezone, timezone_names
from igf.meetings import transcripts
from igf.meetings.clock import zone
from igf.meetings.enums import ActionStatus, AttendanceStatus, ConsensusLevel, TranscriptFormat
from igf.meetings.models import ActionItem, AgendaItem, Decision, Meeting
from igf.people.models import Person

MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise forms.ValidationError(_("Remove the invisible control characters from this text."))
    return value


class CleanTextMixin:
    """Refuse NUL characters in every text field (PostgreSQL cannot store them)."""

    cleaned_data: dict[str, Any]

    def _post_clean_text(self) -> None:
        for name, value in list(self.cleaned_data.items()):
            if isinstance(value, str) and "\x00" in value:
                cast(forms.Form, self).add_error(
                    name, _("Remove the invisible control characters from this text.")
                )


class WebURLField(forms.URLField):
    """A link people open in a browser: http or https only."""

    default_validators = [URLValidator(schemes=["http", "https"])]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


def language_choices() -> list[tuple[str, str]]:
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


def local_to_utc(day: date, at: time, zone_name: str) -> datetime | None:
    """The UTC moment of a wall-clock time in a zone; None if the clocks skip over it."""
    tz = zone(zone_name)
    local = datetime.combine(day, at, tzinfo=tz)
    moment = local.astimezone(UTC)
    if moment.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return moment


class MeetingForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    day = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("On the organiser's clock (the time zone below)."),
    )
    start_time = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    timezone = forms.ChoiceField(label=_("Organiser's time zone"), choices=[])
    online_url = WebURLField(
        label=_("Online meeting link"),
        max_length=500,
        required=False,
        help_text=_("Zoom, Jitsi, BigBlueButton, Webex or any other address."),
    )
    dial_in = forms.CharField(
        label=_("Dial-in numbers and codes"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    venue = forms.CharField(label=_("Venue (if meeting in person)"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description (Markdown)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    interpretation_languages = forms.MultipleChoiceField(
        label=_("Interpretation into"),
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )
    captioning_languages = forms.MultipleChoiceField(
        label=_("Live captions in"), required=False, choices=[], widget=forms.CheckboxSelectMultiple
    )
    open_to_observers = forms.BooleanField(label=_("Open to observers"), required=False)
    recording_url = WebURLField(label=_("Recording link"), max_length=500, required=False)

    def __init__(self, *args: Any, consultation: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["timezone"]).choices = [
            (n, n) for n in timezone_names()
        ]
        for name in ("interpretation_languages", "captioning_languages"):
            cast(forms.MultipleChoiceField, self.fields[name]).choices = language_choices()
        if consultation:
            del self.fields["open_to_observers"]

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict[str, Any]:
        tz = zone(meeting.timezone)
        start, end = meeting.start.astimezone(tz), meeting.end.astimezone(tz)
        return {
            "title": meeting.title,
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "timezone": meeting.timezone,
            "online_url": meeting.online_url,
            "dial_in": meeting.dial_in,
            "venue": meeting.venue,
            "description": meeting.description,
            "interpretation_languages": meeting.interpretation_languages,
            "captioning_languages": meeting.captioning_languages,
            "open_to_observers": meeting.open_to_observers,
            "recording_url": meeting.recording_url,
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        day, start_time, end_time = (
            cleaned.get("day"),
            cleaned.get("start_time"),
            cleaned.get("end_time"),
        )
        zone_name = cleaned.get("timezone") or "UTC"
        if day is None or start_time is None or end_time is None:
            return cleaned
        if not is_valid_timezone(zone_name):
            return cleaned
        start = local_to_utc(day, start_time, zone_name)
        end = local_to_utc(day, end_time, zone_name)
        if start is None:
            self.add_error(
                "start_time", _("The clocks change at this time in this zone; choose another time.")
            )
        if end is None:
            self.add_error(
                "end_time", _("The clocks change at this time in this zone; choose another time.")
            )
        if start is not None and end is not None:
            if end <= start:
                self.add_error("end_time", _("The meeting must end after it starts."))
            cleaned["start"], cleaned["end"] = start, end
        return cleaned


class AgendaItemForm(CleanTextMixin, forms.ModelForm[AgendaItem]):
    class Meta:
        model = AgendaItem
        fields = ("title", "presenter", "minutes_allotted", "documents")
        widgets = {"documents": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.IntegerField, self.fields["minutes_allotted"]).max_value = 600
        self.fields["minutes_allotted"].widget.attrs["max"] = 600
        self.fields["documents"].max_length = 5000  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        minutes = cleaned.get("minutes_allotted")
        if minutes is not None and minutes > 600:
            self.add_error("minutes_allotted", _("At most 600 minutes."))
        return cleaned


class ApologiesForm(CleanTextMixin, forms.Form):
    note = forms.CharField(
        label=_("Note to the secretariat (optional)"), max_length=300, required=False
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        return cleaned


class RegistrationForm(forms.Form):
    listed = forms.BooleanField(
        label=_("Show my name on the public list of observers"), required=False, initial=True
    )


class AttendanceForm(forms.Form):
    """One choice per expected person: present on site, online, apologies, absent."""

    def __init__(self, *args: Any, people: list[Person], initial_statuses: dict[int, str],
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.people = people
        for person in people:
            self.fields[f"person_{person.pk}"] = forms.ChoiceField(
                label=person.public_name,
                choices=[("", _("Not recorded")), *AttendanceStatus.choices],
                required=False,
                initial=initial_statuses.get(person.pk, ""),
            )

    def statuses(self) -> dict[int, str]:
        return {p.pk: self.cleaned_data.get(f"person_{p.pk}") or "" for p in self.people}

    def rows(self) -> list[tuple[Person, forms.BoundField]]:
        return [(p, self[f"person_{p.pk}"]) for p in self.people]


class MinutesForm(CleanTextMixin, forms.Form):
    summary = forms.CharField(
        label=_("Summary (Markdown)"),
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, items: list[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.CharField(
                label=item.title,
                required=False,
                max_length=50000,
                initial=item.minutes,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item_{item.pk}"] for item in self.items]

    def item_texts(self) -> dict[int, str]:
        return {i.pk: self.cleaned_data.get(f"item_{i.pk}") or "" for i in self.items}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        return cleaned


class ApproveMinutesForm(forms.Form):
    at_meeting: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        label=_("Approved at the meeting of (optional)"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Approved by the chair"),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField[Meeting], self.fields["at_meeting"])
        field.queryset = (
            Meeting.objects.filter(body=meeting.body, start__gt=meeting.start)
            .exclude(body__isnull=True)
            .order_by("start")
        )


def body_people(meeting: Meeting) -> QuerySet[Person]:
    """The people who can own an action or determine consensus: the body's current members."""
    if meeting.body_id is None:
        return Person.objects.none()
    ids = Membership.objects.current().filter(body_id=meeting.body_id).values("person_id")
    return Person.objects.filter(pk__in=ids, erased__isnull=True).order_by("display_name")


class DecisionForm(CleanTextMixin, forms.Form):
    agenda_item: forms.ModelChoiceField[AgendaItem] = forms.ModelChoiceField(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("Not tied to an agenda item"),
    )
    text = forms.CharField(
        label=_("Decision (Markdown)"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )
    consensus = forms.ChoiceField(
        label=_("Consensus level"),
        choices=ConsensusLevel.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Consensus: no objection sustained. Rough consensus: all views were heard and "
            "addressed, though not everyone agrees. No consensus: record the range of views. "
            "Deferred: taken up again later."
        ),
    )
    range_of_views = forms.CharField(
        label=_("Range of views (Markdown)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when there is no consensus: the positions that were held."),
    )
    determined_by = forms.ModelChoiceField(
        label=_("Consensus determined by"),
        queryset=Person.objects.none(),
        required=False,
    )
    by_correspondence = forms.BooleanField(
        label=_("Decided by correspondence"),
        required=False,
        help_text=_("Reached by e-mail or in writing, not in the meeting itself."),
    )
    decided_on = forms.DateField(
        label=_("Day the decision was reached"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Needed for a decision by correspondence."),
    )

    def __init__(self, *args: Any, meeting: Meeting, recorder: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField[AgendaItem], self.fields["agenda_item"]
        ).queryset = meeting.agenda_items.order_by("order", "pk")
        lead_ids = set(
            Membership.objects.current()
            .filter(body=meeting.body, role__in=lead_roles(meeting.body))
            .values_list("person_id", flat=True)
        )
        field = cast(forms.ModelChoiceField[Person], self.fields["determined_by"])
        # The recorder appears once: as the empty choice ("Me") when they lead the body or
        # no lead is known, otherwise a lead must be named.
        field.queryset = Person.objects.filter(pk__in=lead_ids - {recorder.pk}).order_by(
            "display_name"
        )
        if recorder.pk in lead_ids or not lead_ids:
            field.empty_label = _("Me (%(name)s)") % {"name": recorder.public_name}
        else:
            field.required = True
            field.empty_label = _("Choose who determined the consensus")
            if len(lead_ids) == 1:
                field.initial = next(iter(lead_ids))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        if cleaned.get("by_correspondence") and not cleaned.get("decided_on"):
            self.add_error(
                "decided_on", _("Give the day the decision was reached by correspondence.")
            )
        if (
            cleaned.get("consensus") == ConsensusLevel.NO_CONSENSUS
            and not str(cleaned.get("range_of_views") or "").strip()
        ):
            self.add_error(
                "range_of_views",
                _("Without consensus, record the range of views that were held."),
            )
        return cleaned


class ObjectionForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Your objection or minority view"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    named = forms.BooleanField(
        label=_("Show my name with this objection"),
        required=False,
        help_text=_("Without your name, the record says that a member objected."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        return cleaned


class ActionItemForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Nobody yet"),
    )
    due = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    decision = forms.ModelChoiceField(
        label=_("Decided with"),
        queryset=Decision.objects.none(),
        required=False,
        empty_label=_("Not tied to a decision"),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField[Person], self.fields["owner"]).queryset = body_people(meeting)
        cast(
            forms.ModelChoiceField[Decision], self.fields["decision"]
        ).queryset = meeting.decisions.order_by("pk")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        return cleaned


class ActionUpdateForm(CleanTextMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    due = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Progress note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        return cleaned


class WrittenInputForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    on_behalf_of = forms.CharField(
        label=_("On behalf of (optional)"), max_length=200, required=False
    )
    text = forms.CharField(
        label=_("Your input (Markdown)"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Published with the meeting, under your name."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self._post_clean_text()
        return cleaned


class TranscriptForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=[])
    source_format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("Recognise from the file")), *TranscriptFormat.choices],
        required=False,
    )
    file = forms.FileField(
        label=_("Transcript file (WebVTT or SRT)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".vtt,.srt,.txt,text/vtt,text/plain"}),
    )
    text = forms.CharField(
        label=_("Or paste the text"),
        required=False,
        max_length=MAX_TRANSCRIPT_BYTES,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One paragraph per speaker turn; a leading [00:12:03] links it to the recording."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["language"]).choices = language_choices()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        pasted = str(cleaned.get("text") or "")
        if isinstance(upload, UploadedFile):
            if pasted.strip():
                self.add_error("text", _("Upload a file or paste the text, not both."))
                return cleaned
            if (upload.size or 0) > MAX_TRANSCRIPT_BYTES:
                self.add_error("file", _("The file is larger than 2 MB."))
                return cleaned
            try:
                content = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.add_error("file", _("Save the file as UTF-8 text and upload it again."))
                return cleaned
            name = upload.name or ""
        elif pasted.strip():
            content, name = pasted, ""
        else:
            self.add_error("file", _("Upload a file or paste the text."))
            return cleaned
        source_format = cleaned.get("source_format") or (
            transcripts.guess_format(name, content) if name else "text"
        )
        try:
            transcripts.parse(content, source_format)
        except transcripts.TranscriptError as error:
            self.add_error("file" if name else "text", str(error.message))
            return cleaned
        cleaned["content"], cleaned["source_format"] = content, source_format
        return cleaned


class DecisionSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the decisions"), required=False, max_length=100)
    consensus = forms.ChoiceField(
        label=_("Consensus level"),
        required=False,
        choices=[("", _("All")), *ConsensusLevel.choices],
    )

    def clean_q(self) -> str:
        return " ".join(_no_nul(str(self.cleaned_data.get("q") or "")).split())


class TranscriptSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the transcripts"), required=False, max_length=100)

    def clean_q(self) -> str:
        return " ".join(_no_nul(str(self.cleaned_data.get("q") or "")).split())


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All")),
            ("open", _("Not done yet")),
            ("overdue", _("Overdue")),
            *ActionStatus.choices,
        ],
    )


def action_item_initial(action: ActionItem) -> dict[str, Any]:
    return {"status": action.status, "due": action.due, "note": action.note}
