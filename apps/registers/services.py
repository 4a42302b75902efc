"""Every write of the registers. Keyword-only, typed, transactional; history records who and why.

Permanence: once an item is published, a change to one of its stated facts (FEITEN) needs a reason; the
change is a new version in the history with "Correctie: <reden>" and the public page lists it. A closed item
(afgedaan, vervallen, beantwoord, ingetrokken, ...) is closed: any change to it needs a reason as well.
Progress on a published item (an afdoening, an answer, an interim reply) needs no reason while it is open.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.core.bijlagen import bijlage_aan_ouder_toevoegen, bijlage_van_ouder_verwijderen
from apps.core.models import Onderwerp, Vertrouwelijkheid
from apps.core.search import zoekindex_bijwerken, zoekindex_verwijderen
from apps.core.services import RegelFout, m2m_vervangen, velden_zetten, versie_opslaan
from apps.moties.models import Motie

from .models import (
    Afhandeling,
    IngekomenStuk,
    IngekomenStukBijlage,
    LangetermijnItem,
    Motieopvolging,
    Publicatie,
    Registernummer,
    SchriftelijkeVraag,
    StandVanZaken,
    Toezegging,
)
from .termijnen import termijn_einde, vandaag

CORRECTIE = "Correctie: "

# Which fields a form may set, per model, and which of them are stated facts once published.
VELDEN = {
    Toezegging: [
        "tekst",
        "persoon",
        "portefeuille",
        "vergadering",
        "agendapunt",
        "uiterste_datum",
        "status",
        "afgedaan_met",
        "afgedaan_in",
        "toelichting",
        "zaak",
        "vertrouwelijkheid",
    ],
    IngekomenStuk: [
        "ontvangen_op",
        "afzender",
        "afzender_adres",
        "afzender_is_privepersoon",
        "onderwerp",
        "samenvatting",
        "voorgestelde_afhandeling",
        "voorgestelde_commissie",
        "lijst",
        "vastgestelde_afhandeling",
        "vastgestelde_commissie",
        "vastgesteld_op",
        "zaak",
        "vertrouwelijkheid",
    ],
    SchriftelijkeVraag: [
        "onderwerp",
        "vragen",
        "vraagsteller",
        "fractie",
        "gesteld_op",
        "uitstelbericht_op",
        "uitstel_tot",
        "status",
        "beantwoord_op",
        "antwoord",
        "antwoord_tekst",
        "zaak",
        "vertrouwelijkheid",
    ],
    LangetermijnItem: [
        "titel",
        "omschrijving",
        "portefeuillehouder",
        "jaar",
        "kwartaal",
        "verwachte_vergadering",
        "status",
        "zaak",
        "vertrouwelijkheid",
    ],
    Motieopvolging: ["status", "portefeuillehouder", "uiterste_datum", "afgedaan_met", "afgedaan_in"],
}
FEITEN = {
    Toezegging: {
        "tekst",
        "persoon",
        "portefeuille",
        "vergadering",
        "agendapunt",
        "uiterste_datum",
        "vertrouwelijkheid",
    },
    IngekomenStuk: {
        "ontvangen_op",
        "afzender",
        "afzender_is_privepersoon",
        "onderwerp",
        "samenvatting",
        "voorgestelde_afhandeling",
        "voorgestelde_commissie",
        "lijst",
        "vertrouwelijkheid",
    },
    SchriftelijkeVraag: {"onderwerp", "vragen", "vraagsteller", "fractie", "gesteld_op", "vertrouwelijkheid"},
    LangetermijnItem: {"titel", "vertrouwelijkheid"},
    Motieopvolging: set(),
}
AFGESLOTEN = {
    Toezegging: {"afgedaan", "vervallen"},
    IngekomenStuk: set(),
    SchriftelijkeVraag: {"beantwoord", "ingetrokken"},
    LangetermijnItem: {"behandeld", "vervallen"},
    Motieopvolging: {"afgedaan", "niet_uitvoerbaar"},
}
NUMMER_PREFIX = {Toezegging: "T", IngekomenStuk: "IS", SchriftelijkeVraag: "SV"}


# --- Shared plumbing -------------------------------------------------------------------------------


def nummer_uitgeven(*, model, jaar: int) -> tuple[int, str]:
    """The next (volgnummer, nummer) of a register in a year, under a row lock; unique constraints back it up."""
    soort = model._meta.model_name
    with transaction.atomic():
        reeks, _nieuw = Registernummer.objects.select_for_update().get_or_create(soort=soort, jaar=jaar)
        if _nieuw:
            reeks = Registernummer.objects.select_for_update().get(pk=reeks.pk)
        volgnummer = reeks.laatste + 1
        while model.objects.filter(jaar=jaar, volgnummer=volgnummer).exists():
            volgnummer += 1
        reeks.laatste = volgnummer
        reeks.save(update_fields=["laatste"])
    return volgnummer, f"{NUMMER_PREFIX[model]}{jaar}-{volgnummer:03d}"


def _waarde(obj, naam):
    veld = obj._meta.get_field(naam)
    return getattr(obj, veld.attname)


def _gewijzigd(obj, velden: dict) -> set[str]:
    uit = set()
    for naam, nieuw in velden.items():
        veld = obj._meta.get_field(naam)
        nieuw_waarde = nieuw.pk if veld.is_relation and nieuw is not None and hasattr(nieuw, "pk") else nieuw
        if _waarde(obj, naam) != nieuw_waarde:
            uit.add(naam)
    return uit


def _reden_controleren(obj, *, gewijzigd: set[str], reden: str) -> str | None:
    """The history reason of this change; RegelFout when a published fact or a closed item changes without one."""
    model = type(obj)
    reden = (reden or "").strip()
    if obj.pk is None or not gewijzigd:
        return None
    gepubliceerd = getattr(obj, "is_gepubliceerd", True)
    oud_status = model.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
    feiten = gewijzigd & FEITEN[model]
    afgesloten = oud_status in AFGESLOTEN[model]
    if gepubliceerd and (feiten or afgesloten):
        if not reden:
            namen = ", ".join(sorted(str(model._meta.get_field(n).verbose_name) for n in (feiten or gewijzigd)))
            raise RegelFout(
                "Dit item is gepubliceerd"
                + (" en afgesloten" if afgesloten else "")
                + f": een wijziging van {namen} is een correctie. Geef de reden van de correctie op.",
                veld="reden",
            )
        return CORRECTIE + reden
    return reden or None


def _termijn_herzien(obj) -> None:
    """A deadline moved past today: the item is no longer overdue, so the daily run may report it again later."""
    if obj.overschreden_gemeld_op and (obj.uiterste_datum is None or obj.uiterste_datum >= vandaag()):
        obj.overschreden_gemeld_op = None


def _klaar(obj, onderwerpen) -> None:
    if onderwerpen is not None and hasattr(obj, "onderwerpen"):
        m2m_vervangen(obj.onderwerpen, onderwerpen)
    zoekindex_bijwerken(obj)


def item_publiceren(*, item, door=None):
    """Publish a concept register item; from now on its stated facts are permanent."""
    with transaction.atomic():
        item = type(item).objects.select_for_update().get(pk=item.pk)
        if item.is_gepubliceerd:
            raise RegelFout("Dit item is al gepubliceerd.")
        item.publicatie = Publicatie.GEPUBLICEERD
        item.gepubliceerd_op = timezone.now()
        versie_opslaan(item, versie=item.version, door=door, reden="Gepubliceerd")
        zoekindex_bijwerken(item)
    return item


def item_verwijderen(*, item, door=None) -> None:
    """Only a concept may be deleted; a published item stays (a correction or 'vervallen' instead)."""
    with transaction.atomic():
        item = type(item).objects.select_for_update().get(pk=item.pk)
        if item.is_gepubliceerd:
            raise RegelFout("Een gepubliceerd item kan niet worden verwijderd; corrigeer het of laat het vervallen.")
        zoekindex_verwijderen(item)
        item.delete()


# --- 1. Toezeggingen -------------------------------------------------------------------------------


def _toezegging_controleren(t: Toezegging) -> None:
    if t.agendapunt is not None and t.agendapunt.vergadering_id != t.vergadering_id:
        raise RegelFout("Het agendapunt hoort niet bij deze vergadering.", veld="agendapunt")
    if t.status == Toezegging.Status.AFGEDAAN:
        if t.afgedaan_met_id is None:
            raise RegelFout("Kies het document waarmee de toezegging is nagekomen.", veld="afgedaan_met")
        if t.afgedaan_in_id is None:
            raise RegelFout("Kies de vergadering die de toezegging als afgedaan aanvaardde.", veld="afgedaan_in")
        if t.afgedaan_met is not None and t.afgedaan_met.status != "definitief":
            raise RegelFout("Het document is nog een concept; maak het eerst definitief.", veld="afgedaan_met")
        if t.afgedaan_in is not None and t.afgedaan_in.datum < t.vergadering.datum:
            raise RegelFout(
                "De vergadering van afdoening ligt vóór de vergadering van de toezegging.", veld="afgedaan_in"
            )
    if t.uiterste_datum and t.uiterste_datum < t.vergadering.datum:
        raise RegelFout(
            "De uiterste datum ligt vóór de vergadering waarin de toezegging is gedaan.", veld="uiterste_datum"
        )


def toezegging_aanmaken(*, velden: dict, onderwerpen: Iterable[Onderwerp] | None = None, door=None) -> Toezegging:
    with transaction.atomic():
        t = Toezegging()
        velden_zetten(t, velden, toegestaan=VELDEN[Toezegging])
        if not t.portefeuille and t.persoon_id:
            t.portefeuille = _portefeuille_op(t.persoon, t.vergadering.datum)
        _toezegging_controleren(t)
        t.volgnummer, t.nummer = nummer_uitgeven(model=Toezegging, jaar=t.vergadering.datum.year)
        t.jaar = t.vergadering.datum.year
        versie_opslaan(t, versie=None, door=door)
        _klaar(t, onderwerpen)
    return t


def _portefeuille_op(persoon, datum: datetime.date) -> str:
    from django.db.models import Q

    rol = (
        persoon.rollen.filter(soort__in=["wethouder", "burgemeester"], begindatum__lte=datum)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=datum))
        .order_by("-begindatum")
        .first()
    )
    return rol.portefeuille if rol else ""


def toezegging_bijwerken(
    *, toezegging: Toezegging, versie: int, velden: dict, onderwerpen=None, reden: str = "", door=None
) -> Toezegging:
    with transaction.atomic():
        t = Toezegging.objects.select_for_update().get(pk=toezegging.pk)
        gewijzigd = _gewijzigd(t, velden)
        geschiedenis = _reden_controleren(t, gewijzigd=gewijzigd, reden=reden)
        velden_zetten(t, velden, toegestaan=VELDEN[Toezegging])
        _toezegging_controleren(t)
        _termijn_herzien(t)
        versie_opslaan(t, versie=versie, door=door, reden=geschiedenis)
        _klaar(t, onderwerpen)
    return t


# --- 2. Motiemonitor -------------------------------------------------------------------------------


def motieopvolging_voor(*, motie: Motie, door=None) -> Motieopvolging:
    """The follow-up of an aangenomen motie (made when it does not exist yet)."""
    if motie.status != "aangenomen":
        raise RegelFout("Alleen een aangenomen motie heeft een opvolging in de motiemonitor.")
    with transaction.atomic():
        opvolging = Motieopvolging.objects.filter(motie=motie).first()
        if opvolging is None:
            opvolging = Motieopvolging(motie=motie)
            versie_opslaan(opvolging, versie=None, door=door, reden="Opgenomen in de motiemonitor")
            zoekindex_bijwerken(opvolging)
    return opvolging


def _opvolging_controleren(o: Motieopvolging) -> None:
    if o.status == Motieopvolging.Status.AFGEDAAN and o.afgedaan_met_id is None:
        raise RegelFout("Kies het document waarmee de motie is uitgevoerd.", veld="afgedaan_met")
    if o.afgedaan_met is not None and o.afgedaan_met.status != "definitief":
        raise RegelFout("Het document is nog een concept; maak het eerst definitief.", veld="afgedaan_met")


def motieopvolging_bijwerken(
    *, opvolging: Motieopvolging, versie: int, velden: dict, reden: str = "", door=None
) -> Motieopvolging:
    with transaction.atomic():
        o = Motieopvolging.objects.select_for_update().get(pk=opvolging.pk)
        geschiedenis = _reden_controleren(o, gewijzigd=_gewijzigd(o, velden), reden=reden)
        velden_zetten(o, velden, toegestaan=VELDEN[Motieopvolging])
        _opvolging_controleren(o)
        _termijn_herzien(o)
        versie_opslaan(o, versie=versie, door=door, reden=geschiedenis)
        zoekindex_bijwerken(o)
    return o


def stand_van_zaken_toevoegen(
    *, opvolging: Motieopvolging, datum: datetime.date, tekst: str, document=None, door=None
) -> StandVanZaken:
    """Add the college's stand van zaken; an entry is never changed afterwards (a correction is a new entry).
    A follow-up that had not started is in uitvoering from its first report."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise RegelFout("Vul de stand van zaken in.", veld="tekst")
    if datum > vandaag():
        raise RegelFout("Een stand van zaken kan niet in de toekomst liggen.", veld="datum")
    if document is not None and document.status != "definitief":
        raise RegelFout("Het document is nog een concept; maak het eerst definitief.", veld="document")
    with transaction.atomic():
        o = Motieopvolging.objects.select_for_update().get(pk=opvolging.pk)
        stand = StandVanZaken.objects.create(
            opvolging=o,
            datum=datum,
            tekst=tekst,
            document=document,
            vastgelegd_door=door.get_username() if door is not None and door.is_authenticated else "",
        )
        if o.status == Motieopvolging.Status.NIET_GESTART:
            o.status = Motieopvolging.Status.IN_UITVOERING
        versie_opslaan(o, versie=o.version, door=door, reden=f"Stand van zaken van {datum:%d-%m-%Y}")
        zoekindex_bijwerken(o)
    return stand


