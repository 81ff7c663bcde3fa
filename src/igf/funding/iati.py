"""The funds as IATI 2.03 XML: one activity per fund and the organisation file of the
reporting organisation. Built with lxml; `tests/funding/test_funding_iati.py` validates both
against the standard's schemas.

Pledges are incoming pledges (13), agreements incoming commitments (11), contributions incoming
funds (1), money passed on to others (travel awards, NRI grants) disbursements (3), the rest
expenditure (4). Disbursements are published in aggregate per year, category and recipient
country, never per person. A reversal is a negative transaction, as IATI corrects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from lxml import etree  # type: ignore[import-untyped]

from igf.core.enums import StakeholderGroup
from igf.funding.enums import Category, EntryKind, EntryStatus
from igf.funding.models import Donor, Entry, Fund

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The reporting organisation's identifier in the IATI organisation registry; set in settings.
DEFAULT_ORG_REF = "XI-IATI-IGF"
ORG_TYPE_MULTILATERAL = "40"
ORG_TYPES: dict[str, str] = {
    StakeholderGroup.GOVERNMENT: "10",
    StakeholderGroup.PRIVATE_SECTOR: "70",
    StakeholderGroup.CIVIL_SOCIETY: "21",
    StakeholderGroup.TECHNICAL_COMMUNITY: "90",
    StakeholderGroup.INTERGOVERNMENTAL: "40",
}
PASSED_ON = (Category.TRAVEL, Category.NRI_GRANTS)
TRANSACTION_TYPES = {"incoming_funds": "1", "disbursement": "3", "expenditure": "4",
                     "incoming_commitment": "11", "incoming_pledge": "13"}  # fmt: skip


def org_ref() -> str:
    return str(getattr(settings, "IGF_IATI_ORG_REF", DEFAULT_ORG_REF))


def org_name() -> str:
    return str(getattr(settings, "IGF_IATI_ORG_NAME", "Internet Governance Forum Secretariat"))


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _narrative(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    element = _sub(parent, tag, **attrs)
    _sub(element, "narrative", text)
    return element


def _value(
    parent: etree._Element, amount: Decimal, currency: str, on: date, tag: str = "value"
) -> None:
    _sub(parent, tag, f"{amount:.2f}", currency=currency, value_date=on.isoformat())


def _reporting_org(parent: etree._Element) -> None:
    _narrative(parent, "reporting-org", org_name(), ref=org_ref(), type=ORG_TYPE_MULTILATERAL)


def _stamp() -> str:
    return timezone.now().replace(microsecond=0).isoformat()


def _org_attrs(donor: Donor | None) -> dict[str, str]:
    if donor is None:
        return {"type": ORG_TYPES[StakeholderGroup.GOVERNMENT]}
    attrs = {"type": ORG_TYPES.get(donor.organization.stakeholder_group, "90")}
    if donor.iati_ref:
        attrs["ref"] = donor.iati_ref
    return attrs


def _transaction(  # noqa: PLR0917 - one argument per element of a transaction, in order
    activity: etree._Element,
    kind: str,
    on: date,
    amount: Decimal,
    currency: str,
    value_date: date,
    description: str,
    provider: tuple[str, dict[str, str]] | None = None,
    country: str | None = None,
) -> None:
    transaction = _sub(activity, "transaction")
    _sub(transaction, "transaction-type", code=TRANSACTION_TYPES[kind])
    _sub(transaction, "transaction-date", iso_date=on.isoformat())
    _value(transaction, amount, currency, value_date)
    _narrative(transaction, "description", description)
    if provider is not None:
        _narrative(transaction, "provider-org", provider[0], **provider[1])
    if country:
        _sub(transaction, "recipient-country", code=country)


def _entries(fund: Fund) -> list[Entry]:
    return list(
        Entry.objects.filter(fund=fund, status=EntryStatus.POSTED)
        .select_related("donor__organization", "host_country", "recipient_country")
        .order_by("date", "pk")
    )


def _activity(root: etree._Element, fund: Fund) -> None:
    currency = fund.reporting_currency
    activity = _sub(
        root, "iati-activity", last_updated_datetime=_stamp(), default_currency=currency
    )
    activity.set(XML_LANG, "en")
    _sub(activity, "iati-identifier", fund.iati_identifier)
    _reporting_org(activity)
    _narrative(activity, "title", fund.name)
    _narrative(activity, "description", fund.description or fund.name, type="1")
    entries = _entries(fund)
    funders = {e.donor for e in entries if e.donor is not None and e.is_contribution}
    funders |= {p.donor for p in fund.pledges.select_related("donor__organization")}
    for donor in sorted(funders, key=lambda d: d.organization.name):
        _narrative(
            activity, "participating-org", donor.organization.name, role="1", **_org_attrs(donor)
        )
    for country in sorted({e.host_country.name for e in entries if e.host_country is not None}):
        _narrative(activity, "participating-org", country, role="1", type="10")
    for role in ("2", "4"):
        _narrative(
            activity,
            "participating-org",
            org_name(),
            role=role,
            ref=org_ref(),
            type=ORG_TYPE_MULTILATERAL,
        )
    _sub(activity, "activity-status", code="2")
    _sub(activity, "activity-date", iso_date=fund.start.isoformat(), type="2")
    _sub(activity, "sector", vocabulary="1", code=fund.sector_code)
    for budget in fund.budgets.order_by("year"):
        element = _sub(activity, "budget", type="1", status="2" if budget.committed else "1")
        _sub(element, "period-start", iso_date=date(budget.year, 1, 1).isoformat())
        _sub(element, "period-end", iso_date=date(budget.year, 12, 31).isoformat())
        _value(element, budget.amount, currency, date(budget.year, 1, 1))
    for pledge in fund.pledges.select_related("donor__organization").order_by("date", "pk"):
        _transaction(activity, "incoming_pledge", pledge.date, pledge.amount, pledge.currency,
                     pledge.date, pledge.note or "Pledge",
                     (str(pledge.donor), _org_attrs(pledge.donor)))  # fmt: skip
    for agreement in fund.agreements.select_related("donor__organization").order_by("signed", "pk"):
        _transaction(activity, "incoming_commitment", agreement.signed, agreement.amount,
                     agreement.currency, agreement.signed, agreement.reference,
                     (str(agreement.donor), _org_attrs(agreement.donor)))  # fmt: skip
    passed_on: dict[tuple[int, str, str], Decimal] = defaultdict(Decimal)
    last_day: dict[tuple[int, str, str], date] = {}
    for entry in entries:
        if entry.is_contribution:
            _contribution(activity, entry)
        elif entry.category in PASSED_ON:
            key = (entry.date.year, entry.category, entry.recipient_country_id or "")
            passed_on[key] += entry.reporting_amount
            last_day[key] = max(last_day.get(key, entry.date), entry.date)
        else:
            _transaction(activity, "expenditure", entry.date, entry.amount, entry.currency,
                         entry.rate_date, entry.description)  # fmt: skip
    labels = {str(value): str(label) for value, label in Category.choices}
    for key, amount in sorted(passed_on.items()):
        last = last_day[key]
        _transaction(activity, "disbursement", last, amount, currency, last, labels[key[1]],
                     country=key[2] or None)  # fmt: skip


def _contribution(activity: etree._Element, entry: Entry) -> None:
    source = entry.donor or entry.host_country
    provider = (str(source), _org_attrs(entry.donor))
    label = ("In kind: " if entry.kind == EntryKind.IN_KIND else "") + entry.description
    _transaction(activity, "incoming_funds", entry.date, entry.amount, entry.currency,
                 entry.rate_date, label, provider)  # fmt: skip
    if entry.kind == EntryKind.IN_KIND:
        _transaction(activity, "expenditure", entry.date, entry.amount, entry.currency,
                     entry.rate_date, label)  # fmt: skip


def _document(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def activity_file(funds: Iterable[Fund]) -> bytes:
    """The IATI activity file of the funds."""
    root = etree.Element("iati-activities", version=VERSION)
    root.set("generated-datetime", _stamp())
    for fund in funds:
        _activity(root, fund)
    return _document(root)


def organisation_file(funds: list[Fund]) -> bytes:
    """The reporting organisation's file: total budget and expenditure per year and currency."""
    root = etree.Element("iati-organisations", version=VERSION)
    root.set("generated-datetime", _stamp())
    organisation = _sub(
        root, "iati-organisation", last_updated_datetime=_stamp(), default_currency="USD"
    )
    organisation.set(XML_LANG, "en")
    _sub(organisation, "organisation-identifier", org_ref())
    _narrative(organisation, "name", org_name())
    _reporting_org(organisation)
    budgets: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    spent: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for fund in funds:
        for budget in fund.budgets.all():
            budgets[(budget.year, fund.reporting_currency)] += budget.amount
        for entry in Entry.objects.filter(fund=fund, status=EntryStatus.POSTED).exclude(
            kind=EntryKind.CASH
        ):
            spent[(entry.date.year, fund.reporting_currency)] += entry.reporting_amount
    for tag, sums in (("total-budget", budgets), ("total-expenditure", spent)):
        for (year, currency), amount in sorted(sums.items()):
            element = _sub(organisation, tag, **({"status": "2"} if tag == "total-budget" else {}))
            _sub(element, "period-start", iso_date=date(year, 1, 1).isoformat())
            _sub(element, "period-end", iso_date=date(year, 12, 31).isoformat())
            _value(element, amount, currency, date(year, 1, 1))
    return _document(root)
