"""Page weight as a browser receives it: the page and what it references (stylesheets,
scripts, images, icons, and the images and fonts its stylesheets use: for each font face the
first source, the one a current browser takes), each fetched with `Accept-Encoding: br, gzip`
and counted in bytes as the server sent them (compressed when the server compresses)."""

from __future__ import annotations

import gzip
import re
import urllib.parse
import urllib.request
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import brotli  # type: ignore[import-untyped]

HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "br, gzip",
    "Accept-Language": "en",
}
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.IGNORECASE)
URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", re.IGNORECASE)
IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]([^'\"]+)['\"]", re.IGNORECASE)


@dataclass
class Weight:
    html: int = 0
    css: int = 0
    js: int = 0
    images: int = 0
    fonts: int = 0
    data: int = 0
    html_raw: int = 0
    files: list[tuple[str, int, str]] = field(default_factory=list)  # url, bytes, encoding

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.images + self.fonts + self.data


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []  # kind, address

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        rel = set(values.get("rel", "").lower().split())
        if tag == "link" and values.get("href"):
            if "stylesheet" in rel:
                self.found.append(("css", values["href"]))
            elif rel & {"icon", "shortcut", "apple-touch-icon"}:
                self.found.append(("images", values["href"]))
            elif rel & {"modulepreload"}:
                self.found.append(("js", values["href"]))
        elif tag == "script" and values.get("src"):
            self.found.append(("js", values["src"]))
        elif tag == "img" and values.get("src") and not values["src"].startswith("data:"):
            self.found.append(("images", values["src"]))


def _fetch(url: str) -> tuple[bytes, str, str]:
    """The body as sent, its content encoding, and its content type."""
    request = urllib.request.Request(url, headers=HEADERS)
    with urllib.request.urlopen(request, timeout=120) as response:
        return (
            response.read(),
            response.headers.get("Content-Encoding", ""),
            response.headers.get("Content-Type", ""),
        )


def _decoded(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return bytes(brotli.decompress(body))
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "deflate":
        return zlib.decompress(body)
    return body


def _css_references(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = [("css", m.group(1)) for m in IMPORT.finditer(text)]
    faces = list(FONT_FACE.finditer(text))
    for face in faces:
        first = URL.search(face.group(1))
        if first:
            found.append(("fonts", first.group(1)))
    rest = FONT_FACE.sub("", text)
    found.extend(
        ("images", m.group(1))
        for m in URL.finditer(rest)
        if not m.group(1).startswith(("data:", "#"))
    )
    return found


def page_weight(url: str, extra: Iterable[str] = ()) -> Weight:
    """The weight of the page at `url` and what it references; `extra` are addresses its
    scripts fetch (counted as data)."""
    weight = Weight()
    body, encoding, _type = _fetch(url)
    weight.html = len(body)
    html = _decoded(body, encoding).decode("utf-8", errors="replace")
    weight.html_raw = len(html.encode())
    weight.files.append((url, len(body), encoding))
    parser = _Links()
    parser.feed(html)
    queue = [(kind, urllib.parse.urljoin(url, ref)) for kind, ref in parser.found]
    queue.extend(("data", urllib.parse.urljoin(url, ref)) for ref in extra)
    seen: set[str] = {url}
    while queue:
        kind, address = queue.pop(0)
        address = address.split("#", 1)[0]
        if address in seen or not address.startswith(("http://", "https://")):
            continue
        seen.add(address)
        body, encoding, _type = _fetch(address)
        setattr(weight, kind, getattr(weight, kind) + len(body))
        weight.files.append((address, len(body), encoding))
        if kind == "css":
            text = _decoded(body, encoding).decode("utf-8", errors="replace")
            queue.extend(
                (child, urllib.parse.urljoin(address, ref)) for child, ref in _css_references(text)
            )
    return weight
