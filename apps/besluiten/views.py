"""Public besluiten pages. Thin: read the request, call a selector, render."""

import hashlib

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from apps.paginacache.fragmenten import per_generatie

from .pdf import raadsbesluit_aanwezig, raadsbesluit_bestandsnaam, raadsbesluit_opslaan, raadsbesluit_pdf
from .selectors import (
    besluit_details,
    besluit_versie,
    besluiten_filteren,
    besluiten_pagineren,
    geldig_zaaknummer,
    huidig_besluit,
)

PER_PAGINA = 25


def _filters(request):
    filterset = besluiten_filteren(user=request.user, params=request.GET)
    filterset.form.is_valid()  # validate, so errors show; invalid filters are left out
    return filterset


def lijst(request):
    actieve_filters = any(v for k, v in request.GET.items() if k != "page")
    filterset = _filters(request) if actieve_filters else None
    gefilterd = filterset is not None and any(filterset.form.cleaned_data.get(k) for k in filterset.filters)
    paginator = besluiten_pagineren(user=request.user, filterset=filterset, per_pagina=PER_PAGINA, gefilterd=gefilterd)
    pagina = paginator.get_page(request.GET.get("page"))
    querystring = request.GET.copy()
    querystring.pop("page", None)
    filterformulier = None
    if not actieve_filters:
        # Without filters the form is the same on every page of the list (and for every role): rendered once per
        # cache generation and year (its years) instead of on every request (issue 14: 4-6 ms of a list page),
        # and the filters are not even built then (1.6 ms).
        filterformulier = per_generatie(
            f"besluiten:filterformulier:{bool(request.GET)}:{timezone.localdate().year}",
            lambda: render_to_string(
                "besluiten/_filters.html", {"form": _filters(request).form, "actieve_filters": False}
            ),
        )
    return render(
        request,
        "besluiten/lijst.html",
        {
            "filter": filterset,
            "filterformulier": filterformulier,
            "form": filterset.form if filterset else None,
            "page_obj": pagina,
            "querystring": querystring.urlencode(),
            "actieve_filters": actieve_filters,
            "kruimelpad": [("Besluiten", None)],
        },
    )


def _hoofdletters(request, zaaknummer, naam, **kwargs):
    """l275141 -> L275141: one address per besluit."""
    if zaaknummer != zaaknummer.upper() and geldig_zaaknummer(zaaknummer.upper()):
        return redirect(reverse(naam, kwargs={"zaaknummer": zaaknummer.upper(), **kwargs}), permanent=True)
    return None


def _toon(request, besluit):
    details = besluit_details(user=request.user, besluit=besluit)
    zaaknummer = besluit.zaak.zaaknummer
    kruimels = [("Besluiten", reverse("besluiten:lijst")), (zaaknummer, None)]
    if besluit.versie and not details["is_geldig"] and besluit.status == "gepubliceerd":
        kruimels = [
            ("Besluiten", reverse("besluiten:lijst")),
            (zaaknummer, reverse("besluiten:detail", kwargs={"zaaknummer": zaaknummer})),
            (f"Versie {besluit.versie}", None),
        ]
    return render(request, "besluiten/detail.html", {"besluit": besluit, "kruimelpad": kruimels, **details})


def _besluit_op_adres(request, zaaknummer, naam, versie=None):
    """What an address of a besluit shows: (redirect to the upper-case address, None), or (None, the besluit
    this user may see there: the current one, or the given version). 404 when there is none."""
    kwargs = {} if versie is None else {"versie": versie}
    if omleiding := _hoofdletters(request, zaaknummer, naam, **kwargs):
        return omleiding, None
    if versie is None:
        besluit = huidig_besluit(user=request.user, zaaknummer=zaaknummer)
        melding = "Dit besluit bestaat niet of is (nog) niet openbaar."
    else:
        besluit = besluit_versie(user=request.user, zaaknummer=zaaknummer, versie=versie)
        melding = "Deze versie van het besluit bestaat niet of is niet openbaar."
    if besluit is None:
        raise Http404(melding)
    return None, besluit


def detail(request, zaaknummer):
    omleiding, besluit = _besluit_op_adres(request, zaaknummer, "besluiten:detail")
    return omleiding or _toon(request, besluit)


def versie(request, zaaknummer, versie):
    omleiding, besluit = _besluit_op_adres(request, zaaknummer, "besluiten:versie", versie)
    return omleiding or _toon(request, besluit)


def _pdf_antwoord(request, besluit):
    if besluit.status != "gepubliceerd":
        # Only the griffie gets here (zichtbaar_voor): a preview, never stored or cached.
        antwoord = HttpResponse(raadsbesluit_pdf(besluit), content_type="application/pdf")
        antwoord["Content-Disposition"] = f'inline; filename="concept-{raadsbesluit_bestandsnaam(besluit)}"'
        patch_cache_control(antwoord, no_store=True, private=True)
        return antwoord
    if not raadsbesluit_aanwezig(besluit):
        raadsbesluit_opslaan(besluit)  # published before its PDF was stored (e.g. raw imports): from the snapshot
    opslag, naam = besluit.pdf.storage, besluit.pdf.name
    # The stored PDF is the record: its validators come from its checksum and publication time, so a re-render
    # of a missing file (which must reproduce the same bytes) does not move them.
    gewijzigd = besluit.gepubliceerd_op or opslag.get_modified_time(naam)
    etag = '"' + (besluit.pdf_sha256 or hashlib.sha256(f"{naam}:{opslag.size(naam)}".encode()).hexdigest())[:32] + '"'
    openbaar = besluit.vertrouwelijkheid == "openbaar"

    def kopregels(antwoord):
        antwoord["ETag"] = etag
        antwoord["Last-Modified"] = http_date(gewijzigd.timestamp())
        if openbaar:
            patch_cache_control(antwoord, public=True, max_age=3600)
        else:
            patch_cache_control(antwoord, private=True, max_age=0, must_revalidate=True)
        return antwoord

    niet_gewijzigd = get_conditional_response(request, etag=etag, last_modified=int(gewijzigd.timestamp()))
    if niet_gewijzigd is not None:
        return kopregels(niet_gewijzigd)
    antwoord = FileResponse(
        opslag.open(naam, "rb"),
        content_type="application/pdf",
        as_attachment=False,
        filename=raadsbesluit_bestandsnaam(besluit),
    )
    return kopregels(antwoord)


def pdf(request, zaaknummer):
    omleiding, besluit = _besluit_op_adres(request, zaaknummer, "besluiten:pdf")
    return omleiding or _pdf_antwoord(request, besluit)


def versie_pdf(request, zaaknummer, versie):
    omleiding, besluit = _besluit_op_adres(request, zaaknummer, "besluiten:versie-pdf", versie)
    if omleiding:
        return omleiding
    if besluit.status != "gepubliceerd":
        raise Http404("Deze versie van het besluit bestaat niet of is niet openbaar.")
    return _pdf_antwoord(request, besluit)
