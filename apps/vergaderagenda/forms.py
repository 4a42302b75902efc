"""Input validation for vergaderingen and agendapunten (the griffie's agenda builder). Dutch messages."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.forms import (
    NieuweBijlageFormMixin,
    VastgelegdFormMixin,
    VersieFormMixin,
    datumveld,
    tijdveld,
    zaaknummer_controleren,
)
from apps.core.models import Gremium, Onderwerp, Zaak
from apps.memos.models import Memo
from apps.raadsvoorstellen.models import Raadsvoorstel

from .models import Agendapunt, Vergadering
from .services import AGENDAPUNT_VELDEN, VERGADERING_VELDEN


def _tijden(form, wat: str):
    aanvang, einde = form.cleaned_data.get("aanvang"), form.cleaned_data.get("einde")
    if aanvang and einde and einde <= aanvang:
        form.add_error("einde", _("Het einde van %(wat)s moet na de aanvang liggen.") % {"wat": wat})


class VergaderingForm(VastgelegdFormMixin, VersieFormMixin, forms.ModelForm):
    datum = datumveld(_("Datum"))
    aanvang = tijdveld(_("Aanvang"), required=False)
    einde = tijdveld(_("Einde"), required=False)
    gremium = forms.ModelChoiceField(label=_("Gremium"), queryset=Gremium.objects.order_by("naam"))

    class Meta:
        model = Vergadering
        fields = VERGADERING_VELDEN
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"openbaar": _("Uit = besloten vergadering (alleen voor raadsleden en griffie).")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        _tijden(self, _("de vergadering"))
        return cleaned

    def _post_clean(self):
        # The end-after-start rule is reported next to the field in clean(); skip the duplicate constraint message.
        self._validate_unique = False
        super()._post_clean()

    def velden(self) -> dict:
        return {naam: self.cleaned_data[naam] for naam in VERGADERING_VELDEN if naam in self.cleaned_data}


class VoorstelSelect(forms.Select):
    """Each option carries its voorstel's title, so static/js/titel-uit-voorstel.js can fill the item's title."""

    class Media:
        js = ["js/titel-uit-voorstel.js"]

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        optie = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            optie["attrs"]["data-titel"] = instance.titel
        return optie


class RaadsvoorstelKeuze(forms.ModelChoiceField):
    widget = VoorstelSelect

    def label_from_instance(self, obj):
        return f"{obj.zaak.zaaknummer} — {obj.titel} ({obj.get_status_display()})"


class MemoKeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.datum:%d-%m-%Y} — {obj.betreft}" + (f" (kenmerk {obj.kenmerk})" if obj.kenmerk else "")


class AgendapuntForm(VastgelegdFormMixin, VersieFormMixin, NieuweBijlageFormMixin, forms.ModelForm):
    aanvang = tijdveld(_("Aanvang"), required=False)
    einde = tijdveld(_("Einde"), required=False)
    raadsvoorstel = RaadsvoorstelKeuze(
        label=_("Raadsvoorstel"),
        required=False,
        queryset=Raadsvoorstel.objects.select_related("zaak").exclude(status="concept").order_by("-zaak__zaaknummer"),
        help_text=_(
            "Alleen aangeboden raadsvoorstellen kunnen worden geagendeerd. Laat u de titel leeg, dan krijgt het "
            "agendapunt de titel van het voorstel."
        ),
    )
    zaaknummer = forms.CharField(
        label=_("Zaaknummer"),
        required=False,
        max_length=30,
        help_text=_("Niet verplicht; bij een raadsvoorstel wordt de zaak van het voorstel gebruikt."),
    )
    memos = MemoKeuze(
        label=_("Memo's"),
        required=False,
        queryset=Memo.objects.order_by("-datum", "-id"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    onderwerpen = forms.ModelMultipleChoiceField(
        label=_("Onderwerpen"),
        queryset=Onderwerp.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agendapunt
        fields = [v for v in AGENDAPUNT_VELDEN if v != "zaak"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3}), "behandeling": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.zaak = None
        self.fields["titel"].required = False  # empty: the raadsvoorstel's title (clean)
        self.fields["titel"].help_text = _("Leeg bij een raadsvoorstel: dan krijgt het agendapunt de titel daarvan.")
        self.fields["raadsvoorstel"].widget.attrs["data-vult-titel"] = self["titel"].id_for_label
        # Only what can be put on an agenda (withdrawn ones too, to say why not), plus the current choices.
        huidig = Q(pk=self.instance.raadsvoorstel_id) if self.instance.raadsvoorstel_id else Q(pk__in=[])
        self.fields["raadsvoorstel"].queryset = self.fields["raadsvoorstel"].queryset.filter(
            Q(status__in=["aangeboden", "geagendeerd", "ingetrokken"]) | huidig
        )
        datum = getattr(getattr(self.instance, "vergadering", None), "datum", None)
        if datum:
            gekoppeld = Q(agendapunten=self.instance.pk) if self.instance.pk else Q(pk__in=[])
            self.fields["memos"].queryset = (
                self.fields["memos"]
                .queryset.filter(
                    Q(datum__range=(datum - datetime.timedelta(days=730), datum + datetime.timedelta(days=90)))
                    | gekoppeld
                )
                .distinct()
            )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["memos"].initial = list(self.instance.memos.all())
            self.fields["onderwerpen"].initial = list(self.instance.onderwerpen.all())
            if self.instance.zaak_id:
                self.fields["zaaknummer"].initial = self.instance.zaak.zaaknummer

    def clean_raadsvoorstel(self):
        voorstel = self.cleaned_data.get("raadsvoorstel")
        if voorstel is not None and voorstel.pk != self.instance.raadsvoorstel_id:
            if voorstel.status == Raadsvoorstel.Status.INGETROKKEN:
                raise ValidationError(_("Een ingetrokken raadsvoorstel kan niet worden geagendeerd."))
        return voorstel

    def clean_zaaknummer(self):
        nummer = zaaknummer_controleren(self.cleaned_data.get("zaaknummer"))
        if nummer:
            self.zaak = Zaak.objects.filter(zaaknummer=nummer).first()
            if self.zaak is None:
                raise ValidationError(_("Er is geen zaak met zaaknummer %(nummer)s."), params={"nummer": nummer})
        return nummer

    def clean(self):
        cleaned = super().clean()
        _tijden(self, _("het agendapunt"))
        if not (cleaned.get("titel") or "").strip() and "titel" not in self.errors:
            voorstel = cleaned.get("raadsvoorstel")
            if voorstel is not None:
                cleaned["titel"] = voorstel.titel[:500]
            elif "raadsvoorstel" not in self.errors:
                self.add_error("titel", _("Vul een titel in, of kies een raadsvoorstel: dan wordt dat de titel."))
        return cleaned

    def _post_clean(self):
        self._validate_unique = False
        super()._post_clean()

    def velden(self) -> dict:
        velden = {naam: self.cleaned_data[naam] for naam in AGENDAPUNT_VELDEN if naam in self.cleaned_data}
        velden["zaak"] = self.zaak
        if self.zaak is None and velden.get("raadsvoorstel") is not None:
            velden["zaak"] = None  # the service takes the voorstel's zaak
        return velden
