"""A meeting as ORI-A XML (ORI-A 1.0.1, https://ori-a.nl), and the files it refers to.

ORI-A describes the meeting, its agenda items, besluiten (each with the stemming that led to it) and refers to the
documents by id; the documents themselves are described per file in MDTO (see pakket.py). One ORI-A document per
meeting, as the schema's root holds exactly one vergadering with at least one agendapunt.
"""

import dataclasses
import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from lxml import etree

from apps.core.gemeente import huidige_gemeente
from apps.openori.serializers import persistente_url

NS = "https://ori-a.nl"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIE = (
    "https://ori-a.nl https://github.com/Regionaal-Archief-Rivierenland/ORI-A-XSD/releases/download/v1.0.1/ORI-A.xsd"
)
BEGRIPPEN = "https://ori-a.nl/begrippenlijsten"
TOOI_GEMEENTEN = "https://identifier.overheid.nl/tooi/set/rwc_gemeenten_compleet/4"
STATUS = {"gepubliceerd": "Gepland", "gehouden": "Gehouden", "geannuleerd": "Geannuleerd"}
RESULTAAT = {
    "aangenomen": "Aangenomen",
    "geamendeerd_aangenomen": "Geamendeerd aangenomen",
    "verworpen": "Verworpen",
    "aangehouden": "Aangehouden",
}


@dataclasses.dataclass(frozen=True)
class Bestand:
    """A file an ORI-A document refers to: id (the informatieobject's uuid), title, type, and how to read it."""

    id: str
    titel: str
    soort: str  # ORI-A vergaderstuktype label
    bestandsnaam: str
    mimetype: str
    openen: object  # callable returning a binary file object


class _Bouwer:
    def __init__(self):
        self.bestanden: dict[str, Bestand] = {}

    @staticmethod
    def el(ouder, naam, tekst=None):
        element = etree.SubElement(ouder, f"{{{NS}}}{naam}")
        if tekst is not None:
            element.text = str(tekst)
        return element

    def begrip(self, ouder, naam, label, lijst, *, code=None, lijstnaam=None):
        element = self.el(ouder, naam)
        self.el(element, "begripLabel", label)
        if code:
            self.el(element, "begripCode", code)
        self.verwijzing(element, "verwijzingBegrippenlijst", lijst, lijstnaam)
        return element

    def verwijzing(self, ouder, naam, id_, label=None):
        element = self.el(ouder, naam)
        self.el(element, "verwijzingID", id_)
        if label:
            self.el(element, "verwijzingNaam", label)
        return element

    def overheidsorgaan(self, ouder):
        gemeente = huidige_gemeente()
        self.begrip(
            ouder,
            "overheidsorgaan",
            f"Gemeente {gemeente.naam}",
            TOOI_GEMEENTEN,
            code=gemeente.tooi_code,
            lijstnaam="Register gemeenten compleet",
        )

    def bijlage(self, ouder, naam, bestand: Bestand):
        if bestand.openen is not None:  # a document without a file of its own (an amendement) is only named
            self.bestanden.setdefault(bestand.id, bestand)
        element = self.el(ouder, naam)
        self.begrip(element, "informatieobjectType", bestand.soort, f"{BEGRIPPEN}#vergaderstuktypes")
        self.verwijzing(element, "verwijzingInformatieobject", bestand.id, bestand.titel)


