"""How a raadsvoorstel becomes a search document (registered in RaadsvoorstellenConfig.ready())."""

from django.db.models import Prefetch
from django.urls import reverse


def raadsvoorstel_document(voorstel):
    if voorstel.status == "concept":
        zichtbaarheid = "griffie"
    else:
        zichtbaarheid = "publiek" if voorstel.vertrouwelijkheid == "openbaar" else "raadslid"
    zaaknummer = voorstel.zaak.zaaknummer
    delen = [f"{label}\n{tekst}" for label, tekst in voorstel.secties()]
    delen += [p.tekst for p in voorstel.beslispunten.all()]
    if voorstel.portefeuillehouder_id:
        delen.append(f"Portefeuillehouder {voorstel.portefeuillehouder.naam}")
    return {
        "titel": voorstel.titel,
        "tekst": "\n\n".join(delen),
        "url": reverse("portaal:zaak", kwargs={"zaaknummer": zaaknummer}),  # the zaak's timeline shows the voorstel
        "datum": voorstel.datum_raadsvergadering or voorstel.college_besluitdatum,
        "zaaknummer": zaaknummer,
        "zichtbaarheid": zichtbaarheid,
    }


def raadsvoorstellen_voor_index():
    from .models import Beslispunt, Raadsvoorstel

    return (
        Raadsvoorstel.objects.select_related("zaak", "portefeuillehouder")
        .prefetch_related(Prefetch("beslispunten", queryset=Beslispunt.objects.order_by("volgorde")))
        .order_by("pk")
    )
