"""The opinion map as an inline SVG, drawn on the server (no JavaScript, a few KB).

Each dot is a base cluster (a handful of nearby participants), sized by how many it holds
and coloured by opinion group; the group's letter sits at its centre; the viewer's own
place is a ringed dot. Individual participants are never drawn.
"""

from __future__ import annotations

import math
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from igf.core.charts import PALETTE, UNKNOWN_COLOUR
from igf.opinions.phrases import group_letter

WIDTH = 400
HEIGHT = 300
PAD = 24


def _scale(bounds: list[float], viewer: dict[str, Any] | None) -> tuple[Any, Any]:
    xmin, xmax, ymin, ymax = bounds
    if viewer is not None:
        xmin, xmax = min(xmin, viewer["x"]), max(xmax, viewer["x"])
        ymin, ymax = min(ymin, viewer["y"]), max(ymax, viewer["y"])
    span = max(xmax - xmin, ymax - ymin, 1e-9)
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    factor = min(WIDTH, HEIGHT) - 2 * PAD

    def sx(x: float) -> float:
        return WIDTH / 2 + (x - cx) / span * factor

    def sy(y: float) -> float:
        return HEIGHT / 2 - (y - cy) / span * factor

    return sx, sy


def opinion_map_svg(
    summary: dict[str, Any], viewer: dict[str, Any] | None, *, title_id: str = "map-title"
) -> SafeString:
    """The map; its text alternative (groups and sizes) is the table beside it."""
    clusters = summary.get("base_clusters", [])
    bounds = summary.get("bounds") or [0.0, 1.0, 0.0, 1.0]
    sx, sy = _scale(bounds, viewer)
    largest = max((c["size"] for c in clusters), default=1) or 1
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="{}" fill="{}" fill-opacity="0.75"/>',
        (
            (
                f"{sx(c['x']):.1f}",
                f"{sy(c['y']):.1f}",
                f"{3 + 11 * math.sqrt(c['size'] / largest):.1f}",
                PALETTE[c["group"] % len(PALETTE)] if c["group"] >= 0 else UNKNOWN_COLOUR,
            )
            for c in clusters
        ),
    )
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" class="map-group">{}</text>',
        (
            (f"{sx(g['x']):.1f}", f"{sy(g['y']):.1f}", group_letter(g["id"]))
            for g in summary.get("groups", [])
        ),
    )
    you = SafeString("")
    if viewer is not None:
        x, y = sx(viewer["x"]), sy(viewer["y"])
        you = format_html(
            '<circle cx="{0}" cy="{1}" r="7" fill="#fff" stroke="#000" stroke-width="3"/>'
            '<circle cx="{0}" cy="{1}" r="2.5" fill="#000"/>'
            '<text x="{2}" y="{3}" class="map-you">{4}</text>',
            f"{x:.1f}",
            f"{y:.1f}",
            f"{x + 10:.1f}",
            f"{y - 8:.1f}",
            _("You"),
        )
    return format_html(
        '<svg class="opinion-map" viewBox="0 0 {} {}" role="img" aria-labelledby="{}">'
        '<rect width="100%" height="100%" fill="#f7f8fa"/>'
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#c9ced6"/>'
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#c9ced6"/>'
        "{}{}{}</svg>",
        WIDTH,
        HEIGHT,
        title_id,
        PAD,
        WIDTH - PAD,
        HEIGHT / 2,
        HEIGHT / 2,
        WIDTH / 2,
        WIDTH / 2,
        PAD,
        HEIGHT - PAD,
        dots,
        labels,
        you,
    )
