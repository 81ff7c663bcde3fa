"""Small inline SVG charts, drawn on the server: no JavaScript, a few hundred bytes each."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from igf.core.balance import UNKNOWN, DimensionBalance

# Eight colours that keep 3:1 contrast with white and differ for common colour blindness
# (Okabe-Ito, darkened); "unknown" is always the light grey.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9", "#000000", "#e69f00")
UNKNOWN_COLOUR = "#bdbdbd"
WIDTH = 300
HEIGHT = 20


def balance_bar(dimension: DimensionBalance) -> SafeString:
    """One stacked bar of a dimension's shares, with target floors marked as ticks.

    The bar is decorative (aria-hidden): the table next to it carries the same figures.
    """
    segments = []
    ticks = []
    x = 0.0
    for index, row in enumerate(dimension.categories):
        width = row.share * WIDTH
        colour = UNKNOWN_COLOUR if row.category == UNKNOWN else PALETTE[index % len(PALETTE)]
        if width > 0:
            segments.append((f"{x:.1f}", f"{width:.1f}", colour))
        if row.target is not None and row.target.minimum:
            ticks.append((f"{x + row.target.minimum * WIDTH:.1f}",))
        x += width
    rects = format_html_join(
        "",
        '<rect x="{}" y="0" width="{}" height="' + str(HEIGHT) + '" fill="{}" stroke="#fff"/>',
        segments,
    )
    marks = format_html_join(
        "",
        '<line x1="{0}" x2="{0}" y1="0" y2="' + str(HEIGHT) + '" stroke="#000" stroke-width="2"/>',
        ticks,
    )
    return format_html(
        '<svg class="balance-bar" viewBox="0 0 {} {}" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false">{}{}</svg>',
        WIDTH,
        HEIGHT,
        rects,
        marks,
    )
