"""The griffie's register pages (mounted under /griffie/registers/): lists, forms with history and optimistic
locking, publishing, the stand van zaken of a motie, adopting a list of ingekomen stukken, and the overview of
what is overdue or due this week. Thin: validate, call one service, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from apps.core.services import RegelFout, VersieConflict
from apps.griffie.selectors import geschiedenis
from apps.griffie.views import _conflict, _formulier, _fout_op_formulier, griffie_vereist
from apps.moties.models import Motie

from . import selectors, services
from .forms import (
    IngekomenStukForm,
    LangetermijnForm,
    MotieopvolgingForm,
    SchriftelijkeVraagForm,
    StandVanZakenForm,
    ToezeggingForm,
)
from .models import (
    IngekomenStuk,
    IngekomenStukBijlage,
    LangetermijnItem,
    SchriftelijkeVraag,
    Toezegging,
)

ALGEMEEN = ["zaaknummer", "onderwerpen", "vertrouwelijkheid"]
CORRECTIE = ("Correctie", ["reden"])

REGISTERS = {
    "toezeggingen": {
        "model": Toezegging,
        "form": ToezeggingForm,
        "naam": "toezegging",
        "opgeslagen": "De toezegging",
        "lijst": "Toezeggingen",
        "aanmaken": services.toezegging_aanmaken,
        "bijwerken": lambda item, **kw: services.toezegging_bijwerken(toezegging=item, **kw),
        "secties": [
            ("Toezegging", ["tekst", "persoon", "portefeuille", "vergadering", "agendapunt", "uiterste_datum"]),
            ("Afdoening", ["status", "afgedaan_met", "afgedaan_in", "toelichting"]),
            ("Koppelingen en vertrouwelijkheid", ALGEMEEN),
            CORRECTIE,
        ],
        "publiek": lambda i: reverse("registers:toezegging", kwargs={"nummer": i.nummer}),
    },
    "ingekomen-stukken": {
        "model": IngekomenStuk,
        "form": IngekomenStukForm,
        "naam": "ingekomen stuk",
        "opgeslagen": "Het ingekomen stuk",
        "lijst": "Ingekomen stukken",
        "aanmaken": services.ingekomen_stuk_aanmaken,
        "bijwerken": lambda item, **kw: services.ingekomen_stuk_bijwerken(stuk=item, **kw),
        "secties": [
            ("Stuk", ["ontvangen_op", "onderwerp", "samenvatting"]),
            ("Afzender", ["afzender", "afzender_adres", "afzender_is_privepersoon"]),
            ("Afhandeling", ["voorgestelde_afhandeling", "voorgestelde_commissie", "lijst"]),
            ("Door de raad vastgesteld", ["vastgestelde_afhandeling", "vastgestelde_commissie", "vastgesteld_op"]),
            ("Koppelingen en vertrouwelijkheid", ALGEMEEN),
            ("Bijlage toevoegen", ["bijlage", "bijlage_titel", "bijlage_vertrouwelijkheid"]),
            CORRECTIE,
        ],
        "publiek": lambda i: reverse("registers:ingekomen-stuk", kwargs={"nummer": i.nummer}),
    },
    "schriftelijke-vragen": {
        "model": SchriftelijkeVraag,
        "form": SchriftelijkeVraagForm,
        "naam": "schriftelijke vraag",
        "opgeslagen": "De schriftelijke vraag",
        "lijst": "Schriftelijke vragen",
        "aanmaken": services.schriftelijke_vraag_aanmaken,
        "bijwerken": lambda item, **kw: services.schriftelijke_vraag_bijwerken(vraag=item, **kw),
        "secties": [
            ("Vragen", ["onderwerp", "vraagsteller", "fractie", "gesteld_op", "vragen"]),
            ("Uitstel", ["uitstelbericht_op", "uitstel_tot"]),
            ("Antwoord", ["status", "beantwoord_op", "antwoord", "antwoord_tekst"]),
            ("Koppelingen en vertrouwelijkheid", ALGEMEEN),
            CORRECTIE,
        ],
        "publiek": lambda i: reverse("registers:schriftelijke-vraag", kwargs={"nummer": i.nummer}),
    },
    "lange-termijnagenda": {
        "model": LangetermijnItem,
        "form": LangetermijnForm,
        "naam": "item op de lange termijnagenda",
        "opgeslagen": "Het item op de lange termijnagenda",
        "lijst": "Lange termijnagenda",
        "aanmaken": services.langetermijn_aanmaken,
        "bijwerken": lambda item, **kw: services.langetermijn_bijwerken(item=item, **kw),
        "secties": [
            ("Onderwerp", ["titel", "omschrijving", "portefeuillehouder"]),
            ("Planning", ["jaar", "kwartaal", "verwachte_vergadering", "status"]),
            ("Koppelingen en vertrouwelijkheid", ALGEMEEN),
            CORRECTIE,
        ],
        "publiek": lambda i: reverse("registers:langetermijn-item", kwargs={"uuid": i.uuid}),
    },
}


def _register(slug):
    if slug not in REGISTERS:
        raise Http404("Onbekend register.")
    return REGISTERS[slug]


def _griffie_item(request, slug, uuid):
    model = _register(slug)["model"]
    basis, _filterset = selectors.LIJSTEN[slug]
    item = basis(user=request.user).prefetch_related("onderwerpen").filter(uuid=uuid).first()
    if item is None or not isinstance(item, model):
        raise Http404("Dit item bestaat niet.")
    return item


def _weergave(item, naam):
    veld = item._meta.get_field(naam)
    waarde = getattr(item, naam)
    if veld.choices:
        return getattr(item, f"get_{naam}_display")()
    if waarde in (None, ""):
        return "—"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if hasattr(waarde, "isoformat") and not hasattr(waarde, "hour"):
        return date_format(waarde, "j F Y")
    return str(waarde)


@griffie_vereist
def overzicht(request):
    return render(
        request,
        "registers/griffie/overzicht.html",
        {"overzicht": selectors.griffie_overzicht(), "registers": [(s, r["lijst"]) for s, r in REGISTERS.items()]},
    )


@require_POST
@griffie_vereist
def bijwerken(request):
    uitkomst = services.registers_bijwerken(door=request.user)
    messages.success(
        request,
        f"Bijgewerkt: {uitkomst['opvolgingen_aangemaakt']} moties in de motiemonitor opgenomen, "
        f"{sum(uitkomst['gemarkeerd'].values())} overschreden termijnen gemeld.",
    )
    return redirect("registers_griffie:overzicht")


@griffie_vereist
def lijst(request, register):
    if register not in selectors.LIJSTEN:
        raise Http404("Onbekend register.")
    gegevens = _register(register) if register != "motiemonitor" else {"lijst": "Motiemonitor", "naam": "motie"}
    filterset = selectors.register_filteren(register=register, user=request.user, params=request.GET)
    filterset.form.is_valid()
    return render(
        request,
        "registers/griffie/lijst.html",
        {
            "register": register,
            "titel": gegevens["lijst"],
            "naam": gegevens["naam"],
            "form": filterset.form,
            "items": list(filterset.qs[:200]),
            "nieuw": register != "motiemonitor",
        },
    )


@griffie_vereist
def detail(request, register, uuid):
    gegevens = _register(register)
    item = _griffie_item(request, register, uuid)
    velden = services.VELDEN[gegevens["model"]]
    return render(
        request,
        "registers/griffie/detail.html",
        {
            "register": register,
            "item": item,
            "titel": f"{gegevens['naam'].capitalize()} {getattr(item, 'nummer', '') or item.titel}",
            "lijst_titel": gegevens["lijst"],
            "gegevens": [(item._meta.get_field(n).verbose_name, _weergave(item, n)) for n in velden],
            "publiek_url": gegevens["publiek"](item) if item.is_gepubliceerd else None,
            "bijlagen": list(item.bijlagen.order_by("volgorde")) if register == "ingekomen-stukken" else [],
            "geschiedenis": geschiedenis(item),
        },
    )


@griffie_vereist
def formulier(request, register, uuid=None):
    gegevens = _register(register)
    item = _griffie_item(request, register, uuid) if uuid else None
    Form = gegevens["form"]
    conflict = None
    if request.method == "POST":
        form = Form(request.POST, request.FILES, instance=item or gegevens["model"]())
        if form.is_valid():
            try:
                with transaction.atomic():
                    if item is None:
                        item = gegevens["aanmaken"](
                            velden=form.velden(), onderwerpen=form.cleaned_data["onderwerpen"], door=request.user
                        )
                    else:
                        item = gegevens["bijwerken"](
                            item,
                            versie=form.cleaned_data.get("version") or 0,
                            velden=form.velden(),
                            onderwerpen=form.cleaned_data["onderwerpen"],
                            reden=form.cleaned_data.get("reden") or "",
                            door=request.user,
                        )
                    bestand = form.cleaned_data.get("bijlage")
                    if bestand:
                        services.ingekomen_stuk_document_toevoegen(
                            stuk=item,
                            bestand=bestand,
                            titel=form.cleaned_data["bijlage_titel"],
                            vertrouwelijkheid=form.cleaned_data["bijlage_vertrouwelijkheid"],
                            mimetype=getattr(bestand, "portaal_mimetype", None),
                            door=request.user,
                        )
            except VersieConflict as fout:
                conflict = _conflict(request, form, item, fout)
            except (RegelFout, ValidationError, IntegrityError) as fout:
                if item is not None and item.pk is None:
                    item = None
                _fout_op_formulier(form, fout)
            else:
                messages.success(request, f"{gegevens['opgeslagen']} is opgeslagen.")
                return redirect("registers_griffie:detail", register=register, uuid=item.uuid)
    else:
        form = Form(instance=item or gegevens["model"]())
    lijst_url = reverse("registers_griffie:lijst", kwargs={"register": register})
    return _formulier(
        request,
        titel=f"{gegevens['naam'].capitalize()} bewerken" if item else f"Nieuw: {gegevens['naam']}",
        form=form,
        secties=gegevens["secties"],
        conflict=conflict,
        terug=reverse("registers_griffie:detail", kwargs={"register": register, "uuid": item.uuid})
        if item
        else lijst_url,
        intro="Een nieuw item is een concept tot u het publiceert. Na publicatie is een wijziging van wat het "
        "item vastlegt een correctie: geef dan de reden op."
        if not item
        else "",
        kruimels=[("Registers", reverse("registers_griffie:overzicht")), (gegevens["lijst"], lijst_url)],
        status=409 if conflict else 200,
    )


ACTIES = {
    "publiceren": (services.item_publiceren, "Het item is gepubliceerd."),
    "verwijderen": (services.item_verwijderen, "Het concept is verwijderd."),
}


@require_POST
@griffie_vereist
def actie(request, register, uuid, actie):
    if actie not in ACTIES:
        raise Http404
    item = _griffie_item(request, register, uuid)
    service, melding = ACTIES[actie]
    try:
        service(item=item, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
        return redirect("registers_griffie:detail", register=register, uuid=uuid)
    messages.success(request, melding)
    if actie == "verwijderen":
        return redirect("registers_griffie:lijst", register=register)
    return redirect("registers_griffie:detail", register=register, uuid=uuid)


@require_POST
@griffie_vereist
def document_verwijderen(request, uuid):
    bijlage = IngekomenStukBijlage.objects.select_related("ingekomenstuk").filter(uuid=uuid).first()
    if bijlage is None:
        raise Http404("Dit document bestaat niet.")
    try:
        services.ingekomen_stuk_document_verwijderen(bijlage=bijlage, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, f"Het document “{bijlage.titel}” is verwijderd.")
    return redirect("registers_griffie:detail", register="ingekomen-stukken", uuid=bijlage.ingekomenstuk.uuid)


# --- Motiemonitor -----------------------------------------------------------------------------------


def _motie_of_404(request, nummer) -> Motie:
    motie = selectors.motie_met_opvolging(user=request.user, nummer=nummer)
    if motie is None:
        raise Http404("Deze motie bestaat niet of is niet aangenomen.")
    return motie


@griffie_vereist
def motie(request, nummer):
    m = _motie_of_404(request, nummer)
    opvolging = getattr(m, "opvolging", None)
    return render(
        request,
        "registers/griffie/motie.html",
        {
            "motie": m,
            "opvolging": opvolging,
            "standen": selectors.standen_van(opvolging),
            "geschiedenis": geschiedenis(opvolging) if opvolging else [],
        },
    )


@griffie_vereist
def motie_bewerken(request, nummer):
    m = _motie_of_404(request, nummer)
    opvolging = getattr(m, "opvolging", None) or services.motieopvolging_voor(motie=m, door=request.user)
    conflict = None
    if request.method == "POST":
        form = MotieopvolgingForm(request.POST, instance=opvolging)
        if form.is_valid():
            try:
                services.motieopvolging_bijwerken(
                    opvolging=opvolging,
                    versie=form.cleaned_data.get("version") or 0,
                    velden=form.velden(),
                    reden=form.cleaned_data.get("reden") or "",
                    door=request.user,
                )
            except VersieConflict as fout:
                conflict = _conflict(request, form, opvolging, fout)
            except (RegelFout, ValidationError, IntegrityError) as fout:
                _fout_op_formulier(form, fout)
            else:
                messages.success(request, f"De opvolging van motie {m.nummer} is opgeslagen.")
                return redirect("registers_griffie:motie", nummer=m.nummer)
    else:
        form = MotieopvolgingForm(instance=opvolging)
    return _formulier(
        request,
        titel=f"Opvolging van motie {m.nummer} bewerken",
        form=form,
        secties=[
            ("Opvolging", ["status", "portefeuillehouder", "uiterste_datum"]),
            ("Afdoening", ["afgedaan_met", "afgedaan_in"]),
            CORRECTIE,
        ],
        conflict=conflict,
        terug=reverse("registers_griffie:motie", kwargs={"nummer": m.nummer}),
        kruimels=[
            ("Registers", reverse("registers_griffie:overzicht")),
            ("Motiemonitor", reverse("registers_griffie:lijst", kwargs={"register": "motiemonitor"})),
        ],
        status=409 if conflict else 200,
    )


@griffie_vereist
def stand_toevoegen(request, nummer):
    m = _motie_of_404(request, nummer)
    if request.method == "POST":
        form = StandVanZakenForm(request.POST)
        if form.is_valid():
            try:
                opvolging = getattr(m, "opvolging", None) or services.motieopvolging_voor(motie=m, door=request.user)
                services.stand_van_zaken_toevoegen(opvolging=opvolging, **form.cleaned_data, door=request.user)
            except RegelFout as fout:
                _fout_op_formulier(form, fout)
            else:
                messages.success(request, "De stand van zaken is toegevoegd.")
                return redirect("registers_griffie:motie", nummer=m.nummer)
    else:
        form = StandVanZakenForm()
    return _formulier(
        request,
        titel=f"Stand van zaken bij motie {m.nummer}",
        form=form,
        secties=[("Stand van zaken", ["datum", "tekst", "document"])],
        intro="Een stand van zaken wordt meteen openbaar (als de motie openbaar is) en blijft staan; "
        "een correctie is een nieuwe stand van zaken.",
        terug=reverse("registers_griffie:motie", kwargs={"nummer": m.nummer}),
        kruimels=[
            ("Registers", reverse("registers_griffie:overzicht")),
            ("Motiemonitor", reverse("registers_griffie:lijst", kwargs={"register": "motiemonitor"})),
        ],
        knoppen=[("opslaan", "Toevoegen", True)],
    )


@require_POST
@griffie_vereist
def lis_vaststellen(request, uuid):
    punt, _stukken = selectors.lis_van(user=request.user, uuid=uuid)
    if punt is None:
        raise Http404("Dit agendapunt bestaat niet.")
    aantal = services.lis_vaststellen(lijst=punt, door=request.user)
    messages.success(request, f"De afhandeling van {aantal} ingekomen stukken is vastgesteld.")
    return redirect("registers:lis", uuid=uuid)
