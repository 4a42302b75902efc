"""What every griffie page shares: the access check, the one form template, saving with a Dutch error next
to the field, status actions, and the dashboard.

Only the griffie may use these pages: anonymous users go to the login page, everyone else gets 403.
"""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.permissions import is_griffie
from apps.core.selectors import bijlage_vinden
from apps.core.services import RegelFout, VersieConflict
from apps.griffie import selectors
from apps.importeren.selectors import bron_voor_record
from apps.memos.models import MemoBijlage
from apps.memos.services import memo_bijlage_verwijderen
from apps.raadsvoorstellen.models import RaadsvoorstelBijlage
from apps.raadsvoorstellen.services import raadsvoorstel_bijlage_verwijderen
from apps.vergaderagenda.models import AgendapuntBijlage
from apps.vergaderagenda.services import agendapunt_bijlage_verwijderen

T = TypeVar("T")


def griffie_vereist(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_griffie(request.user):
            raise PermissionDenied("Deze pagina is alleen voor de griffie.")
        return view(request, *args, **kwargs)

    return wrapper


def _of_404(obj):
    if obj is None:
        raise Http404("Dit record bestaat niet.")
    return obj


def _fout_op_formulier(form, fout: Exception) -> None:
    """Put a service error next to its field (or above the form), never a server error."""
    if isinstance(fout, RegelFout):
        veld = fout.veld if fout.veld in form.fields else None
        form.add_error(veld, fout.melding)
    elif isinstance(fout, ValidationError):
        if hasattr(fout, "error_dict"):
            for veld, fouten in fout.error_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            form.add_error(None, fout)
    else:
        form.add_error(None, "Het opslaan is mislukt omdat iemand anders tegelijk hetzelfde deed. Probeer het opnieuw.")


def _conflict(request, form, obj, conflict: VersieConflict) -> dict:
    """Keep the user's input, show what changed meanwhile, and let a second save overwrite deliberately."""
    data = form.data.copy()
    data[form.add_prefix("version")] = conflict.huidige_versie
    form.data = data
    return selectors.wijzigingen_sinds(obj, conflict.versie)


def _opslaan(request, form, obj, service: Callable[[], T]) -> tuple[T | None, dict | None]:
    """Call a save service for a valid form: (saved record, None); on a version conflict (None, what changed
    meanwhile); on a forbidden step or a race (None, None) with the Dutch message on the form."""
    try:
        return service(), None
    except VersieConflict as fout:
        return None, _conflict(request, form, obj, fout)
    except (RegelFout, ValidationError, IntegrityError) as fout:
        _fout_op_formulier(form, fout)
        return None, None


def _versie(form) -> int:
    """The version the form was opened with (0 for a new record)."""
    return form.cleaned_data.get("version") or 0


def _formulier(
    request,
    *,
    titel,
    form,
    secties,
    formsets=(),
    terug,
    conflict=None,
    knoppen=None,
    intro="",
    status=200,
    kruimels=(),
    extra=None,
    record=None,
):
    """One template for every griffie form: sections of fields, formsets of numbered rows. For a record read in
    by the importer, the imported fields are marked and the source text is shown beside the form."""
    return render(
        request,
        "griffie/formulier.html",
        {
            "titel": titel,
            "form": form,
            "secties": [(kop, [form[n] for n in namen if n in form.fields]) for kop, namen in secties],
            "formsets": formsets,
            "terug": terug,
            "conflict": conflict,
            "intro": intro,
            "knoppen": knoppen or [("opslaan", "Opslaan", True)],
            "bestand_opnieuw": bool(request.FILES) and bool(form.errors),
            "kruimels": [("Griffie", reverse("griffie:dashboard")), *kruimels, (titel, None)],
            "import_bron": bron_voor_record(record),
            **(extra or {}),
        },
        status=status,
    )


def _actie_uitvoeren(request, service_en_melding, argumenten: dict, *, actie: str, detail: str, lijst: str, uuid):
    """Run a status action's service; a forbidden step becomes a Dutch message on the record's page."""
    service, melding = service_en_melding
    try:
        service(**argumenten, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
        return redirect(detail, uuid=uuid)
    messages.success(request, melding)
    if actie == "verwijderen":
        return redirect(lijst)
    return redirect(detail, uuid=uuid)


@griffie_vereist
def dashboard(request):
    return render(request, "griffie/dashboard.html", selectors.dashboard_gegevens())


# --- Bijlagen (adding happens in the forms of the record they belong to) -------------------

# Per kind of bijlage: the service that removes it and the griffie page of its record.
BIJLAGE_VERWIJDEREN = {
    RaadsvoorstelBijlage: (raadsvoorstel_bijlage_verwijderen, "griffie:raadsvoorstel"),
    MemoBijlage: (memo_bijlage_verwijderen, "griffie:memo"),
    AgendapuntBijlage: (agendapunt_bijlage_verwijderen, "griffie:agendapunt-bewerken"),
}


@require_POST
@griffie_vereist
def bijlage_verwijderen(request, uuid):
    bijlage = bijlage_vinden(uuid=uuid)
    if bijlage is None or type(bijlage) not in BIJLAGE_VERWIJDEREN:
        raise Http404("Deze bijlage bestaat niet.")
    service, pagina = BIJLAGE_VERWIJDEREN[type(bijlage)]
    try:
        service(bijlage=bijlage, door=request.user)
    except RegelFout as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, f"De bijlage “{bijlage.titel}” is verwijderd.")
    return redirect(pagina, uuid=bijlage.ouder.uuid)
