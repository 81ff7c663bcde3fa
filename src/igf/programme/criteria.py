"""The minimum criteria a session proposal must meet, as one pure function.

Rules are data per session type (`CriteriaRules`, stored as JSON on the type); the facts of
one proposal are plain data (`ProposalFacts`, built by `programme.queries.proposal_facts`);
`check_proposal` returns every check with its outcome, and every failure with its reason.
No database, no request: the form, the submit service, the reviewers' page and the tests all
call the same function, so what the proposer sees is what the forum enforces.

Reasons never name people: reviewers see the same checklist, and review is blind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

SPEAKER = "speaker"
ORGANISER = "organiser"
ONSITE_MODERATOR = "onsite_moderator"


@dataclass(frozen=True, slots=True)
class CriteriaRules:
    """The minimum criteria of one session type. Zero (None for the limit) turns a rule off."""

    min_confirmed_speakers: int = 3
    min_speaker_groups: int = 2
    # Advice, not a condition: shown as "better" when unmet.
    recommended_speaker_groups: int = 3
    min_speaker_regions: int = 2
    speaker_gender_diversity: bool = True
    min_onsite_moderators: int = 1
    min_onsite_speakers: int = 2
    min_organisers: int = 2
    min_organiser_groups: int = 2
    exclude_evaluating_body: bool = True
    previous_report_required: bool = True
    max_proposals_per_speaker: int | None = 3
    # A balance target, not a condition: the share (percent) of the facilitators (organisers
    # and moderators) who should come from developing countries; staff are warned at
    # selection when a proposal falls short.
    developing_facilitators_percent: int = 0

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool):
                continue
            if value is not None and (not isinstance(value, int) or not 0 <= value <= 100):
                raise ValueError(f"{item.name} must be a whole number between 0 and 100.")

    @classmethod
    def from_data(cls, data: Mapping[str, Any] | None) -> CriteriaRules:
        """Rules from stored JSON; unknown keys are refused, missing ones take the default."""
        data = dict(data or {})
        known = {item.name for item in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"Unknown criteria: {', '.join(unknown)}")
        for name, value in data.items():
            if (name in BOOLEAN_RULES) != isinstance(value, bool):
                raise ValueError(
                    f"{name} must be true or false"
                    if name in BOOLEAN_RULES
                    else f"{name} must be a whole number."
                )
        return cls(**data)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)


BOOLEAN_RULES = frozenset(
    {"speaker_gender_diversity", "exclude_evaluating_body", "previous_report_required"}
)

# Defaults per kind of session, from the IGF's own calls (workshops ask the most).
WORKSHOP_RULES = CriteriaRules()
LIGHT_RULES = CriteriaRules(
    min_confirmed_speakers=1,
    min_speaker_groups=1,
    recommended_speaker_groups=2,
    min_speaker_regions=1,
    speaker_gender_diversity=False,
    min_onsite_moderators=0,
    min_onsite_speakers=1,
    min_organisers=1,
    min_organiser_groups=1,
)
FORUM_RULES = CriteriaRules(
    min_confirmed_speakers=2,
    min_speaker_groups=1,
    recommended_speaker_groups=2,
    min_speaker_regions=1,
    min_onsite_speakers=1,
    min_organisers=1,
    min_organiser_groups=1,
)
INTERSESSIONAL_RULES = CriteriaRules(min_organisers=1, min_organiser_groups=1)
# The seeds ask that at least half of a main session's facilitators come from developing
# countries.
MAIN_SESSION_RULES = CriteriaRules(
    min_organisers=1,
    min_organiser_groups=1,
    exclude_evaluating_body=False,
    developing_facilitators_percent=50,
)
DEFAULT_RULES: dict[str, CriteriaRules] = {
    "workshop": WORKSHOP_RULES,
    "open_forum": FORUM_RULES,
    "day_zero": FORUM_RULES,
    "town_hall": FORUM_RULES,
    "lightning_talk": LIGHT_RULES,
    "launch_award": LIGHT_RULES,
    "networking": CriteriaRules(
        min_confirmed_speakers=0,
        min_speaker_groups=0,
        recommended_speaker_groups=0,
        min_speaker_regions=0,
        speaker_gender_diversity=False,
        min_onsite_speakers=0,
        min_organisers=1,
        min_organiser_groups=1,
    ),
    "dynamic_coalition": INTERSESSIONAL_RULES,
    "bpf_pn": INTERSESSIONAL_RULES,
    "nri": INTERSESSIONAL_RULES,
    "main": MAIN_SESSION_RULES,
    "other": LIGHT_RULES,
}


def default_rules(kind: str) -> CriteriaRules:
    return DEFAULT_RULES.get(kind, WORKSHOP_RULES)


@dataclass(frozen=True, slots=True)
class FacilitatorBalance:
    """How many of a proposal's facilitators come from developing countries, against the
    session type's target (a percentage; 0 means the type has none)."""

    developing: int
    facilitators: int
    target_percent: int

    @property
    def has_target(self) -> bool:
        return self.target_percent > 0

    @property
    def met(self) -> bool:
        if not self.has_target:
            return True
        return self.facilitators > 0 and self.developing * 100 >= (
            self.target_percent * self.facilitators
        )


