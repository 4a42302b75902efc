"""Form helpers shared by the domain apps' forms: Dutch dates and times, the hidden version, ordered texts."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .bijlagen import NieuweBijlage, bijlage_formulierveld
from .models import Persoon, Vertrouwelijkheid
from .validators import valideer_zaaknummer


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TijdInvoer(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


def datumveld(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DatumInvoer(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"invalid": _("Vul een bestaande datum in, bijvoorbeeld 30-09-2021.")},
        **kwargs,
    )


class VersieFormMixin(forms.Form):
    """The hidden `version` that the form was opened with (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0, label=_("versie"))


class NieuweBijlageFormMixin(forms.Form):
    """The three fields to add one bijlage with a record's form (voorstel, memo, agendapunt)."""

    bijlage = bijlage_formulierveld(label=_("Nieuwe bijlage"))
    bijlage_titel = forms.CharField(label=_("Titel van de nieuwe bijlage"), required=False, max_length=300)
    bijlage_vertrouwelijkheid = forms.ChoiceField(
        label=_("Vertrouwelijkheid van de nieuwe bijlage"), choices=Vertrouwelijkheid.choices, initial="openbaar"
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("bijlage_titel") and not cleaned.get("bijlage") and "bijlage" not in self.errors:
            self.add_error("bijlage", _("Kies het bestand bij de titel van de nieuwe bijlage."))
        return cleaned

    def nieuwe_bijlage(self) -> NieuweBijlage | None:
        """The upload to add with this save, or None when no file was chosen."""
        bestand = self.cleaned_data.get("bijlage")
        if not bestand:
            return None
        return NieuweBijlage(
            bestand=bestand,
            titel=self.cleaned_data["bijlage_titel"],
            vertrouwelijkheid=self.cleaned_data["bijlage_vertrouwelijkheid"],
            mimetype=getattr(bestand, "portaal_mimetype", None),
        )


# --- Ordered lists of texts (beslispunten, dictum) without JavaScript -------------------


class GeordendeTekstForm(forms.Form):
    tekst = forms.CharField(
        label=_("Tekst"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 2})
    )
    volgorde = forms.IntegerField(
        label=_("Volgorde"),
        required=False,
        min_value=1,
        max_value=999,
        help_text=_("Een lager nummer komt eerder."),
        error_messages={"invalid": _("Vul een heel getal in.")},
    )


class BaseGeordendeTekstFormSet(forms.BaseFormSet):
    """Rows with a volgorde number and a delete box; empty rows are ignored."""

    legenda = _("Punt")

    def teksten(self) -> list[str]:
        rijen = []
        for positie, form in enumerate(self.forms):
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            tekst = (form.cleaned_data.get("tekst") or "").strip()
            if tekst:
                rijen.append((form.cleaned_data.get("volgorde") or positie + 1, positie, tekst))
        return [tekst for _v, _p, tekst in sorted(rijen)]


def geordende_formset(legenda: str, *, extra: int = 2):
    return forms.formset_factory(
        GeordendeTekstForm,
        formset=type("GeordendeTekstFormSet", (BaseGeordendeTekstFormSet,), {"legenda": legenda}),
        extra=extra,
        can_delete=True,
        max_num=100,
        validate_max=True,
        absolute_max=200,
    )


class PersoonKeuze(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(queryset=Persoon.objects.order_by("naam"), **kwargs)


def tijdveld(label, **kwargs) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        widget=TijdInvoer(),
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        error_messages={"invalid": _("Vul een bestaande tijd in, bijvoorbeeld 20:00.")},
        **kwargs,
    )


def zaaknummer_controleren(nummer: str) -> str:
    """Trim and upper-case; refuse anything that is not plain ASCII (e.g. full-width digits) or off-pattern."""
    nummer = (nummer or "").strip().upper()
    if nummer and not nummer.isascii():
        raise ValidationError(
            format_lazy(
                _("Een zaaknummer bestaat alleen uit gewone letters en cijfers, bijvoorbeeld {}."),
                settings.ZAAKNUMMER_VOORBEELD,
            )
        )
    if nummer:
        valideer_zaaknummer(nummer)
    return nummer


class VastgelegdFormMixin:
    """A ModelForm of a record a published besluit rests on: a change of a locked field is an error next
    to that field (Dutch, pointing to rectificatie), before the model's own guard would refuse the save."""

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        velden = [v for v in getattr(instance, "VASTGELEGDE_VELDEN", ()) if v in self.changed_data]
        if velden and instance.is_vastgelegd():
            from .vastlegging import vastgelegd_melding

            melding = vastgelegd_melding(type(instance), velden)
            for veld in velden:
                self.add_error(veld, melding)
        return cleaned


class BijlageAdminForm(forms.ModelForm):
    """A bijlage uploaded in the admin passes the same checks as in the griffie pages: type by content,
    no macros, size; its type, size and safe download name are filled in from the file."""

    def clean_bestand(self):
        from django.core.files.uploadedfile import UploadedFile

        from .bijlagen import bijlage_valideren

        bestand = self.cleaned_data.get("bestand")
        if isinstance(bestand, UploadedFile):
            self._mimetype = bijlage_valideren(bestand)
        return bestand

    def save(self, commit=True):
        mimetype = getattr(self, "_mimetype", None)
        if mimetype:
            from .bijlagen import veilige_bestandsnaam

            bestand = self.cleaned_data["bestand"]
            self.instance.mimetype = mimetype
            self.instance.grootte = bestand.size
            self.instance.bestandsnaam = veilige_bestandsnaam(bestand.name, mimetype)
        return super().save(commit)
