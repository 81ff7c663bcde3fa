"""The security review's findings (issue 20), each as the attacker or the victim meets it."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import close_old_connections
from django.test import Client, override_settings

from igf.core import ratelimit
from igf.core.csvfile import defuse, undefuse, write_csv
from igf.people.models import User
from tests.bodies.factories import BodyFactory
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fresh_counts() -> Iterator[None]:
    """Empty counters, and a clock that stays inside one minute's window."""
    cache.clear()
    with time_machine.travel(datetime(2026, 12, 7, 12, 0, 1, tzinfo=UTC), tick=False):
        yield


def _sign_in(client: Client, email: str, password: str, address: str) -> int:
    response = client.post(
        "/accounts/login/",
        {"login": email, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=address,
    )
    return response.status_code


@pytest.mark.django_db
@override_settings(IGF_PROXY_COUNT=1)
def test_behind_the_proxy_strangers_guessing_do_not_lock_out_a_participant() -> None:
    """22 wrong passwords from 22 clients behind nginx used to share one bucket (429 for all)."""
    for n in range(22):
        _sign_in(Client(), f"nobody{n}@example.org", "wrong", f"203.0.113.{n + 1}")
    user = UserFactory.create()
    assert _sign_in(Client(), user.email, PASSWORD, "198.51.100.7") == 302


@pytest.mark.django_db
@override_settings(IGF_PROXY_COUNT=1)
@pytest.mark.parametrize("written_by_client", ["", "10.0.0.{n}, "])
def test_one_client_guessing_behind_the_proxy_is_still_limited(written_by_client: str) -> None:
    """Counted on the address the proxy appended, whatever the client wrote before it."""
    for n in range(22):
        forwarded = written_by_client.format(n=n) + "203.0.113.9"
        _sign_in(Client(), f"nobody{n}@example.org", "wrong", forwarded)
    user = UserFactory.create()
    assert _sign_in(Client(), user.email, PASSWORD, "203.0.113.9") != 302
    assert _sign_in(Client(), user.email, PASSWORD, "198.51.100.7") == 302


@pytest.mark.django_db
@override_settings(IGF_PROXY_COUNT=1, IGF_RATE_LIMITS={"api": {"ip": "5/m"}})
def test_untrusted_peers_cannot_reset_the_api_limit_with_a_forwarded_header(
    client: Client,
) -> None:
    """A request that does not come from a trusted proxy is counted on its own address."""
    statuses = [
        client.get(
            "/api/v1/countries",
            REMOTE_ADDR="192.0.2.50",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(7)
    ]
    assert statuses == [200] * 5 + [429] * 2


@pytest.mark.django_db(transaction=True)
@override_settings(IGF_RATE_LIMITS={"comment": {"user": "6/m"}})
def test_forty_simultaneous_attempts_let_exactly_the_limit_through() -> None:
    allowed: list[bool] = []
    start = threading.Barrier(40)

    def attempt() -> None:
        start.wait()
        allowed.append(ratelimit.consume("comment", {"user": "user:1"}))
        close_old_connections()

    threads = [threading.Thread(target=attempt) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 6


def test_a_refused_attempt_is_not_counted() -> None:
    with override_settings(IGF_RATE_LIMITS={"flag": {"user": "2/m", "ip": "3/m"}}):
        assert ratelimit.consume("flag", {"user": "a", "ip": "x"}, now=60.0)
        assert ratelimit.consume("flag", {"user": "a", "ip": "x"}, now=60.0)
        assert not ratelimit.consume("flag", {"user": "a", "ip": "x"}, now=60.0)
        # the refusal did not use up the address's third attempt
        assert ratelimit.consume("flag", {"user": "b", "ip": "x"}, now=60.0)


@pytest.mark.parametrize("target", ["abc", "//evil.example/", "https://evil.example/", "/\\x"])
def test_a_bad_next_after_choosing_a_time_zone_goes_home(
    client: Client, db: None, target: str
) -> None:
    response = client.post("/timezone/", {"timezone": "Europe/Paris", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_next_on_this_site_is_followed(client: Client, db: None) -> None:
    response = client.post("/timezone/", {"timezone": "Europe/Paris", "next": "/bodies/?x=1"})
    assert response["Location"] == "/bodies/?x=1"


@pytest.mark.django_db
def test_the_composition_export_cannot_run_a_formula_in_a_spreadsheet(client: Client) -> None:
    BodyFactory.create(slug="formula", name='=HYPERLINK("http://evil.example","x")')
    rows = list(csv.DictReader(io.StringIO(client.get("/bodies/composition.csv").content.decode())))
    row = next(r for r in rows if r["body"] == "formula")
    assert row["name"].startswith("'=HYPERLINK")


def test_numbers_stay_numbers_and_text_comes_back_as_written() -> None:
    assert [defuse(v) for v in (-1, "-1", "+3.5", "-x", "@sum", None)] == [
        "-1",
        "-1",
        "+3.5",
        "'-x",
        "'@sum",
        "",
    ]
    assert undefuse(defuse("=1+2")) == "=1+2"
    assert write_csv(["a"], [["=1"]]).splitlines() == ["a", "'=1"]


def test_a_page_that_sets_a_cookie_is_never_public(client: Client, db: None) -> None:
    """The schedule's visitors' copy is public; with the CSRF cookie set, it must not be."""
    response = client.get("/timezone/")
    assert response.cookies
    assert "public" not in response.get("Cache-Control", "")


def test_signed_in_pages_keep_their_no_store(client: Client, participant: User) -> None:
    client.force_login(participant)
    assert "no-store" in client.get("/").get("Cache-Control", "")


def test_a_name_cannot_reverse_itself_to_pose_as_another(participant: User) -> None:
    from igf.people import services  # noqa: PLC0415

    person = services.update_profile(
        by=participant, person=participant.person, changes={"display_name": "\u202eanimA"}
    )
    person.refresh_from_db()
    assert person.display_name == "animA"
    page = Client().get(person.get_absolute_url()).content.decode()
    assert "\u202e" not in page


@pytest.mark.django_db
def test_an_organisation_name_loses_its_direction_overrides() -> None:
    from tests.factories import OrganizationFactory  # noqa: PLC0415

    organisation = OrganizationFactory.create(name="\u2067Ministry\u2069 of \u202aTruth")
    organisation.refresh_from_db()
    assert organisation.name == "Ministry of Truth"


@pytest.mark.django_db
@override_settings(IGF_RATE_LIMITS={"api": {"ip": "1/m"}})
def test_the_api_document_names_the_limit_and_validation_answers(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operations = [op for methods in schema["paths"].values() for op in methods.values()]
    assert operations
    assert all("429" in op["responses"] for op in operations)
    assert all("422" in op["responses"] for op in operations if op.get("parameters"))
    assert client.get("/api/v1/organizations?page=x").status_code == 422
    throttled = client.get("/api/v1/countries")
    assert throttled.status_code == 429
    assert isinstance(throttled.json()["detail"], str)


def test_private_details_need_the_secretariats_second_factor(participant: User, login) -> None:  # type: ignore[no-untyped-def]
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: PLC0415

    from igf.people import services  # noqa: PLC0415
    from tests.factories import SecretariatFactory  # noqa: PLC0415

    services.update_profile(
        by=participant,
        person=participant.person,
        changes={"accessibility_needs": "Sign language, please"},
    )
    staff = SecretariatFactory.create()
    url = participant.person.get_absolute_url()
    assert "Sign language, please" not in login(staff).get(url).content.decode()
    TOTP.activate(staff, generate_totp_secret())
    assert "Sign language, please" in login(staff).get(url).content.decode()


def test_a_superuser_asking_to_comment_on_a_draft_is_told_why(admin_user: User, login) -> None:  # type: ignore[no-untyped-def]
    from tests.consultations import factories as f  # noqa: PLC0415

    body = f.body()
    draft = f.document(by=f.editor_of(body), target=body, publish=False)
    response = login(admin_user).get(f"/consultations/d/{draft.slug}/v1/comment/")
    assert response.status_code == 403
    assert "not open for comment" in response.content.decode()
