"""The filters of the besluiten list. They live in the URL, so a filtered list can be shared."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone

from apps.core.models import Gremium, Onderwerp, Persoon
from apps.core.search import zoek_object_ids
from apps.raadsvoorstellen.models import Raadsvoorstel

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
    )
    jaar = django_filters.ChoiceFilter(
        label="Jaar van de vergadering",
        field_name="vergadering__datum",
        lookup_expr="year",
        choices=_jaren,
        empty_label="Alle jaren",
    )
    van = django_filters.DateFilter(
        label="Vergaderd vanaf",
        field_name="vergadering__datum",
        lookup_expr="gte",
        widget=DatumInput,
    )
    tot = django_filters.DateFilter(
        label="Vergaderd tot en met",
        field_name="vergadering__datum",
        lookup_expr="lte",
        widget=DatumInput,
    )
    uitkomst = django_filters.ChoiceFilter(
        label="Uitkomst",
        choices=Besluit.Uitkomst.choices,
        empty_label="Alle uitkomsten",
    )
    gremium = django_filters.ModelChoiceFilter(
        label="Gremium",
        field_name="vergadering__gremium",
        to_field_name="slug",
        queryset=Gremium.objects.order_by("naam"),
        empty_label="Alle gremia",
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
    )

    class Meta:
        model = Besluit
        fields = ["q", "onderwerp", "jaar", "van", "tot", "uitkomst", "gremium", "vergadering", "portefeuillehouder"]
        form = BesluitFilterForm

    def filter_q(self, queryset, name, value):
        ids = zoek_object_ids(value, soort="besluit")
        if ids is None:
            return queryset
        return queryset.filter(pk__in=ids)
