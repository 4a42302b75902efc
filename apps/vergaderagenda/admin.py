from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from apps.core.admin import DomeinAdminMixin

from .models import Agendapunt, AgendapuntBijlage, Vergadering


class AgendapuntAdminForm(forms.ModelForm):
    """The admin keeps the agenda rules: no withdrawn or concept voorstel on an agenda."""

    class Meta:
        model = Agendapunt
        fields = ["vergadering", "volgorde", "volgnummer", "titel", "omschrijving", "aanvang", "einde", "behandeling",
                  "besloten", "zaak", "raadsvoorstel", "memos", "onderwerpen"]

    def clean_raadsvoorstel(self):
        voorstel = self.cleaned_data.get("raadsvoorstel")
        if voorstel is not None and voorstel.pk != self.instance.raadsvoorstel_id:
            if voorstel.status == "ingetrokken":
                raise forms.ValidationError("Een ingetrokken raadsvoorstel kan niet worden geagendeerd.")
            if voorstel.status == "concept":
                raise forms.ValidationError("Een raadsvoorstel moet eerst worden aangeboden voordat het kan worden "
                                            "geagendeerd.")
        return voorstel


class AgendapuntInline(admin.StackedInline):
    model = Agendapunt
    form = AgendapuntAdminForm
    extra = 0
    fields = ["volgorde", "volgnummer", "titel", "omschrijving", "aanvang", "einde", "behandeling", "besloten",
              "zaak", "raadsvoorstel", "memos"]
    autocomplete_fields = ["zaak", "raadsvoorstel", "memos"]


@admin.register(Vergadering)
class VergaderingAdmin(DomeinAdminMixin, SimpleHistoryAdmin):
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
class AgendapuntAdmin(DomeinAdminMixin, SimpleHistoryAdmin):
    form = AgendapuntAdminForm
    list_display = ["__str__", "vergadering", "volgorde", "behandeling", "besloten", "zaak"]
    list_filter = ["behandeling", "besloten", "vergadering__gremium"]
    search_fields = ["titel", "omschrijving", "volgnummer", "zaak__zaaknummer"]
    autocomplete_fields = ["vergadering", "zaak", "raadsvoorstel", "memos"]
    list_select_related = ["vergadering", "zaak"]
    readonly_fields = ["uuid"]
    inlines = [AgendapuntBijlageInline]
