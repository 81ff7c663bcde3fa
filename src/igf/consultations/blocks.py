"""Split a Markdown text into the blocks that become a version's paragraphs.

Pure Python, no Django. A block is what a reader cites: a paragraph, a heading, a whole list,
a whole table, a quotation, a code block, a footnote. Blank lines separate blocks; a heading
is a block of its own even without blank lines around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST = "list"
TABLE = "table"
QUOTE = "quote"
CODE = "code"
NOTE = "note"

# Kinds that carry no paragraph number (as in UN documents: headings and notes are not cited).
UNNUMBERED = frozenset({HEADING, NOTE})

_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_SETEXT = re.compile(r"^(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^[ ]{0,3}([-*+]|\d{1,9}[.)])[ \t]+")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_NOTE = re.compile(r"^<sup>\d{1,4}</sup>")
# Control characters other than tab and newline have no place in a text; NUL breaks databases.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    text: str
    level: int = 0

    @property
    def numbered(self) -> bool:
        return self.kind not in UNNUMBERED


def clean_text(text: str) -> str:
    """Line endings made Unix, control characters removed, trailing spaces kept (line breaks)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _kind_of(lines: list[str]) -> tuple[str, int]:
    first = lines[0]
    if len(lines) >= 2 and "|" in first and _TABLE_RULE.match(lines[1]):
        return TABLE, 0
    if _LIST_ITEM.match(first):
        return LIST, 0
    if first.lstrip().startswith(">"):
        return QUOTE, 0
    if _NOTE.match(first.strip()):
        return NOTE, 0
    return PARAGRAPH, 0


def split_blocks(markdown: str) -> list[Block]:
    """The blocks of a Markdown text, in order. Joining their texts with blank lines gives
    back an equivalent Markdown text (`join_blocks`)."""
    blocks: list[Block] = []
    current: list[str] = []

    def flush() -> None:
        if current and any(line.strip() for line in current):
            kind, level = _kind_of(current)
            blocks.append(Block(kind, "\n".join(current).strip("\n").rstrip(), level))
        current.clear()

    lines = clean_text(markdown).split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence and not current:
            marker = fence.group(1)
            code = [line]
            index += 1
            while index < len(lines):
                code.append(lines[index])
                if lines[index].strip().startswith(marker[0] * len(marker)):
                    break
                index += 1
            blocks.append(Block(CODE, "\n".join(code).rstrip()))
            index += 1
            continue
        heading = _ATX.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            blocks.append(Block(HEADING, f"{'#' * level} {heading.group(2).strip()}", level))
        elif not line.strip():
            flush()
        elif (
            _SETEXT.match(line)
            and len(current) == 1
            and not _LIST_ITEM.match(current[0])
            and "|" not in current[0]
        ):
            level = 1 if line.strip().startswith("=") else 2
            blocks.append(Block(HEADING, f"{'#' * level} {current[0].strip()}", level))
            current.clear()
        else:
            current.append(line)
        index += 1
    flush()
    return blocks


def join_blocks(texts: list[str]) -> str:
    """The Markdown text of a version made of these blocks."""
    return "\n\n".join(text.strip("\n") for text in texts) + ("\n" if texts else "")


def plain_text(markdown: str) -> str:
    """A block's words without Markdown marks: for quoting passages and for matching."""
    text = re.sub(r"<[^>]{0,200}>", "", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^[ ]{0,3}(#{1,6}|>|[-*+]|\d{1,9}[.)])[ \t]+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`~|]+", "", text)
    return " ".join(text.split())
