"""Word-level differences between two texts, for "what changed" pages (no colour alone)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["same", "inserted", "deleted"]
_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True, slots=True)
class Chunk:
    kind: Kind
    text: str

    @property
    def is_inserted(self) -> bool:
        return self.kind == "inserted"

    @property
    def is_deleted(self) -> bool:
        return self.kind == "deleted"


def word_diff(old: str, new: str) -> list[Chunk]:
    """Chunks of unchanged, inserted and deleted text that turn `old` into `new`."""
    a = _TOKENS.findall(old)
    b = _TOKENS.findall(new)
    chunks: list[Chunk] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            chunks.append(Chunk("same", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            chunks.append(Chunk("deleted", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            chunks.append(Chunk("inserted", "".join(b[j1:j2])))
    return chunks


def changed(chunks: list[Chunk]) -> bool:
    return any(chunk.kind != "same" for chunk in chunks)