# --- 3. Ingekomen stukken --------------------------------------------------------------------------


def _stuk_controleren(s: IngekomenStuk) -> None:
    if s.voorgestelde_afhandeling == Afhandeling.AGENDEREN and s.voorgestelde_commissie_id is None:
        raise RegelFout("Kies de commissie waarvoor het stuk wordt geagendeerd.", veld="voorgestelde_commissie")
    if s.vastgestelde_afhandeling == Afhandeling.AGENDEREN and s.vastgestelde_commissie_id is None:
        raise RegelFout("Kies de commissie waarvoor het stuk wordt geagendeerd.", veld="vastgestelde_commissie")
    if s.vastgestelde_afhandeling and not s.vastgesteld_op:
        raise RegelFout("Vul de datum in waarop de raad de afhandeling vaststelde.", veld="vastgesteld_op")
    if s.ontvangen_op > vandaag():
        raise RegelFout("De ontvangstdatum ligt in de toekomst.", veld="ontvangen_op")
    if s.afzender_is_privepersoon and s.pk:
        # The letter of a private person carries the name and address: never a public document.
        s.bijlagen.filter(vertrouwelijkheid=Vertrouwelijkheid.OPENBAAR).update(
            vertrouwelijkheid=Vertrouwelijkheid.VERTROUWELIJK
        )


