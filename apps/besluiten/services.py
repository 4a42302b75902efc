"""Every write of besluiten: register, change, vaststellen, publiceren, rectificeren.

A published besluit never changes: these services refuse, the forms and the admin are
read-only, and on PostgreSQL a trigger refuses UPDATE/DELETE of its row and its dictum.
"""

from collections.abc import Sequence

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.core.search import zoekindex_bijwerken, zoekindex_verwijderen
from apps.core.selectors import ambtsdrager
from apps.core.services import RegelFout, geschiedenis_gebruiker, versie_opslaan
from apps.moties.selectors import aangenomen_amendementen, geamendeerd_dictum, uitslag_van, voorstel_stemming
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.raadsvoorstellen.services import raadsvoorstel_besluit_genomen
from apps.vergaderagenda.models import Agendapunt, Vergadering

from .models import Besluit, DictumPunt
from .pdf import raadsbesluit_pdf

VELDEN = [
    "titel",
    "uitkomst",
    "stemming",
    "stemmen_voor",
    "stemmen_tegen",
    "griffier",
    "voorzitter",
    "vertrouwelijkheid",
]
GEPUBLICEERD_MELDING = (
    "Dit besluit is gepubliceerd en kan niet meer worden gewijzigd. "
    "Maak een rectificatie (een nieuwe versie) als er iets moet worden verbeterd."
)


def _niet_gepubliceerd(besluit: Besluit) -> Besluit:
    """Lock the row and refuse when it is published."""
    vers = Besluit.objects.select_for_update().get(pk=besluit.pk)
    if vers.status == Besluit.Status.GEPUBLICEERD:
        raise RegelFout(GEPUBLICEERD_MELDING)
    return vers


def _dictum_vervangen(besluit: Besluit, teksten: Sequence[str]) -> bool:
    teksten = [t.strip() for t in teksten if t and t.strip()]
    oud = list(besluit.dictum.order_by("volgorde").values_list("tekst", flat=True))
    if oud == teksten:
        return False
    besluit.dictum.all().delete()
    DictumPunt.objects.bulk_create([DictumPunt(besluit=besluit, volgorde=i, tekst=t) for i, t in enumerate(teksten, 1)])
    return True


# The outcomes a vote decides; aangehouden and ingetrokken are the griffie's to record.
VANUIT_STEMMING = (Besluit.Uitkomst.AANGENOMEN, Besluit.Uitkomst.GEAMENDEERD_AANGENOMEN, Besluit.Uitkomst.VERWORPEN)


def stemming_van_besluit(besluit: Besluit) -> dict | None:
    """What the published Stemming on the besluit's voorstel in its meeting says: the besluit's stemming fields
    follow from it (never typed twice). None when the meeting's votes were not recorded (older data)."""
    stemming = voorstel_stemming(raadsvoorstel_id=besluit.raadsvoorstel_id, vergadering_id=besluit.vergadering_id)
    if stemming is None:
        return None
    uitslag = uitslag_van(stemming, [])
    geamendeerd = bool(
        aangenomen_amendementen(raadsvoorstel_id=besluit.raadsvoorstel_id, vergadering_id=besluit.vergadering_id)
    )
    if stemming.uitslag == "aangenomen":
        uitkomst = Besluit.Uitkomst.GEAMENDEERD_AANGENOMEN if geamendeerd else Besluit.Uitkomst.AANGENOMEN
    else:
        uitkomst = Besluit.Uitkomst.VERWORPEN
    if stemming.soort == "hamerslag":
        return {"stemming": Besluit.Stemming.UNANIEM, "stemmen_voor": None, "stemmen_tegen": None, "uitkomst": uitkomst}
    return {
        "stemming": Besluit.Stemming.STEMMEN,
        "stemmen_voor": uitslag.voor,
        "stemmen_tegen": uitslag.tegen,
        "uitkomst": uitkomst,
    }


def _stemming_controleren(besluit: Besluit) -> None:
    afgeleid = stemming_van_besluit(besluit)
    if afgeleid is not None:
        besluit.stemming = afgeleid["stemming"]
        besluit.stemmen_voor, besluit.stemmen_tegen = afgeleid["stemmen_voor"], afgeleid["stemmen_tegen"]
        if besluit.uitkomst in ("", *VANUIT_STEMMING):
            besluit.uitkomst = afgeleid["uitkomst"]
        return
    if besluit.stemming == Besluit.Stemming.STEMMEN:
        if besluit.stemmen_voor is None or besluit.stemmen_tegen is None:
            raise RegelFout("Vul bij een stemming het aantal stemmen voor en tegen in.", veld="stemmen_voor")
    else:
        besluit.stemmen_voor = besluit.stemmen_tegen = None


