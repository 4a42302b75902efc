"""Admin for power users. A published register item is read-only here: its corrections go through the griffie's
form, which asks for the reason and records it (services.py); a concept may be edited and deleted."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import DomeinAdminMixin

from .models import (
    IngekomenStuk,
    IngekomenStukBijlage,
    LangetermijnItem,
    Motieopvolging,
    SchriftelijkeVraag,
    StandVanZaken,
    Toezegging,
)


class RegisterAdmin(DomeinAdminMixin, SimpleHistoryAdmin):
    readonly_fields = ["uuid", "publicatie", "gepubliceerd_op"]
    list_filter = ["publicatie", "vertrouwelijkheid"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_gepubliceerd:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_gepubliceerd:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Toezegging)
class ToezeggingAdmin(RegisterAdmin):
    list_display = ["nummer", "persoon", "vergadering", "uiterste_datum", "status", "publicatie"]
    search_fields = ["nummer", "tekst", "persoon__naam"]
    list_select_related = ["persoon", "vergadering"]
    raw_id_fields = ["vergadering", "agendapunt", "afgedaan_met", "afgedaan_in", "zaak", "persoon"]


class DocumentInline(admin.TabularInline):
    model = IngekomenStukBijlage
    extra = 0
    fields = ["volgorde", "titel", "bestand", "bestandsnaam", "mimetype", "grootte", "vertrouwelijkheid"]
    readonly_fields = ["bestandsnaam", "mimetype", "grootte"]


@admin.register(IngekomenStuk)
class IngekomenStukAdmin(RegisterAdmin):
    list_display = ["nummer", "ontvangen_op", "afzender", "afzender_is_privepersoon", "onderwerp", "publicatie"]
    search_fields = ["nummer", "onderwerp", "afzender"]
    raw_id_fields = ["lijst", "zaak", "voorgestelde_commissie", "vastgestelde_commissie"]
    inlines = [DocumentInline]


@admin.register(SchriftelijkeVraag)
class SchriftelijkeVraagAdmin(RegisterAdmin):
    list_display = ["nummer", "onderwerp", "gesteld_op", "uiterste_datum", "beantwoord_op", "status", "publicatie"]
    search_fields = ["nummer", "onderwerp", "vragen"]
    list_select_related = ["vraagsteller", "fractie"]
    raw_id_fields = ["vraagsteller", "fractie", "antwoord", "zaak"]


@admin.register(LangetermijnItem)
class LangetermijnItemAdmin(RegisterAdmin):
    list_display = ["titel", "jaar", "kwartaal", "status", "publicatie"]
    search_fields = ["titel", "omschrijving"]
    raw_id_fields = ["portefeuillehouder", "verwachte_vergadering", "zaak"]


class StandInline(admin.TabularInline):
    model = StandVanZaken
    extra = 0
    readonly_fields = ["datum", "tekst", "document", "vastgelegd_door"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Motieopvolging)
class MotieopvolgingAdmin(DomeinAdminMixin, SimpleHistoryAdmin):
    list_display = ["motie", "status", "uiterste_datum"]
    list_filter = ["status"]
    search_fields = ["motie__nummer", "motie__titel"]
    raw_id_fields = ["motie", "portefeuillehouder", "afgedaan_met", "afgedaan_in"]
    readonly_fields = ["uuid"]
    inlines = [StandInline]
