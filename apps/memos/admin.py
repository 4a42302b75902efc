from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import DomeinAdminMixin
from apps.core.forms import BijlageAdminForm

from .models import Memo, MemoBehandeling, MemoBijlage


class RouteInline(admin.TabularInline):
    model = MemoBehandeling
    extra = 0
    autocomplete_fields = ["gremium"]


class BijlageInline(admin.TabularInline):
    model = MemoBijlage
    form = BijlageAdminForm
    extra = 0
    fields = ["volgorde", "titel", "bestand", "bestandsnaam", "mimetype", "grootte", "vertrouwelijkheid"]
    readonly_fields = ["bestandsnaam", "mimetype", "grootte"]


@admin.register(Memo)
class MemoAdmin(DomeinAdminMixin, SimpleHistoryAdmin):
    list_display = ["betreft", "soort", "datum", "van", "kenmerk", "zaak", "status", "vertrouwelijkheid"]
    list_filter = ["soort", "status", "vertrouwelijkheid", "datum"]
    search_fields = ["betreft", "kenmerk", "aan", "van", "tekst", "zaak__zaaknummer"]
    autocomplete_fields = ["zaak", "beantwoordt_vergadering"]
    filter_horizontal = ["onderwerpen"]
    list_select_related = ["zaak"]
    readonly_fields = ["uuid"]
    inlines = [RouteInline, BijlageInline]
