"""Words inserted and deleted between two texts (pure Python, no Django)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af\u3040-\u30ff"
# Spaces, words, Chinese characters one by one, and single punctuation marks.
_PIECE = re.compile(rf"\s+|[{_CJK}]|[^\W{_CJK}]+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Segment:
    op: str
    text: str


def pieces(text: str) -> list[str]:
    return _PIECE.findall(text)


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`: equal, deleted and inserted runs of words.

    Joining the equal and deleted segments gives `old` back; equal and inserted give `new`.
    """
    a, b = pieces(old), pieces(new)
    segments: list[Segment] = []

    def add(op: str, words: list[str]) -> None:
        text = "".join(words)
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add(EQUAL, a[i1:i2])
        else:
            if i2 > i1:
                add(DELETE, a[i1:i2])
            if j2 > j1:
                add(INSERT, b[j1:j2])
    return segments
