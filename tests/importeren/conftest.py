import html
import io
from pathlib import Path

import pytest

SEEDS = Path("/work/shared/seeds")
HIER = Path(__file__).resolve().parent / "bestanden"


def seed(naam: str) -> str:
    """A seed document's text (the repository's copy when the shared folder is absent)."""
    for map_ in (SEEDS, HIER):
        pad = map_ / naam
        if pad.exists():
            return pad.read_text(encoding="utf-8")
    pytest.skip(f"seed {naam} niet gevonden")


RAADSVOORSTEL = "001_e3663b5856933428.txt"
MEMO_LEUSDEN = "000_ee4a8443958111e6.txt"
PROCESVOORSTEL = "002_c4fc4d6172e26d8d.txt"
AGENDA = "003_b7ff38873d163697.txt"
MEMO_OIJ = "004_fac182a8bd82ac7c.txt"

BESLUITENLIJST = (
    "Besluitenlijst van de openbare vergadering van de gemeenteraad van Utrechtse Heuvelrug, gehouden op "
    "donderdag 7 maart 2024\n"
    """
Voorzitter: F. Naafs
Griffier: M. de Vries

1. Opening
De voorzitter opent de vergadering om 19.30 uur.

2. Vaststellen agenda
Besluit: de agenda wordt ongewijzigd vastgesteld.

3. Omgevingsvisie 2040 (2024-0123)
Besluit: conform voorstel aangenomen met 17 stemmen voor en 8 stemmen tegen.

4. Verordening parkeren (hamerstuk)
Besluit: aangenomen.

5. Motie vreemd aan de orde: bomenkap
Besluit: verworpen.
"""
)


def als_pdf(tekst: str) -> bytes:
    from weasyprint import HTML

    regels = "".join(f"<p>{html.escape(r) or '&nbsp;'}</p>" for r in tekst.split("\n"))
    bron = (
        "<html lang='nl'><head><style>p{margin:0;white-space:pre-wrap;font-family:sans-serif;font-size:10pt}"
        "</style></head><body>" + regels + "</body></html>"
    )
    return HTML(string=bron, base_url=".").write_pdf()


def als_docx(tekst: str) -> bytes:
    import docx

    document = docx.Document()
    for regel in tekst.split("\n"):
        document.add_paragraph(regel)
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()


def als_odt(tekst: str) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for regel in tekst.split("\n"):
        p = P()
        p.addText(regel)
        document.text.addElement(p)
    uit = io.BytesIO()
    document.write(uit)
    return uit.getvalue()


@pytest.fixture(params=["txt", "pdf", "docx"])
def formaat(request):
    return request.param


def tekst_via(formaat: str, tekst: str) -> str:
    """The text as the importer reads it back from a generated file of this format."""
    from apps.importeren.parsers.tekst import tekst_uit_bestand

    data = {"txt": lambda t: t.encode(), "pdf": als_pdf, "docx": als_docx, "odt": als_odt}[formaat](tekst)
    return tekst_uit_bestand(data, f"document.{formaat}").tekst
