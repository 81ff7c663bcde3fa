"""A body's mailing list: subscriptions and messages relayed to every subscriber."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from igf.bodies.models import Body, ListMessage, Subscription
from igf.core.activity import record_activity
from igf.core.errors import NotAllowed, Refused
from igf.core.links import site_url
from igf.core.notify import language_of
from igf.people.models import User


@transaction.atomic
def subscribe(*, by: User, body: Body) -> Subscription:
    """Subscribe to a body's list: members always; anyone when the body is open."""
    if not body.type.has_mailing_list:
        raise Refused(_("This body has no mailing list."))
    is_member = body.memberships.current().filter(person=by.person).exists()
    if not (is_member or body.list_open):
        raise NotAllowed(_("Only members can subscribe to this list."))
    subscription, _created = Subscription.objects.update_or_create(
        body=body, person=by.person, defaults={"active": True}
    )
    return subscription


def unsubscribe(*, token: str) -> Subscription | None:
    """Leave a list from the link in a message (no sign-in needed)."""
    subscription = Subscription.objects.filter(token=token).select_related("body").first()
    if subscription is not None and subscription.active:
        subscription.active = False
        subscription.save(update_fields=["active"])
    return subscription


@transaction.atomic
def post_message(
    *, by: User, body: Body, subject: str, text: str, in_reply_to: ListMessage | None = None
) -> ListMessage:
    """Post to a body's list (members only) and e-mail every active subscriber.

    A list message is the member's own words relayed with list headers, not the forum
    writing to a person, so it is sent as it is (not through `notify`); only the footer is
    in each subscriber's language. Side effects: after commit, one e-mail per subscriber
    through the task queue, each with its own unsubscribe link and List-Unsubscribe header;
    public activity entry for open bodies.
    """
    if not body.type.has_mailing_list:
        raise Refused(_("This body has no mailing list."))
    if not body.memberships.current().filter(person=by.person).exists():
        raise NotAllowed(_("Only members can post to this list."))
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">") or "localhost"
    message = ListMessage.objects.create(
        body=body,
        author=by.person,
        subject=subject,
        text=text,
        in_reply_to=in_reply_to,
        thread=(in_reply_to.thread or in_reply_to) if in_reply_to else None,
        message_id=f"<{uuid.uuid4().hex}@{domain}>",
    )
    subscriptions = Subscription.objects.filter(body=body, active=True).select_related(
        "person__user"
    )
    emails = []
    for subscription in subscriptions:
        if subscription.person.erased is not None:
            continue
        url = site_url(reverse("bodies:unsubscribe", kwargs={"token": subscription.token}))
        with override(language_of(subscription.person)):
            footer = _("To leave this list: %(url)s") % {"url": url}
        emails.append(
            EmailMessage(
                subject=f"[{body.acronym or body.name}] {subject}",
                body=f"{text}\n\n-- \n{by.person.public_name}\n{footer}",
                to=[subscription.person.user.email],
                headers={
                    "List-Id": f"<{body.slug}.{domain}>",
                    "List-Unsubscribe": f"<{url}>",
                    "Message-ID": message.message_id,
                    **({"In-Reply-To": in_reply_to.message_id} if in_reply_to else {}),
                },
            )
        )
    transaction.on_commit(lambda: [email.send() for email in emails])
    record_activity(
        by=by, verb="list.posted", target=body, public=body.list_open or body.has_open_archives
    )
    return message
