"""Proposing a session: drafts, the live checklist, submission, deadlines, confirmation links."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igf.core.models import Country
from igf.people.models import User
from igf.programme import services
from igf.programme.enums import Confirmation, ProposalStatus, SessionKind, TemplateField
from igf.programme.models import Call, Proposal, ProposalPerson
from igf.programme.queries import PersonEntry
from igf.programme.services import ProgrammeError
from tests.factories import UserFactory, person_of
from tests.programme.factories import (
    PersonRowFactory,
    SessionTypeFactory,
    TemplateFactory,
    complete_proposal,
    open_call,
)

PEOPLE_FIELDS = (
    "row", "name", "email", "organization_name", "stakeholder_group", "country", "gender",
    "attendance", "role",
)  # fmt: skip


def people(prefix: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A formset as the browser posts it: saved rows first (with their ids), then new ones."""
    data: dict[str, Any] = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(sum(1 for row in rows if row.get("row"))),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(rows):
        for name in PEOPLE_FIELDS:
            if name in row:
                data[f"{prefix}-{index}-{name}"] = row[name]
        data.setdefault(f"{prefix}-{index}-attendance", row.get("attendance", "onsite"))
    return data


def person(name: str, group: str, country: str = "KE", gender: str = "woman", **extra: Any):  # type: ignore[no-untyped-def]
    return {"name": name, "stakeholder_group": group, "country": country, "gender": gender, **extra}


def form_data(call: Call, action: str = "save", **fields: Any) -> dict[str, Any]:
    template = call.templates.get()
    theme = call.meeting.themes.first()
    assert theme is not None
    data: dict[str, Any] = {
        "session_type": str(template.session_type_id),
        "action": action,
        "title": "Community networks that last",
        "theme": str(theme.pk),
        "policy_questions": [str(q.pk) for q in theme.questions.all()[:1]],
        "description": "Why community networks survive, or not.",
        "expected_outcomes": "A checklist for regulators.",
        "format": "round_table",
        "interaction": "Online speakers open each round.",
        "focus": "policy",
        "duration": "90",
        "sdgs": ["9", "10"],
        "accessibility": "Captions.",
        "languages": ["en", "fr"],
        **people("organisers", fields.pop("organisers", [])),
        **people("speakers", fields.pop("speakers", [])),
        **people("support", fields.pop("support", [])),
    }
    data.update(fields)
    return data


def full_team(proposer: User) -> dict[str, Any]:
    return {
        "organisers": [
            person("Me", "civil_society", email=proposer.email),
            person("Co Organiser", "government", "FR", "man", email="co@example.net"),
        ],
        "speakers": [
            person("Speaker A", "civil_society", email="a@example.net"),
            person("Speaker B", "government", "FR", "man", email="b@example.net"),
            person("Speaker C", "private_sector", email="c@example.net", attendance="online"),
        ],
        "support": [person("Mo Derator", "technical_community", role="onsite_moderator")],
    }


@pytest.fixture
def call(db: None) -> Call:
    return open_call()


def new_url(call: Call) -> str:
    return f"/programme/calls/{call.pk}/propose/?type={call.templates.get().session_type_id}"


