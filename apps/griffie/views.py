"""The griffie's pages: thin views that read the request, call a selector or service, render.

Only the griffie may use them: anonymous users go to the login page, everyone else gets 403.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.besluiten import services as besluit_services
from apps.besluiten.forms import BesluitForm, DictumFormSet, RectificatieForm, dictum_initial
from apps.besluiten.models import Besluit
from apps.core.permissions import is_griffie
from apps.core.services import RegelFout, VersieConflict, zaak_voor_nummer
from apps.importeren.selectors import bron_voor_record
from apps.memos import services as memo_services
from apps.memos.forms import MemoForm, RouteFormSet, route_initial
from apps.memos.models import Memo, MemoBijlage
from apps.raadsvoorstellen import services as voorstel_services
from apps.raadsvoorstellen.forms import BeslispuntFormSet, RaadsvoorstelForm, beslispunten_initial
from apps.raadsvoorstellen.models import Raadsvoorstel, RaadsvoorstelBijlage
from apps.vergaderagenda import services as agenda_services
from apps.vergaderagenda.forms import AgendapuntForm, VergaderingForm
from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage, Vergadering

from . import selectors


def griffie_vereist(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_griffie(request.user):
            raise PermissionDenied("Deze pagina is alleen voor de griffie.")
        return view(request, *args, **kwargs)

    return wrapper


def _of_404(obj):
    if obj is None:
        raise Http404("Dit record bestaat niet.")
    return obj


def _fout_op_formulier(form, fout: Exception) -> None:
    """Put a service error next to its field (or above the form), never a server error."""
    if isinstance(fout, RegelFout):
        veld = fout.veld if fout.veld in form.fields else None
        form.add_error(veld, fout.melding)
    elif isinstance(fout, ValidationError):
        if hasattr(fout, "error_dict"):
            for veld, fouten in fout.error_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            form.add_error(None, fout)
    else:
        form.add_error(None, "Het opslaan is mislukt omdat iemand anders tegelijk hetzelfde deed. Probeer het opnieuw.")


def _conflict(request, form, obj, conflict: VersieConflict) -> dict:
    """Keep the user's input, show what changed meanwhile, and let a second save overwrite deliberately."""
    data = form.data.copy()
    data[form.add_prefix("version")] = conflict.huidige_versie
    form.data = data
    return selectors.wijzigingen_sinds(obj, conflict.versie)


def _formulier(
    request,
    *,
    titel,
    form,
    secties,
    formsets=(),
    terug,
    conflict=None,
    knoppen=None,
    intro="",
    status=200,
    kruimels=(),
    extra=None,
    record=None,
):
    """One template for every griffie form: sections of fields, formsets of numbered rows. For a record read in
    by the importer, the imported fields are marked and the source text is shown beside the form."""
    return render(
        request,
        "griffie/formulier.html",
        {
            "titel": titel,
            "form": form,
            "secties": [(kop, [form[n] for n in namen if n in form.fields]) for kop, namen in secties],
            "formsets": formsets,
            "terug": terug,
            "conflict": conflict,
            "intro": intro,
            "knoppen": knoppen or [("opslaan", "Opslaan", True)],
            "bestand_opnieuw": bool(request.FILES) and bool(form.errors),
            "kruimels": [("Griffie", reverse("griffie:dashboard")), *kruimels, (titel, None)],
            "import_bron": bron_voor_record(record),
            **(extra or {}),
        },
        status=status,
    )


# --- Dashboard and lists -----------------------------------------------------------------


@griffie_vereist
def dashboard(request):
    return render(request, "griffie/dashboard.html", selectors.dashboard_gegevens())


@griffie_vereist
def raadsvoorstellen(request):
    return render(
        request,
        "griffie/raadsvoorstellen.html",
        {"voorstellen": list(selectors.raadsvoorstellen_lijst()[: selectors.LIJST_LIMIET])},
    )


@griffie_vereist
def memos(request):
    return render(request, "griffie/memos.html", {"memos": list(selectors.memos_lijst()[: selectors.LIJST_LIMIET])})


@griffie_vereist
def vergaderingen(request):
    return render(
        request,
        "griffie/vergaderingen.html",
        {"vergaderingen": list(selectors.vergaderingen_lijst()[: selectors.LIJST_LIMIET])},
    )


@griffie_vereist
def besluiten(request):
    return render(
        request, "griffie/besluiten.html", {"besluiten": list(selectors.besluiten_lijst()[: selectors.LIJST_LIMIET])}
    )


# --- Raadsvoorstel -----------------------------------------------------------------------

