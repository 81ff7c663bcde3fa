"""Background tasks of the core app (run by the Django tasks worker)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django_tasks import task


@task()
def deliver_email(message: dict[str, Any]) -> int:
    """Hand one queued e-mail to the delivery backend (console by default, SMTP in production)."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message.get("cc", []),
        bcc=message.get("bcc", []),
        reply_to=message.get("reply_to", []),
        headers=message.get("headers", {}),
    )
    for content, mimetype in message.get("alternatives", []):
        email.attach_alternative(content, mimetype)
    connection = get_connection(settings.IGF_EMAIL_DELIVERY_BACKEND)
    return connection.send_messages([email]) or 0