def ingekomen_stuk_aanmaken(*, velden: dict, onderwerpen=None, door=None) -> IngekomenStuk:
    with transaction.atomic():
        s = IngekomenStuk()
        velden_zetten(s, velden, toegestaan=VELDEN[IngekomenStuk])
        _stuk_controleren(s)
        s.jaar = s.ontvangen_op.year
        s.volgnummer, s.nummer = nummer_uitgeven(model=IngekomenStuk, jaar=s.jaar)
        versie_opslaan(s, versie=None, door=door)
        _klaar(s, onderwerpen)
    return s


def ingekomen_stuk_bijwerken(
    *, stuk: IngekomenStuk, versie: int, velden: dict, onderwerpen=None, reden: str = "", door=None
) -> IngekomenStuk:
    with transaction.atomic():
        s = IngekomenStuk.objects.select_for_update().get(pk=stuk.pk)
        gewijzigd = _gewijzigd(s, velden)
        if s.vastgestelde_afhandeling and gewijzigd & {"vastgestelde_afhandeling", "vastgestelde_commissie"}:
            gewijzigd |= {"voorgestelde_afhandeling"}  # an adopted handling is a fact of the raad
        geschiedenis = _reden_controleren(s, gewijzigd=gewijzigd, reden=reden)
        velden_zetten(s, velden, toegestaan=VELDEN[IngekomenStuk])
        _stuk_controleren(s)
        versie_opslaan(s, versie=versie, door=door, reden=geschiedenis)
        _klaar(s, onderwerpen)
    return s


