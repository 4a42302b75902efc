import datetime
import io
import logging
import re

import pikepdf
import pypdf
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from apps.besluiten.models import Besluit
from apps.besluiten.pdf import raadsbesluit_opslaan, raadsbesluit_pdf
from tests.factories import PersoonFactory

from .conftest import publiceer

pytestmark = pytest.mark.django_db

DICTUM = "de regiovisie 'Samen Werken aan de specialistische jeugdhulp' vast te stellen."


@pytest.fixture
def besluit():
    b = publiceer(
        "Regiovisie 'Samen Werken aan de specialistische jeugdhulp'",
        zaaknummer="L275141",
        dictum=[DICTUM],
        griffier=PersoonFactory(naam="I. Schutte - van der Schans"),
        voorzitter=PersoonFactory(naam="G.J. Bouwmeester"),
        gepubliceerd_op=timezone.make_aware(datetime.datetime(2021, 10, 1, 9, 0)),
    )
    return b


@pytest.fixture
def pdf_bytes(besluit, caplog):
    with caplog.at_level(logging.WARNING):
        data = raadsbesluit_pdf(besluit)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "ERROR logged while rendering"
    return data


def tekst_van(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_text_holds_dictum_date_and_signatories_in_seed_order(pdf_bytes):
    tekst = " ".join(tekst_van(pdf_bytes).split())
    volgorde = [
        "Gemeente Leusden",
        "De raad van de gemeente Leusden;",
        "Besluit op basis van het voorstel van het college van 29 juni 2021, nummer: L275141",
        "b e s l u i t:",
        DICTUM,
        "Besloten in de openbare raadsvergadering van 30 september 2021",
        "I. Schutte - van der Schans griffier",
        "G.J. Bouwmeester voorzitter",
    ]
    posities = [tekst.find(stuk) for stuk in volgorde]
    assert all(p >= 0 for p in posities), list(zip(volgorde, posities, strict=True))
    assert posities == sorted(posities)
    assert re.search(r"Pagina 1 van 1", tekst)


def test_pdf_a_2a_tagged_dutch_fonts_embedded_titled(pdf_bytes):
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    with pdf.open_metadata() as xmp:
        assert xmp.get("pdfaid:part") == "2"
        assert xmp.get("pdfaid:conformance") == "A"
        assert "L275141" in xmp.get("dc:title")
    assert "/StructTreeRoot" in pdf.Root
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert str(pdf.Root.Lang) == "nl"
    assert "L275141" in str(pdf.docinfo.Title)
    fonts = 0
    for page in pdf.pages:
        for _naam, font in page.Resources.Font.items():
            fonts += 1
            beschrijving = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(k in beschrijving for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont
    assert fonts > 0
    # A4 portrait
    breedte, hoogte = (float(x) for x in pdf.pages[0].MediaBox[2:])
    assert (round(breedte), round(hoogte)) == (595, 842)


def test_rendering_again_gives_the_same_text_and_metadata(besluit, pdf_bytes):
    opnieuw = raadsbesluit_pdf(Besluit.objects.get(pk=besluit.pk))
    assert tekst_van(opnieuw) == tekst_van(pdf_bytes)
    een, twee = pikepdf.open(io.BytesIO(pdf_bytes)), pikepdf.open(io.BytesIO(opnieuw))
    assert str(een.docinfo.CreationDate) == str(twee.docinfo.CreationDate) == "D:20211001090000+02'00"


def test_served_from_storage_with_headers_and_conditional_get(client, besluit):
    raadsbesluit_opslaan(besluit)
    besluit.refresh_from_db()
    assert besluit.pdf.name.startswith("raadsbesluiten/")
    response = client.get("/besluiten/L275141/raadsbesluit.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="raadsbesluit-L275141.pdf"' in response["Content-Disposition"]
    assert "max-age" in response["Cache-Control"]
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF-")
    assert data == besluit.pdf.storage.open(besluit.pdf.name).read()
    etag, gewijzigd = response["ETag"], response["Last-Modified"]
    assert client.get("/besluiten/L275141/raadsbesluit.pdf", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/besluiten/L275141/raadsbesluit.pdf", HTTP_IF_MODIFIED_SINCE=gewijzigd).status_code == 304


def test_missing_stored_pdf_is_rendered_and_stored_once(client, besluit):
    assert not besluit.pdf
    response = client.get("/besluiten/L275141/raadsbesluit.pdf")
    assert response.status_code == 200
    besluit.refresh_from_db()
    assert besluit.pdf and besluit.pdf.storage.exists(besluit.pdf.name)


def test_concept_pdf_is_404_for_anonymous_and_raadslid(client, raadslid_user):
    publiceer("Nog concept", zaaknummer="L700001", gepubliceerd=False)
    assert client.get("/besluiten/L700001/raadsbesluit.pdf").status_code == 404
    client.force_login(raadslid_user)
    assert client.get("/besluiten/L700001/raadsbesluit.pdf").status_code == 404


def test_vertrouwelijk_pdf_only_for_raadslid(client, raadslid_user):
    b = publiceer("Geheim", zaaknummer="L700002", vertrouwelijk=True)
    raadsbesluit_opslaan(b)
    assert client.get("/besluiten/L700002/raadsbesluit.pdf").status_code == 404
    client.force_login(raadslid_user)
    response = client.get("/besluiten/L700002/raadsbesluit.pdf")
    assert response.status_code == 200 and "private" in response["Cache-Control"]


def test_command_rerenders_one_or_all(besluit):
    ander = publiceer("Ander besluit", zaaknummer="L700003")
    call_command("raadsbesluiten_renderen", "L275141", verbosity=0)
    besluit.refresh_from_db()
    ander.refresh_from_db()
    assert besluit.pdf and not ander.pdf
    eerste = besluit.pdf.storage.open(besluit.pdf.name).read()
    call_command("raadsbesluiten_renderen", "--alle", verbosity=0)
    besluit.refresh_from_db()
    ander.refresh_from_db()
    assert ander.pdf
    assert tekst_van(besluit.pdf.storage.open(besluit.pdf.name).read()) == tekst_van(eerste)
    with pytest.raises(CommandError):
        call_command("raadsbesluiten_renderen", "L000000", verbosity=0)
    with pytest.raises(CommandError):
        call_command("raadsbesluiten_renderen", verbosity=0)
