"""Every write of vergaderingen and their agenda. Keyword-only, typed, transactional."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max

from apps.core.bijlagen import (
    NieuweBijlage,
    bestanden_verwijderen,
    bijlage_aan_ouder_toevoegen,
    bijlage_van_ouder_verwijderen,
)
from apps.core.search import zoekindex_bijwerken, zoekindex_verwijderen
from apps.core.services import RegelFout, geschiedenis_gebruiker, m2m_vervangen, velden_zetten, versie_opslaan
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.raadsvoorstellen.services import raadsvoorstel_agenderen

from .models import Agendapunt, AgendapuntBijlage, Vergadering

VERGADERING_VELDEN = ["gremium", "soort", "titel", "datum", "aanvang", "einde", "locatie", "openbaar", "toelichting"]
AGENDAPUNT_VELDEN = [
    "volgnummer",
    "titel",
    "omschrijving",
    "aanvang",
    "einde",
    "behandeling",
    "besloten",
    "zaak",
    "raadsvoorstel",
]


def _tijden_controleren(obj, wat: str) -> None:
    if obj.aanvang and obj.einde and obj.einde <= obj.aanvang:
        raise RegelFout(f"Het einde van {wat} moet na de aanvang liggen.", veld="einde")


# --- Vergadering -------------------------------------------------------------------------


def vergadering_aanmaken(*, velden: dict, door=None) -> Vergadering:
    with transaction.atomic():
        vergadering = Vergadering(status=Vergadering.Status.CONCEPT)
        velden_zetten(vergadering, velden, toegestaan=VERGADERING_VELDEN)
        _tijden_controleren(vergadering, "de vergadering")
        versie_opslaan(vergadering, versie=None, door=door)
        zoekindex_bijwerken(vergadering)
    return vergadering


def vergadering_bijwerken(*, vergadering: Vergadering, versie: int, velden: dict, door=None) -> Vergadering:
    with transaction.atomic():
        velden_zetten(vergadering, velden, toegestaan=VERGADERING_VELDEN)
        _tijden_controleren(vergadering, "de vergadering")
        status = Vergadering.objects.filter(pk=vergadering.pk).values_list("status", flat=True).first()
        if status is not None:  # else versie_opslaan says the meeting was deleted meanwhile
            vergadering.status = status
        versie_opslaan(vergadering, versie=versie, door=door)
        zoekindex_bijwerken(vergadering)
        for agendapunt in vergadering.agendapunten.all():
            zoekindex_bijwerken(agendapunt)
    return vergadering


def _status_zetten(vergadering: Vergadering, *, van: set, naar: str, melding: str, door) -> Vergadering:
    with transaction.atomic():
        vers = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
        if vers.status not in van:
            raise RegelFout(melding)
        vers.status = naar
        versie_opslaan(vers, versie=vers.version, door=door)
        zoekindex_bijwerken(vers)
        for agendapunt in vers.agendapunten.all():
            zoekindex_bijwerken(agendapunt)
    vergadering.status, vergadering.version = vers.status, vers.version
    return vers


def vergadering_publiceren(*, vergadering: Vergadering, door=None) -> Vergadering:
    """Publish the agenda: visible to raadsleden and, when openbaar, to everyone."""
    return _status_zetten(
        vergadering,
        van={Vergadering.Status.CONCEPT},
        naar=Vergadering.Status.GEPUBLICEERD,
        melding="Alleen de agenda van een concept-vergadering kan worden gepubliceerd.",
        door=door,
    )


def vergadering_annuleren(*, vergadering: Vergadering, door=None) -> Vergadering:
    if vergadering.besluiten.exists():
        raise RegelFout("Een vergadering met besluiten kan niet worden geannuleerd.")
    return _status_zetten(
        vergadering,
        van={Vergadering.Status.CONCEPT, Vergadering.Status.GEPUBLICEERD},
        naar=Vergadering.Status.GEANNULEERD,
        melding="Deze vergadering kan niet meer worden geannuleerd.",
        door=door,
    )


def vergadering_verwijderen(*, vergadering: Vergadering, door=None) -> None:
    with transaction.atomic():
        vers = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
        if vers.status != Vergadering.Status.CONCEPT:
            raise RegelFout("Alleen een concept-vergadering kan worden verwijderd; annuleer de vergadering anders.")
        if vers.besluiten.exists():
            raise RegelFout("Een vergadering met besluiten kan niet worden verwijderd.")
        for agendapunt in list(vers.agendapunten.all()):
            agendapunt_verwijderen(agendapunt=agendapunt, door=door)
        zoekindex_verwijderen(vers)
        geschiedenis_gebruiker(vers, door)
        vers.delete()


# --- Agendapunten ------------------------------------------------------------------------


def _voorstel_koppelen(agendapunt: Agendapunt, door) -> None:
    voorstel = agendapunt.raadsvoorstel
    if voorstel is None:
        return
    raadsvoorstel_agenderen(raadsvoorstel=voorstel, door=door)
    if agendapunt.zaak_id is None:
        agendapunt.zaak_id = voorstel.zaak_id


def automatische_nummers_bijwerken(*, vergadering: Vergadering) -> None:
    """Numbers the clerk did not type follow the order: the n-th item on the agenda is number n.

    Call inside the transaction that changed the order (with the meeting locked)."""
    punten = vergadering.agendapunten.order_by("volgorde").values_list("pk", "volgnummer", "volgnummer_automatisch")
    for plaats, (pk, volgnummer, automatisch) in enumerate(list(punten), 1):
        if automatisch and volgnummer != str(plaats):
            Agendapunt.objects.filter(pk=pk).update(volgnummer=str(plaats))


def _nummer_kiezen(agendapunt: Agendapunt, velden: dict, *, automatisch_nummer: str | None = None) -> None:
    """A typed number is the clerk's; an empty one (or the automatic number left as it was) follows the order."""
    if "volgnummer" in velden:
        nummer = (velden["volgnummer"] or "").strip()
        agendapunt.volgnummer = nummer
        agendapunt.volgnummer_automatisch = not nummer or nummer == automatisch_nummer


