"""Factories for the programme, and builders of a ready call and of a proposal that meets the
workshop criteria."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from igf.core.models import Country
from igf.people.models import Person, User
from igf.programme.enums import (
    Attendance,
    Confirmation,
    ParticipantRole,
    ProposalStatus,
    SessionKind,
)
from igf.programme.models import (
    AnnualMeeting,
    Assignment,
    Call,
    CallSessionType,
    PolicyQuestion,
    Proposal,
    ProposalPerson,
    Review,
    ReviewCriterion,
    Reviewer,
    Room,
    ScheduleRelease,
    Score,
    Session,
    SessionPerson,
    SessionType,
    Slot,
    SlotGrid,
    Theme,
)
from igf.programme.schedule import services as schedule_services
from tests.factories import UserFactory


class MeetingFactory(factory.django.DjangoModelFactory[AnnualMeeting]):
    class Meta:
        model = AnnualMeeting

    name = factory.Sequence(lambda n: f"IGF {2030 + n}")
    slug = factory.Sequence(lambda n: f"igf-{2030 + n}")
    year = factory.Sequence(lambda n: 2030 + n)
    host_city = "Oslo"
    timezone = "Europe/Oslo"
    starts = dt.date(2026, 6, 23)
    ends = dt.date(2026, 6, 27)


class ThemeFactory(factory.django.DjangoModelFactory[Theme]):
    class Meta:
        model = Theme

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")


class QuestionFactory(factory.django.DjangoModelFactory[PolicyQuestion]):
    class Meta:
        model = PolicyQuestion

    theme = factory.SubFactory(ThemeFactory)
    text = factory.Sequence(lambda n: f"How should question {n} be answered?")


class SessionTypeFactory(factory.django.DjangoModelFactory[SessionType]):
    class Meta:
        model = SessionType

    meeting = factory.SubFactory(MeetingFactory)
    kind = SessionKind.WORKSHOP
    name = ""
    durations = factory.LazyFunction(lambda: [60, 90])


class CallFactory(factory.django.DjangoModelFactory[Call]):
    class Meta:
        model = Call

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Call for session proposals {n}")
    opens = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    reviewers_per_proposal = 3


class TemplateFactory(factory.django.DjangoModelFactory[CallSessionType]):
    class Meta:
        model = CallSessionType

    call = factory.SubFactory(CallFactory)
    session_type = factory.LazyAttribute(
        lambda o: SessionTypeFactory.create(meeting=o.call.meeting)
    )


class CriterionFactory(factory.django.DjangoModelFactory[ReviewCriterion]):
    class Meta:
        model = ReviewCriterion

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")


class ProposalFactory(factory.django.DjangoModelFactory[Proposal]):
    class Meta:
        model = Proposal

    call = factory.SubFactory(CallFactory)
    number = factory.Sequence(lambda n: n + 1)
    session_type = factory.LazyAttribute(
        lambda o: (
            o.call.templates.first().session_type
            if o.call.templates.exists()
            else SessionTypeFactory.create(meeting=o.call.meeting)
        )
    )
    proposer = factory.LazyFunction(lambda: UserFactory.create().person)
    title = factory.Sequence(lambda n: f"Session proposal {n}")
    description = "What the session is about."
    status = ProposalStatus.DRAFT


class PersonRowFactory(factory.django.DjangoModelFactory[ProposalPerson]):
    class Meta:
        model = ProposalPerson

    proposal = factory.SubFactory(ProposalFactory)
    role = ParticipantRole.SPEAKER
    name = factory.Sequence(lambda n: f"Speaker {n}")
    email = factory.Sequence(lambda n: f"speaker{n}@example.net")
    stakeholder_group = "civil_society"
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="KE"))
    gender = "woman"
    attendance = Attendance.ONSITE
    confirmation = Confirmation.CONFIRMED


class ReviewerFactory(factory.django.DjangoModelFactory[Reviewer]):
    class Meta:
        model = Reviewer

    call = factory.SubFactory(CallFactory)
    person = factory.LazyFunction(lambda: UserFactory.create().person)
    stakeholder_group = "civil_society"
    region = "african"


class AssignmentFactory(factory.django.DjangoModelFactory[Assignment]):
    class Meta:
        model = Assignment

    proposal = factory.SubFactory(ProposalFactory)
    reviewer = factory.LazyAttribute(lambda o: ReviewerFactory.create(call=o.proposal.call))


class ReviewFactory(factory.django.DjangoModelFactory[Review]):
    class Meta:
        model = Review

    assignment = factory.SubFactory(AssignmentFactory)
    comment = "A clear and relevant proposal."


def open_call(**kwargs: Any) -> Call:
    """A published, open call with a workshop template, one theme with two questions and the
    IGF's four review criteria."""
    call = CallFactory.create(**kwargs)
    theme = ThemeFactory.create(meeting=call.meeting, name="Digital trust")
    QuestionFactory.create(theme=theme, text="How can trust be rebuilt online?")
    QuestionFactory.create(theme=theme, text="Who governs the data of the public?")
    TemplateFactory.create(call=call, slots=10)
    for order, name in enumerate(
        ("Relevance to the policy question", "Content quality", "Diversity", "Interaction"),
        start=1,
    ):
        CriterionFactory.create(call=call, name=name, order=order)
    return call


