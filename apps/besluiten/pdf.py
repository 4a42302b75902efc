"""The PDF raadsbesluit (structure of the Raadsbesluit in seed 001).

At publication besluit_publiceren freezes everything the raadsbesluit states in
`besluit.publicatie_gegevens` (the snapshot), renders the PDF from it, stores the bytes in
besluit.pdf and their checksum in `besluit.pdf_sha256`. The stored file is the record:
it is served as it is and never rendered again while it exists. Only a missing file is
rendered again, from the snapshot (never from today's zaak, meeting or persons), and the
result must have the recorded checksum; a mismatch is an error, never a silent overwrite.

Rendering is deterministic: the document's creation and modification dates are the
publication time and its file identifier derives from the besluit's UUID.
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch
from django.utils.dateparse import parse_date, parse_datetime

from apps.core.fouten import RegelFout
from apps.core.gemeente import huidige_gemeente
from apps.core.pdf import PDF_A_2A, render_pdf

logger = logging.getLogger(__name__)

FONT_DIR = settings.BASE_DIR / "static" / "fonts"
SNAPSHOT_SCHEMA = 1


class PdfAfwijking(RegelFout):
    """A rendering of a published besluit does not reproduce its recorded PDF."""


def _vastgezette_tijd(besluit):
    return besluit.gepubliceerd_op or besluit.vastgesteld_op or besluit.created_at


def _iso(waarde):
    return waarde.isoformat() if waarde else None


def _dictum(besluit):
    from .models import DictumPunt

    dictum = getattr(besluit, "_prefetched_objects_cache", {}).get("dictum")
    if dictum is None:
        dictum = DictumPunt.objects.filter(besluit=besluit)
    return [p.tekst for p in sorted(dictum, key=lambda p: p.volgorde)]


def publicatie_gegevens_opbouwen(besluit) -> dict:
    """Everything the raadsbesluit states, from today's records: frozen once, at publication."""
    gemeente = huidige_gemeente()
    vergadering, voorstel, punt = besluit.vergadering, besluit.raadsvoorstel, besluit.agendapunt
    return {
        "schema": SNAPSHOT_SCHEMA,
        "gemeente": {"naam": gemeente.naam, "naam_raad": gemeente.naam_raad},
        "zaaknummer": besluit.zaak.zaaknummer,
        "titel": besluit.titel,
        "versie": besluit.versie,
        "vertrouwelijkheid": besluit.vertrouwelijkheid,
        "vergadering": (
            {
                "titel": vergadering.titel,
                "datum": _iso(vergadering.datum),
                "soort": vergadering.soort,
                "soort_label": str(vergadering.get_soort_display()),
                "openbaar": vergadering.openbaar,
                "gremium": vergadering.gremium.naam if vergadering.gremium_id else "",
            }
            if vergadering
            else None
        ),
        "agendapunt": (punt.volgnummer or str(punt.volgorde)) if punt else "",
        "college": {
            "datum": _iso(voorstel.college_besluitdatum) if voorstel else None,
            "nummer": besluit.zaak.zaaknummer,
            "onderwerp": voorstel.titel if voorstel else "",
        },
        "dictum": _dictum(besluit),
        "uitkomst": besluit.uitkomst,
        "uitkomst_label": str(besluit.get_uitkomst_display()) if besluit.uitkomst else "",
        "stemming": besluit.stemming,
        "stemming_label": str(besluit.get_stemming_display()),
        "stemmen_voor": besluit.stemmen_voor,
        "stemmen_tegen": besluit.stemmen_tegen,
        "griffier": {"naam": besluit.griffier.naam if besluit.griffier else "", "titel": settings.TITEL_GRIFFIER},
        "voorzitter": {
            "naam": besluit.voorzitter.naam if besluit.voorzitter else "",
            "titel": settings.TITEL_VOORZITTER,
        },
        "vastgesteld_op": _iso(besluit.vastgesteld_op),
        "gepubliceerd_op": _iso(besluit.gepubliceerd_op),
        "tijdstip": _iso(_vastgezette_tijd(besluit)),
        "rectificatie_reden": besluit.rectificatie_reden,
    }


def publicatie_gegevens(besluit) -> dict:
    """The frozen snapshot of a published besluit; for a concept (preview) today's records."""
    return besluit.publicatie_gegevens or publicatie_gegevens_opbouwen(besluit)


def _datum(waarde):
    return parse_date(waarde) if waarde else None


def raadsbesluit_context(besluit) -> dict:
    g = publicatie_gegevens(besluit)
    vergadering = dict(g["vergadering"], datum=_datum(g["vergadering"]["datum"])) if g["vergadering"] else None
    tijdstip = parse_datetime(g["tijdstip"]) if g["tijdstip"] else None
    vastgesteld = parse_datetime(g["vastgesteld_op"]) if g["vastgesteld_op"] else None
    gepubliceerd = parse_datetime(g["gepubliceerd_op"]) if g["gepubliceerd_op"] else None
    return {
        "g": g,
        "vergadering": vergadering,
        "college_datum": _datum(g["college"]["datum"]),
        "besloten_op": vergadering["datum"] if vergadering else (vastgesteld.date() if vastgesteld else None),
        "gepubliceerd_op": gepubliceerd,
        "tijdstip": tijdstip or datetime.datetime.now(datetime.UTC),
        "font_dir": FONT_DIR.as_uri(),
    }