def facilitator_balance(developing: list[bool], target_percent: int) -> FacilitatorBalance:
    """The balance of the facilitators given (True for each from a developing country)."""
    return FacilitatorBalance(
        developing=sum(1 for d in developing if d),
        facilitators=len(developing),
        target_percent=target_percent,
    )


@dataclass(frozen=True, slots=True)
class Participant:
    """One person named in a proposal, as the criteria see them.

    `key` identifies the person across proposals: their account when they have one, else their
    e-mail address (lower case), else nothing (never counted against the per-speaker limit).
    """

    role: str
    key: str = ""
    stakeholder_group: str | None = None
    region: str | None = None
    gender: str | None = None
    onsite: bool = True
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class ProposalFacts:
    """What the criteria need to know of one proposal and its surroundings."""

    participants: tuple[Participant, ...] = ()
    # Keys of the proposer and the organisers.
    proposer_keys: frozenset[str] = frozenset()
    # Keys of the evaluating body's current members (empty when the call names no body).
    evaluating_body_keys: frozenset[str] = frozenset()
    # Whether one of the proposers organised a session at last year's meeting whose full
    # report is not on the platform (`call_context` leaves out the reported ones).
    had_session_last_year: bool = False
    previous_report_given: bool = False
    # Per speaker key: on how many other live proposals of the call they already speak.
    other_proposals_as_speaker: Mapping[str, int] = field(default_factory=dict)

    def of_role(self, role: str) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.role == role)


@dataclass(frozen=True, slots=True)
class Check:
    """One rule applied to one proposal. `required` checks decide; the others advise."""

    code: str
    passed: bool
    actual: int
    expected: int
    required: bool = True

    @property
    def label(self) -> str:
        return str(CHECK_LABELS[self.code])

    @property
    def reason(self) -> str:
        """Why the check failed, as a whole translated sentence ("" when it passed)."""
        if self.passed:
            return ""
        return failure_reason(self)


@dataclass(frozen=True, slots=True)
class CriteriaReport:
    checks: tuple[Check, ...]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks if c.required)

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.required and not c.passed)

    @property
    def advice(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.required and not c.passed)

    def __getitem__(self, code: str) -> Check:
        for check in self.checks:
            if check.code == code:
                return check
        raise KeyError(code)


def _distinct(values: list[str | None]) -> int:
    return len({v for v in values if v})


def _check(code: str, actual: int, expected: int, *, at_most: bool = False) -> Check:
    return Check(code, actual <= expected if at_most else actual >= expected, actual, expected)


def _speaker_checks(facts: ProposalFacts, rules: CriteriaRules) -> list[Check]:
    speakers = facts.of_role(SPEAKER)
    groups = _distinct([s.stakeholder_group for s in speakers])
    checks: list[Check] = []
    if rules.min_confirmed_speakers:
        confirmed = sum(1 for s in speakers if s.confirmed)
        checks.append(_check("confirmed_speakers", confirmed, rules.min_confirmed_speakers))
    if rules.min_speaker_groups:
        checks.append(_check("speaker_groups", groups, rules.min_speaker_groups))
    if rules.recommended_speaker_groups > rules.min_speaker_groups:
        better = rules.recommended_speaker_groups
        checks.append(Check("speaker_groups_better", groups >= better, groups, better, False))
    if rules.min_speaker_regions:
        regions = _distinct([s.region for s in speakers])
        checks.append(_check("speaker_regions", regions, rules.min_speaker_regions))
    if rules.speaker_gender_diversity:
        checks.append(_check("speaker_genders", _distinct([s.gender for s in speakers]), 2))
    if rules.min_onsite_moderators:
        onsite = sum(1 for m in facts.of_role(ONSITE_MODERATOR) if m.onsite)
        checks.append(_check("onsite_moderators", onsite, rules.min_onsite_moderators))
    if rules.min_onsite_speakers:
        onsite = sum(1 for s in speakers if s.onsite)
        checks.append(_check("onsite_speakers", onsite, rules.min_onsite_speakers))
    if rules.max_proposals_per_speaker:
        limit = rules.max_proposals_per_speaker
        over = {
            s.key
            for s in speakers
            if s.key and facts.other_proposals_as_speaker.get(s.key, 0) >= limit
        }
        checks.append(_check("speaker_limit", len(over), 0, at_most=True))
    return checks


