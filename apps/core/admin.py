from django.contrib import admin

from .models import Fractie, Gremium, Onderwerp, Persoon, Rol, Zaak, Zaaknummerreeks
from .search import zoekindex_bijwerken, zoekindex_verwijderen


@admin.register(Gremium)
class GremiumAdmin(admin.ModelAdmin):
    list_display = ["naam", "afkorting", "soort", "organisatie"]
    list_filter = ["soort"]
    search_fields = ["naam", "afkorting", "organisatie"]
    prepopulated_fields = {"slug": ["naam"]}


class RolInline(admin.TabularInline):
    model = Rol
    extra = 0
    autocomplete_fields = ["gremium", "fractie"]


@admin.register(Persoon)
class PersoonAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie", "slug"]
    search_fields = ["naam", "organisatie"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [RolInline]


@admin.register(Rol)
class RolAdmin(admin.ModelAdmin):
    list_display = ["persoon", "soort", "gremium", "portefeuille", "fractie", "begindatum", "einddatum"]
    list_filter = ["soort", "gremium", "fractie"]
    search_fields = ["persoon__naam", "portefeuille", "fractie__naam"]
    list_select_related = ["persoon", "gremium", "fractie"]
    autocomplete_fields = ["persoon", "gremium", "fractie"]


class LidmaatschapInline(admin.TabularInline):
    model = Rol
    extra = 0
    fields = ["persoon", "soort", "gremium", "fractievoorzitter", "begindatum", "einddatum"]
    autocomplete_fields = ["persoon", "gremium"]


@admin.register(Fractie)
class FractieAdmin(admin.ModelAdmin):
    list_display = ["naam", "afkorting", "gremium", "begindatum", "einddatum", "opvolger"]
    list_filter = ["gremium"]
    search_fields = ["naam", "afkorting"]
    prepopulated_fields = {"slug": ["naam"]}
    autocomplete_fields = ["gremium", "opvolger"]
    list_select_related = ["gremium", "opvolger"]
    inlines = [LidmaatschapInline]


@admin.register(Onderwerp)
class OnderwerpAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "parent"]
    list_filter = ["parent"]
    search_fields = ["naam", "beschrijving"]
    prepopulated_fields = {"slug": ["naam"]}
    list_select_related = ["parent"]


@admin.register(Zaak)
class ZaakAdmin(admin.ModelAdmin):
    list_display = ["zaaknummer", "titel", "created_at"]
    list_filter = ["onderwerpen"]
    search_fields = ["zaaknummer", "titel"]
    filter_horizontal = ["onderwerpen"]
    readonly_fields = ["uuid"]


@admin.register(Zaaknummerreeks)
class ZaaknummerreeksAdmin(admin.ModelAdmin):
    list_display = ["prefix", "laatste"]


class DomeinAdminMixin:
    """For the domain models' admins: an admin save is a new version (so the griffie pages' optimistic
    locking notices it) and keeps the search index up to date."""

    def save_model(self, request, obj, form, change):
        if change and obj.pk and hasattr(obj, "version"):
            huidig = type(obj).objects.filter(pk=obj.pk).values_list("version", flat=True).first()
            obj.version = (huidig or obj.version) + 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        zoekindex_bijwerken(form.instance)

    def delete_model(self, request, obj):
        zoekindex_verwijderen(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            zoekindex_verwijderen(obj)
        super().delete_queryset(request, queryset)
