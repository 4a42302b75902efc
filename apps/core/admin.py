from django.contrib import admin

from .models import Gremium, Onderwerp, Persoon, Rol, Zaak, Zaaknummerreeks


@admin.register(Gremium)
class GremiumAdmin(admin.ModelAdmin):
    list_display = ["naam", "afkorting", "soort", "organisatie"]
    list_filter = ["soort"]
    search_fields = ["naam", "afkorting", "organisatie"]
    prepopulated_fields = {"slug": ["naam"]}


class RolInline(admin.TabularInline):
    model = Rol
    extra = 0
    autocomplete_fields = ["gremium"]


@admin.register(Persoon)
class PersoonAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie"]
    search_fields = ["naam", "organisatie"]
    inlines = [RolInline]


@admin.register(Rol)
class RolAdmin(admin.ModelAdmin):
    list_display = ["persoon", "soort", "gremium", "portefeuille", "fractie", "begindatum", "einddatum"]
    list_filter = ["soort", "gremium"]
    search_fields = ["persoon__naam", "portefeuille", "fractie"]
    list_select_related = ["persoon", "gremium"]


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
