"""The PDF raadsbesluit (structure of the Raadsbesluit in seed 001).

Rendered once when a besluit is published (besluit_publiceren stores the bytes in
besluit.pdf) and served from storage. Rendering is deterministic: the document's creation
and modification dates are the publication time and its file identifier derives from the
besluit's UUID, so rendering the same besluit again gives the same text and metadata.
"""

import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch

from apps.core.gemeente import huidige_gemeente
from apps.core.pdf import PDF_A_2A, render_pdf

logger = logging.getLogger(__name__)

FONT_DIR = settings.BASE_DIR / "static" / "fonts"


def _vastgezette_tijd(besluit):
    return besluit.gepubliceerd_op or besluit.vastgesteld_op or besluit.created_at


def raadsbesluit_context(besluit) -> dict:
    from .models import DictumPunt

    dictum = getattr(besluit, "_prefetched_objects_cache", {}).get("dictum")
    dictum = (
        list(dictum) if dictum is not None else list(DictumPunt.objects.filter(besluit=besluit).order_by("volgorde"))
    )
    return {
        "besluit": besluit,
        "raadsvoorstel": besluit.raadsvoorstel,
        "vergadering": besluit.vergadering,
        "dictum": sorted(dictum, key=lambda p: p.volgorde),
        "gemeente": huidige_gemeente(),
        "titel_griffier": settings.TITEL_GRIFFIER,
        "titel_voorzitter": settings.TITEL_VOORZITTER,
        "tijdstip": _vastgezette_tijd(besluit),
        "font_dir": FONT_DIR.as_uri(),
    }


def raadsbesluit_pdf(besluit) -> bytes:
    """Render the raadsbesluit of a besluit as PDF/A-2a. Same besluit in, same text out."""
    identifier = hashlib.md5(f"raadsbesluit:{besluit.uuid}:{besluit.versie}".encode(), usedforsecurity=False)
    return render_pdf(
        "pdf/raadsbesluit.html",
        raadsbesluit_context(besluit),
        base_url=str(settings.BASE_DIR / "static"),
        pdf_identifier=identifier.hexdigest().encode(),
        **PDF_A_2A,
    )


def raadsbesluit_bestandsnaam(besluit) -> str:
    """The name a visitor's download gets: raadsbesluit-L275141.pdf (-v2 for a rectificatie)."""
    achtervoegsel = f"-v{besluit.versie}" if besluit.versie > 1 else ""
    return f"raadsbesluit-{besluit.zaak.zaaknummer}{achtervoegsel}.pdf"


def besluit_voor_pdf(pk):
    from .models import Besluit, DictumPunt

    return (
        Besluit.objects.select_related("zaak", "raadsvoorstel", "vergadering", "griffier", "voorzitter")
        .prefetch_related(Prefetch("dictum", queryset=DictumPunt.objects.order_by("volgorde")))
        .get(pk=pk)
    )


def raadsbesluit_opslaan(besluit) -> None:
    """Render the PDF of a published besluit and store it: for the re-render command, the demo
    data, and a published besluit whose stored file is missing.

    The file keeps its storage path (it is overwritten in place), so the besluit row changes
    only when it had no PDF yet: a published besluit is otherwise immutable (a PostgreSQL
    trigger allows exactly that one change)."""
    from .models import Besluit

    inhoud = raadsbesluit_pdf(besluit_voor_pdf(besluit.pk))
    with transaction.atomic():
        vers = Besluit.objects.select_for_update().select_related("zaak").get(pk=besluit.pk)
        opslag = vers.pdf.storage
        naam = vers.pdf.name or vers.pdf.field.generate_filename(vers, "raadsbesluit.pdf")
        if opslag.exists(naam):
            opslag.delete(naam)
        opgeslagen = opslag.save(naam, ContentFile(inhoud))
        if opgeslagen != vers.pdf.name:
            Besluit.objects.filter(pk=vers.pk).update(pdf=opgeslagen)
    besluit.pdf.name = opgeslagen
