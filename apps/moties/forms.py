"""Input validation for the griffie's motie, amendement, presence-list and stemming forms.

Every error is a Dutch message next to its field; a published stemming gets no form at all.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.forms import VersieFormMixin
from apps.core.models import Persoon
from apps.raadsvoorstellen.models import Beslispunt, Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt

from .models import Amendement, Motie, Stem, Stemming
from .services import AMENDEMENT_VELDEN, MOTIE_VELDEN

MAX_ID = 2**63 - 1


def _geldig_id(waarde) -> bool:
    """An id the database can look up: a plain number within 64 bits (SQLite refuses larger ones)."""
    tekst = str(waarde).strip()
    return tekst.isascii() and tekst.isdigit() and int(tekst) <= MAX_ID


class VeiligeKeuze(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _geldig_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class VeiligeMeervoudigeKeuze(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for waarde in value:
            if not _geldig_id(waarde):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": waarde}
                )
        return super()._check_values(value)


class GroepsfoutenMixin:
    """Radio and checkbox groups render in a fieldset, so Django puts no aria-describedby on their inputs; an
    input marked aria-invalid then gets one pointing to its group's error message."""

    def _post_clean(self):
        super()._post_clean()
        for naam in self.errors:
            if naam in self.fields and getattr(self.fields[naam].widget, "use_fieldset", False):
                self.fields[naam].widget.attrs["aria-describedby"] = f"{self[naam].auto_id}_error"


class LidKeuze(VeiligeMeervoudigeKeuze):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, persoon):
        fractie = getattr(persoon, "fractie_op_datum", None)
        return f"{persoon.naam} ({fractie.naam})" if fractie else persoon.naam


def _leden_queryset(leden):
    return Persoon.objects.filter(pk__in=[r.persoon_id for r in leden]).order_by("naam")


class _IndienersMixin(forms.Form):
    indieners = LidKeuze(
        queryset=Persoon.objects.none(),
        label=_("Indieners"),
        error_messages={"required": _("Kies minstens één indiener.")},
    )
    mede_indieners = LidKeuze(queryset=Persoon.objects.none(), label=_("Mede-indieners"), required=False)

    def _leden_zetten(self, leden):
        fractie_van = {r.persoon_id: r.fractie for r in leden}
        for naam in ("indieners", "mede_indieners"):
            veld = self.fields[naam]
            veld.queryset = _leden_queryset(leden)
            veld.label_from_instance = lambda p, f=fractie_van: f"{p.naam} ({f[p.pk].naam})" if f.get(p.pk) else p.naam

    def clean(self):
        cleaned = super().clean()
        dubbel = set(cleaned.get("indieners") or []) & set(cleaned.get("mede_indieners") or [])
        if dubbel:
            self.add_error(
                "mede_indieners",
                _("Een indiener is niet ook mede-indiener: %(namen)s.") % {"namen": ", ".join(p.naam for p in dubbel)},
            )
        return cleaned


