"""How a motie and an amendement become search documents (registered in MotiesConfig.ready())."""

from django.db.models import Prefetch

from apps.core.search import eerste_url


def _zichtbaarheid(stuk, *, voorstel_openbaar: bool = True) -> str:
    if stuk.status == "concept":
        return "griffie"
    vergadering = stuk.vergadering
    publiek = (
        stuk.vertrouwelijkheid == "openbaar"
        and voorstel_openbaar
        and vergadering.openbaar
        and vergadering.status != "concept"
        and not (stuk.agendapunt_id and stuk.agendapunt.besloten)
    )
    return "publiek" if publiek else "raadslid"


def _indieners(stuk) -> str:
    return ", ".join(
        f"{i.persoon.naam} ({i.fractie.naam})" if i.fractie_id else i.persoon.naam for i in stuk.indieners.all()
    )


def motie_document(motie):
    return {
        "titel": f"Motie {motie.nummer}: {motie.titel}",
        "tekst": "\n".join(
            [
                motie.get_motietype_display(),
                motie.get_status_display(),
                _indieners(motie),
                motie.constaterende,
                motie.overwegende,
                motie.verzoek,
            ]
        ).strip(),
        "url": eerste_url([("moties:motie", {"nummer": motie.nummer})], f"/moties/{motie.nummer}/"),
        "datum": motie.ingediend_op,
        "zaaknummer": motie.raadsvoorstel.zaak.zaaknummer if motie.raadsvoorstel_id else "",
        "zichtbaarheid": _zichtbaarheid(motie),
    }


def amendement_document(amendement):
    voorstel = amendement.raadsvoorstel
    return {
        "titel": f"Amendement {amendement.nummer}: {amendement.titel}",
        "tekst": "\n".join(
            [
                amendement.get_status_display(),
                _indieners(amendement),
                voorstel.titel,
                amendement.toelichting,
                amendement.nieuwe_tekst,
            ]
        ).strip(),
        "url": eerste_url(
            [("moties:amendement", {"nummer": amendement.nummer})], f"/amendementen/{amendement.nummer}/"
        ),
        "datum": amendement.ingediend_op,
        "zaaknummer": voorstel.zaak.zaaknummer,
        "zichtbaarheid": _zichtbaarheid(amendement, voorstel_openbaar=voorstel.vertrouwelijkheid == "openbaar"),
    }


def _indieners_prefetch():
    from .models import Indiener

    return Prefetch("indieners", queryset=Indiener.objects.select_related("persoon", "fractie").order_by("volgorde"))


def moties_voor_index():
    from .models import Motie

    return (
        Motie.objects.select_related("vergadering", "agendapunt", "raadsvoorstel__zaak")
        .prefetch_related(_indieners_prefetch())
        .order_by("pk")
    )


def amendementen_voor_index():
    from .models import Amendement

    return (
        Amendement.objects.select_related("vergadering", "agendapunt", "raadsvoorstel__zaak")
        .prefetch_related(_indieners_prefetch())
        .order_by("pk")
    )
