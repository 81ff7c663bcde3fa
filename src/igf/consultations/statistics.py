"""Who commented in a period, in aggregate: by stakeholder group, region and gender, and the
paragraphs most commented. Categories with fewer than five comments are not shown as
numbers (nor drawn), so no small group of commenters can be singled out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString

from igf.core.balance import BalanceSubject, Dimension, DimensionBalance, measure_balance
from igf.core.enums import Gender, RegionGroup, StakeholderGroup

SUPPRESS_BELOW = 5
BAR_WIDTH = 300
BAR_HEIGHT = 18
COLOUR = "#0b5394"


@dataclass(frozen=True)
class Row:
    category: str
    count: int
    share: float

    @property
    def suppressed(self) -> bool:
        return 0 < self.count < SUPPRESS_BELOW


def subjects(comments: Iterable[object]) -> list[BalanceSubject]:
    """One subject per comment: the group and country it was posted with; gender only with
    the commenter's consent to be counted."""
    result = []
    for comment in comments:
        country = getattr(comment, "country", None)
        author = getattr(comment, "author", None)
        consented = bool(getattr(author, "counted_in_balance", False))
        gender = getattr(author, "gender", "") or None
        if gender == Gender.PREFER_NOT_TO_SAY:
            gender = None
        result.append(
            BalanceSubject(
                stakeholder_group=getattr(comment, "stakeholder_group", "") or None,
                region=(country.statistical_region or None) if country is not None else None,
                gender=gender if consented else None,
                developing=country.developing if country is not None else None,
            )
        )
    return result


def dimensions(comments: Iterable[object]) -> list[DimensionBalance]:
    report = measure_balance(
        subjects(comments),
        dimensions=(Dimension.STAKEHOLDER_GROUP, Dimension.REGION, Dimension.GENDER),
        categories={
            Dimension.STAKEHOLDER_GROUP: StakeholderGroup.values,
            Dimension.REGION: RegionGroup.values,
        },
    )
    return list(report.dimensions)


def rows(dimension: DimensionBalance) -> list[Row]:
    return [Row(c.category, c.count, c.share) for c in dimension.categories]


def bar(count: int, largest: int) -> SafeString:
    """One horizontal bar (decorative: the table beside it carries the number)."""
    if count < SUPPRESS_BELOW or largest <= 0:
        return SafeString("")
    width = max(1.0, BAR_WIDTH * count / largest)
    return format_html(
        '<svg class="consultations-bar" viewBox="0 0 {} {}" aria-hidden="true" focusable="false">'
        '<rect x="0" y="2" width="{}" height="{}" fill="{}"/></svg>',
        BAR_WIDTH,
        BAR_HEIGHT,
        f"{width:.1f}",
        BAR_HEIGHT - 4,
        COLOUR,
    )


def bars(values: Iterable[int]) -> list[SafeString]:
    numbers = list(values)
    largest = max(numbers, default=0)
    return [bar(n, largest) for n in numbers]
