"""Text that comes from people: what may not be in a name.

Bidirectional control characters (U+202A-U+202E embeddings and overrides, U+2066-U+2069
isolates, the directional marks) let a name display as something else: "\u202egnp.exe" reads
as "exe.png", and a name can pose as another person's or spill its direction into the
sentence around it. Names are stripped of them; longer texts keep them (a participant
writing Arabic and English may need a mark) and are isolated where they are shown
(`dir="auto"` on their container, `<bdi>` inside sentences), which ends any embedding at the
text's own edge.
"""

from __future__ import annotations

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_STRIP = {ord(char): None for char in BIDI_CONTROLS}


def without_bidi_controls(text: str) -> str:
    """`text` without any bidirectional control character."""
    return text.translate(_STRIP)
