"""Input validation for the griffie's register forms. Every message is Dutch and shown next to its field."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from apps.core.forms import NieuweBijlageFormMixin, VersieFormMixin, datumveld, zaaknummer_controleren
from apps.core.models import Fractie, Gremium, Onderwerp, Persoon, Zaak
from apps.memos.models import Memo
from apps.vergaderagenda.models import Agendapunt, Vergadering

from .models import IngekomenStuk, LangetermijnItem, Motieopvolging, SchriftelijkeVraag, Toezegging
from .services import VELDEN

KEUZE_AANTAL = 500


def _recent(veld, queryset, huidig, label=str):
    """Offer the newest KEUZE_AANTAL records (and the current choice); any existing one still validates."""
    veld.queryset = queryset
    recent = list(queryset[:KEUZE_AANTAL])
    if huidig is not None and huidig not in recent:
        recent.append(huidig)
    veld.widget.choices = [("", "---------")] + [(r.pk, label(r)) for r in recent]


class RegisterForm(VersieFormMixin, forms.ModelForm):
    """What every register form shares: the hidden version, zaaknummer, onderwerpen, the reason of a correction."""

    zaaknummer = forms.CharField(
        label=_("Zaaknummer"),
        required=False,
        max_length=30,
        help_text=format_lazy(_("Niet verplicht. Bijvoorbeeld {}."), settings.ZAAKNUMMER_VOORBEELD),
    )
    onderwerpen = forms.ModelMultipleChoiceField(
        label=_("Onderwerpen"),
        queryset=Onderwerp.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reden = forms.CharField(
        label=_("Reden van de correctie"),
        required=False,
        max_length=90,
        help_text=_("Alleen nodig als u een gepubliceerd of afgesloten item wijzigt; de reden wordt openbaar."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            if "onderwerpen" in self.fields and hasattr(self.instance, "onderwerpen"):
                self.fields["onderwerpen"].initial = list(self.instance.onderwerpen.all())
            if getattr(self.instance, "zaak_id", None):
                self.fields["zaaknummer"].initial = self.instance.zaak.zaaknummer
        else:
            self.fields.pop("reden")
        memos = Memo.objects.filter(status="definitief").order_by("-datum", "-id")
        for naam in ("afgedaan_met", "antwoord", "document"):
            if naam in self.fields:
                _recent(self.fields[naam], memos, getattr(self.instance, naam, None), label=lambda m: str(m)[:150])
        vergaderingen = Vergadering.objects.select_related("gremium").order_by("-datum", "-aanvang")
        for naam in ("vergadering", "afgedaan_in", "verwachte_vergadering"):
            if naam in self.fields:
                _recent(self.fields[naam], vergaderingen, getattr(self.instance, naam, None))

    def clean_zaaknummer(self):
        nummer = zaaknummer_controleren(self.cleaned_data.get("zaaknummer"))
        if nummer and not Zaak.objects.filter(zaaknummer=nummer).exists():
            raise forms.ValidationError(_("Er is geen zaak met dit zaaknummer."))
        return nummer

    def velden(self) -> dict:
        toegestaan = VELDEN[self._meta.model]
        velden = {naam: self.cleaned_data[naam] for naam in toegestaan if naam in self.cleaned_data and naam != "zaak"}
        nummer = self.cleaned_data.get("zaaknummer")
        velden["zaak"] = Zaak.objects.get(zaaknummer=nummer) if nummer else None
        return velden


def _bestuurders():
    return Persoon.objects.filter(rollen__soort__in=["wethouder", "burgemeester"]).distinct().order_by("naam")


class ToezeggingForm(RegisterForm):
    uiterste_datum = datumveld(_("Uiterste datum"), required=False)

    class Meta:
        model = Toezegging
        fields = [v for v in VELDEN[Toezegging] if v != "zaak"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 4}), "toelichting": forms.Textarea(attrs={"rows": 3})}
        labels = {"persoon": _("Toegezegd door (wethouder of burgemeester)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = _bestuurders()
        self.fields["portefeuille"].help_text = _("Leeg: de portefeuille van de wethouder op de vergaderdatum.")
        huidig = self.instance.agendapunt if self.instance.agendapunt_id else None
        _recent(
            self.fields["agendapunt"],
            Agendapunt.objects.select_related("vergadering").order_by("-vergadering__datum", "volgorde"),
            huidig,
            label=lambda a: f"{a.vergadering.datum:%d-%m-%Y} — {a}"[:150],
        )
        self.fields["afgedaan_met"].help_text = _("Verplicht bij status afgedaan: een definitieve memo of brief.")
        self.fields["afgedaan_in"].help_text = _("Verplicht bij status afgedaan.")


class MotieopvolgingForm(VersieFormMixin, forms.ModelForm):
    uiterste_datum = datumveld(_("Verwacht afgerond"), required=False)
    reden = RegisterForm.base_fields["reden"]

    class Meta:
        model = Motieopvolging
        fields = VELDEN[Motieopvolging]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["portefeuillehouder"].queryset = _bestuurders()
        memos = Memo.objects.filter(status="definitief").order_by("-datum", "-id")
        _recent(
            self.fields["afgedaan_met"], memos, self.instance.afgedaan_met if self.instance.afgedaan_met_id else None
        )
        _recent(
            self.fields["afgedaan_in"],
            Vergadering.objects.select_related("gremium").order_by("-datum"),
            self.instance.afgedaan_in if self.instance.afgedaan_in_id else None,
        )

    def velden(self) -> dict:
        return {naam: self.cleaned_data[naam] for naam in VELDEN[Motieopvolging]}


class StandVanZakenForm(forms.Form):
    datum = datumveld(_("Datum van de stand van zaken"))
    tekst = forms.CharField(label=_("Stand van zaken"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5}))
    document = forms.ModelChoiceField(
        label=_("Document (niet verplicht)"), queryset=Memo.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _recent(self.fields["document"], Memo.objects.filter(status="definitief").order_by("-datum", "-id"), None)


class IngekomenStukForm(NieuweBijlageFormMixin, RegisterForm):
    ontvangen_op = datumveld(_("Ontvangen op"))
    vastgesteld_op = datumveld(_("Afhandeling vastgesteld op"), required=False)

    class Meta:
        model = IngekomenStuk
        fields = [v for v in VELDEN[IngekomenStuk] if v != "zaak"]
        widgets = {"samenvatting": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        commissies = Gremium.objects.filter(Q(soort="commissie") | Q(soort="gemeenteraad")).order_by("naam")
        self.fields["voorgestelde_commissie"].queryset = commissies
        self.fields["vastgestelde_commissie"].queryset = commissies
        huidig = self.instance.lijst if self.instance.lijst_id else None
        _recent(
            self.fields["lijst"],
            Agendapunt.objects.filter(vergadering__soort="raadsvergadering")
            .select_related("vergadering")
            .order_by("-vergadering__datum", "volgorde"),
            huidig,
            label=lambda a: f"{a.vergadering.datum:%d-%m-%Y} — {a}"[:150],
        )
        self.fields["bijlage"].label = _("Het document (brief)")
        self.fields["bijlage"].help_text = _(
            "PDF, DOCX of ODT. De brief van een privépersoon is nooit openbaar, wat u hieronder ook kiest."
        )


class SchriftelijkeVraagForm(RegisterForm):
    gesteld_op = datumveld(_("Gesteld op"))
    uitstelbericht_op = datumveld(_("Uitstelbericht verstuurd op"), required=False)
    uitstel_tot = datumveld(_("Antwoord verwacht op (na uitstel)"), required=False)
    beantwoord_op = datumveld(_("Beantwoord op"), required=False)

    class Meta:
        model = SchriftelijkeVraag
        fields = [v for v in VELDEN[SchriftelijkeVraag] if v != "zaak"]
        widgets = {"vragen": forms.Textarea(attrs={"rows": 8}), "antwoord_tekst": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vraagsteller"].queryset = (
            Persoon.objects.filter(rollen__soort="raadslid").distinct().order_by("naam")
        )
        self.fields["fractie"].queryset = Fractie.objects.order_by("naam")
        self.fields["vraagsteller"].required = False
        self.fields["fractie"].required = False
        if not self.instance.pk:
            termijn = settings.SCHRIFTELIJKE_VRAGEN_TERMIJN_DAGEN
            soort = "werkdagen" if settings.TERMIJN_WERKDAGEN else "dagen"
            self.fields["gesteld_op"].help_text = format_lazy(
                _("Het college antwoordt binnen {} {} ({})."), termijn, soort, settings.SCHRIFTELIJKE_VRAGEN_ARTIKEL
            )

    def clean(self):
        data = super().clean()
        if not data.get("vraagsteller") and not data.get("fractie") and "vraagsteller" not in self.errors:
            self.add_error("vraagsteller", _("Kies de vraagsteller of de fractie."))
        return data


class LangetermijnForm(RegisterForm):
    jaar = forms.IntegerField(
        label=_("Jaar"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Vul een jaartal in, bijvoorbeeld 2027."),
            "min_value": _("Vul een jaar vanaf 2000 in."),
            "max_value": _("Vul een jaar tot 2100 in."),
        },
    )

    class Meta:
        model = LangetermijnItem
        fields = [v for v in VELDEN[LangetermijnItem] if v != "zaak"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portefeuillehouder"].queryset = _bestuurders()
        self.fields["zaaknummer"].help_text = format_lazy(
            _("Zodra het raadsvoorstel er is: het zaaknummer, bijvoorbeeld {}. Het item komt dan op de tijdlijn."),
            settings.ZAAKNUMMER_VOORBEELD,
        )
