"""Public pages of moties, amendementen, besluitenlijsten, persons and fracties. Thin: read the request, call a
selector, render."""

import datetime
import hashlib
import re

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from . import selectors
from .pdf import besluitenlijst_bestandsnaam
from .pdf import motie_pdf as motie_pdf_renderen

PER_PAGINA = 50
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_JAAR = re.compile(r"^\d{4}$")


def _jaar(request):
    waarde = request.GET.get("jaar", "")
    return int(waarde) if _JAAR.match(waarde) else None


def _lijst(request, *, qs, sjabloon, titel):
    jaar = _jaar(request)
    if jaar:
        qs = qs.filter(jaar=jaar)
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        sjabloon,
        {
            "page_obj": pagina,
            "jaar": jaar,
            "querystring": f"jaar={jaar}" if jaar else "",
            "kruimelpad": [(titel, None)],
            "foute_invoer": bool(request.GET.get("jaar")) and not jaar,
        },
    )


def moties(request):
    return _lijst(request, qs=selectors.moties_lijst(user=request.user), sjabloon="moties/moties.html", titel="Moties")


def amendementen(request):
    return _lijst(
        request,
        qs=selectors.amendementen_lijst(user=request.user),
        sjabloon="moties/amendementen.html",
        titel="Amendementen",
    )


def motie(request, nummer):
    motie = selectors.motie_op_nummer(user=request.user, nummer=nummer)
    if motie is None:
        raise Http404("Deze motie bestaat niet of is (nog) niet openbaar.")
    return render(
        request,
        "moties/motie.html",
        {
            "motie": motie,
            "uitslagen": selectors.stemmingen_over(user=request.user, motie=motie),
            "voorstel_zichtbaar": selectors.voorstel_zichtbaar(
                user=request.user, raadsvoorstel_id=motie.raadsvoorstel_id
            ),
            "kruimelpad": [("Moties", reverse("moties:moties")), (motie.nummer, None)],
            "aanvullingen": selectors.motie_aanvullingen(motie=motie),
        },
    )


def motie_pdf(request, nummer):
    motie = selectors.motie_op_nummer(user=request.user, nummer=nummer)
    if motie is None:
        raise Http404("Deze motie bestaat niet of is (nog) niet openbaar.")
    if motie.pdf:
        return FileResponse(motie.pdf.open("rb"), content_type="application/pdf", filename=f"motie-{motie.nummer}.pdf")
    uitslagen = selectors.stemmingen_over(user=request.user, motie=motie)
    antwoord = HttpResponse(motie_pdf_renderen(motie, uitslagen=uitslagen), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="motie-{motie.nummer}.pdf"'
    patch_cache_control(antwoord, private=True, max_age=0, must_revalidate=True)
    return antwoord


def amendement(request, nummer):
    amendement = selectors.amendement_op_nummer(user=request.user, nummer=nummer)
    if amendement is None:
        raise Http404("Dit amendement bestaat niet of is (nog) niet openbaar.")
    return render(
        request,
        "moties/amendement.html",
        {
            "amendement": amendement,
            "uitslagen": selectors.stemmingen_over(user=request.user, amendement=amendement),
            "voorstel_zichtbaar": selectors.voorstel_zichtbaar(
                user=request.user, raadsvoorstel_id=amendement.raadsvoorstel_id
            ),
            "kruimelpad": [("Amendementen", reverse("moties:amendementen")), (amendement.nummer, None)],
        },
    )


def _vergadering(request, datum, gremium):
    if not _DATUM.match(datum or ""):
        raise Http404("Onbekende datum.")
    try:
        dag = datetime.date.fromisoformat(datum)
    except ValueError:
        raise Http404("Onbekende datum.") from None
    vergadering = selectors.vergadering_op_datum(user=request.user, datum=dag, gremium_slug=gremium)
    if vergadering is None:
        raise Http404("Op deze datum is geen vergadering van dit gremium die u kunt zien.")
    return vergadering


def besluitenlijst(request, datum, gremium):
    vergadering = _vergadering(request, datum, gremium)
    gegevens = selectors.besluitenlijst_gegevens(user=request.user, vergadering=vergadering)
    return render(
        request,
        "moties/besluitenlijst.html",
        {
            **gegevens,
            "kruimelpad": [
                ("Vergaderingen", reverse("vergaderagenda:kalender")),
                (f"{vergadering.datum:%d-%m-%Y}", reverse("vergaderagenda:agenda", kwargs={"datum": datum})),
                ("Besluitenlijst", None),
            ],
        },
    )


def besluitenlijst_pdf(request, datum, gremium, versie=None):
    vergadering = _vergadering(request, datum, gremium)
    lijst = selectors.besluitenlijst_van(user=request.user, vergadering=vergadering, versie=versie)
    if lijst is None or not lijst.pdf:
        raise Http404("Van deze vergadering is (nog) geen besluitenlijst gepubliceerd.")
    opslag, naam = lijst.pdf.storage, lijst.pdf.name
    if not opslag.exists(naam):
        raise Http404("Het bestand van deze besluitenlijst ontbreekt.")
    gewijzigd = opslag.get_modified_time(naam)
    etag = '"' + hashlib.sha256(f"{naam}:{opslag.size(naam)}".encode()).hexdigest()[:32] + '"'
    niet_gewijzigd = get_conditional_response(request, etag=etag, last_modified=int(gewijzigd.timestamp()))
    antwoord = niet_gewijzigd or FileResponse(
        opslag.open(naam, "rb"), content_type="application/pdf", filename=besluitenlijst_bestandsnaam(lijst)
    )
    antwoord["ETag"] = etag
    antwoord["Last-Modified"] = http_date(gewijzigd.timestamp())
    if vergadering.openbaar:
        patch_cache_control(antwoord, public=True, max_age=3600)
    else:
        patch_cache_control(antwoord, private=True, max_age=0, must_revalidate=True)
    return antwoord


def persoon(request, slug):
    persoon = selectors.persoon_op_slug(slug=slug)
    if persoon is None:
        raise Http404("Deze persoon is onbekend.")
    return render(
        request,
        "moties/persoon.html",
        {
            **selectors.persoon_gegevens(user=request.user, persoon=persoon),
            "kruimelpad": [("Fracties", reverse("moties:fracties")), (persoon.naam, None)],
        },
    )


def fracties(request):
    return render(
        request, "moties/fracties.html", {"fracties": selectors.fracties_lijst(), "kruimelpad": [("Fracties", None)]}
    )


def fractie(request, slug):
    fractie = selectors.fractie_op_slug(slug=slug)
    if fractie is None:
        raise Http404("Deze fractie is onbekend.")
    return render(
        request,
        "moties/fractie.html",
        {
            **selectors.fractie_gegevens(user=request.user, fractie=fractie),
            "kruimelpad": [("Fracties", reverse("moties:fracties")), (fractie.naam, None)],
        },
    )