def besluit_voorstel(*, agendapunt: Agendapunt) -> dict:
    """The prefilled values of a new besluit for this agendapunt: dictum from the beslispunten, signatories."""
    voorstel = agendapunt.raadsvoorstel
    op = agendapunt.vergadering.datum
    voorzitter = ambtsdrager(soort="voorzitter", op=op) or ambtsdrager(soort="burgemeester", op=op)
    punten = list(voorstel.beslispunten.order_by("volgorde").values_list("pk", "tekst")) if voorstel else []
    amendementen = (
        aangenomen_amendementen(raadsvoorstel_id=voorstel.pk, vergadering_id=agendapunt.vergadering_id)
        if voorstel
        else []
    )
    dictum = geamendeerd_dictum(
        beslispunten=[t for _pk, t in punten], punt_ids=[pk for pk, _t in punten], amendementen=amendementen
    )
    return {
        "titel": voorstel.titel if voorstel else agendapunt.titel,
        # An adopted amendement changes the ontwerpbesluit: the dictum is prefilled with the amended text.
        "dictum": dictum,
        "geamendeerd": bool(amendementen),
        "griffier": ambtsdrager(soort="griffier", op=op),
        "voorzitter": voorzitter,
        "vertrouwelijkheid": (voorstel.vertrouwelijkheid if voorstel else "openbaar"),
    }


def besluit_registreren(
    *,
    agendapunt: Agendapunt,
    velden: dict | None = None,
    dictum: Sequence[str] | None = None,
    door=None,
) -> Besluit:
    """Register the besluit on the raadsvoorstel of an agendapunt (status concept)."""
    with transaction.atomic():
        agendapunt = Agendapunt.objects.select_related("vergadering", "raadsvoorstel").get(pk=agendapunt.pk)
        voorstel = agendapunt.raadsvoorstel
        if voorstel is None:
            raise RegelFout("Op dit agendapunt staat geen raadsvoorstel; een besluit hoort bij een raadsvoorstel.")
        voorstel = Raadsvoorstel.objects.select_for_update().get(pk=voorstel.pk)
        if voorstel.status == Raadsvoorstel.Status.INGETROKKEN:
            raise RegelFout("Dit raadsvoorstel is ingetrokken; er kan geen besluit over worden genomen.")
        if voorstel.status not in (Raadsvoorstel.Status.GEAGENDEERD, Raadsvoorstel.Status.BESLOTEN):
            raise RegelFout("Een raadsvoorstel krijgt pas een besluit als het op de agenda van een vergadering staat.")
        if agendapunt.vergadering.status == Vergadering.Status.GEANNULEERD:
            raise RegelFout("Deze vergadering is geannuleerd; er kan geen besluit op worden geregistreerd.")
        if Besluit.objects.filter(zaak_id=voorstel.zaak_id).exists():
            raise RegelFout(
                "Over dit raadsvoorstel is al een besluit geregistreerd. Verbeter dat besluit, of maak "
                "een rectificatie als het al gepubliceerd is."
            )
        standaard = besluit_voorstel(agendapunt=agendapunt)
        besluit = Besluit(
            zaak_id=voorstel.zaak_id,
            raadsvoorstel=voorstel,
            vergadering=agendapunt.vergadering,
            agendapunt=agendapunt,
            titel=standaard["titel"],
            griffier=standaard["griffier"],
            voorzitter=standaard["voorzitter"],
            vertrouwelijkheid=standaard["vertrouwelijkheid"],
            versie=1,
            status=Besluit.Status.CONCEPT,
        )
        for naam, waarde in (velden or {}).items():
            if naam not in VELDEN:
                raise ValueError(f"Onbekend veld: {naam}")
            setattr(besluit, naam, waarde)
        _stemming_controleren(besluit)
        versie_opslaan(besluit, versie=None, door=door)
        _dictum_vervangen(besluit, standaard["dictum"] if dictum is None else dictum)
        zoekindex_bijwerken(besluit)
    return besluit


def besluit_bijwerken(
    *, besluit: Besluit, versie: int, velden: dict, dictum: Sequence[str] | None = None, door=None
) -> Besluit:
    """Change a concept or vastgesteld besluit. A published one is refused."""
    with transaction.atomic():
        vers = _niet_gepubliceerd(besluit)
        for naam, waarde in velden.items():
            if naam not in VELDEN:
                raise ValueError(f"Onbekend veld: {naam}")
            setattr(besluit, naam, waarde)
        besluit.status, besluit.vastgesteld_op = vers.status, vers.vastgesteld_op
        besluit.gepubliceerd_op, besluit.pdf = vers.gepubliceerd_op, vers.pdf
        if besluit.status != Besluit.Status.CONCEPT and not besluit.uitkomst:
            raise RegelFout("Een vastgesteld besluit heeft een uitkomst.", veld="uitkomst")
        _stemming_controleren(besluit)
        versie_opslaan(besluit, versie=versie, door=door)
        if dictum is not None and _dictum_vervangen(besluit, dictum):
            versie_opslaan(besluit, versie=besluit.version, door=door, reden="Dictum gewijzigd")
        zoekindex_bijwerken(besluit)
    return besluit


