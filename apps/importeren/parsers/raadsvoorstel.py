"""A raadsvoorstel: header labels, the sections, the beslispunten, the signatures, and an attached raadsbesluit."""

import re

from django.conf import settings

from . import raadsbesluit as raadsbesluit_parser
from .basis import (
    Resultaat,
    alinea_tekst,
    datum_lezen,
    eerste_woord,
    is_kop,
    kaal,
    labels_lezen,
    lijst_items,
    ondertekening_lezen,
    regels_van,
    secties_splitsen,
    zaaknummer_zoeken,
    zonder_lijstteken,
)

SOORT = "raadsvoorstel"

LABELS = {
    "zaaknummer": [
        "Zaaknummer",
        "Zaaknr",
        "Zaaknr.",
        "Zaak",
        "Raadsvoorstelnummer",
        "Voorstelnummer",
        "Registratienummer",
        "Nummer raadsvoorstel",
        "Nummer",
        "Kenmerk",
        "Ons kenmerk",
        "Documentnummer",
        "Corsanummer",
    ],
    "datum_raadsvergadering": [
        "Datum raadsvergadering",
        "Raadsvergadering",
        "Datum vergadering",
        "Vergaderdatum",
        "Datum raad",
        "Behandeling in de raad",
        "Raadsvergadering van",
        "Vergadering",
        "Vergadering raad",
        "Datum behandeling",
    ],
    "college_besluitdatum": [
        "Datum collegebesluit",
        "Collegebesluit",
        "Datum college",
        "Collegedatum",
        "Datum B&W-besluit",
        "B&W-besluit",
        "Datum B&W",
        "B&W vergadering",
        "Datum voorstel",
        "Datum raadsvoorstel",
        "Collegevergadering",
    ],
    "portefeuillehouder": [
        "Portefeuillehouder",
        "Portefeuillehouders",
        "Verantwoordelijk wethouder",
        "Bestuurlijk verantwoordelijke",
        "Wethouder",
    ],
    "titel": ["Onderwerp", "Betreft", "Titel"],
    "agendapunt": ["Agendapunt"],
    "programma": ["Programma"],
}

SECTIES = {
    "voorstel": [
        "Voorstel",
        "Voorstellen",
        "Beslispunten",
        "Beslispunt",
        "Ontwerpbesluit",
        "Voorgesteld besluit",
        "Het college stelt u voor",
        "Gevraagd besluit",
        "Te nemen besluit",
        "Voorstel aan de raad",
        "Gevraagde beslissing",
        "Voorgestelde beslissing",
        "Te besluiten om",
        "De raad wordt voorgesteld",
        "Het college stelt de raad voor",
        "Te nemen besluiten",
    ],
    "aanleiding": ["Aanleiding", "Inleiding", "Aanleiding en achtergrond", "Achtergrond"],
    "doel_effect": [
        "Doel / Effect",
        "Doel/Effect",
        "Doel en effect",
        "Doel",
        "Beoogd effect",
        "Wat willen we bereiken",
    ],
    "toelichting": [
        "Toelichting",
        "Toelichting op het voorstel",
        "Inhoud",
        "Kern",
        "Argumentatie en toelichting",
        "Samenvatting",
        "Kern van het voorstel",
    ],
    "argumenten": ["Argumenten", "Argument", "Argumentatie"],
    "tegenargumenten": [
        "Tegenargument / Alternatieve scenario's",
        "Tegenargumenten / Alternatieve scenario's",
        "Tegenargumenten",
        "Tegenargument",
        "Kanttekeningen",
        "Kanttekening",
        "Alternatieven",
        "Alternatieve scenario's",
    ],
    "risicos": ["Risico's", "Risicos", "Risico", "Risicoparagraaf", "Risico's en beheersmaatregelen"],
    "plan_van_aanpak": [
        "Plan van aanpak / Tijdsplanning",
        "Plan van aanpak",
        "Tijdsplanning",
        "Planning",
        "Vervolg",
        "Vervolgstappen",
        "Uitvoering",
        "Uitvoering en planning",
    ],
    "communicatie": ["Communicatie", "Communicatie en participatie", "Participatie", "Communicatie/participatie"],
    "financiele_consequenties": [
        "Financiële consequenties",
        "Financiele consequenties",
        "Financiële gevolgen",
        "Financiën",
        "Financien",
        "Financiële paragraaf",
        "Kosten",
        "Kosten en dekking",
    ],
    "bijlagen": ["Bijlagen", "Bijlage", "Bijlage(n)", "Bijlagen:", "Ter inzage gelegde stukken"],
}

ONDERTEKENING = re.compile(
    r"^\s*(?:Het college van|Burgemeester en wethouders van|Het college van burgemeester en wethouders)\b", re.I
)