def closed(call: Call) -> Call:
    """Close the call as if its deadline had passed."""
    now = timezone.now()
    Call.objects.filter(pk=call.pk).update(
        opens=now - dt.timedelta(days=30), closes=now - dt.timedelta(minutes=1)
    )
    call.refresh_from_db()
    return call


def complete_proposal(
    call: Call,
    proposer: Person | None = None,
    *,
    status: str = ProposalStatus.SUBMITTED,
    title: str | None = None,
    speaker_emails: tuple[str, ...] = (),
    **kwargs: Any,
) -> Proposal:
    """A proposal that meets the workshop criteria: two organisers of two groups, three
    confirmed speakers of two groups, two regions and two genders, an onsite moderator."""
    template = call.templates.select_related("session_type").first()
    assert template is not None
    theme = call.meeting.themes.first()
    proposal = ProposalFactory.create(
        call=call,
        session_type=template.session_type,
        proposer=proposer or UserFactory.create().person,
        status=status,
        theme=theme,
        expected_outcomes="A shared understanding.",
        format="round_table",
        interaction="Online participants speak first.",
        focus="policy",
        duration=90,
        sdgs=[9, 16],
        submitted=timezone.now() if status != ProposalStatus.DRAFT else None,
        **({"title": title} if title else {}),
        **kwargs,
    )
    kenya, france = Country.objects.get(iso2="KE"), Country.objects.get(iso2="FR")
    PersonRowFactory.create(
        proposal=proposal,
        role=ParticipantRole.ORGANISER,
        name="Organiser One",
        person=proposal.proposer,
        email="",
        stakeholder_group="civil_society",
        country=kenya,
    )
    PersonRowFactory.create(
        proposal=proposal,
        role=ParticipantRole.ORGANISER,
        name="Organiser Two",
        stakeholder_group="technical_community",
        country=france,
    )
    speakers = [
        ("civil_society", kenya, "woman"),
        ("government", france, "man"),
        ("private_sector", kenya, "woman"),
    ]
    for index, (group, country, gender) in enumerate(speakers):
        extra = {"email": speaker_emails[index]} if index < len(speaker_emails) else {}
        PersonRowFactory.create(
            proposal=proposal,
            stakeholder_group=group,
            country=country,
            gender=gender,
            **extra,
        )
    PersonRowFactory.create(
        proposal=proposal, role=ParticipantRole.ONSITE_MODERATOR, name="Moderator Onsite"
    )
    return proposal


def reviewer_user(call: Call, **kwargs: Any) -> tuple[User, Reviewer]:
    user = UserFactory.create(**kwargs)
    return user, ReviewerFactory.create(call=call, person=user.person)


def score(review: Review, values: dict[str, int] | int) -> None:
    """Give every criterion of the review's call a score (one value for all, or by name)."""
    for criterion in review.assignment.proposal.call.criteria.all():
        value = values if isinstance(values, int) else values[criterion.name]
        Score.objects.create(review=review, criterion=criterion, value=value)


# --- The schedule ----------------------------------------------------------------------------


class RoomFactory(factory.django.DjangoModelFactory[Room]):
    class Meta:
        model = Room

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 100
    hybrid = True
    interpretation_booths = 0
    captioning = True


