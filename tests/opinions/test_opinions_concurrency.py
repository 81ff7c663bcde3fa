"""One vote per participant and statement, even under concurrent identical requests."""

from __future__ import annotations

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client

from igf.opinions.models import Participant, Vote
from tests.factories import UserFactory
from tests.opinions.factories import StatementFactory


@pytest.mark.django_db(transaction=True)
def test_one_hundred_concurrent_identical_votes_make_one_row() -> None:
    statement = StatementFactory.create()
    user = UserFactory.create()
    url = f"/opinions/{statement.conversation.slug}/vote/"
    clients = []
    for _ in range(100):
        client = Client()
        client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
        clients.append(client)
    barrier = threading.Barrier(100)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def post(client: Client) -> None:
        try:
            barrier.wait()
            statuses.append(
                client.post(url, {"statement": statement.pk, "vote": "agree"}).status_code
            )
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses == [302] * 100
    assert Vote.objects.count() == 1
    assert Participant.objects.count() == 1
    assert Vote.objects.get().value == 1


@pytest.mark.django_db(transaction=True)
def test_the_database_itself_refuses_a_second_row() -> None:
    statement = StatementFactory.create()
    participant = Participant.objects.create(
        conversation=statement.conversation, person=UserFactory.create().person
    )
    Vote.objects.create(
        conversation=statement.conversation, participant=participant, statement=statement, value=1
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            conversation=statement.conversation,
            participant=participant,
            statement=statement,
            value=-1,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            conversation=statement.conversation,
            participant=participant,
            statement=statement,
            value=7,
        )
    assert Vote.objects.count() == 1
