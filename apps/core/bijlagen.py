"""Attachments (bijlagen): check an upload by its content and store it under a safe generated name.

Only PDF, DOCX and ODT are accepted, recognised by their bytes with `filetype` (never by the
name the browser sent); a document with macros (a DOCX with vbaProject.bin, an ODT with Basic or
script parts) is refused. The name offered on download is the original one without control or
bidi characters and always with the extension of the detected type (never the uploader's).
"""

import os
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TOEGESTANE_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.oasis.opendocument.text": "ODT",
}
EXTENSIES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
}
# Enough bytes for filetype to look inside the zip container of DOCX and ODT.
KOP_BYTES = 8192
ZIP_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
}


@dataclass(frozen=True)
class NieuweBijlage:
    """A validated upload that a record's form hands to its service, to be added with the record's save."""

    bestand: Any
    titel: str = ""
    vertrouwelijkheid: str = "openbaar"
    mimetype: str | None = None

    def velden(self) -> dict[str, Any]:
        """The keyword arguments of the domain apps' `<record>_bijlage_toevoegen` services."""
        return {
            "bestand": self.bestand,
            "titel": self.titel,
            "vertrouwelijkheid": self.vertrouwelijkheid,
            "mimetype": self.mimetype,
        }


def max_bytes() -> int:
    return settings.BIJLAGE_MAX_MB * 1024 * 1024


def veilige_bestandsnaam(naam: str, mimetype: str | None = None) -> str:
    """The original name without path parts, control, format or bidi characters, at most 255 characters;
    with `mimetype`, its extension is the detected type's (polyglot.html -> polyglot.pdf)."""
    naam = os.path.basename(unicodedata.normalize("NFC", naam or "").replace("\\", "/"))
    naam = "".join(t for t in naam if unicodedata.category(t)[0] != "C").strip().strip(".")
    if mimetype in EXTENSIES:
        stam = os.path.splitext(naam)[0].strip().strip(".") or "bijlage"
        return f"{stam[:240]}.{EXTENSIES[mimetype]}"
    if not naam:
        naam = "bijlage"
    if len(naam) > 255:
        stam, ext = os.path.splitext(naam)
        naam = stam[: 255 - len(ext[:20])] + ext[:20]
    return naam


def bestandstype_bepalen(bestand) -> str | None:
    """The MIME type read from the file's content, or None when it is not an allowed type."""
    positie = bestand.tell() if hasattr(bestand, "tell") else 0
    bestand.seek(0)
    kop = bestand.read(KOP_BYTES)
    bestand.seek(positie)
    soort = filetype.guess(kop)
    if soort is None:
        return None
    if soort.mime == "application/zip":
        return None
    return soort.mime if soort.mime in TOEGESTANE_TYPES else None


def _heeft_macros(bestand) -> bool:
    """A DOCX/ODT (zip) that carries macros or scripts, or that is no readable zip at all."""
    positie = bestand.tell() if hasattr(bestand, "tell") else 0
    bestand.seek(0)
    try:
        with zipfile.ZipFile(bestand) as archief:
            namen = [n.lower() for n in archief.namelist()]
            if any(n.endswith("vbaproject.bin") or n.endswith("vbadata.xml") for n in namen):
                return True
            if any(n.startswith(("basic/", "scripts/")) for n in namen):  # ODF StarBasic / script macros
                return True
            if "[content_types].xml" in namen:
                inhoud = archief.read(archief.namelist()[namen.index("[content_types].xml")])
                if b"macroenabled" in inhoud.lower() or b"vbaproject" in inhoud.lower():
                    return True
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return True
    finally:
        bestand.seek(positie)
    return False


def bijlage_valideren(bestand) -> str:
    """Return the MIME type of an acceptable upload; raise a Dutch ValidationError otherwise."""
    if bestand is None:
        raise ValidationError(_("Kies een bestand."), code="leeg")
    if bestand.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="leeg")
    if bestand.size > max_bytes():
        raise ValidationError(
            _("Het bestand is te groot (%(grootte)s MB). Een bijlage mag hoogstens %(max)s MB zijn."),
            code="te_groot",
            params={"grootte": f"{bestand.size / 1024 / 1024:.1f}".replace(".", ","), "max": settings.BIJLAGE_MAX_MB},
        )
    mimetype = bestandstype_bepalen(bestand)
    if mimetype is None:
        raise ValidationError(
            _(
                "Dit bestand is geen PDF-, DOCX- of ODT-document. Alleen die soorten bijlagen zijn toegestaan; "
                "het bestand is herkend aan de inhoud, niet aan de naam."
            ),
            code="verkeerd_type",
        )
    if mimetype in ZIP_TYPES and _heeft_macros(bestand):
        raise ValidationError(
            _(
                "Dit document bevat macro's of scripts (of is beschadigd). Zulke documenten worden niet "
                "geaccepteerd: sla het op als gewoon DOCX-, ODT- of PDF-bestand zonder macro's."
            ),
            code="macros",
        )
    return mimetype