class MotieForm(GroepsfoutenMixin, VersieFormMixin, _IndienersMixin, forms.ModelForm):
    class Meta:
        model = Motie
        fields = ["agendapunt", *MOTIE_VELDEN]
        field_classes = {"agendapunt": VeiligeKeuze, "raadsvoorstel": VeiligeKeuze}
        widgets = {
            "motietype": forms.RadioSelect,
            "constaterende": forms.Textarea(attrs={"rows": 3}),
            "overwegende": forms.Textarea(attrs={"rows": 3}),
            "verzoek": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "titel": {"required": _("Geef de motie een titel.")},
            "verzoek": {"required": _("Schrijf op wat de raad het college verzoekt.")},
        }

    def __init__(self, *args, vergadering, leden, **kwargs):
        super().__init__(*args, **kwargs)
        self._leden_zetten(leden)
        self.fields["agendapunt"].queryset = Agendapunt.objects.filter(vergadering=vergadering).order_by("volgorde")
        self.fields["raadsvoorstel"].queryset = (
            Raadsvoorstel.objects.filter(agendapunten__vergadering=vergadering).distinct().select_related("zaak")
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.initial.setdefault(
                "indieners", [i.persoon_id for i in self.instance.indieners.all() if i.soort == "indiener"]
            )
            self.initial.setdefault(
                "mede_indieners", [i.persoon_id for i in self.instance.indieners.all() if i.soort == "mede_indiener"]
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("motietype") == Motie.Motietype.VREEMD and cleaned.get("raadsvoorstel"):
            self.add_error(
                "raadsvoorstel", _("Een motie vreemd aan de orde van de dag gaat niet over een voorstel op de agenda.")
            )
        return cleaned

    def _post_clean(self):
        self._validate_unique = False
        super()._post_clean()

    def velden(self) -> dict:
        return {naam: self.cleaned_data.get(naam) for naam in MOTIE_VELDEN if naam in self.cleaned_data}


class BeslispuntKeuze(VeiligeMeervoudigeKeuze):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, punt):
        return f"{punt.raadsvoorstel.zaak.zaaknummer}, punt {punt.volgorde}: {punt.tekst[:120]}"


class AmendementForm(GroepsfoutenMixin, VersieFormMixin, _IndienersMixin, forms.ModelForm):
    beslispunten = BeslispuntKeuze(
        queryset=Beslispunt.objects.none(),
        required=False,
        label=_("Gewijzigde beslispunten"),
        help_text=_("Leeg: de nieuwe tekst komt bij het besluit."),
    )

    class Meta:
        model = Amendement
        fields = ["agendapunt", "raadsvoorstel", *AMENDEMENT_VELDEN]
        field_classes = {"agendapunt": VeiligeKeuze, "raadsvoorstel": VeiligeKeuze, "hoofdamendement": VeiligeKeuze}
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 3}), "nieuwe_tekst": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "titel": {"required": _("Geef het amendement een titel.")},
            "raadsvoorstel": {"required": _("Kies het raadsvoorstel dat het amendement wijzigt.")},
            "nieuwe_tekst": {"required": _("Schrijf de nieuwe tekst van het besluit op.")},
        }

    def __init__(self, *args, vergadering, leden, **kwargs):
        super().__init__(*args, **kwargs)
        self._leden_zetten(leden)
        voorstellen = Raadsvoorstel.objects.filter(agendapunten__vergadering=vergadering).distinct()
        self.fields["agendapunt"].queryset = Agendapunt.objects.filter(vergadering=vergadering).order_by("volgorde")
        self.fields["raadsvoorstel"].queryset = voorstellen.select_related("zaak")
        self.fields["beslispunten"].queryset = (
            Beslispunt.objects.filter(raadsvoorstel__in=voorstellen)
            .select_related("raadsvoorstel__zaak")
            .order_by("raadsvoorstel_id", "volgorde")
        )
        hoofd = Amendement.objects.filter(vergadering=vergadering, hoofdamendement__isnull=True)
        if self.instance.pk:
            hoofd = hoofd.exclude(pk=self.instance.pk)
            self.fields["version"].initial = self.instance.version
            self.initial.setdefault("beslispunten", [p.pk for p in self.instance.beslispunten.all()])
            self.initial.setdefault(
                "indieners", [i.persoon_id for i in self.instance.indieners.all() if i.soort == "indiener"]
            )
            self.initial.setdefault(
                "mede_indieners", [i.persoon_id for i in self.instance.indieners.all() if i.soort == "mede_indiener"]
            )
        self.fields["hoofdamendement"].queryset = hoofd.order_by("volgnummer")

    def clean(self):
        cleaned = super().clean()
        voorstel = cleaned.get("raadsvoorstel")
        if voorstel and any(p.raadsvoorstel_id != voorstel.pk for p in cleaned.get("beslispunten") or []):
            self.add_error("beslispunten", _("Kies alleen beslispunten van het gekozen raadsvoorstel."))
        hoofd = cleaned.get("hoofdamendement")
        if voorstel and hoofd and hoofd.raadsvoorstel_id != voorstel.pk:
            self.add_error("hoofdamendement", _("Een sub-amendement hoort bij een amendement op hetzelfde voorstel."))
        punt = cleaned.get("agendapunt")
        if voorstel and punt and punt.raadsvoorstel_id not in (None, voorstel.pk):
            self.add_error("agendapunt", _("Op dit agendapunt staat een ander raadsvoorstel."))
        return cleaned

    def _post_clean(self):
        self._validate_unique = False
        super()._post_clean()

    def velden(self) -> dict:
        return {naam: self.cleaned_data.get(naam) for naam in AMENDEMENT_VELDEN if naam in self.cleaned_data}


