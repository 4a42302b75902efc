"""Every write of raadsvoorstellen. Keyword-only, typed, transactional; history records who did it."""

from collections.abc import Iterable, Sequence

from django.db import transaction

from apps.core.bijlagen import NieuweBijlage, bijlage_aan_ouder_toevoegen, bijlage_van_ouder_verwijderen
from apps.core.models import Onderwerp, Zaak
from apps.core.search import zoekindex_bijwerken, zoekindex_verwijderen
from apps.core.services import (
    RegelFout,
    geschiedenis_gebruiker,
    teksten_vervangen,
    velden_zetten,
    versie_opslaan,
    zaak_voor_nummer,
)

from .models import Raadsvoorstel, RaadsvoorstelBijlage

BEWERKBAAR = {Raadsvoorstel.Status.CONCEPT, Raadsvoorstel.Status.AANGEBODEN, Raadsvoorstel.Status.GEAGENDEERD}
VELDEN = [
    "titel",
    "college_besluitdatum",
    "datum_raadsvergadering",
    "portefeuillehouder",
    *Raadsvoorstel.SECTIES,
    "directeur_secretaris",
    "burgemeester",
    "vertrouwelijkheid",
]


def _beslispunten_vervangen(raadsvoorstel: Raadsvoorstel, teksten: Sequence[str]) -> bool:
    return teksten_vervangen(raadsvoorstel.beslispunten, teksten)


def raadsvoorstel_aanmaken(
    *,
    zaak: Zaak,
    velden: dict,
    beslispunten: Sequence[str] = (),
    onderwerpen: Iterable[Onderwerp] | None = None,
    door=None,
) -> Raadsvoorstel:
    """Create a raadsvoorstel (status concept) for a zaak that has none yet."""
    with transaction.atomic():
        zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
        if Raadsvoorstel.objects.filter(zaak=zaak).exists():
            raise RegelFout(f"Bij zaak {zaak.zaaknummer} hoort al een raadsvoorstel.", veld="zaaknummer")
        raadsvoorstel = Raadsvoorstel(zaak=zaak, status=Raadsvoorstel.Status.CONCEPT)
        velden_zetten(raadsvoorstel, velden, toegestaan=VELDEN)
        versie_opslaan(raadsvoorstel, versie=None, door=door)
        _beslispunten_vervangen(raadsvoorstel, beslispunten)
        if onderwerpen is not None:
            zaak.onderwerpen.set(onderwerpen)
        zoekindex_bijwerken(raadsvoorstel)
    return raadsvoorstel


def raadsvoorstel_bijwerken(
    *,
    raadsvoorstel: Raadsvoorstel,
    versie: int,
    velden: dict,
    beslispunten: Sequence[str] | None = None,
    onderwerpen: Iterable[Onderwerp] | None = None,
    door=None,
) -> Raadsvoorstel:
    """Save changes; refused when someone else saved in between (VersieConflict) or the status forbids it."""
    with transaction.atomic():
        status = Raadsvoorstel.objects.filter(pk=raadsvoorstel.pk).values_list("status", flat=True).first()
        if status not in BEWERKBAAR:
            raise RegelFout("Een besloten of ingetrokken raadsvoorstel kan niet meer worden gewijzigd.")
        velden_zetten(raadsvoorstel, velden, toegestaan=VELDEN)
        raadsvoorstel.status = status
        reden = None
        # First the compare-and-swap, so a stale form changes nothing at all.
        versie_opslaan(raadsvoorstel, versie=versie, door=door)
        if beslispunten is not None and _beslispunten_vervangen(raadsvoorstel, beslispunten):
            reden = "Beslispunten gewijzigd"
        if onderwerpen is not None:
            zaak = raadsvoorstel.zaak
            if set(zaak.onderwerpen.values_list("pk", flat=True)) != {o.pk for o in onderwerpen}:
                zaak.onderwerpen.set(onderwerpen)
                reden = (reden + "; onderwerpen gewijzigd") if reden else "Onderwerpen gewijzigd"
        if reden:
            # A history record that says what changed besides the fields (no field delta of its own).
            versie_opslaan(raadsvoorstel, versie=raadsvoorstel.version, door=door, reden=reden)
        zoekindex_bijwerken(raadsvoorstel)
    return raadsvoorstel


