"""The memo (or raadsinformatiebrief) as PDF/A-2a, rendered the same way as the raadsbesluit.

Rendered when it is first asked for once the memo is definitief, and stored per version (see
apps/raadsvoorstellen/pdf.py)."""

import hashlib

from django.conf import settings

from apps.core.gemeente import huidige_gemeente
from apps.core.pdf import PDF_A_2A, opgeslagen_pdf, render_pdf


def memo_pdf(memo) -> bytes:
    identifier = hashlib.md5(f"memo:{memo.uuid}:{memo.version}".encode(), usedforsecurity=False)
    return render_pdf(
        "pdf/memo.html",
        {
            "memo": memo,
            "gemeente": huidige_gemeente(),
            "tijdstip": memo.updated_at,
            "voettekst": f"{memo.get_soort_display().capitalize()} {memo.datum:%d-%m-%Y}",
        },
        base_url=str(settings.BASE_DIR / "static"),
        pdf_identifier=identifier.hexdigest().encode(),
        **PDF_A_2A,
    )


def memo_pdf_pad(memo) -> str:
    return f"documenten/memos/{memo.uuid}-v{memo.version}.pdf"


def memo_pdf_opslaan(memo) -> str:
    return opgeslagen_pdf(pad=memo_pdf_pad(memo), maak=lambda: memo_pdf(memo))


def memo_bestandsnaam(memo) -> str:
    return f"{memo.soort}-{memo.datum:%Y%m%d}-{str(memo.uuid)[:8]}.pdf"
