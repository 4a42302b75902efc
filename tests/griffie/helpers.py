"""Small helpers for the griffie tests: real tiny documents to upload."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.pdf import render_pdf

_PDF_CACHE: dict[str, bytes] = {}


def pdf_bytes(tekst: str = "Bijlage") -> bytes:
    if tekst not in _PDF_CACHE:
        from weasyprint import HTML

        _PDF_CACHE[tekst] = HTML(string=f"<html lang='nl'><body><p>{tekst}</p></body></html>").write_pdf()
    return _PDF_CACHE[tekst]


def pdf_upload(naam: str = "notitie.pdf", tekst: str = "Bijlage") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, pdf_bytes(tekst), content_type="application/pdf")


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def odt_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


def nep_pdf(naam: str = "virus.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        naam, b"MZ\x90\x00 dit is geen pdf <script>alert(1)</script>", content_type="application/pdf"
    )


__all__ = ["docx_bytes", "nep_pdf", "odt_bytes", "pdf_bytes", "pdf_upload", "render_pdf"]