def bijlage_vullen(bijlage, *, bestand, mimetype: str | None = None) -> None:
    """Put a validated upload on an unsaved BijlageBase instance (storage name comes from bijlage_pad)."""
    mimetype = mimetype or bijlage_valideren(bestand)
    bijlage.mimetype = mimetype
    bijlage.bestandsnaam = veilige_bestandsnaam(getattr(bestand, "name", ""), mimetype)
    bijlage.grootte = bestand.size
    if not bijlage.titel:
        bijlage.titel = os.path.splitext(bijlage.bestandsnaam)[0][:300] or _("Bijlage")
    bestand.seek(0)
    bijlage.bestand.save(bijlage.bestandsnaam, bestand, save=False)


def bijlage_formulierveld(**kwargs):
    """A FileField that accepts only PDF/DOCX/ODT by content and at most BIJLAGE_MAX_MB; the detected MIME
    type is put on the uploaded file as `portaal_mimetype`."""
    from django import forms

    class _BijlageField(forms.FileField):
        default_error_messages = {
            "invalid": _("Er is geen bestand verstuurd. Controleer het formulier."),
            "missing": _("Er is geen bestand verstuurd."),
            "empty": _("Het bestand is leeg."),
            "max_length": _("De bestandsnaam is te lang (hoogstens %(max)d tekens, nu %(length)d)."),
        }

        def clean(self, data, initial=None):
            bestand = super().clean(data, initial)
            if bestand:
                bestand.portaal_mimetype = bijlage_valideren(bestand)
            return bestand

    kwargs.setdefault("label", _("Bijlage"))
    kwargs.setdefault("help_text", _("PDF, DOCX of ODT, hoogstens %(max)s MB.") % {"max": settings.BIJLAGE_MAX_MB})
    kwargs.setdefault("required", False)
    veld = _BijlageField(**kwargs)
    veld.widget.attrs.setdefault(
        "accept",
        ".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-"
        "officedocument.wordprocessingml.document,application/vnd.oasis."
        "opendocument.text",
    )
    return veld


def bijlage_aan_ouder_toevoegen(
    *, ouder, bijlage_model, bestand, titel: str, vertrouwelijkheid: str, mimetype: str | None, door
) -> Any:
    """Add a validated upload at the end of `ouder`'s bijlagen, as a new version of `ouder` in its history.

    Call it inside the caller's transaction with `ouder` locked (select_for_update), after the caller's own
    rules. `ouder` is a raadsvoorstel, memo or agendapunt; its foreign key on the bijlage is named after it.
    """
    from .search import zoekindex_bijwerken
    from .services import versie_opslaan

    laatste = ouder.bijlagen.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0
    bijlage = bijlage_model(
        **{ouder._meta.model_name: ouder}, titel=titel, volgorde=laatste + 1, vertrouwelijkheid=vertrouwelijkheid
    )
    bijlage_vullen(bijlage, bestand=bestand, mimetype=mimetype)
    bijlage.save()
    versie_opslaan(ouder, versie=ouder.version, door=door, reden=f"Bijlage toegevoegd: {bijlage.titel}")
    zoekindex_bijwerken(ouder)
    return bijlage


def bestanden_verwijderen(bestanden) -> None:
    """Delete the stored files of removed bijlagen (call it on commit)."""
    for bestand in bestanden:
        bestand.delete(save=False)


def bijlage_van_ouder_verwijderen(*, ouder, bijlage, door) -> None:
    """Remove a bijlage (its file once the transaction commits), as a new version of the locked `ouder`."""
    from django.db import transaction

    from .search import zoekindex_bijwerken
    from .services import versie_opslaan

    titel, bestand = bijlage.titel, bijlage.bestand
    bijlage.delete()
    versie_opslaan(ouder, versie=ouder.version, door=door, reden=f"Bijlage verwijderd: {titel}")
    transaction.on_commit(lambda: bestand.delete(save=False))
    zoekindex_bijwerken(ouder)
