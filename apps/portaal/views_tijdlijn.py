"""The besluitvormingsproces of a zaak and of an onderwerp as a timeline. Thin: call the selector, render."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from .tijdlijn import onderwerp_tijdlijn, zaak_tijdlijn


def zaak(request, zaaknummer: str):
    gegevens = zaak_tijdlijn(user=request.user, zaaknummer=zaaknummer[:30])
    if gegevens is None:
        raise Http404("Deze zaak bestaat niet of is (nog) niet openbaar.")
    gegevens["kruimelpad"] = [(f"Zaak {gegevens['zaak'].zaaknummer}", None)]
    return render(request, "portaal/zaak.html", gegevens)


def onderwerp(request, slug: str):
    gegevens = onderwerp_tijdlijn(user=request.user, slug=slug, pagina=request.GET.get("page"))
    if gegevens is None:
        raise Http404("Dit onderwerp bestaat niet.")
    kruimels = []
    if gegevens["hoofdonderwerp"]:
        hoofd = gegevens["hoofdonderwerp"]
        kruimels.append((hoofd.naam, reverse("portaal:onderwerp", kwargs={"slug": hoofd.slug})))
    kruimels.append((gegevens["onderwerp"].naam, None))
    gegevens["kruimelpad"] = kruimels
    return render(request, "portaal/onderwerp.html", gegevens)
