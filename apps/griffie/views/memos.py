"""The griffie's memo pages: list, form, detail and delete."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.griffie import selectors
from apps.memos import services as memo_services
from apps.memos.forms import MemoForm, RouteFormSet, route_initial
from apps.memos.models import Memo

from .algemeen import _formulier, _of_404, _opslaan, _versie, griffie_vereist

MEMO_SECTIES = [
    ("Memo", ["soort", "aan", "cc", "van", "datum", "betreft", "kenmerk", "tekst"]),
    ("Koppelingen", ["zaaknummer", "onderwerpen", "beantwoordt_vergadering"]),
    ("Status", ["status", "versie", "opgesteld_door", "in_opdracht_van", "vertrouwelijkheid"]),
    ("Bijlage toevoegen", ["bijlage", "bijlage_titel", "bijlage_vertrouwelijkheid"]),
]


@griffie_vereist
def memos(request):
    return render(request, "griffie/memos.html", {"memos": list(selectors.memos_lijst()[: selectors.LIJST_LIMIET])})


@griffie_vereist
def memo_formulier(request, uuid=None):
    memo = _of_404(selectors.memo_detail(uuid)) if uuid else None
    conflict = None
    if request.method == "POST":
        form = MemoForm(request.POST, request.FILES, instance=memo or Memo())
        formset = RouteFormSet(request.POST, prefix="route")
        if form.is_valid() & formset.is_valid():
            opgeslagen, conflict = _opslaan(
                request,
                form,
                memo,
                lambda: memo_services.memo_opslaan(
                    memo=form.instance,
                    zaaknummer=form.cleaned_data.get("zaaknummer") or None,
                    versie=_versie(form),
                    velden=form.velden(),
                    onderwerpen=form.cleaned_data["onderwerpen"],
                    route=formset.route(),
                    bijlage=form.nieuwe_bijlage(),
                    door=request.user,
                ),
            )
            if opgeslagen is not None:
                messages.success(request, f"De memo “{opgeslagen.betreft}” is opgeslagen.")
                return redirect("griffie:memo", uuid=opgeslagen.uuid)
    else:
        form = MemoForm(instance=memo or Memo())
        formset = RouteFormSet(prefix="route", initial=route_initial(memo) if memo else None)
    return _formulier(
        request,
        titel="Memo bewerken" if memo else "Nieuwe memo",
        form=form,
        secties=MEMO_SECTIES,
        formsets=[("Route: te bespreken in", formset)],
        conflict=conflict,
        terug=reverse("griffie:memo", kwargs={"uuid": memo.uuid}) if memo else reverse("griffie:memos"),
        kruimels=[("Memo's", reverse("griffie:memos"))],
        record=memo,
        status=409 if conflict else 200,
    )


@griffie_vereist
def memo(request, uuid):
    memo = _of_404(selectors.memo_detail(uuid))
    return render(request, "griffie/memo.html", {"memo": memo, "geschiedenis": selectors.geschiedenis(memo)})


@require_POST
@griffie_vereist
def memo_verwijderen(request, uuid):
    memo = _of_404(selectors.memo_detail(uuid))
    memo_services.memo_verwijderen(memo=memo, door=request.user)
    messages.success(request, "De memo is verwijderd.")
    return redirect("griffie:memos")
