"""Input validation for raadsvoorstellen (the griffie's form). Every message is Dutch."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from apps.core.forms import (
    NieuweBijlageFormMixin,
    PersoonKeuze,
    VersieFormMixin,
    datumveld,
    geordende_formset,
    zaaknummer_controleren,
)
from apps.core.models import Onderwerp, Zaak
from apps.core.services import zaaknummer_vooruitblik

from .models import Raadsvoorstel
from .services import VELDEN

BeslispuntFormSet = geordende_formset(_("Beslispunt"))


def beslispunten_initial(raadsvoorstel) -> list[dict]:
    return [{"tekst": b.tekst, "volgorde": b.volgorde} for b in raadsvoorstel.beslispunten.all()]


# --- Raadsvoorstel -----------------------------------------------------------------------


class RaadsvoorstelForm(VersieFormMixin, NieuweBijlageFormMixin, forms.ModelForm):
    NIEUW, BESTAAND = "nieuw", "bestaand"

    zaak_keuze = forms.ChoiceField(
        label=_("Zaak"),
        widget=forms.RadioSelect,
        initial=NIEUW,
        choices=[(NIEUW, _("Neem het volgende vrije zaaknummer")), (BESTAAND, _("Gebruik een bestaand zaaknummer"))],
    )
    zaaknummer = forms.CharField(
        label=_("Bestaand zaaknummer"),
        required=False,
        max_length=30,
        help_text=format_lazy(_("Alleen bij een bestaand zaaknummer, bijvoorbeeld {}."), settings.ZAAKNUMMER_VOORBEELD),
    )
    onderwerpen = forms.ModelMultipleChoiceField(
        label=_("Onderwerpen"),
        queryset=Onderwerp.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    college_besluitdatum = datumveld(_("Datum collegebesluit"), required=False)
    datum_raadsvergadering = datumveld(_("Datum raadsvergadering"), required=False)
    portefeuillehouder = PersoonKeuze(label=_("Portefeuillehouder"))
    directeur_secretaris = PersoonKeuze(label=_("Directeur-secretaris"))
    burgemeester = PersoonKeuze(label=_("Burgemeester"))

    class Meta:
        model = Raadsvoorstel
        fields = VELDEN
        widgets = {naam: forms.Textarea(attrs={"rows": 5}) for naam in Raadsvoorstel.SECTIES}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.zaak_bestaand = None
        if not self.instance.pk:
            if volgende := zaaknummer_vooruitblik():
                self.fields["zaak_keuze"].choices = [
                    (self.NIEUW, _("Neem het volgende vrije zaaknummer (nu %(nummer)s)") % {"nummer": volgende}),
                    (self.BESTAAND, _("Gebruik een bestaand zaaknummer")),
                ]
                self.fields["zaak_keuze"].help_text = _(
                    "Het nummer wordt pas bij het opslaan uitgegeven; is het dan intussen genomen, dan krijgt het "
                    "voorstel het eerstvolgende."
                )
        if self.instance.pk:
            del self.fields["zaak_keuze"]
            del self.fields["zaaknummer"]
            self.fields["onderwerpen"].initial = list(self.instance.zaak.onderwerpen.all())
            self.fields["version"].initial = self.instance.version
        self.fields["titel"].help_text = _("Het onderwerp zoals het boven het voorstel staat.")

    def clean_zaaknummer(self):
        if self.data.get(self.add_prefix("zaak_keuze")) != self.BESTAAND:
            return ""
        nummer = zaaknummer_controleren(self.cleaned_data.get("zaaknummer"))
        if not nummer:
            raise ValidationError(_("Vul het zaaknummer in, of kies voor het volgende vrije zaaknummer."))
        zaak = Zaak.objects.filter(zaaknummer=nummer).select_related("raadsvoorstel").first()
        if zaak is not None and hasattr(zaak, "raadsvoorstel"):
            raise ValidationError(_("Bij zaak %(nummer)s hoort al een raadsvoorstel."), params={"nummer": nummer})
        self.zaak_bestaand = zaak
        return nummer

    def clean(self):
        cleaned = super().clean()
        college, raad = cleaned.get("college_besluitdatum"), cleaned.get("datum_raadsvergadering")
        if college and raad and college > raad:
            self.add_error(
                "datum_raadsvergadering",
                _("De datum van de raadsvergadering ligt vóór de datum van het collegebesluit."),
            )
        return cleaned

    def velden(self) -> dict:
        return {naam: self.cleaned_data[naam] for naam in VELDEN if naam in self.cleaned_data}
