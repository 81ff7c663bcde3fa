"""The funding pages' inline SVG charts, drawn on the server (no JavaScript). Decorative
(aria-hidden): the table beside each chart carries the same figures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from igf.core.charts import PALETTE

WIDTH = 300
HEIGHT = 120
BAR_HEIGHT = 14


def trend_chart(points: Sequence[tuple[int, Decimal, Decimal]]) -> SafeString:
    """Pairs of columns per year: contributions (first colour) and what was spent (second),
    on one scale, with the year under each pair."""
    if not points:
        return SafeString("")
    top = max(max(c, s) for _, c, s in points) or Decimal(1)
    slot = WIDTH / len(points)
    column = min(slot / 3, 40.0)
    plot = HEIGHT - 16
    bars = []
    labels = []
    for index, (year, contributions, spent) in enumerate(points):
        x = index * slot + (slot - 2 * column) / 2
        for offset, value, colour in (
            (0.0, contributions, PALETTE[0]),
            (column, spent, PALETTE[1]),
        ):
            height = float(value / top) * plot if value > 0 else 0.0
            bars.append(
                (
                    f"{x + offset:.1f}",
                    f"{plot - height:.1f}",
                    f"{column:.1f}",
                    f"{height:.1f}",
                    colour,
                )
            )
        labels.append((f"{x + column:.1f}", HEIGHT - 3, year))
    return format_html(
        '<svg class="funding-chart" viewBox="0 0 {} {}" aria-hidden="true" focusable="false">'
        "{}{}</svg>",
        WIDTH,
        HEIGHT,
        format_html_join("", '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>', bars),
        format_html_join(
            "", '<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>', labels
        ),
    )


def share_bar(shares: Sequence[float]) -> SafeString:
    """One stacked bar of shares (0..1), in the palette's order."""
    x = 0.0
    rects = []
    for index, share in enumerate(shares):
        width = share * WIDTH
        if width > 0:
            rects.append((f"{x:.1f}", f"{width:.1f}", PALETTE[index % len(PALETTE)]))
        x += width
    return format_html(
        '<svg class="balance-bar" viewBox="0 0 {} {}" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false">{}</svg>',
        WIDTH,
        BAR_HEIGHT,
        format_html_join(
            "",
            '<rect x="{}" y="0" width="{}" height="'
            + str(BAR_HEIGHT)
            + '" fill="{}" stroke="#fff"/>',
            rects,
        ),
    )
