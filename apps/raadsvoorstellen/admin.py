from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import DomeinAdminMixin

from .models import Beslispunt, Raadsvoorstel, RaadsvoorstelBijlage


class BeslispuntInline(admin.TabularInline):
    model = Beslispunt
    extra = 0


class BijlageInline(admin.TabularInline):
    model = RaadsvoorstelBijlage
    extra = 0
    fields = ["volgorde", "titel", "bestand", "bestandsnaam", "mimetype", "grootte", "vertrouwelijkheid"]
    readonly_fields = ["bestandsnaam", "mimetype", "grootte"]


@admin.register(Raadsvoorstel)
class RaadsvoorstelAdmin(DomeinAdminMixin, SimpleHistoryAdmin):
    list_display = ["zaak", "titel", "datum_raadsvergadering", "portefeuillehouder", "status", "vertrouwelijkheid"]
    list_filter = ["status", "vertrouwelijkheid", "datum_raadsvergadering", "portefeuillehouder"]
    search_fields = ["zaak__zaaknummer", "titel", "voorstel", "toelichting"]
    autocomplete_fields = ["zaak", "portefeuillehouder", "directeur_secretaris", "burgemeester"]
    list_select_related = ["zaak", "portefeuillehouder"]
    # Status steps (aanbieden, agenderen, intrekken, besluiten) only through the griffie pages.
    readonly_fields = ["uuid", "status"]
    inlines = [BeslispuntInline, BijlageInline]
