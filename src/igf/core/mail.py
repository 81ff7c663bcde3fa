"""An e-mail backend that queues each message as a background task.

Pages never wait for an SMTP server: `send_mail` anywhere in the platform (allauth's
confirmation and reset messages included) enqueues `deliver_email`, and the worker sends it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from igf.core.tasks import deliver_email


def serialise_message(message: EmailMessage) -> dict[str, Any]:
    """A JSON-safe copy of a message: tasks take only JSON arguments."""
    alternatives = [
        (str(content), str(mimetype)) for content, mimetype in getattr(message, "alternatives", [])
    ]
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(a) for a in message.to],
        "cc": [str(a) for a in message.cc],
        "bcc": [str(a) for a in message.bcc],
        "reply_to": [str(a) for a in message.reply_to],
        "headers": {str(k): str(v) for k, v in (message.extra_headers or {}).items()},
        "alternatives": alternatives,
    }


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            deliver_email.enqueue(serialise_message(message))
        return len(email_messages)