def agendapunt_toevoegen(
    *,
    vergadering: Vergadering,
    velden: dict,
    memos: Iterable | None = None,
    onderwerpen: Iterable | None = None,
    door=None,
) -> Agendapunt:
    """Add an item at the end of the agenda (volgorde = last + 1, numbered under a lock on the meeting)."""
    with transaction.atomic():
        vers = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
        if vers.status in (Vergadering.Status.GEANNULEERD, Vergadering.Status.GEHOUDEN):
            raise RegelFout(
                "Aan de agenda van een geannuleerde of gehouden vergadering kan niets meer worden toegevoegd."
            )
        agendapunt = Agendapunt(vergadering=vers)
        velden_zetten(agendapunt, velden, toegestaan=AGENDAPUNT_VELDEN)
        _tijden_controleren(agendapunt, "het agendapunt")
        _voorstel_koppelen(agendapunt, door)
        agendapunt.volgorde = (vers.agendapunten.aggregate(m=Max("volgorde"))["m"] or 0) + 1
        _nummer_kiezen(agendapunt, velden)
        if not agendapunt.volgnummer:
            agendapunt.volgnummer = str(vers.agendapunten.count() + 1)
            agendapunt.volgnummer_automatisch = True
        versie_opslaan(agendapunt, versie=None, door=door)
        geschiedenis_gebruiker(agendapunt, door)
        m2m_vervangen(agendapunt.memos, memos)
        if onderwerpen is not None:
            agendapunt.onderwerpen.set(onderwerpen)
        zoekindex_bijwerken(agendapunt)
    return agendapunt