def ingekomen_stuk_document_toevoegen(
    *, stuk: IngekomenStuk, bestand, titel: str, vertrouwelijkheid: str, mimetype: str | None, door=None
) -> IngekomenStukBijlage:
    with transaction.atomic():
        s = IngekomenStuk.objects.select_for_update().get(pk=stuk.pk)
        if s.afzender_is_privepersoon:
            vertrouwelijkheid = Vertrouwelijkheid.VERTROUWELIJK
        return bijlage_aan_ouder_toevoegen(
            ouder=s,
            bijlage_model=IngekomenStukBijlage,
            bestand=bestand,
            titel=titel,
            vertrouwelijkheid=vertrouwelijkheid,
            mimetype=mimetype,
            door=door,
        )


def ingekomen_stuk_document_verwijderen(*, bijlage: IngekomenStukBijlage, door=None) -> None:
    with transaction.atomic():
        s = IngekomenStuk.objects.select_for_update().get(pk=bijlage.ingekomenstuk_id)
        if s.is_gepubliceerd:
            raise RegelFout("Het document van een gepubliceerd ingekomen stuk blijft bewaard.")
        bijlage_van_ouder_verwijderen(ouder=s, bijlage=bijlage, door=door)


def lis_vaststellen(*, lijst, door=None) -> int:
    """The raad adopts the list of ingekomen stukken of an agenda item: every stuk on it without an adopted
    handling gets the proposed one, on the meeting's date. Returns how many stukken were adopted."""
    aantal = 0
    with transaction.atomic():
        for s in IngekomenStuk.objects.select_for_update().filter(lijst=lijst, vastgestelde_afhandeling=""):
            s.vastgestelde_afhandeling = s.voorgestelde_afhandeling
            s.vastgestelde_commissie_id = s.voorgestelde_commissie_id
            s.vastgesteld_op = lijst.vergadering.datum
            versie_opslaan(s, versie=s.version, door=door, reden="Afhandeling vastgesteld door de raad")
            zoekindex_bijwerken(s)
            aantal += 1
    return aantal


