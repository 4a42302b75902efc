"""The griffie's pages for a meeting's decision-making: presence list, moties, amendementen, stemmingen and
the besluitenlijst. Thin: read the request, call a selector or service, render.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST

from apps.core.services import RegelFout, VersieConflict
from apps.moties import selectors as motie_selectors
from apps.moties import services as motie_services
from apps.moties.forms import AanwezigheidForm, AmendementForm, MotieForm, RectificatieForm, StemmingForm
from apps.moties.models import Amendement, Motie

from .algemeen import _formulier, _fout_op_formulier, griffie_vereist

DB_FOUT = (
    "Dit kan niet worden opgeslagen: de gegevens zijn in strijd met de regels van de stemming. Controleer de invoer."
)


def _of_404(obj):
    if obj is None:
        raise Http404("Dit record bestaat niet.")
    return obj


def _vergadering_kruimels(vergadering):
    return [
        ("Vergaderingen", reverse("griffie:vergaderingen")),
        (str(vergadering), reverse("griffie:vergadering", kwargs={"uuid": vergadering.uuid})),
        ("Besluitvorming", reverse("griffie:besluitvorming", kwargs={"uuid": vergadering.uuid})),
    ]


def _fout(form, fout):
    if isinstance(fout, IntegrityError):
        form.add_error(None, DB_FOUT)
    else:
        _fout_op_formulier(form, fout)


@griffie_vereist
def besluitvorming(request, uuid):
    vergadering = _of_404(motie_selectors.griffie_vergadering(uuid))
    return render(
        request,
        "griffie/besluitvorming.html",
        {
            **motie_selectors.griffie_besluitvorming(vergadering),
            "rectificatie_form": RectificatieForm(),
            "kruimels": [
                ("Griffie", reverse("griffie:dashboard")),
                *_vergadering_kruimels(vergadering)[:2],
                ("Besluitvorming", None),
            ],
        },
    )


@griffie_vereist
def presentielijst(request, uuid):
    vergadering = _of_404(motie_selectors.griffie_vergadering(uuid))
    leden = motie_services.leden_op_datum(vergadering=vergadering)
    bestaand = {a.persoon_id for a in motie_selectors.aanwezigen(vergadering)}
    heeft_lijst = vergadering.aanwezigheden.exists()
    form = AanwezigheidForm(request.POST or None, leden=leden, aanwezig=bestaand if heeft_lijst else None)
    if request.method == "POST" and form.is_valid():
        try:
            motie_services.aanwezigheid_vastleggen(vergadering=vergadering, aanwezig=form.aanwezig(), door=request.user)
        except (RegelFout, IntegrityError) as fout:
            _fout(form, fout)
        else:
            messages.success(
                request, f"De presentielijst is opgeslagen: {len(form.aanwezig())} van {len(leden)} aanwezig."
            )
            return redirect("griffie:besluitvorming", uuid=vergadering.uuid)
    return render(
        request,
        "griffie/presentielijst.html",
        {
            "vergadering": vergadering,
            "form": form,
            "leden": leden,
            "titel": f"Presentielijst — {vergadering}",
            "kruimels": [
                ("Griffie", reverse("griffie:dashboard")),
                *_vergadering_kruimels(vergadering),
                ("Presentielijst", None),
            ],
        },
    )


def _stuk_formulier(request, *, soort, vergadering_uuid=None, uuid=None):
    model, form_klasse = (Motie, MotieForm) if soort == "motie" else (Amendement, AmendementForm)
    if uuid:
        stuk = _of_404(
            motie_selectors.griffie_motie(uuid) if soort == "motie" else motie_selectors.griffie_amendement(uuid)
        )
        vergadering = stuk.vergadering
    else:
        stuk = None
        vergadering = _of_404(motie_selectors.griffie_vergadering(vergadering_uuid))
    leden = motie_services.leden_op_datum(vergadering=vergadering)
    conflict = None
    instance = stuk or model(vergadering=vergadering)
    initial = {}
    if stuk is None and request.GET.get("agendapunt"):
        punt = (
            vergadering.agendapunten.filter(uuid=request.GET["agendapunt"]).first()
            if _is_uuid(request.GET["agendapunt"])
            else None
        )
        if punt:
            initial = {"agendapunt": punt.pk, "raadsvoorstel": punt.raadsvoorstel_id}
    form = form_klasse(
        request.POST or None, instance=instance, vergadering=vergadering, leden=leden, initial=initial or None
    )
    if request.method == "POST" and form.is_valid():
        argumenten = {
            "velden": form.velden(),
            "indieners": list(form.cleaned_data["indieners"]),
            "mede_indieners": list(form.cleaned_data.get("mede_indieners") or []),
            "door": request.user,
        }
        if soort == "amendement":
            argumenten["beslispunten"] = list(form.cleaned_data.get("beslispunten") or [])
        try:
            if stuk is None:
                extra = {"vergadering": vergadering, "agendapunt": form.cleaned_data.get("agendapunt")}
                if soort == "motie":
                    stuk = motie_services.motie_indienen(**extra, **argumenten)
                else:
                    stuk = motie_services.amendement_indienen(
                        **extra, raadsvoorstel=form.cleaned_data["raadsvoorstel"], **argumenten
                    )
            else:
                versie = form.cleaned_data.get("version") or 0
                form.instance.agendapunt = form.cleaned_data.get("agendapunt")
                if soort == "motie":
                    motie_services.motie_bijwerken(motie=form.instance, versie=versie, **argumenten)
                else:
                    motie_services.amendement_bijwerken(amendement=form.instance, versie=versie, **argumenten)
        except VersieConflict:
            conflict = {"wijzigingen": [], "redenen": ["iemand anders heeft dit stuk intussen opgeslagen"]}
            data = form.data.copy()
            data["version"] = type(instance).objects.filter(pk=instance.pk).values_list("version", flat=True).first()
            form.data = data
        except (RegelFout, ValidationError, IntegrityError) as fout:
            if stuk is not None and stuk.pk is None:
                stuk = None
            _fout(form, fout)
        else:
            messages.success(
                request, f"{model._meta.verbose_name.capitalize()} {stuk.nummer} “{stuk.titel}” is opgeslagen."
            )
            return redirect("griffie:besluitvorming", uuid=vergadering.uuid)
    naam = model._meta.verbose_name
    if soort == "motie":
        secties = [
            ("Motie", ["titel", "motietype", "agendapunt", "raadsvoorstel"]),
            ("Indieners", ["indieners", "mede_indieners"]),
            ("Tekst", ["constaterende", "overwegende", "verzoek"]),
            ("Vertrouwelijkheid", ["vertrouwelijkheid"]),
        ]
    else:
        secties = [
            ("Amendement", ["titel", "raadsvoorstel", "hoofdamendement", "agendapunt"]),
            ("Indieners", ["indieners", "mede_indieners"]),
            ("Wijziging", ["beslispunten", "nieuwe_tekst", "toelichting"]),
            ("Vertrouwelijkheid", ["vertrouwelijkheid"]),
        ]
    return _formulier(
        request,
        titel=f"{naam.capitalize()} {stuk.nummer} bewerken"
        if stuk and stuk.pk
        else f"{naam.capitalize()} indienen — {vergadering}",
        form=form,
        secties=secties,
        conflict=conflict,
        terug=reverse("griffie:besluitvorming", kwargs={"uuid": vergadering.uuid}),
        intro=(
            "Het nummer wordt bij het opslaan uitgegeven. De fractie van elke indiener is die op de datum "
            "van de vergadering."
        ),
        kruimels=_vergadering_kruimels(vergadering),
        status=409 if conflict else 200,
        knoppen=[("opslaan", "Opslaan" if stuk and stuk.pk else f"{naam.capitalize()} indienen", True)],
    )


def _is_uuid(waarde: str) -> bool:
    import uuid as uuid_module

    try:
        uuid_module.UUID(str(waarde))
    except ValueError:
        return False
    return True


@griffie_vereist
def motie_formulier(request, vergadering_uuid=None, uuid=None):
    return _stuk_formulier(request, soort="motie", vergadering_uuid=vergadering_uuid, uuid=uuid)


@griffie_vereist
def amendement_formulier(request, vergadering_uuid=None, uuid=None):
    return _stuk_formulier(request, soort="amendement", vergadering_uuid=vergadering_uuid, uuid=uuid)


STUK_ACTIES = {
    "indienen": ("ingediend", "is ingediend"),
    "intrekken": ("ingetrokken", "is ingetrokken"),
    "aanhouden": ("aangehouden", "is aangehouden"),
}


@require_POST
@griffie_vereist
def stuk_actie(request, uuid, actie):
    stuk = Motie.objects.filter(uuid=uuid).first() or Amendement.objects.filter(uuid=uuid).first()
    if stuk is None or actie not in (*STUK_ACTIES, "verwijderen"):
        raise Http404
    try:
        if actie == "verwijderen":
            motie_services.stuk_verwijderen(stuk=stuk, door=request.user)
            melding = "is verwijderd"
        else:
            status, melding = STUK_ACTIES[actie]
            motie_services.stuk_status_zetten(stuk=stuk, status=status, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, f"{stuk._meta.verbose_name.capitalize()} {stuk.nummer} {melding}.")
    return redirect("griffie:besluitvorming", uuid=stuk.vergadering.uuid)


@griffie_vereist
def stemming_formulier(request, vergadering_uuid=None, uuid=None):
    if uuid:
        stemming = _of_404(motie_selectors.griffie_stemming(uuid))
        if stemming.is_gepubliceerd:
            messages.error(request, motie_services.GEPUBLICEERD_MELDING)
            return redirect("griffie:besluitvorming", uuid=stemming.vergadering.uuid)
        vergadering = stemming.vergadering
    else:
        stemming = None
        vergadering = _of_404(motie_selectors.griffie_vergadering(vergadering_uuid))
    stukken = motie_selectors.stukken_voor_stemming(vergadering)
    aanwezigen = motie_selectors.aanwezigen(vergadering)
    initial = {}
    if stemming is not None:
        stuk = stemming.amendement or stemming.motie or stemming.raadsvoorstel
        initial["stuk"] = f"{stemming.stuksoort.replace('sub', '')}:{stuk.pk}"
    elif request.GET.get("stuk"):
        initial["stuk"] = request.GET["stuk"]
    form = StemmingForm(
        request.POST or None, stukken=stukken, aanwezigen=aanwezigen, stemming=stemming, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        stuk = form.stuk_kwargs()
        agendapunt = None
        if "raadsvoorstel" in stuk:
            agendapunt = (
                vergadering.agendapunten.filter(raadsvoorstel=stuk["raadsvoorstel"]).order_by("volgorde").first()
            )
        try:
            stemming = motie_services.stemming_vastleggen(
                vergadering=vergadering,
                soort=form.cleaned_data["soort"],
                stemmen=form.stemmen,
                agendapunt=agendapunt,
                stemming=stemming,
                door=request.user,
                **stuk,
            )
            if "publiceren" in request.POST:
                motie_services.stemming_publiceren(stemming=stemming, door=request.user)
        except (RegelFout, ValidationError, IntegrityError) as fout:
            _fout(form, fout)
        else:
            stemming.refresh_from_db()
            if stemming.is_gepubliceerd:
                messages.success(request, f"De stemming is gepubliceerd: {stemming.get_uitslag_display()}.")
            else:
                messages.success(request, "De stemming is opgeslagen als concept. Publiceer haar als ze klopt.")
            return redirect("griffie:besluitvorming", uuid=vergadering.uuid)
    return render(
        request,
        "griffie/stemming.html",
        {
            "vergadering": vergadering,
            "form": form,
            "stemming": stemming,
            "aantal_aanwezig": len(aanwezigen),
            "titel": f"Stemming {'bewerken' if stemming else 'vastleggen'} — {vergadering}",
            "kruimels": [
                ("Griffie", reverse("griffie:dashboard")),
                *_vergadering_kruimels(vergadering),
                ("Stemming", None),
            ],
        },
        status=200 if not form.errors else 200,
    )


STEMMING_ACTIES = {
    "publiceren": (motie_services.stemming_publiceren, "De stemming is gepubliceerd en staat nu vast."),
    "verwijderen": (motie_services.stemming_verwijderen, "De concept-stemming is verwijderd."),
}


@require_POST
@griffie_vereist
def stemming_actie(request, uuid, actie):
    stemming = _of_404(motie_selectors.griffie_stemming(uuid))
    if actie not in STEMMING_ACTIES:
        raise Http404
    service, melding = STEMMING_ACTIES[actie]
    try:
        service(stemming=stemming, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, melding)
    return redirect("griffie:besluitvorming", uuid=stemming.vergadering.uuid)


@require_POST
@griffie_vereist
def stemming_rectificeren(request, uuid):
    stemming = _of_404(motie_selectors.griffie_stemming(uuid))
    form = RectificatieForm(request.POST)
    reden = form.cleaned_data.get("reden", "") if form.is_valid() else ""
    try:
        nieuw = motie_services.stemming_rectificeren(stemming=stemming, reden=reden, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
        return redirect("griffie:besluitvorming", uuid=stemming.vergadering.uuid)
    messages.success(request, "Rectificatie aangemaakt als concept: verbeter de stemmen en publiceer haar.")
    return redirect("griffie:stemming-bewerken", uuid=nieuw.uuid)


@require_POST
@griffie_vereist
def besluitenlijst_publiceren(request, uuid):
    vergadering = _of_404(motie_selectors.griffie_vergadering(uuid))
    form = RectificatieForm(request.POST)
    reden = form.cleaned_data.get("reden", "") if form.is_valid() else ""
    try:
        lijst = motie_services.besluitenlijst_publiceren(vergadering=vergadering, door=request.user, reden=reden)
    except RegelFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, f"De besluitenlijst (versie {lijst.versie}) is gepubliceerd; de PDF is opgeslagen.")
    return redirect("griffie:besluitvorming", uuid=vergadering.uuid)


@griffie_vereist
def besluitenlijst_voorbeeld(request, uuid):
    """A concept PDF of the besluitenlijst as it would be published now: never stored or cached."""
    from apps.moties.models import Besluitenlijst
    from apps.moties.pdf import besluitenlijst_pdf

    vergadering = _of_404(motie_selectors.griffie_vergadering(uuid))
    lijst = Besluitenlijst(vergadering=vergadering, versie=0)
    antwoord = HttpResponse(besluitenlijst_pdf(lijst), content_type="application/pdf")
    antwoord["Content-Disposition"] = 'inline; filename="concept-besluitenlijst.pdf"'
    patch_cache_control(antwoord, no_store=True, private=True)
    return antwoord
