"""The search page /zoeken/: full text over the besluiten, raadsvoorstellen, memo's and agenda
items this visitor may see. The index and its query live in apps.core.search."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from apps.besluiten.selectors import huidig_besluit
from apps.core.models import Zoekdocument
from apps.core.permissions import rol_van
from apps.core.search import (
    MAX_ZOEKLENGTE,
    fragmenten,
    is_zaaknummer,
    ontleed_zoekvraag,
    zoekdocumenten,
)
from apps.core.search import config as zoekconfig

PER_PAGINA = 25


def _jaren():
    return [("", "Alle jaren")] + [(str(j), str(j)) for j in range(timezone.localdate().year + 1, 1999, -1)]


class ZoekForm(forms.Form):
    q = forms.CharField(
        label="Zoekterm",
        required=False,
        strip=True,
        help_text='Tip: zet woorden tussen "aanhalingstekens" om precies die woordgroep te vinden.',
    )
    soort = forms.ChoiceField(
        label="Soort stuk", required=False, choices=[("", "Alle soorten"), *Zoekdocument.Soort.choices]
    )
    jaar = forms.TypedChoiceField(label="Jaar", required=False, choices=_jaren, coerce=int, empty_value=None)
    sorteer = forms.ChoiceField(
        label="Sorteren op",
        required=False,
        choices=[("", "Relevantie (alle jaren, recente iets hoger)"), ("datum", "Datum, nieuwste eerst")],
    )

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_ZOEKLENGTE]


def _zaak_adres(user, zaaknummer: str) -> str | None:
    if huidig_besluit(user=user, zaaknummer=zaaknummer) is not None:
        return reverse("besluiten:detail", kwargs={"zaaknummer": zaaknummer})
    try:
        return reverse("portaal:zaak", kwargs={"zaaknummer": zaaknummer})
    except NoReverseMatch:
        return None


def zoeken(request):
    form = ZoekForm(request.GET or None)
    context = {"form": form, "q": "", "melding": None, "page_obj": None, "resultaten": []}
    if not form.is_bound:
        return render(request, "portaal/zoeken.html", context)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    q = data.get("q") or ""
    context["q"] = q
    if "q" in form.errors:
        q = ""

    zaaknummer = is_zaaknummer(q)
    if zaaknummer and not data.get("soort") and not data.get("jaar"):
        adres = _zaak_adres(request.user, zaaknummer)
        if adres:
            return redirect(adres)

    vraag = ontleed_zoekvraag(q)
    if vraag.leeg:
        context["melding"] = (
            "Vul een zoekterm in."
            if not q.strip()
            else "Gebruik minstens één woord van twee of meer letters of cijfers."
        )
        return render(request, "portaal/zoeken.html", context)

    qs = zoekdocumenten(
        rol=rol_van(request.user),
        vraag=vraag,
        soort=data.get("soort") or None,
        jaar=data.get("jaar"),
        sortering="datum" if data.get("sorteer") == "datum" else "relevantie",
    )
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("page"))
    rijen = list(pagina.object_list)
    koppen = fragmenten(rijen, vraag)
    for rij in rijen:
        rij.fragment = koppen.get(rij.id, "")
    querystring = request.GET.copy()
    querystring.pop("page", None)
    context.update(
        {
            "page_obj": pagina,
            "resultaten": rijen,
            "aantal": pagina.paginator.count,
            "afgekapt": qs.afgekapt,
            "kandidaten": zoekconfig.KANDIDATEN,
            "op_datum": qs.sortering == "datum",
            "querystring": querystring.urlencode(),
        }
    )
    return render(request, "portaal/zoeken.html", context)
