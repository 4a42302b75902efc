"""The besluitenlijst PDF/A-2a of a meeting and the PDF of a motie, rendered like the raadsbesluit.

The besluitenlijst is rendered once when it is published and stored; its dates are the publication time and
its file identifier derives from its UUID and version, so rendering it again gives the same document. A
motie's PDF is rendered from its text on request (or the uploaded original is served).
"""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from apps.core.gemeente import huidige_gemeente
from apps.core.pdf import PDF_A_2A, render_pdf

FONT_DIR = settings.BASE_DIR / "static" / "fonts"


def besluitenlijst_context(lijst) -> dict:
    from .selectors import besluitenlijst_gegevens

    # The document is public: it holds what the public may see of the meeting.
    gegevens = besluitenlijst_gegevens(user=AnonymousUser(), vergadering=lijst.vergadering)
    return {
        **gegevens,
        "lijst": lijst,
        "gemeente": huidige_gemeente(),
        "tijdstip": lijst.gepubliceerd_op or lijst.created_at,
        "font_dir": FONT_DIR.as_uri(),
    }


def besluitenlijst_pdf(lijst) -> bytes:
    identifier = hashlib.md5(f"besluitenlijst:{lijst.uuid}:{lijst.versie}".encode(), usedforsecurity=False)
    return render_pdf(
        "pdf/besluitenlijst.html",
        besluitenlijst_context(lijst),
        base_url=str(settings.BASE_DIR / "static"),
        pdf_identifier=identifier.hexdigest().encode(),
        **PDF_A_2A,
    )


def besluitenlijst_bestandsnaam(lijst) -> str:
    achtervoegsel = f"-v{lijst.versie}" if lijst.versie > 1 else ""
    return f"besluitenlijst-{lijst.vergadering.datum:%Y-%m-%d}-{lijst.vergadering.gremium.slug}{achtervoegsel}.pdf"


def motie_pdf(motie, *, uitslagen=()) -> bytes:
    identifier = hashlib.md5(f"motie:{motie.uuid}:{motie.version}".encode(), usedforsecurity=False)
    return render_pdf(
        "pdf/motie.html",
        {
            "motie": motie,
            "indieners": list(motie.indieners.all()),
            "uitslagen": uitslagen,
            "gemeente": huidige_gemeente(),
            "tijdstip": motie.updated_at,
        },
        base_url=str(settings.BASE_DIR / "static"),
        pdf_identifier=identifier.hexdigest().encode(),
        **PDF_A_2A,
    )