def agendapunt_bijwerken(
    *,
    agendapunt: Agendapunt,
    versie: int,
    velden: dict,
    memos: Iterable | None = None,
    onderwerpen: Iterable | None = None,
    door=None,
) -> Agendapunt:
    with transaction.atomic():
        oud = (
            Agendapunt.objects.filter(pk=agendapunt.pk)
            .values_list("raadsvoorstel_id", "volgnummer", "volgnummer_automatisch")
            .first()
        )
        if oud is None:
            raise RegelFout("Dit agendapunt bestaat niet meer.")
        oud_voorstel, oud_nummer, oud_automatisch = oud
        velden_zetten(agendapunt, velden, toegestaan=AGENDAPUNT_VELDEN)
        _tijden_controleren(agendapunt, "het agendapunt")
        if agendapunt.raadsvoorstel_id != oud_voorstel:
            if agendapunt.besluiten.exists():
                raise RegelFout(
                    "Over dit agendapunt is al een besluit geregistreerd; het raadsvoorstel kan niet "
                    "meer worden vervangen.",
                    veld="raadsvoorstel",
                )
            _voorstel_koppelen(agendapunt, door)
        _nummer_kiezen(agendapunt, velden, automatisch_nummer=oud_nummer if oud_automatisch else None)
        if agendapunt.volgnummer_automatisch:
            agendapunt.volgnummer = oud_nummer
        versie_opslaan(agendapunt, versie=versie, door=door)
        if agendapunt.volgnummer_automatisch:
            automatische_nummers_bijwerken(vergadering=agendapunt.vergadering)
        m2m_vervangen(agendapunt.memos, memos)
        if onderwerpen is not None:
            agendapunt.onderwerpen.set(onderwerpen)
        zoekindex_bijwerken(agendapunt)
    return agendapunt


def agendapunt_verwijderen(*, agendapunt: Agendapunt, door=None) -> None:
    with transaction.atomic():
        Vergadering.objects.select_for_update().filter(pk=agendapunt.vergadering_id).first()
        if agendapunt.besluiten.exists():
            raise RegelFout("Over dit agendapunt is al een besluit geregistreerd; het kan niet worden verwijderd.")
        voorstel_id = agendapunt.raadsvoorstel_id
        zoekindex_verwijderen(agendapunt)
        geschiedenis_gebruiker(agendapunt, door)
        bestanden = [b.bestand for b in agendapunt.bijlagen.all()]
        vergadering = agendapunt.vergadering
        agendapunt.delete()
        automatische_nummers_bijwerken(vergadering=vergadering)
        transaction.on_commit(lambda: bestanden_verwijderen(bestanden))
        if voorstel_id and not Agendapunt.objects.filter(raadsvoorstel_id=voorstel_id).exists():
            voorstel = Raadsvoorstel.objects.select_for_update().get(pk=voorstel_id)
            if voorstel.status == Raadsvoorstel.Status.GEAGENDEERD:
                voorstel.status = Raadsvoorstel.Status.AANGEBODEN
                versie_opslaan(voorstel, versie=voorstel.version, door=door, reden="Van de agenda gehaald")
                zoekindex_bijwerken(voorstel)