def test_choose_a_session_type_then_fill_its_template(call: Call, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    forum = SessionTypeFactory.create(meeting=call.meeting, kind=SessionKind.OPEN_FORUM)
    TemplateFactory.create(call=call, session_type=forum)
    page = client.get(f"/programme/calls/{call.pk}/propose/").content.decode()
    assert "Which type of session do you propose?" in page
    assert "Workshop" in page
    assert "Open forum" in page
    call.templates.filter(session_type=forum).delete()
    page = client.get(new_url(call)).content.decode()
    assert "New proposal: Workshop" in page
    assert "Expected outcomes" in page
    assert "Goal 16: Peace, justice and strong institutions" in page


def test_an_incomplete_draft_saves_and_shows_every_failing_criterion(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    response = client.post(new_url(call), {**form_data(call), "description": ""})
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/programme/proposals/{proposal.pk}/edit/"
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.number == 1
    assert proposal.proposer == person_of(participant)
    page = client.get(response["Location"]).content.decode()
    assert "Saved as a draft." in page
    assert "8 criteria are not met yet." in page
    assert "At least 3 speakers must confirm taking part; 0 have so far." in page


def test_submitting_too_early_keeps_the_draft_and_lists_every_reason(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    response = client.post(
        new_url(call), {**form_data(call, "submit"), "expected_outcomes": ""}, follow=True
    )
    proposal = Proposal.objects.get()
    assert proposal.status == ProposalStatus.DRAFT
    page = response.content.decode()
    assert "The proposal is saved as a draft but not submitted yet." in page
    assert "Fill in: Expected outcomes." in page
    assert "A proposal needs at least 2 organisers; it has 0." in page


def test_speakers_confirm_through_a_signed_link_then_the_proposal_submits(
    call: Call, participant: User, login, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(new_url(call), form_data(call, **full_team(participant)))
    proposal = Proposal.objects.get()
    # The proposer needs no e-mail; the co-organiser and three speakers are asked.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a@example.net", "b@example.net", "c@example.net", "co@example.net",
    ]  # fmt: skip
    me = proposal.people.get(email=participant.email)
    assert me.confirmation == Confirmation.CONFIRMED
    assert me.person == person_of(participant)
    message = next(m for m in mail.outbox if m.to == ["a@example.net"])
    assert message.subject == "Please confirm: session proposal “Community networks that last”"
    link = next(line for line in message.body.splitlines() if "/programme/confirm/" in line)
    path = link[link.index("/programme/confirm/") :]
    for address in ("a@example.net", "b@example.net", "c@example.net"):
        row = proposal.people.get(email=address)
        token = services.invitation_token(row)
        speaker = Client()
        page = speaker.get(f"/programme/confirm/{token}/").content.decode()
        assert "Community networks that last" in page
        speaker.post(f"/programme/confirm/{token}/", {"answer": "confirm"})
    assert Client().get(path).status_code == 200
    assert proposal.people.filter(confirmation=Confirmation.CONFIRMED).count() == 4
    response = client.post(
        f"/programme/proposals/{proposal.pk}/edit/",
        form_data(call, "submit", **_rows_of(proposal, participant)),
        follow=True,
    )
    proposal.refresh_from_db()
    page = response.content.decode()
    assert proposal.status == ProposalStatus.SUBMITTED, page[page.index("<main") :][:2500]
    assert "Your proposal is submitted." in response.content.decode()


def _rows_of(proposal: Proposal, proposer: User) -> dict[str, Any]:
    """The form's people as they are saved (with their row ids), to post an edit."""
    groups: dict[str, list[dict[str, Any]]] = {"organisers": [], "speakers": [], "support": []}
    for row in proposal.people.order_by("order", "pk"):
        prefix = {"organiser": "organisers", "speaker": "speakers"}.get(row.role, "support")
        groups[prefix].append(
            {
                "row": str(row.pk),
                "name": row.name or "Me",
                "email": row.email,
                "organization_name": row.organization_name,
                "stakeholder_group": row.stakeholder_group,
                "country": row.country_id or "",
                "gender": row.gender,
                "attendance": row.attendance,
                "role": row.role,
            }
        )
    return groups


def test_a_declined_or_tampered_or_expired_link(call: Call, participant: User) -> None:
    proposal = complete_proposal(call, person_of(participant))
    row = proposal.people.filter(role="speaker").first()
    assert row is not None
    token = services.invitation_token(row)
    client = Client()
    client.post(f"/programme/confirm/{token}/", {"answer": "decline"})
    row.refresh_from_db()
    assert row.confirmation == Confirmation.DECLINED
    assert client.post(f"/programme/confirm/{token}/", {"answer": "maybe"}).status_code == 200
    bad = client.get(f"/programme/confirm/{token[:-3]}xyz/")
    assert bad.status_code == 400
    assert "This link does not work" in bad.content.decode()
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=31)):
        assert client.get(f"/programme/confirm/{token}/").status_code == 400
    ProposalPerson.objects.filter(pk=row.pk).update(email="someone.else@example.net")
    assert client.get(f"/programme/confirm/{token}/").status_code == 400


def test_changing_a_speakers_address_asks_the_new_one(
    call: Call, participant: User, login, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    client.post(new_url(call), form_data(call, **full_team(participant)))
    proposal = Proposal.objects.get()
    ProposalPerson.objects.filter(proposal=proposal).update(confirmation=Confirmation.CONFIRMED)
    mail.outbox.clear()
    team = _rows_of(proposal, participant)
    team["speakers"][0]["email"] = "new.address@example.net"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/programme/proposals/{proposal.pk}/edit/", form_data(call, **team))
    assert [m.to for m in mail.outbox] == [["new.address@example.net"]]
    row = proposal.people.get(email="new.address@example.net")
    assert row.confirmation == Confirmation.INVITED


def test_malformed_input_saves_nothing_and_keeps_what_was_typed(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    data = form_data(
        call,
        title="My carefully worded title",
        speakers=[person("Speaker A", "civil_society", email="not-an-address")],
    )
    response = client.post(new_url(call), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert 'value="My carefully worded title"' in page
    assert "Enter a valid email address." in page
    assert Proposal.objects.count() == 0


def test_the_call_closes_exactly_on_time(call: Call, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call, person_of(participant), status=ProposalStatus.DRAFT)
    client = login(participant)
    edit = f"/programme/proposals/{proposal.pk}/edit/"
    with time_machine.travel(call.closes - dt.timedelta(seconds=1), tick=False):
        assert client.get(edit).status_code == 200
    with time_machine.travel(call.closes, tick=False):
        assert client.get(edit).status_code == 403
        assert client.post(edit, form_data(call)).status_code == 403
        with pytest.raises(ProgrammeError):
            services.save_proposal(
                by=participant,
                call=call,
                session_type=proposal.session_type,
                changes={"title": "Too late"},
                people=[],
                proposal=proposal,
            )
        with pytest.raises(ProgrammeError):
            services.submit_proposal(by=participant, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.title != "Too late"


def test_editing_a_submitted_proposal_so_it_fails_asks_before_making_it_a_draft(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call, person_of(participant))
    client = login(participant)
    edit = f"/programme/proposals/{proposal.pk}/edit/"
    team = _rows_of(proposal, participant)
    team["speakers"] = team["speakers"][:1]
    response = client.post(edit, form_data(call, "save", **team))
    assert response.status_code == 200
    assert "it would go back to being a draft" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.people.filter(role="speaker").count() == 3
    client.post(edit, form_data(call, "draft", **team))
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.people.filter(role="speaker").count() == 1


def test_editing_a_submitted_proposal_that_still_passes_keeps_it_submitted(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call, person_of(participant))
    client = login(participant)
    response = client.post(
        f"/programme/proposals/{proposal.pk}/edit/",
        form_data(call, "save", title="A sharper title", **_rows_of(proposal, participant)),
        follow=True,
    )
    proposal.refresh_from_db()
    assert proposal.title == "A sharper title"
    assert proposal.status == ProposalStatus.SUBMITTED
    assert "The proposal stays submitted." in response.content.decode()


def test_check_shows_the_checklist_and_saves_nothing(call: Call, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    response = client.post(new_url(call), form_data(call, "check", **full_team(participant)))
    page = response.content.decode()
    assert "Checked. Nothing is saved until you save." in page
    assert "At least 3 speakers must confirm taking part; 0 have so far." in page
    assert "Stakeholder groups among the speakers: met" in page
    assert Proposal.objects.count() == 0


def test_co_organisers_edit_but_only_the_proposer_withdraws(
    call: Call, participant: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call, person_of(participant))
    PersonRowFactory.create(
        proposal=proposal, role="organiser", person=person_of(other_participant)
    )
    co = login(other_participant)
    assert co.get(f"/programme/proposals/{proposal.pk}/edit/").status_code == 200
    assert co.get(f"/programme/proposals/{proposal.pk}/withdraw/").status_code == 403
    owner = login(participant)
    response = owner.post(f"/programme/proposals/{proposal.pk}/withdraw/", follow=True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert "The proposal is withdrawn." in response.content.decode()
    assert owner.get(f"/programme/proposals/{proposal.pk}/edit/").status_code == 403


def test_a_template_asks_only_its_parts(call: Call, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    template = call.templates.get()
    template.fields = [TemplateField.THEME, TemplateField.SPEAKERS]
    template.help_texts = {TemplateField.THEME: "Pick the track closest to your topic."}
    template.save()
    page = login(participant).get(new_url(call)).content.decode()
    assert "Pick the track closest to your topic." in page
    assert 'name="expected_outcomes"' not in page
    assert 'name="speakers-TOTAL_FORMS"' in page
    assert 'name="organisers-TOTAL_FORMS"' not in page


def test_a_session_type_not_in_the_call_is_not_found(call: Call, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    other = TemplateFactory.create().session_type
    response = login(participant).get(f"/programme/calls/{call.pk}/propose/?type={other.pk}")
    assert response.status_code == 404
    response = login(participant).get(f"/programme/calls/{call.pk}/propose/?type=abc")
    assert response.status_code == 404


def test_my_proposals_lists_what_i_proposed_and_where_i_am_named(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    mine = complete_proposal(call, person_of(participant), title="Mine")
    named = complete_proposal(call, title="Named in")
    PersonRowFactory.create(proposal=named, person=person_of(participant), role="speaker")
    complete_proposal(call, title="Somebody else's")
    page = login(participant).get("/programme/proposals/mine/").content.decode()
    assert f"{mine.reference} Mine" in page
    assert f"{named.reference} Named in" in page
    assert "Somebody else" not in page
    assert "Proposer" in page


def test_a_proposal_is_private_until_accepted_and_published(
    call: Call, participant: User, other_participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    proposal = complete_proposal(call, person_of(participant))
    url = proposal.get_absolute_url()
    assert login(None).get(url).status_code == 404
    assert login(other_participant).get(url).status_code == 404
    page = login(participant).get(url).content.decode()
    assert "This proposal meets the minimum criteria." in page
    assert "Organiser Two" in page


hostile = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["\x00", "\u202e", "<script>alert(1)</script>", "9" * 30, "-1", "' OR 1=1"]),
)


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "title",
                "theme",
                "policy_questions",
                "description",
                "format",
                "duration",
                "sdgs",
                "focus",
                "languages",
                "action",
                "session_type",
                "speakers-TOTAL_FORMS",
                "speakers-0-country",
                "speakers-0-email",
                "speakers-0-row",
                "support-0-role",
                "speakers-0-name",
                "organisers-0-gender",
            ]
        ),
        hostile,
        max_size=8,
    )
)
def test_hostile_input_to_the_proposal_form_never_fails(
    call: Call, participant: User, login, fields: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    data = {**form_data(call, **full_team(participant)), **fields}
    response = login(participant).post(new_url(call), data)
    assert response.status_code in (200, 302, 404)


def test_rows_of_another_proposal_cannot_be_hijacked(call: Call, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    victim = complete_proposal(call, title="Victim")
    victim_row = victim.people.filter(role="speaker").first()
    assert victim_row is not None
    data = form_data(
        call,
        speakers=[person("Hijacker", "government", row=str(victim_row.pk), email="h@example.net")],
    )
    login(participant).post(new_url(call), data)
    victim_row.refresh_from_db()
    assert victim_row.name != "Hijacker"
    assert victim_row.proposal == victim


def test_nobody_can_propose_to_an_unpublished_call(call: Call, participant: User, login) -> None:  # type: ignore[no-untyped-def]
    Call.objects.filter(pk=call.pk).update(published=False)
    assert login(participant).get(new_url(call)).status_code == 403
    user = UserFactory.create()
    assert login(user).get(f"/programme/calls/{call.pk}/").status_code == 404


def test_a_row_number_beyond_any_database_key_is_refused_not_a_crash(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    data = form_data(call, **full_team(participant))
    data["speakers-0-row"] = str(10**20)
    response = login(participant).post(new_url(call), data)
    assert response.status_code == 200
    assert Proposal.objects.filter(call=call).count() == 0


def test_a_policy_question_number_beyond_any_database_key_is_refused_not_a_crash(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    data = {**form_data(call, **full_team(participant)), "policy_questions": str(2**63)}
    response = login(participant).post(new_url(call), data)
    assert response.status_code == 200
    assert Proposal.objects.filter(call=call).count() == 0


def test_invitations_leave_after_the_save_in_each_persons_language_with_forum_links(
    call: Call, django_capture_on_commit_callbacks: Any
) -> None:
    proposer = UserFactory.create(language="fr")
    with_account = UserFactory.create(email="ana@example.org", language="es")
    kenya = Country.objects.get(iso2="KE")
    entries = [
        PersonEntry(role="speaker", name="Ana", email="ANA@example.org", country=kenya),
        PersonEntry(role="speaker", name="Bo", email="bo@example.net", country=kenya),
    ]
    mail.outbox.clear()
    with (
        override_settings(IGF_SITE_URL="https://forum.example.org/"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.save_proposal(
            by=proposer,
            call=call,
            session_type=call.templates.get().session_type,
            changes={"title": "Redes"},
            people=entries,
        )
        assert mail.outbox == []  # nothing leaves before the commit
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    # The account's own language; someone without one reads the language of who named them.
    assert subjects == {
        "ana@example.org": "Confirme, por favor: propuesta de sesión «Redes»",
        "bo@example.net": "Merci de confirmer : proposition de session « Redes »",
    }
    assert Proposal.objects.get().people.get(email="ana@example.org").person == person_of(
        with_account
    )
    for message in mail.outbox:
        assert "https://forum.example.org/programme/confirm/" in message.body


def test_a_call_with_one_session_type_skips_the_choice(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    page = login(participant).get(f"/programme/calls/{call.pk}/propose/").content.decode()
    assert "Which type of session do you propose?" not in page
    assert "New proposal: Workshop" in page


def test_a_new_proposal_starts_with_the_proposer_as_first_organiser(call: Call, login) -> None:  # type: ignore[no-untyped-def]
    proposer = UserFactory.create(display_name="Amina Proposer", email="amina@example.org")
    person = person_of(proposer)
    person.stakeholder_group = "civil_society"
    person.country = Country.objects.get(iso2="KE")
    person.save()
    page = login(proposer).get(new_url(call)).content.decode()
    organisers = page.split('id="people-organisers"')[1].split('id="people-speakers"')[0]
    assert 'name="organisers-0-name" value="Amina Proposer"' in organisers
    assert 'value="amina@example.org"' in organisers
    assert '<option value="civil_society" selected>' in organisers
    assert '<option value="KE" selected>' in organisers
    assert 'name="organisers-INITIAL_FORMS" value="1"' in organisers


def test_pasted_text_over_the_limit_is_refused_whole_never_cut(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    client = login(participant)
    form_page = client.get(new_url(call)).content.decode()
    assert "maxlength" not in form_page
    assert 'data-limit="10000"' in form_page
    assert "igf/js/count" in form_page
    long_text = (
        "Paragraph about community networks. " * 300
    )  # 10,800 characters, 10,799 once the last space is trimmed
    response = client.post(new_url(call), form_data(call, description=long_text))
    assert response.status_code == 200
    page = response.content.decode()
    assert Proposal.objects.count() == 0
    assert "This is 10799 characters long and the limit is 10000." in page
    assert long_text.strip() in page


def test_the_error_summary_lists_each_field_in_error_and_links_to_it(
    call: Call, participant: User, login
) -> None:  # type: ignore[no-untyped-def]
    data = form_data(
        call,
        title=" ",
        speakers=[person("Speaker A", "civil_society", email="not-an-address")],
    )
    page = login(participant).post(new_url(call), data).content.decode()
    summary = page.split('class="error-summary"')[1].split("</div>")[0]
    assert 'role="alert"' in summary
    assert "Nothing was saved: there is a problem" in summary
    assert (
        '<a href="#id_title">Title: Give the proposal a title, even a working one.</a>' in summary
    )
    assert (
        '<a href="#id_speakers-0-email">E-mail address: Enter a valid email address.</a>' in summary
    )
    assert 'id="id_speakers-0-email"' in page
