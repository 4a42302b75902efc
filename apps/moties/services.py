"""Every write of moties, amendementen, the presence list, stemmingen and besluitenlijsten.

Keyword-only, typed, atomic. What is published never changes: the services refuse, the forms and the admin
are read-only, and on PostgreSQL triggers refuse it (migration 0002); a correction is a rectificatie. The
database also refuses impossible votes on both databases (see that migration); the services check the same
rules first so the clerk gets a Dutch message next to the field.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.core.models import Fractie, Persoon, Rol
from apps.core.search import zoekindex_bijwerken, zoekindex_verwijderen
from apps.core.services import RegelFout, velden_zetten, versie_opslaan
from apps.raadsvoorstellen.models import Beslispunt, Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, Vergadering

from .models import (
    Aanwezigheid,
    Amendement,
    Besluitenlijst,
    Indiener,
    Indieningsstatus,
    Motie,
    Nummerreeks,
    Stem,
    Stemming,
)

MOTIE_VELDEN = ["titel", "motietype", "raadsvoorstel", "constaterende", "overwegende", "verzoek", "vertrouwelijkheid"]
AMENDEMENT_VELDEN = ["titel", "hoofdamendement", "toelichting", "nieuwe_tekst", "vertrouwelijkheid"]
LID_SOORTEN = (Rol.Soort.RAADSLID,)
GEPUBLICEERD_MELDING = (
    "Deze stemming is gepubliceerd en kan niet meer worden gewijzigd. "
    "Maak een rectificatie (een nieuwe versie) als er iets moet worden verbeterd."
)
BESLUITENLIJST_MELDING = (
    "De besluitenlijst van deze vergadering is gepubliceerd; maak een rectificatie als er iets moet worden verbeterd."
)


# --- Members at a date -----------------------------------------------------------------------------------


def leden_op_datum(*, vergadering: Vergadering) -> list[Rol]:
    """The memberships of the meeting's gremium that cover its date (raadsleden), with person and fractie."""
    return list(
        Rol.objects.op_datum(vergadering.datum)
        .filter(gremium_id=vergadering.gremium_id, soort__in=LID_SOORTEN)
        .select_related("persoon", "fractie")
        .order_by("fractie__naam", "persoon__naam", "pk")
    )


def _fractie_op_datum(persoon: Persoon, datum: datetime.date, gremium_id) -> tuple[Rol | None, Fractie | None]:
    rol = (
        Rol.objects.op_datum(datum)
        .filter(persoon=persoon, soort__in=LID_SOORTEN, gremium_id=gremium_id)
        .select_related("fractie")
        .order_by("-begindatum")
        .first()
    )
    return rol, (rol.fractie if rol else None)


# --- Numbering -------------------------------------------------------------------------------------------


def _volgend_nummer(*, soort: str, jaar: int, model) -> tuple[int, str]:
    """The next number of `soort` in `jaar`: the counter row is locked (SELECT ... FOR UPDATE); the unique
    constraints on (jaar, volgnummer) and nummer are the last line of defence."""
    formaat = settings.MOTIE_NUMMER_FORMAAT if soort == "motie" else settings.AMENDEMENT_NUMMER_FORMAAT
    reeks, _ = Nummerreeks.objects.get_or_create(soort=soort, jaar=jaar)
    reeks = Nummerreeks.objects.select_for_update().get(pk=reeks.pk)
    hoogste = model.objects.filter(jaar=jaar).aggregate(m=Max("volgnummer"))["m"] or 0
    volgnummer = max(reeks.laatste, hoogste) + 1
    reeks.laatste = volgnummer
    reeks.save(update_fields=["laatste"])
    return volgnummer, formaat.format(jaar=jaar, nummer=volgnummer)


# --- Indieners -------------------------------------------------------------------------------------------


