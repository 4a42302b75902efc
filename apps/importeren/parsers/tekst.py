"""Text out of a file, per format: PDF (pypdf), DOCX (python-docx), ODT (odfpy) and plain text.

Every problem is an `OnleesbaarFout` with a Dutch message for the griffie, never a server error:
a file that is too large, a zip bomb, a truncated or encrypted PDF, a scan without a text layer,
a text file in an unexpected encoding. The heavy libraries are imported inside the functions.
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
TEKST = "text/plain"
ZIP = "application/zip"

# A DOCX/ODT/zip may unpack to at most this many times its own size, and never beyond the maximum.
MAX_UITPAKFACTOR = 100
MAX_BESTANDEN_IN_ZIP = 5000


class OnleesbaarFout(Exception):
    """The file cannot be read; `melding` is Dutch and meant for the griffie. `code` names the kind."""

    def __init__(self, melding: str, *, code: str = "onleesbaar"):
        super().__init__(melding)
        self.melding = melding
        self.code = code

    def __str__(self):
        return self.melding


@dataclass
class Tekst:
    tekst: str
    mimetype: str
    opmerkingen: list[str] = field(default_factory=list)


def max_bytes() -> int:
    return settings.IMPORT_MAX_MB * 1024 * 1024


def _mb(aantal: int) -> str:
    return f"{aantal / 1024 / 1024:.1f}".replace(".", ",")


def grootte_controleren(grootte: int) -> None:
    if grootte == 0:
        raise OnleesbaarFout("Het bestand is leeg.", code="leeg")
    if grootte > max_bytes():
        raise OnleesbaarFout(
            f"Het bestand is te groot ({_mb(grootte)} MB). Een document voor de import mag hoogstens "
            f"{settings.IMPORT_MAX_MB} MB zijn; splits het of voer het met de hand in.",
            code="te_groot",
        )


def zip_controleren(data: bytes, *, wat: str = "Het bestand") -> zipfile.ZipFile:
    """Open a zip container and refuse a zip bomb (huge unpacked size or ratio) before anything unpacks."""
    try:
        archief = zipfile.ZipFile(io.BytesIO(data))
        leden = archief.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise OnleesbaarFout(
            f"{wat} is beschadigd of onvolledig (geen geldig zip-archief).", code="beschadigd"
        ) from exc
    if len(leden) > MAX_BESTANDEN_IN_ZIP:
        raise OnleesbaarFout(
            f"{wat} bevat {len(leden)} bestanden; hoogstens {MAX_BESTANDEN_IN_ZIP} worden verwerkt.", code="zipbom"
        )
    uitgepakt = sum(lid.file_size for lid in leden)
    if uitgepakt > max(len(data), 1) * MAX_UITPAKFACTOR or uitgepakt > max_bytes() * 4:
        raise OnleesbaarFout(
            f"{wat} pakt uit tot {_mb(uitgepakt)} MB; dat is verdacht groot (een zogenaamde zip-bom) en "
            "wordt niet uitgepakt.",
            code="zipbom",
        )
    return archief


def bestandstype(data: bytes, naam: str = "") -> str | None:
    """The format by content (filetype), text by name or by decodability; None when unsupported."""
    import filetype

    soort = filetype.guess(data[:8192])
    if soort is not None:
        if soort.mime in (PDF, DOCX, ODT):
            return soort.mime
        if soort.mime == ZIP:
            return ZIP
        return None
    if data.startswith(b"%PDF"):
        return PDF
    if data[:2] == b"PK":
        return ZIP
    if naam.lower().endswith((".txt", ".text", ".md")) or b"\x00" not in data[:4096]:
        return TEKST
    return None


def tekst_uit_bestand(data: bytes, naam: str = "") -> Tekst:
    grootte_controleren(len(data))
    mimetype = bestandstype(data, naam)
    if mimetype == PDF:
        return Tekst(_pdf(data), PDF)
    if mimetype == DOCX:
        return Tekst(_docx(data), DOCX)
    if mimetype == ODT:
        return Tekst(_odt(data), ODT)
    if mimetype == TEKST:
        tekst, opmerkingen = _platte_tekst(data)
        return Tekst(tekst, TEKST, opmerkingen)
    if mimetype == ZIP:
        raise OnleesbaarFout(
            "Dit is een zip-archief en geen document. Importeer een zip met het commando importeren_documenten.",
            code="zip",
        )
    raise OnleesbaarFout(
        "Dit bestandstype wordt niet herkend. Alleen PDF, DOCX, ODT en platte tekst kunnen worden ingelezen "
        "(het type is bepaald aan de inhoud, niet aan de naam).",
        code="type",
    )


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise OnleesbaarFout("Het PDF-bestand is beveiligd met een wachtwoord.", code="beveiligd")
            except OnleesbaarFout:
                raise
            except Exception as exc:
                raise OnleesbaarFout("Het PDF-bestand is beveiligd met een wachtwoord.", code="beveiligd") from exc
        paginas = [(pagina.extract_text() or "") for pagina in reader.pages]
    except OnleesbaarFout:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise OnleesbaarFout(
            "Het PDF-bestand is beschadigd of onvolledig (bijvoorbeeld afgebroken bij het downloaden) en kan niet "
            "worden gelezen.",
            code="beschadigd",
        ) from exc
    except Exception as exc:  # pypdf raises a wide range on broken input; none of it may become a 500
        raise OnleesbaarFout("Het PDF-bestand kan niet worden gelezen.", code="beschadigd") from exc
    tekst = "\n".join(paginas)
    if not paginas:
        raise OnleesbaarFout("Het PDF-bestand heeft geen pagina's.", code="beschadigd")
    if len("".join(tekst.split())) < 20:
        raise OnleesbaarFout(
            f"Dit PDF-bestand ({len(paginas)} pagina's) bevat geen tekst: het is waarschijnlijk een scan. "
            "Tekstherkenning (OCR) doet het portaal niet; voer het stuk met de hand in of lever een PDF met tekst.",
            code="scan",
        )
    return tekst


def _docx(data: bytes) -> str:
    zip_controleren(data, wat="Het DOCX-bestand")
    try:
        import docx
        from docx.table import Table

        document = docx.Document(io.BytesIO(data))
        regels = []
        for blok in document.iter_inner_content():
            if isinstance(blok, Table):
                for rij in blok.rows:
                    cellen = []
                    for cel in rij.cells:
                        if cel.text not in cellen or not cel.text:
                            cellen.append(cel.text.strip())
                    regels.append("\t".join(cellen))
            else:
                regels.append(_lijstteken(blok) + blok.text)
    except OnleesbaarFout:
        raise
    except Exception as exc:
        raise OnleesbaarFout("Het DOCX-bestand is beschadigd en kan niet worden gelezen.", code="beschadigd") from exc
    return "\n".join(regels)


def _lijstteken(alinea) -> str:
    stijl = (getattr(alinea.style, "name", "") or "").lower()
    return "- " if "list bullet" in stijl else ""


def _odt(data: bytes) -> str:
    zip_controleren(data, wat="Het ODT-bestand")
    try:
        from odf import opendocument, teletype
        from odf.namespaces import TABLENS, TEXTNS

        document = opendocument.load(io.BytesIO(data))
        regels: list[str] = []

        def loop(element, in_lijst=False):
            for kind in element.childNodes:
                if kind.nodeType != kind.ELEMENT_NODE:
                    continue
                ns, naam = kind.qname
                if ns == TEXTNS and naam in ("p", "h"):
                    regels.append(("- " if in_lijst else "") + teletype.extractText(kind))
                elif ns == TABLENS and naam == "table-row":
                    cellen = [
                        teletype.extractText(c).strip()
                        for c in kind.childNodes
                        if c.nodeType == c.ELEMENT_NODE and c.qname == (TABLENS, "table-cell")
                    ]
                    regels.append("\t".join(cellen))
                elif ns == TEXTNS and naam == "list":
                    loop(kind, in_lijst=True)
                else:
                    loop(kind, in_lijst)

        loop(document.text)
    except OnleesbaarFout:
        raise
    except Exception as exc:
        raise OnleesbaarFout("Het ODT-bestand is beschadigd en kan niet worden gelezen.", code="beschadigd") from exc
    return "\n".join(regels)


def _platte_tekst(data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 with a note; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["Gelezen als UTF-16."]
        except UnicodeDecodeError:
            pass
    try:
        tekst = data.decode("utf-8-sig")
        opmerkingen = []
    except UnicodeDecodeError:
        tekst = data.decode("cp1252", errors="replace")
        opmerkingen = [
            "De tekst was niet in UTF-8 gecodeerd en is gelezen als Windows-1252 (West-Europees); "
            "controleer letters met accenten."
        ]
    stuurtekens = sum(1 for t in tekst if ord(t) < 32 and t not in "\t\n\r\f")
    if "\x00" in tekst or stuurtekens > max(10, len(tekst) // 50):
        raise OnleesbaarFout("Dit bestand bevat geen leesbare tekst (het lijkt een binair bestand).", code="type")
    return tekst.replace("\r\n", "\n").replace("\r", "\n"), opmerkingen
