from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import DomeinAdminMixin, VastgelegdAdminMixin
from apps.core.forms import BijlageAdminForm, VastgelegdFormMixin
from apps.raadsvoorstellen.services import raadsvoorstel_agenderen

from .models import Agendapunt, AgendapuntBijlage, Vergadering


class AgendapuntAdminForm(VastgelegdFormMixin, forms.ModelForm):
    """The admin keeps the agenda rules: no withdrawn or concept voorstel on an agenda."""

    class Meta:
        model = Agendapunt
        fields = [
            "vergadering",
            "volgorde",
            "volgnummer",
            "titel",
            "omschrijving",
            "aanvang",
            "einde",
            "behandeling",
            "besloten",
            "zaak",
            "raadsvoorstel",
            "memos",
            "onderwerpen",
        ]

    def clean_raadsvoorstel(self):
        voorstel = self.cleaned_data.get("raadsvoorstel")
        if voorstel is not None and voorstel.pk != self.instance.raadsvoorstel_id:
            if voorstel.status == "ingetrokken":
                raise forms.ValidationError("Een ingetrokken raadsvoorstel kan niet worden geagendeerd.")
            if voorstel.status == "concept":
                raise forms.ValidationError(
                    "Een raadsvoorstel moet eerst worden aangeboden voordat het kan worden geagendeerd."
                )
        return voorstel


class AgendapuntInline(admin.StackedInline):
    model = Agendapunt
    form = AgendapuntAdminForm
    extra = 0
    fields = [
        "volgorde",
        "volgnummer",
        "titel",
        "omschrijving",
        "aanvang",
        "einde",
        "behandeling",
        "besloten",
        "zaak",
        "raadsvoorstel",
        "memos",
    ]
    autocomplete_fields = ["zaak", "raadsvoorstel", "memos"]


def _voorstellen_agenderen(agendapunten, door) -> None:
    """A voorstel linked to an agenda item in the admin becomes 'geagendeerd', as in the griffie pages."""
    for agendapunt in agendapunten:
        if agendapunt.raadsvoorstel_id:
            raadsvoorstel_agenderen(raadsvoorstel=agendapunt.raadsvoorstel, door=door)


@admin.register(Vergadering)
class VergaderingAdmin(VastgelegdAdminMixin, DomeinAdminMixin, SimpleHistoryAdmin):
    list_display = ["titel", "datum", "aanvang", "gremium", "soort", "openbaar", "status"]
    list_filter = ["gremium", "soort", "status", "openbaar", "datum"]
    search_fields = ["titel", "locatie", "toelichting"]
    date_hierarchy = "datum"
    list_select_related = ["gremium"]
    readonly_fields = ["uuid"]
    inlines = [AgendapuntInline]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Agendapunt:
            _voorstellen_agenderen(
                formset.new_objects + [obj for obj, _velden in formset.changed_objects], request.user
            )


class AgendapuntBijlageInline(admin.TabularInline):
    model = AgendapuntBijlage
    form = BijlageAdminForm
    extra = 0
    fields = ["volgorde", "titel", "bestand", "bestandsnaam", "mimetype", "grootte", "vertrouwelijkheid"]
    readonly_fields = ["bestandsnaam", "mimetype", "grootte"]


@admin.register(Agendapunt)
class AgendapuntAdmin(VastgelegdAdminMixin, DomeinAdminMixin, SimpleHistoryAdmin):
    form = AgendapuntAdminForm
    list_display = ["__str__", "vergadering", "volgorde", "behandeling", "besloten", "zaak"]
    list_filter = ["behandeling", "besloten", "vergadering__gremium"]
    search_fields = ["titel", "omschrijving", "volgnummer", "zaak__zaaknummer"]
    autocomplete_fields = ["vergadering", "zaak", "raadsvoorstel", "memos"]
    list_select_related = ["vergadering", "zaak"]
    readonly_fields = ["uuid"]
    inlines = [AgendapuntBijlageInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _voorstellen_agenderen([obj], request.user)
