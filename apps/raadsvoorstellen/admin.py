from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import DomeinAdminMixin, VastgelegdAdminMixin
from apps.core.forms import BijlageAdminForm

from .models import Beslispunt, Raadsvoorstel, RaadsvoorstelBijlage


def _afgesloten(obj) -> bool:
    """Besloten or ingetrokken: the griffie pages refuse every change, and so does the admin."""
    return obj is not None and obj.status in (Raadsvoorstel.Status.BESLOTEN, Raadsvoorstel.Status.INGETROKKEN)


class AfgeslotenInlineMixin:
    def has_change_permission(self, request, obj=None):
        return not _afgesloten(obj) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return not _afgesloten(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _afgesloten(obj) and super().has_delete_permission(request, obj)


class BeslispuntInline(AfgeslotenInlineMixin, admin.TabularInline):
    model = Beslispunt
    extra = 0


class BijlageInline(AfgeslotenInlineMixin, admin.TabularInline):
    model = RaadsvoorstelBijlage
    form = BijlageAdminForm
    extra = 0
    fields = ["volgorde", "titel", "bestand", "bestandsnaam", "mimetype", "grootte", "vertrouwelijkheid"]
    readonly_fields = ["bestandsnaam", "mimetype", "grootte"]


@admin.register(Raadsvoorstel)
class RaadsvoorstelAdmin(VastgelegdAdminMixin, DomeinAdminMixin, SimpleHistoryAdmin):
    list_display = ["zaak", "titel", "datum_raadsvergadering", "portefeuillehouder", "status", "vertrouwelijkheid"]
    list_filter = ["status", "vertrouwelijkheid", "datum_raadsvergadering", "portefeuillehouder"]
    search_fields = ["zaak__zaaknummer", "titel", "voorstel", "toelichting"]
    autocomplete_fields = ["zaak", "portefeuillehouder", "directeur_secretaris", "burgemeester"]
    list_select_related = ["zaak", "portefeuillehouder"]
    # Status steps (aanbieden, agenderen, intrekken, besluiten) only through the griffie pages.
    readonly_fields = ["uuid", "status"]
    inlines = [BeslispuntInline, BijlageInline]

    def has_change_permission(self, request, obj=None):
        return not _afgesloten(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _afgesloten(obj) and super().has_delete_permission(request, obj)
