"""The filters of the register lists. They live in the URL (GET), so a filtered list works without JavaScript
and can be shared. Every filter and the sort use an index (models.py)."""

import django_filters
from django import forms
from django.utils import timezone

from apps.core.models import Fractie, Gremium, Onderwerp, Persoon
from apps.core.search import zoek_object_ids

from . import search
from .models import Afhandeling, IngekomenStuk, LangetermijnItem, Motieopvolging, SchriftelijkeVraag, Toezegging

EERSTE_JAAR = 2000


def _jaren():
    return [(str(j), str(j)) for j in range(timezone.localdate().year + 2, EERSTE_JAAR - 1, -1)]


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PeriodeForm(forms.Form):
    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data


def _zoekterm(soort):
    def filter_q(self, queryset, name, value):
        ids = zoek_object_ids(value, soort=soort)
        return queryset if ids is None else queryset.filter(pk__in=ids)

    return filter_q


def _toestand(self, queryset, name, value):
    return queryset.met_toestand(value) if value else queryset


def _q():
    return django_filters.CharFilter(label="Zoekterm", method="filter_q", max_length=200)


TOESTANDEN_OPEN = [("open", "open"), ("overschreden", "termijn overschreden")]


class ToezeggingFilter(django_filters.FilterSet):
    q = _q()
    toestand = django_filters.ChoiceFilter(
        label="Status",
        method="filter_toestand",
        choices=[*TOESTANDEN_OPEN, ("afgedaan", "afgedaan"), ("vervallen", "vervallen")],
        empty_label="Alle statussen",
    )
    persoon = django_filters.ModelChoiceFilter(
        label="Toegezegd door",
        to_field_name="uuid",
        queryset=Persoon.objects.filter(toezeggingen__isnull=False).distinct().order_by("naam"),
        empty_label="Iedereen",
    )
    jaar = django_filters.ChoiceFilter(label="Jaar", choices=_jaren, empty_label="Alle jaren")
    onderwerp = django_filters.ModelChoiceFilter(
        label="Onderwerp",
        field_name="onderwerpen",
        to_field_name="slug",
        queryset=Onderwerp.objects.order_by("naam"),
        empty_label="Alle onderwerpen",
    )

    class Meta:
        model = Toezegging
        fields = ["q", "toestand", "persoon", "jaar", "onderwerp"]

    filter_q = _zoekterm(search.TOEZEGGING)
    filter_toestand = _toestand


class MotieopvolgingFilter(django_filters.FilterSet):
    q = _q()
    toestand = django_filters.ChoiceFilter(
        label="Status",
        method="filter_toestand",
        choices=[
            ("niet_gestart", "nog niet gestart"),
            ("in_uitvoering", "in uitvoering"),
            ("overschreden", "termijn overschreden"),
            ("afgedaan", "afgedaan"),
            ("niet_uitvoerbaar", "niet uitvoerbaar"),
        ],
        empty_label="Alle statussen",
    )
    jaar = django_filters.ChoiceFilter(
        label="Jaar van de motie", field_name="motie__jaar", choices=_jaren, empty_label="Alle jaren"
    )
    portefeuillehouder = django_filters.ModelChoiceFilter(
        label="Portefeuillehouder",
        to_field_name="uuid",
        queryset=Persoon.objects.filter(motieopvolgingen__isnull=False).distinct().order_by("naam"),
        empty_label="Iedereen",
    )

    class Meta:
        model = Motieopvolging
        fields = ["q", "toestand", "jaar", "portefeuillehouder"]

    filter_q = _zoekterm(search.MOTIEOPVOLGING)

    def filter_toestand(self, queryset, name, value):
        if value in ("niet_gestart", "in_uitvoering"):
            return queryset.met_toestand("open").filter(status=value)
        return queryset.met_toestand(value)


class IngekomenStukFilter(django_filters.FilterSet):
    q = _q()
    afhandeling = django_filters.ChoiceFilter(
        label="Voorgestelde afhandeling",
        field_name="voorgestelde_afhandeling",
        choices=Afhandeling.choices,
        empty_label="Alle afhandelingen",
    )
    commissie = django_filters.ModelChoiceFilter(
        label="Commissie",
        field_name="voorgestelde_commissie",
        to_field_name="slug",
        queryset=Gremium.objects.filter(soort="commissie").order_by("naam"),
        empty_label="Alle commissies",
    )
    van = django_filters.DateFilter(
        label="Ontvangen vanaf", field_name="ontvangen_op", lookup_expr="gte", widget=DatumInput
    )
    tot = django_filters.DateFilter(
        label="Ontvangen tot en met", field_name="ontvangen_op", lookup_expr="lte", widget=DatumInput
    )
    jaar = django_filters.ChoiceFilter(label="Jaar", choices=_jaren, empty_label="Alle jaren")

    class Meta:
        model = IngekomenStuk
        fields = ["q", "afhandeling", "commissie", "van", "tot", "jaar"]
        form = PeriodeForm

    filter_q = _zoekterm(search.INGEKOMEN_STUK)


class SchriftelijkeVraagFilter(django_filters.FilterSet):
    q = _q()
    toestand = django_filters.ChoiceFilter(
        label="Status",
        method="filter_toestand",
        choices=[
            ("open", "wacht op antwoord (binnen de termijn)"),
            ("overschreden", "termijn overschreden"),
            ("beantwoord", "beantwoord"),
            ("ingetrokken", "ingetrokken"),
        ],
        empty_label="Alle statussen",
    )
    te_laat = django_filters.ChoiceFilter(
        label="Antwoord op tijd",
        method="filter_te_laat",
        choices=[("nee", "binnen de termijn beantwoord"), ("ja", "na de termijn beantwoord")],
        empty_label="Alle",
    )
    fractie = django_filters.ModelChoiceFilter(
        label="Fractie", to_field_name="slug", queryset=Fractie.objects.order_by("naam"), empty_label="Alle fracties"
    )
    jaar = django_filters.ChoiceFilter(label="Jaar", choices=_jaren, empty_label="Alle jaren")

    class Meta:
        model = SchriftelijkeVraag
        fields = ["q", "toestand", "te_laat", "fractie", "jaar"]

    filter_q = _zoekterm(search.SCHRIFTELIJKE_VRAAG)
    filter_toestand = _toestand

    def filter_te_laat(self, queryset, name, value):
        from django.db.models import F

        beantwoord = queryset.filter(beantwoord_op__isnull=False)
        if value == "ja":
            return beantwoord.filter(beantwoord_op__gt=F("uiterste_datum"))
        return beantwoord.filter(beantwoord_op__lte=F("uiterste_datum"))


class LangetermijnFilter(django_filters.FilterSet):
    q = _q()
    jaar = django_filters.ChoiceFilter(label="Jaar", choices=_jaren, empty_label="Alle jaren")
    kwartaal = django_filters.ChoiceFilter(
        label="Kwartaal", choices=[(str(k), f"Q{k}") for k in range(1, 5)], empty_label="Alle kwartalen"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=LangetermijnItem.Status.choices, empty_label="Alle statussen"
    )
    portefeuillehouder = django_filters.ModelChoiceFilter(
        label="Portefeuillehouder",
        to_field_name="uuid",
        queryset=Persoon.objects.filter(langetermijnitems__isnull=False).distinct().order_by("naam"),
        empty_label="Iedereen",
    )

    class Meta:
        model = LangetermijnItem
        fields = ["q", "jaar", "kwartaal", "status", "portefeuillehouder"]

    filter_q = _zoekterm(search.LANGETERMIJN)
