"""The rules of the call for session proposals: proposing, confirming, reviewing, selecting
and telling proposers the outcome. Every change to a proposal, an assignment, a review or a
decision goes through a function here, in the module of its topic:

- `base`: the error a refused action raises (`ProgrammeError`, a `Refused` of the kernel),
  the fields of a proposal, how people named by an address are written to;
- `proposals`: proposals, invitations of the people named, erasure;
- `review`: reviewers, assignment, conflicts, reviews;
- `selection`: decisions, selection, publishing the results.
"""

from igf.programme.services.base import (
    INVITATION_MAX_AGE,
    INVITATION_RESEND_AFTER,
    INVITATION_SALT,
    PROPOSAL_FIELDS,
    ProgrammeError,
    closed_message,
    require_open,
)
from igf.programme.services.proposals import (
    invitation_token,
    missing_parts,
    respond_to_invitation,
    row_for_token,
    save_proposal,
    scrub_erased_person,
    submit_proposal,
    template_for,
    withdraw_proposal,
)
from igf.programme.services.review import (
    add_reviewer,
    assign_reviewer,
    assign_reviewers,
    declare_conflict,
    enlist_reviewers,
    remove_assignment,
    save_review,
)
from igf.programme.services.selection import (
    publish_results,
    record_decision,
    set_selection,
)

__all__ = [
    "INVITATION_MAX_AGE",
    "INVITATION_RESEND_AFTER",
    "INVITATION_SALT",
    "PROPOSAL_FIELDS",
    "ProgrammeError",
    "add_reviewer",
    "assign_reviewer",
    "assign_reviewers",
    "closed_message",
    "declare_conflict",
    "enlist_reviewers",
    "invitation_token",
    "missing_parts",
    "publish_results",
    "record_decision",
    "remove_assignment",
    "require_open",
    "respond_to_invitation",
    "row_for_token",
    "save_proposal",
    "save_review",
    "scrub_erased_person",
    "set_selection",
    "submit_proposal",
    "template_for",
    "withdraw_proposal",
]