# --- 4. Schriftelijke vragen -----------------------------------------------------------------------


def _vraag_controleren(v: SchriftelijkeVraag) -> None:
    if v.vraagsteller_id is None and v.fractie_id is None:
        raise RegelFout("Kies de vraagsteller of de fractie.", veld="vraagsteller")
    if v.gesteld_op > vandaag():
        raise RegelFout("De datum waarop de vragen zijn gesteld ligt in de toekomst.", veld="gesteld_op")
    if v.status == SchriftelijkeVraag.Status.BEANTWOORD and not v.beantwoord_op:
        raise RegelFout("Vul de datum van het antwoord in.", veld="beantwoord_op")
    if v.status == SchriftelijkeVraag.Status.BEANTWOORD and not (v.antwoord_id or v.antwoord_tekst.strip()):
        raise RegelFout("Kies het antwoorddocument of vul het antwoord in.", veld="antwoord")
    if v.beantwoord_op and v.status != SchriftelijkeVraag.Status.BEANTWOORD:
        raise RegelFout("Een vraag met een antwoorddatum is beantwoord; kies die status.", veld="status")
    if v.beantwoord_op and v.beantwoord_op < v.gesteld_op:
        raise RegelFout("De antwoorddatum ligt vóór de datum waarop de vragen zijn gesteld.", veld="beantwoord_op")
    if v.beantwoord_op and v.beantwoord_op > vandaag():
        raise RegelFout("De antwoorddatum ligt in de toekomst.", veld="beantwoord_op")
    if v.uitstel_tot and not v.uitstelbericht_op:
        raise RegelFout("Vul ook de datum van het uitstelbericht in.", veld="uitstelbericht_op")
    if v.uitstelbericht_op and v.uitstelbericht_op < v.gesteld_op:
        raise RegelFout("Het uitstelbericht ligt vóór de datum van de vragen.", veld="uitstelbericht_op")
    if v.uitstel_tot and v.uitstel_tot <= v.uiterste_datum:
        raise RegelFout("De nieuwe datum na uitstel ligt niet na de uiterste antwoorddatum.", veld="uitstel_tot")
    if v.antwoord is not None and v.antwoord.status != "definitief":
        raise RegelFout("Het antwoorddocument is nog een concept; maak het eerst definitief.", veld="antwoord")