def _indieners_vervangen(stuk, *, indieners: Sequence[Persoon], mede_indieners: Sequence[Persoon]) -> None:
    indieners, mede_indieners = list(indieners), [p for p in mede_indieners if p not in indieners]
    if not indieners:
        raise RegelFout("Kies minstens één indiener.", veld="indieners")
    vergadering = stuk.vergadering
    rijen = []
    for volgorde, (persoon, soort) in enumerate(
        [(p, Indiener.Soort.INDIENER) for p in indieners] + [(p, Indiener.Soort.MEDE_INDIENER) for p in mede_indieners],
        1,
    ):
        rol, fractie = _fractie_op_datum(persoon, vergadering.datum, vergadering.gremium_id)
        if rol is None:
            veld = "indieners" if soort == Indiener.Soort.INDIENER else "mede_indieners"
            raise RegelFout(
                f"{persoon.naam} was op {vergadering.datum:%d-%m-%Y} geen lid van de {vergadering.gremium.naam} "
                "en kan niet indienen.",
                veld=veld,
            )
        stuk_veld = {"motie": stuk} if isinstance(stuk, Motie) else {"amendement": stuk}
        rijen.append(Indiener(**stuk_veld, persoon=persoon, fractie=fractie, soort=soort, volgorde=volgorde))
    stuk.indieners.all().delete()
    Indiener.objects.bulk_create(rijen)


def _agendapunt_controleren(vergadering: Vergadering, agendapunt: Agendapunt | None) -> None:
    if agendapunt is not None and agendapunt.vergadering_id != vergadering.pk:
        raise RegelFout("Dit agendapunt hoort niet bij deze vergadering.", veld="agendapunt")
    if vergadering.status == Vergadering.Status.GEANNULEERD:
        raise RegelFout("Deze vergadering is geannuleerd; er kan niets meer worden ingediend.")


def _niet_gestemd(stuk) -> None:
    if stuk.pk and stuk.stemmingen.filter(status=Stemming.Status.GEPUBLICEERD).exists():
        raise RegelFout(
            "Over dit stuk is een gepubliceerde stemming; de tekst en de indieners staan vast. "
            "Maak een rectificatie van de stemming als er iets moet worden verbeterd."
        )


# --- Motie -----------------------------------------------------------------------------------------------


def motie_indienen(
    *,
    vergadering: Vergadering,
    agendapunt: Agendapunt | None = None,
    velden: Mapping,
    indieners: Sequence[Persoon],
    mede_indieners: Sequence[Persoon] = (),
    status: str = Indieningsstatus.INGEDIEND,
    door=None,
) -> Motie:
    """Register a motie submitted at a meeting (during the meeting: status ingediend; beforehand: concept)."""
    if status not in (Indieningsstatus.CONCEPT, Indieningsstatus.INGEDIEND):
        raise ValueError(status)
    with transaction.atomic():
        vergadering = Vergadering.objects.select_related("gremium").get(pk=vergadering.pk)
        _agendapunt_controleren(vergadering, agendapunt)
        motie = Motie(vergadering=vergadering, agendapunt=agendapunt, status=status, ingediend_op=vergadering.datum)
        velden_zetten(motie, dict(velden), toegestaan=MOTIE_VELDEN)
        if motie.motietype == Motie.Motietype.VREEMD and motie.raadsvoorstel_id:
            raise RegelFout(
                "Een motie vreemd aan de orde van de dag gaat niet over een voorstel op de agenda.",
                veld="raadsvoorstel",
            )
        motie.jaar = vergadering.datum.year
        motie.volgnummer, motie.nummer = _volgend_nummer(soort="motie", jaar=motie.jaar, model=Motie)
        versie_opslaan(motie, versie=None, door=door)
        _indieners_vervangen(motie, indieners=indieners, mede_indieners=mede_indieners)
        zoekindex_bijwerken(motie)
    return motie


def motie_bijwerken(
    *,
    motie: Motie,
    versie: int,
    velden: Mapping,
    indieners: Sequence[Persoon],
    mede_indieners: Sequence[Persoon] = (),
    door=None,
) -> Motie:
    with transaction.atomic():
        _niet_gestemd(motie)
        velden_zetten(motie, dict(velden), toegestaan=MOTIE_VELDEN)
        if motie.motietype == Motie.Motietype.VREEMD and motie.raadsvoorstel_id:
            raise RegelFout(
                "Een motie vreemd aan de orde van de dag gaat niet over een voorstel op de agenda.",
                veld="raadsvoorstel",
            )
        versie_opslaan(motie, versie=versie, door=door)
        _indieners_vervangen(motie, indieners=indieners, mede_indieners=mede_indieners)
        zoekindex_bijwerken(motie)
    return motie


