"""The griffie's besluit pages: register on an agendapunt, change, vaststellen, publiceren, rectificeren."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.besluiten import services as besluit_services
from apps.besluiten.forms import (
    BesluitForm,
    DictumFormSet,
    PublicatieBevestigingForm,
    RectificatieForm,
    dictum_initial,
)
from apps.besluiten.models import Besluit
from apps.core.services import RegelFout
from apps.griffie import selectors

from .algemeen import _actie_uitvoeren, _formulier, _of_404, _opslaan, _versie, griffie_vereist

BESLUIT_SECTIES = [
    ("Besluit", ["titel", "uitkomst"]),
    ("Stemming", ["stemming", "stemmen_voor", "stemmen_tegen"]),
    ("Ondertekening en vertrouwelijkheid", ["griffier", "voorzitter", "vertrouwelijkheid"]),
]


@griffie_vereist
def besluiten(request):
    return render(
        request, "griffie/besluiten.html", {"besluiten": list(selectors.besluiten_lijst()[: selectors.LIJST_LIMIET])}
    )


@griffie_vereist
def besluit_registreren(request, uuid):
    punt = _of_404(selectors.agendapunt_detail(uuid))
    bestaand = punt.besluiten.order_by("-versie").first()
    if bestaand is not None:
        return redirect("griffie:besluit", uuid=bestaand.uuid)
    if punt.raadsvoorstel is None:
        messages.error(request, "Op dit agendapunt staat geen raadsvoorstel; een besluit hoort bij een raadsvoorstel.")
        return redirect("griffie:vergadering", uuid=punt.vergadering.uuid)
    standaard = besluit_services.besluit_voorstel(agendapunt=punt)
    if request.method == "POST":
        form = BesluitForm(request.POST, instance=Besluit())
        formset = DictumFormSet(request.POST, prefix="dictum")
        if form.is_valid() & formset.is_valid():
            besluit, _conflict = _opslaan(
                request,
                form,
                None,
                lambda: besluit_services.besluit_opslaan(
                    besluit=None, agendapunt=punt, velden=form.velden(), dictum=formset.teksten(), door=request.user
                ),
            )
            if besluit is not None:
                messages.success(request, "Het besluit is geregistreerd (concept). Stel het vast en publiceer het.")
                return redirect("griffie:besluit", uuid=besluit.uuid)
    else:
        form = BesluitForm(
            instance=Besluit(),
            initial={
                "titel": standaard["titel"],
                "griffier": standaard["griffier"],
                "voorzitter": standaard["voorzitter"],
                "vertrouwelijkheid": standaard["vertrouwelijkheid"],
            },
        )
        formset = DictumFormSet(
            prefix="dictum", initial=[{"tekst": t, "volgorde": i} for i, t in enumerate(standaard["dictum"], 1)]
        )
    return _formulier(
        request,
        titel=f"Besluit registreren — {punt.raadsvoorstel.zaak.zaaknummer}",
        form=form,
        secties=BESLUIT_SECTIES,
        formsets=[("Dictum: de raad besluit", formset)],
        terug=reverse("griffie:vergadering", kwargs={"uuid": punt.vergadering.uuid}),
        intro="Het dictum is overgenomen uit het ontwerpbesluit; pas het aan aan wat de raad besloot.",
        kruimels=[
            ("Vergaderingen", reverse("griffie:vergaderingen")),
            (str(punt.vergadering), reverse("griffie:vergadering", kwargs={"uuid": punt.vergadering.uuid})),
        ],
        knoppen=[("opslaan", "Besluit registreren", True)],
    )


def _besluit_pagina(request, besluit, rectificatie_form):
    return render(
        request,
        "griffie/besluit.html",
        {"besluit": besluit, "geschiedenis": selectors.geschiedenis(besluit), "rectificatie_form": rectificatie_form},
    )


@griffie_vereist
def besluit(request, uuid):
    besluit = _of_404(selectors.besluit_detail(uuid))
    return _besluit_pagina(request, besluit, RectificatieForm() if besluit.is_gepubliceerd else None)


@griffie_vereist
def besluit_bewerken(request, uuid):
    besluit = _of_404(selectors.besluit_detail(uuid))
    if besluit.is_gepubliceerd:
        messages.error(request, besluit_services.GEPUBLICEERD_MELDING)
        return redirect("griffie:besluit", uuid=uuid)
    conflict = None
    if request.method == "POST":
        form = BesluitForm(request.POST, instance=besluit)
        formset = DictumFormSet(request.POST, prefix="dictum")
        if form.is_valid() & formset.is_valid():
            opgeslagen, conflict = _opslaan(
                request,
                form,
                besluit,
                lambda: besluit_services.besluit_opslaan(
                    besluit=form.instance,
                    versie=_versie(form),
                    velden=form.velden(),
                    dictum=formset.teksten(),
                    door=request.user,
                ),
            )
            if opgeslagen is not None:
                messages.success(request, "Het besluit is opgeslagen.")
                return redirect("griffie:besluit", uuid=uuid)
    else:
        form = BesluitForm(instance=besluit)
        formset = DictumFormSet(prefix="dictum", initial=dictum_initial(besluit))
    return _formulier(
        request,
        titel=f"Besluit {besluit.zaak.zaaknummer} bewerken",
        form=form,
        secties=BESLUIT_SECTIES,
        formsets=[("Dictum: de raad besluit", formset)],
        conflict=conflict,
        terug=reverse("griffie:besluit", kwargs={"uuid": uuid}),
        kruimels=[("Besluiten", reverse("griffie:besluiten"))],
        record=besluit,
        status=409 if conflict else 200,
    )


BESLUIT_ACTIES = {
    "vaststellen": (besluit_services.besluit_vaststellen, "Het besluit is vastgesteld."),
    "verwijderen": (besluit_services.besluit_verwijderen, "Het besluit is verwijderd."),
}


@require_POST
@griffie_vereist
def besluit_actie(request, uuid, actie):
    besluit = get_object_or_404(Besluit, uuid=uuid)
    if actie not in BESLUIT_ACTIES:
        raise Http404
    return _actie_uitvoeren(
        request,
        BESLUIT_ACTIES[actie],
        {"besluit": besluit},
        actie=actie,
        detail="griffie:besluit",
        lijst="griffie:besluiten",
        uuid=uuid,
    )


@griffie_vereist
def besluit_publiceren(request, uuid):
    """A confirmation step (it cannot be undone), then the service; warnings come from the service."""
    besluit = _of_404(selectors.besluit_detail(uuid))
    try:
        waarschuwingen = besluit_services.besluit_publicatie_controleren(besluit=besluit)
    except RegelFout as fout:
        messages.error(request, fout.melding)
        return redirect("griffie:besluit", uuid=uuid)
    form = PublicatieBevestigingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            besluit_services.besluit_publiceren(besluit=besluit, door=request.user)
        except RegelFout as fout:
            form.add_error(None, fout.melding)
        else:
            messages.success(
                request,
                "Het besluit is gepubliceerd. Het PDF-raadsbesluit is opgeslagen en het besluit kan niet meer "
                "worden gewijzigd.",
            )
            return redirect("griffie:besluit", uuid=uuid)
    context = {"besluit": besluit, "form": form, "waarschuwingen": waarschuwingen}
    return render(request, "griffie/besluit_publiceren.html", context, status=400 if form.errors else 200)


@require_POST
@griffie_vereist
def besluit_rectificeren(request, uuid):
    besluit = _of_404(selectors.besluit_detail(uuid))
    form = RectificatieForm(request.POST)
    if form.is_valid():
        try:
            nieuw = besluit_services.besluit_rectificeren(
                besluit=besluit, door=request.user, reden=form.cleaned_data["reden"]
            )
        except RegelFout as fout:
            form.add_error("reden" if fout.veld == "reden" else None, fout.melding)
        else:
            messages.success(
                request,
                f"Rectificatie (versie {nieuw.versie}) aangemaakt als concept. Pas het aan, "
                "stel het vast en publiceer het; dan vervangt het de vorige versie.",
            )
            return redirect("griffie:besluit", uuid=nieuw.uuid)
    return _besluit_pagina(request, besluit, form)