def _compleet(besluit: Besluit, *, voor: str) -> None:
    ontbreekt = []
    if not besluit.dictum.exists():
        ontbreekt.append("het dictum")
    if not besluit.uitkomst:
        ontbreekt.append("de uitkomst")
    if besluit.griffier_id is None:
        ontbreekt.append("de griffier")
    if besluit.voorzitter_id is None:
        ontbreekt.append("de voorzitter")
    if ontbreekt:
        lijst = ", ".join(ontbreekt[:-1]) + (" en " if len(ontbreekt) > 1 else "") + ontbreekt[-1]
        werkwoord = "ontbreekt" if len(ontbreekt) == 1 else "ontbreken"
        raise RegelFout(f"Het besluit kan niet worden {voor}: {lijst} {werkwoord}.")


def besluit_vaststellen(*, besluit: Besluit, door=None) -> Besluit:
    """Concept -> vastgesteld: the council decided. Needs dictum, uitkomst and both signatories."""
    with transaction.atomic():
        vers = _niet_gepubliceerd(besluit)
        if vers.status != Besluit.Status.CONCEPT:
            raise RegelFout("Dit besluit is al vastgesteld.")
        _compleet(vers, voor="vastgesteld")
        _stemming_controleren(vers)
        vers.status = Besluit.Status.VASTGESTELD
        vers.vastgesteld_op = timezone.now()
        versie_opslaan(vers, versie=vers.version, door=door, reden="Vastgesteld")
        if vers.raadsvoorstel_id:
            raadsvoorstel_besluit_genomen(raadsvoorstel=vers.raadsvoorstel, door=door)
        zoekindex_bijwerken(vers)
    return vers


def besluit_publiceren(*, besluit: Besluit, door=None) -> Besluit:
    """Vastgesteld -> gepubliceerd: render and store the PDF raadsbesluit once, record when and by whom.

    After this nothing may change the besluit (see the module docstring).
    """
    with transaction.atomic():
        vers = _niet_gepubliceerd(besluit)
        if vers.status != Besluit.Status.VASTGESTELD:
            raise RegelFout("Stel het besluit eerst vast; alleen een vastgesteld besluit kan worden gepubliceerd.")
        _compleet(vers, voor="gepubliceerd")
        vers.status = Besluit.Status.GEPUBLICEERD
        vers.gepubliceerd_op = timezone.now()
        vers.gepubliceerd_door = door if getattr(door, "is_authenticated", False) else None
        pdf = raadsbesluit_pdf(vers)
        vers.pdf.save("raadsbesluit.pdf", ContentFile(pdf), save=False)
        opgeslagen = vers.pdf
        try:
            versie_opslaan(vers, versie=vers.version, door=door, reden="Gepubliceerd")
        except Exception:
            opgeslagen.delete(save=False)
            raise
        zoekindex_bijwerken(vers)
        if vers.vervangt_id:
            zoekindex_bijwerken(vers.vervangt)
    besluit.refresh_from_db()
    return vers


def besluit_rectificeren(*, besluit: Besluit, door=None, reden: str) -> Besluit:
    """A correction of a published besluit: a new concept version that supersedes it once published."""
    reden = (reden or "").strip()
    if not reden:
        raise RegelFout("Geef de reden van de rectificatie op.", veld="reden")
    with transaction.atomic():
        oud = Besluit.objects.select_for_update().get(pk=besluit.pk)
        if oud.status != Besluit.Status.GEPUBLICEERD:
            raise RegelFout(
                "Alleen een gepubliceerd besluit kan worden gerectificeerd; een concept of vastgesteld "
                "besluit kunt u gewoon wijzigen."
            )
        if Besluit.objects.filter(vervangt=oud).exists():
            raise RegelFout("Van dit besluit bestaat al een rectificatie.")
        nieuwe_versie = (Besluit.objects.filter(zaak_id=oud.zaak_id).aggregate(m=Max("versie"))["m"] or 0) + 1
        nieuw = Besluit(
            zaak_id=oud.zaak_id,
            raadsvoorstel_id=oud.raadsvoorstel_id,
            vergadering_id=oud.vergadering_id,
            agendapunt_id=oud.agendapunt_id,
            titel=oud.titel,
            uitkomst=oud.uitkomst,
            stemming=oud.stemming,
            stemmen_voor=oud.stemmen_voor,
            stemmen_tegen=oud.stemmen_tegen,
            griffier_id=oud.griffier_id,
            voorzitter_id=oud.voorzitter_id,
            vertrouwelijkheid=oud.vertrouwelijkheid,
            status=Besluit.Status.CONCEPT,
            versie=nieuwe_versie,
            vervangt=oud,
            rectificatie_reden=reden,
        )
        versie_opslaan(nieuw, versie=None, door=door, reden=f"Rectificatie van versie {oud.versie}")
        _dictum_vervangen(nieuw, list(oud.dictum.order_by("volgorde").values_list("tekst", flat=True)))
        zoekindex_bijwerken(nieuw)
    return nieuw


def besluit_verwijderen(*, besluit: Besluit, door=None) -> None:
    """Only a concept besluit can be deleted."""
    with transaction.atomic():
        vers = _niet_gepubliceerd(besluit)
        if vers.status != Besluit.Status.CONCEPT:
            raise RegelFout("Alleen een concept-besluit kan worden verwijderd.")
        zoekindex_verwijderen(vers)
        geschiedenis_gebruiker(vers, door)
        vers.delete()
