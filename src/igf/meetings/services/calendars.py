"""Each person's secret calendar address."""

from __future__ import annotations

from django.db import transaction

from igf.core.activity import record_activity
from igf.meetings.models import CalendarFeed
from igf.people.models import Person, User


def calendar_feed_of(person: Person) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


@transaction.atomic
def reset_calendar_feed(*, by: User, person: Person) -> CalendarFeed:
    """Give the person a new secret calendar address; the old one stops working.

    Side effects: one private activity entry.
    """
    CalendarFeed.objects.filter(person=person).delete()
    feed = CalendarFeed.objects.create(person=person)
    record_activity(by=by, verb="calendar.reset", target=None)
    return feed
