"""Forms of the meeting's aftermath: the two parts of a session report, a session's
logistics and links, registration."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from igf.core.enums import Gender, StakeholderGroup
from igf.core.phrases import category_label
from igf.outcomes.models import SessionReport
from igf.programme.enums import Attendance, LinkKind, SessionKind
from igf.programme.models import Session, Track
from igf.schedule.forms import language_choices

MAX_LINKS = 20
REPORT_GENDERS = (Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, "unknown")
MODES = (Attendance.ONSITE, Attendance.ONLINE)


class ShortReportForm(forms.Form):
    key_takeaways = forms.CharField(
        label=_("Key takeaways"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Two or three points the session agreed on or brought out (Markdown)."),
    )
    calls_to_action = forms.CharField(
        label=_("Calls to action"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who should do what next (Markdown)."),
    )


class FullReportForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the discussion"),
        required=False,
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What was said, by whom in general terms, and where views differed (Markdown)."
        ),
    )
    onsite_participants = forms.IntegerField(
        label=_("Participants in the room"), min_value=0, max_value=100_000, initial=0
    )
    online_participants = forms.IntegerField(
        label=_("Participants online"), min_value=0, max_value=1_000_000, initial=0
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Slides, outputs, the recording: one address per line."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for mode in MODES:
            for gender in REPORT_GENDERS:
                self.fields[f"{mode}_gender_{gender}"] = forms.IntegerField(
                    label=category_label(gender, "gender"),
                    min_value=0,
                    max_value=1_000_000,
                    required=False,
                )
            for group in StakeholderGroup.values:
                self.fields[f"{mode}_group_{group}"] = forms.IntegerField(
                    label=category_label(group, "stakeholder_group"),
                    min_value=0,
                    max_value=1_000_000,
                    required=False,
                )

    def clean_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(_("Give at most 20 links."))
        check = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                check(line)
            except ValidationError as error:
                raise ValidationError(
                    _("“%(value)s” is not a web address."), params={"value": line[:80]}
                ) from error
        return "\n".join(lines)

    def groups(self, mode: str, dimension: str) -> list[forms.BoundField]:
        prefix = f"{mode}_{'gender' if dimension == 'gender' else 'group'}_"
        return [self[name] for name in self.fields if name.startswith(prefix)]

    def participation(self) -> dict[str, dict[str, dict[str, int]]]:
        data: dict[str, dict[str, dict[str, int]]] = {}
        for mode in MODES:
            data[mode] = {
                "gender": {
                    g: self.cleaned_data.get(f"{mode}_gender_{g}") or 0 for g in REPORT_GENDERS
                },
                "stakeholder_group": {
                    g: self.cleaned_data.get(f"{mode}_group_{g}") or 0
                    for g in StakeholderGroup.values
                },
            }
        return data

    @staticmethod
    def initial_from(report: SessionReport | None) -> dict[str, Any]:
        if report is None:
            return {}
        initial: dict[str, Any] = {
            "summary": report.summary,
            "onsite_participants": report.onsite_participants,
            "online_participants": report.online_participants,
            "links": report.links,
        }
        for mode in MODES:
            per_mode = (report.participation or {}).get(mode, {})
            for gender, n in (per_mode.get("gender") or {}).items():
                initial[f"{mode}_gender_{gender}"] = n
            for group, n in (per_mode.get("stakeholder_group") or {}).items():
                initial[f"{mode}_group_{group}"] = n
        return initial


class SessionForm(forms.Form):
    """What the schedule and the session page need to know of a session."""

    expected_attendance = forms.IntegerField(
        label=_("Expected attendance onsite"),
        min_value=0,
        max_value=100_000,
        help_text=_("The room must seat at least this many people."),
    )
    hybrid = forms.BooleanField(
        label=_("Needs a hybrid room (streamed, remote speakers)"), required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the session"),
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation into"),
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each language needs a booth in the room."),
    )
    captioning = forms.BooleanField(label=_("Live captions"), required=False)
    join_url = forms.URLField(
        label=_("Link to join online"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    recording_url = forms.URLField(
        label=_("Recording"), required=False, max_length=500, assume_scheme="https"
    )
    track: forms.ModelChoiceField[Track] = forms.ModelChoiceField(
        label=_("Track"), queryset=Track.objects.none(), required=False, empty_label=_("None")
    )
    feeds: forms.ModelChoiceField[Session] = forms.ModelChoiceField(
        label=_("Feeds into (main session)"),
        queryset=Session.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("The schedule places this session before the main session it prepares."),
    )

    def __init__(self, *args: Any, session: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = language_choices()
        cast(forms.MultipleChoiceField, self.fields["languages"]).choices = choices
        cast(forms.MultipleChoiceField, self.fields["interpretation"]).choices = choices
        cast(
            forms.ModelChoiceField[Track], self.fields["track"]
        ).queryset = session.meeting.tracks.all()
        cast(forms.ModelChoiceField[Session], self.fields["feeds"]).queryset = (
            session.meeting.sessions.filter(session_type__kind=SessionKind.MAIN)
            .exclude(pk=session.pk)
            .order_by("title")
        )

    @staticmethod
    def initial_from(session: Session) -> dict[str, Any]:
        return {
            "expected_attendance": session.expected_attendance,
            "hybrid": session.hybrid,
            "languages": session.languages,
            "interpretation": session.interpretation,
            "captioning": session.captioning,
            "join_url": session.join_url,
            "recording_url": session.recording_url,
            "track": session.track_id,
            "feeds": session.feeds_id,
        }


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=LinkKind.choices)
    title = forms.CharField(
        label=_("Title"), max_length=200, error_messages={"required": _("Give the link a title.")}
    )
    url = forms.URLField(
        label=_("Address"),
        max_length=500,
        assume_scheme="https",
        error_messages={"required": _("Give the address.")},
    )


class TranscriptSearchForm(forms.Form):
    """One search over the transcripts of sessions and of bodies' meetings."""

    q = forms.CharField(label=_("Words or a speaker's name"), required=False, max_length=100)
    source = forms.ChoiceField(
        label=_("Search in"),
        required=False,
        choices=[
            ("all", _("Sessions and meetings")),
            ("sessions", _("Annual meeting sessions")),
            ("meetings", _("Meetings of bodies")),
        ],
    )

    def clean_q(self) -> str:
        return " ".join(str(self.cleaned_data.get("q") or "").split())

    def clean_source(self) -> str:
        return str(self.cleaned_data.get("source") or "all")
