from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import DomeinAdminMixin, VastgelegdAdminMixin

from .models import Besluit, DictumPunt


class DictumInline(admin.TabularInline):
    model = DictumPunt
    extra = 0

    def has_change_permission(self, request, obj=None):
        return not (obj and obj.status != Besluit.Status.CONCEPT) and super().has_change_permission(request, obj)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


@admin.register(Besluit)
class BesluitAdmin(VastgelegdAdminMixin, DomeinAdminMixin, SimpleHistoryAdmin):
    """Published besluiten are read-only here too: a correction is a rectificatie, made by the griffie pages."""

    list_display = ["zaak", "titel", "uitkomst", "vergadering", "status", "versie", "gepubliceerd_op"]
    list_filter = ["status", "uitkomst", "vertrouwelijkheid", "vergadering__gremium"]
    search_fields = ["zaak__zaaknummer", "titel", "dictum__tekst"]
    autocomplete_fields = ["zaak", "raadsvoorstel", "vergadering", "agendapunt", "griffier", "voorzitter"]
    list_select_related = ["zaak", "vergadering"]
    # Status steps (vaststellen, publiceren, rectificeren) only through the griffie pages and their services.
    readonly_fields = [
        "uuid",
        "status",
        "versie",
        "vervangt",
        "rectificatie_reden",
        "gepubliceerd_op",
        "gepubliceerd_door",
        "vastgesteld_op",
        "pdf",
        "pdf_sha256",
    ]
    inlines = [DictumInline]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status != Besluit.Status.CONCEPT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != Besluit.Status.CONCEPT:
            return False
        return super().has_delete_permission(request, obj)
