"""An agenda: the meeting (title, body, date, place, start) and its items, with time slots where given
("20.00 – 20.30<TAB>Rapport", "19.30 uur Opening", "20:00-20:30 | Onderwerp") or numbered ("1. Opening")."""

import re

from .basis import (
    NUMMERING,
    Resultaat,
    datum_lezen,
    is_kop,
    kaal,
    labels_lezen,
    regels_van,
    tijd_maken,
    tijdvak_lezen,
)

SOORT = "agenda"

LABELS = {
    "datum": ["Datum", "Vergaderdatum", "Datum vergadering"],
    "aanvang": ["Aanvang", "Tijd", "Begintijd", "Aanvangstijd"],
    "locatie": ["Locatie", "Plaats", "Vergaderlocatie", "Waar"],
    "voorzitter": ["Voorzitter"],
    "gremium": ["Vergadering van", "Gremium", "Commissie"],
}
SOORTEN = [
    ("informatieavond", r"informatieavond|informatiebijeenkomst|raadsinformatie(?:avond|bijeenkomst)"),
    ("beeldvormende_sessie", r"beeldvormend|beeldvorming|raadsplein|carrousel"),
    ("uitwisseling", r"uitwisseling"),
    ("themabijeenkomst", r"themabijeenkomst|thema-?avond|werksessie"),
    ("commissie", r"commissie"),
    ("raadsvergadering", r"raadsvergadering|vergadering van de (?:gemeente)?raad|besluitvormende"),
]
AGENDA_KOP = re.compile(r"^\s*(?:concept[- ])?agenda\b(?P<rest>.*)$", re.I)
AANVANG = re.compile(r"(?:aanvang|begint om|om)\s*:?\s*(\d{1,2})[.:](\d{2})\s*(?:uur)?", re.I)


def tijdvakken(regels: list[str]) -> list[tuple]:
    return [t for t in (tijdvak_lezen(r) for r in regels) if t]


def is_agenda(regels: list[str]) -> bool:
    kop = [r for r in regels[:30] if r.strip()]
    if any(AGENDA_KOP.match(r) and len(r.strip()) < 120 for r in kop[:6]):
        return True
    return len(tijdvakken(regels[:80])) >= 2


def gremium_raden(tekst: str) -> str:
    """A committee named in the heading ("Agenda commissie Ruimte" -> "Commissie Ruimte"); else empty (the raad)."""
    m = re.search(r"\bcommissie[ \t]+([A-Z][\w&-]*(?:[ \t]+(?:en|&)[ \t]+[A-Z][\w-]*|[ \t]+[A-Z][\w-]*)*)", tekst)
    return f"Commissie {m.group(1)}" if m else ""


def soort_raden(tekst: str) -> str:
    for soort, patroon in SOORTEN:
        if re.search(patroon, tekst, re.I):
            return soort
    return ""


def parse(tekst: str) -> Resultaat:
    regels = regels_van(tekst)
    resultaat = Resultaat(soort=SOORT)
    velden = resultaat.velden
    niet_leeg = [r for r in regels if r.strip()]
    labels = labels_lezen(regels[:30], LABELS)

    # Title: the agenda heading's rest, or the first line that is not a date, time or label.
    titel = ""
    for regel in niet_leeg[:8]:
        m = AGENDA_KOP.match(regel)
        if m and m.group("rest").strip(" :-–"):
            titel = m.group("rest").strip(" :-–")
            titel = re.sub(r"^(?:van de|voor de|der)\s+", "", titel, flags=re.I)
            break
    if not titel:
        kop_index = next((i for i, r in enumerate(niet_leeg[:8]) if AGENDA_KOP.match(r)), -1)
        for regel in niet_leeg[kop_index + 1 : kop_index + 9]:
            if kaal(regel).startswith("gemeente ") and len(regel) < 40:
                continue
            if AGENDA_KOP.match(regel) or tijdvak_lezen(regel) or datum_lezen(regel)[0]:
                continue
            if labels_lezen([regel], LABELS):
                continue
            titel = re.sub(r"^(?:voor|van)\s+de\s+", "", regel.strip(), flags=re.I)
            break
    kop_tekst = " ".join(niet_leeg[:12])
    datum, notitie = datum_lezen(labels.get("datum", "") or kop_tekst, context=tekst)
    velden["titel"] = " ".join(titel.split())[:300]
    velden["datum"] = datum
    if notitie:
        resultaat.opmerkingen.append(notitie)
    if datum is None:
        resultaat.opmerkingen.append("De datum van de vergadering is niet gevonden; vul die in.")
    velden["soort"] = soort_raden(kop_tekst) or "raadsvergadering"
    velden["locatie"] = labels.get("locatie", "")
    velden["gremium"] = labels.get("gremium", "") or gremium_raden("\n".join(niet_leeg[:8]))
    velden["openbaar"] = not re.search(r"\bbesloten\b|\bniet[- ]openbaar\b", kop_tekst, re.I)

    items = []
    vakken = [(i, tijdvak_lezen(r)) for i, r in enumerate(regels)]
    vakken = [(i, t) for i, t in vakken if t]
    if vakken:
        # Lines with a time slot, and numbered lines without a time between and just after them.
        kandidaten = []
        laatste, stilte = None, 0
        for i, regel in enumerate(regels[vakken[0][0] :], start=vakken[0][0]):
            if not regel.strip():
                continue
            vak = tijdvak_lezen(regel)
            m = None if vak else NUMMERING.match(regel)
            if vak or (m and len(m.group(2)) < 300):
                kandidaten.append((vak, m))
                laatste, stilte = i, 0
            elif laatste is not None:
                stilte += 1
                if stilte >= 3:
                    break
        for n, (vak, m) in enumerate(kandidaten):
            if vak:
                aanvang, einde, rest = vak
            else:
                aanvang, einde, rest = None, None, m.group(0)
            nummer = ""
            if nm := NUMMERING.match(rest):
                nummer, rest = nm.group(1), nm.group(2)
            if aanvang and einde is None:
                volgende = next((k[0][0] for k in kandidaten[n + 1 :] if k[0]), None)
                einde = volgende
            if einde is not None and aanvang is not None and einde <= aanvang:
                einde = None
            items.append({"volgnummer": nummer, "titel": rest.strip()[:500], "aanvang": aanvang, "einde": einde})
    else:
        start = next((i for i, r in enumerate(regels) if AGENDA_KOP.match(r)), 0)
        for regel in regels[start + 1 :]:
            m = NUMMERING.match(regel)
            if m and len(m.group(2)) < 300 and not is_kop(regel, ["Bijlagen"]):
                items.append({"volgnummer": m.group(1), "titel": m.group(2).strip(), "aanvang": None, "einde": None})
    resultaat.lijsten["agendapunten"] = items
    aanvang = None
    if labels.get("aanvang"):
        m = re.search(r"(\d{1,2})[.:](\d{2})", labels["aanvang"])
        aanvang = tijd_maken(*m.groups()) if m else None
    if aanvang is None and (m := AANVANG.search(kop_tekst)):
        aanvang = tijd_maken(m.group(1), m.group(2))
    if aanvang is None and items and items[0]["aanvang"]:
        aanvang = items[0]["aanvang"]
    velden["aanvang"] = aanvang
    eindes = [i["einde"] for i in items if i["einde"]]
    velden["einde"] = max(eindes) if eindes and aanvang and max(eindes) > aanvang else None
    if not items:
        resultaat.opmerkingen.append("Er zijn geen agendapunten gevonden.")
    if kaal(velden["titel"]) in ("", "agenda"):
        velden["titel"] = "Vergadering"
    return resultaat