HANDMATIGE_STATUS: dict[str, set[str]] = {
    Indieningsstatus.INGEDIEND: {Indieningsstatus.CONCEPT, Indieningsstatus.AANGEHOUDEN},
    Indieningsstatus.INGETROKKEN: {Indieningsstatus.CONCEPT, Indieningsstatus.INGEDIEND, Indieningsstatus.AANGEHOUDEN},
    Indieningsstatus.AANGEHOUDEN: {Indieningsstatus.INGEDIEND},
}


def stuk_status_zetten(*, stuk: Motie | Amendement, status: str, door=None) -> Motie | Amendement:
    """Indienen, intrekken or aanhouden. Aangenomen and verworpen follow from a published stemming only."""
    if status not in HANDMATIGE_STATUS:
        raise RegelFout("Aangenomen of verworpen volgt uit de stemming; leg de stemming vast.")
    with transaction.atomic():
        vers = type(stuk).objects.select_for_update().get(pk=stuk.pk)
        if vers.status not in HANDMATIGE_STATUS[status]:
            raise RegelFout(
                f"Een {vers._meta.verbose_name} met status “{vers.get_status_display()}” kan niet "
                f"“{Indieningsstatus(status).label}” worden."
            )
        if vers.stemmingen.exists():
            raise RegelFout(
                "Over dit stuk is al een stemming vastgelegd; verwijder die eerst (als het een concept is)."
            )
        vers.status = status
        versie_opslaan(vers, versie=None, door=door, reden=f"Status: {status}")
        zoekindex_bijwerken(vers)
    return vers


# --- Amendement ------------------------------------------------------------------------------------------


def _beslispunten_controleren(voorstel: Raadsvoorstel, beslispunten: Iterable[Beslispunt]) -> list[Beslispunt]:
    punten = list(beslispunten)
    if any(p.raadsvoorstel_id != voorstel.pk for p in punten):
        raise RegelFout("Kies alleen beslispunten van dit raadsvoorstel.", veld="beslispunten")
    return punten


def _hoofdamendement_controleren(amendement: Amendement) -> None:
    hoofd = amendement.hoofdamendement
    if hoofd is None:
        return
    if hoofd.raadsvoorstel_id != amendement.raadsvoorstel_id:
        raise RegelFout("Een sub-amendement hoort bij een amendement op hetzelfde voorstel.", veld="hoofdamendement")
    if hoofd.hoofdamendement_id:
        raise RegelFout(
            "Een sub-amendement kan niet op een ander sub-amendement worden ingediend.", veld="hoofdamendement"
        )


def amendement_indienen(
    *,
    vergadering: Vergadering,
    raadsvoorstel: Raadsvoorstel,
    agendapunt: Agendapunt | None = None,
    velden: Mapping,
    beslispunten: Iterable[Beslispunt] = (),
    indieners: Sequence[Persoon],
    mede_indieners: Sequence[Persoon] = (),
    status: str = Indieningsstatus.INGEDIEND,
    door=None,
) -> Amendement:
    with transaction.atomic():
        vergadering = Vergadering.objects.select_related("gremium").get(pk=vergadering.pk)
        _agendapunt_controleren(vergadering, agendapunt)
        if agendapunt is not None and agendapunt.raadsvoorstel_id not in (None, raadsvoorstel.pk):
            raise RegelFout("Op dit agendapunt staat een ander raadsvoorstel.", veld="agendapunt")
        punten = _beslispunten_controleren(raadsvoorstel, beslispunten)
        amendement = Amendement(
            vergadering=vergadering,
            agendapunt=agendapunt,
            raadsvoorstel=raadsvoorstel,
            status=status,
            ingediend_op=vergadering.datum,
        )
        velden_zetten(amendement, dict(velden), toegestaan=AMENDEMENT_VELDEN)
        _hoofdamendement_controleren(amendement)
        amendement.jaar = vergadering.datum.year
        amendement.volgnummer, amendement.nummer = _volgend_nummer(
            soort="amendement", jaar=amendement.jaar, model=Amendement
        )
        versie_opslaan(amendement, versie=None, door=door)
        amendement.beslispunten.set(punten)
        _indieners_vervangen(amendement, indieners=indieners, mede_indieners=mede_indieners)
        zoekindex_bijwerken(amendement)
    return amendement


