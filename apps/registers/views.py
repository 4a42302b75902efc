"""Public register pages. Thin: read the request, call a selector, render."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from . import selectors

PER_PAGINA = 25

REGISTERS = {
    "toezeggingen": {
        "titel": "Toezeggingen",
        "intro": "Wat wethouders en de burgemeester in vergaderingen hebben toegezegd, en of dat is nagekomen.",
        "item_template": "registers/_toezegging_item.html",
        "enkelvoud": ("toezegging", "toezeggingen"),
    },
    "motiemonitor": {
        "titel": "Motiemonitor",
        "intro": "Hoe het college de aangenomen moties uitvoert: de stand van zaken per motie.",
        "item_template": "registers/_motie_item.html",
        "enkelvoud": ("motie", "moties"),
    },
    "ingekomen-stukken": {
        "titel": "Ingekomen stukken",
        "intro": "Brieven en stukken aan de raad, met de voorgestelde en de vastgestelde afhandeling. "
        "Van particulieren tonen we geen naam of adres.",
        "item_template": "registers/_ingekomen_stuk_item.html",
        "enkelvoud": ("stuk", "stukken"),
    },
    "schriftelijke-vragen": {
        "titel": "Schriftelijke vragen",
        "intro": "Vragen van raadsleden en fracties aan het college, met het antwoord en of dat op tijd kwam.",
        "item_template": "registers/_schriftelijke_vraag_item.html",
        "enkelvoud": ("vraag", "vragen"),
    },
    "lange-termijnagenda": {
        "titel": "Lange termijnagenda",
        "intro": "Wat het college per kwartaal aan de raad wil voorleggen.",
        "item_template": "registers/_langetermijn_item.html",
        "enkelvoud": ("onderwerp", "onderwerpen"),
    },
}


def overzicht(request):
    return render(
        request,
        "registers/overzicht.html",
        {"registers": [(slug, r) for slug, r in REGISTERS.items()], "kruimelpad": [("Registers", None)]},
    )


def lijst(request, register):
    gegevens = REGISTERS[register]
    filterset = selectors.register_filteren(register=register, user=request.user, params=request.GET)
    filterset.form.is_valid()  # validate, so errors show; invalid filters are left out
    pagina = Paginator(filterset.qs, PER_PAGINA).get_page(request.GET.get("page"))
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return render(
        request,
        "registers/lijst.html",
        {
            **gegevens,
            "register": register,
            "lijst_url": reverse(f"registers:{register}"),
            "feed_url": reverse(f"registers:{register}-feed"),
            "filter": filterset,
            "form": filterset.form,
            "page_obj": pagina,
            "querystring": querystring.urlencode(),
            "actieve_filters": any(v for k, v in request.GET.items() if k != "page"),
            "kruimelpad": [("Registers", reverse("registers:overzicht")), (gegevens["titel"], None)],
        },
    )


def _of_404(obj):
    if obj is None:
        raise Http404("Dit item bestaat niet of is (nog) niet openbaar.")
    return obj


def _detail(request, template, register, item, titel, **extra):
    return render(
        request,
        template,
        {
            "item": item,
            "correcties": selectors.correcties(item) if getattr(item, "is_gepubliceerd", False) else [],
            "kruimelpad": [
                ("Registers", reverse("registers:overzicht")),
                (REGISTERS[register]["titel"], reverse(f"registers:{register}")),
                (titel, None),
            ],
            **extra,
        },
    )


def toezegging(request, nummer):
    t = _of_404(selectors.toezegging_op_nummer(user=request.user, nummer=nummer))
    return _detail(request, "registers/toezegging.html", "toezeggingen", t, t.nummer)


def ingekomen_stuk(request, nummer):
    s = _of_404(selectors.ingekomen_stuk_op_nummer(user=request.user, nummer=nummer))
    return _detail(request, "registers/ingekomen_stuk.html", "ingekomen-stukken", s, s.nummer)


def schriftelijke_vraag(request, nummer):
    v = _of_404(selectors.schriftelijke_vraag_op_nummer(user=request.user, nummer=nummer))
    return _detail(request, "registers/schriftelijke_vraag.html", "schriftelijke-vragen", v, v.nummer)


def langetermijn_item(request, uuid):
    i = _of_404(selectors.langetermijn_op_uuid(user=request.user, uuid=uuid))
    return _detail(request, "registers/langetermijn_item.html", "lange-termijnagenda", i, i.periode)


def motie(request, nummer):
    m = _of_404(selectors.motie_met_opvolging(user=request.user, nummer=nummer))
    opvolging = getattr(m, "opvolging", None)  # None until the daily run or the griffie starts the follow-up
    return _detail(
        request,
        "registers/motie.html",
        "motiemonitor",
        opvolging or m,
        m.nummer,
        motie=m,
        opvolging=opvolging,
        standen=selectors.standen_van(opvolging),
    )


def lis(request, uuid):
    punt, stukken = selectors.lis_van(user=request.user, uuid=uuid)
    if punt is None:
        raise Http404("Deze lijst bestaat niet of is niet openbaar.")
    titel = f"Lijst ingekomen stukken {punt.vergadering.datum:%d-%m-%Y}"
    return render(
        request,
        "registers/lis.html",
        {
            "punt": punt,
            "stukken": stukken,
            "titel": titel,
            "kruimelpad": [
                ("Registers", reverse("registers:overzicht")),
                ("Ingekomen stukken", reverse("registers:ingekomen-stukken")),
                (titel, None),
            ],
        },
    )