def _status_wijzigen(raadsvoorstel: Raadsvoorstel, *, van: set, naar: str, melding: str, door, reden: str):
    with transaction.atomic():
        vers = Raadsvoorstel.objects.select_for_update().get(pk=raadsvoorstel.pk)
        if vers.status not in van:
            raise RegelFout(melding)
        vers.status = naar
        versie_opslaan(vers, versie=vers.version, door=door, reden=reden)
        zoekindex_bijwerken(vers)
    raadsvoorstel.status, raadsvoorstel.version = vers.status, vers.version
    return vers


def raadsvoorstel_indienen(*, raadsvoorstel: Raadsvoorstel, door=None) -> Raadsvoorstel:
    """Concept -> aangeboden. Needs an onderwerp and at least one beslispunt."""
    if not raadsvoorstel.titel.strip():
        raise RegelFout("Vul eerst het onderwerp van het raadsvoorstel in.")
    if not raadsvoorstel.beslispunten.exists():
        raise RegelFout("Een raadsvoorstel heeft minstens één beslispunt nodig voordat het kan worden aangeboden.")
    return _status_wijzigen(
        raadsvoorstel,
        van={Raadsvoorstel.Status.CONCEPT},
        naar=Raadsvoorstel.Status.AANGEBODEN,
        melding="Alleen een concept kan worden aangeboden.",
        door=door,
        reden="Aangeboden",
    )


def raadsvoorstel_intrekken(*, raadsvoorstel: Raadsvoorstel, door=None) -> Raadsvoorstel:
    return _status_wijzigen(
        raadsvoorstel,
        van={Raadsvoorstel.Status.CONCEPT, Raadsvoorstel.Status.AANGEBODEN, Raadsvoorstel.Status.GEAGENDEERD},
        naar=Raadsvoorstel.Status.INGETROKKEN,
        melding="Een raadsvoorstel waarover al besloten is, kan niet meer worden ingetrokken.",
        door=door,
        reden="Ingetrokken",
    )


def raadsvoorstel_agenderen(*, raadsvoorstel: Raadsvoorstel, door=None) -> Raadsvoorstel:
    """Called by the agenda when the voorstel is put on a meeting's agenda."""
    status = Raadsvoorstel.objects.filter(pk=raadsvoorstel.pk).values_list("status", flat=True).first()
    if status == Raadsvoorstel.Status.INGETROKKEN:
        raise RegelFout("Een ingetrokken raadsvoorstel kan niet worden geagendeerd.", veld="raadsvoorstel")
    if status == Raadsvoorstel.Status.CONCEPT:
        raise RegelFout(
            "Een raadsvoorstel moet eerst worden aangeboden voordat het kan worden geagendeerd.", veld="raadsvoorstel"
        )
    if status == Raadsvoorstel.Status.GEAGENDEERD or status == Raadsvoorstel.Status.BESLOTEN:
        return raadsvoorstel
    return _status_wijzigen(
        raadsvoorstel,
        van={Raadsvoorstel.Status.AANGEBODEN},
        naar=Raadsvoorstel.Status.GEAGENDEERD,
        melding="Dit raadsvoorstel kan niet worden geagendeerd.",
        door=door,
        reden="Geagendeerd",
    )


def raadsvoorstel_besluit_genomen(*, raadsvoorstel: Raadsvoorstel, door=None) -> Raadsvoorstel:
    """Called by besluiten when the besluit is vastgesteld."""
    return _status_wijzigen(
        raadsvoorstel,
        van={Raadsvoorstel.Status.GEAGENDEERD, Raadsvoorstel.Status.BESLOTEN},
        naar=Raadsvoorstel.Status.BESLOTEN,
        melding="Een raadsvoorstel krijgt pas een besluit als het op de agenda van een vergadering staat.",
        door=door,
        reden="Besloten",
    )


