"""Filters of the meeting calendar. The values live in the URL (?gremium=gemeenteraad&soort=raadsvergadering)."""

from urllib.parse import urlencode

import django_filters
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from apps.core.models import Gremium

from .models import Vergadering


class VergaderingFilter(django_filters.FilterSet):
    gremium = django_filters.ModelChoiceFilter(
        label=_("Gremium"),
        queryset=Gremium.objects.filter(vergaderingen__isnull=False).distinct().order_by("naam"),
        to_field_name="slug",
        empty_label=_("Alle gremia"),
    )
    soort = django_filters.ChoiceFilter(
        label=_("Soort vergadering"),
        choices=[(waarde, capfirst(label)) for waarde, label in Vergadering.Soort.choices],
        empty_label=_("Alle soorten"),
    )

    class Meta:
        model = Vergadering
        fields = ["gremium", "soort"]

    def __init__(self, *args, gremia=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gremia is not None:
            # Only the gremia with a meeting the user may see; set before the form is built.
            self.filters["gremium"].queryset = gremia
        # Error messages in Dutch, whatever the default of the widget is.
        self.form.fields["gremium"].error_messages["invalid_choice"] = _(
            "Dit gremium bestaat niet. Kies een gremium uit de lijst."
        )
        self.form.fields["soort"].error_messages["invalid_choice"] = _(
            "Deze soort vergadering bestaat niet. Kies een soort uit de lijst."
        )

    @property
    def querystring(self) -> str:
        """The valid filter values as an urlencoded string, for links that must keep them."""
        if not self.is_bound or not self.form.is_valid():
            waarden = {}
        else:
            waarden = self.form.cleaned_data
        paren = []
        if waarden.get("gremium"):
            paren.append(("gremium", waarden["gremium"].slug))
        if waarden.get("soort"):
            paren.append(("soort", waarden["soort"]))
        return urlencode(paren)
