"""Markdown is rendered and sanitised: script injection never reaches a page."""

from __future__ import annotations

import pytest

from igf.core.markdown import render_markdown

# A corpus of payloads (ASVS V1; security-targets E2) in the places Markdown lets them hide.
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="#" onclick="alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    "<object data=x></object>",
    "<embed src=x>",
    '<form action="https://evil.example"><button>go</button></form>',
    '<input autofocus onfocus="alert(1)">',
    '<details open ontoggle="alert(1)">',
    '<body onload="alert(1)">',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    '"><script>alert(1)</script>',
    "<<script>alert(1)//<</script>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "\u202e<script>alert(1)</script>",
    "`<script>alert(1)</script>`",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_markdown_neutralises_script_injection(payload: str) -> None:
    html = render_markdown(f"Some text\n\n{payload}\n\nmore").lower()
    for dangerous in (
        "<script", "javascript:", "vbscript:", "data:text", "onerror", "onload", "onclick",
        "onfocus", "ontoggle", "<iframe", "<object", "<embed", "<form", "<style", "style=",
        "<meta", "<base", "<link", "<svg", "<input", "<img",
    ):  # fmt: skip
        assert dangerous not in html, (payload, html)


def test_markdown_keeps_formatting_links_and_tables() -> None:
    html = render_markdown(
        "# Title\n\nSome **bold** and [a link](https://example.org).\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<h2>Title</h2>" in html
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer ugc">a link</a>' in html
    assert "<table>" in html
    assert "<td>1</td>" in html


def test_markdown_of_nothing_is_empty() -> None:
    assert render_markdown("") == ""
