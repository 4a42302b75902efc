"""How register items become search documents (registered in RegistersConfig.ready()).

A private sender's name and address never enter the index: the text uses `afzender_publiek` ("particulier").
"""

from django.urls import reverse

TOEZEGGING = "toezegging"
MOTIEOPVOLGING = "motieopvolging"
INGEKOMEN_STUK = "ingekomen_stuk"
SCHRIFTELIJKE_VRAAG = "schriftelijke_vraag"
LANGETERMIJN = "langetermijn"


def _zichtbaarheid(item, *, publiek_extra: bool = True) -> str:
    if not item.is_gepubliceerd:
        return "griffie"
    return "publiek" if item.vertrouwelijkheid == "openbaar" and publiek_extra else "raadslid"


def _zaaknummer(item) -> str:
    return item.zaak.zaaknummer if item.zaak_id else ""


def toezegging_document(t):
    v = t.vergadering
    publiek = v.openbaar and v.status != "concept" and not (t.agendapunt_id and t.agendapunt.besloten)
    return {
        "titel": f"Toezegging {t.nummer}: {t.titel}",
        "tekst": "\n".join([t.tekst, t.persoon.naam, t.portefeuille, t.toestand_label, t.toelichting]),
        "url": reverse("registers:toezegging", kwargs={"nummer": t.nummer}),
        "datum": v.datum,
        "zaaknummer": _zaaknummer(t),
        "zichtbaarheid": _zichtbaarheid(t, publiek_extra=publiek),
    }


def motieopvolging_document(o):
    from apps.moties.models import Motie

    motie = o.motie
    if motie.status != "aangenomen":
        return None
    zichtbaarheid = "publiek" if Motie.objects.openbaar().filter(pk=motie.pk).exists() else "raadslid"
    rijen = list(o.standen.all())
    standen = [f"{s.datum:%d-%m-%Y}: {s.tekst}" for s in rijen]
    return {
        "titel": f"Motiemonitor {motie.nummer}: {motie.titel}",
        "tekst": "\n".join([o.toestand_label, motie.verzoek, *standen]),
        "url": reverse("registers:motie", kwargs={"nummer": motie.nummer}),
        "datum": rijen[-1].datum if rijen else motie.ingediend_op,
        "zaaknummer": motie.raadsvoorstel.zaak.zaaknummer if motie.raadsvoorstel_id else "",
        "zichtbaarheid": zichtbaarheid,
    }


def ingekomen_stuk_document(s):
    return {
        "titel": f"Ingekomen stuk {s.nummer}: {s.onderwerp}",
        "tekst": "\n".join([f"Afzender: {s.afzender_publiek}", s.samenvatting, s.voorstel_tekst, s.vastgesteld_tekst]),
        "url": reverse("registers:ingekomen-stuk", kwargs={"nummer": s.nummer}),
        "datum": s.ontvangen_op,
        "zaaknummer": _zaaknummer(s),
        "zichtbaarheid": _zichtbaarheid(s),
    }


def schriftelijke_vraag_document(v):
    return {
        "titel": f"Schriftelijke vragen {v.nummer}: {v.onderwerp}",
        "tekst": "\n".join([v.vraagsteller_tekst, v.vragen, v.antwoord_tekst, v.toestand_label]),
        "url": reverse("registers:schriftelijke-vraag", kwargs={"nummer": v.nummer}),
        "datum": v.gesteld_op,
        "zaaknummer": _zaaknummer(v),
        "zichtbaarheid": _zichtbaarheid(v),
    }


def langetermijn_document(i):
    return {
        "titel": f"Lange termijnagenda {i.periode}: {i.titel}",
        "tekst": "\n".join(
            [i.omschrijving, i.get_status_display(), i.portefeuillehouder.naam if i.portefeuillehouder_id else ""]
        ),
        "url": reverse("registers:langetermijn-item", kwargs={"uuid": i.uuid}),
        "datum": i.verwachte_datum,
        "zaaknummer": _zaaknummer(i),
        "zichtbaarheid": _zichtbaarheid(i),
    }


def _toezeggingen():
    from .models import Toezegging

    return Toezegging.objects.select_related("vergadering", "agendapunt", "persoon", "zaak").order_by("pk")


def _opvolgingen():
    from .models import Motieopvolging

    return (
        Motieopvolging.objects.select_related("motie__raadsvoorstel__zaak").prefetch_related("standen").order_by("pk")
    )


def _stukken():
    from .models import IngekomenStuk

    return IngekomenStuk.objects.select_related("zaak", "voorgestelde_commissie", "vastgestelde_commissie").order_by(
        "pk"
    )


def _vragen():
    from .models import SchriftelijkeVraag

    return SchriftelijkeVraag.objects.select_related("zaak", "vraagsteller", "fractie").order_by("pk")


def _langetermijn():
    from .models import LangetermijnItem

    return LangetermijnItem.objects.select_related("zaak", "portefeuillehouder", "verwachte_vergadering").order_by("pk")


BOUWERS = {
    TOEZEGGING: toezegging_document,
    MOTIEOPVOLGING: motieopvolging_document,
    INGEKOMEN_STUK: ingekomen_stuk_document,
    SCHRIFTELIJKE_VRAAG: schriftelijke_vraag_document,
    LANGETERMIJN: langetermijn_document,
}
VOOR_INDEX = {
    TOEZEGGING: _toezeggingen,
    MOTIEOPVOLGING: _opvolgingen,
    INGEKOMEN_STUK: _stukken,
    SCHRIFTELIJKE_VRAAG: _vragen,
    LANGETERMIJN: _langetermijn,
}
