"""Translated labels of the programme used in more than one place: activity sentences, the
Sustainable Development Goals, durations, why a reviewer was given a proposal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from igf.core.phrases import category_label
from igf.programme.criteria import CHECK_LABELS, CriteriaRules

# Whole sentences per activity verb: with a named actor, and done by the platform.
ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "proposal.created": (
        gettext_lazy("%(actor)s started the session proposal %(object)s."),
        gettext_lazy("The session proposal %(object)s was started."),
    ),
    "proposal.updated": (
        gettext_lazy("%(actor)s changed the session proposal %(object)s."),
        gettext_lazy("The session proposal %(object)s was changed."),
    ),
    "proposal.submitted": (
        gettext_lazy("%(actor)s submitted the session proposal %(object)s."),
        gettext_lazy("The session proposal %(object)s was submitted."),
    ),
    "proposal.withdrawn": (
        gettext_lazy("%(actor)s withdrew the session proposal %(object)s."),
        gettext_lazy("The session proposal %(object)s was withdrawn."),
    ),
    "proposal.participation_confirmed": (
        gettext_lazy("%(actor)s confirmed taking part in %(object)s."),
        gettext_lazy("Someone named in %(object)s confirmed taking part."),
    ),
    "proposal.participation_declined": (
        gettext_lazy("%(actor)s declined to take part in %(object)s."),
        gettext_lazy("Someone named in %(object)s declined to take part."),
    ),
    "proposal.decided": (
        gettext_lazy("%(actor)s recorded a decision on %(object)s."),
        gettext_lazy("A decision on %(object)s was recorded."),
    ),
    "proposal.decision_cleared": (
        gettext_lazy("%(actor)s took %(object)s out of the selection."),
        gettext_lazy("%(object)s was taken out of the selection."),
    ),
    "programme.reviewer_added": (
        gettext_lazy("%(actor)s added a reviewer to %(object)s."),
        gettext_lazy("A reviewer was added to %(object)s."),
    ),
    "programme.reviewers_enlisted": (
        gettext_lazy("%(actor)s made the evaluating body's members reviewers of %(object)s."),
        gettext_lazy("The evaluating body's members became reviewers of %(object)s."),
    ),
    "programme.reviewers_assigned": (
        gettext_lazy("%(actor)s assigned reviewers to the proposals of %(object)s."),
        gettext_lazy("Reviewers were assigned to the proposals of %(object)s."),
    ),
    "programme.assignment_added": (
        gettext_lazy("%(actor)s gave %(object)s to one more reviewer."),
        gettext_lazy("%(object)s was given to one more reviewer."),
    ),
    "programme.assignment_removed": (
        gettext_lazy("%(actor)s took %(object)s away from a reviewer."),
        gettext_lazy("%(object)s was taken away from a reviewer."),
    ),
    "programme.conflict_declared": (
        gettext_lazy("%(actor)s declared a conflict of interest on %(object)s."),
        gettext_lazy("A conflict of interest was declared on %(object)s."),
    ),
    "programme.review_saved": (
        gettext_lazy("%(actor)s reviewed %(object)s."),
        gettext_lazy("%(object)s was reviewed."),
    ),
    "programme.results_published": (
        gettext_lazy("%(actor)s published the results of %(object)s."),
        gettext_lazy("The results of %(object)s were published."),
    ),
}

# The 17 Sustainable Development Goals, by their official short titles.
SDGS: dict[int, Promise] = {
    1: gettext_lazy("No poverty"),
    2: gettext_lazy("Zero hunger"),
    3: gettext_lazy("Good health and well-being"),
    4: gettext_lazy("Quality education"),
    5: gettext_lazy("Gender equality"),
    6: gettext_lazy("Clean water and sanitation"),
    7: gettext_lazy("Affordable and clean energy"),
    8: gettext_lazy("Decent work and economic growth"),
    9: gettext_lazy("Industry, innovation and infrastructure"),
    10: gettext_lazy("Reduced inequalities"),
    11: gettext_lazy("Sustainable cities and communities"),
    12: gettext_lazy("Responsible consumption and production"),
    13: gettext_lazy("Climate action"),
    14: gettext_lazy("Life below water"),
    15: gettext_lazy("Life on land"),
    16: gettext_lazy("Peace, justice and strong institutions"),
    17: gettext_lazy("Partnerships for the goals"),
}


def sdg_label(number: int) -> str:
    name = SDGS.get(number)
    if name is None:
        return str(number)
    return _("Goal %(number)d: %(name)s") % {"number": number, "name": name}


def minutes_label(minutes: int) -> str:
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


def explanation_sentence(data: Mapping[str, Any]) -> str:
    """Why an assignment went to its reviewer, from the explanation the planner stored."""
    if data.get("manual"):
        return _("Assigned by the secretariat.")
    group = category_label(str(data.get("group") or "unknown"), "stakeholder_group")
    region = category_label(str(data.get("region") or "unknown"), "region")
    if data.get("replacement"):
        return _(
            "Took over after a conflict of interest: %(group)s, %(region)s, the lightest "
            "eligible load."
        ) % {"group": group, "region": region}
    if not data:
        return ""
    values = {
        "group": group,
        "region": region,
        "load": data.get("load", 0),
        "floor": data.get("floor", 0),
        "ceiling": data.get("ceiling", 0),
    }
    if data.get("new_group") and data.get("new_region"):
        sentence = _(
            "%(group)s, %(region)s: a stakeholder group and a region not yet among this "
            "proposal's reviewers. Load %(load)s (target %(floor)s to %(ceiling)s)."
        )
    elif data.get("new_group"):
        sentence = _(
            "%(group)s, %(region)s: a stakeholder group not yet among this proposal's "
            "reviewers. Load %(load)s (target %(floor)s to %(ceiling)s)."
        )
    else:
        sentence = _(
            "%(group)s, %(region)s: chosen to balance the loads. Load %(load)s (target "
            "%(floor)s to %(ceiling)s)."
        )
    return sentence % values


def rule_rows(rules: CriteriaRules) -> list[tuple[str, str]]:
    """The minimum criteria of a session type as (rule, requirement) rows for the call page."""
    labels = CHECK_LABELS
    rows: list[tuple[str, str]] = []

    def at_least(n: int) -> str:
        return _("at least %(n)d") % {"n": n}

    if rules.min_confirmed_speakers:
        rows.append((str(labels["confirmed_speakers"]), at_least(rules.min_confirmed_speakers)))
    if rules.min_speaker_groups:
        requirement = at_least(rules.min_speaker_groups)
        if rules.recommended_speaker_groups > rules.min_speaker_groups:
            requirement = _("at least %(n)d, better %(better)d") % {
                "n": rules.min_speaker_groups,
                "better": rules.recommended_speaker_groups,
            }
        rows.append((str(labels["speaker_groups"]), requirement))
    if rules.min_speaker_regions:
        rows.append((str(labels["speaker_regions"]), at_least(rules.min_speaker_regions)))
    if rules.speaker_gender_diversity:
        rows.append((str(labels["speaker_genders"]), _("more than one")))
    if rules.min_onsite_moderators:
        rows.append((str(labels["onsite_moderators"]), at_least(rules.min_onsite_moderators)))
    if rules.min_onsite_speakers:
        rows.append((str(labels["onsite_speakers"]), at_least(rules.min_onsite_speakers)))
    if rules.min_organisers:
        rows.append((str(labels["organisers"]), at_least(rules.min_organisers)))
    if rules.min_organiser_groups:
        rows.append((str(labels["organiser_groups"]), at_least(rules.min_organiser_groups)))
    if rules.exclude_evaluating_body:
        rows.append((str(labels["evaluating_body"]), _("none")))
    if rules.previous_report_required:
        rows.append(
            (str(labels["previous_report"]), _("required if an organiser had a session last year"))
        )
    if rules.max_proposals_per_speaker:
        rows.append(
            (
                _("Proposals per speaker"),
                _("at most %(n)d") % {"n": rules.max_proposals_per_speaker},
            )
        )
    return rows
