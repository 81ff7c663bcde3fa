"""The bookkeeping rules of a fund, on plain data: the postings of each kind of entry, the
conversion to the reporting currency, and the checks an audit runs. No database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from igf.funding.enums import Account, EntryKind

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
ASSETS = (Account.CASH, Account.GOODS)


def convert(amount: Decimal, rate: Decimal) -> Decimal:
    """An amount in the reporting currency: amount times rate, rounded half-even to the cent."""
    return (amount * rate).quantize(CENT, rounding=ROUND_HALF_EVEN)


def postings_for(kind: str, amount: Decimal) -> list[tuple[str, Decimal]]:
    """The double-entry postings of an entry of `kind` for `amount` (reporting currency).

    In-kind goods and services are received and used at once: they add to contributions and
    to expenditure alike, and leave the cash untouched. A reversal posts the same with a
    negative amount.
    """
    if kind == EntryKind.CASH:
        return [(Account.CASH, amount), (Account.CONTRIBUTIONS, -amount)]
    if kind == EntryKind.IN_KIND:
        return [
            (Account.GOODS, amount),
            (Account.IN_KIND_INCOME, -amount),
            (Account.SPENDING, amount),
            (Account.GOODS, -amount),
        ]
    if kind == EntryKind.EXPENDITURE:
        return [(Account.SPENDING, amount), (Account.CASH, -amount)]
    raise ValueError(kind)


@dataclass(frozen=True)
class EntryLine:
    """What the audit needs of an entry."""

    pk: int
    fund: int
    kind: str
    posted: bool
    amount: Decimal
    rate: Decimal
    reporting_amount: Decimal
    reverses: int | None


@dataclass(frozen=True)
class PostingLine:
    entry: int
    fund: int
    account: str
    amount: Decimal


@dataclass(frozen=True)
class Totals:
    """A fund's figures from its posted entries (reporting currency)."""

    cash: Decimal = ZERO
    in_kind: Decimal = ZERO
    expenditure: Decimal = ZERO

    @property
    def contributions(self) -> Decimal:
        return self.cash + self.in_kind

    @property
    def spent(self) -> Decimal:
        """Everything used: expenditure paid in cash and in-kind goods and services used."""
        return self.expenditure + self.in_kind

    @property
    def balance(self) -> Decimal:
        return self.contributions - self.spent


def totals(entries: Iterable[EntryLine]) -> Totals:
    """Totals of posted entries, from the entries themselves (not the postings)."""
    sums: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for entry in entries:
        if entry.posted:
            sums[entry.kind] += entry.reporting_amount
    return Totals(
        cash=sums[EntryKind.CASH],
        in_kind=sums[EntryKind.IN_KIND],
        expenditure=sums[EntryKind.EXPENDITURE],
    )


def balance_from_postings(postings: Iterable[PostingLine]) -> Decimal:
    """What a fund's asset accounts hold."""
    return sum((p.amount for p in postings if p.account in ASSETS), ZERO)


def _audit_entry(
    entry: EntryLine, lines: list[PostingLine], known: dict[int, EntryLine]
) -> list[str]:
    problems: list[str] = []
    if entry.reporting_amount != convert(entry.amount, entry.rate):
        problems.append(f"entry {entry.pk}: reported amount is not amount x rate")
    if not entry.posted:
        if lines:
            problems.append(f"entry {entry.pk}: pending but has postings")
        return problems
    expected = sorted(postings_for(entry.kind, entry.reporting_amount))
    found = sorted((p.account, p.amount) for p in lines)
    if found != expected:
        problems.append(f"entry {entry.pk}: postings {found} instead of {expected}")
    if sum((p.amount for p in lines), ZERO) != ZERO:
        problems.append(f"entry {entry.pk}: postings do not sum to zero")
    if any(p.fund != entry.fund for p in lines):
        problems.append(f"entry {entry.pk}: a posting in another fund")
    if entry.reverses is not None:
        original = known.get(entry.reverses)
        if original is None or original.kind != entry.kind:
            problems.append(f"entry {entry.pk}: reverses an entry of another kind")
        elif original.reporting_amount != -entry.reporting_amount:
            problems.append(f"entry {entry.pk}: does not reverse the whole entry")
    return problems


def audit(entries: list[EntryLine], postings: list[PostingLine]) -> list[str]:
    """Every way the books break the rules, as sentences for the auditor (English: the
    management command's output); empty when the books are right."""
    problems: list[str] = []
    by_entry: dict[int, list[PostingLine]] = defaultdict(list)
    for posting in postings:
        by_entry[posting.entry].append(posting)
    known = {entry.pk: entry for entry in entries}
    for entry in entries:
        problems.extend(_audit_entry(entry, by_entry.get(entry.pk, []), known))
    problems.extend(
        f"postings of a missing entry {pk}" for pk in sorted(set(by_entry) - set(known))
    )
    funds = {entry.fund for entry in entries} | {p.fund for p in postings}
    for fund in sorted(funds):
        figures = totals(e for e in entries if e.fund == fund)
        held = balance_from_postings(p for p in postings if p.fund == fund)
        if held != figures.balance:
            problems.append(
                f"fund {fund}: balance {held} in the books, contributions - expenditure is "
                f"{figures.balance}"
            )
        if held < ZERO:
            problems.append(f"fund {fund}: negative balance {held}")
    return problems
