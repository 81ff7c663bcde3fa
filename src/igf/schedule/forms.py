"""Forms of the schedule: filters of the public schedule, slot grids, the solver's weights,
the staff's moves, the release note."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any, ClassVar, cast

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language_info, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from igf.core import formats
from igf.core.forms import BoundedKeysMultipleChoiceField
from igf.programme import phrases as programme_phrases
from igf.programme.enums import Attendance
from igf.programme.models import AnnualMeeting, Session, SessionType
from igf.schedule import phrases
from igf.schedule.constraints import DEFAULT_WEIGHTS, zone
from igf.schedule.enums import SolveMode
from igf.schedule.models import RemoteHub, Room
from igf.schedule.queries import Filters

MAX_SEARCH = 200
TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")


def language_choices() -> list[tuple[str, str]]:
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


def day_label(day: date) -> str:
    return formats.day_cell(day)


class ScheduleFilterForm(forms.Form):
    """What the public schedule shows: a day (or all), and filters; every field optional."""

    day = forms.ChoiceField(label=pgettext_lazy("schedule filter", "Day"), required=False)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    type = forms.TypedChoiceField(
        label=_("Session type"), required=False, coerce=int, empty_value=None
    )
    room = forms.TypedChoiceField(label=_("Room"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False)
    attendance = forms.ChoiceField(
        label=_("Taking part"),
        required=False,
        choices=[("", _("Onsite or online")), ("online", _("Can be followed online"))],
    )
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_SEARCH,
        help_text=_("Words from the title, the description, a speaker or an organisation."),
    )

    def __init__(
        self,
        *args: Any,
        days: Sequence[date],
        themes: Sequence[tuple[int, str]],
        types: Sequence[tuple[int, str]],
        rooms: Sequence[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.days = list(days)
        cast(forms.ChoiceField, self.fields["day"]).choices = [
            *((d.isoformat(), day_label(d)) for d in days),
            ("all", _("All days")),
        ]
        everything = [("", _("All"))]
        cast(forms.ChoiceField, self.fields["theme"]).choices = [*everything, *themes]
        cast(forms.ChoiceField, self.fields["type"]).choices = [*everything, *types]
        cast(forms.ChoiceField, self.fields["room"]).choices = [*everything, *rooms]
        cast(forms.ChoiceField, self.fields["language"]).choices = [
            *everything,
            *language_choices(),
        ]

    def filters(self, default_day: date | None) -> Filters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        words = tuple(w.casefold() for w in str(data.get("q") or "").split()[:10])
        chosen = data.get("day") or ""
        if chosen == "all":
            day = None
        elif chosen:
            day = date.fromisoformat(chosen)
        else:
            filtered = words or any(data.get(k) for k in ("theme", "type", "room", "language"))
            day = None if filtered else default_day
        return Filters(
            day=day,
            theme=data.get("theme"),
            session_type=data.get("type"),
            room=data.get("room"),
            language=data.get("language") or "",
            attendance=data.get("attendance") or "",
            words=words,
        )


class GridForm(forms.Form):
    """A slot grid: the same start times on the chosen days."""

    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        help_text=_("For example: workshops, 60 minutes."),
        error_messages={"required": _("Name the grid.")},
    )
    duration = forms.IntegerField(
        label=_("Duration (minutes)"),
        min_value=10,
        max_value=480,
        error_messages={"required": _("Give the duration in minutes, between 10 and 480.")},
    )
    session_types = BoundedKeysMultipleChoiceField(
        label=_("Session types"),
        queryset=SessionType.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one session type.")},
    )
    days = forms.MultipleChoiceField(
        label=_("Days"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one day.")},
    )
    starts = forms.CharField(
        label=_("Start times (venue time)"),
        help_text=_("Separated by spaces or commas, for example: 09:00 10:15 11:30 14:00."),
        max_length=500,
        error_messages={"required": _("Give at least one start time.")},
    )

    def __init__(self, *args: Any, meeting: AnnualMeeting, days: Sequence[date], **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelMultipleChoiceField[SessionType], self.fields["session_types"]
        ).queryset = meeting.session_types.all()
        cast(forms.MultipleChoiceField, self.fields["days"]).choices = [
            (d.isoformat(), day_label(d)) for d in days
        ]

    def clean_starts(self) -> list[time]:
        found = []
        for token in re.split(r"[\s,;]+", self.cleaned_data["starts"].strip()):
            if not token:
                continue
            match = TIME_PATTERN.match(token)
            if match is None:
                raise forms.ValidationError(
                    _("“%(value)s” is not a time like 09:30."), params={"value": token[:20]}
                )
            found.append(time(int(match[1]), int(match[2])))
        if not found:
            raise forms.ValidationError(_("Give at least one start time."))
        return sorted(set(found))

    def clean_days(self) -> list[date]:
        return [date.fromisoformat(d) for d in self.cleaned_data["days"]]


class SolveForm(forms.Form):
    """The weights of the soft constraints and how long the solver may search."""

    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"),
        min_value=5,
        max_value=300,
        initial=60,
        error_messages={"required": _("Give a time limit between 5 and 300 seconds.")},
    )

    mode = forms.ChoiceField(
        label=_("Published sessions"),
        choices=SolveMode.choices,
        initial=SolveMode.MINIMAL,
        widget=forms.RadioSelect,
        required=False,
    )
    confirm_full = forms.BooleanField(
        label=_("I understand that a full re-plan may move published sessions."),
        required=False,
    )

    def __init__(self, *args: Any, published: int = 0, people: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.published = published
        if published:
            self.full_warning = ngettext(
                "A full re-plan may move any of the %(sessions)d published sessions; up to "
                "%(people)d person who starred or takes part in them would be told by e-mail "
                "when the result is published.",
                "A full re-plan may move any of the %(sessions)d published sessions; up to "
                "%(people)d people who starred or take part in them would be told by e-mail "
                "when the result is published.",
                people,
            ) % {"sessions": published, "people": people}
            self.fields["confirm_full"].help_text = self.full_warning
        for code, default in DEFAULT_WEIGHTS.items():
            self.fields[f"weight_{code}"] = forms.IntegerField(
                label=phrases.SOFT_LABELS[code],
                help_text=phrases.WEIGHT_HELP[code],
                min_value=0,
                max_value=1000,
                initial=default,
                error_messages={"required": _("Give a weight between 0 and 1000.")},
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("mode"):
            data["mode"] = SolveMode.MINIMAL
        if self.published and data["mode"] == SolveMode.FULL and not data.get("confirm_full"):
            self.add_error(
                "confirm_full", _("Tick the box to re-plan the published schedule in full.")
            )
        return data

    def weights(self) -> dict[str, int]:
        return {code: int(self.cleaned_data[f"weight_{code}"]) for code in DEFAULT_WEIGHTS}

    def weight_fields(self) -> list[forms.BoundField]:
        return [self[f"weight_{code}"] for code in DEFAULT_WEIGHTS]


class MoveForm(forms.Form):
    """Put a session in a room at one of the times of its grid."""

    room: forms.ModelChoiceField[Room] = forms.ModelChoiceField(
        label=_("Room"),
        queryset=Room.objects.none(),
        error_messages={"required": _("Choose a room.")},
    )
    start = forms.ChoiceField(label=_("Time"), error_messages={"required": _("Choose a time.")})

    def __init__(
        self,
        *args: Any,
        meeting: AnnualMeeting,
        starts: Sequence[datetime],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField[Room], self.fields["room"]).queryset = meeting.rooms.all()
        with timezone.override(zone(meeting.timezone)):
            cast(forms.ChoiceField, self.fields["start"]).choices = [
                (s.isoformat(), formats.day_time_cell(s)) for s in starts
            ]
        if not starts:
            self.fields["start"].help_text = _(
                "No slot grid has times for this session type and duration yet."
            )

    def clean_start(self) -> datetime:
        return datetime.fromisoformat(self.cleaned_data["start"])


class SwapForm(forms.Form):
    other: forms.ModelChoiceField[Session] = forms.ModelChoiceField(
        label=_("Swap places with"),
        queryset=Session.objects.none(),
        error_messages={"required": _("Choose the session to swap with.")},
    )

    def __init__(self, *args: Any, candidates: QuerySet[Session], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField[Session], self.fields["other"]).queryset = candidates


class PublishScheduleForm(forms.Form):
    note = forms.CharField(
        label=_("Note to participants (optional)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with the release, for example why sessions moved."),
    )
    confirm = forms.BooleanField(
        label=_("Publish this schedule to everyone now."),
        error_messages={"required": _("Tick the box to publish the schedule.")},
    )


def minutes_label(minutes: int) -> str:
    return programme_phrases.minutes_label(minutes)


class RegistrationForm(forms.Form):
    attendance = forms.ChoiceField(
        label=_("How you take part"),
        choices=Attendance.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose onsite or online.")},
    )


class UnavailabilityForm(forms.Form):
    """A time someone of a session cannot take part, in the venue's time."""

    person = forms.ChoiceField(label=_("Who"), required=False)
    day = forms.ChoiceField(label=_("Day"), error_messages={"required": _("Choose a day.")})
    start = forms.TimeField(
        label=_("From (venue time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Give the time it starts.")},
    )
    end = forms.TimeField(
        label=_("Until (venue time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Give the time it ends.")},
    )
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=200)

    def __init__(
        self,
        *args: Any,
        meeting: AnnualMeeting,
        days: Sequence[date],
        people: Sequence[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        cast(forms.ChoiceField, self.fields["day"]).choices = [
            (d.isoformat(), day_label(d)) for d in days
        ]
        cast(forms.ChoiceField, self.fields["person"]).choices = [
            (str(pk), name) for pk, name in people
        ]
        if len(people) == 1:
            self.fields["person"].initial = str(people[0][0])
            self.fields["person"].widget = forms.HiddenInput()

    def clean_person(self) -> int | None:
        value = self.cleaned_data.get("person") or ""
        return int(value) if value.isdigit() else None

    def window(self) -> tuple[datetime, datetime]:
        """The stated time, as moments in UTC."""
        day = date.fromisoformat(self.cleaned_data["day"])
        venue = zone(self.meeting.timezone)
        start = datetime.combine(day, self.cleaned_data["start"], tzinfo=venue)
        end = datetime.combine(day, self.cleaned_data["end"], tzinfo=venue)
        return start, end


class RemoteHubForm(forms.ModelForm[RemoteHub]):
    """A remote hub registering for the annual meeting."""

    class Meta:
        model = RemoteHub
        fields = (
            "host_organization",
            "city",
            "country",
            "place",
            "capacity",
            "contact_name",
            "contact_email",
            "contact_public",
            "sessions",
        )
        widgets: ClassVar[dict[str, Any]] = {"sessions": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args: Any, sessions: QuerySet[Session], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["sessions"])  # type: ignore[type-arg]
        field.queryset = sessions
        field.help_text = _("The sessions the hub follows together (optional).")
        self.fields["contact_email"].help_text = _(
            "Shown publicly only if you tick the box below; the secretariat always sees it."
        )
