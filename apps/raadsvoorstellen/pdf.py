"""The raadsvoorstel as PDF/A-2a, rendered the same way as the raadsbesluit (apps/besluiten/pdf.py).

Rendered when it is first asked for once the voorstel is no longer a concept, and stored per version: the same
version always gives the same file (creation date and file identifier derive from the record, not the clock).
"""

import hashlib

from django.conf import settings

from apps.core.gemeente import huidige_gemeente
from apps.core.pdf import PDF_A_2A, opgeslagen_pdf, render_pdf

FONT_DIR = settings.BASE_DIR / "static" / "fonts"


def raadsvoorstel_pdf(raadsvoorstel) -> bytes:
    beslispunten = list(raadsvoorstel.beslispunten.order_by("volgorde"))
    identifier = hashlib.md5(
        f"raadsvoorstel:{raadsvoorstel.uuid}:{raadsvoorstel.version}".encode(), usedforsecurity=False
    )
    return render_pdf(
        "pdf/raadsvoorstel.html",
        {
            "raadsvoorstel": raadsvoorstel,
            "beslispunten": beslispunten,
            "secties": raadsvoorstel.secties(),
            "gemeente": huidige_gemeente(),
            "tijdstip": raadsvoorstel.updated_at,
            "voettekst": f"Raadsvoorstel {raadsvoorstel.zaak.zaaknummer}",
        },
        base_url=str(settings.BASE_DIR / "static"),
        pdf_identifier=identifier.hexdigest().encode(),
        **PDF_A_2A,
    )


def raadsvoorstel_pdf_pad(raadsvoorstel) -> str:
    return f"documenten/raadsvoorstellen/{raadsvoorstel.uuid}-v{raadsvoorstel.version}.pdf"


def raadsvoorstel_pdf_opslaan(raadsvoorstel) -> str:
    return opgeslagen_pdf(pad=raadsvoorstel_pdf_pad(raadsvoorstel), maak=lambda: raadsvoorstel_pdf(raadsvoorstel))


def raadsvoorstel_bestandsnaam(raadsvoorstel) -> str:
    return f"raadsvoorstel-{raadsvoorstel.zaak.zaaknummer}.pdf"
