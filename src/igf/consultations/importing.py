"""Drafts imported from Word (.docx) or Markdown files, as Markdown.

Kept from Word: headings, bold and italic, bulleted and numbered lists, quotations, tables
(as Markdown tables), superscripts and footnotes (numbered in order of appearance, written
as <sup>n</sup> in the text and gathered at the end as notes). Paragraph numbers typed at
the start of paragraphs are dropped: the platform numbers paragraphs itself.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO, Any

from django.utils.translation import gettext_lazy as _
from lxml import etree  # type: ignore[import-untyped]

from igf.consultations.blocks import clean_text
from igf.core.errors import Invalid

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_DOCX_BYTES = 10 * 1024 * 1024
# A .docx is a zip; refuse archives that would inflate beyond this (zip bombs).
MAX_UNCOMPRESSED = 100 * 1024 * 1024
_TYPED_NUMBER = re.compile(r"^\s*\d{1,3}\.[ \t]+")
_MARKDOWN_START = re.compile(r"^([#>]|[-*+][ \t]|\d{1,9}[.)][ \t])")


class ImportRefusedError(Invalid):
    """The file cannot be read as a draft; the message is translated and concerns the form's
    file field."""

    def __init__(self, message: Any) -> None:
        super().__init__(message, field="file")


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _footnotes(archive: zipfile.ZipFile) -> dict[str, str]:
    if "word/footnotes.xml" not in archive.namelist():
        return {}
    root = etree.fromstring(
        archive.read("word/footnotes.xml"),
        etree.XMLParser(resolve_entities=False, no_network=True),
    )
    notes = {}
    for note in root.iter(_w("footnote")):
        kind = note.get(_w("type"))
        if kind in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = "".join(t.text or "" for t in note.iter(_w("t")))
        notes[note.get(_w("id")) or ""] = " ".join(text.split())
    return notes


def _wrap(text: str, marker: str) -> str:
    """`**bold**` around the words, with the spaces left outside the marks."""
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{stripped}{marker}{trail}"


class _Converter:
    def __init__(self, footnotes: dict[str, str]) -> None:
        self.footnotes = footnotes
        self.note_numbers: dict[str, int] = {}
        self.notes: list[str] = []

    def inline(self, paragraph: Any) -> str:
        parts: list[str] = []
        for run in paragraph.iter_inner_content():
            runs = run.runs if hasattr(run, "runs") else [run]
            for item in runs:
                parts.append(self.run_text(item))
        return "".join(parts).replace("\u00a0", " ")

    def run_text(self, run: Any) -> str:
        for reference in run._r.iter(_w("footnoteReference")):
            note_id = reference.get(_w("id")) or ""
            if note_id not in self.note_numbers:
                self.note_numbers[note_id] = len(self.note_numbers) + 1
                self.notes.append(self.footnotes.get(note_id, ""))
            return f"<sup>{self.note_numbers[note_id]}</sup>"
        text = run.text or ""
        if not text:
            return ""
        text = text.replace("\t", " ")
        if run.font.superscript:
            return f"<sup>{text.strip()}</sup>"
        if run.bold:
            text = _wrap(text, "**")
        if run.italic:
            text = _wrap(text, "*")
        return text

    def table(self, table: Any) -> str:
        rows = []
        for row in table.rows:
            cells = []
            for cell in row.cells:
                value = " ".join(self.inline(p).strip() for p in cell.paragraphs).strip()
                cells.append(value.replace("|", "\\|") or " ")
            rows.append(cells)
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [" "] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)


def _list_kind(paragraph: Any) -> tuple[str | None, int]:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    level = 0
    if numbered and ppr.numPr.ilvl is not None and ppr.numPr.ilvl.val is not None:
        level = int(ppr.numPr.ilvl.val)
    if style.startswith("List Number"):
        return "1.", level
    if style.startswith(("List Bullet", "List Paragraph")) or numbered:
        return "-", level
    return None, 0


def _open(upload: IO[bytes]) -> tuple[Any, dict[str, str]]:
    """The python-docx document and its footnotes; refused if not a readable .docx."""
    import docx  # noqa: PLC0415 - heavy, needed only when importing

    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED:
                raise ImportRefusedError(_("This Word file is too large to import."))
            footnotes = _footnotes(archive)
        upload.seek(0)
        return docx.Document(upload), footnotes
    except ImportRefusedError:
        raise
    except Exception as error:
        raise ImportRefusedError(
            _("This file could not be read as a Word (.docx) document.")
        ) from error


def _block(paragraph: Any, text: str) -> str:
    """The Markdown block of a paragraph that is not a list item."""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title":
        return f"# {text}"
    if style.startswith("Heading"):
        digits = "".join(ch for ch in style if ch.isdigit())
        return f"{'#' * min(int(digits or 1) + 1, 6)} {text}"
    if style in ("Quote", "Intense Quote"):
        return f"> {text}"
    text = _TYPED_NUMBER.sub("", text)
    return "\\" + text if _MARKDOWN_START.match(text) else text


def docx_to_markdown(upload: IO[bytes]) -> str:
    """The Markdown text of a Word document (see module doc)."""
    document, footnotes = _open(upload)
    converter = _Converter(footnotes)
    blocks: list[str] = []
    list_lines: list[str] = []

    def end_list() -> None:
        if list_lines:
            blocks.append("\n".join(list_lines))
            list_lines.clear()

    for item in document.iter_inner_content():
        if item.__class__.__name__ == "Table":
            end_list()
            blocks.append(converter.table(item))
            continue
        text = converter.inline(item).strip()
        marker, level = _list_kind(item) if text else (None, 0)
        if marker is not None:
            indent = ("  " if marker == "-" else "   ") * level
            list_lines.append(f"{indent}{marker} {text}")
            continue
        end_list()
        if text:
            blocks.append(_block(item, text))
    end_list()
    for number, note in enumerate(converter.notes, start=1):
        blocks.append(f"<sup>{number}</sup> {note}")
    return clean_text("\n\n".join(b for b in blocks if b) + "\n")


def read_markdown(upload: IO[bytes]) -> str:
    upload.seek(0)
    data = upload.read(MAX_DOCX_BYTES + 1)
    if len(data) > MAX_DOCX_BYTES:
        raise ImportRefusedError(_("The file is larger than 10 MB."))
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ImportRefusedError(_("A Markdown file must be in UTF-8.")) from error


def import_file(upload: Any) -> tuple[str, str]:
    """(Markdown text, file name) of an uploaded .docx, .md or .txt file."""
    name = str(getattr(upload, "name", "") or "")
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_DOCX_BYTES:
        raise ImportRefusedError(_("The file is larger than 10 MB."))
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return docx_to_markdown(upload), name
    if name.lower().endswith((".md", ".markdown", ".txt")):
        return read_markdown(upload), name
    raise ImportRefusedError(_("Import a Word (.docx) or Markdown (.md) file."))
