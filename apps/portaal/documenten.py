"""The raadsvoorstel and the memo as a file (PDF/A), by UUID: the direct file link of the open-data outputs.

Only once published (a raadsvoorstel that is no longer a concept, a definitieve memo) and only for who may see it;
404 otherwise. Public files may be cached by anyone, confidential ones only privately.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from apps.memos.models import Memo
from apps.memos.pdf import memo_bestandsnaam, memo_pdf_opslaan
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.raadsvoorstellen.pdf import raadsvoorstel_bestandsnaam, raadsvoorstel_pdf_opslaan


def _antwoord(pad: str, bestandsnaam: str, openbaar: bool):
    antwoord = FileResponse(
        default_storage.open(pad, "rb"), content_type="application/pdf", as_attachment=False, filename=bestandsnaam
    )
    antwoord["X-Content-Type-Options"] = "nosniff"
    if openbaar:
        patch_cache_control(antwoord, public=True, max_age=3600)
    else:
        patch_cache_control(antwoord, private=True, no_store=True)
    return antwoord


def raadsvoorstel_pdf(request, uuid):
    raadsvoorstel = (
        Raadsvoorstel.objects.zichtbaar_voor(request.user)
        .exclude(status="concept")
        .select_related("zaak", "portefeuillehouder")
        .filter(uuid=uuid)
        .first()
    )
    if raadsvoorstel is None:
        raise Http404("Dit raadsvoorstel bestaat niet of is niet openbaar.")
    pad = raadsvoorstel_pdf_opslaan(raadsvoorstel)
    openbaar = raadsvoorstel.vertrouwelijkheid == "openbaar"
    return _antwoord(pad, raadsvoorstel_bestandsnaam(raadsvoorstel), openbaar)


def memo_pdf(request, uuid):
    memo = Memo.objects.zichtbaar_voor(request.user).filter(status="definitief", uuid=uuid).first()
    if memo is None:
        raise Http404("Deze memo bestaat niet of is niet openbaar.")
    return _antwoord(memo_pdf_opslaan(memo), memo_bestandsnaam(memo), memo.vertrouwelijkheid == "openbaar")