def amendement_bijwerken(
    *,
    amendement: Amendement,
    versie: int,
    velden: Mapping,
    beslispunten: Iterable[Beslispunt],
    indieners: Sequence[Persoon],
    mede_indieners: Sequence[Persoon] = (),
    door=None,
) -> Amendement:
    with transaction.atomic():
        _niet_gestemd(amendement)
        velden_zetten(amendement, dict(velden), toegestaan=AMENDEMENT_VELDEN)
        _hoofdamendement_controleren(amendement)
        punten = _beslispunten_controleren(amendement.raadsvoorstel, beslispunten)
        versie_opslaan(amendement, versie=versie, door=door)
        amendement.beslispunten.set(punten)
        _indieners_vervangen(amendement, indieners=indieners, mede_indieners=mede_indieners)
        zoekindex_bijwerken(amendement)
    return amendement


# --- Presence list ---------------------------------------------------------------------------------------


def _geen_gepubliceerde_stemming(vergadering: Vergadering) -> None:
    if Stemming.objects.filter(vergadering=vergadering, status=Stemming.Status.GEPUBLICEERD).exists():
        raise RegelFout(
            "Er zijn al gepubliceerde stemmingen in deze vergadering; de presentielijst staat daarmee vast."
        )


def aanwezigheid_vastleggen(*, vergadering: Vergadering, aanwezig: Iterable[int], door=None) -> list[Aanwezigheid]:
    """The presence list: every member at the meeting's date, present when their person id is in `aanwezig`.

    A person who is not a member at that date is refused; a member who already voted cannot become absent.
    """
    aanwezig = {int(p) for p in aanwezig}
    with transaction.atomic():
        vergadering = Vergadering.objects.select_for_update().select_related("gremium").get(pk=vergadering.pk)
        _geen_gepubliceerde_stemming(vergadering)
        leden = leden_op_datum(vergadering=vergadering)
        per_persoon = {rol.persoon_id: rol for rol in leden}
        onbekend = aanwezig - set(per_persoon)
        if onbekend:
            namen = ", ".join(Persoon.objects.filter(pk__in=onbekend).order_by("naam").values_list("naam", flat=True))
            raise RegelFout(
                f"Geen lid van de {vergadering.gremium.naam} op {vergadering.datum:%d-%m-%Y}: {namen or 'onbekend'}.",
                veld="aanwezig",
            )
        bestaand = {a.persoon_id: a for a in Aanwezigheid.objects.filter(vergadering=vergadering)}
        gestemd = set(
            Stem.objects.filter(stemming__vergadering=vergadering).values_list("persoon_id", flat=True).distinct()
        )
        nu_afwezig = [pid for pid, a in bestaand.items() if a.aanwezig and pid not in aanwezig and pid in gestemd]
        if nu_afwezig:
            namen = ", ".join(Persoon.objects.filter(pk__in=nu_afwezig).order_by("naam").values_list("naam", flat=True))
            raise RegelFout(
                f"Al gestemd en daarom niet afwezig te melden: {namen}. Verwijder eerst hun stemmen.", veld="aanwezig"
            )
        weg = [a.pk for pid, a in bestaand.items() if pid not in per_persoon]
        if weg:
            Aanwezigheid.objects.filter(pk__in=weg).delete()
        rijen = []
        for persoon_id, rol in per_persoon.items():
            rij = bestaand.get(persoon_id)
            if rij is None:
                rijen.append(
                    Aanwezigheid.objects.create(
                        vergadering=vergadering,
                        persoon_id=persoon_id,
                        rol=rol,
                        fractie_id=rol.fractie_id,
                        aanwezig=persoon_id in aanwezig,
                    )
                )
            else:
                if rij.aanwezig != (persoon_id in aanwezig) or rij.rol_id != rol.pk or rij.fractie_id != rol.fractie_id:
                    rij.aanwezig, rij.rol, rij.fractie_id = persoon_id in aanwezig, rol, rol.fractie_id
                    rij.save(update_fields=["aanwezig", "rol", "fractie"])
                rijen.append(rij)
    return rijen


# --- Stemming --------------------------------------------------------------------------------------------


def uitslag_berekenen(*, soort: str, keuzes: Iterable[str]) -> str:
    """The outcome from the votes: more voor than tegen is aangenomen; equal is 'stemmen staken'."""
    if soort == Stemming.Soort.HAMERSLAG:
        return Stemming.Uitslag.AANGENOMEN
    keuzes = list(keuzes)
    voor, tegen = keuzes.count(Stem.Keuze.VOOR), keuzes.count(Stem.Keuze.TEGEN)
    if voor > tegen:
        return Stemming.Uitslag.AANGENOMEN
    if tegen > voor:
        return Stemming.Uitslag.VERWORPEN
    return Stemming.Uitslag.STAKEN


