"""An archive package: per meeting its ORI-A XML, its files, and an MDTO description of each file.

Layout of the zip:
    <datum>-<vergadering uuid>/vergadering.ori-a.xml
    <datum>-<vergadering uuid>/bestanden/<informatieobject uuid>.<ext>
    <datum>-<vergadering uuid>/bestanden/<informatieobject uuid>.<ext>.mdto.xml

ORI-A refers to documents by id; MDTO (Nationaal Archief, the metadata standard ORI-A builds on) describes each
file: name, size, format, SHA-256 checksum and the informatieobject it represents.
"""

import dataclasses
import hashlib
import io
import mimetypes
import zipfile

from django.utils import timezone
from lxml import etree

from apps.core.gemeente import huidige_gemeente

from . import selectors
from .export import vergadering_als_ori_a

MDTO = "https://www.nationaalarchief.nl/mdto"
# PRONOM ids of the formats the portal itself writes (the raadsbesluit, raadsvoorstel and memo are PDF/A-2a).
PRONOM = {"application/pdf": ("Acrobat PDF/A - Portable Document Format (PDF/A-2a)", "fmt/476")}


@dataclasses.dataclass
class Verslag:
    vergaderingen: int = 0
    bestanden: int = 0
    overgeslagen: list = dataclasses.field(default_factory=list)  # meetings without a public agenda item


def _mdto(bestand, naam: str, inhoud: bytes, nu) -> bytes:
    def el(ouder, tag, tekst=None):
        e = etree.SubElement(ouder, f"{{{MDTO}}}{tag}")
        if tekst is not None:
            e.text = str(tekst)
        return e

    bron = f"Raadsinformatie {huidige_gemeente().naam}"
    root = etree.Element(f"{{{MDTO}}}MDTO", nsmap={None: MDTO})
    b = el(root, "bestand")
    ident = el(b, "identificatie")
    el(ident, "identificatieKenmerk", f"{bestand.id}-bestand")
    el(ident, "identificatieBron", bron)
    el(b, "naam", naam)
    el(b, "omvang", len(inhoud))
    label, code = PRONOM.get(bestand.mimetype, (bestand.mimetype, None))
    formaat = el(b, "bestandsformaat")
    el(formaat, "begripLabel", label)
    if code:
        el(formaat, "begripCode", code)
    el(el(formaat, "begripBegrippenlijst"), "verwijzingNaam", "PRONOM-register")
    checksum = el(b, "checksum")
    algoritme = el(checksum, "checksumAlgoritme")
    el(algoritme, "begripLabel", "SHA-256")
    el(el(algoritme, "begripBegrippenlijst"), "verwijzingNaam", "Begrippenlijst ChecksumAlgoritme MDTO")
    el(checksum, "checksumWaarde", hashlib.sha256(inhoud).hexdigest())
    el(checksum, "checksumDatum", nu.isoformat(timespec="seconds"))
    representatie = el(b, "isRepresentatieVan")
    el(representatie, "verwijzingNaam", bestand.titel)
    verwijzing = el(representatie, "verwijzingIdentificatie")
    el(verwijzing, "identificatieKenmerk", bestand.id)
    el(verwijzing, "identificatieBron", bron)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _extensie(bestand) -> str:
    if "." in bestand.bestandsnaam:
        return bestand.bestandsnaam.rsplit(".", 1)[1].lower()[:10]
    return (mimetypes.guess_extension(bestand.mimetype) or ".bin").lstrip(".")


def ori_a_pakket(vergaderingen, *, uitvoer, voortgang=None) -> Verslag:
    """Write the package of these meetings to `uitvoer` (a path or a binary file object)."""
    verslag, nu = Verslag(), timezone.localtime()
    with zipfile.ZipFile(uitvoer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for vergadering in vergaderingen:
            if voortgang is not None:
                voortgang.update(1)
            resultaat = vergadering_als_ori_a(vergadering, selectors.vergadering_inhoud(vergadering))
            if resultaat is None:
                verslag.overgeslagen.append(vergadering)
                continue
            xml, bestanden = resultaat
            map_ = f"{vergadering.datum.isoformat()}-{vergadering.uuid}"
            zf.writestr(f"{map_}/vergadering.ori-a.xml", xml)
            for bestand in bestanden:
                try:
                    with bestand.openen() as f:
                        inhoud = f.read()
                except (FileNotFoundError, OSError):
                    continue  # a file missing from storage: the ORI-A still names the document
                naam = f"{bestand.id}.{_extensie(bestand)}"
                zf.writestr(f"{map_}/bestanden/{naam}", inhoud)
                zf.writestr(f"{map_}/bestanden/{naam}.mdto.xml", _mdto(bestand, naam, inhoud, nu))
                verslag.bestanden += 1
            verslag.vergaderingen += 1
    return verslag


def pakket_bytes(vergaderingen) -> tuple[bytes, Verslag]:
    buffer = io.BytesIO()
    verslag = ori_a_pakket(vergaderingen, uitvoer=buffer)
    return buffer.getvalue(), verslag


__all__ = ["ori_a_pakket", "pakket_bytes", "selectors"]
