"""Pages that combine the domain apps. Thin: read the request, call selectors, render."""

from django.shortcuts import render

from apps.besluiten.selectors import laatste_besluiten
from apps.vergaderagenda.selectors import komende_vergaderingen

from .zoeken import zoeken  # noqa: F401 - the search page lives in its own module


def home(request):
    return render(
        request,
        "portaal/home.html",
        {
            "vergaderingen": komende_vergaderingen(user=request.user),
            "besluiten": laatste_besluiten(user=request.user),
        },
    )


def toegankelijkheid(request):
    return render(request, "portaal/toegankelijkheid.html")


def open_data(request):
    return render(request, "portaal/open_data.html")
