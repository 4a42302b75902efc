"""Uploads are stored and served with the extension of the detected type, macro documents are refused,
and control and bidi characters never reach a file name; in the griffie pages and in the admin alike."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.bijlagen import bijlage_valideren, veilige_bestandsnaam
from apps.raadsvoorstellen.models import RaadsvoorstelBijlage
from tests.factories import RaadsvoorstelFactory
from tests.griffie.helpers import docx_bytes, odt_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docm_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.'
            'macroEnabled.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    return buf.getvalue()


def odt_met_macro() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
        z.writestr("Basic/Standard/Module1.xml", "<script:module/>")
    return buf.getvalue()


def polyglot() -> bytes:
    return pdf_bytes("Polyglot") + b"\n<html><script>alert(document.cookie)</script></html>"


@pytest.mark.parametrize(
    ("naam", "mimetype", "verwacht"),
    [
        ("polyglot.html", "application/pdf", "polyglot.pdf"),
        ("rapport\u202efdp.exe", "application/pdf", "rapportfdp.pdf"),
        ("notulen\u2067.v2\u200f.docx", DOCX, "notulen.v2.docx"),
        ("..\\..\\etc\\passwd", "application/pdf", "passwd.pdf"),
        ("zonder-extensie", "application/vnd.oasis.opendocument.text", "zonder-extensie.odt"),
        ("\u202e", "application/pdf", "bijlage.pdf"),
    ],
)
def test_safe_name_has_the_detected_types_extension(naam, mimetype, verwacht):
    assert veilige_bestandsnaam(naam, mimetype) == verwacht


@pytest.mark.parametrize("inhoud", [docm_bytes(), odt_met_macro()])
def test_macro_documents_are_refused(inhoud):
    with pytest.raises(ValidationError, match="macro"):
        bijlage_valideren(SimpleUploadedFile("stuk.docx", inhoud))


def test_plain_docx_and_odt_are_accepted():
    assert bijlage_valideren(SimpleUploadedFile("a.docx", docx_bytes())) == DOCX
    assert bijlage_valideren(SimpleUploadedFile("a.odt", odt_bytes())) == "application/vnd.oasis.opendocument.text"


def test_griffie_upload_of_a_polyglot_is_stored_and_served_as_pdf(griffie_client):
    from apps.core.bijlagen import bijlage_vullen

    voorstel = RaadsvoorstelFactory()
    bijlage = RaadsvoorstelBijlage(raadsvoorstel=voorstel, titel="", volgorde=1)
    bijlage_vullen(bijlage, bestand=SimpleUploadedFile("polyglot.html", polyglot()))
    bijlage.save()
    assert bijlage.bestand.name.endswith(".pdf") and bijlage.bestandsnaam == "polyglot.pdf"
    antwoord = griffie_client.get(f"/bijlagen/{bijlage.uuid}/")
    assert antwoord["Content-Type"] == "application/pdf"
    assert 'filename="polyglot.pdf"' in antwoord["Content-Disposition"]
    assert antwoord["X-Content-Type-Options"] == "nosniff"


def test_old_record_with_a_wrong_name_is_served_with_the_types_extension(griffie_client):
    voorstel = RaadsvoorstelFactory()
    bijlage = RaadsvoorstelBijlage.objects.create(
        raadsvoorstel=voorstel,
        titel="Oud",
        volgorde=1,
        bestand=SimpleUploadedFile("x.pdf", pdf_bytes()),
        bestandsnaam="factuur\u202efdp.exe",
        mimetype="application/pdf",
    )
    antwoord = griffie_client.get(f"/bijlagen/{bijlage.uuid}/")
    assert 'filename="factuurfdp.pdf"' in antwoord["Content-Disposition"]


def _admin_bijlage_post(client, voorstel, bestand):
    from django.forms.models import model_to_dict

    data = {k: ("" if v is None else v) for k, v in model_to_dict(voorstel).items() if k not in ("status", "uuid")}
    data.update(
        {
            "beslispunten-TOTAL_FORMS": "0",
            "beslispunten-INITIAL_FORMS": "0",
            "bijlagen-TOTAL_FORMS": "1",
            "bijlagen-INITIAL_FORMS": "0",
            "bijlagen-0-volgorde": "1",
            "bijlagen-0-titel": "Via beheer",
            "bijlagen-0-vertrouwelijkheid": "openbaar",
            "bijlagen-0-bestand": bestand,
        }
    )
    return client.post(f"/beheer/raadsvoorstellen/raadsvoorstel/{voorstel.pk}/change/", data)


def test_admin_upload_is_checked_like_the_griffie_pages(client, griffie_user):
    client.force_login(griffie_user)
    voorstel = RaadsvoorstelFactory(status="aangeboden")
    antwoord = _admin_bijlage_post(client, voorstel, SimpleUploadedFile("macro.docx", docm_bytes()))
    assert antwoord.status_code == 200 and "macro" in antwoord.content.decode()
    assert not voorstel.bijlagen.exists()
    antwoord = _admin_bijlage_post(client, voorstel, SimpleUploadedFile("stuk\u202egpj.html", polyglot()))
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    bijlage = voorstel.bijlagen.get()
    assert bijlage.mimetype == "application/pdf" and bijlage.bestandsnaam == "stukgpj.pdf"
    assert bijlage.bestand.name.endswith(".pdf") and bijlage.grootte > 0
