"""The minimum criteria as one pure function: every rule, every failure with its reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from igf.programme.criteria import (
    CriteriaRules,
    Participant,
    ProposalFacts,
    check_proposal,
    default_rules,
)

GROUPS = ("government", "private_sector", "civil_society", "technical_community")
REGIONS = ("african", "weog", "asia_pacific")


def speaker(
    group: str = "civil_society",
    region: str = "african",
    gender: str = "woman",
    *,
    onsite: bool = True,
    confirmed: bool = True,
    key: str = "",
) -> Participant:
    return Participant(
        role="speaker",
        key=key,
        stakeholder_group=group,
        region=region,
        gender=gender,
        onsite=onsite,
        confirmed=confirmed,
    )


def organiser(group: str, key: str = "") -> Participant:
    return Participant(role="organiser", key=key, stakeholder_group=group)


MODERATOR = Participant(role="onsite_moderator", onsite=True, confirmed=True)
GOOD = (
    organiser("civil_society", "p:1"),
    organiser("government"),
    speaker("civil_society", "african", "woman"),
    speaker("government", "weog", "man"),
    speaker("private_sector", "african", "woman", onsite=False),
    MODERATOR,
)


def test_a_complete_workshop_meets_every_criterion() -> None:
    report = check_proposal(ProposalFacts(participants=GOOD), CriteriaRules())
    assert report.passed
    assert report.failures == ()
    assert report.advice == ()


def test_an_empty_workshop_fails_with_a_reason_for_every_rule() -> None:
    report = check_proposal(ProposalFacts(), CriteriaRules())
    assert not report.passed
    assert [c.code for c in report.failures] == [
        "confirmed_speakers",
        "speaker_groups",
        "speaker_regions",
        "speaker_genders",
        "onsite_moderators",
        "onsite_speakers",
        "organisers",
        "organiser_groups",
    ]
    assert report["confirmed_speakers"].reason == (
        "At least 3 speakers must confirm taking part; 0 have so far."
    )
    assert report["organisers"].reason == "A proposal needs at least 2 organisers; it has 0."
    assert all(check.reason for check in report.failures)


def test_unconfirmed_speakers_do_not_count() -> None:
    people = (*GOOD[:2], *(speaker(g, confirmed=g == "government") for g in GROUPS), MODERATOR)
    report = check_proposal(ProposalFacts(participants=people), CriteriaRules())
    assert report["confirmed_speakers"].actual == 1
    assert not report["confirmed_speakers"].passed


def test_two_stakeholder_groups_pass_but_three_are_advised() -> None:
    people = (
        *GOOD[:2],
        speaker("civil_society", "african", "woman"),
        speaker("government", "weog", "man"),
        speaker("government", "weog", "man"),
        MODERATOR,
    )
    report = check_proposal(ProposalFacts(participants=people), CriteriaRules())
    assert report.passed
    assert [c.code for c in report.advice] == ["speaker_groups_better"]
    assert report.advice[0].reason == (
        "Better: speakers from at least 3 stakeholder groups (now 2)."
    )


def test_speakers_all_of_one_gender_fail() -> None:
    people = (*GOOD[:2], *(speaker(g, r, "man") for g, r in zip(GROUPS, REGIONS, strict=False)))
    report = check_proposal(ProposalFacts(participants=(*people, MODERATOR)), CriteriaRules())
    assert report["speaker_genders"].reason == (
        "At least one speaker must be of a different gender from the others."
    )


def test_a_member_of_the_evaluating_body_among_the_organisers_fails() -> None:
    facts = ProposalFacts(
        participants=GOOD,
        proposer_keys=frozenset({"p:1", "p:2"}),
        evaluating_body_keys=frozenset({"p:2", "p:9"}),
    )
    report = check_proposal(facts, CriteriaRules())
    assert report["evaluating_body"].reason == (
        "1 proposer is a member of the body that evaluates the proposals."
    )
    relaxed = check_proposal(facts, CriteriaRules(exclude_evaluating_body=False))
    assert relaxed.passed


def test_last_years_organisers_must_give_their_report() -> None:
    facts = ProposalFacts(participants=GOOD, had_session_last_year=True)
    assert not check_proposal(facts, CriteriaRules()).passed
    given_report = ProposalFacts(
        participants=GOOD, had_session_last_year=True, previous_report_given=True
    )
    assert check_proposal(given_report, CriteriaRules()).passed


def test_a_speaker_on_too_many_other_proposals_fails() -> None:
    people = (*GOOD[:2], speaker(key="e:busy@example.org"), *GOOD[3:])
    facts = ProposalFacts(participants=people, other_proposals_as_speaker={"e:busy@example.org": 3})
    report = check_proposal(facts, CriteriaRules(max_proposals_per_speaker=3))
    assert report["speaker_limit"].reason == (
        "1 speaker already speaks on as many other proposals as the call allows."
    )
    assert check_proposal(facts, CriteriaRules(max_proposals_per_speaker=4)).passed
    assert check_proposal(facts, CriteriaRules(max_proposals_per_speaker=None)).passed


def test_rules_are_data_and_refuse_nonsense() -> None:
    rules = CriteriaRules.from_data({"min_confirmed_speakers": 5})
    assert rules.min_confirmed_speakers == 5
    assert rules.to_data()["min_speaker_groups"] == 2
    for bad in (
        {"min_confirmed_speakers": "three"},
        {"min_confirmed_speakers": True},
        {"exclude_evaluating_body": 1},
        {"min_confirmed_speakers": -1},
        {"no_such_rule": 1},
    ):
        with pytest.raises(ValueError):  # noqa: PT011 - each message names the field
            CriteriaRules.from_data(bad)


def test_lighter_kinds_ask_less_than_workshops() -> None:
    lightning = default_rules("lightning_talk")
    facts = ProposalFacts(participants=(organiser("civil_society"), speaker()))
    assert check_proposal(facts, lightning).passed
    assert not check_proposal(facts, default_rules("workshop")).passed


participants = st.builds(
    Participant,
    role=st.sampled_from(["organiser", "speaker", "onsite_moderator", "online_moderator"]),
    key=st.sampled_from(["", "p:1", "p:2", "e:a@x.org", "e:b@x.org"]),
    stakeholder_group=st.sampled_from([None, *GROUPS]),
    region=st.sampled_from([None, *REGIONS]),
    gender=st.sampled_from([None, "woman", "man", "non_binary"]),
    onsite=st.booleans(),
    confirmed=st.booleans(),
)
facts_strategy = st.builds(
    ProposalFacts,
    participants=st.lists(participants, max_size=12).map(tuple),
    proposer_keys=st.frozensets(st.sampled_from(["p:1", "p:2", "p:3"])),
    evaluating_body_keys=st.frozensets(st.sampled_from(["p:2", "p:4"])),
    had_session_last_year=st.booleans(),
    previous_report_given=st.booleans(),
    other_proposals_as_speaker=st.dictionaries(
        st.sampled_from(["p:1", "e:a@x.org"]), st.integers(0, 5)
    ),
)
rules_strategy = st.builds(
    CriteriaRules,
    min_confirmed_speakers=st.integers(0, 5),
    min_speaker_groups=st.integers(0, 4),
    recommended_speaker_groups=st.integers(0, 5),
    min_speaker_regions=st.integers(0, 3),
    speaker_gender_diversity=st.booleans(),
    min_onsite_moderators=st.integers(0, 2),
    min_onsite_speakers=st.integers(0, 3),
    min_organisers=st.integers(0, 3),
    min_organiser_groups=st.integers(0, 3),
    exclude_evaluating_body=st.booleans(),
    previous_report_required=st.booleans(),
    max_proposals_per_speaker=st.one_of(st.none(), st.integers(1, 4)),
)


@given(facts=facts_strategy, rules=rules_strategy)
def test_property_passing_means_no_required_failure_and_every_failure_says_why(
    facts: ProposalFacts, rules: CriteriaRules
) -> None:
    report = check_proposal(facts, rules)
    assert report.passed == (not report.failures)
    for check in report.checks:
        assert check.label
        assert bool(check.reason) == (not check.passed)
        assert "%(" not in check.reason


@given(facts=facts_strategy, rules=rules_strategy)
def test_property_a_rule_switched_off_never_fails(
    facts: ProposalFacts, rules: CriteriaRules
) -> None:
    off = CriteriaRules(
        min_confirmed_speakers=0, min_speaker_groups=0, recommended_speaker_groups=0,
        min_speaker_regions=0, speaker_gender_diversity=False, min_onsite_moderators=0,
        min_onsite_speakers=0, min_organisers=0, min_organiser_groups=0,
        exclude_evaluating_body=False, previous_report_required=False,
        max_proposals_per_speaker=None,
    )  # fmt: skip
    assert check_proposal(facts, off).checks == ()


@given(facts=facts_strategy, rules=rules_strategy)
def test_property_one_more_confirmed_onsite_speaker_never_breaks_a_passing_count(
    facts: ProposalFacts, rules: CriteriaRules
) -> None:
    before = check_proposal(facts, rules)
    more = ProposalFacts(
        participants=(*facts.participants, speaker("civil_society", "african", "woman")),
        proposer_keys=facts.proposer_keys,
        evaluating_body_keys=facts.evaluating_body_keys,
        had_session_last_year=facts.had_session_last_year,
        previous_report_given=facts.previous_report_given,
        other_proposals_as_speaker=facts.other_proposals_as_speaker,
    )
    after = check_proposal(more, rules)
    for code in ("confirmed_speakers", "speaker_groups", "speaker_regions", "onsite_speakers"):
        try:
            if before[code].passed:
                assert after[code].passed
        except KeyError:
            continue