def _moment(datum, tijd):
    if datum is None or tijd is None:
        return None
    return datetime.datetime.combine(datum, tijd, tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()


def _bijlage_bestand(b) -> Bestand:
    return Bestand(
        str(b.uuid),
        b.titel,
        "Bijlage",
        b.bestandsnaam or b.bestand.name.rsplit("/", 1)[-1],
        b.mimetype or "application/octet-stream",
        lambda b=b: b.bestand.open("rb"),
    )


def _pdf(id_, titel, soort, bestandsnaam, opslaan) -> Bestand:
    from django.core.files.storage import default_storage

    return Bestand(id_, titel, soort, bestandsnaam, "application/pdf", lambda: default_storage.open(opslaan(), "rb"))


def voorstel_bestand(r) -> Bestand:
    from apps.raadsvoorstellen.pdf import raadsvoorstel_bestandsnaam, raadsvoorstel_pdf_opslaan

    titel = f"Raadsvoorstel {r.zaak.zaaknummer}: {r.titel}"
    return _pdf(str(r.uuid), titel, "Voorstel", raadsvoorstel_bestandsnaam(r), lambda: raadsvoorstel_pdf_opslaan(r))


def memo_bestand(m) -> Bestand:
    from apps.memos.pdf import memo_bestandsnaam, memo_pdf_opslaan

    soort = m.get_soort_display().capitalize()
    return _pdf(str(m.uuid), m.betreft, soort, memo_bestandsnaam(m), lambda: memo_pdf_opslaan(m))


def besluit_bestand(b) -> Bestand:
    from apps.besluiten.pdf import raadsbesluit_bestandsnaam, raadsbesluit_opslaan

    def pad():
        if not b.pdf or not b.pdf.storage.exists(b.pdf.name):
            raadsbesluit_opslaan(b)
        return b.pdf.name

    titel = f"Raadsbesluit {b.zaak.zaaknummer}: {b.titel}"
    return _pdf(str(b.uuid), titel, "Besluit", raadsbesluit_bestandsnaam(b), pad)


MONDELING = {"aangenomen": "Voor", "verworpen": "Tegen", "staken": "Gelijk"}
KEUZE = {"voor": "Voor", "tegen": "Tegen", "afwezig": "Onthouden"}
ROLNAAM = {
    "raadslid": "Raadslid",
    "voorzitter": "Voorzitter",
    "griffier": "Griffier",
    "wethouder": "Portefeuillehouder",
}


def stuk_bestand(stemming) -> Bestand | None:
    """The public document a stemming is about (motie, amendement or raadsvoorstel)."""
    if stemming.motie_id and stemming.motie.vertrouwelijkheid == "openbaar":
        m = stemming.motie
        return Bestand(
            str(m.uuid), f"Motie {m.nummer}: {m.titel}", "Motie", f"motie-{m.nummer}.pdf", "application/pdf", None
        )
    if stemming.amendement_id and stemming.amendement.vertrouwelijkheid == "openbaar":
        a = stemming.amendement
        return Bestand(str(a.uuid), f"Amendement {a.nummer}: {a.titel}", "Amendement", "", "text/html", None)
    if stemming.raadsvoorstel_id and stemming.raadsvoorstel.vertrouwelijkheid == "openbaar":
        return voorstel_bestand(stemming.raadsvoorstel)
    return None


def _naam(b, ouder, naam: str):
    from apps.oriapi.vorm import naam_delen

    delen = naam_delen(naam)
    element = b.el(ouder, "naam")
    for veld in ("achternaam", "tussenvoegsel", "voorletters", "voornamen", "volledigeNaam"):
        if delen.get(veld):
            b.el(element, veld, delen[veld])


def _fracties_en_deelnemers(b, root, uitslagen, aanwezigheden):
    """The votes per fractie (fractie elements) and per member present (aanwezigeDeelnemer with its stemmen);
    members on the presence list who were absent are persoonBuitenVergadering."""
    fracties, per_fractie = {}, {}
    for uitslag in uitslagen:
        for f in uitslag.fracties:
            if f.fractie is None or not (f.voor or f.tegen):
                continue
            fracties.setdefault(f.fractie.pk, f.fractie)
            resultaat = "Verdeeld" if f.voor and f.tegen else "Aangenomen" if f.voor else "Verworpen"
            per_fractie.setdefault(f.fractie.pk, []).append((uitslag.stemming, resultaat))
    for a in aanwezigheden:
        if a.fractie_id:
            fracties.setdefault(a.fractie_id, a.fractie)
    for pk, fractie in fracties.items():
        e = b.el(root, "fractie")
        b.el(e, "ID", f"fractie-{fractie.uuid}")
        b.el(e, "naam", fractie.naam)
        b.overheidsorgaan(e)
        for stemming, resultaat in per_fractie.get(pk, []):
            deel = b.el(e, "neemtDeelAanStemming")
            b.el(deel, "fractieStemresultaat", resultaat)
            b.verwijzing(deel, "verwijzingStemming", f"stemming-{stemming.uuid}")
    stemmen = {}
    for uitslag in uitslagen:
        for stem in uitslag.stemmen:
            stemmen.setdefault(stem.aanwezigheid_id, []).append((uitslag.stemming, stem.keuze))

    def persoon(ouder, naam, a):
        p = b.el(ouder, naam)
        b.el(p, "ID", f"persoon-{a.persoon.uuid}")
        _naam(b, p, a.persoon.naam)
        if a.fractie_id:
            lid = b.el(p, "isLidVanFractie")
            b.verwijzing(lid, "verwijzingFractie", f"fractie-{a.fractie.uuid}", a.fractie.naam)
        return p

    for a in aanwezigheden:
        if not a.aanwezig:
            persoon(root, "persoonBuitenVergadering", a)
    for a in aanwezigheden:
        if not a.aanwezig:
            continue
        d = b.el(root, "aanwezigeDeelnemer")
        b.begrip(d, "rolnaam", ROLNAAM.get(a.rol.soort, "Overig"), f"{BEGRIPPEN}#deelnemerrollen")
        persoon(d, "isNatuurlijkPersoon", a)
        for stemming, keuze in stemmen.get(a.pk, []):
            s = b.el(d, "neemtDeelAanStemming")
            b.el(s, "keuzeStemming", KEUZE.get(keuze, "Onthouden"))
            b.verwijzing(s, "gegevenOpStemming", f"stemming-{stemming.uuid}")


def vergadering_als_ori_a(vergadering, inhoud: dict) -> tuple[bytes, list[Bestand]] | None:
    """The ORI-A XML of one meeting and its files; None when the meeting has no public agenda item (ORI-A needs
    at least one)."""
    agendapunten, besluiten = inhoud["agendapunten"], inhoud["besluiten"]
    if not agendapunten:
        return None
    b = _Bouwer()
    root = etree.Element(f"{{{NS}}}ORI-A", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATIE)

    v = b.el(root, "vergadering")
    b.el(v, "ID", vergadering.uuid)
    b.el(v, "naam", vergadering.titel)
    b.el(v, "geplandeDatum", vergadering.datum.isoformat())
    b.el(v, "datum", vergadering.datum.isoformat())
    gehouden = vergadering.status == "gehouden"
    aanvang = _moment(vergadering.datum, vergadering.aanvang)
    einde = _moment(vergadering.datum, vergadering.einde) if aanvang else None
    for naam, waarde in (("geplandeAanvang", aanvang), ("geplandEinde", einde)):
        if waarde:
            b.el(v, naam, waarde)
    if gehouden:
        for naam, waarde in (("aanvang", aanvang), ("einde", einde)):
            if waarde:
                b.el(v, naam, waarde)
    b.el(v, "publicatiedatum", vergadering.updated_at.astimezone(ZoneInfo(settings.TIME_ZONE)).isoformat())
    b.begrip(v, "type", vergadering.get_soort_display().capitalize(), f"{BEGRIPPEN}#vergaderingstypes")
    if vergadering.toelichting:
        b.el(v, "toelichting", vergadering.toelichting)
    gremium = b.el(v, "georganiseerdDoorGremium")
    b.el(gremium, "naam", vergadering.gremium.naam)
    b.el(gremium, "identificatie", vergadering.gremium.uuid)
    if vergadering.locatie:
        b.el(v, "locatie", vergadering.locatie)
    pad = reverse("vergaderagenda:agenda", kwargs={"datum": vergadering.datum.isoformat()})
    b.el(v, "weblocatie", persistente_url(pad))
    b.el(v, "status", STATUS.get(vergadering.status, "Gepland"))
    b.overheidsorgaan(v)

    for volgnummer, punt in enumerate(agendapunten, 1):
        a = b.el(root, "agendapunt")
        b.el(a, "ID", punt.uuid)
        b.el(a, "naam", punt.titel)
        nummer = punt.volgnummer if punt.volgnummer[:1].isdigit() else str(punt.volgorde or volgnummer)
        b.el(a, "geplandVolgnummer", nummer)
        if gehouden:
            b.el(a, "volgnummer", nummer)
        if punt.volgnummer:
            b.el(a, "volgnummerWeergave", punt.volgnummer)
        if punt.omschrijving:
            b.el(a, "omschrijving", punt.omschrijving)
        start = _moment(vergadering.datum, punt.aanvang)
        eind = _moment(vergadering.datum, punt.einde) if start else None
        for naam, waarde in (("geplandeStarttijd", start), ("geplandeEindtijd", eind)):
            if waarde:
                b.el(a, naam, waarde)
        if gehouden:
            for naam, waarde in (("starttijd", start), ("eindtijd", eind)):
                if waarde:
                    b.el(a, naam, waarde)
        if vergadering.locatie:
            b.el(a, "locatie", vergadering.locatie)
        b.el(a, "indicatieHamerstuk", str(punt.behandeling == "hamerstuk").lower())
        if gehouden:
            b.el(a, "indicatieBehandeld", "true")
        b.el(a, "indicatieBesloten", "false")
        b.verwijzing(a, "wordtBehandeldTijdens", vergadering.uuid, vergadering.titel)
        voorstel = punt.oria_voorstel
        if voorstel is not None:
            b.bijlage(a, "heeftAlsBijlage", voorstel_bestand(voorstel))
            for bijlage in voorstel.oria_bijlagen:
                b.bijlage(a, "heeftAlsBijlage", _bijlage_bestand(bijlage))
        for memo in punt.oria_memos:
            b.bijlage(a, "heeftAlsBijlage", memo_bestand(memo))
            for bijlage in memo.oria_bijlagen:
                b.bijlage(a, "heeftAlsBijlage", _bijlage_bestand(bijlage))
        for bijlage in punt.oria_bijlagen:
            b.bijlage(a, "heeftAlsBijlage", _bijlage_bestand(bijlage))
        for besluit in besluiten:
            if besluit.agendapunt_id == punt.pk:
                b.bijlage(a, "heeftAlsBijlage", besluit_bestand(besluit))

    punten = {p.pk: p for p in agendapunten}
    uitgesproken = [bs for bs in besluiten if bs.uitkomst in RESULTAAT]
    uitslagen = inhoud.get("uitslagen", [])
    besluit_van_voorstel = {bs.raadsvoorstel_id: bs for bs in uitgesproken if bs.raadsvoorstel_id}
    gestemd = set()
    for uitslag in uitslagen:
        st = uitslag.stemming
        s = b.el(root, "stemming")
        b.el(s, "ID", f"stemming-{st.uuid}")
        if st.soort in ("regulier", "hoofdelijk"):
            b.el(s, "type", {"regulier": "Regulier", "hoofdelijk": "Hoofdelijk"}[st.soort])
        elif st.uitslag in MONDELING:
            b.el(s, "resultaatMondelingeStemming", MONDELING[st.uitslag])
        besluit = (
            besluit_van_voorstel.get(st.raadsvoorstel_id)
            if st.raadsvoorstel_id and not st.motie_id and not st.amendement_id
            else None
        )
        if besluit is not None:
            b.verwijzing(s, "leidtTotBesluit", f"besluit-{besluit.uuid}", besluit.titel)
            gestemd.add(besluit.pk)
        b.verwijzing(s, "heeftBetrekkingOpAgendapunt", st.agendapunt.uuid, st.agendapunt.titel)
        stuk = stuk_bestand(st)
        if stuk is not None:
            b.bijlage(s, "heeftBetrekkingOpBesluitvormingsstuk", stuk)
    for besluit in uitgesproken:
        punt = punten.get(besluit.agendapunt_id)
        if punt is None or besluit.pk in gestemd:
            continue
        s = b.el(root, "stemming")
        b.el(s, "ID", f"stemming-{besluit.uuid}")
        if besluit.stemming == "stemmen":
            b.el(s, "type", "Regulier")
        b.verwijzing(s, "leidtTotBesluit", f"besluit-{besluit.uuid}", besluit.titel)
        b.verwijzing(s, "heeftBetrekkingOpAgendapunt", punt.uuid, punt.titel)
        if besluit.raadsvoorstel is not None and besluit.raadsvoorstel.vertrouwelijkheid == "openbaar":
            b.bijlage(s, "heeftBetrekkingOpBesluitvormingsstuk", voorstel_bestand(besluit.raadsvoorstel))
    for besluit in uitgesproken:
        e = b.el(root, "besluit")
        b.el(e, "ID", f"besluit-{besluit.uuid}")
        resultaat = RESULTAAT[besluit.uitkomst]
        if resultaat == "Aangenomen" and besluit.stemming == "unaniem":
            resultaat = "Unaniem aangenomen"
        b.el(e, "resultaat", resultaat)
        toelichting = [f"{besluit.titel} (zaak {besluit.zaak.zaaknummer})."]
        toelichting += [punt.tekst for punt in besluit.oria_dictum]
        if besluit.stemming == "stemmen" and besluit.stemmen_voor is not None:
            toelichting.append(f"Stemmen voor: {besluit.stemmen_voor}, tegen: {besluit.stemmen_tegen or 0}.")
        b.el(e, "toelichting", "\n".join(toelichting))

    _fracties_en_deelnemers(b, root, uitslagen, inhoud.get("aanwezigheden", []))
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml, list(b.bestanden.values())