def _stuk_van(*, raadsvoorstel=None, motie=None, amendement=None):
    gekozen = [s for s in (raadsvoorstel, motie, amendement) if s is not None]
    if len(gekozen) != 1:
        raise RegelFout("Een stemming gaat over precies één voorstel, motie of amendement.", veld="stuk")
    return gekozen[0]


def _volgorde_controleren(stemming: Stemming) -> None:
    """Amendementen are voted on before the voorstel they change, sub-amendementen before their amendement."""
    andere = Stemming.objects.filter(vergadering_id=stemming.vergadering_id).exclude(pk=stemming.pk).geldend()
    amendement = stemming.amendement if stemming.amendement_id else None
    if amendement is not None:
        if andere.filter(raadsvoorstel_id=amendement.raadsvoorstel_id, volgorde__lt=stemming.volgorde).exists():
            raise RegelFout(
                "Over het voorstel is al gestemd; een amendement komt in stemming vóór het voorstel dat het wijzigt.",
                veld="stuk",
            )
        if (
            amendement.hoofdamendement_id
            and andere.filter(amendement_id=amendement.hoofdamendement_id, volgorde__lt=stemming.volgorde).exists()
        ):
            raise RegelFout(
                "Over het amendement is al gestemd; een sub-amendement komt vóór het amendement in stemming.",
                veld="stuk",
            )
    if (
        stemming.raadsvoorstel_id
        and andere.filter(
            amendement__raadsvoorstel_id=stemming.raadsvoorstel_id, volgorde__gt=stemming.volgorde
        ).exists()
    ):
        raise RegelFout("Er staat een amendement op dit voorstel later in de volgorde.", veld="stuk")


def _stemmen_controleren(stemming: Stemming, stemmen: Mapping[int, str]) -> list[Stem]:
    if stemming.soort == Stemming.Soort.HAMERSLAG:
        if stemmen:
            raise RegelFout("Een hamerstuk wordt zonder stemming aangenomen: er horen geen stemmen bij.", veld="soort")
        return []
    aanwezigen = {
        a.persoon_id: a for a in Aanwezigheid.objects.filter(vergadering_id=stemming.vergadering_id, aanwezig=True)
    }
    if not aanwezigen:
        raise RegelFout("Leg eerst de presentielijst van deze vergadering vast.", veld="stemmen")
    onbekend = [pid for pid in stemmen if pid not in aanwezigen]
    if onbekend:
        namen = ", ".join(Persoon.objects.filter(pk__in=onbekend).order_by("naam").values_list("naam", flat=True))
        raise RegelFout(
            f"Alleen aanwezige leden kunnen stemmen; niet aanwezig of geen lid: {namen or 'onbekend'}.", veld="stemmen"
        )
    ongeldig = sorted({k for k in stemmen.values() if k not in Stem.Keuze.values})
    if ongeldig:
        raise RegelFout(f"Ongeldige keuze: {', '.join(ongeldig)}.", veld="stemmen")
    ontbreekt = [a.persoon for pid, a in aanwezigen.items() if pid not in stemmen]
    if ontbreekt:
        namen = ", ".join(sorted(p.naam for p in Persoon.objects.filter(pk__in=[p.pk for p in ontbreekt])))
        raise RegelFout(
            f"Kies voor, tegen of niet deelgenomen voor elk aanwezig lid; ontbreekt: {namen}.", veld="stemmen"
        )
    return [
        Stem(stemming=stemming, aanwezigheid=a, persoon_id=pid, fractie_id=a.fractie_id, keuze=stemmen[pid])
        for pid, a in aanwezigen.items()
    ]


