"""The filters of the besluiten list. They live in the URL, so a filtered list can be shared."""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from apps.core.models import Gremium, Onderwerp, Persoon
from apps.core.search import zoek_object_ids
from apps.core.widgets import SnelleSelect, vaste_keuzes
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda.models import Vergadering

from .models import Besluit

EERSTE_JAAR = 2000


def _jaren():
    return [(str(j), str(j)) for j in range(timezone.localdate().year + 1, EERSTE_JAAR - 1, -1)]


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class BesluitFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data


class BesluitFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Zoekterm",
        method="filter_q",
        max_length=200,
        help_text="Woorden uit de titel of het besluit, bijvoorbeeld: jeugdhulp.",
    )
    onderwerp = django_filters.ModelChoiceFilter(
        label="Onderwerp",
        field_name="zaak__onderwerpen",
        to_field_name="slug",
        queryset=Onderwerp.objects.order_by("naam"),
        empty_label="Alle onderwerpen",
        widget=SnelleSelect,
    )
    jaar = django_filters.ChoiceFilter(
        label="Jaar van de vergadering",
        method="filter_jaar",
        choices=_jaren,
        empty_label="Alle jaren",
        widget=SnelleSelect,
    )
    van = django_filters.DateFilter(
        label="Vergaderd vanaf",
        method="filter_van",
        widget=DatumInput,
    )
    tot = django_filters.DateFilter(
        label="Vergaderd tot en met",
        method="filter_tot",
        widget=DatumInput,
    )
    uitkomst = django_filters.ChoiceFilter(
        label="Uitkomst",
        choices=Besluit.Uitkomst.choices,
        empty_label="Alle uitkomsten",
        widget=SnelleSelect,
    )
    gremium = django_filters.ModelChoiceFilter(
        label="Gremium",
        method="filter_gremium",
        to_field_name="slug",
        queryset=Gremium.objects.order_by("naam"),
        empty_label="Alle gremia",
        widget=SnelleSelect,
    )
    vergadering = django_filters.UUIDFilter(
        label="Vergadering",
        field_name="vergadering__uuid",
        widget=forms.HiddenInput,
    )
    portefeuillehouder = django_filters.ModelChoiceFilter(
        label="Portefeuillehouder",
        field_name="raadsvoorstel__portefeuillehouder",
        to_field_name="uuid",
        queryset=Persoon.objects.filter(
            Exists(Raadsvoorstel.objects.filter(portefeuillehouder=OuterRef("pk")))
        ).order_by("naam"),
        empty_label="Alle portefeuillehouders",
        widget=SnelleSelect,
    )

    class Meta:
        model = Besluit
        fields = ["q", "onderwerp", "jaar", "van", "tot", "uitkomst", "gremium", "vergadering", "portefeuillehouder"]
        form = BesluitFilterForm

    #: the filters whose options come from the database (each a list of (value, label), see `keuzes`)
    KEUZEVELDEN = ("onderwerp", "gremium", "portefeuillehouder")

    def __init__(self, *args, keuzes: dict | None = None, **kwargs):
        """`keuzes`: the options of KEUZEVELDEN, already read (kept per cache generation by the selector), so
        that rendering the form runs no query; a chosen value is still looked up when the filter is applied."""
        super().__init__(*args, **kwargs)
        for naam, opties in (keuzes or {}).items():
            # not django-filter's choices setter, which would wrap the list in a queryset iterator
            vaste_keuzes(self.form.fields[naam], f"besluiten:{naam}", opties)

    # Filters on the meeting (jaar, van, tot, gremium) are combined into one condition on the meetings, applied
    # as a list of their ids (one small indexed query) when it is short: through a join PostgreSQL walked the
    # list's order testing each besluit's meeting (45-50 ms for a year or two months at 100,000 besluiten); with
    # the ids it reads just the besluiten of those meetings. A long list (a whole gremium) stays a subquery.
    MAX_VERGADERING_IDS = 500

    def _vergadering_voorwaarde(self, queryset, voorwaarde: Q):
        self._vergadering_q = getattr(self, "_vergadering_q", Q()) & voorwaarde
        return queryset

    def filter_jaar(self, queryset, name, value):
        jaar = int(value)
        return self._vergadering_voorwaarde(
            queryset, Q(datum__gte=datetime.date(jaar, 1, 1), datum__lte=datetime.date(jaar, 12, 31))
        )

    def filter_van(self, queryset, name, value):
        return self._vergadering_voorwaarde(queryset, Q(datum__gte=value))

    def filter_tot(self, queryset, name, value):
        return self._vergadering_voorwaarde(queryset, Q(datum__lte=value))

    def filter_gremium(self, queryset, name, value):
        return self._vergadering_voorwaarde(queryset, Q(gremium=value))

    #: whether the list is narrowed to a few thousand besluiten that may lie anywhere in the order: those of a few
    #: meetings, or of one portefeuillehouder (a former one's all lie far back: walking the order's index to them
    #: read 50,000 rows, 443 ms); then sorting them beats walking the order
    weinig_rijen = False

    def filter_queryset(self, queryset):
        self._vergadering_q = Q()
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("portefeuillehouder"):
            self.weinig_rijen = True
        if self._vergadering_q:
            vergaderingen = Vergadering.objects.filter(self._vergadering_q).values_list("id", flat=True)
            ids = list(vergaderingen[: self.MAX_VERGADERING_IDS + 1])
            weinig = len(ids) <= self.MAX_VERGADERING_IDS
            self.weinig_rijen = self.weinig_rijen or weinig
            queryset = queryset.filter(vergadering_id__in=ids if weinig else vergaderingen)
        return queryset

    def filter_q(self, queryset, name, value):
        ids = zoek_object_ids(value, soort="besluit")
        if ids is None:
            return queryset
        return queryset.filter(pk__in=ids)
