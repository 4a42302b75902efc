"""A besluitenlijst: the meeting (body, date, chair, clerk) and per agenda item what was decided, with the
outcome and the vote where the list gives them."""

import re

from .agenda import gremium_raden, soort_raden
from .basis import (
    NUMMERING,
    Resultaat,
    datum_lezen,
    kaal,
    labels_lezen,
    ondertekening_lezen,
    regels_van,
    zonder_lijstteken,
)

SOORT = "besluitenlijst"

KOP = re.compile(r"^\s*(?:concept[- ])?(?:besluitenlijst|lijst van besluiten|besluiten(?:lijst)? van de)\b", re.I)
LABELS = {
    "datum": ["Datum", "Vergaderdatum", "Datum vergadering"],
    "voorzitter": ["Voorzitter"],
    "griffier": ["Griffier", "Secretaris"],
    "locatie": ["Locatie", "Plaats"],
    "aanwezig": ["Aanwezig", "Aanwezigen"],
    "afwezig": ["Afwezig", "Afwezigen", "Afwezig met kennisgeving"],
}
BESLUIT = re.compile(r"^\s*(?:besluit|besloten|conclusie|afspraak|uitkomst)\s*:\s*(.+)$", re.I)
STEMMINGEN = [
    re.compile(r"(\d{1,3})\s*(?:stemmen\s*)?voor\s*(?:en|,|/|-)?\s*(\d{1,3})\s*(?:stemmen\s*)?tegen", re.I),
    re.compile(r"(\d{1,3})\s+tegen\s+(\d{1,3})\s+stemmen", re.I),
    re.compile(r"voor\s*:?\s*(\d{1,3})\b.{0,20}?tegen\s*:?\s*(\d{1,3})", re.I),
]
AGENDAPUNT_NUMMER = re.compile(r"^\s*(?:agendapunt|punt)\s+(\d{1,2}(?:\.\d{1,2})?[a-z]?)\s*[.:)\-–]?\s+(.+)$", re.I)
UITKOMSTEN = [
    ("geamendeerd_aangenomen", r"geamendeerd aangenomen"),
    ("verworpen", r"verworpen|niet aangenomen"),
    ("aangehouden", r"aangehouden|uitgesteld"),
    ("ingetrokken", r"ingetrokken"),
    ("aangenomen", r"aangenomen|conform (?:het )?voorstel|vastgesteld|ingestemd|besloten"),
]
HAMERSTUK = re.compile(r"hamerstuk", re.I)
RUBRIEKEN = {"hamerstukken": True, "bespreekstukken": False, "bespreekpunten": False, "ingekomen stukken": False}
ZAAKNUMMER_HAAKJES = re.compile(r"\(([A-Z]{0,4}[\d./-]{4,})\)\s*$")


def is_besluitenlijst(regels: list[str]) -> bool:
    return any(KOP.match(r) for r in [r for r in regels[:30] if r.strip()][:6])


def uitkomst_raden(tekst: str) -> str:
    for uitkomst, patroon in UITKOMSTEN:
        if re.search(patroon, tekst, re.I):
            return uitkomst
    return ""


def parse(tekst: str) -> Resultaat:
    regels = regels_van(tekst)
    resultaat = Resultaat(soort=SOORT)
    velden = resultaat.velden
    niet_leeg = [r for r in regels if r.strip()]
    kop_regel = next((r for r in niet_leeg[:6] if KOP.match(r)), niet_leeg[0] if niet_leeg else "")
    kop_tekst = " ".join(niet_leeg[:8])
    labels = labels_lezen(regels[:40], LABELS)
    datum, notitie = datum_lezen(labels.get("datum", "") or kop_tekst, context=tekst)
    velden["titel"] = " ".join(kop_regel.split())[:300]
    velden["datum"] = datum
    if notitie:
        resultaat.opmerkingen.append(notitie)
    if datum is None:
        resultaat.opmerkingen.append("De datum van de vergadering is niet gevonden; vul die in.")
    velden["soort"] = soort_raden(kop_tekst) or "raadsvergadering"
    velden["openbaar"] = not re.search(r"\bbesloten\b(?! ?:)|\bniet[- ]openbaar\b", kop_regel, re.I)
    handtekening = ondertekening_lezen(regels)
    velden["voorzitter"] = labels.get("voorzitter", "") or handtekening.get("voorzitter", "")
    velden["griffier"] = labels.get("griffier", "") or handtekening.get("griffier", "")
    velden["locatie"] = labels.get("locatie", "")
    velden["gremium"] = gremium_raden(kop_regel)

    items: list[dict] = []
    rubriek_hamer = False
    for regel in regels:
        if not regel.strip():
            continue
        if (rubriek := kaal(regel)) in RUBRIEKEN:
            rubriek_hamer = RUBRIEKEN[rubriek]  # "Hamerstukken" above a group of items
            continue
        cellen = [c.strip() for c in regel.split("\t") if c.strip()]
        if len(cellen) >= 3 and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?[a-z]?\.?", cellen[0]):
            # A table row: number, title, decision.
            items.append(
                {
                    "volgnummer": cellen[0].rstrip("."),
                    "titel": cellen[1],
                    "zaaknummer": "",
                    "besluit": " ".join(cellen[2:]),
                    "regels": [],
                    "rubriek_hamer": rubriek_hamer,
                }
            )
            continue
        m = AGENDAPUNT_NUMMER.match(regel) or NUMMERING.match(regel)
        if m and len(m.group(2)) < 250 and not BESLUIT.match(m.group(2)):
            titel = m.group(2).strip()
            zaaknummer = ""
            if z := ZAAKNUMMER_HAAKJES.search(titel):
                zaaknummer, titel = z.group(1), titel[: z.start()].strip()
            items.append(
                {
                    "volgnummer": m.group(1),
                    "titel": titel,
                    "zaaknummer": zaaknummer,
                    "besluit": "",
                    "regels": [],
                    "rubriek_hamer": rubriek_hamer,
                }
            )
            continue
        if not items:
            continue
        if b := BESLUIT.match(regel):
            items[-1]["besluit"] = (items[-1]["besluit"] + " " + b.group(1).strip()).strip()
        else:
            items[-1]["regels"].append(zonder_lijstteken(regel))
    for item in items:
        tekst_item = " ".join([item["besluit"], *item["regels"]])
        if not item["besluit"] and item["regels"]:
            item["besluit"] = " ".join(item["regels"])
        item["uitkomst"] = uitkomst_raden(item["besluit"]) if item["besluit"] else ""
        item["hamerstuk"] = item.pop("rubriek_hamer") or bool(HAMERSTUK.search(tekst_item + " " + item["titel"]))
        stemmen = next((m for m in (p.search(tekst_item) for p in STEMMINGEN) if m), None)
        item["stemmen_voor"], item["stemmen_tegen"] = (
            (int(stemmen.group(1)), int(stemmen.group(2))) if stemmen else (None, None)
        )
        item["omschrijving"] = "\n".join(r for r in item.pop("regels") if r)
    resultaat.lijsten["agendapunten"] = items
    if not items:
        resultaat.opmerkingen.append("Er zijn geen genummerde agendapunten met besluiten gevonden.")
    return resultaat
