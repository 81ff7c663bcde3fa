"""A version as .docx, PDF and HTML; a comment-resolution table as CSV and .docx.

Every export starts from the same sanitised HTML the pages show (igf.core.markdown), so
nothing reaches a file that could not reach a page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language_bidi, override
from django.utils.translation import gettext as _
from lxml import html as lxml_html  # type: ignore[import-untyped]

from igf.consultations.enums import BlockKind
from igf.consultations.models import Comment, CommentPeriod, Paragraph, Translation, Version
from igf.core import formats
from igf.core.csvfile import write_csv
from igf.core.markdown import render_markdown

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})


@dataclass(frozen=True)
class ExportParagraph:
    number: int | None
    key: str
    kind: str
    html: str

    @property
    def is_note(self) -> bool:
        return self.kind == BlockKind.NOTE


def export_paragraphs(
    paragraphs: Iterable[Paragraph], translated: dict[int, str] | None = None
) -> list[ExportParagraph]:
    """Paragraphs as sanitised HTML; a translation's text where there is one."""
    result = []
    for paragraph in paragraphs:
        text = paragraph.text
        if translated is not None:
            text = translated.get(paragraph.pk) or ""
        result.append(
            ExportParagraph(paragraph.number, paragraph.key, paragraph.kind, render_markdown(text))
        )
    return result


def _context(
    version: Version,
    paragraphs: list[ExportParagraph],
    language: str,
    translation: Translation | None,
) -> dict[str, Any]:
    return {
        "version": version,
        "document": version.document,
        "paragraphs": paragraphs,
        "language": language,
        "rtl": language in RTL_LANGUAGES,
        "translation": translation,
        "exported": timezone.now(),
    }


def version_html(
    version: Version,
    paragraphs: list[ExportParagraph],
    *,
    language: str,
    translation: Translation | None = None,
    for_pdf: bool = False,
) -> str:
    """A self-contained HTML file of the version: styles inline, no scripts, no links out."""
    with override(language):
        return render_to_string(
            "consultations/export/version.html",
            {**_context(version, paragraphs, language, translation), "for_pdf": for_pdf},
        )


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Exports never load anything from outside: no images, fonts or styles by URL.
    raise ValueError(f"external resources are not loaded in exports: {url[:60]}")


