"""A compilation as readers see it: sections of points, each with a numbered footnote naming
the contributions behind it, as in a UN compilation by the chair."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from igf.consultations.blocks import join_blocks
from igf.consultations.models import Compilation, CompilationPoint, Contribution

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    result = []
    for value, letters in _ROMAN:
        while number >= value:
            result.append(letters)
            number -= value
    return "".join(result)


def contributor_label(contribution: Contribution) -> str:
    """How a contribution is named in public: the organisation, else the person; never the
    name behind a confidential contribution."""
    if contribution.confidential:
        return _("a contributor who asked for confidentiality")
    if contribution.on_behalf_of_id is not None and contribution.on_behalf_of is not None:
        return contribution.on_behalf_of.name
    return contribution.contributor.public_name


@dataclass
class CompiledPoint:
    point: CompilationPoint
    note: int | None
    contributors: list[str]


@dataclass
class CompiledSection:
    number: str
    title: str
    points: list[CompiledPoint] = field(default_factory=list)


def compiled_sections(compilation: Compilation) -> list[CompiledSection]:
    """Sections in questionnaire order with their points; footnotes numbered across all."""
    contributions = Contribution.objects.select_related("contributor", "on_behalf_of").order_by(
        "number"
    )
    points = (
        compilation.points.select_related("section")
        .prefetch_related(Prefetch("contributions", queryset=contributions))
        .order_by("section__position", "position", "pk")
    )
    sections: dict[int, CompiledSection] = {
        s.pk: CompiledSection(roman(s.position), s.title)
        for s in compilation.questionnaire.sections.order_by("position")
    }
    note = 0
    for point in points:
        cited = list(point.contributions.all())
        labels = list(dict.fromkeys(contributor_label(c) for c in cited))
        number = None
        if labels:
            note += 1
            number = note
        sections[point.section_id].points.append(CompiledPoint(point, number, labels))
    return [section for section in sections.values() if section.points]


def compilation_markdown(compilation: Compilation) -> str:
    """The compilation as a Markdown text, for a document that goes out for comment."""
    parts: list[str] = []
    if compilation.introduction.strip():
        parts.append(compilation.introduction.strip())
    notes: list[str] = []
    for section in compiled_sections(compilation):
        parts.append(f"## {section.number}. {section.title}".rstrip())
        for item in section.points:
            text = item.point.text.strip()
            if item.note is not None:
                text = f"{text}<sup>{item.note}</sup>"
                notes.append(f"<sup>{item.note}</sup> {'; '.join(item.contributors)}.")
            parts.append(text)
    if notes:
        parts.append(f"## {_('Notes')}")
        parts.extend(notes)
    return join_blocks(parts)
