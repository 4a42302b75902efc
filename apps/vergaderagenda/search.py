"""How an agenda item becomes a search document (registered in VergaderagendaConfig.ready()).

A meeting has no document of its own, but its status and openness decide who may see its
items, so a change to a meeting rebuilds its items' documents.
"""

from django.urls import reverse


def agendapunt_document(punt):
    vergadering = punt.vergadering
    if vergadering.status == "concept":
        zichtbaarheid = "griffie"
    elif punt.besloten or not vergadering.openbaar:
        zichtbaarheid = "raadslid"
    else:
        zichtbaarheid = "publiek"
    datum = vergadering.datum
    return {
        "titel": punt.titel,
        "tekst": "\n".join(filter(None, [punt.omschrijving, f"{vergadering.titel} {datum:%d-%m-%Y}"])),
        "url": reverse("vergaderagenda:agenda", kwargs={"datum": datum.isoformat()}) + f"#agendapunt-{punt.uuid}",
        "datum": datum,
        "zaaknummer": punt.zaak.zaaknummer if punt.zaak_id else "",
        "zichtbaarheid": zichtbaarheid,
    }


def agendapunten_voor_index():
    from .models import Agendapunt

    return Agendapunt.objects.select_related("vergadering", "zaak").order_by("pk")


def vergadering_verwant(vergadering):
    return list(vergadering.agendapunten.select_related("vergadering", "zaak"))