def is_raadsvoorstel(regels: list[str]) -> bool:
    kop = [r for r in regels[:40] if r.strip()]
    koppen = ["Raadsvoorstel", "Voorstel aan de raad", "Voorstel aan de gemeenteraad", "Raadsvoorstel en besluit"]
    if any(is_kop(r, koppen) or (kaal(r).startswith("raadsvoorstel ") and len(r) <= 60) for r in kop[:6]):
        return True
    gevonden = labels_lezen(kop[:25], {k: LABELS[k] for k in ("zaaknummer", "portefeuillehouder")})
    secties = secties_splitsen(regels, SECTIES)[1]
    return len(gevonden) == 2 and len(secties) >= 2 or ("portefeuillehouder" in gevonden and len(secties) >= 3)


def _beslispunten(voorstel: str) -> list[str]:
    """The list items of the Voorstel section; a single sentence ("Het college stelt u voor X vast te stellen")
    becomes one beslispunt without the introduction."""
    items = lijst_items(voorstel)
    if items:
        return items
    tekst = " ".join(voorstel.split())
    if not tekst:
        return []
    tekst = re.sub(
        r"^(?:het college stelt (?:u|de raad) voor(?: om)?|wij stellen u voor(?: om)?|"
        r"voorgesteld wordt(?: om)?|de raad wordt voorgesteld(?: om)?|u wordt voorgesteld(?: om)?)\s*:?\s*",
        "",
        tekst,
        flags=re.I,
    )
    return [tekst] if tekst else []


def parse(tekst: str) -> Resultaat:
    regels = regels_van(tekst)
    resultaat = Resultaat(soort=SOORT)
    # A raadsbesluit printed after the voorstel (seed 001) is parsed on its own.
    besluit_start = raadsbesluit_parser.begin_zoeken(regels)
    voorstel_regels = regels[:besluit_start] if besluit_start is not None else regels
    kop, secties, koppen = secties_splitsen(voorstel_regels, SECTIES)
    labels = labels_lezen(kop if koppen else voorstel_regels[:30], LABELS)

    velden = resultaat.velden
    zaaknummer = eerste_woord(labels.get("zaaknummer", ""))
    if not zaaknummer:
        zaaknummer = zaaknummer_zoeken(tekst, settings.ZAAKNUMMER_PATROON) or ""
    velden["zaaknummer"] = zaaknummer
    velden["titel"] = " ".join(labels.get("titel", "").split())[:500]
    for veld in ("datum_raadsvergadering", "college_besluitdatum"):
        datum, notitie = datum_lezen(labels.get(veld, ""), context=tekst)
        velden[veld] = datum
        if notitie:
            resultaat.opmerkingen.append(notitie)
    portefeuillehouder = re.sub(r"\s*\(.*\)\s*$", "", labels.get("portefeuillehouder", "")).strip()
    portefeuillehouder = re.sub(
        r"^(?:(?:de\s+)?(?:wethouder|burgemeester|loco-burgemeester)|dhr\.?|mevr?\.?|mw\.?|de heer|mevrouw)\s+",
        "",
        portefeuillehouder,
        flags=re.I,
    )
    velden["portefeuillehouder"] = re.split(r"\s*[,;]\s*", portefeuillehouder)[0].strip()

    # The last section runs into the signature block: cut it there.
    onderteken_regels: list[str] = []
    for veld in list(secties):
        delen = secties[veld].split("\n")
        for i, regel in enumerate(delen):
            if ONDERTEKENING.match(regel):
                onderteken_regels = delen[i:]
                secties[veld] = alinea_tekst(delen[:i])
                break
    if not onderteken_regels:
        for i, regel in enumerate(voorstel_regels):
            if ONDERTEKENING.match(regel):
                onderteken_regels = voorstel_regels[i:]
                break
    for veld in SECTIES:
        if veld != "bijlagen":
            velden[veld] = secties.get(veld, "")
    resultaat.lijsten["beslispunten"] = _beslispunten(secties.get("voorstel", ""))
    resultaat.lijsten["bijlagen"] = [zonder_lijstteken(b) for b in lijst_items(secties.get("bijlagen", ""))] or [
        r.strip() for r in secties.get("bijlagen", "").split("\n") if r.strip()
    ]
    ondertekening = ondertekening_lezen(onderteken_regels)
    velden["directeur_secretaris"] = ondertekening.get("directeur_secretaris", "")
    velden["burgemeester"] = ondertekening.get("burgemeester", "")

    if besluit_start is not None:
        besluit = raadsbesluit_parser.parse("\n".join(regels[besluit_start:]))
        resultaat.onderdelen["raadsbesluit"] = besluit
        if not velden["college_besluitdatum"] and besluit.velden.get("college_besluitdatum"):
            velden["college_besluitdatum"] = besluit.velden["college_besluitdatum"]
        if not velden["zaaknummer"] and besluit.velden.get("zaaknummer"):
            velden["zaaknummer"] = besluit.velden["zaaknummer"]
    if not velden["titel"]:
        resultaat.opmerkingen.append("Het onderwerp van het voorstel is niet gevonden; vul het in.")
    if not resultaat.lijsten["beslispunten"]:
        resultaat.opmerkingen.append("Er zijn geen beslispunten gevonden.")
    return resultaat