class AanwezigheidForm(GroepsfoutenMixin, forms.Form):
    """The presence list: one checkbox per member, grouped per fractie in the template."""

    def __init__(self, *args, leden, aanwezig=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.leden = leden
        for rol in leden:
            self.fields[f"lid_{rol.persoon_id}"] = forms.BooleanField(
                label=rol.persoon.naam, required=False, initial=(aanwezig is None or rol.persoon_id in aanwezig)
            )

    def groepen(self):
        """[(fractie naam, [bound fields])] in the order of the members (sorted by fractie)."""
        groepen = []
        for rol in self.leden:
            naam = rol.fractie.naam if rol.fractie_id else "Zonder fractie"
            if not groepen or groepen[-1][0] != naam:
                groepen.append((naam, []))
            groepen[-1][1].append(self[f"lid_{rol.persoon_id}"])
        return groepen

    def aanwezig(self) -> list[int]:
        return [rol.persoon_id for rol in self.leden if self.cleaned_data.get(f"lid_{rol.persoon_id}")]


FRACTIE_KEUZES = [("voor", _("voor")), ("tegen", _("tegen")), ("per_lid", _("per lid (verdeeld)"))]
LID_KEUZES = [
    ("fractie", _("als de fractie")),
    ("voor", _("voor")),
    ("tegen", _("tegen")),
    ("afwezig", _("niet deelgenomen")),
]


class StemmingForm(GroepsfoutenMixin, forms.Form):
    """One stemming: what it is about, its kind, then per fractie one choice and per member an exception.

    Works without JavaScript: every choice is a radio group (arrow keys move within it, Tab to the next).
    """

    stuk = forms.ChoiceField(
        label=_("Waarover wordt gestemd"),
        error_messages={
            "required": _("Kies waarover gestemd wordt."),
            "invalid_choice": _("Kies een voorstel, motie of amendement van deze vergadering."),
        },
    )
    soort = forms.ChoiceField(
        label=_("Soort stemming"), choices=Stemming.Soort.choices, widget=forms.RadioSelect, initial="regulier"
    )

    def __init__(self, *args, stukken, aanwezigen, stemming=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stukken = dict(stukken)  # "soort:id" -> (label, object)
        self.aanwezigen = aanwezigen
        self.fields["stuk"].choices = [("", "— kies —")] + [(k, label) for k, (label, _o) in self.stukken.items()]
        bestaande = {}
        if stemming is not None:
            bestaande = {s.persoon_id: s.keuze for s in stemming.stemmen.all()}
            self.initial.setdefault("soort", stemming.soort)
        self.fracties = []
        for aanwezigheid in aanwezigen:
            sleutel = aanwezigheid.fractie_id or 0
            if not self.fracties or self.fracties[-1][0] != sleutel:
                naam = aanwezigheid.fractie.naam if aanwezigheid.fractie_id else "Zonder fractie"
                self.fracties.append((sleutel, naam, []))
            self.fracties[-1][2].append(aanwezigheid)
        for sleutel, naam, leden in self.fracties:
            keuzes = {bestaande.get(a.persoon_id) for a in leden}
            fractie_initial = (
                keuzes.pop() if len(keuzes) == 1 and None not in keuzes else ("per_lid" if bestaande else None)
            )
            if fractie_initial == "afwezig":
                fractie_initial = "per_lid"
            self.fields[f"fractie_{sleutel}"] = forms.ChoiceField(
                label=_("Fractie %(naam)s stemt") % {"naam": naam},
                choices=FRACTIE_KEUZES,
                widget=forms.RadioSelect,
                required=False,
                initial=fractie_initial,
            )
            for a in leden:
                eigen = bestaande.get(a.persoon_id)
                self.fields[f"lid_{a.persoon_id}"] = forms.ChoiceField(
                    label=a.persoon.naam,
                    choices=LID_KEUZES,
                    widget=forms.RadioSelect,
                    required=False,
                    initial=("fractie" if fractie_initial in ("voor", "tegen") or not eigen else eigen),
                )

    def groepen(self):
        return [
            (naam, self[f"fractie_{sleutel}"], [self[f"lid_{a.persoon_id}"] for a in leden])
            for sleutel, naam, leden in self.fracties
        ]

    def clean_stuk(self):
        waarde = self.cleaned_data["stuk"]
        if waarde not in self.stukken:
            raise ValidationError(_("Kies een voorstel, motie of amendement van deze vergadering."))
        return waarde

    def clean(self):
        cleaned = super().clean()
        self.stemmen = {}
        if cleaned.get("soort") == Stemming.Soort.HAMERSLAG:
            return cleaned
        for sleutel, _naam, leden in self.fracties:
            fractie_keuze = cleaned.get(f"fractie_{sleutel}") or ""
            for a in leden:
                eigen = cleaned.get(f"lid_{a.persoon_id}") or "fractie"
                if eigen == "fractie":
                    if fractie_keuze not in ("voor", "tegen"):
                        self.add_error(
                            f"lid_{a.persoon_id}",
                            _("Kies voor, tegen of niet deelgenomen voor %(naam)s, of kies de stem van de fractie.")
                            % {"naam": a.persoon.naam},
                        )
                        continue
                    eigen = fractie_keuze
                if eigen not in Stem.Keuze.values:
                    self.add_error(f"lid_{a.persoon_id}", _("Kies een geldige stem."))
                    continue
                self.stemmen[a.persoon_id] = eigen
        return cleaned

    def stuk_kwargs(self) -> dict:
        soort, _id = self.cleaned_data["stuk"].split(":", 1)
        return {soort: self.stukken[self.cleaned_data["stuk"]][1]}


class RectificatieForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden van de rectificatie"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat wordt er verbeterd? Dit staat bij de nieuwe versie."),
    )
