from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse

from .forms import VastgelegdFormMixin
from .models import Fractie, Gremium, Onderwerp, Persoon, Rol, Zaak, Zaaknummerreeks
from .search import zoekindex_bijwerken, zoekindex_verwijderen
from .vastlegging import vastgelegd_melding

TERUGZETTEN_GEWEIGERD = (
    "Terugzetten naar een eerdere versie kan niet: {reden} Een correctie van een gepubliceerd besluit is een "
    "rectificatie; die maakt u op de griffiepagina van het besluit."
)


class VastgelegdAdminMixin:
    """For the admin of a record a published besluit states or rests on.

    Its locked fields are read-only (with a Dutch notice why), a replayed POST that changes them is an
    error on the form, and django-simple-history's "terugzetten" is refused: that view judges the old
    version it shows, so without this it would let a published record be reverted."""

    def _vastgelegd_reden(self, request, obj) -> str | None:
        if obj is None:
            return None
        soort = f"{getattr(obj, 'VASTGELEGD_LIDWOORD', 'deze')} {obj._meta.verbose_name}"
        if obj.is_vastgelegd():
            if getattr(obj, "VASTGELEGDE_VELDEN", ()):
                return f"op {soort} rust een gepubliceerd besluit."
            return f"{soort} is gepubliceerd."
        if not self.has_change_permission(request, obj):
            return f"{soort} kan hier niet meer worden gewijzigd."
        return None

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None and getattr(obj, "VASTGELEGDE_VELDEN", ()) and obj.is_vastgelegd():
            velden += [v for v in obj.VASTGELEGDE_VELDEN if v not in velden]
        return velden

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not issubclass(form, VastgelegdFormMixin):
            form = type(form.__name__, (VastgelegdFormMixin, form), {})
        return form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if request.method == "GET" and obj is not None and obj.is_vastgelegd():
            velden = getattr(obj, "VASTGELEGDE_VELDEN", ())
            if velden:
                messages.warning(request, vastgelegd_melding(type(obj), velden))
        return super().change_view(request, object_id, form_url, extra_context)

    def _huidig(self, object_id):
        return self.model._default_manager.filter(pk=object_id).first()

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        huidig = self._huidig(object_id)
        reden = self._vastgelegd_reden(request, huidig)
        if reden:
            messages.error(request, TERUGZETTEN_GEWEIGERD.format(reden=reden))
            opts = self.model._meta
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id]))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        if obj is not None and self._vastgelegd_reden(request, self._huidig(obj.pk)):
            return True
        return super().revert_disabled(request, obj)


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
class ZaakAdmin(VastgelegdAdminMixin, admin.ModelAdmin):
    list_display = ["zaaknummer", "titel", "created_at"]
    list_filter = ["onderwerpen"]
    search_fields = ["zaaknummer", "titel"]
    filter_horizontal = ["onderwerpen"]
    readonly_fields = ["uuid"]

    def save_model(self, request, obj, form, change):
        if "titel" in form.changed_data:
            obj.titel_door_griffie = True  # a title typed here is the griffie's: visitors see it
        super().save_model(request, obj, form, change)


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
