"""A memo or raadsinformatiebrief: the header block (aan, cc, van, datum, kenmerk, betreft), a status block
(status, versie, in opdracht van, opgesteld door), the route ("Te bespreken in") and the text."""

import re

from .basis import Resultaat, alinea_tekst, datum_lezen, is_kop, kaal, label_regel, labels_lezen, regels_van

SOORT = "memo"

LABELS = {
    "aan": ["Aan", "Geadresseerde", "Aan de"],
    "cc": ["Cc", "C.c.", "Kopie aan", "Afschrift aan"],
    "van": ["Van", "Afzender", "Namens"],
    "datum": ["Datum", "Verzenddatum", "Datum verzending", "Datum memo"],
    "kenmerk": ["Kenmerk", "Ons kenmerk", "Referentie", "Registratienummer", "Documentnummer", "Nummer"],
    "zaaknummer": ["Zaaknummer", "Zaaknr", "Zaak"],
    "betreft": ["Betreft", "Onderwerp", "Inzake", "Titel"],
    "portefeuillehouder": ["Portefeuillehouder", "Wethouder"],
    "status": ["Status"],
    "versie": ["Versie"],
    "in_opdracht_van": ["In opdracht van"],
    "opgesteld_door": ["Opgesteld door", "Auteur", "Contactpersoon", "Behandeld door"],
    "route": ["Te bespreken in", "Behandeling in", "Route"],
}
KOPPEN = {
    "raadsinformatiebrief": ["Raadsinformatiebrief", "Raadsinformatie brief", "Informatiebrief aan de raad"],
    "memo": ["Memo", "Memorandum", "Raadsmemo", "Collegememo", "Informatiememo", "Notitie"],
}
AANHEF = re.compile(r"^\s*(?:beste|geachte|aan de leden)\b", re.I)


def is_memo(regels: list[str]) -> bool:
    kop = [r for r in regels[:40] if r.strip()]
    if any(is_kop(r, KOPPEN["memo"] + KOPPEN["raadsinformatiebrief"]) for r in kop[:5]):
        return True
    gevonden = labels_lezen(kop[:25], {k: LABELS[k] for k in ("aan", "van", "datum", "betreft")})
    return len(gevonden) >= 3 and "aan" in gevonden


def _kop_einde(regels: list[str]) -> int:
    """The header block ends at the first line after the last label line (the aanhef or first paragraph)."""
    alle = [lab for labs in LABELS.values() for lab in labs]
    laatste = None
    for i, regel in enumerate(regels[:60]):
        if not regel.strip():
            continue
        if AANHEF.match(regel):
            return i
        if label_regel(regel, alle) or (regel.startswith("\t") and laatste == i - 1):
            laatste = i
        elif laatste is not None:
            volgende = next((r for r in regels[i + 1 : i + 4] if r.strip()), "")
            if i == laatste + 1 and len(regel) < 120 and AANHEF.match(volgende):
                laatste = i  # a long value wrapped onto a second line (PDF)
                continue
            return i
    return (laatste or 0) + 1


def _route(regels: list[str], start: int, context: str, jaar: int | None) -> list[dict]:
    """Rows "Te bespreken in:<TAB>Gremium<TAB>14 juni" and the following "<TAB>Gremium<TAB>datum" rows."""
    route = []
    for i in range(start, min(len(regels), start + 20)):
        regel = regels[i]
        if i > start and label_regel(regel, [lab for lab in LABELS["route"]]) is None:
            if not regel.strip() or (not regel.startswith("\t") and label_regel(regel, _alle()) is not None):
                break
        cellen = [c.strip() for c in regel.split("\t")]
        if i == start:
            cellen = cellen[1:] if len(cellen) > 1 else [label_regel(regel, LABELS["route"])[1]]
        cellen = [c for c in cellen if c]
        if not cellen:
            continue
        datum, _notitie = (
            datum_lezen(" ".join(cellen[1:]), context=context, jaar=jaar) if len(cellen) > 1 else (None, "")
        )
        route.append({"gremium": cellen[0], "datum": datum, "omschrijving": " ".join(cellen[2:])})
    return route


def _alle():
    return [lab for labs in LABELS.values() for lab in labs]


def parse(tekst: str) -> Resultaat:
    regels = regels_van(tekst)
    resultaat = Resultaat(soort=SOORT)
    einde = _kop_einde(regels)
    kop = regels[:einde]
    labels = labels_lezen(kop, LABELS)
    velden = resultaat.velden
    soort = "memo"
    for regel in [r for r in regels[:40] if r.strip()][:6]:
        if is_kop(regel, KOPPEN["raadsinformatiebrief"]):
            soort = "raadsinformatiebrief"
    betreft = " ".join(labels.get("betreft", "").split())
    betreft_regel = next((i for i, r in enumerate(kop) if label_regel(r, LABELS["betreft"])), None)
    if betreft and betreft_regel is not None:
        for vervolg in kop[betreft_regel + 1 :]:
            if not vervolg.strip() or label_regel(vervolg, _alle()):
                break
            betreft += " " + " ".join(vervolg.split())
    if soort == "memo" and "raadsinformatiebrief" in kaal(" ".join(regels[:10])):
        soort = "raadsinformatiebrief"
    if re.search(r"\bprocesvoorstel\b", betreft, re.I):
        soort = "procesvoorstel"
    velden["soort"] = soort
    for veld in ("aan", "cc", "van", "kenmerk", "zaaknummer", "in_opdracht_van", "opgesteld_door", "status"):
        velden[veld] = " ".join(labels.get(veld, "").split())
    velden["betreft"] = betreft[:500]
    velden["versie"] = labels.get("versie", "").split("\t")[0].strip()
    datum, notitie = datum_lezen(labels.get("datum", ""), context=tekst)
    velden["datum"] = datum
    if notitie:
        resultaat.opmerkingen.append(notitie)
    if not datum:
        resultaat.opmerkingen.append("De datum van de memo is niet gevonden; vul die in.")
    velden["status"] = "concept" if kaal(velden["status"]).startswith("concept") else velden["status"]
    route_start = next((i for i, r in enumerate(kop) if label_regel(r, LABELS["route"])), None)
    resultaat.lijsten["route"] = (
        _route(regels, route_start, tekst, datum.year if datum else None) if route_start is not None else []
    )
    velden["tekst"] = alinea_tekst(regels[einde:])
    for veld in ("aan", "van", "betreft"):
        if not velden[veld]:
            resultaat.opmerkingen.append(f"Het veld ‘{veld}’ is niet gevonden in de kop van de memo.")
    return resultaat