def raadsvoorstel_verwijderen(*, raadsvoorstel: Raadsvoorstel, door=None) -> None:
    """Only a concept without besluiten or agendapunten can be deleted."""
    with transaction.atomic():
        vers = Raadsvoorstel.objects.select_for_update().get(pk=raadsvoorstel.pk)
        if vers.status != Raadsvoorstel.Status.CONCEPT:
            raise RegelFout("Alleen een concept-raadsvoorstel kan worden verwijderd; trek het voorstel anders in.")
        if vers.agendapunten.exists() or vers.besluiten.exists():
            raise RegelFout("Dit raadsvoorstel staat op een agenda of heeft een besluit en kan niet worden verwijderd.")
        zoekindex_verwijderen(vers)
        geschiedenis_gebruiker(vers, door)
        for bijlage in vers.bijlagen.all():
            bijlage.bestand.delete(save=False)
        vers.delete()


def raadsvoorstel_bijlage_toevoegen(
    *,
    raadsvoorstel: Raadsvoorstel,
    bestand,
    titel: str = "",
    vertrouwelijkheid: str = "openbaar",
    mimetype: str | None = None,
    door=None,
) -> RaadsvoorstelBijlage:
    with transaction.atomic():
        vers = Raadsvoorstel.objects.select_for_update().get(pk=raadsvoorstel.pk)
        if vers.status not in BEWERKBAAR:
            raise RegelFout(
                "Bij een besloten of ingetrokken raadsvoorstel kunnen geen bijlagen meer worden toegevoegd."
            )
        return bijlage_aan_ouder_toevoegen(
            ouder=vers,
            bijlage_model=RaadsvoorstelBijlage,
            bestand=bestand,
            titel=titel,
            vertrouwelijkheid=vertrouwelijkheid,
            mimetype=mimetype,
            door=door,
        )


def raadsvoorstel_bijlage_verwijderen(*, bijlage: RaadsvoorstelBijlage, door=None) -> None:
    with transaction.atomic():
        vers = Raadsvoorstel.objects.select_for_update().get(pk=bijlage.raadsvoorstel_id)
        if vers.status not in BEWERKBAAR:
            raise RegelFout("Bij een besloten of ingetrokken raadsvoorstel kunnen geen bijlagen worden verwijderd.")
        bijlage_van_ouder_verwijderen(ouder=vers, bijlage=bijlage, door=door)


@transaction.atomic
def raadsvoorstel_opslaan(
    *,
    raadsvoorstel: Raadsvoorstel | None,
    zaaknummer: str | None = None,
    versie: int = 0,
    velden: dict,
    beslispunten: Sequence[str] = (),
    onderwerpen: Iterable[Onderwerp] | None = None,
    bijlage: NieuweBijlage | None = None,
    door=None,
) -> Raadsvoorstel:
    """The griffie's "save this voorstel", all or nothing.

    A new voorstel (raadsvoorstel None or unsaved) gets the zaak with `zaaknummer`, created when it does not
    exist yet, or a new zaak with the next free number; an existing one is saved against `versie` (the version
    the form was opened with; VersieConflict when someone saved in between). Then the optional new bijlage.
    """
    if raadsvoorstel is None or raadsvoorstel.pk is None:
        zaak = zaak_voor_nummer(zaaknummer=zaaknummer or None, titel=velden["titel"])
        raadsvoorstel = raadsvoorstel_aanmaken(
            zaak=zaak, velden=velden, beslispunten=beslispunten, onderwerpen=onderwerpen, door=door
        )
    else:
        raadsvoorstel_bijwerken(
            raadsvoorstel=raadsvoorstel,
            versie=versie,
            velden=velden,
            beslispunten=beslispunten,
            onderwerpen=onderwerpen,
            door=door,
        )
    if bijlage is not None:
        raadsvoorstel_bijlage_toevoegen(raadsvoorstel=raadsvoorstel, **bijlage.velden(), door=door)
    return raadsvoorstel
