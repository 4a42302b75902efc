"""Input validation for memo's (the griffie's form). Every message is Dutch."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from apps.core.forms import NieuweBijlageFormMixin, VersieFormMixin, datumveld, zaaknummer_controleren
from apps.core.models import Gremium, Onderwerp

from .models import Memo
from .services import VELDEN

MEMO_VELDEN = [v for v in VELDEN if v != "zaak"]
KEUZE_VERGADERINGEN = 500


class MemoForm(VersieFormMixin, NieuweBijlageFormMixin, forms.ModelForm):
    datum = datumveld(_("Datum"))
    zaaknummer = forms.CharField(
        label=_("Zaaknummer"),
        required=False,
        max_length=30,
        help_text=format_lazy(
            _("Niet verplicht. Een nieuw zaaknummer wordt aangemaakt als het nog niet bestaat, bijvoorbeeld {}."),
            settings.ZAAKNUMMER_VOORBEELD,
        ),
    )
    onderwerpen = forms.ModelMultipleChoiceField(
        label=_("Onderwerpen"),
        queryset=Onderwerp.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Memo
        fields = MEMO_VELDEN
        widgets = {"tekst": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["onderwerpen"].initial = list(self.instance.onderwerpen.all())
            if self.instance.zaak_id:
                self.fields["zaaknummer"].initial = self.instance.zaak.zaaknummer
        vergadering = self.fields["beantwoordt_vergadering"]
        vergadering.queryset = vergadering.queryset.order_by("-datum", "-aanvang")
        # A large installation has thousands of meetings: offer the most recent ones (and the current
        # choice); any existing meeting still validates.
        recent = list(vergadering.queryset[:KEUZE_VERGADERINGEN])
        huidig = self.instance.beantwoordt_vergadering if self.instance.beantwoordt_vergadering_id else None
        if huidig is not None and huidig not in recent:
            recent.append(huidig)
        vergadering.widget.choices = [("", "---------")] + [(v.pk, str(v)) for v in recent]
        vergadering.label = _("Beantwoordt vragen uit vergadering")
        vergadering.help_text = _("De vergadering waarin de vragen zijn gesteld die deze memo beantwoordt.")
        self.fields["versie"].label = _("Versie van het document")
        self.fields["versie"].help_text = _("Bijvoorbeeld 'versie 14 juni'.")

    def clean_zaaknummer(self):
        return zaaknummer_controleren(self.cleaned_data.get("zaaknummer"))

    def clean(self):
        cleaned = super().clean()
        return cleaned

    def velden(self) -> dict:
        return {naam: self.cleaned_data[naam] for naam in MEMO_VELDEN if naam in self.cleaned_data}


class RouteForm(forms.Form):
    gremium = forms.TypedChoiceField(label=_("Gremium"), required=False, coerce=int, empty_value=None)
    datum = datumveld(_("Datum"), required=False)
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, max_length=300)
    volgorde = forms.IntegerField(
        label=_("Volgorde"),
        required=False,
        min_value=1,
        max_value=999,
        error_messages={"invalid": _("Vul een heel getal in.")},
    )

    def __init__(self, *args, gremium_keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gremium"].choices = [("", "—")] + list(gremium_keuzes)

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("datum") or cleaned.get("omschrijving")) and not cleaned.get("gremium"):
            self.add_error("gremium", _("Kies het gremium van deze behandeling."))
        return cleaned


class BaseRouteFormSet(forms.BaseFormSet):
    legenda = _("Behandeling")

    def __init__(self, *args, **kwargs):
        # One query for the choices of every row (not one per row).
        kwargs.setdefault("form_kwargs", {})["gremium_keuzes"] = [
            (g.pk, str(g)) for g in Gremium.objects.order_by("naam")
        ]
        super().__init__(*args, **kwargs)

    def route(self) -> list[dict]:
        rijen = []
        for positie, form in enumerate(self.forms):
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            gremium = form.cleaned_data.get("gremium")
            if gremium:
                rijen.append(
                    (
                        form.cleaned_data.get("volgorde") or positie + 1,
                        positie,
                        {
                            "gremium": gremium,
                            "datum": form.cleaned_data.get("datum"),
                            "omschrijving": form.cleaned_data.get("omschrijving") or "",
                        },
                    )
                )
        return [r for _v, _p, r in sorted(rijen, key=lambda r: (r[0], r[1]))]

    def clean(self):
        super().clean()
        bekend = {k for k, _l in self.forms[0].fields["gremium"].choices} if self.forms else set()
        for form in self.forms:
            if hasattr(form, "cleaned_data") and form.cleaned_data.get("gremium") not in bekend | {None}:
                raise ValidationError(_("Kies een bestaand gremium."))


RouteFormSet = forms.formset_factory(
    RouteForm, formset=BaseRouteFormSet, extra=2, can_delete=True, max_num=50, validate_max=True, absolute_max=100
)


def route_initial(memo) -> list[dict]:
    return [
        {"gremium": r.gremium_id, "datum": r.datum, "omschrijving": r.omschrijving, "volgorde": r.volgorde}
        for r in memo.route.all()
    ]
