"""Download of a bijlage (attachment) of a raadsvoorstel, memo or agendapunt, by its UUID.

The parent's visibility decides (404 when the user may not see it), then the bijlage's own
vertrouwelijkheid. Files live outside the static files and are only served here.
"""

from django.http import FileResponse, Http404

from apps.core.models import Vertrouwelijkheid
from apps.core.selectors import bijlage_vinden


def zichtbare_bijlage(*, uuid, user):
    """The bijlage with this uuid if user may download it, else None (BijlageQuerySet.zichtbaar_voor)."""
    return bijlage_vinden(uuid=uuid, user=user)


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
        filename=bijlage.downloadnaam,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-cache"
    if bijlage.vertrouwelijkheid != Vertrouwelijkheid.OPENBAAR:
        response["Cache-Control"] = "private, no-store"
    return response