def version_pdf(
    version: Version,
    paragraphs: list[ExportParagraph],
    *,
    language: str,
    translation: Translation | None = None,
) -> bytes:
    """A PDF with paragraph numbers in the margin, right to left for Arabic (WeasyPrint)."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # noqa: PLC0415

    page = version_html(
        version, paragraphs, language=language, translation=translation, for_pdf=True
    )
    pdf = HTML(string=page, url_fetcher=_no_fetching).write_pdf()
    return bytes(pdf or b"")


# --- .docx ------------------------------------------------------------------------------------


def _set_rtl(paragraph: Any) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    ppr = paragraph._p.get_or_add_pPr()
    bidi = OxmlElement("w:bidi")
    bidi.set(qn("w:val"), "1")
    ppr.append(bidi)
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        rtl = OxmlElement("w:rtl")
        rtl.set(qn("w:val"), "1")
        rpr.append(rtl)


class _DocxWriter:
    """Sanitised HTML (from igf.core.markdown) written into a python-docx document."""

    def __init__(self, document: Any, *, rtl: bool) -> None:
        self.document = document
        self.rtl = rtl

    def _runs(self, paragraph: Any, element: Any, style: frozenset[str] = frozenset()) -> None:
        if element.text:
            self._run(paragraph, element.text, style)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "br":
                paragraph.add_run().add_break()
            else:
                inner = style | {{"strong": "b", "b": "b", "em": "i", "i": "i"}.get(tag, tag)}
                self._runs(paragraph, child, frozenset(inner))
                if tag == "a" and child.get("href") and child.get("href") != child.text_content():
                    self._run(paragraph, f" ({child.get('href')})", style)
            if child.tail:
                self._run(paragraph, child.tail, style)

    def _run(self, paragraph: Any, text: str, style: frozenset[str]) -> None:
        run = paragraph.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None
        if "sup" in style:
            run.font.superscript = True
        if "sub" in style:
            run.font.subscript = True
        if "del" in style:
            run.font.strike = True
        if "code" in style:
            run.font.name = "Courier New"

    def _paragraph(self, style: str | None = None, prefix: str = "") -> Any:
        paragraph = self.document.add_paragraph(style=style)
        if prefix:
            paragraph.add_run(prefix)
        return paragraph

    def _finish(self, paragraph: Any) -> None:
        if self.rtl:
            _set_rtl(paragraph)

    def _number_line(self, prefix: str) -> str:
        """Lists and tables get their paragraph number on a line of its own."""
        if prefix:
            self._finish(self._paragraph(prefix=prefix.strip()))
        return ""

    def _list(self, element: Any, prefix: str) -> str:
        prefix = self._number_line(prefix)
        style = "List Number" if element.tag == "ol" else "List Bullet"
        for item in element.iter("li"):
            paragraph = self._paragraph(style=style)
            self._runs(paragraph, item)
            self._finish(paragraph)
        return prefix

    def _table(self, element: Any, prefix: str) -> str:
        prefix = self._number_line(prefix)
        rows = list(element.iter("tr"))
        width = max((len(row.findall("./*")) for row in rows), default=0)
        if not rows or not width:
            return prefix
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.findall("./*")):
                bold = frozenset({"b"}) if cell.tag == "th" else frozenset()
                self._runs(table.cell(r, c).paragraphs[0], cell, bold)
        return prefix

    def _block(self, element: Any, prefix: str) -> str:
        tag = element.tag
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            heading = self.document.add_heading(level=max(1, int(tag[1]) - 1))
            self._runs(heading, element)
            self._finish(heading)
            return prefix
        if tag in ("ul", "ol"):
            return self._list(element, prefix)
        if tag == "table":
            return self._table(element, prefix)
        if tag == "hr":
            return prefix
        if tag == "blockquote":
            for inner in element.findall(".//p") or [element]:
                paragraph = self._paragraph(style="Quote", prefix=prefix)
                prefix = ""
                self._runs(paragraph, inner)
                self._finish(paragraph)
            return prefix
        paragraph = self._paragraph(prefix=prefix)
        if tag == "pre":
            self._run(paragraph, element.text_content(), frozenset({"code"}))
        else:
            self._runs(paragraph, element)
        self._finish(paragraph)
        return ""

    def write(self, html: str, *, number: int | None = None) -> None:
        prefix = f"{number}.\t" if number is not None else ""
        for element in lxml_html.fragments_fromstring(html) if html.strip() else []:
            if not isinstance(element, str):
                prefix = self._block(element, prefix)
            elif element.strip():
                paragraph = self._paragraph(prefix=prefix)
                paragraph.add_run(element)
                self._finish(paragraph)
                prefix = ""


def version_docx(
    version: Version,
    paragraphs: list[ExportParagraph],
    *,
    language: str,
    translation: Translation | None = None,
) -> bytes:
    """A Word document of the version: numbered paragraphs, headings, lists and tables."""
    import docx  # noqa: PLC0415 - heavy, loaded only when exporting

    rtl = language in RTL_LANGUAGES
    document = docx.Document()
    document.core_properties.title = version.document.title[:255]
    document.core_properties.language = language
    with override(language):
        title = document.add_heading(version.document.title, level=0)
        if rtl:
            _set_rtl(title)
        meta = document.add_paragraph(_version_line(version, translation))
        if rtl:
            _set_rtl(meta)
        writer = _DocxWriter(document, rtl=rtl)
        for paragraph in paragraphs:
            writer.write(paragraph.html, number=paragraph.number)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _version_line(version: Version, translation: Translation | None) -> str:
    line = _("Version %(number)s") % {"number": version.number}
    if version.published_at:
        line = _("Version %(number)s, published on %(date)s") % {
            "number": version.number,
            "date": formats.date_sentence(version.published_at),
        }
    else:
        line = _("Version %(number)s, draft") % {"number": version.number}
    if translation is not None:
        line += " · " + str(translation.get_status_display())
    return line


# --- Comment-resolution table -------------------------------------------------------------------


def resolution_header() -> list[str]:
    return [
        _("Comment"),
        _("Paragraph"),
        _("Passage"),
        _("Commenter"),
        _("Details"),
        _("Comment text"),
        _("Posted (UTC)"),
        _("Disposition"),
        _("Reason"),
        _("Addressed in"),
    ]


def resolution_record(comment: Comment) -> list[str]:
    disposition = getattr(comment, "shown_disposition", None)
    paragraph = comment.paragraph
    addressed = ""
    if disposition is not None and disposition.addressed_in is not None:
        addressed = _("version %(version)s, %(paragraph)s") % {
            "version": disposition.addressed_in.version.number,
            "paragraph": disposition.addressed_in.label,
        }
    return [
        str(comment.pk),
        paragraph.label if paragraph is not None else _("Whole document"),
        comment.passage,
        str(getattr(comment, "byline", "")),
        "; ".join(str(d) for d in getattr(comment, "byline_details", [])),
        comment.text + (f" [{comment.file_name}]" if comment.file_name else ""),
        comment.created.astimezone(UTC).strftime("%Y-%m-%d %H:%M"),
        str(disposition.get_outcome_display()) if disposition is not None else "",
        disposition.reason if disposition is not None else "",
        addressed,
    ]


def resolution_csv(rows: Iterable[Comment]) -> str:
    return write_csv(resolution_header(), (resolution_record(comment) for comment in rows))


def resolution_docx(period: CommentPeriod, rows: Iterable[Comment]) -> bytes:
    import docx  # noqa: PLC0415
    from docx.enum.section import WD_ORIENT  # noqa: PLC0415

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(_("Comment-resolution table"), level=0)
    document.add_paragraph(
        _("%(document)s, version %(version)s")
        % {
            "document": period.version.document.title,
            "version": period.version.number,
        }
    )
    header = resolution_header()
    columns = [0, 1, 3, 5, 7, 8, 9]
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for index, column in enumerate(columns):
        cell = table.rows[0].cells[index]
        cell.paragraphs[0].add_run(header[column]).bold = True
    for comment in rows:
        record = resolution_record(comment)
        cells = table.add_row().cells
        for index, column in enumerate(columns):
            value = record[column]
            if column == 3 and record[4]:
                value = f"{value} ({record[4]})"
            if column == 5 and record[2]:
                value = f"«{record[2]}» {value}"
            cells[index].text = value
    if get_language_bidi():
        for paragraph in document.paragraphs:
            _set_rtl(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