class SessionFactory(factory.django.DjangoModelFactory[Session]):
    class Meta:
        model = Session

    meeting = factory.SubFactory(MeetingFactory)
    session_type = factory.LazyAttribute(
        lambda o: o.meeting.session_types.first() or SessionTypeFactory.create(meeting=o.meeting)
    )
    title = factory.Sequence(lambda n: f"Session {n}")
    description = "What the session discusses."
    duration = 60
    expected_attendance = 30
    hybrid = True
    captioning = False
    languages = factory.LazyFunction(lambda: ["en"])
    join_url = factory.Sequence(lambda n: f"https://meet.example.org/session-{n}")


class SessionPersonFactory(factory.django.DjangoModelFactory[SessionPerson]):
    class Meta:
        model = SessionPerson

    session = factory.SubFactory(SessionFactory)
    role = ParticipantRole.SPEAKER
    name = factory.Sequence(lambda n: f"Speaker {n}")
    email = factory.Sequence(lambda n: f"session-speaker{n}@example.net")
    organization_name = "Example Foundation"
    stakeholder_group = "civil_society"
    country = factory.LazyFunction(lambda: Country.objects.get(iso2="KE"))
    gender = "woman"
    attendance = Attendance.ONSITE


VENUE = "Europe/Zurich"


def venue_time(meeting: AnnualMeeting, day: int, hhmm: str) -> dt.datetime:
    """A moment on a day of the meeting (0 = its first day), in the venue's time."""
    hours, minutes = (int(x) for x in hhmm.split(":"))
    local = dt.datetime.combine(
        meeting.starts + dt.timedelta(days=day), dt.time(hours, minutes), tzinfo=meeting.zone
    )
    return local.astimezone(dt.UTC)


def grid(
    meeting: AnnualMeeting,
    session_type: SessionType,
    starts: tuple[str, ...] = ("09:00", "10:15", "11:30", "14:00"),
    days: tuple[int, ...] = (0, 1),
    duration: int = 60,
) -> SlotGrid:
    return schedule_services.add_grid(
        by=UserFactory.create(),
        meeting=meeting,
        name=f"{duration} minutes",
        duration=duration,
        session_types=[session_type],
        days=[meeting.starts + dt.timedelta(days=d) for d in days],
        starts=[dt.time(int(s[:2]), int(s[3:5])) for s in starts],
    )


def schedule_meeting(
    *,
    sessions: int = 3,
    publish: bool = True,
    starts: dt.date | None = None,
    **kwargs: Any,
) -> AnnualMeeting:
    """A meeting at the venue in Zurich with two rooms, a 60-minute grid on two days, a theme
    and `sessions` workshops, each with an organiser and two speakers, placed one after the
    other in the first room; published as version 1 unless `publish` is False."""
    first_day = starts or (timezone.localdate() + dt.timedelta(days=90))
    meeting = MeetingFactory.create(
        timezone=VENUE, starts=first_day, ends=first_day + dt.timedelta(days=3), **kwargs
    )
    workshop = SessionTypeFactory.create(meeting=meeting, durations=[60])
    theme = ThemeFactory.create(meeting=meeting, name="Digital trust")
    main_room = RoomFactory.create(
        meeting=meeting, name="Plenary", capacity=300, interpretation_booths=2, order=0
    )
    RoomFactory.create(meeting=meeting, name="Room B", capacity=50, order=1)
    grid(meeting, workshop)
    times = ("09:00", "10:15", "11:30", "14:00")
    for index in range(sessions):
        session = SessionFactory.create(
            meeting=meeting, session_type=workshop, theme=theme, title=f"Workshop {index + 1}"
        )
        SessionPersonFactory.create(session=session, role=ParticipantRole.ORGANISER)
        SessionPersonFactory.create(session=session)
        SessionPersonFactory.create(session=session, gender="man", stakeholder_group="government")
        start = venue_time(meeting, index // len(times), times[index % len(times)])
        Slot.objects.create(
            session=session, room=main_room, start=start, end=start + dt.timedelta(minutes=60)
        )
    if publish:
        schedule_services.publish_schedule(by=None, meeting=meeting)
    return meeting


def release_of(meeting: AnnualMeeting) -> ScheduleRelease:
    release = meeting.releases.order_by("-version").first()
    assert release is not None
    return release
