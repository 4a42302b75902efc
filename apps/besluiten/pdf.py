"""The PDF raadsbesluit (structure of the Raadsbesluit in seed 001)."""

from django.conf import settings

from apps.core.gemeente import huidige_gemeente
from apps.core.pdf import render_pdf


def raadsbesluit_pdf(besluit) -> bytes:
    """Render the raadsbesluit of a besluit. Same besluit in, same text out."""
    context = {
        "besluit": besluit,
        "dictum": list(besluit.dictum.order_by("volgorde")),
        "gemeente": huidige_gemeente(),
        "titel_griffier": settings.TITEL_GRIFFIER,
        "titel_voorzitter": settings.TITEL_VOORZITTER,
    }
    return render_pdf("pdf/raadsbesluit.html", context)