def stemming_vastleggen(
    *,
    vergadering: Vergadering,
    soort: str,
    stemmen: Mapping[int, str] | None = None,
    raadsvoorstel: Raadsvoorstel | None = None,
    motie: Motie | None = None,
    amendement: Amendement | None = None,
    agendapunt: Agendapunt | None = None,
    stemming: Stemming | None = None,
    door=None,
) -> Stemming:
    """Record (or re-record, while concept) one stemming: the subject, the kind and every present member's vote.

    `stemmen` maps person id -> keuze (voor, tegen, afwezig = did not take part) for every present member; a
    hamerslag has none. The stemming stays concept until `stemming_publiceren`.
    """
    stemmen = {int(k): v for k, v in (stemmen or {}).items()}
    if soort not in Stemming.Soort.values:
        raise RegelFout("Kies hamerslag, regulier of hoofdelijk.", veld="soort")
    with transaction.atomic():
        vergadering = Vergadering.objects.select_for_update().select_related("gremium").get(pk=vergadering.pk)
        stuk = _stuk_van(raadsvoorstel=raadsvoorstel, motie=motie, amendement=amendement)
        if isinstance(stuk, Motie | Amendement):
            if stuk.vergadering_id != vergadering.pk:
                raise RegelFout("Dit stuk is in een andere vergadering ingediend.", veld="stuk")
            if stuk.status in (Indieningsstatus.CONCEPT, Indieningsstatus.INGETROKKEN, Indieningsstatus.AANGEHOUDEN):
                raise RegelFout(
                    f"Over een {stuk._meta.verbose_name} met status “{stuk.get_status_display()}” wordt niet gestemd.",
                    veld="stuk",
                )
            agendapunt = agendapunt or stuk.agendapunt
            if agendapunt is None and isinstance(stuk, Amendement):
                agendapunt = vergadering.agendapunten.filter(raadsvoorstel_id=stuk.raadsvoorstel_id).first()
        if agendapunt is not None and agendapunt.vergadering_id != vergadering.pk:
            raise RegelFout("Dit agendapunt hoort niet bij deze vergadering.", veld="agendapunt")
        if stemming is None:
            bestaand = Stemming.objects.filter(
                vergadering=vergadering, raadsvoorstel=raadsvoorstel, motie=motie, amendement=amendement
            ).exists()
            if bestaand:
                raise RegelFout("Over dit stuk is in deze vergadering al een stemming vastgelegd.", veld="stuk")
            volgorde = (Stemming.objects.filter(vergadering=vergadering).aggregate(m=Max("volgorde"))["m"] or 0) + 1
            stemming = Stemming(vergadering=vergadering, volgorde=volgorde)
        else:
            stemming = Stemming.objects.select_for_update().get(pk=stemming.pk)
            if stemming.is_gepubliceerd:
                raise RegelFout(GEPUBLICEERD_MELDING)
        stemming.raadsvoorstel, stemming.motie, stemming.amendement = raadsvoorstel, motie, amendement
        stemming.agendapunt, stemming.soort = agendapunt, soort
        _volgorde_controleren(stemming)
        stemming.full_clean(exclude=["uuid"], validate_unique=False)
        stemming.save()
        nieuw = _stemmen_controleren(stemming, stemmen)
        stemming.stemmen.all().delete()
        Stem.objects.bulk_create(nieuw)
    return stemming


def _stukstatus_na_stemming(stemming: Stemming) -> None:
    stuk = stemming.motie or stemming.amendement
    if stuk is None:
        return
    stuk.status = (
        Indieningsstatus.AANGENOMEN if stemming.uitslag == Stemming.Uitslag.AANGENOMEN else Indieningsstatus.VERWORPEN
    )
    versie_opslaan(stuk, versie=None, reden=f"Stemming: {stemming.get_uitslag_display()}")
    zoekindex_bijwerken(stuk)


def stemming_publiceren(*, stemming: Stemming, door=None) -> Stemming:
    """Concept -> gepubliceerd: the outcome is derived from the votes and the motie/amendement gets its status.

    After this nothing may change the stemming or its votes (see the module docstring).
    """
    with transaction.atomic():
        vers = (
            Stemming.objects.select_for_update(of=("self",)).select_related("motie", "amendement").get(pk=stemming.pk)
        )
        if vers.is_gepubliceerd:
            raise RegelFout("Deze stemming is al gepubliceerd.")
        keuzes = list(vers.stemmen.values_list("keuze", flat=True))
        if vers.soort != Stemming.Soort.HAMERSLAG and not keuzes:
            raise RegelFout("Deze stemming heeft nog geen stemmen.")
        vers.uitslag = uitslag_berekenen(soort=vers.soort, keuzes=keuzes)
        vers.status = Stemming.Status.GEPUBLICEERD
        vers.gepubliceerd_op = timezone.now()
        vers.save()
        _stukstatus_na_stemming(vers)
    return vers


