"""Importing drafts from Word and Markdown; exporting versions as Word, PDF and HTML."""
# ruff: noqa: RUF001 - Arabic text on purpose

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from igf.consultations import services
from igf.consultations.importing import ImportRefusedError, import_file
from igf.people.models import User
from tests.consultations import factories as f


def test_word_draft_keeps_headings_formatting_lists_tables_and_footnotes() -> None:
    text, name = import_file(f.docx_upload())
    assert name == "draft.docx"
    assert text == (
        "## Introduction\n\n"
        "The forum is **open** and *inclusive*.<sup>1</sup>\n\n"
        "- Remote participation\n- Capacity building\n\n"
        "| Group | Share |\n|---|---|\n| Civil society | 32% |\n\n"
        "The secretariat supports the forum.\n\n"
        "<sup>1</sup> General Assembly Resolution 65/141, paragraph 17.\n"
    )


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"not a zip at all", "draft.docx"),
        (b"PK\x03\x04 broken zip", "draft.docx"),
        (b"%PDF-1.4", "draft.pdf"),
        (b"\xff\xfe\x00bad", "draft.md"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(content: bytes, name: str) -> None:
    with pytest.raises(ImportRefusedError):
        import_file(SimpleUploadedFile(name, content))


def test_zip_bomb_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (101 * 1024 * 1024))
    with pytest.raises(ImportRefusedError, match="too large"):
        import_file(SimpleUploadedFile("bomb.docx", buffer.getvalue()))


def test_markdown_file_is_taken_as_it_is() -> None:
    text, _name = import_file(SimpleUploadedFile("draft.md", "# Title\n\nÜber alles.\n".encode()))
    assert text == "# Title\n\nÜber alles.\n"


def test_version_exports_as_word_with_numbered_paragraphs(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat)
    response = login(None).get(f"/consultations/d/{doc.slug}/v1/export.docx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'{doc.slug}-v1.docx"')
    exported = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in exported.paragraphs]
    assert texts[0] == "Draft output of the Best Practice Forum"
    assert "Outcomes of the forum" in texts
    assert any(t.startswith("1.\tThe Working Group considered") for t in texts)
    assert "remote participation" in texts


def test_version_exports_as_pdf_and_html(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat)
    pdf = login(None).get(f"/consultations/d/{doc.slug}/v1/export.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    html = login(None).get(f"/consultations/d/{doc.slug}/v1/export.html").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert '<span class="num">1.</span>' in html
    assert "<script" not in html


def test_arabic_translation_exports_right_to_left(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text="First paragraph.\n\nSecond paragraph.")
    services.create_translation(
        by=secretariat,
        version=f.version(doc),
        language="ar",
        status="machine",
        text="الفقرة الأولى.\n\nالفقرة الثانية.",
    )
    html = login(None).get(f"/consultations/d/{doc.slug}/v1/ar/export.html").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الفقرة الثانية." in html
    assert "right: 0" in html  # the paragraph numbers stand in the right margin
    pdf = login(None).get(f"/consultations/d/{doc.slug}/v1/ar/export.pdf")
    assert pdf.content.startswith(b"%PDF-")
    word = docx.Document(io.BytesIO(login(None).get(
        f"/consultations/d/{doc.slug}/v1/ar/export.docx").content))  # fmt: skip
    properties = word.paragraphs[2]._p.pPr
    assert properties is not None
    bidi = properties.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi")
    assert bidi is not None


def test_unknown_export_format_is_404(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat)
    assert login(None).get(f"/consultations/d/{doc.slug}/v1/export.exe").status_code == 404


def test_exports_sanitise_hostile_markdown(secretariat: User, login) -> None:  # type: ignore[no-untyped-def]
    doc = f.document(by=secretariat, text="Text <script>alert(1)</script> <img src=x onerror=y>.")
    html = login(None).get(f"/consultations/d/{doc.slug}/v1/export.html").content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html
