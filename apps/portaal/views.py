"""Pages that combine the domain apps. Thin: read the request, call selectors, render."""

import datetime

from django.shortcuts import render

from apps.besluiten.selectors import laatste_besluiten
from apps.core.selectors import onderwerpen_boom, onderwerpen_lijst
from apps.paginacache.fragmenten import per_generatie
from apps.vergaderagenda.selectors import komende_vergaderingen, recente_vergaderingen, vergaderde_gremia

from .zoeken import zoeken  # noqa: F401 - the search page lives in its own module


def home(request):
    return render(
        request,
        "portaal/home.html",
        {
            "vergaderingen": komende_vergaderingen(user=request.user),
            "recente_vergaderingen": recente_vergaderingen(user=request.user, aantal=3),
            "besluiten": laatste_besluiten(user=request.user),
            # the subjects change rarely: read once per cache generation (apps.paginacache.fragmenten)
            "onderwerpen": per_generatie("portaal:onderwerpen_boom", onderwerpen_boom)[:12],
        },
    )


def onderwerpen(request):
    return render(
        request,
        "portaal/onderwerpen.html",
        {
            "onderwerpen": onderwerpen_boom(),
            "kruimelpad": [("Onderwerpen", None)],
        },
    )


# What the toegankelijkheidsverklaring says was used, and when. tests/portaal/test_toegankelijkheidsverklaring.py
# and tests/browser/test_toegankelijkheid.py fail when the installed test tools no longer match these versions.
TOEGANKELIJKHEIDSTOETS = {
    "datum": datetime.date(2026, 11, 24),
    "axe_versie": "4.12.1",
    "axe_playwright_versie": "0.1.8",
    "playwright_versie": "1.65.2",
    "chromium_versie": "156",
}


def toegankelijkheid(request):
    return render(
        request,
        "portaal/toegankelijkheid.html",
        {
            "toets": TOEGANKELIJKHEIDSTOETS,
            "kruimelpad": [("Toegankelijkheidsverklaring", None)],
        },
    )


def open_data(request):
    return render(
        request,
        "portaal/open_data.html",
        {
            "gremia": vergaderde_gremia(user=request.user),
            "onderwerpen": list(onderwerpen_lijst()),
            "kruimelpad": [("Open data", None)],
        },
    )
