"""E-mail goes through the task queue, then to the delivery backend."""

from __future__ import annotations

from typing import cast

from django.core import mail
from django.test import override_settings


@override_settings(EMAIL_BACKEND="igf.core.mail.TaskEmailBackend")
def test_sent_mail_is_queued_as_a_task_and_delivered() -> None:
    mail.outbox = []
    sent = mail.send_mail(
        "Confirm your address", "Please confirm.", "forum@example.org", ["amina@example.org"],
        html_message="<p>Please confirm.</p>",
    )  # fmt: skip
    assert sent == 1
    assert len(mail.outbox) == 1
    delivered = cast(mail.EmailMultiAlternatives, mail.outbox[0])
    assert delivered.subject == "Confirm your address"
    assert delivered.to == ["amina@example.org"]
    assert delivered.alternatives[0][1] == "text/html"
