"""The public ledger: the page of a fund's year, its CSV and JSON, and the IATI files that
validate against the standard's schemas (../shared/data/iati, read-only)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client
from lxml import etree  # type: ignore[import-untyped]
from moneyed import Money

from igf.core.enums import StakeholderGroup
from igf.funding import iati, services
from igf.funding.enums import EntryKind
from igf.funding.models import Budget, Entry, Fund
from tests.factories import country
from tests.funding.factories import contribute, finance_user, make_donor, make_fund, spend

pytestmark = pytest.mark.django_db
IATI = Path(__file__).resolve().parents[3] / "shared" / "data" / "iati"


def _ledger() -> Fund:
    clerk = finance_user()
    fund = make_fund()
    norway = make_donor("Norad", StakeholderGroup.GOVERNMENT, "NO")
    norway.iati_ref = "NO-BRC-971277882"
    norway.save()
    company = make_donor("Example Telecom", StakeholderGroup.PRIVATE_SECTOR, "JP")
    contribute(clerk, fund, norway, "1000", "EUR", "1.1", on=dt.date(2024, 2, 1))
    contribute(clerk, fund, company, "100000", "JPY", "0.0067", on=dt.date(2025, 2, 1))
    contribute(clerk, fund, company, "250", kind=EntryKind.IN_KIND, on=dt.date(2025, 3, 1))
    services.record_entry(
        by=clerk,
        fund=fund,
        kind=EntryKind.CASH,
        on=dt.date(2025, 4, 1),
        amount=Money("500", "USD"),
        rate=Decimal(1),
        rate_date=dt.date(2025, 4, 1),
        description="Host country contribution",
        host_country=country("NO"),
    )
    spend(clerk, fund, "300", "staff", on=dt.date(2025, 5, 1))
    travel = spend(clerk, fund, "120", "travel", on=dt.date(2025, 6, 1))
    Entry.objects.filter(pk=travel.pk).update(recipient_country="KE")
    services.record_pledge(
        by=clerk, fund=fund, donor=norway, amount=Money("2000", "EUR"), on=dt.date(2023, 12, 1)
    )
    services.record_agreement(
        by=clerk,
        fund=fund,
        donor=norway,
        reference="TF-2024-01",
        amount=Money("2000", "EUR"),
        signed=dt.date(2024, 1, 10),
    )
    Budget.objects.create(fund=fund, year=2025, amount=Decimal(1500))
    return fund


def test_year_page_shows_donors_groups_categories_and_balance(client: Client) -> None:
    fund = _ledger()
    html = client.get("/funding/trust-fund/2025/").content.decode()
    assert "Example Telecom" in html
    assert "Balance at the end of the year" in html
    # 2024: 1,100.00 in; 2025: 670 + 500 cash in, 420 out, in-kind 250 in and used.
    assert "<dd>1100.00</dd>" in html
    assert "<dd>1850.00</dd>" in html
    assert "Host country contributions" in html
    assert "Travel support" in html
    assert 'class="funding-chart"' in html
    assert fund.name in html


def test_json_and_csv_give_the_same_figures(client: Client) -> None:
    _ledger()
    data = client.get("/funding/trust-fund/2025.json").json()
    assert (data["opening_balance"], data["closing_balance"]) == ("1100.00", "1850.00")
    assert data["donors"][0] == {
        "name": "Example Telecom",
        "stakeholder_group": "Private sector",
        "country": "Japan",
        "cash": "670.00",
        "in_kind": "250.00",
    }
    assert {row["group"]: row["amount"] for row in data["by_stakeholder_group"]} == {
        "private_sector": "920.00",
        "government": "500.00",
    }
    rows = list(
        csv.DictReader(io.StringIO(client.get("/funding/trust-fund/2025.csv").content.decode()))
    )
    assert [(r["amount"], r["currency"], r["rate"], r["reported_amount"]) for r in rows[:1]] == [
        (
            "100000.00",
            "JPY",
            "0.00670000",
            "670.00",
        )
    ]


def test_year_without_entries_is_not_found(client: Client) -> None:
    _ledger()
    assert client.get("/funding/trust-fund/2019/").status_code == 404


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(IATI / name)))


def test_iati_activity_file_validates_against_the_2_03_schema(client: Client) -> None:
    _ledger()
    response = client.get("/funding/trust-fund/iati-activity.xml")
    document = etree.fromstring(response.content)
    schema = _schema("iati-activities-schema.xsd")
    assert schema.validate(document), schema.error_log
    types = [t.get("code") for t in document.iter("transaction-type")]
    assert sorted(set(types)) == ["1", "11", "13", "3", "4"]
    disbursement = document.xpath("//transaction[transaction-type/@code='3']")[0]
    assert disbursement.find("recipient-country").get("code") == "KE"
    assert disbursement.find("value").text == "120.00"
    assert document.xpath("//participating-org[@role='1']/@ref") == ["NO-BRC-971277882"]


def test_iati_organisation_file_validates_against_the_2_03_schema(client: Client) -> None:
    _ledger()
    document = etree.fromstring(client.get("/funding/iati/organisation.xml").content)
    schema = _schema("iati-organisations-schema.xsd")
    assert schema.validate(document), schema.error_log
    assert document.findtext(".//total-budget/value") == "1500.00"
    # 2025: 300 staff + 120 travel + 250 in kind used.
    assert document.xpath(
        "//total-expenditure[period-start/@iso-date='2025-01-01']/value/text()"
    ) == ["670.00"]


def test_iati_index_lists_the_files_and_the_page_links_them(client: Client) -> None:
    _ledger()
    html = client.get("/funding/iati/").content.decode()
    assert "/funding/iati/organisation.xml" in html
    assert "/funding/trust-fund/iati-activity.xml" in html
    assert (
        "/funding/trust-fund/iati-activity.xml"
        in client.get("/funding/trust-fund/").content.decode()
    )
    assert iati.org_ref() == "XI-IATI-IGF"


def test_api_publishes_funds_the_year_and_the_iati_files(client: Client) -> None:
    _ledger()
    assert client.get("/api/v1/funding/funds").json() == [
        {
            "slug": "trust-fund",
            "name": "IGF Trust Fund",
            "kind": "trust_fund",
            "reporting_currency": "USD",
            "years": [2024, 2025],
            "iati_identifier": "XI-IATI-IGF-trust-fund",
        }
    ]
    year = client.get("/api/v1/funding/funds/trust-fund/2025").json()
    assert year["closing_balance"] == "1850.00"
    assert client.get("/api/v1/funding/funds/trust-fund/2019").status_code == 404
    assert client.get("/api/v1/funding/funds/nothing/2025").status_code == 404
    activity = etree.fromstring(client.get("/api/v1/funding/iati/trust-fund.xml").content)
    assert _schema("iati-activities-schema.xsd").validate(activity)
    assert client.get("/api/v1/funding/iati/nothing.xml").status_code == 404
    organisation = etree.fromstring(client.get("/api/v1/funding/iati/organisation.xml").content)
    assert _schema("iati-organisations-schema.xsd").validate(organisation)
