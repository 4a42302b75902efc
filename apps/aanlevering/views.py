"""The griffie's overview of deliveries to Open Overheid: what was delivered, what waits, what failed and why."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.griffie.views import griffie_vereist

from . import selectors
from .models import Aanlevering
from .services import aanlevering_ingesteld, aanlevering_opnieuw


@griffie_vereist
def lijst(request):
    status = request.GET.get("status") or None
    if status not in Aanlevering.Status.values:
        status = None
    pagina = Paginator(selectors.aanleveringen_lijst(status=status), 50).get_page(request.GET.get("page"))
    aantallen = selectors.aantallen_per_status()
    filters = [(None, "alle", sum(aantallen.values()))] + [
        (waarde, label, aantallen[waarde]) for waarde, label in Aanlevering.Status.choices
    ]
    return render(
        request,
        "aanlevering/lijst.html",
        {
            "page_obj": pagina,
            "status": status,
            "filters": filters,
            "ingesteld": aanlevering_ingesteld(),
            "querystring": f"status={status}" if status else "",
            "kruimels": [("Griffie", reverse("griffie:dashboard")), ("Aanleveringen Open Overheid", None)],
        },
    )


@griffie_vereist
@require_POST
def opnieuw(request, pk):
    aanlevering = get_object_or_404(Aanlevering, pk=pk, status__in=["mislukt", "vervallen"])
    aanlevering_opnieuw(aanlevering=aanlevering)
    messages.success(request, "De aanlevering staat weer in de wachtrij; de volgende ronde verstuurt haar.")
    return redirect("aanlevering:lijst")
