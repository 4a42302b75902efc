"""Pages that combine the domain apps. Thin: read the request, call selectors, render."""

import datetime
import functools

from django.shortcuts import render

from apps.besluiten.selectors import laatste_besluiten
from apps.core.selectors import onderwerpen_boom, onderwerpen_lijst
from apps.paginacache.fragmenten import fragment_sleutel, per_generatie
from apps.vergaderagenda.selectors import komende_vergaderingen, recente_vergaderingen, vergaderde_gremia

from .zoeken import zoeken  # noqa: F401 - the search page lives in its own module


def home(request):
    """The home page depends on the role, the date and the data only, not on the URL: its content is kept rendered
    per cache version, role and date (`{% cache %}` with `fragment`), and the lists are read only when it has to
    be rendered again (each a memoised callable, which the template calls)."""
    user = request.user
    return render(
        request,
        "portaal/home.html",
        {
            "fragment": fragment_sleutel(request),
            "vergaderingen": functools.cache(lambda: komende_vergaderingen(user=user)),
            "recente_vergaderingen": functools.cache(lambda: recente_vergaderingen(user=user, aantal=3)),
            "besluiten": functools.cache(lambda: laatste_besluiten(user=user)),
            # the subjects change rarely: read once per cache generation (apps.paginacache.fragmenten)
            "onderwerpen": functools.cache(lambda: per_generatie("portaal:onderwerpen_boom", onderwerpen_boom)[:12]),
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