def agendapunt_verplaatsen(*, agendapunt: Agendapunt, richting: str, door=None) -> Agendapunt:
    """Swap the item with its neighbour: richting "omhoog" or "omlaag"."""
    if richting not in ("omhoog", "omlaag"):
        raise RegelFout("Onbekende richting.")
    with transaction.atomic():
        vergadering = Vergadering.objects.select_for_update().get(pk=agendapunt.vergadering_id)
        punt = Agendapunt.objects.get(pk=agendapunt.pk)
        buren = vergadering.agendapunten.exclude(pk=punt.pk)
        buur = (
            buren.filter(volgorde__lt=punt.volgorde).order_by("-volgorde").first()
            if richting == "omhoog"
            else buren.filter(volgorde__gt=punt.volgorde).order_by("volgorde").first()
        )
        if buur is None:
            raise RegelFout("Dit agendapunt staat al " + ("bovenaan." if richting == "omhoog" else "onderaan."))
        tijdelijk = (vergadering.agendapunten.aggregate(m=Max("volgorde"))["m"] or 0) + 1
        a, b = punt.volgorde, buur.volgorde
        # Through a free number, so that the unique (vergadering, volgorde) holds at every step.
        Agendapunt.objects.filter(pk=punt.pk).update(volgorde=tijdelijk)
        Agendapunt.objects.filter(pk=buur.pk).update(volgorde=a)
        punt.volgorde, buur.volgorde = b, a
        if punt.volgnummer_automatisch and buur.volgnummer_automatisch:
            punt.volgnummer, buur.volgnummer = buur.volgnummer, punt.volgnummer
        versie_opslaan(punt, versie=punt.version, door=door, reden="Volgorde gewijzigd")
        versie_opslaan(buur, versie=buur.version, door=door, reden="Volgorde gewijzigd")
        automatische_nummers_bijwerken(vergadering=vergadering)
    agendapunt.volgorde, agendapunt.version = punt.volgorde, punt.version
    agendapunt.volgnummer = Agendapunt.objects.filter(pk=punt.pk).values_list("volgnummer", flat=True)[0]
    return punt


def agendapunt_bijlage_toevoegen(
    *,
    agendapunt: Agendapunt,
    bestand,
    titel: str = "",
    vertrouwelijkheid: str = "openbaar",
    mimetype: str | None = None,
    door=None,
) -> AgendapuntBijlage:
    with transaction.atomic():
        vers = Agendapunt.objects.select_for_update().get(pk=agendapunt.pk)
        return bijlage_aan_ouder_toevoegen(
            ouder=vers,
            bijlage_model=AgendapuntBijlage,
            bestand=bestand,
            titel=titel,
            vertrouwelijkheid=vertrouwelijkheid,
            mimetype=mimetype,
            door=door,
        )


def agendapunt_bijlage_verwijderen(*, bijlage: AgendapuntBijlage, door=None) -> None:
    with transaction.atomic():
        vers = Agendapunt.objects.select_for_update().get(pk=bijlage.agendapunt_id)
        bijlage_van_ouder_verwijderen(ouder=vers, bijlage=bijlage, door=door)


# --- One save per form -------------------------------------------------------------------


def vergadering_opslaan(*, vergadering: Vergadering | None, versie: int = 0, velden: dict, door=None) -> Vergadering:
    """The griffie's "save this meeting": a new one as concept, an existing one against `versie`."""
    if vergadering is None or vergadering.pk is None:
        return vergadering_aanmaken(velden=velden, door=door)
    return vergadering_bijwerken(vergadering=vergadering, versie=versie, velden=velden, door=door)


@transaction.atomic
def agendapunt_opslaan(
    *,
    agendapunt: Agendapunt | None,
    vergadering: Vergadering,
    versie: int = 0,
    velden: dict,
    memos: Iterable | None = None,
    onderwerpen: Iterable | None = None,
    bijlage: NieuweBijlage | None = None,
    door=None,
) -> Agendapunt:
    """The griffie's "save this agendapunt", all or nothing: a new one at the end of `vergadering`'s agenda,
    an existing one against `versie`; then the optional new bijlage."""
    if agendapunt is None or agendapunt.pk is None:
        agendapunt = agendapunt_toevoegen(
            vergadering=vergadering, velden=velden, memos=memos, onderwerpen=onderwerpen, door=door
        )
    else:
        agendapunt_bijwerken(
            agendapunt=agendapunt, versie=versie, velden=velden, memos=memos, onderwerpen=onderwerpen, door=door
        )
    if bijlage is not None:
        agendapunt_bijlage_toevoegen(agendapunt=agendapunt, **bijlage.velden(), door=door)
    return agendapunt
