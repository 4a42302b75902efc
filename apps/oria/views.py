"""The griffie's archive export: a meeting or a period as an ORI-A package (zip)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from apps.griffie.views import griffie_vereist

from . import selectors
from .forms import OriAExportForm
from .pakket import pakket_bytes


@griffie_vereist
def export(request):
    vergaderingen = selectors.vergaderingen_in_periode().order_by("-datum", "-id")
    form = OriAExportForm(request.POST if request.method == "POST" else None, vergaderingen=vergaderingen)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["vergadering"]:
            gekozen = [form.cleaned_data["vergadering"]]
            naam = f"ori-a-{gekozen[0].datum.isoformat()}.zip"
        else:
            van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
            gekozen = list(selectors.vergaderingen_in_periode(van=van, tot=tot))
            naam = f"ori-a-{van.isoformat()}-{tot.isoformat()}.zip"
        if gekozen:
            inhoud, _verslag = pakket_bytes(gekozen)
            antwoord = HttpResponse(inhoud, content_type="application/zip")
            antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
            patch_cache_control(antwoord, private=True, no_store=True)
            return antwoord
        form.add_error(None, "In deze periode is geen openbare vergadering.")
    return render(
        request,
        "oria/export.html",
        {"form": form, "kruimels": [("Griffie", reverse("griffie:dashboard")), ("Archiefexport (ORI-A)", None)]},
    )
