"""The difference between two versions of a document, paragraph by paragraph.

Paragraphs are aligned by identity (their key), so an edited paragraph is compared with its
own earlier text wherever it moved; inside a paragraph, inserted and deleted words are
marked (pages mark them with <ins>/<del> and words for screen readers, never colour alone).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from igf.consultations.models import Paragraph
from igf.consultations.wordiff import EQUAL, Segment, word_diff

UNCHANGED = "unchanged"
CHANGED = "changed"
MOVED = "moved"
INSERTED = "inserted"
DELETED = "deleted"


@dataclass
class ParagraphChange:
    status: str
    old: Paragraph | None
    new: Paragraph | None
    segments: list[Segment] = field(default_factory=list)
    # Labels of the earlier paragraphs a new one was split from or merged out of.
    origins: list[str] = field(default_factory=list)
    edited: bool = False

    @property
    def is_unchanged(self) -> bool:
        return self.status == UNCHANGED

    @property
    def is_changed(self) -> bool:
        return self.status == CHANGED

    @property
    def is_moved(self) -> bool:
        return self.status == MOVED

    @property
    def is_inserted(self) -> bool:
        return self.status == INSERTED

    @property
    def is_deleted(self) -> bool:
        return self.status == DELETED

    @property
    def paragraph(self) -> Paragraph:
        paragraph = self.new or self.old
        assert paragraph is not None  # noqa: S101 - a change has at least one side
        return paragraph


@dataclass(frozen=True)
class DiffSummary:
    unchanged: int
    changed: int
    moved: int
    inserted: int
    deleted: int


def compare(old: list[Paragraph], new: list[Paragraph]) -> list[ParagraphChange]:
    """Changes in reading order of the new version; deleted paragraphs where they were."""
    old_by_key = {p.key: p for p in old}
    new_keys = {p.key for p in new}
    old_label = {p.key: p.label for p in old}
    changes: list[ParagraphChange] = []

    def pair(before: Paragraph, after: Paragraph, status: str) -> ParagraphChange:
        edited = before.text != after.text
        segments = word_diff(before.text, after.text) if edited else []
        if status == UNCHANGED and edited:
            status = CHANGED
        return ParagraphChange(status, before, after, segments, edited=edited)

    matcher = SequenceMatcher(None, [p.key for p in old], [p.key for p in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes.extend(
                pair(old[i], new[j], UNCHANGED)
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        for i in range(i1, i2):
            if old[i].key not in new_keys:
                changes.append(ParagraphChange(DELETED, old[i], None))
        for j in range(j1, j2):
            paragraph = new[j]
            before = old_by_key.get(paragraph.key)
            if before is not None:
                changes.append(pair(before, paragraph, MOVED))
            else:
                origins = [old_label[k] for k in paragraph.origins if k in old_label]
                changes.append(ParagraphChange(INSERTED, None, paragraph, origins=origins))
    return changes


def summarise(changes: list[ParagraphChange]) -> DiffSummary:
    count = dict.fromkeys((UNCHANGED, CHANGED, MOVED, INSERTED, DELETED), 0)
    for change in changes:
        count[change.status] += 1
    return DiffSummary(
        unchanged=count[UNCHANGED],
        changed=count[CHANGED],
        moved=count[MOVED],
        inserted=count[INSERTED],
        deleted=count[DELETED],
    )


def has_changes(segments: list[Segment]) -> bool:
    return any(segment.op != EQUAL for segment in segments)
