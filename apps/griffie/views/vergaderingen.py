"""The griffie's meeting pages and agenda builder: vergaderingen, their agendapunten and status actions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.services import RegelFout
from apps.griffie import selectors
from apps.vergaderagenda import services as agenda_services
from apps.vergaderagenda.forms import AgendapuntForm, VergaderingForm
from apps.vergaderagenda.models import Agendapunt, Vergadering

from .algemeen import _actie_uitvoeren, _formulier, _of_404, _opslaan, _versie, griffie_vereist

VERGADERING_SECTIES = [
    ("Vergadering", ["gremium", "soort", "titel", "datum", "aanvang", "einde", "locatie", "openbaar", "toelichting"]),
]


@griffie_vereist
def vergaderingen(request):
    return render(
        request,
        "griffie/vergaderingen.html",
        {"vergaderingen": list(selectors.vergaderingen_lijst()[: selectors.LIJST_LIMIET])},
    )


@griffie_vereist
def vergadering_formulier(request, uuid=None):
    vergadering = _of_404(selectors.vergadering_detail(uuid)) if uuid else None
    conflict = None
    if request.method == "POST":
        form = VergaderingForm(request.POST, instance=vergadering or Vergadering())
        if form.is_valid():
            opgeslagen, conflict = _opslaan(
                request,
                form,
                vergadering,
                lambda: agenda_services.vergadering_opslaan(
                    vergadering=form.instance, versie=_versie(form), velden=form.velden(), door=request.user
                ),
            )
            if opgeslagen is not None:
                messages.success(request, f"De vergadering “{opgeslagen.titel}” is opgeslagen.")
                return redirect("griffie:vergadering", uuid=opgeslagen.uuid)
    else:
        form = VergaderingForm(instance=vergadering or Vergadering())
    return _formulier(
        request,
        titel="Vergadering bewerken" if vergadering else "Nieuwe vergadering",
        form=form,
        secties=VERGADERING_SECTIES,
        conflict=conflict,
        terug=reverse("griffie:vergadering", kwargs={"uuid": vergadering.uuid})
        if vergadering
        else reverse("griffie:vergaderingen"),
        kruimels=[("Vergaderingen", reverse("griffie:vergaderingen"))],
        record=vergadering,
        status=409 if conflict else 200,
    )


@griffie_vereist
def vergadering(request, uuid):
    vergadering = _of_404(selectors.vergadering_detail(uuid))
    return render(
        request,
        "griffie/vergadering.html",
        {
            "vergadering": vergadering,
            "agendapunten": selectors.agenda_met_besluiten(vergadering),
            "geschiedenis": selectors.geschiedenis(vergadering),
        },
    )


VERGADERING_ACTIES = {
    "publiceren": (agenda_services.vergadering_publiceren, "De agenda is gepubliceerd."),
    "annuleren": (agenda_services.vergadering_annuleren, "De vergadering is geannuleerd."),
    "verwijderen": (agenda_services.vergadering_verwijderen, "De vergadering is verwijderd."),
}


@require_POST
@griffie_vereist
def vergadering_actie(request, uuid, actie):
    vergadering = get_object_or_404(Vergadering, uuid=uuid)
    if actie not in VERGADERING_ACTIES:
        raise Http404
    return _actie_uitvoeren(
        request,
        VERGADERING_ACTIES[actie],
        {"vergadering": vergadering},
        actie=actie,
        detail="griffie:vergadering",
        lijst="griffie:vergaderingen",
        uuid=uuid,
    )


AGENDAPUNT_SECTIES = [
    ("Agendapunt", ["volgnummer", "titel", "omschrijving", "aanvang", "einde", "behandeling", "besloten"]),
    ("Stukken", ["raadsvoorstel", "zaaknummer", "memos", "onderwerpen"]),
    ("Bijlage toevoegen", ["bijlage", "bijlage_titel", "bijlage_vertrouwelijkheid"]),
]


@griffie_vereist
def agendapunt_formulier(request, uuid=None, vergadering_uuid=None):
    if uuid:
        punt = _of_404(selectors.agendapunt_detail(uuid))
        vergadering = punt.vergadering
    else:
        punt = None
        vergadering = get_object_or_404(Vergadering, uuid=vergadering_uuid)
    conflict = None
    if request.method == "POST":
        form = AgendapuntForm(request.POST, request.FILES, instance=punt or Agendapunt(vergadering=vergadering))
        if form.is_valid():
            opgeslagen, conflict = _opslaan(
                request,
                form,
                punt,
                lambda: agenda_services.agendapunt_opslaan(
                    agendapunt=form.instance,
                    vergadering=vergadering,
                    versie=_versie(form),
                    velden=form.velden(),
                    memos=form.cleaned_data["memos"],
                    onderwerpen=form.cleaned_data["onderwerpen"],
                    bijlage=form.nieuwe_bijlage(),
                    door=request.user,
                ),
            )
            if opgeslagen is not None:
                messages.success(request, f"Het agendapunt “{opgeslagen.titel}” is opgeslagen.")
                return redirect("griffie:vergadering", uuid=vergadering.uuid)
    else:
        form = AgendapuntForm(instance=punt or Agendapunt(vergadering=vergadering))
    extra = {}
    if punt is not None:
        extra = {"bijlagen": list(punt.bijlagen.all()), "geschiedenis": selectors.geschiedenis(punt)}
    return _formulier(
        request,
        titel=f"Agendapunt bewerken — {vergadering.titel}" if punt else f"Agendapunt toevoegen — {vergadering.titel}",
        form=form,
        secties=AGENDAPUNT_SECTIES,
        conflict=conflict,
        terug=reverse("griffie:vergadering", kwargs={"uuid": vergadering.uuid}),
        kruimels=[
            ("Vergaderingen", reverse("griffie:vergaderingen")),
            (str(vergadering), reverse("griffie:vergadering", kwargs={"uuid": vergadering.uuid})),
        ],
        status=409 if conflict else 200,
        extra=extra,
    )


@require_POST
@griffie_vereist
def agendapunt_verplaatsen(request, uuid):
    punt = _of_404(selectors.agendapunt_detail(uuid))
    richting = request.POST.get("richting", "")
    try:
        agenda_services.agendapunt_verplaatsen(agendapunt=punt, richting=richting, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
    else:
        waarheen = "omhoog" if richting == "omhoog" else "omlaag"
        messages.success(request, f"Agendapunt “{punt.titel}” is een plaats {waarheen} gezet.")
    return redirect(reverse("griffie:vergadering", kwargs={"uuid": punt.vergadering.uuid}) + f"#punt-{punt.uuid}")


@require_POST
@griffie_vereist
def agendapunt_verwijderen(request, uuid):
    punt = _of_404(selectors.agendapunt_detail(uuid))
    try:
        agenda_services.agendapunt_verwijderen(agendapunt=punt, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, f"Agendapunt “{punt.titel}” is van de agenda gehaald.")
    return redirect("griffie:vergadering", uuid=punt.vergadering.uuid)