def _organiser_checks(facts: ProposalFacts, rules: CriteriaRules) -> list[Check]:
    organisers = facts.of_role(ORGANISER)
    checks: list[Check] = []
    if rules.min_organisers:
        checks.append(_check("organisers", len(organisers), rules.min_organisers))
    if rules.min_organiser_groups:
        groups = _distinct([o.stakeholder_group for o in organisers])
        checks.append(_check("organiser_groups", groups, rules.min_organiser_groups))
    if rules.exclude_evaluating_body:
        members = len({k for k in facts.proposer_keys if k} & facts.evaluating_body_keys)
        checks.append(_check("evaluating_body", members, 0, at_most=True))
    if rules.previous_report_required and facts.had_session_last_year:
        checks.append(_check("previous_report", int(facts.previous_report_given), 1))
    return checks


def check_proposal(facts: ProposalFacts, rules: CriteriaRules) -> CriteriaReport:
    """Apply every rule that is switched on to the facts of one proposal."""
    return CriteriaReport(checks=(*_speaker_checks(facts, rules), *_organiser_checks(facts, rules)))


CHECK_LABELS = {
    "confirmed_speakers": _("Confirmed speakers"),
    "speaker_groups": _("Stakeholder groups among the speakers"),
    "speaker_groups_better": _("Stakeholder groups among the speakers (recommended)"),
    "speaker_regions": _("Regions among the speakers"),
    "speaker_genders": _("Genders among the speakers"),
    "onsite_moderators": _("Moderators onsite"),
    "onsite_speakers": _("Speakers onsite"),
    "organisers": _("Organisers"),
    "organiser_groups": _("Stakeholder groups among the organisers"),
    "evaluating_body": _("Members of the evaluating body among the proposers"),
    "previous_report": _("Report on last year's session"),
    "speaker_limit": _("Speakers above the limit of proposals per speaker"),
}


def failure_reason(check: Check) -> str:
    """The sentence that explains one failed check, with its figures."""
    n, actual = check.expected, check.actual
    values = {"expected": n, "actual": actual}
    code = check.code
    if code == "confirmed_speakers":
        text = ngettext(
            "At least %(expected)d speaker must confirm taking part; %(actual)d has so far.",
            "At least %(expected)d speakers must confirm taking part; %(actual)d have so far.",
            n,
        )
    elif code == "speaker_groups":
        text = ngettext(
            "Speakers must come from at least %(expected)d stakeholder group; they come from "
            "%(actual)d.",
            "Speakers must come from at least %(expected)d stakeholder groups; they come from "
            "%(actual)d.",
            n,
        )
    elif code == "speaker_groups_better":
        text = ngettext(
            "Better: speakers from at least %(expected)d stakeholder group (now %(actual)d).",
            "Better: speakers from at least %(expected)d stakeholder groups (now %(actual)d).",
            n,
        )
    elif code == "speaker_regions":
        text = ngettext(
            "Speakers must come from at least %(expected)d region; they come from %(actual)d.",
            "Speakers must come from at least %(expected)d regions; they come from %(actual)d.",
            n,
        )
    elif code == "speaker_genders":
        text = str(_("At least one speaker must be of a different gender from the others."))
    elif code == "onsite_moderators":
        text = ngettext(
            "At least %(expected)d moderator must be onsite; %(actual)d is.",
            "At least %(expected)d moderators must be onsite; %(actual)d are.",
            n,
        )
    elif code == "onsite_speakers":
        text = ngettext(
            "At least %(expected)d speaker must be onsite; %(actual)d is.",
            "At least %(expected)d speakers must be onsite; %(actual)d are.",
            n,
        )
    elif code == "organisers":
        text = ngettext(
            "A proposal needs at least %(expected)d organiser; it has %(actual)d.",
            "A proposal needs at least %(expected)d organisers; it has %(actual)d.",
            n,
        )
    elif code == "organiser_groups":
        text = ngettext(
            "Organisers must come from at least %(expected)d stakeholder group; they come from "
            "%(actual)d.",
            "Organisers must come from at least %(expected)d stakeholder groups; they come from "
            "%(actual)d.",
            n,
        )
    elif code == "evaluating_body":
        text = ngettext(
            "%(actual)d proposer is a member of the body that evaluates the proposals.",
            "%(actual)d proposers are members of the body that evaluates the proposals.",
            actual,
        )
    elif code == "previous_report":
        text = str(
            _(
                "An organiser's session at last year's meeting has no report yet: file it on "
                "that session's page, or give the report here, before submitting."
            )
        )
    else:
        text = ngettext(
            "%(actual)d speaker already speaks on as many other proposals as the call allows.",
            "%(actual)d speakers already speak on as many other proposals as the call allows.",
            actual,
        )
    return text % values if "%(" in text else text
