"""The griffie's import pages: upload a document or an export, review drafts, runs, coverage. Thin views,
guarded like every griffie page (anonymous: login; others: 403). The page cache invalidates on writes of
the domain apps only, so these pages (which show import runs and items) are never cached. The public
"Mist u een stuk?" page shows counts only."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from apps.griffie.views import griffie_vereist

from . import selectors, services
from .forms import DocumentUploadForm, ExportUploadForm

BEWERK_URLS = {
    "raadsvoorstel": "griffie:raadsvoorstel-bewerken",
    "memo": "griffie:memo-bewerken",
    "vergadering": "griffie:vergadering-bewerken",
    "besluit": "griffie:besluit-bewerken",
}


def bewerk_url(item) -> str | None:
    """The normal griffie form of the record an item made (the review form), or None."""
    herkomst = item.herkomst
    record = herkomst.record if herkomst and herkomst.record_id else None
    naam = BEWERK_URLS.get(record._meta.model_name) if record is not None else None
    return reverse(naam, kwargs={"uuid": record.uuid}) if naam else None


def _met_urls(items):
    items = list(items)
    for item in items:
        item.bewerk_url = bewerk_url(item)
    return items


def _kruimels(*extra):
    return [("Griffie", reverse("griffie:dashboard")), ("Importeren", reverse("importeren:overzicht")), *extra]


@never_cache
@griffie_vereist
def overzicht(request, document_form=None, export_form=None, status=200):
    return render(
        request,
        "importeren/overzicht.html",
        {
            "document_form": document_form or DocumentUploadForm(),
            "export_form": export_form or ExportUploadForm(),
            "te_beoordelen": _met_urls(selectors.te_beoordelen().prefetch_related("herkomst__record")[:50]),
            "niet_ingelezen": _met_urls(selectors.niet_ingelezen().prefetch_related("herkomst__record")[:50]),
            "runs": list(selectors.runs_lijst()[:10]),
            "kruimels": [("Griffie", reverse("griffie:dashboard")), ("Importeren", None)],
        },
        status=status,
    )


@require_POST
@griffie_vereist
def document_uploaden(request):
    form = DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return overzicht(request, document_form=form, status=400)
    bestand = form.cleaned_data["bestand"]
    bestand.seek(0)
    run = services.documenten_importeren(
        bestanden=[(bestand.name, bestand.read())], bronnaam=bestand.name, door=request.user, via="pagina"
    )
    item = run.items.select_related("herkomst").first()
    if item is None or run.status == run.Status.MISLUKT:
        messages.error(request, run.melding or "Het document kon niet worden ingelezen.")
        return redirect("importeren:run", pk=run.pk)
    url = bewerk_url(item) if item.status == item.Status.AANGEMAAKT else None
    if url:
        messages.success(
            request,
            f"“{item.naam}” is ingelezen als concept ({item.get_soort_display()}). Controleer de gemarkeerde "
            "velden naast de brontekst en sla op.",
        )
        return redirect(url)
    if item.status == item.Status.OVERGESLAGEN:
        messages.info(request, item.reden)
    else:
        messages.error(request, f"“{item.naam}” is niet ingelezen: {item.reden}")
    return redirect("importeren:item", pk=item.pk)


@require_POST
@griffie_vereist
def export_uploaden(request):
    form = ExportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return overzicht(request, export_form=form, status=400)
    bestand = form.cleaned_data["bestand"]
    bestand.seek(0)
    run = services.openbesluitvorming_importeren(
        regels=bestand.read().splitlines(), bronnaam=bestand.name, door=request.user, via="pagina"
    )
    if run.status == run.Status.MISLUKT:
        messages.error(request, run.melding)
    else:
        messages.success(
            request,
            f"Export ingelezen: {run.aangemaakt} aangemaakt, {run.bijgewerkt} bijgewerkt, {run.overgeslagen} "
            f"overgeslagen, {run.verwijderd} verwijderd, {run.mislukt} mislukt, {run.conflicten} conflicten.",
        )
    return redirect("importeren:run", pk=run.pk)


@never_cache
@griffie_vereist
def runs(request):
    return render(
        request,
        "importeren/runs.html",
        {"runs": list(selectors.runs_lijst()[: selectors.LIJST_LIMIET]), "kruimels": _kruimels(("Importruns", None))},
    )


@never_cache
@griffie_vereist
def run(request, pk):
    run = selectors.run_detail(pk)
    if run is None:
        raise Http404("Deze importrun bestaat niet.")
    items = _met_urls(selectors.run_items(run).prefetch_related("herkomst__record")[: selectors.LIJST_LIMIET * 5])
    return render(
        request,
        "importeren/run.html",
        {
            "run": run,
            "items": items,
            "kruimels": _kruimels(("Importruns", reverse("importeren:runs")), (f"Run {run.pk}", None)),
        },
    )


@never_cache
@griffie_vereist
def item(request, pk):
    item = selectors.item_detail(pk)
    if item is None:
        raise Http404("Dit importitem bestaat niet.")
    item.bewerk_url = bewerk_url(item)
    return render(
        request,
        "importeren/item.html",
        {
            "item": item,
            "kruimels": _kruimels(
                ("Importruns", reverse("importeren:runs")),
                (f"Run {item.run_id}", reverse("importeren:run", kwargs={"pk": item.run_id})),
                (item.naam, None),
            ),
        },
    )


@griffie_vereist
def item_bestand(request, pk):
    item = selectors.item_detail(pk)
    if item is None or not item.bestand:
        raise Http404("Het oorspronkelijke bestand is niet bewaard.")
    try:
        bestand = item.bestand.open("rb")
    except OSError as exc:
        raise Http404("Het bestand is niet gevonden.") from exc
    response = FileResponse(
        bestand, content_type=item.mimetype or "application/octet-stream", as_attachment=True, filename=item.naam
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _jaar(request) -> int | None:
    waarde = request.GET.get("jaar", "")
    return int(waarde) if waarde.isdigit() and 1900 < int(waarde) < 2200 else None


@never_cache
@griffie_vereist
def dekking(request):
    jaar = _jaar(request)
    if request.GET.get("formaat") == "csv":
        response = HttpResponse(selectors.dekking_csv(jaar=jaar), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="dekking{"-" + str(jaar) if jaar else ""}.csv"'
        return response
    return render(
        request,
        "importeren/dekking.html",
        {**selectors.dekking(jaar=jaar), "kruimels": _kruimels(("Dekking", None))},
    )


def mist_u_een_stuk(request):
    return render(
        request,
        "importeren/mist_u_een_stuk.html",
        {
            "rijen": selectors.publieke_dekking(),
            "email": settings.GRIFFIE_EMAIL,
            "telefoon": settings.GRIFFIE_TELEFOON,
        },
    )
