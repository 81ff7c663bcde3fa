"""Markdown for long texts: rendered, then sanitised with an allow-list (nh3/ammonia).

Everything a person writes in Markdown reaches a page only through `render_markdown`, so
script injection is neutralised in one place (tested in tests/core/test_markdown.py).
"""

from __future__ import annotations

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
        "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "strong", "sub", "sup", "table",
        "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"align"},
    "th": {"align", "scope"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


def render_markdown(text: str) -> SafeString:
    """Render Markdown to HTML that is safe to put in a page.

    Raw HTML in the source is escaped by the sanitiser unless it is on the allow-list;
    links get rel="nofollow noopener noreferrer ugc"; headings start at level 2 so a text
    never competes with the page's own <h1>.
    """
    html = markdown_lib.markdown(
        text or "",
        extensions=["tables", "sane_lists", "fenced_code", "nl2br"],
        output_format="html",
    )
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
