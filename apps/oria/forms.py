from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.forms import datumveld


class OriAExportForm(forms.Form):
    """One meeting, or every public meeting in a period."""

    vergadering = forms.ModelChoiceField(
        label=_("Vergadering"),
        queryset=None,
        required=False,
        empty_label=_("— alle vergaderingen in de periode —"),
        help_text=_("Kies één vergadering, of laat leeg en geef een periode op."),
    )
    van = datumveld(_("Van"), required=False)
    tot = datumveld(_("Tot en met"), required=False)

    def __init__(self, *args, vergaderingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vergadering"].queryset = vergaderingen

    def clean(self):
        gegevens = super().clean()
        if not gegevens.get("vergadering") and not (gegevens.get("van") and gegevens.get("tot")):
            if not self.errors:
                raise forms.ValidationError(_("Kies een vergadering, of vul zowel 'Van' als 'Tot en met' in."))
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("Deze datum ligt voor de begindatum."))
        return gegevens
