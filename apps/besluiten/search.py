"""How a besluit becomes a search document (registered in BesluitenConfig.ready())."""

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse


def _zichtbaarheid(besluit) -> str:
    if besluit.status != "gepubliceerd":
        return "griffie"
    return "publiek" if besluit.vertrouwelijkheid == "openbaar" else "raadslid"


def _is_vervangen(besluit) -> bool:
    vervangen = getattr(besluit, "is_vervangen", None)
    if vervangen is None:
        from .models import Besluit

        vervangen = Besluit.objects.filter(vervangt=besluit, status="gepubliceerd").exists()
    return vervangen


def besluit_document(besluit):
    """A superseded version (a published rectificatie replaces it) leaves the index: its
    successor, at the same address, is the one to find."""
    if _is_vervangen(besluit):
        return None
    dictum = [p.tekst for p in besluit.dictum.all()]
    datum = besluit.vergadering.datum if besluit.vergadering_id else None
    if datum is None and besluit.gepubliceerd_op:
        datum = besluit.gepubliceerd_op.date()
    zaaknummer = besluit.zaak.zaaknummer
    return {
        "titel": besluit.titel,
        "tekst": "\n".join([*dictum, besluit.get_uitkomst_display() or "", besluit.rectificatie_reden]).strip(),
        "url": reverse("besluiten:detail", kwargs={"zaaknummer": zaaknummer}),
        "datum": datum,
        "zaaknummer": zaaknummer,
        "zichtbaarheid": _zichtbaarheid(besluit),
    }


def besluiten_voor_index():
    from .models import Besluit, DictumPunt

    return (
        Besluit.objects.select_related("zaak", "vergadering")
        .prefetch_related(Prefetch("dictum", queryset=DictumPunt.objects.order_by("volgorde")))
        .annotate(is_vervangen=Exists(Besluit.objects.filter(vervangt=OuterRef("pk"), status="gepubliceerd")))
        .order_by("pk")
    )


def besluit_verwant(besluit):
    """Publishing a rectificatie drops the version it replaces from the index."""
    return [besluit.vervangt] if besluit.vervangt_id else []
