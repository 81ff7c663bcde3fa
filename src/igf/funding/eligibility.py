"""Who may receive travel support, computed from data, each rule with its reason: pure, no
database. The criteria are the IGF's published ones (igf-facts.md 7.5-7.7): residence in an
LDC, LLDC, SIDS or economy in transition; an active contributor to the forum's work; a trip
report filed for the last award. Priorities (never funded before, asking for partial funding)
and preferences (women, youth, persons with disabilities, indigenous people) add published
weights to the panel's score.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Published weights added to the panel's normalised score (0-10).
PRIORITY_WEIGHTS: dict[str, float] = {
    "first_time": 1.0,
    "partial": 1.0,
    "woman": 0.5,
    "youth": 0.5,
    "disability": 0.5,
    "indigenous": 0.5,
}


@dataclass(frozen=True)
class Facts:
    """What eligibility is decided on."""

    country_name: str = ""
    ldc: bool = False
    lldc: bool = False
    sids: bool = False
    eit: bool = False
    stakeholder_group: str = ""
    allowed_groups: frozenset[str] = frozenset()  # empty: any stakeholder group
    contributions: tuple[str, ...] = ()  # e.g. "speaker in a session", "member of a BPF"
    funded_before: bool = False
    missing_trip_report: bool = False
    partial: bool = False
    preferences: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class RuleResult:
    passed: bool
    reason: str | Promise


@dataclass(frozen=True)
class Eligibility:
    rules: tuple[RuleResult, ...]
    bonus: float

    @property
    def eligible(self) -> bool:
        return all(rule.passed for rule in self.rules)


def _country_rule(facts: Facts) -> RuleResult:
    lists = [
        name
        for flag, name in (
            (facts.ldc, _("least developed countries")),
            (facts.lldc, _("landlocked developing countries")),
            (facts.sids, _("small island developing states")),
            (facts.eit, _("economies in transition")),
        )
        if flag
    ]
    if not facts.country_name:
        return RuleResult(False, _("Say in which country you live."))
    if lists:
        return RuleResult(
            True,
            _("%(country)s is on the UN list of %(list)s.")
            % {"country": facts.country_name, "list": lists[0]},
        )
    return RuleResult(
        False,
        _(
            "%(country)s is not a least developed country, landlocked developing country, "
            "small island developing state or economy in transition."
        )
        % {"country": facts.country_name},
    )


def check(facts: Facts) -> Eligibility:
    """Every rule with its outcome and reason, and the priority bonus."""
    rules = [_country_rule(facts)]
    if facts.allowed_groups:
        rules.append(
            RuleResult(True, _("This call is open to your stakeholder group."))
            if facts.stakeholder_group in facts.allowed_groups
            else RuleResult(False, _("This call is not open to your stakeholder group."))
        )
    if facts.contributions:
        rules.append(
            RuleResult(
                True,
                _("You are an active contributor: %(roles)s.")
                % {"roles": ", ".join(facts.contributions)},
            )
        )
    else:
        rules.append(
            RuleResult(
                False,
                _(
                    "The platform has no record of you organising, speaking, moderating or "
                    "reporting in a session, or of membership of intersessional work."
                ),
            )
        )
    if facts.missing_trip_report:
        rules.append(RuleResult(False, _("The trip report of your last award is missing.")))
    bonus = sum(PRIORITY_WEIGHTS[p] for p in facts.preferences if p in PRIORITY_WEIGHTS)
    if not facts.funded_before:
        bonus += PRIORITY_WEIGHTS["first_time"]
    if facts.partial:
        bonus += PRIORITY_WEIGHTS["partial"]
    return Eligibility(rules=tuple(rules), bonus=bonus)
