"""Document parsers, one module per kind, and `herkennen` that picks the kind from the text.

The order matters: a besluitenlijst or an agenda can mention "raadsvoorstel", a raadsvoorstel may carry its
raadsbesluit, a memo has the labels a raadsvoorstel lacks.
"""

from . import agenda, besluitenlijst, memo, raadsbesluit, raadsvoorstel
from .basis import Resultaat, regels_van

PARSERS = {
    "raadsvoorstel": raadsvoorstel.parse,
    "raadsbesluit": raadsbesluit.parse,
    "memo": memo.parse,
    "agenda": agenda.parse,
    "besluitenlijst": besluitenlijst.parse,
}


def herkennen(tekst: str) -> str | None:
    """The kind of document ("raadsvoorstel", "raadsbesluit", "memo", "agenda", "besluitenlijst") or None."""
    regels = regels_van(tekst)
    if besluitenlijst.is_besluitenlijst(regels):
        return "besluitenlijst"
    if raadsvoorstel.is_raadsvoorstel(regels):
        return "raadsvoorstel"
    if raadsbesluit.is_raadsbesluit(regels):
        return "raadsbesluit"
    if memo.is_memo(regels):
        return "memo"
    if agenda.is_agenda(regels):
        return "agenda"
    return None


def document_lezen(tekst: str) -> Resultaat | None:
    soort = herkennen(tekst)
    return PARSERS[soort](tekst) if soort else None
