"""Admin for power users. Published stemmingen and besluitenlijsten are read-only here too (a correction is a
rectificatie, made on the griffie pages); votes are entered on the griffie pages, where the rules are checked."""

from django.contrib import admin

from apps.core.admin import DomeinAdminMixin

from .models import Aanwezigheid, Amendement, Besluitenlijst, Indiener, Motie, Nummerreeks, Stem, Stemming


class IndienerInline(admin.TabularInline):
    model = Indiener
    extra = 0
    autocomplete_fields = ["persoon", "fractie"]
    fk_name = None


class MotieIndienerInline(IndienerInline):
    exclude = ["amendement"]


class AmendementIndienerInline(IndienerInline):
    exclude = ["motie"]


class _IngediendAdmin(DomeinAdminMixin, admin.ModelAdmin):
    list_display = ["nummer", "titel", "status", "vergadering", "vertrouwelijkheid"]
    list_filter = ["status", "vertrouwelijkheid", "jaar"]
    search_fields = ["nummer", "titel"]
    list_select_related = ["vergadering"]
    autocomplete_fields = ["vergadering", "agendapunt", "raadsvoorstel"]
    # Numbering and the voted status come from the services.
    readonly_fields = ["uuid", "nummer", "jaar", "volgnummer", "status"]


@admin.register(Motie)
class MotieAdmin(_IngediendAdmin):
    list_filter = [*_IngediendAdmin.list_filter, "motietype"]
    search_fields = [*_IngediendAdmin.search_fields, "verzoek"]
    inlines = [MotieIndienerInline]


@admin.register(Amendement)
class AmendementAdmin(_IngediendAdmin):
    search_fields = [*_IngediendAdmin.search_fields, "nieuwe_tekst"]
    autocomplete_fields = [*_IngediendAdmin.autocomplete_fields, "hoofdamendement"]
    filter_horizontal = ["beslispunten"]
    inlines = [AmendementIndienerInline]


class StemInline(admin.TabularInline):
    model = Stem
    extra = 0
    fields = ["persoon", "fractie", "keuze"]
    readonly_fields = ["persoon", "fractie", "keuze"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Stemming)
class StemmingAdmin(admin.ModelAdmin):
    list_display = ["vergadering", "volgorde", "soort", "uitslag", "status", "versie"]
    list_filter = ["status", "soort", "uitslag"]
    search_fields = ["motie__nummer", "amendement__nummer", "raadsvoorstel__zaak__zaaknummer"]
    list_select_related = ["vergadering"]
    readonly_fields = [
        "uuid",
        "vergadering",
        "agendapunt",
        "raadsvoorstel",
        "motie",
        "amendement",
        "volgorde",
        "soort",
        "uitslag",
        "status",
        "gepubliceerd_op",
        "versie",
        "vervangt",
        "rectificatie_reden",
    ]
    inlines = [StemInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.is_gepubliceerd) and super().has_delete_permission(request, obj)


@admin.register(Aanwezigheid)
class AanwezigheidAdmin(admin.ModelAdmin):
    list_display = ["vergadering", "persoon", "fractie", "aanwezig"]
    list_filter = ["aanwezig"]
    search_fields = ["persoon__naam"]
    list_select_related = ["vergadering", "persoon", "fractie"]
    readonly_fields = ["vergadering", "persoon", "rol", "fractie", "aanwezig"]

    def has_add_permission(self, request):
        return False


@admin.register(Besluitenlijst)
class BesluitenlijstAdmin(admin.ModelAdmin):
    list_display = ["vergadering", "versie", "status", "gepubliceerd_op"]
    list_select_related = ["vergadering"]
    search_fields = ["vergadering__titel"]
    readonly_fields = [
        "uuid",
        "vergadering",
        "versie",
        "status",
        "gepubliceerd_op",
        "gepubliceerd_door",
        "rectificatie_reden",
        "pdf",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return not (obj and obj.is_gepubliceerd) and super().has_delete_permission(request, obj)


@admin.register(Nummerreeks)
class NummerreeksAdmin(admin.ModelAdmin):
    list_display = ["soort", "jaar", "laatste"]
