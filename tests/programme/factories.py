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
    Score,
    Session,
    SessionPerson,
    SessionType,
    Theme,
)
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


# --- Sessions ------------------------------------------------------------------------------


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