def raadsbesluit_pdf(besluit) -> bytes:
    """Render the raadsbesluit of a besluit as PDF/A-2a. Same snapshot in, same document out."""
    identifier = hashlib.md5(f"raadsbesluit:{besluit.uuid}:{besluit.versie}".encode(), usedforsecurity=False)
    return render_pdf(
        "pdf/raadsbesluit.html",
        raadsbesluit_context(besluit),
        base_url=str(settings.BASE_DIR / "static"),
        pdf_identifier=identifier.hexdigest().encode(),
        **PDF_A_2A,
    )


def pdf_controlesom(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def raadsbesluit_bestandsnaam(besluit) -> str:
    """The name a visitor's download gets: raadsbesluit-L275141.pdf (-v2 for a rectificatie)."""
    achtervoegsel = f"-v{besluit.versie}" if besluit.versie > 1 else ""
    return f"raadsbesluit-{besluit.zaak.zaaknummer}{achtervoegsel}.pdf"


def besluit_voor_pdf(pk):
    from .models import Besluit, DictumPunt

    return (
        Besluit.objects.select_related(
            "zaak", "raadsvoorstel", "vergadering", "vergadering__gremium", "agendapunt", "griffier", "voorzitter"
        )
        .prefetch_related(Prefetch("dictum", queryset=DictumPunt.objects.order_by("volgorde")))
        .get(pk=pk)
    )


def raadsbesluit_aanwezig(besluit) -> bool:
    return bool(besluit.pdf) and besluit.pdf.storage.exists(besluit.pdf.name)


def raadsbesluit_opslaan(besluit) -> bool:
    """Store the PDF of a published besluit whose file is missing: for the re-render command, the
    demo data, and the PDF view. Returns whether a file was written.

    An existing file is never touched. A missing one is rendered from the publication snapshot
    (a besluit published by an import without one gets it now, once) and must match the
    recorded checksum; otherwise PdfAfwijking is raised and nothing is stored."""
    from .models import Besluit

    with transaction.atomic():
        list(Besluit.objects.select_for_update().filter(pk=besluit.pk).values_list("pk", flat=True))
        vers = besluit_voor_pdf(besluit.pk)
        if vers.status != Besluit.Status.GEPUBLICEERD:
            raise RegelFout("Alleen van een gepubliceerd besluit wordt het PDF-raadsbesluit opgeslagen.")
        if raadsbesluit_aanwezig(vers):
            besluit.pdf.name = vers.pdf.name
            return False
        gegevens = vers.publicatie_gegevens or publicatie_gegevens_opbouwen(vers)
        vers.publicatie_gegevens = gegevens
        inhoud = raadsbesluit_pdf(vers)
        som = pdf_controlesom(inhoud)
        if vers.pdf_sha256 and som != vers.pdf_sha256:
            logger.error("Raadsbesluit %s: nieuwe weergave wijkt af van de vastgelegde PDF", vers.zaak.zaaknummer)
            raise PdfAfwijking(
                f"De PDF van besluit {vers.zaak.zaaknummer} (versie {vers.versie}) ontbreekt en een nieuwe "
                "weergave uit de vastgelegde gegevens wijkt af van de gepubliceerde (andere controlesom). "
                "Er is niets opgeslagen: zet het oorspronkelijke bestand terug uit de back-up."
            )
        opslag = vers.pdf.storage
        naam = vers.pdf.name or vers.pdf.field.generate_filename(vers, "raadsbesluit.pdf")
        opgeslagen = opslag.save(naam, ContentFile(inhoud))
        wijzigingen = {}
        if opgeslagen != vers.pdf.name:
            wijzigingen["pdf"] = opgeslagen
        if not vers.pdf_sha256:
            wijzigingen["pdf_sha256"] = som
        if not besluit_heeft_snapshot(vers.pk):
            wijzigingen["publicatie_gegevens"] = gegevens
        if wijzigingen:
            Besluit.objects.filter(pk=vers.pk).update(**wijzigingen)
    besluit.pdf.name = opgeslagen
    besluit.pdf_sha256 = vers.pdf_sha256 or som
    besluit.publicatie_gegevens = gegevens
    return True


def raadsbesluit_controleren(besluit) -> str | None:
    """Check a stored PDF against the checksum recorded at publication; a Dutch error message, or None.

    A PDF stored before checksums were recorded gets its checksum now (once): from then on it is checked."""
    from .models import Besluit

    with besluit.pdf.storage.open(besluit.pdf.name, "rb") as bestand:
        som = pdf_controlesom(bestand.read())
    if not besluit.pdf_sha256:
        Besluit.objects.filter(pk=besluit.pk, pdf_sha256="").update(pdf_sha256=som)
        besluit.pdf_sha256 = som
        return None
    if som != besluit.pdf_sha256:
        return (
            f"{besluit.zaak.zaaknummer} versie {besluit.versie}: het opgeslagen bestand wijkt af van de controlesom "
            "bij publicatie; zet het oorspronkelijke bestand terug uit de back-up."
        )
    return None


def besluit_heeft_snapshot(pk) -> bool:
    from .models import Besluit

    return Besluit.objects.filter(pk=pk, publicatie_gegevens__isnull=False).exists()
