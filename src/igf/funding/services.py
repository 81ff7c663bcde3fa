"""Writing the books: recording, approving and reversing entries, pledges and agreements.

Each function checks the finance role itself (the hypothesis tests and the admin call them
too), runs in one transaction with the fund locked, and leaves one activity entry.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Model, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from moneyed import Money

from igf.core.activity import record_activity
from igf.core.errors import NotAllowed, Refused
from igf.core.models import Country
from igf.funding.enums import Account, EntryKind, EntryStatus
from igf.funding.ledger import CENT, ZERO, convert, postings_for
from igf.funding.models import CURRENCIES, Agreement, Donor, Entry, Fund, Pledge, Posting
from igf.funding.rules import is_finance
from igf.people.models import User


class LedgerError(Refused):
    """An entry the bookkeeping rules refuse."""


def _require_finance(by: User) -> None:
    if not is_finance(by):
        raise NotAllowed(_("Only the finance team records entries in the books."))


def cash_held(fund: Fund) -> Decimal:
    """What the fund holds in cash now, from its postings."""
    total = Posting.objects.filter(fund=fund, account=Account.CASH).aggregate(s=Sum("amount"))["s"]
    return ZERO if total is None else Decimal(total).quantize(CENT)


def _post(entry: Entry) -> None:
    """Post a saved entry: write its postings; refuse what would leave the fund's cash below
    zero."""
    lines = postings_for(entry.kind, entry.reporting_amount)
    change = sum((amount for account, amount in lines if account == Account.CASH), ZERO)
    if change < 0 and cash_held(entry.fund) + change < 0:
        raise LedgerError(
            _("The fund holds %(held)s %(currency)s: not enough for this entry.")
            % {"held": cash_held(entry.fund), "currency": entry.fund.reporting_currency},
            field="amount",
        )
    Posting.objects.bulk_create(
        Posting(entry=entry, fund=entry.fund, account=account, amount=amount)
        for account, amount in lines
    )
    entry.status = EntryStatus.POSTED
    entry.posted = timezone.now()


def _locked(fund: Fund) -> Fund:
    return Fund.objects.select_for_update().get(pk=fund.pk)


def _check_parties(
    kind: str, *, donor: Donor | None, host_country: Country | None, category: str
) -> None:
    if kind in (EntryKind.CASH, EntryKind.IN_KIND):
        if donor is None and host_country is None:
            raise LedgerError(_("A contribution comes from a donor or a host country."))
    elif kind == EntryKind.EXPENDITURE:
        if donor is not None or host_country is not None:
            raise LedgerError(_("An expenditure has no donor."), field="donor")
        if not category:
            raise LedgerError(_("Say what the money was spent on."), field="category")
    else:
        raise LedgerError(_("Unknown kind of entry."), field="kind")


@transaction.atomic
def record_entry(
    *,
    by: User,
    fund: Fund,
    kind: str,
    on: date,
    amount: Money,
    rate: Decimal,
    rate_date: date,
    description: str,
    donor: Donor | None = None,
    host_country: Country | None = None,
    category: str = "",
    paid_for: Model | None = None,
    recipient_country: Country | None = None,
) -> Entry:
    """Record a contribution received or an expenditure, converted at the rate given.

    Side effects: posted at once up to the fund's threshold, else left waiting for a second
    approval; one activity entry.
    """
    _require_finance(by)
    fund = _locked(fund)
    currency = amount.currency.code
    if currency not in CURRENCIES:
        raise LedgerError(_("Unknown currency."), field="currency")
    if amount.amount <= 0:
        raise LedgerError(_("The amount must be more than zero."), field="amount")
    if rate <= 0:
        raise LedgerError(_("The rate must be more than zero."), field="rate")
    if currency == fund.reporting_currency and rate != 1:
        raise LedgerError(_("An amount in the reporting currency has the rate 1."), field="rate")
    if rate_date > on:
        raise LedgerError(_("The rate cannot be dated after the entry."), field="rate_date")
    _check_parties(kind, donor=donor, host_country=host_country, category=category)
    if kind == EntryKind.CASH:
        category = ""
    reported = convert(amount.amount, rate)
    if reported <= 0:
        raise LedgerError(_("The amount must be more than zero."), field="amount")
    entry = Entry(
        fund=fund,
        kind=kind,
        date=on,
        amount=amount.amount,
        currency=currency,
        rate=rate,
        rate_date=rate_date,
        reporting_amount=reported,
        donor=donor,
        host_country=host_country,
        category=category,
        description=description,
        recipient_country=recipient_country,
        recorded_by=by,
    )
    if paid_for is not None:
        entry.paid_for = paid_for
    entry.save()
    if reported <= fund.approval_threshold:
        _post(entry)
        entry.save(update_fields=["status", "posted"])
    record_activity(by=by, verb="funding.entry_recorded", target=entry)
    return entry


@transaction.atomic
def approve_entry(*, by: User, entry: Entry) -> Entry:
    """Approve and post an entry above the threshold, as the second person.

    Side effects: postings written; one activity entry.
    """
    _require_finance(by)
    _locked(entry.fund)
    entry = Entry.objects.select_related("fund").get(pk=entry.pk)
    if entry.status != EntryStatus.PENDING:
        raise LedgerError(_("This entry is already posted."))
    if entry.recorded_by_id == by.pk:
        raise LedgerError(_("The person who recorded an entry cannot approve it."))
    _post(entry)
    entry.approved_by = by
    entry.save(update_fields=["status", "posted", "approved_by"])
    record_activity(by=by, verb="funding.entry_approved", target=entry)
    return entry


@transaction.atomic
def reverse_entry(*, by: User, entry: Entry, reason: str, on: date) -> Entry:
    """Correct a posted entry by a new one that reverses it whole, with the reason.

    Side effects: the reversal, posted at once up to the threshold, else waiting for approval;
    one activity entry.
    """
    _require_finance(by)
    fund = _locked(entry.fund)
    entry = Entry.objects.get(pk=entry.pk)
    if not reason.strip():
        raise LedgerError(_("Give the reason for the correction."), field="reason")
    if entry.status != EntryStatus.POSTED:
        raise LedgerError(_("Only a posted entry can be reversed."))
    if entry.reverses_id is not None:
        raise LedgerError(_("A reversal cannot itself be reversed; record the entry again."))
    if Entry.objects.filter(reverses=entry).exists():
        raise LedgerError(_("This entry is already reversed."))
    if on < entry.date:
        raise LedgerError(_("A reversal cannot be dated before the entry."), field="on")
    reversal = Entry(
        fund=fund,
        kind=entry.kind,
        date=on,
        amount=-entry.amount,
        currency=entry.currency,
        rate=entry.rate,
        rate_date=entry.rate_date,
        reporting_amount=-entry.reporting_amount,
        donor=entry.donor,
        host_country=entry.host_country,
        category=entry.category,
        description=entry.description,
        paid_for_type=entry.paid_for_type,
        paid_for_id=entry.paid_for_id,
        recipient_country=entry.recipient_country,
        reverses=entry,
        reason=reason.strip(),
        recorded_by=by,
    )
    reversal.save()
    if entry.reporting_amount <= fund.approval_threshold:
        _post(reversal)
        reversal.save(update_fields=["status", "posted"])
    record_activity(by=by, verb="funding.entry_reversed", target=entry, data={"reason": reason})
    return reversal


@transaction.atomic
def record_pledge(
    *, by: User, fund: Fund, donor: Donor, amount: Money, on: date, note: str = ""
) -> Pledge:
    """Record a donor's pledge (an intention, not yet money). Side effects: one activity entry."""
    _require_finance(by)
    if amount.amount <= 0:
        raise LedgerError(_("The amount must be more than zero."), field="amount")
    pledge = Pledge.objects.create(
        fund=fund,
        donor=donor,
        amount=amount.amount,
        currency=amount.currency.code,
        date=on,
        note=note,
        recorded_by=by,
    )
    record_activity(by=by, verb="funding.pledge_recorded", target=pledge)
    return pledge


@transaction.atomic
def record_agreement(
    *,
    by: User,
    fund: Fund,
    donor: Donor,
    reference: str,
    amount: Money,
    signed: date,
    pledge: Pledge | None = None,
) -> Agreement:
    """Record a signed contribution agreement. Side effects: one activity entry."""
    _require_finance(by)
    if amount.amount <= 0:
        raise LedgerError(_("The amount must be more than zero."), field="amount")
    agreement = Agreement.objects.create(
        fund=fund,
        donor=donor,
        pledge=pledge,
        reference=reference,
        amount=amount.amount,
        currency=amount.currency.code,
        signed=signed,
        recorded_by=by,
    )
    record_activity(by=by, verb="funding.agreement_recorded", target=agreement)
    return agreement