VOORSTEL_SECTIES = [
    ("Zaak en onderwerp", ["zaak_keuze", "zaaknummer", "titel", "onderwerpen"]),
    ("Datums en portefeuillehouder", ["college_besluitdatum", "datum_raadsvergadering", "portefeuillehouder"]),
    ("Inhoud", list(Raadsvoorstel.SECTIES)),
    ("Ondertekening en vertrouwelijkheid", ["directeur_secretaris", "burgemeester", "vertrouwelijkheid"]),
    ("Bijlage toevoegen", ["bijlage", "bijlage_titel", "bijlage_vertrouwelijkheid"]),
]


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
            try:
                with transaction.atomic():
                    if voorstel is None:
                        zaak = zaak_voor_nummer(
                            zaaknummer=form.cleaned_data.get("zaaknummer") or None, titel=form.cleaned_data["titel"]
                        )
                        voorstel = voorstel_services.raadsvoorstel_aanmaken(
                            zaak=zaak,
                            velden=form.velden(),
                            beslispunten=formset.teksten(),
                            onderwerpen=form.cleaned_data["onderwerpen"],
                            door=request.user,
                        )
                    else:
                        voorstel_services.raadsvoorstel_bijwerken(
                            raadsvoorstel=form.instance,
                            versie=form.cleaned_data.get("version") or 0,
                            velden=form.velden(),
                            beslispunten=formset.teksten(),
                            onderwerpen=form.cleaned_data["onderwerpen"],
                            door=request.user,
                        )
                    if form.cleaned_data.get("bijlage"):
                        bestand = form.cleaned_data["bijlage"]
                        voorstel_services.raadsvoorstel_bijlage_toevoegen(
                            raadsvoorstel=voorstel,
                            bestand=bestand,
                            titel=form.cleaned_data["bijlage_titel"],
                            vertrouwelijkheid=form.cleaned_data["bijlage_vertrouwelijkheid"],
                            mimetype=getattr(bestand, "portaal_mimetype", None),
                            door=request.user,
                        )
            except VersieConflict as fout:
                conflict = _conflict(request, form, voorstel, fout)
            except (RegelFout, ValidationError, IntegrityError) as fout:
                if voorstel is not None and voorstel.pk is None:
                    voorstel = None
                _fout_op_formulier(form, fout)
            else:
                messages.success(request, f"Het raadsvoorstel “{voorstel.titel}” is opgeslagen.")
                return redirect("griffie:raadsvoorstel", uuid=voorstel.uuid)
    else:
        form = RaadsvoorstelForm(instance=voorstel or Raadsvoorstel())
        formset = BeslispuntFormSet(prefix="beslispunten", initial=beslispunten_initial(voorstel) if voorstel else None)
    titel = f"Raadsvoorstel {voorstel.zaak.zaaknummer} bewerken" if voorstel and voorstel.pk else "Nieuw raadsvoorstel"
    return _formulier(
        request,
        titel=titel,
        form=form,
        secties=VOORSTEL_SECTIES,
        formsets=[("Ontwerpbesluit: beslispunten", formset)],
        conflict=conflict,
        terug=reverse("griffie:raadsvoorstel", kwargs={"uuid": voorstel.uuid})
        if voorstel and voorstel.pk
        else reverse("griffie:raadsvoorstellen"),
        intro="Sla het voorstel op als concept en kom later terug; bied het aan als het klaar is.",
        record=voorstel,
        kruimels=[("Raadsvoorstellen", reverse("griffie:raadsvoorstellen"))],
        status=409 if conflict else 200,
        knoppen=[
            (
                "opslaan",
                "Opslaan als concept" if not (voorstel and voorstel.pk) or voorstel.status == "concept" else "Opslaan",
                True,
            )
        ],
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


def _actie_uitvoeren(request, service_en_melding, argumenten: dict, *, actie: str, detail: str, lijst: str, uuid):
    """Run a status action's service; a forbidden step becomes a Dutch message on the record's page."""
    service, melding = service_en_melding
    try:
        service(**argumenten, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
        return redirect(detail, uuid=uuid)
    messages.success(request, melding)
    if actie == "verwijderen":
        return redirect(lijst)
    return redirect(detail, uuid=uuid)


# --- Bijlagen ----------------------------------------------------------------------------


@require_POST
@griffie_vereist
def bijlage_verwijderen(request, uuid):
    for model, service, ouder, url in (
        (
            RaadsvoorstelBijlage,
            voorstel_services.raadsvoorstel_bijlage_verwijderen,
            "raadsvoorstel",
            "griffie:raadsvoorstel",
        ),
        (MemoBijlage, memo_services.memo_bijlage_verwijderen, "memo", "griffie:memo"),
        (
            AgendapuntBijlage,
            agenda_services.agendapunt_bijlage_verwijderen,
            "agendapunt",
            "griffie:agendapunt-bewerken",
        ),
    ):
        bijlage = model.objects.select_related(ouder).filter(uuid=uuid).first()
        if bijlage is None:
            continue
        ouder_uuid = getattr(bijlage, ouder).uuid
        try:
            service(bijlage=bijlage, door=request.user)
        except RegelFout as fout:
            messages.error(request, fout.melding)
        else:
            messages.success(request, f"De bijlage “{bijlage.titel}” is verwijderd.")
        return redirect(url, uuid=ouder_uuid)
    raise Http404("Deze bijlage bestaat niet.")


# --- Memo --------------------------------------------------------------------------------

MEMO_SECTIES = [
    ("Memo", ["soort", "aan", "cc", "van", "datum", "betreft", "kenmerk", "tekst"]),
    ("Koppelingen", ["zaaknummer", "onderwerpen", "beantwoordt_vergadering"]),
    ("Status", ["status", "versie", "opgesteld_door", "in_opdracht_van", "vertrouwelijkheid"]),
    ("Bijlage toevoegen", ["bijlage", "bijlage_titel", "bijlage_vertrouwelijkheid"]),
]


@griffie_vereist
def memo_formulier(request, uuid=None):
    memo = _of_404(selectors.memo_detail(uuid)) if uuid else None
    conflict = None
    if request.method == "POST":
        form = MemoForm(request.POST, request.FILES, instance=memo or Memo())
        formset = RouteFormSet(request.POST, prefix="route")
        if form.is_valid() & formset.is_valid():
            try:
                with transaction.atomic():
                    velden = form.velden()
                    nummer = form.cleaned_data.get("zaaknummer")
                    velden["zaak"] = zaak_voor_nummer(zaaknummer=nummer, titel=velden["betreft"]) if nummer else None
                    if memo is None:
                        memo = memo_services.memo_aanmaken(
                            velden=velden,
                            onderwerpen=form.cleaned_data["onderwerpen"],
                            route=formset.route(),
                            door=request.user,
                        )
                    else:
                        memo_services.memo_bijwerken(
                            memo=form.instance,
                            versie=form.cleaned_data.get("version") or 0,
                            velden=velden,
                            onderwerpen=form.cleaned_data["onderwerpen"],
                            route=formset.route(),
                            door=request.user,
                        )
                    if form.cleaned_data.get("bijlage"):
                        bestand = form.cleaned_data["bijlage"]
                        memo_services.memo_bijlage_toevoegen(
                            memo=memo,
                            bestand=bestand,
                            titel=form.cleaned_data["bijlage_titel"],
                            vertrouwelijkheid=form.cleaned_data["bijlage_vertrouwelijkheid"],
                            mimetype=getattr(bestand, "portaal_mimetype", None),
                            door=request.user,
                        )
            except VersieConflict as fout:
                conflict = _conflict(request, form, memo, fout)
            except (RegelFout, ValidationError, IntegrityError) as fout:
                if memo is not None and memo.pk is None:
                    memo = None
                _fout_op_formulier(form, fout)
            else:
                messages.success(request, f"De memo “{memo.betreft}” is opgeslagen.")
                return redirect("griffie:memo", uuid=memo.uuid)
    else:
        form = MemoForm(instance=memo or Memo())
        formset = RouteFormSet(prefix="route", initial=route_initial(memo) if memo else None)
    return _formulier(
        request,
        titel="Memo bewerken" if memo and memo.pk else "Nieuwe memo",
        form=form,
        secties=MEMO_SECTIES,
        formsets=[("Route: te bespreken in", formset)],
        conflict=conflict,
        terug=reverse("griffie:memo", kwargs={"uuid": memo.uuid}) if memo and memo.pk else reverse("griffie:memos"),
        kruimels=[("Memo's", reverse("griffie:memos"))],
        status=409 if conflict else 200,
        record=memo,
    )


@griffie_vereist
def memo(request, uuid):
    memo = _of_404(selectors.memo_detail(uuid))
    return render(request, "griffie/memo.html", {"memo": memo, "geschiedenis": selectors.geschiedenis(memo)})


@require_POST
@griffie_vereist
def memo_verwijderen(request, uuid):
    memo = _of_404(selectors.memo_detail(uuid))
    memo_services.memo_verwijderen(memo=memo, door=request.user)
    messages.success(request, "De memo is verwijderd.")
    return redirect("griffie:memos")


# --- Vergadering en agenda ---------------------------------------------------------------

VERGADERING_SECTIES = [
    ("Vergadering", ["gremium", "soort", "titel", "datum", "aanvang", "einde", "locatie", "openbaar", "toelichting"]),
]


@griffie_vereist
def vergadering_formulier(request, uuid=None):
    vergadering = _of_404(selectors.vergadering_detail(uuid)) if uuid else None
    conflict = None
    if request.method == "POST":
        form = VergaderingForm(request.POST, instance=vergadering or Vergadering())
        if form.is_valid():
            try:
                if vergadering is None:
                    vergadering = agenda_services.vergadering_aanmaken(velden=form.velden(), door=request.user)
                else:
                    agenda_services.vergadering_bijwerken(
                        vergadering=form.instance,
                        velden=form.velden(),
                        versie=form.cleaned_data.get("version") or 0,
                        door=request.user,
                    )
            except VersieConflict as fout:
                conflict = _conflict(request, form, vergadering, fout)
            except (RegelFout, ValidationError, IntegrityError) as fout:
                _fout_op_formulier(form, fout)
            else:
                messages.success(request, f"De vergadering “{vergadering.titel}” is opgeslagen.")
                return redirect("griffie:vergadering", uuid=vergadering.uuid)
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
        status=409 if conflict else 200,
        record=vergadering,
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
            try:
                with transaction.atomic():
                    if punt is None:
                        punt = agenda_services.agendapunt_toevoegen(
                            vergadering=vergadering,
                            velden=form.velden(),
                            memos=form.cleaned_data["memos"],
                            onderwerpen=form.cleaned_data["onderwerpen"],
                            door=request.user,
                        )
                    else:
                        agenda_services.agendapunt_bijwerken(
                            agendapunt=form.instance,
                            versie=form.cleaned_data.get("version") or 0,
                            velden=form.velden(),
                            memos=form.cleaned_data["memos"],
                            onderwerpen=form.cleaned_data["onderwerpen"],
                            door=request.user,
                        )
                    if form.cleaned_data.get("bijlage"):
                        bestand = form.cleaned_data["bijlage"]
                        agenda_services.agendapunt_bijlage_toevoegen(
                            agendapunt=punt,
                            bestand=bestand,
                            titel=form.cleaned_data["bijlage_titel"],
                            vertrouwelijkheid=form.cleaned_data["bijlage_vertrouwelijkheid"],
                            mimetype=getattr(bestand, "portaal_mimetype", None),
                            door=request.user,
                        )
            except VersieConflict as fout:
                conflict = _conflict(request, form, punt, fout)
            except (RegelFout, ValidationError, IntegrityError) as fout:
                if punt is not None and punt.pk is None:
                    punt = None
                _fout_op_formulier(form, fout)
            else:
                messages.success(request, f"Het agendapunt “{punt.titel}” is opgeslagen.")
                return redirect("griffie:vergadering", uuid=vergadering.uuid)
    else:
        form = AgendapuntForm(instance=punt or Agendapunt(vergadering=vergadering))
    extra = {}
    if punt is not None and punt.pk:
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


# --- Besluit -----------------------------------------------------------------------------

BESLUIT_SECTIES = [
    ("Besluit", ["titel", "uitkomst"]),
    ("Stemming", ["stemming", "stemmen_voor", "stemmen_tegen"]),
    ("Ondertekening en vertrouwelijkheid", ["griffier", "voorzitter", "vertrouwelijkheid"]),
]


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
            try:
                besluit = besluit_services.besluit_registreren(
                    agendapunt=punt, velden=form.velden(), dictum=formset.teksten(), door=request.user
                )
            except (RegelFout, ValidationError, IntegrityError) as fout:
                _fout_op_formulier(form, fout)
            else:
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


@griffie_vereist
def besluit(request, uuid):
    besluit = _of_404(selectors.besluit_detail(uuid))
    return render(
        request,
        "griffie/besluit.html",
        {
            "besluit": besluit,
            "geschiedenis": selectors.geschiedenis(besluit),
            "rectificatie_form": RectificatieForm() if besluit.is_gepubliceerd else None,
        },
    )


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
            try:
                besluit_services.besluit_bijwerken(
                    besluit=form.instance,
                    versie=form.cleaned_data.get("version") or 0,
                    velden=form.velden(),
                    dictum=formset.teksten(),
                    door=request.user,
                )
            except VersieConflict as fout:
                conflict = _conflict(request, form, besluit, fout)
            except (RegelFout, ValidationError, IntegrityError) as fout:
                _fout_op_formulier(form, fout)
            else:
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
        status=409 if conflict else 200,
        record=besluit,
    )


BESLUIT_ACTIES = {
    "vaststellen": (besluit_services.besluit_vaststellen, "Het besluit is vastgesteld."),
    "publiceren": (
        besluit_services.besluit_publiceren,
        "Het besluit is gepubliceerd. Het PDF-raadsbesluit is opgeslagen en het besluit kan niet meer "
        "worden gewijzigd.",
    ),
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
    return render(
        request,
        "griffie/besluit.html",
        {
            "besluit": besluit,
            "geschiedenis": selectors.geschiedenis(besluit),
            "rectificatie_form": form,
        },
    )
