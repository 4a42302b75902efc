"""A raadsbesluit: the college proposal it is based on (date, number), the dictum, the meeting, the signatures."""

import re

from django.conf import settings

from .basis import (
    Resultaat,
    datum_lezen,
    eerste_woord,
    is_kop,
    kaal,
    lijst_items,
    ondertekening_lezen,
    regels_van,
    zaaknummer_zoeken,
    zonder_lijstteken,
)

SOORT = "raadsbesluit"

KOPPEN = ["Raadsbesluit", "Besluit van de raad", "Besluit van de gemeenteraad", "Raadsbesluit nummer"]
BESLUIT_REGEL = re.compile(r"^\s*(?:b\s*e\s*s\s*l\s*u\s*i\s*t|besluit|besluiten)\s*:?\s*(.*)$", re.I)
GEBASEERD = re.compile(
    r"(?:op basis van|gelezen|gezien|naar aanleiding van|overwegende) het voorstel van (?:het college|burgemeester "
    r"en wethouders|b\s*&\s*w)(?: van (?:de gemeente )?[a-z][\w'-]*(?:\s[a-z][\w'-]*)*?)?,?\s+"
    r"(?:van|d\.?d\.?|de dato)\s+"
    r"(?P<datum>(?:\w+dag\s+)?\d{1,2}\s+[a-z]+\.?\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*,?\s*(?:nummer|nr\.?|kenmerk|zaaknummer|registratienummer)\s*:?\s*(?P<nummer>[\w./-]*\d[\w./-]*))?",
    re.I,
)
BESLOTEN = re.compile(
    r"^\s*(?:aldus\s+)?(?:besloten|vastgesteld)\s+(?:in|door de raad (?:van [\w\s-]+ )?in)\s+de\s+"
    r"(?P<soort>openbare|besloten|niet[- ]openbare)?\s*(?:raads)?vergadering(?: van de raad)?(?: van| d\.?d\.?| op)?\s*"
    r"(?P<datum>.*)$",
    re.I,
)
GEMEENTE = re.compile(r"^\s*De (?:gemeente)?raad van (?:de gemeente )?(?P<gemeente>[\w\s'-]+?)\s*[,:;]?\s*$", re.I)


def begin_zoeken(regels: list[str]) -> int | None:
    """Line number where a raadsbesluit starts (its heading, or "Gemeente X" just above it), else None."""
    for i, regel in enumerate(regels):
        if is_kop(regel, KOPPEN):
            for j in range(i - 1, max(-1, i - 4), -1):
                if regels[j].strip():
                    if kaal(regels[j]).startswith("gemeente "):
                        return j
                    break
            return i
    return None


def is_raadsbesluit(regels: list[str]) -> bool:
    kop = [r for r in regels[:15] if r.strip()]
    return any(is_kop(r, KOPPEN) for r in kop[:6]) and any(BESLUIT_REGEL.match(r) for r in regels)


def parse(tekst: str) -> Resultaat:
    regels = regels_van(tekst)
    resultaat = Resultaat(soort=SOORT)
    velden = resultaat.velden
    velden.update(
        {
            "gemeente": "",
            "college_besluitdatum": None,
            "zaaknummer": "",
            "datum_vergadering": None,
            "openbaar": True,
            "griffier": "",
            "voorzitter": "",
            "overwegingen": "",
        }
    )
    dictum_start = dictum_eind = None
    overwegingen = []
    eerste_besluit = next(
        (i for i, r in enumerate(regels) if BESLUIT_REGEL.match(r) and len(r.strip()) < 60), len(regels)
    )
    # The considerations may wrap over lines (PDF): read them as one text.
    if m := GEBASEERD.search(" ".join(" ".join(regels[:eerste_besluit]).split())):
        datum, notitie = datum_lezen(m.group("datum"), context=tekst)
        velden["college_besluitdatum"] = datum
        if notitie:
            resultaat.opmerkingen.append(notitie)
        if m.group("nummer"):
            velden["zaaknummer"] = eerste_woord(m.group("nummer")).rstrip(".;,")
    for i, regel in enumerate(regels):
        if m := GEMEENTE.match(regel):
            velden["gemeente"] = m.group("gemeente").strip()
            continue
        if GEBASEERD.search(" ".join(regel.split())):
            continue
        if dictum_start is None and BESLUIT_REGEL.match(regel) and len(regel.strip()) < 60:
            # "b e s l u i t:" alone, or "besluit: <first point>"
            dictum_start = i
            continue
        if dictum_start is None and re.match(r"^\s*(?:overwegende|gelet op|gezien|gehoord)\b", regel, re.I):
            overwegingen.append(regel.strip())
        if m := BESLOTEN.match(" ".join(regel.split())):
            dictum_eind = i
            datum, notitie = datum_lezen(m.group("datum"), context=tekst)
            velden["datum_vergadering"] = datum
            if notitie:
                resultaat.opmerkingen.append(notitie)
            soort = (m.group("soort") or "").lower()
            velden["openbaar"] = not soort or soort == "openbare"
            break
    dictum: list[str] = []
    if dictum_start is not None:
        eerste = BESLUIT_REGEL.match(regels[dictum_start]).group(1).strip()
        blok = regels[dictum_start + 1 : dictum_eind if dictum_eind is not None else len(regels)]
        items = lijst_items("\n".join(blok))
        if items:
            dictum = items
        else:
            alinea = " ".join(" ".join(r.split()) for r in blok if r.strip())
            dictum = [alinea] if alinea else []
        if eerste:
            dictum.insert(0, zonder_lijstteken(eerste))
    resultaat.lijsten["dictum"] = [d for d in dictum if d]
    velden["overwegingen"] = "\n".join(overwegingen)
    if not velden["zaaknummer"]:
        velden["zaaknummer"] = zaaknummer_zoeken(tekst, settings.ZAAKNUMMER_PATROON) or ""
    handtekening = ondertekening_lezen(regels[dictum_eind:] if dictum_eind is not None else regels)
    velden["griffier"] = handtekening.get("griffier", "")
    velden["voorzitter"] = handtekening.get("voorzitter", "") or handtekening.get("burgemeester", "")
    if not resultaat.lijsten["dictum"]:
        resultaat.opmerkingen.append("Het dictum (b e s l u i t) is niet gevonden.")
    return resultaat
