"""Download of a bijlage (attachment) of a raadsvoorstel, memo or agendapunt, by its UUID.

The parent's visibility decides (404 when the user may not see it), then the bijlage's own
vertrouwelijkheid. Files live outside the static files and are only served here.
"""

from django.http import FileResponse, Http404

from apps.core.models import Vertrouwelijkheid
from apps.core.permissions import mag_besloten_zien
from apps.memos.models import Memo, MemoBijlage
from apps.raadsvoorstellen.models import Raadsvoorstel, RaadsvoorstelBijlage
from apps.registers.models import IngekomenStuk, IngekomenStukBijlage
from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage

# (bijlage model, parent model, name of the parent's foreign key)
BRONNEN = [
    (RaadsvoorstelBijlage, Raadsvoorstel, "raadsvoorstel_id"),
    (MemoBijlage, Memo, "memo_id"),
    (AgendapuntBijlage, Agendapunt, "agendapunt_id"),
    (IngekomenStukBijlage, IngekomenStuk, "ingekomenstuk_id"),
]


def zichtbare_bijlage(*, uuid, user):
    """The bijlage with this uuid if user may download it, else None."""
    for bijlage_model, parent_model, fk in BRONNEN:
        bijlage = bijlage_model.objects.filter(uuid=uuid).first()
        if bijlage is None:
            continue
        if not parent_model.objects.zichtbaar_voor(user).filter(pk=getattr(bijlage, fk)).exists():
            return None
        if bijlage.vertrouwelijkheid != Vertrouwelijkheid.OPENBAAR and not mag_besloten_zien(user):
            return None
        return bijlage
    return None


def download(request, uuid):
    bijlage = zichtbare_bijlage(uuid=uuid, user=request.user)
    if bijlage is None or not bijlage.bestand:
        raise Http404("Deze bijlage bestaat niet of is niet openbaar.")
    try:
        bestand = bijlage.bestand.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404("Het bestand van deze bijlage is niet gevonden.") from exc
    is_pdf = bijlage.mimetype == "application/pdf"
    response = FileResponse(
        bestand,
        content_type=bijlage.mimetype or "application/octet-stream",
        as_attachment=not is_pdf,
        filename=bijlage.bestandsnaam or f"bijlage.{bijlage.type_label.lower() or 'bin'}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-cache"
    if bijlage.vertrouwelijkheid != Vertrouwelijkheid.OPENBAAR:
        response["Cache-Control"] = "private, no-store"
    return response
