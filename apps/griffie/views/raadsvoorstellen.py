"""The griffie's raadsvoorstel pages: list, form, detail and status actions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.griffie import selectors
from apps.raadsvoorstellen import services as voorstel_services
from apps.raadsvoorstellen.forms import BeslispuntFormSet, RaadsvoorstelForm, beslispunten_initial
from apps.raadsvoorstellen.models import Raadsvoorstel

from .algemeen import _actie_uitvoeren, _formulier, _of_404, _opslaan, _versie, griffie_vereist

VOORSTEL_SECTIES = [
    ("Zaak en onderwerp", ["zaak_keuze", "zaaknummer", "titel", "onderwerpen"]),
    ("Datums en portefeuillehouder", ["college_besluitdatum", "datum_raadsvergadering", "portefeuillehouder"]),
    ("Inhoud", list(Raadsvoorstel.SECTIES)),
    ("Ondertekening en vertrouwelijkheid", ["directeur_secretaris", "burgemeester", "vertrouwelijkheid"]),
    ("Bijlage toevoegen", ["bijlage", "bijlage_titel", "bijlage_vertrouwelijkheid"]),
]


@griffie_vereist
def raadsvoorstellen(request):
    return render(
        request,
        "griffie/raadsvoorstellen.html",
        {"voorstellen": list(selectors.raadsvoorstellen_lijst()[: selectors.LIJST_LIMIET])},
    )


@griffie_vereist
def raadsvoorstel_formulier(request, uuid=None):
    voorstel = _of_404(selectors.raadsvoorstel_detail(uuid)) if uuid else None
    if voorstel and voorstel.status not in voorstel_services.BEWERKBAAR:
        messages.error(request, "Een besloten of ingetrokken raadsvoorstel kan niet meer worden gewijzigd.")
        return redirect("griffie:raadsvoorstel", uuid=voorstel.uuid)
    conflict = None
    if request.method == "POST":
        form = RaadsvoorstelForm(request.POST, request.FILES, instance=voorstel or Raadsvoorstel())
        formset = BeslispuntFormSet(request.POST, prefix="beslispunten")
        if form.is_valid() & formset.is_valid():
            opgeslagen, conflict = _opslaan(
                request,
                form,
                voorstel,
                lambda: voorstel_services.raadsvoorstel_opslaan(
                    raadsvoorstel=form.instance,
                    zaaknummer=form.cleaned_data.get("zaaknummer") or None,
                    versie=_versie(form),
                    velden=form.velden(),
                    beslispunten=formset.teksten(),
                    onderwerpen=form.cleaned_data["onderwerpen"],
                    bijlage=form.nieuwe_bijlage(),
                    door=request.user,
                ),
            )
            if opgeslagen is not None:
                messages.success(request, f"Het raadsvoorstel “{opgeslagen.titel}” is opgeslagen.")
                return redirect("griffie:raadsvoorstel", uuid=opgeslagen.uuid)
    else:
        form = RaadsvoorstelForm(instance=voorstel or Raadsvoorstel())
        formset = BeslispuntFormSet(prefix="beslispunten", initial=beslispunten_initial(voorstel) if voorstel else None)
    titel = f"Raadsvoorstel {voorstel.zaak.zaaknummer} bewerken" if voorstel else "Nieuw raadsvoorstel"
    return _formulier(
        request,
        titel=titel,
        form=form,
        secties=VOORSTEL_SECTIES,
        formsets=[("Ontwerpbesluit: beslispunten", formset)],
        conflict=conflict,
        terug=reverse("griffie:raadsvoorstel", kwargs={"uuid": voorstel.uuid})
        if voorstel
        else reverse("griffie:raadsvoorstellen"),
        intro="Sla het voorstel op als concept en kom later terug; bied het aan als het klaar is.",
        kruimels=[("Raadsvoorstellen", reverse("griffie:raadsvoorstellen"))],
        record=voorstel,
        status=409 if conflict else 200,
        knoppen=[("opslaan", "Opslaan" if voorstel and voorstel.status != "concept" else "Opslaan als concept", True)],
    )


@griffie_vereist
def raadsvoorstel(request, uuid):
    voorstel = _of_404(selectors.raadsvoorstel_detail(uuid))
    return render(
        request,
        "griffie/raadsvoorstel.html",
        {
            "voorstel": voorstel,
            "bewerkbaar": voorstel.status in voorstel_services.BEWERKBAAR,
            "geschiedenis": selectors.geschiedenis(voorstel),
        },
    )


VOORSTEL_ACTIES = {
    "indienen": (voorstel_services.raadsvoorstel_indienen, "Het raadsvoorstel is aangeboden."),
    "intrekken": (voorstel_services.raadsvoorstel_intrekken, "Het raadsvoorstel is ingetrokken."),
    "verwijderen": (voorstel_services.raadsvoorstel_verwijderen, "Het raadsvoorstel is verwijderd."),
}


@require_POST
@griffie_vereist
def raadsvoorstel_actie(request, uuid, actie):
    voorstel = get_object_or_404(Raadsvoorstel, uuid=uuid)
    if actie not in VOORSTEL_ACTIES:
        raise Http404
    return _actie_uitvoeren(
        request,
        VOORSTEL_ACTIES[actie],
        {"raadsvoorstel": voorstel},
        actie=actie,
        detail="griffie:raadsvoorstel",
        lijst="griffie:raadsvoorstellen",
        uuid=uuid,
    )