def stemming_verwijderen(*, stemming: Stemming, door=None) -> None:
    with transaction.atomic():
        vers = Stemming.objects.select_for_update().get(pk=stemming.pk)
        if vers.is_gepubliceerd:
            raise RegelFout(GEPUBLICEERD_MELDING)
        vers.delete()


def stemming_rectificeren(*, stemming: Stemming, reden: str, door=None) -> Stemming:
    """A correction of a published stemming: a new concept version with the same votes, to be corrected and
    published; then it supersedes the old one (which stays, unchanged)."""
    reden = (reden or "").strip()
    if not reden:
        raise RegelFout("Geef de reden van de rectificatie op.", veld="reden")
    with transaction.atomic():
        oud = Stemming.objects.select_for_update().get(pk=stemming.pk)
        if not oud.is_gepubliceerd:
            raise RegelFout("Alleen een gepubliceerde stemming kan worden gerectificeerd; wijzig een concept gewoon.")
        if Stemming.objects.filter(vervangt=oud).exists():
            raise RegelFout("Van deze stemming bestaat al een rectificatie.")
        nieuw = Stemming.objects.create(
            vergadering_id=oud.vergadering_id,
            agendapunt_id=oud.agendapunt_id,
            raadsvoorstel_id=oud.raadsvoorstel_id,
            motie_id=oud.motie_id,
            amendement_id=oud.amendement_id,
            volgorde=oud.volgorde,
            soort=oud.soort,
            versie=oud.versie + 1,
            vervangt=oud,
            rectificatie_reden=reden,
        )
        Stem.objects.bulk_create(
            Stem(
                stemming=nieuw,
                aanwezigheid_id=s.aanwezigheid_id,
                persoon_id=s.persoon_id,
                fractie_id=s.fractie_id,
                keuze=s.keuze,
            )
            for s in oud.stemmen.all()
        )
    return nieuw


# --- Besluitenlijst --------------------------------------------------------------------------------------


def besluitenlijst_publiceren(*, vergadering: Vergadering, door=None, reden: str = "") -> Besluitenlijst:
    """Publish the besluitenlijst of a meeting: every stemming published, then the PDF/A rendered once and stored.

    A second publication is a rectificatie (a new version, with a reason); the earlier one stays unchanged.
    """
    from .pdf import besluitenlijst_pdf

    with transaction.atomic():
        vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
        if vergadering.status in (Vergadering.Status.CONCEPT, Vergadering.Status.GEANNULEERD):
            raise RegelFout(
                "Alleen van een gepubliceerde of gehouden vergadering wordt een besluitenlijst gepubliceerd."
            )
        if Stemming.objects.filter(vergadering=vergadering, status=Stemming.Status.CONCEPT).exists():
            raise RegelFout("Publiceer eerst alle stemmingen van deze vergadering (of verwijder de concepten).")
        if not Stemming.objects.filter(vergadering=vergadering).exists():
            raise RegelFout("Deze vergadering heeft nog geen stemmingen.")
        vorige = Besluitenlijst.objects.filter(vergadering=vergadering).order_by("-versie").first()
        if vorige is not None and not (reden or "").strip():
            raise RegelFout(
                "De besluitenlijst is al gepubliceerd. Geef de reden van de rectificatie op om een nieuwe versie "
                "te publiceren.",
                veld="reden",
            )
        lijst = Besluitenlijst(
            vergadering=vergadering,
            versie=(vorige.versie + 1) if vorige else 1,
            status=Besluitenlijst.Status.GEPUBLICEERD,
            gepubliceerd_op=timezone.now(),
            gepubliceerd_door=door if getattr(door, "is_authenticated", False) else None,
            rectificatie_reden=(reden or "").strip(),
        )
        lijst.pdf.save("besluitenlijst.pdf", ContentFile(besluitenlijst_pdf(lijst)), save=False)
        try:
            lijst.save()
        except Exception:
            lijst.pdf.delete(save=False)
            raise
    return lijst


def stuk_verwijderen(*, stuk: Motie | Amendement, door=None) -> None:
    """Only a motie or amendement without any stemming can be deleted."""
    with transaction.atomic():
        vers = type(stuk).objects.select_for_update().get(pk=stuk.pk)
        if vers.stemmingen.exists():
            raise RegelFout("Over dit stuk is een stemming vastgelegd; het kan niet worden verwijderd.")
        zoekindex_verwijderen(vers)
        vers.delete()
