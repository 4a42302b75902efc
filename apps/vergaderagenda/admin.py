from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agendapunt, AgendapuntBijlage, Vergadering


class AgendapuntInline(admin.StackedInline):
    model = Agendapunt
    extra = 0
    fields = ["volgorde", "volgnummer", "titel", "omschrijving", "aanvang", "einde", "behandeling", "besloten",
              "zaak", "raadsvoorstel", "memos"]
    autocomplete_fields = ["zaak", "raadsvoorstel", "memos"]


@admin.register(Vergadering)
class VergaderingAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "datum", "aanvang", "gremium", "soort", "openbaar", "status"]
    list_filter = ["gremium", "soort", "status", "openbaar", "datum"]
    search_fields = ["titel", "locatie", "toelichting"]
    date_hierarchy = "datum"
    list_select_related = ["gremium"]
    readonly_fields = ["uuid"]
    inlines = [AgendapuntInline]


class AgendapuntBijlageInline(admin.TabularInline):
    model = AgendapuntBijlage
    extra = 0
    fields = ["volgorde", "titel", "bestand", "bestandsnaam", "mimetype", "grootte", "vertrouwelijkheid"]
    readonly_fields = ["bestandsnaam", "mimetype", "grootte"]


@admin.register(Agendapunt)
class AgendapuntAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "vergadering", "volgorde", "behandeling", "besloten", "zaak"]
    list_filter = ["behandeling", "besloten", "vergadering__gremium"]
    search_fields = ["titel", "omschrijving", "volgnummer", "zaak__zaaknummer"]
    autocomplete_fields = ["vergadering", "zaak", "raadsvoorstel", "memos"]
    list_select_related = ["vergadering", "zaak"]
    readonly_fields = ["uuid"]
    inlines = [AgendapuntBijlageInline]
