"""Input validation for the importer's upload pages. Every message is Dutch."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .parsers.tekst import OnleesbaarFout, grootte_controleren


class _ImportBestandField(forms.FileField):
    default_error_messages = {
        "invalid": _("Er is geen bestand verstuurd. Controleer het formulier."),
        "missing": _("Er is geen bestand verstuurd."),
        "empty": _("Het bestand is leeg."),
        "required": _("Kies een bestand."),
        "max_length": _("De bestandsnaam is te lang (hoogstens %(max)d tekens, nu %(length)d)."),
    }

    def clean(self, data, initial=None):
        bestand = super().clean(data, initial)
        if bestand:
            try:
                grootte_controleren(bestand.size)
            except OnleesbaarFout as fout:
                raise forms.ValidationError(fout.melding, code=fout.code) from None
        return bestand


class DocumentUploadForm(forms.Form):
    prefix = "document"
    bestand = _ImportBestandField(
        label=_("Document"),
        help_text=_("PDF, DOCX, ODT of platte tekst, hoogstens %(max)s MB.") % {"max": settings.IMPORT_MAX_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.txt"}),
    )


class ExportUploadForm(forms.Form):
    prefix = "export"
    bestand = _ImportBestandField(
        label=_("Exportbestand (NDJSON)"),
        help_text=_(
            "Een snapshot- of changes-bestand van OpenBesluitvorming (één JSON-record per regel, UTF-8), "
            "hoogstens %(max)s MB."
        )
        % {"max": settings.IMPORT_MAX_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ".ndjson,.jsonl,.json,application/x-ndjson"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        bestand.seek(0)
        kop = bestand.read(4)
        bestand.seek(0)
        if kop[:2] == b"\x1f\x8b" or kop[:2] == b"PK":
            raise forms.ValidationError(
                _("Dit is een ingepakt bestand (gzip of zip). Pak het eerst uit en kies het NDJSON-bestand zelf.")
            )
        return bestand