def schriftelijke_vraag_aanmaken(*, velden: dict, onderwerpen=None, door=None) -> SchriftelijkeVraag:
    """Register questions; the article and term come from the configuration of this moment."""
    with transaction.atomic():
        v = SchriftelijkeVraag(
            artikel=settings.SCHRIFTELIJKE_VRAGEN_ARTIKEL,
            termijn_dagen=settings.SCHRIFTELIJKE_VRAGEN_TERMIJN_DAGEN,
            termijn_in_werkdagen=settings.TERMIJN_WERKDAGEN,
        )
        velden_zetten(v, velden, toegestaan=VELDEN[SchriftelijkeVraag])
        v.uiterste_datum = termijn_einde(v.gesteld_op, v.termijn_dagen, werkdagen=v.termijn_in_werkdagen)
        _vraag_controleren(v)
        v.jaar = v.gesteld_op.year
        v.volgnummer, v.nummer = nummer_uitgeven(model=SchriftelijkeVraag, jaar=v.jaar)
        versie_opslaan(v, versie=None, door=door)
        _klaar(v, onderwerpen)
    return v


def schriftelijke_vraag_bijwerken(
    *, vraag: SchriftelijkeVraag, versie: int, velden: dict, onderwerpen=None, reden: str = "", door=None
) -> SchriftelijkeVraag:
    with transaction.atomic():
        v = SchriftelijkeVraag.objects.select_for_update().get(pk=vraag.pk)
        geschiedenis = _reden_controleren(v, gewijzigd=_gewijzigd(v, velden), reden=reden)
        velden_zetten(v, velden, toegestaan=VELDEN[SchriftelijkeVraag])
        # the deadline follows the date asked, with the term the question was registered under
        v.uiterste_datum = termijn_einde(v.gesteld_op, v.termijn_dagen, werkdagen=v.termijn_in_werkdagen)
        _vraag_controleren(v)
        _termijn_herzien(v)
        versie_opslaan(v, versie=versie, door=door, reden=geschiedenis)
        _klaar(v, onderwerpen)
    return v


# --- 5. Lange termijnagenda ------------------------------------------------------------------------


def _lta_controleren(item: LangetermijnItem) -> None:
    if item.kwartaal not in (1, 2, 3, 4):
        raise RegelFout("Kies kwartaal 1, 2, 3 of 4.", veld="kwartaal")
    if not 2000 <= (item.jaar or 0) <= 2100:
        raise RegelFout("Vul een jaar tussen 2000 en 2100 in.", veld="jaar")


def langetermijn_aanmaken(*, velden: dict, onderwerpen=None, door=None) -> LangetermijnItem:
    with transaction.atomic():
        item = LangetermijnItem()
        velden_zetten(item, velden, toegestaan=VELDEN[LangetermijnItem])
        _lta_controleren(item)
        versie_opslaan(item, versie=None, door=door)
        _klaar(item, onderwerpen)
    return item


def langetermijn_bijwerken(
    *, item: LangetermijnItem, versie: int, velden: dict, onderwerpen=None, reden: str = "", door=None
) -> LangetermijnItem:
    with transaction.atomic():
        i = LangetermijnItem.objects.select_for_update().get(pk=item.pk)
        geschiedenis = _reden_controleren(i, gewijzigd=_gewijzigd(i, velden), reden=reden)
        velden_zetten(i, velden, toegestaan=VELDEN[LangetermijnItem])
        _lta_controleren(i)
        versie_opslaan(i, versie=versie, door=door, reden=geschiedenis)
        _klaar(i, onderwerpen)
    return i


# --- The daily run ---------------------------------------------------------------------------------


def registers_bijwerken(*, op: datetime.date | None = None, door=None) -> dict:
    """The daily run: every aangenomen motie gets its follow-up; every item that became overdue is marked in
    its history (once) with the day it was first reported. Returns the counts; the digest is a selector."""
    op = op or vandaag()
    nieuw_opgevolgd = 0
    with transaction.atomic():
        zonder = Motie.objects.filter(status="aangenomen", opvolging__isnull=True).order_by("pk")
        for motie in zonder.iterator():
            motieopvolging_voor(motie=motie, door=door)
            nieuw_opgevolgd += 1
    gemarkeerd = {}
    for model in (Toezegging, SchriftelijkeVraag, Motieopvolging):
        aantal = 0
        with transaction.atomic():
            for item in model.objects.overschreden(op).filter(overschreden_gemeld_op__isnull=True).select_for_update():
                item.overschreden_gemeld_op = op
                versie_opslaan(item, versie=item.version, door=door, reden="Termijn overschreden")
                aantal += 1
        gemarkeerd[model._meta.model_name] = aantal
    return {"opvolgingen_aangemaakt": nieuw_opgevolgd, "gemarkeerd": gemarkeerd}
