"""The forum's rules for bodies, the only code that changes them: appointments under the
composition rules, terms of reference, calls for members, annual reports and workplans, and
mailing lists. Reads (composition, rotation, candidates) are in `igf.bodies.queries`."""

from igf.bodies.queries import Appointment
from igf.bodies.services.calls import (
    answer_nomination,
    close_due_calls,
    create_call,
    decide_call,
    nominate,
    open_call,
    withdraw_nomination,
)
from igf.bodies.services.chairs import (
    ChairError,
    appoint_chairs,
    cast_ballot,
    close_chair_election,
    next_in_turn,
    nominate_for_chair,
    open_chair_election,
)
from igf.bodies.services.lists import post_message, subscribe, unsubscribe
from igf.bodies.services.members import (
    CompositionRuleError,
    appoint_member,
    end_membership,
    join_body,
    leave_body,
)
from igf.bodies.services.proposals import (
    ProposalError,
    propose_body,
    resubmit_proposal,
    review_proposal,
)
from igf.bodies.services.registry import (
    check_requirements,
    send_milestone_reminders,
    send_report_reminders,
    warn_short_turnover,
)
from igf.bodies.services.work import (
    adopt_terms_of_reference,
    save_milestone,
    submit_annual_report,
)

__all__ = [
    "Appointment",
    "ChairError",
    "CompositionRuleError",
    "ProposalError",
    "adopt_terms_of_reference",
    "answer_nomination",
    "appoint_chairs",
    "appoint_member",
    "cast_ballot",
    "check_requirements",
    "close_chair_election",
    "close_due_calls",
    "create_call",
    "decide_call",
    "end_membership",
    "join_body",
    "leave_body",
    "next_in_turn",
    "nominate",
    "nominate_for_chair",
    "open_call",
    "open_chair_election",
    "post_message",
    "propose_body",
    "resubmit_proposal",
    "review_proposal",
    "save_milestone",
    "send_milestone_reminders",
    "send_report_reminders",
    "submit_annual_report",
    "subscribe",
    "unsubscribe",
    "warn_short_turnover",
    "withdraw_nomination",
]
