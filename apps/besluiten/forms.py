"""Input validation for besluiten (the griffie's form). A published besluit gets no form at all."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.forms import PersoonKeuze, VersieFormMixin, geordende_formset

from .models import Besluit
from .services import GEPUBLICEERD_MELDING, VELDEN

DictumFormSet = geordende_formset(_("Dictumpunt"))


def dictum_initial(besluit) -> list[dict]:
    return [{"tekst": p.tekst, "volgorde": p.volgorde} for p in besluit.dictum.all()]


class BesluitForm(VersieFormMixin, forms.ModelForm):
    griffier = PersoonKeuze(label=_("Griffier"))
    voorzitter = PersoonKeuze(label=_("Voorzitter"))
    stemmen_voor = forms.IntegerField(
        label=_("Stemmen voor"),
        required=False,
        min_value=0,
        max_value=1000,
        error_messages={"invalid": _("Vul een heel getal in.")},
    )
    stemmen_tegen = forms.IntegerField(
        label=_("Stemmen tegen"),
        required=False,
        min_value=0,
        max_value=1000,
        error_messages={"invalid": _("Vul een heel getal in.")},
    )

    class Meta:
        model = Besluit
        fields = VELDEN
        widgets = {"stemming": forms.RadioSelect, "uitkomst": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        self.fields["uitkomst"].required = False
        self.fields["uitkomst"].choices = [c for c in self.fields["uitkomst"].choices if c[0]]
        self.fields["uitkomst"].help_text = _(
            "Mag bij het registreren nog leeg blijven; nodig om het besluit vast te stellen."
        )
        self.fields["uitkomst"].later_verplicht = True  # the label says neither "(niet verplicht)" nor required

    def clean(self):
        if self.instance.pk and self.instance.status == Besluit.Status.GEPUBLICEERD:
            raise ValidationError(GEPUBLICEERD_MELDING)
        cleaned = super().clean()
        if cleaned.get("stemming") == Besluit.Stemming.STEMMEN:
            for veld in ("stemmen_voor", "stemmen_tegen"):
                if cleaned.get(veld) is None and veld not in self.errors:
                    self.add_error(veld, _("Vul bij een stemming het aantal stemmen in."))
        else:
            cleaned["stemmen_voor"] = cleaned["stemmen_tegen"] = None
        if self.instance.pk and self.instance.status == Besluit.Status.VASTGESTELD and not cleaned.get("uitkomst"):
            self.add_error("uitkomst", _("Een vastgesteld besluit heeft een uitkomst."))
        return cleaned

    def _post_clean(self):
        self._validate_unique = False
        super()._post_clean()

    def velden(self) -> dict:
        return {naam: self.cleaned_data.get(naam) for naam in VELDEN if naam in self.cleaned_data}


class RectificatieForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden van de rectificatie"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat wordt er verbeterd? Dit staat bij de nieuwe versie."),
    )


class PublicatieBevestigingForm(forms.Form):
    """The confirmation step of "Besluit publiceren": it cannot be undone, so the griffie says so explicitly."""

    bevestigd = forms.BooleanField(
        label=_("Ik begrijp dat publiceren niet ongedaan kan worden gemaakt"),
        help_text=_(
            "Na publicatie is het besluit met zijn PDF-raadsbesluit openbaar en verandert het nooit meer; "
            "een verbetering is een rectificatie (een nieuwe versie)."
        ),
        error_messages={"required": _("Vink aan dat u begrijpt dat publiceren niet ongedaan kan worden gemaakt.")},
    )
