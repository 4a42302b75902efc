"""Every write of the importer. Keyword-only, typed, transactional.

A run is recorded first (committed), then all its work happens in one transaction: an unexpected error
rolls back every record of the run and marks the run `mislukt`. Each input (a file, an NDJSON line) is
applied in its own savepoint, so an input that fails leaves nothing half-written and is reported with its
reason. Records are created through the domain apps' services, as concept unless the source says public
and published. Idempotence: a source record is matched on (source system, source id) and its content hash.
"""

import datetime
import hashlib
import io
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.text import slugify

from apps.besluiten import services as besluit_services
from apps.besluiten.models import Besluit
from apps.core.models import Fractie, Gremium, Persoon, Rol, Vertrouwelijkheid, Zaak
from apps.core.services import RegelFout, zaak_voor_nummer
from apps.memos import services as memo_services
from apps.moties import services as motie_services
from apps.moties.models import Aanwezigheid, Indieningsstatus, Motie, Stem, Stemming
from apps.raadsvoorstellen import services as voorstel_services
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda import services as agenda_services
from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage, Vergadering

from . import openbesluitvorming as obv
from .models import Bron, Herkomst, ImportItem, ImportRun, Soort, WachtendRecord
from .parsers import PARSERS, herkennen
from .parsers.basis import Resultaat, kaal
from .parsers.tekst import (
    DOCX,
    ODT,
    PDF,
    TEKST,
    OnleesbaarFout,
    grootte_controleren,
    tekst_uit_bestand,
    zip_controleren,
)

logger = logging.getLogger(__name__)

BRON_DOCUMENTEN = "documenten"
BIJLAGE_TYPES = {PDF, DOCX, ODT, TEKST}
VERTROUWELIJK = re.compile(r"\b(?:vertrouwelijk|geheim|geheimhouding|niet openbaar|besloten stuk)\b", re.I)
Voortgang = Callable[[int], None] | None


class ImportFout(Exception):
    """An input that cannot be imported; `melding` is Dutch and meant for the griffie."""

    def __init__(self, melding: str, *, status: str = ImportItem.Status.MISLUKT):
        super().__init__(melding)
        self.melding = melding
        self.status = status


# --- Runs --------------------------------------------------------------------------------


def run_starten(*, bron: str, bronnaam: str, door=None, via: str = "pagina") -> ImportRun:
    return ImportRun.objects.create(
        bron=bron,
        bronnaam=bronnaam[:500],
        gestart_door=door if getattr(door, "is_authenticated", False) else None,
        via=via,
    )


def _tellen(run: ImportRun, status: str) -> None:
    tellers: dict[str, str] = {
        ImportItem.Status.AANGEMAAKT: "aangemaakt",
        ImportItem.Status.BIJGEWERKT: "bijgewerkt",
        ImportItem.Status.OVERGESLAGEN: "overgeslagen",
        ImportItem.Status.MISLUKT: "mislukt",
        ImportItem.Status.VERWIJDERD: "verwijderd",
        ImportItem.Status.CONFLICT: "conflicten",
        ImportItem.Status.WACHT: "aangemaakt",
    }
    veld = tellers[status]
    setattr(run, veld, getattr(run, veld) + 1)


def _run_uitvoeren(run: ImportRun, werk: Callable[[], None]) -> ImportRun:
    """Do the run's work in one transaction; on an unexpected error nothing of it stays and the run says why
    (the error is logged; the caller gets the failed run, never an exception)."""
    try:
        with transaction.atomic():
            werk()
            run.status = ImportRun.Status.VOLTOOID
            run.beeindigd_op = timezone.now()
            run.save()
    except Exception as exc:
        logger.exception("Importrun %s afgebroken", run.pk)
        run.refresh_from_db()
        run.status = ImportRun.Status.MISLUKT
        run.beeindigd_op = timezone.now()
        run.melding = (
            "De import is halverwege afgebroken door een onverwachte fout; niets van deze run is opgeslagen. "
            f"Technische melding: {type(exc).__name__}: {str(exc)[:300]}"
        )
        run.save()
    return run


def _herkomst(*, bron_systeem: str, bron_id: str, soort: str) -> Herkomst:
    herkomst, _ = Herkomst.objects.select_for_update().get_or_create(
        bron_systeem=bron_systeem[:100], bron_id=bron_id[:300], defaults={"soort": soort, "content_hash": ""}
    )
    return herkomst


def _koppelen(herkomst: Herkomst, record) -> None:
    herkomst.record_type = ContentType.objects.get_for_model(type(record))
    herkomst.record_id = record.pk
    herkomst.status = Herkomst.Status.IN_PORTAAL
    herkomst.reden = ""


# --- Shared lookups ----------------------------------------------------------------------


def _persoon(naam: str) -> Persoon | None:
    naam = " ".join((naam or "").split())[:200]
    if not naam:
        return None
    bestaand = Persoon.objects.filter(naam__iexact=naam).order_by("pk").first()
    return bestaand or Persoon.objects.create(naam=naam)


def _gremium(naam: str = "", *, soort: str | None = None) -> Gremium:
    """The body by name (created as an external body when unknown); without a name the gemeenteraad."""
    naam = " ".join((naam or "").split())[:200]
    if not naam:
        raad = Gremium.objects.filter(soort=Gremium.Soort.GEMEENTERAAD, organisatie="").order_by("pk").first()
        if raad:
            return raad
        naam, soort = "Gemeenteraad", Gremium.Soort.GEMEENTERAAD
    bestaand = Gremium.objects.filter(naam__iexact=naam).order_by("pk").first()
    if bestaand:
        return bestaand
    if soort is None:
        k = kaal(naam)
        soort = (
            Gremium.Soort.GEMEENTERAAD
            if k in ("gemeenteraad", "raad", "de raad")
            else Gremium.Soort.COMMISSIE
            if k.startswith("commissie")
            else Gremium.Soort.EXTERN
        )
    basis = slugify(naam)[:90] or "gremium"
    slug, n = basis, 1
    while Gremium.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{basis}-{n}"
    return Gremium.objects.create(naam=naam, slug=slug, soort=soort)


def _zaaknummer_geldig(nummer: str) -> bool:
    return bool(nummer) and bool(re.fullmatch(settings.ZAAKNUMMER_PATROON, nummer))


def _bestand(data: bytes, naam: str) -> ContentFile:
    return ContentFile(data, name=os.path.basename(naam) or "document")


# --- Documents ---------------------------------------------------------------------------


def _ingevuld(velden: dict, lijsten: dict) -> list[str]:
    namen = [k for k, v in velden.items() if v not in ("", None, [], {})]
    namen += [k for k, v in lijsten.items() if v]
    return namen


def _vertrouwelijk(tekst: str) -> bool:
    kop = "\n".join(tekst.split("\n")[:15])
    return bool(VERTROUWELIJK.search(kop))


def _raadsvoorstel_maken(resultaat: Resultaat, *, tekst: str, naam: str, door) -> tuple[Model, list[str]]:
    v = resultaat.velden
    opmerkingen = []
    nummer = (v.get("zaaknummer") or "").upper()
    titel = v.get("titel") or Path(naam).stem[:500]
    if _zaaknummer_geldig(nummer):
        bestaand = Zaak.objects.filter(zaaknummer=nummer).select_related("raadsvoorstel").first()
        if bestaand is not None and hasattr(bestaand, "raadsvoorstel"):
            raise ImportFout(
                f"Bij zaak {nummer} staat al een raadsvoorstel in het portaal; het document is niet opnieuw "
                "ingelezen. Vergelijk het met het bestaande voorstel."
            )
        zaak = zaak_voor_nummer(zaaknummer=nummer, titel=titel)
    else:
        zaak = zaak_voor_nummer(zaaknummer=None, titel=titel)
        if nummer:
            opmerkingen.append(
                f"Het nummer uit het document ({nummer}) past niet in de zaaknummers van deze gemeente; het "
                f"voorstel kreeg zaaknummer {zaak.zaaknummer}. Het oorspronkelijke nummer staat hieronder."
            )
    velden = {
        "titel": titel,
        "college_besluitdatum": v.get("college_besluitdatum"),
        "datum_raadsvergadering": v.get("datum_raadsvergadering"),
        "portefeuillehouder": _persoon(v.get("portefeuillehouder", "")),
        "directeur_secretaris": _persoon(v.get("directeur_secretaris", "")),
        "burgemeester": _persoon(v.get("burgemeester", "")),
        "vertrouwelijkheid": Vertrouwelijkheid.VERTROUWELIJK if _vertrouwelijk(tekst) else Vertrouwelijkheid.OPENBAAR,
        **{s: v.get(s, "") for s in Raadsvoorstel.SECTIES},
    }
    if velden["college_besluitdatum"] and velden["datum_raadsvergadering"]:
        if velden["college_besluitdatum"] > velden["datum_raadsvergadering"]:
            velden["college_besluitdatum"] = None
            opmerkingen.append("De datum van het collegebesluit lag na de raadsvergadering en is leeg gelaten.")
    voorstel = voorstel_services.raadsvoorstel_aanmaken(
        zaak=zaak, velden=velden, beslispunten=resultaat.lijsten.get("beslispunten", []), door=door
    )
    if "raadsbesluit" in resultaat.onderdelen:
        opmerkingen.append(
            "Het document bevat ook het raadsbesluit. Het besluit wordt geregistreerd via het agendapunt van de "
            "vergadering; het dictum en de ondertekening staan hieronder bij de brontekst."
        )
    return voorstel, opmerkingen


def _raadsbesluit_verwerken(resultaat: Resultaat, *, door) -> tuple[Model, list[str]]:
    nummer = (resultaat.velden.get("zaaknummer") or "").upper()
    voorstel = Raadsvoorstel.objects.filter(zaak__zaaknummer=nummer).first() if nummer else None
    if voorstel is None:
        raise ImportFout(
            f"Dit raadsbesluit hoort bij zaak {nummer or '(geen nummer gevonden)'}, maar daarvan staat nog geen "
            "raadsvoorstel in het portaal. Importeer eerst het raadsvoorstel; het besluit is bewaard voor "
            "handmatige invoer."
        )
    if Besluit.objects.filter(zaak_id=voorstel.zaak_id, status=Besluit.Status.GEPUBLICEERD).exists():
        raise ImportFout(
            f"Over zaak {nummer} is al een besluit gepubliceerd; wat gepubliceerd is verandert niet. Het document is "
            "bewaard en als conflict gemeld: vergelijk het en maak zo nodig een rectificatie.",
            status=ImportItem.Status.CONFLICT,
        )
    punt = Agendapunt.objects.filter(raadsvoorstel=voorstel).order_by("-vergadering__datum").first()
    if punt is None or Besluit.objects.filter(zaak_id=voorstel.zaak_id).exists():
        raise ImportFout(
            f"Het raadsvoorstel {nummer} staat niet op een agenda, of heeft al een besluit; registreer het besluit "
            "via het agendapunt. Het document is bewaard."
        )
    besluit = besluit_services.besluit_registreren(
        agendapunt=punt,
        velden={
            "griffier": _persoon(resultaat.velden.get("griffier", "")),
            "voorzitter": _persoon(resultaat.velden.get("voorzitter", "")),
        },
        dictum=resultaat.lijsten.get("dictum") or None,
        door=door,
    )
    return besluit, []


def _memo_maken(resultaat: Resultaat, *, tekst: str, naam: str, door) -> tuple[Model, list[str]]:
    v = resultaat.velden
    if not v.get("datum"):
        raise ImportFout("De datum van de memo is niet gevonden; een memo zonder datum kan niet worden aangemaakt.")
    opmerkingen = []
    nummer = (v.get("zaaknummer") or "").upper()
    zaak = None
    if _zaaknummer_geldig(nummer):
        zaak = zaak_voor_nummer(zaaknummer=nummer, titel=v.get("betreft") or naam)
    elif nummer:
        opmerkingen.append(f"Het zaaknummer uit het document ({nummer}) past niet in de zaaknummers van deze gemeente.")
    velden = {
        "soort": v.get("soort") or "memo",
        "aan": (v.get("aan") or "—")[:300],
        "cc": (v.get("cc") or "")[:300],
        "van": (v.get("van") or "—")[:300],
        "datum": v["datum"],
        "betreft": (v.get("betreft") or Path(naam).stem)[:500],
        "kenmerk": (v.get("kenmerk") or "")[:100],
        "tekst": v.get("tekst", ""),
        "zaak": zaak,
        "status": "concept",
        "versie": (v.get("versie") or "")[:50],
        "opgesteld_door": (v.get("opgesteld_door") or "")[:200],
        "in_opdracht_van": (v.get("in_opdracht_van") or "")[:200],
        "vertrouwelijkheid": Vertrouwelijkheid.VERTROUWELIJK if _vertrouwelijk(tekst) else Vertrouwelijkheid.OPENBAAR,
    }
    route = [
        {"gremium": _gremium(r["gremium"]), "datum": r.get("datum"), "omschrijving": r.get("omschrijving", "")}
        for r in resultaat.lijsten.get("route", [])
    ]
    memo = memo_services.memo_aanmaken(velden=velden, route=route, door=door)
    return memo, opmerkingen


def _vergadering_maken(resultaat: Resultaat, *, door, besluitenlijst: bool) -> tuple[Model, list[str]]:
    v = resultaat.velden
    opmerkingen = []
    datum = v.get("datum")
    if not datum:
        raise ImportFout("De datum van de vergadering is niet gevonden; een vergadering zonder datum kan niet.")
    aanvang, einde = v.get("aanvang"), v.get("einde")
    if aanvang and einde and einde <= aanvang:
        einde = None
    soort = v.get("soort") or "raadsvergadering"
    if soort not in Vergadering.Soort.values:
        soort = Vergadering.Soort.RAADSVERGADERING
    titel = (v.get("titel") or "Vergadering")[:300]
    vergadering = agenda_services.vergadering_aanmaken(
        velden={
            "gremium": _gremium(v.get("gremium", "")),
            "soort": soort,
            "titel": titel[:1].upper() + titel[1:],
            "datum": datum,
            "aanvang": aanvang,
            "einde": einde,
            "locatie": (v.get("locatie") or "")[:300],
            "openbaar": bool(v.get("openbaar", True)),
        },
        door=door,
    )
    for punt in resultaat.lijsten.get("agendapunten", []):
        omschrijving = ""
        if besluitenlijst and punt.get("besluit"):
            omschrijving = f"Besluit: {punt['besluit']}"
            if punt.get("omschrijving") and punt["omschrijving"] != punt["besluit"]:
                omschrijving += "\n" + punt["omschrijving"]
        p_aanvang, p_einde = punt.get("aanvang"), punt.get("einde")
        if p_aanvang and p_einde and p_einde <= p_aanvang:
            p_einde = None
        agenda_services.agendapunt_toevoegen(
            vergadering=vergadering,
            velden={
                "volgnummer": (punt.get("volgnummer") or "")[:20],
                "titel": (punt.get("titel") or "Agendapunt")[:500],
                "omschrijving": omschrijving,
                "aanvang": p_aanvang,
                "einde": p_einde,
                "behandeling": "hamerstuk" if punt.get("hamerstuk") else "bespreekstuk",
            },
            door=door,
        )
    if besluitenlijst:
        opmerkingen.append(
            "De besluiten staan bij de agendapunten. Een formeel besluit (met PDF-raadsbesluit) registreert u bij "
            "het agendapunt met het raadsvoorstel."
        )
    return vergadering, opmerkingen


MAKERS = {
    "raadsvoorstel": lambda r, **k: _raadsvoorstel_maken(r, tekst=k["tekst"], naam=k["naam"], door=k["door"]),
    "raadsbesluit": lambda r, **k: _raadsbesluit_verwerken(r, door=k["door"]),
    "memo": lambda r, **k: _memo_maken(r, tekst=k["tekst"], naam=k["naam"], door=k["door"]),
    "agenda": lambda r, **k: _vergadering_maken(r, door=k["door"], besluitenlijst=False),
    "besluitenlijst": lambda r, **k: _vergadering_maken(r, door=k["door"], besluitenlijst=True),
}


def _bijlage_toevoegen(record, *, data: bytes, naam: str, mimetype: str, titel: str, door) -> None:
    """The original file as the record's bijlage (raadsvoorstel, memo); a meeting keeps it on the import item."""
    if mimetype not in BIJLAGE_TYPES:
        return
    bestand = _bestand(data, naam)
    vertrouwelijkheid = getattr(record, "vertrouwelijkheid", Vertrouwelijkheid.OPENBAAR)
    argumenten = {
        "bestand": bestand,
        "titel": titel[:300],
        "vertrouwelijkheid": vertrouwelijkheid,
        "mimetype": mimetype,
        "door": door,
    }
    if isinstance(record, Raadsvoorstel):
        voorstel_services.raadsvoorstel_bijlage_toevoegen(raadsvoorstel=record, **argumenten)
    elif record._meta.model_name == "memo":
        memo_services.memo_bijlage_toevoegen(memo=record, **argumenten)
    elif isinstance(record, Besluit) and record.raadsvoorstel is not None:
        voorstel_services.raadsvoorstel_bijlage_toevoegen(raadsvoorstel=record.raadsvoorstel, **argumenten)


def document_importeren(*, run: ImportRun, naam: str, data: bytes, volgnummer: int = 0, door=None) -> ImportItem:
    """Read one file into a draft record of its kind. The file is always kept on the item, with its checksum;
    an unreadable or unknown document is listed with the reason, never dropped."""
    checksum = hashlib.sha256(data).hexdigest()
    naam = os.path.basename(naam.replace("\\", "/"))[:500] or "document"
    item = ImportItem(run=run, naam=naam, volgnummer=volgnummer, checksum=checksum, status=ImportItem.Status.MISLUKT)
    herkomst = _herkomst(bron_systeem=BRON_DOCUMENTEN, bron_id=checksum, soort=Soort.ONBEKEND)
    item.herkomst = herkomst
    if herkomst.status == Herkomst.Status.IN_PORTAAL and herkomst.content_hash == checksum and herkomst.record:
        item.status = ImportItem.Status.OVERGESLAGEN
        item.soort = herkomst.soort
        item.reden = "Dit bestand is al eerder ingelezen (zelfde inhoud); er is niets veranderd."
        item.save()
        _tellen(run, item.status)
        return item
    herkomst.content_hash = checksum
    herkomst.titel = naam[:500]
    try:
        grootte_controleren(len(data))
        item.bestand.save(naam, _bestand(data, naam), save=False)
        gelezen = tekst_uit_bestand(data, naam)
        item.mimetype = gelezen.mimetype
        item.brontekst = gelezen.tekst
        soort = herkennen(gelezen.tekst)
        if soort is None:
            item.soort = Soort.ONBEKEND
            raise ImportFout(
                "De soort document is niet herkend (geen raadsvoorstel, raadsbesluit, memo, agenda of "
                "besluitenlijst). Het bestand is bewaard voor handmatige invoer."
            )
        item.soort = soort
        herkomst.soort = soort
        resultaat = PARSERS[soort](gelezen.tekst)
        with transaction.atomic():
            record, opmerkingen = MAKERS[soort](resultaat, tekst=gelezen.tekst, naam=naam, door=door)
            _bijlage_toevoegen(record, data=data, naam=naam, mimetype=gelezen.mimetype, titel=naam, door=door)
            record.refresh_from_db()
        item.record_versie = getattr(record, "version", None)
        item.velden = {
            **resultaat.als_dict(),
            "geimporteerd": _ingevuld(resultaat.velden, resultaat.lijsten),
            "opmerkingen": [*gelezen.opmerkingen, *resultaat.opmerkingen, *opmerkingen],
        }
        item.status = ImportItem.Status.AANGEMAAKT
        item.reden = " ".join(item.velden["opmerkingen"])
        _koppelen(herkomst, record)
        herkomst.titel = str(record)[:500]
        herkomst.jaar = _jaar(resultaat)
        herkomst.vertrouwelijk = getattr(record, "vertrouwelijkheid", "") == Vertrouwelijkheid.VERTROUWELIJK
    except OnleesbaarFout as fout:
        item.reden = fout.melding
        herkomst.status, herkomst.reden = Herkomst.Status.ONTBREEKT, fout.melding
    except (ImportFout, RegelFout) as fout:
        item.reden = str(fout)
        conflict = getattr(fout, "status", None) == ImportItem.Status.CONFLICT
        item.status = ImportItem.Status.CONFLICT if conflict else ImportItem.Status.MISLUKT
        herkomst.status = Herkomst.Status.CONFLICT if conflict else Herkomst.Status.ONTBREEKT
        herkomst.reden = str(fout)
    except ValidationError as fout:
        item.reden = "De gegevens uit het document voldoen niet: " + "; ".join(fout.messages)
        herkomst.status, herkomst.reden = Herkomst.Status.ONTBREEKT, item.reden
    except Exception as exc:  # a parser defect on one odd document must not stop a run of thousands
        logger.exception("Document %s kon niet worden verwerkt", naam)
        item.reden = (
            "Het document kon niet automatisch worden verwerkt (onverwachte fout); het is bewaard voor handmatige "
            f"invoer. Technische melding: {type(exc).__name__}"
        )
        herkomst.status, herkomst.reden = Herkomst.Status.ONTBREEKT, item.reden
    herkomst.save()
    item.save()
    _tellen(run, item.status)
    return item


def _jaar(resultaat: Resultaat) -> int | None:
    for veld in ("datum_raadsvergadering", "datum", "college_besluitdatum", "datum_vergadering"):
        waarde = resultaat.velden.get(veld)
        if isinstance(waarde, datetime.date):
            return waarde.year
    return None


def documenten_importeren(
    *,
    bestanden: Iterable[tuple[str, bytes | OnleesbaarFout]],
    bronnaam: str,
    door=None,
    via: str = "pagina",
    voortgang: Voortgang = None,
) -> ImportRun:
    """Import files [(name, bytes)] in one recorded run. A file that could not even be read from the folder or
    zip comes as (name, OnleesbaarFout) and is listed as failed with its reason."""
    run = run_starten(bron=Bron.DOCUMENTEN, bronnaam=bronnaam, door=door, via=via)

    def werk():
        for n, (naam, data) in enumerate(bestanden, 1):
            if isinstance(data, OnleesbaarFout):
                ImportItem.objects.create(
                    run=run, naam=naam[:500], volgnummer=n, status=ImportItem.Status.MISLUKT, reden=data.melding
                )
                _tellen(run, ImportItem.Status.MISLUKT)
            else:
                document_importeren(run=run, naam=naam, data=data, volgnummer=n, door=door)
            if voortgang:
                voortgang(1)

    return _run_uitvoeren(run, werk)


DOCUMENT_EXTENSIES = (".pdf", ".docx", ".odt", ".txt", ".text", ".md")


def aantal_bestanden(pad: Path) -> int:
    """How many files `bestanden_uit_pad` will hand out, for a progress bar (a zip in a folder counts as one)."""
    if pad.is_dir():
        return sum(1 for p in pad.rglob("*") if p.is_file() and not p.name.startswith("."))
    try:
        import zipfile

        with zipfile.ZipFile(pad) as archief:
            return sum(1 for lid in archief.infolist() if not lid.is_dir())
    except (OSError, zipfile.BadZipFile):
        return 1


def bestanden_uit_pad(pad: Path) -> Iterator[tuple[str, bytes | OnleesbaarFout]]:
    """The files of a folder (recursively) or a zip, in name order, read one at a time; too large files and zip
    bombs are reported per file, not read."""
    limiet = settings.IMPORT_MAX_MB * 1024 * 1024
    if pad.is_dir():
        for bestand in sorted(p for p in pad.rglob("*") if p.is_file() and not p.name.startswith(".")):
            naam = str(bestand.relative_to(pad))
            if bestand.stat().st_size > limiet:
                yield naam, _te_groot(bestand.stat().st_size)
            elif bestand.suffix.lower() == ".zip":
                yield from _uit_zip(naam, bestand.read_bytes())
            else:
                yield naam, bestand.read_bytes()
        return
    if pad.stat().st_size > limiet * 4:
        yield pad.name, _te_groot(pad.stat().st_size)
        return
    yield from _uit_zip(pad.name, pad.read_bytes())


def _te_groot(grootte: int) -> OnleesbaarFout:
    try:
        grootte_controleren(grootte)
    except OnleesbaarFout as fout:
        return fout
    return OnleesbaarFout("Het bestand is te groot.", code="te_groot")


def _uit_zip(naam: str, data: bytes) -> Iterator[tuple[str, bytes | OnleesbaarFout]]:
    try:
        archief = zip_controleren(data, wat=f"Het zip-archief {naam}")
    except OnleesbaarFout as fout:
        yield naam, fout
        return
    limiet = settings.IMPORT_MAX_MB * 1024 * 1024
    for lid in sorted(archief.infolist(), key=lambda i: i.filename):
        if lid.is_dir() or os.path.basename(lid.filename).startswith((".", "__MACOSX")):
            continue
        lidnaam = f"{naam}/{lid.filename}"
        if lid.file_size > limiet:
            yield lidnaam, _te_groot(lid.file_size)
            continue
        try:
            with archief.open(lid) as f:
                inhoud = f.read(limiet + 1)
        except Exception:
            yield lidnaam, OnleesbaarFout("Dit bestand in het zip-archief is beschadigd.", code="beschadigd")
            continue
        if len(inhoud) > limiet:
            yield lidnaam, _te_groot(len(inhoud))
        else:
            yield lidnaam, inhoud


# --- OpenBesluitvorming ------------------------------------------------------------------


def openbesluitvorming_importeren(
    *, regels: Iterable[bytes | str], bronnaam: str, door=None, via: str = "pagina", voortgang: Voortgang = None
) -> ImportRun:
    """Import an NDJSON snapshot or changes file (records in `seq` order). Invalid lines are reported with their
    line number and reason; the valid ones are applied."""
    run = run_starten(bron=Bron.OPENBESLUITVORMING, bronnaam=bronnaam, door=door, via=via)

    def werk():
        gelezen = []
        for nummer, regel in enumerate(regels, 1):
            if voortgang:
                voortgang(1)
            try:
                record = obv.regel_lezen(regel)
            except obv.RegelOngeldig as fout:
                ImportItem.objects.create(
                    run=run,
                    naam=f"regel {nummer}",
                    volgnummer=nummer,
                    status=ImportItem.Status.MISLUKT,
                    reden=f"Regel {nummer}: {fout.melding}",
                )
                _tellen(run, ImportItem.Status.MISLUKT)
                continue
            if record is not None:
                gelezen.append((nummer, record))
        # Apply in the order of the source's change log; entity types that others refer to first.
        gelezen.sort(key=lambda nr: (obv.VOLGORDE.get(nr[1]["entity_type"], 9), nr[1].get("seq") or 0, nr[0]))
        for nummer, record in gelezen:
            _obv_record_toepassen(run=run, nummer=nummer, record=record, door=door)
        openstaande_moties_importeren(run=run, door=door)

    return _run_uitvoeren(run, werk)


def _obv_record_toepassen(*, run: ImportRun, nummer: int, record: dict, door, opnieuw: bool = False) -> ImportItem:
    soort = obv.SOORTEN.get(record["entity_type"], Soort.ONBEKEND)
    bron_systeem = obv.bron_systeem(record)
    herkomst = _herkomst(bron_systeem=bron_systeem, bron_id=record["entity_id"], soort=soort)
    payload = record.get("payload") or {}
    item = ImportItem(
        run=run,
        herkomst=herkomst,
        naam=f"regel {nummer}: {record['entity_type']} {record['entity_id']}"[:500],
        volgnummer=nummer,
        soort=soort,
        status=ImportItem.Status.MISLUKT,
        velden={"record": obv.samenvatting(record)},
    )
    hash_ = record.get("content_hash") or obv.inhoudshash(record)
    if record["op"] != "delete" and herkomst.content_hash == hash_ and not opnieuw:
        item.status = ImportItem.Status.OVERGESLAGEN
        item.reden = "Ongewijzigd sinds de vorige import (zelfde inhoudshash)." + (
            f" Het ontbrak toen al: {herkomst.reden}" if herkomst.status == Herkomst.Status.ONTBREEKT else ""
        )
        item.save()
        _tellen(run, item.status)
        return item
    if record["op"] == "delete" and herkomst.status == Herkomst.Status.VERWIJDERD:
        item.status = ImportItem.Status.OVERGESLAGEN
        item.reden = "Al verwijderd bij een eerdere import."
        item.save()
        _tellen(run, item.status)
        return item
    vorig_record = (herkomst.record_type_id, herkomst.record_id, herkomst.status)
    try:
        with transaction.atomic():
            status, reden = TOEPASSERS[record["entity_type"]](
                record=record, payload=payload, herkomst=herkomst, run=run, door=door
            )
        item.status, item.reden = status, reden
        # A conflict, or a motion still waiting for its meeting, is tried again by the next run.
        if status != ImportItem.Status.CONFLICT and not (status == ImportItem.Status.WACHT and soort == Soort.MOTIE):
            herkomst.content_hash = hash_
        herkomst.original_url = (payload.get("original_url") or herkomst.original_url or "")[:1000]
        if status == ImportItem.Status.CONFLICT:
            herkomst.reden = reden
        herkomst.titel = (payload.get("name") or payload.get("title") or herkomst.titel or "")[:500]
        herkomst.jaar = obv.jaar(payload) or herkomst.jaar
        herkomst.vertrouwelijk = obv.vertrouwelijk(payload) or herkomst.vertrouwelijk
        herkomst.soort = soort
    except (ImportFout, RegelFout, ValidationError) as fout:
        meldingen = fout.messages if isinstance(fout, ValidationError) else [str(fout)]
        item.reden = "; ".join(meldingen)
        herkomst.record_type_id, herkomst.record_id, vorige_status = vorig_record
        herkomst.status = vorige_status if herkomst.record_id else Herkomst.Status.ONTBREEKT
        herkomst.reden = item.reden
        herkomst.content_hash = hash_
    if herkomst.pk:
        herkomst.save()
    item.save()
    _tellen(run, item.status)
    return item


GEPUBLICEERDE_STEMMING = (
    "Over deze motie is in het portaal een gepubliceerde stemming; wat gepubliceerd is verandert niet. De "
    "wijziging uit de bron is niet overgenomen en als conflict gemeld: beoordeel die en maak zo nodig een "
    "rectificatie van de stemming."
)
KEUZES = {"voor": Stem.Keuze.VOOR, "tegen": Stem.Keuze.TEGEN}


def _ref(waarde: object) -> str:
    """An entityRef (an id string, or an object with an id) as a string."""
    if isinstance(waarde, dict):
        waarde = waarde.get("id") or waarde.get("entity_id") or ""
    return str(waarde or "")


def _via_herkomst(bron: str, ref: object, model):
    ref = _ref(ref)
    if not ref:
        return None
    herkomst = Herkomst.objects.filter(bron_systeem=bron, bron_id=ref).first()
    return _record_van(herkomst, model) if herkomst else None


def _fractie(naam: str) -> Fractie | None:
    naam = " ".join((naam or "").split())[:200]
    if not naam:
        return None
    bestaand = Fractie.objects.filter(naam__iexact=naam).order_by("pk").first()
    if bestaand:
        return bestaand
    basis = slugify(naam)[:100] or "fractie"
    slug, n = basis, 1
    while Fractie.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{basis}-{n}"
    return Fractie.objects.create(naam=naam, slug=slug, gremium=_gremium(""))


def _motie_gepubliceerd(payload: dict) -> bool:
    """Public and published in the source (a Motion's `status` is the outcome text, so a separate
    publication status counts too); otherwise the motie is imported as concept."""
    publicatie = str(payload.get("publication_status") or "").strip().lower()
    return not obv.vertrouwelijk(payload) and (obv.gepubliceerd(payload) or publicatie in obv.GEPUBLICEERD)


def _stemmen_van_motie(payload: dict, bron: str, motie_id: str) -> list[dict]:
    """The per-member votes: those inside the Motion, then the standalone Vote records of it (newer wins)."""
    stemmen: dict[str, dict] = {}
    for stem in payload.get("votes") or []:
        if isinstance(stem, dict) and _ref(stem.get("voter")):
            stemmen[_ref(stem.get("voter"))] = stem
    los = WachtendRecord.objects.filter(
        Q(payload__vote_event=motie_id) | Q(payload__vote_event__id=motie_id), bron_systeem=bron, entity_type="Vote"
    ).order_by("bron_id")
    for wachtend in los:
        stem = wachtend.payload
        if _ref(stem.get("vote_event")) == motie_id and _ref(stem.get("voter")):
            stemmen[_ref(stem.get("voter"))] = {
                **stem,
                "voter": _ref(stem.get("voter")),
                "group": _ref(stem.get("group")),
            }
    return list(stemmen.values())


def _persoon_van(ref_of_naam: str, bron: str) -> Persoon | None:
    return _via_herkomst(bron, ref_of_naam, Persoon) or (None if ":" in ref_of_naam else _persoon(ref_of_naam))


def _lid_maken(persoon: Persoon, vergadering: Vergadering, fractie: Fractie | None) -> None:
    """Make sure the person is a member of the meeting's gremium at its date; the source lists them as
    indiener or voter, so a membership of that day (with the fractie the source gives) is recorded."""
    bestaand = Rol.objects.op_datum(vergadering.datum).filter(
        persoon=persoon, soort=Rol.Soort.RAADSLID, gremium_id=vergadering.gremium_id
    )
    if not bestaand.exists():
        Rol.objects.create(
            persoon=persoon,
            soort=Rol.Soort.RAADSLID,
            gremium_id=vergadering.gremium_id,
            fractie=fractie,
            begindatum=vergadering.datum,
            einddatum=vergadering.datum,
        )


def _motie_importeren(*, record: dict, payload: dict, herkomst: Herkomst, run: ImportRun, door) -> tuple[str, str]:
    """A Motion (with its votes) into a Motie with indieners and, when the source publishes it, its stemming.

    The raw record is kept in WachtendRecord as well: a motion whose meeting is not in the portal yet waits
    there and is mapped by a later run; standalone Vote records find their motion through it.
    """
    bron = herkomst.bron_systeem
    motie = _record_van(herkomst, Motie)
    if record["op"] == "delete":
        if motie is not None and motie.stemmingen.filter(status=Stemming.Status.GEPUBLICEERD).exists():
            return ImportItem.Status.CONFLICT, GEPUBLICEERDE_STEMMING
        WachtendRecord.objects.filter(bron_systeem=bron, bron_id=herkomst.bron_id).delete()
        if motie is None:
            return _verwijderd(herkomst, "Verwijderd bij de bron; het stond niet (meer) in het portaal.")
        for stemming in motie.stemmingen.all():
            motie_services.stemming_verwijderen(stemming=stemming, door=door)
        motie_services.stuk_verwijderen(stuk=motie, door=door)
        return _verwijderd(herkomst, "Verwijderd bij de bron; de motie (en haar concept-stemming) is verwijderd.")
    if motie is not None and motie.stemmingen.filter(status=Stemming.Status.GEPUBLICEERD).exists():
        return ImportItem.Status.CONFLICT, GEPUBLICEERDE_STEMMING
    wachtend, _ = WachtendRecord.objects.update_or_create(
        bron_systeem=bron,
        bron_id=herkomst.bron_id,
        defaults={
            "entity_type": record["entity_type"],
            "content_hash": record.get("content_hash") or "",
            "payload": payload,
            "run": run,
            "verwerkt": False,
        },
    )
    vergadering = _via_herkomst(bron, payload.get("meeting"), Vergadering)
    if vergadering is None:
        herkomst.status = Herkomst.Status.WACHT
        herkomst.reden = (
            "Wacht op de vergadering waarin de motie is behandeld (nog niet in het portaal); het record is "
            "bewaard en wordt bij een volgende import gekoppeld."
        )
        return ImportItem.Status.WACHT, herkomst.reden
    if "amendement" in str(payload.get("motion_type") or "").lower():
        raise ImportFout(
            "Amendementen worden niet automatisch ingelezen (de export noemt de gewijzigde beslispunten niet); "
            "voer het amendement met de hand in. Het record is bewaard."
        )
    agendapunt = _via_herkomst(bron, payload.get("agenda_item"), Agendapunt)
    if agendapunt is not None and agendapunt.vergadering_id != vergadering.pk:
        agendapunt = None
    stemmen = _stemmen_van_motie(payload, bron, herkomst.bron_id)
    fractie_van: dict[int, Fractie | None] = {}
    kiezers: dict[int, str] = {}
    for stem in stemmen:
        persoon = _persoon_van(_ref(stem.get("voter")), bron) or _persoon(stem.get("voter_name") or "")
        if persoon is None:
            continue
        fractie = _via_herkomst(bron, stem.get("group"), Fractie) or _fractie(stem.get("group_name") or "")
        fractie_van[persoon.pk] = fractie
        kiezers[persoon.pk] = KEUZES.get(str(stem.get("option") or "").strip().lower(), Stem.Keuze.AFWEZIG)
        _lid_maken(persoon, vergadering, fractie)

    def personen(namen) -> list[Persoon]:
        uit = []
        for naam in namen or []:
            persoon = _persoon_van(str(naam), bron)
            if persoon is not None and persoon not in uit:
                _lid_maken(persoon, vergadering, fractie_van.get(persoon.pk))
                uit.append(persoon)
        return uit

    indieners, mede = personen(payload.get("proposers")), personen(payload.get("co_proposers"))
    if not indieners:
        raise ImportFout(
            "De bron noemt geen indieners van deze motie; voer haar met de hand in. Het record is bewaard."
        )
    gepubliceerd = _motie_gepubliceerd(payload)
    velden = {
        "titel": (payload.get("name") or "Motie")[:300],
        "motietype": Motie.Motietype.VREEMD
        if "vreemd" in str(payload.get("motion_type") or "").lower()
        else Motie.Motietype.OVERIG,
        "verzoek": payload.get("description") or "(De tekst staat niet in de export; zie de bron.)",
        "vertrouwelijkheid": Vertrouwelijkheid.VERTROUWELIJK
        if obv.vertrouwelijk(payload)
        else Vertrouwelijkheid.OPENBAAR,
    }
    if motie is None:
        motie = motie_services.motie_indienen(
            vergadering=vergadering,
            agendapunt=agendapunt,
            velden=velden,
            indieners=indieners,
            mede_indieners=mede,
            status=Indieningsstatus.INGEDIEND if gepubliceerd else Indieningsstatus.CONCEPT,
            door=door,
        )
        status, reden = ImportItem.Status.AANGEMAAKT, f"Motie {motie.nummer} aangemaakt."
    else:
        motie = motie_services.motie_bijwerken(
            motie=motie, versie=motie.version, velden=velden, indieners=indieners, mede_indieners=mede, door=door
        )
        if gepubliceerd and motie.status == Indieningsstatus.CONCEPT:
            motie = motie_services.stuk_status_zetten(stuk=motie, status=Indieningsstatus.INGEDIEND, door=door)
        status, reden = ImportItem.Status.BIJGEWERKT, f"Motie {motie.nummer} bijgewerkt."
    _koppelen(herkomst, motie)
    reden += " " + _stemming_importeren(
        motie=motie, payload=payload, kiezers=kiezers, gepubliceerd=gepubliceerd, door=door
    )
    wachtend.verwerkt = True
    wachtend.save(update_fields=["verwerkt"])
    return status, reden.strip()


def _stemming_importeren(*, motie: Motie, payload: dict, kiezers: dict[int, str], gepubliceerd: bool, door) -> str:
    """The stemming of a published motie as the source carries it: every voter present, each present member
    who is not among the voters did not take part; published with the outcome when the source has one."""
    uitslag = str(payload.get("result") or "").strip().lower()
    if not gepubliceerd:
        return "Staat als concept klaar voor de griffie (de bron markeert haar niet als openbaar en gepubliceerd)" + (
            f"; de {len(kiezers)} stemmen zijn bij het bronrecord bewaard." if kiezers else "."
        )
    if uitslag in (Indieningsstatus.INGETROKKEN, Indieningsstatus.AANGEHOUDEN):
        if motie.status != uitslag:
            motie_services.stuk_status_zetten(stuk=motie, status=uitslag, door=door)
        return f"Status volgens de bron: {uitslag}."
    if not kiezers and uitslag != Stemming.Uitslag.AANGENOMEN:
        return "De bron geeft geen stemmen per lid" + (
            f" (uitslag: {uitslag}); leg de stemming met de hand vast." if uitslag else "."
        )
    vergadering = motie.vergadering
    if kiezers:
        al = set(
            Aanwezigheid.objects.filter(vergadering=vergadering, aanwezig=True).values_list("persoon_id", flat=True)
        )
        if not set(kiezers) <= al:
            motie_services.aanwezigheid_vastleggen(vergadering=vergadering, aanwezig=al | set(kiezers), door=door)
        aanwezig = Aanwezigheid.objects.filter(vergadering=vergadering, aanwezig=True).values_list(
            "persoon_id", flat=True
        )
        stemmen = {pid: kiezers.get(pid, Stem.Keuze.AFWEZIG) for pid in aanwezig}
        soort = Stemming.Soort.HOOFDELIJK
    else:
        stemmen, soort = {}, Stemming.Soort.HAMERSLAG
    bestaand = motie.stemmingen.filter(vergadering=vergadering).order_by("-versie").first()
    stemming = motie_services.stemming_vastleggen(
        vergadering=vergadering, soort=soort, stemmen=stemmen, motie=motie, stemming=bestaand, door=door
    )
    reden = f"Stemming vastgelegd ({len(kiezers)} stemmen)."
    if uitslag in Stemming.Uitslag.values:
        stemming = motie_services.stemming_publiceren(stemming=stemming, door=door)
        reden += f" Gepubliceerd: {stemming.get_uitslag_display()}."
        if stemming.uitslag != uitslag:
            reden += f" Let op: de bron noemt de uitslag ‘{uitslag}’; de stemmen geven ‘{stemming.uitslag}’."
    return reden


def _vote(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    """A standalone Vote record: kept with the others of its motion, then the motion is mapped again."""
    bron = herkomst.bron_systeem
    bestaand = WachtendRecord.objects.filter(bron_systeem=bron, bron_id=herkomst.bron_id).first()
    motie_id = _ref(payload.get("vote_event")) or (_ref(bestaand.payload.get("vote_event")) if bestaand else "")
    motie_herkomst = Herkomst.objects.filter(bron_systeem=bron, bron_id=motie_id).first() if motie_id else None
    motie = _record_van(motie_herkomst, Motie) if motie_herkomst else None
    if motie is not None and motie.stemmingen.filter(status=Stemming.Status.GEPUBLICEERD).exists():
        return ImportItem.Status.CONFLICT, GEPUBLICEERDE_STEMMING
    if record["op"] == "delete":
        WachtendRecord.objects.filter(bron_systeem=bron, bron_id=herkomst.bron_id).delete()
        status, reden = _verwijderd(herkomst, "Verwijderd bij de bron; de stem is weggehaald.")
    else:
        WachtendRecord.objects.update_or_create(
            bron_systeem=bron,
            bron_id=herkomst.bron_id,
            defaults={
                "entity_type": "Vote",
                "content_hash": record.get("content_hash") or "",
                "payload": payload,
                "run": run,
                "verwerkt": True,
            },
        )
        herkomst.status = Herkomst.Status.WACHT
        herkomst.reden = "Stem bewaard; wacht op de motie waarover gestemd is."
        status, reden = ImportItem.Status.WACHT, herkomst.reden
    motie_record = WachtendRecord.objects.filter(bron_systeem=bron, bron_id=motie_id, entity_type="Motion").first()
    if motie_herkomst is not None and motie_record is not None:
        _motie_importeren(
            record={"op": "upsert", "entity_type": "Motion", "content_hash": motie_record.content_hash},
            payload=motie_record.payload,
            herkomst=motie_herkomst,
            run=run,
            door=door,
        )
        motie_herkomst.save()
        if record["op"] != "delete" and motie_herkomst.record_id:
            herkomst.status, herkomst.reden = Herkomst.Status.IN_PORTAAL, ""
            status, reden = ImportItem.Status.BIJGEWERKT, "Stem verwerkt in de stemming van de motie."
    return status, reden


def _party(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    if record["op"] == "delete":
        return _verwijderd(herkomst, "Verwijderd bij de bron; de fractie blijft in het portaal staan.")
    naam = " ".join(str(payload.get("name") or "").split())
    if not naam:
        raise ImportFout("Een Party zonder naam.")
    fractie = _record_van(herkomst, Fractie)
    if fractie is None:
        fractie = _fractie(naam)
        status = ImportItem.Status.AANGEMAAKT
    else:
        Fractie.objects.filter(pk=fractie.pk).update(naam=naam[:200])
        status = ImportItem.Status.BIJGEWERKT
    _koppelen(herkomst, fractie)
    return status, f"Fractie {naam}."


def openstaande_moties_importeren(*, run: ImportRun, door=None) -> None:
    """Motions kept by earlier runs that could not be mapped yet (their meeting was missing) are tried again."""
    openstaand = WachtendRecord.objects.filter(entity_type="Motion", verwerkt=False).exclude(run=run).order_by("pk")
    for n, wachtend in enumerate(openstaand, 1):
        record = {
            "op": "upsert",
            "entity_type": "Motion",
            "entity_id": wachtend.bron_id,
            "source_key": wachtend.bron_systeem.partition(":")[2],
            "content_hash": wachtend.content_hash,
            "payload": wachtend.payload,
        }
        _obv_record_toepassen(run=run, nummer=100000 + n, record=record, door=door, opnieuw=True)


def bijlage_zonder_bestand(*, agendapunt: Agendapunt, titel: str, bestandsnaam: str, mimetype: str, grootte: int):
    """A bijlage that the source only names (the export holds no file bytes): title, name, type, size."""
    laatste = agendapunt.bijlagen.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0
    return AgendapuntBijlage.objects.create(
        agendapunt=agendapunt,
        titel=titel[:300] or "Document",
        volgorde=laatste + 1,
        bestandsnaam=bestandsnaam[:255],
        mimetype=mimetype[:120],
        grootte=max(0, int(grootte or 0)),
    )


def ndjson_regels(data: bytes) -> Iterator[bytes]:
    """The lines of an uploaded NDJSON file (a gzip is refused with a message by the form)."""
    return iter(io.BytesIO(data).read().splitlines())


# --- OpenBesluitvorming: one applier per entity type -------------------------------------

GEPUBLICEERD_BESLUIT = (
    "Bij dit record hoort een gepubliceerd besluit; wat gepubliceerd is verandert niet. De wijziging uit de bron "
    "is niet overgenomen en als conflict gemeld: beoordeel die en maak zo nodig een rectificatie."
)


def _record_van(herkomst: Herkomst, model):
    if herkomst.record_id is None or herkomst.record_type_id != ContentType.objects.get_for_model(model).pk:
        return None
    return model.objects.filter(pk=herkomst.record_id).first()


def _heeft_gepubliceerd_besluit(**filters) -> bool:
    return Besluit.objects.filter(status=Besluit.Status.GEPUBLICEERD, **filters).exists()


def _verwijderd(herkomst: Herkomst, reden: str) -> tuple[str, str]:
    herkomst.status, herkomst.reden = Herkomst.Status.VERWIJDERD, "Verwijderd bij de bron (tombstone)."
    herkomst.record_type, herkomst.record_id = None, None
    return ImportItem.Status.VERWIJDERD, reden


def _vergadering_velden(payload: dict, gremium: Gremium) -> dict:
    begin = obv.datum_tijd(payload.get("start_date"))
    eind = obv.datum_tijd(payload.get("end_date"))
    naam = (payload.get("name") or "Vergadering").strip()[:300]
    if begin is None:
        raise ImportFout(
            "De begindatum van de vergadering ontbreekt of is onleesbaar; een vergadering zonder datum kan niet."
        )
    from .parsers.agenda import soort_raden

    klassen = " ".join(obv._teksten(payload))
    aanvang = begin.time().replace(second=0, microsecond=0) if begin and begin.time() != datetime.time() else None
    einde = eind.time().replace(second=0, microsecond=0) if eind and eind.date() == begin.date() else None
    if aanvang is None or (einde and einde <= aanvang):
        einde = None
    return {
        "gremium": gremium,
        "soort": soort_raden(naam + " " + klassen) or Vergadering.Soort.RAADSVERGADERING,
        "titel": naam,
        "datum": begin.date(),
        "aanvang": aanvang,
        "einde": einde,
        "locatie": (payload.get("location") or "")[:300],
        "openbaar": not obv.vertrouwelijk(payload),
        "toelichting": payload.get("description") or "",
    }


def _gremium_voor(payload: dict, bron: str) -> Gremium:
    ref = payload.get("committee") or ""
    if ref:
        herkomst = Herkomst.objects.filter(bron_systeem=bron, bron_id=str(ref)).first()
        if herkomst:
            gremium = _record_van(herkomst, Gremium)
            if gremium:
                return gremium
    return _gremium("")


def _meeting(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    vergadering = _record_van(herkomst, Vergadering)
    if record["op"] == "delete":
        if vergadering is None:
            return _verwijderd(herkomst, "Verwijderd bij de bron; het stond niet (meer) in het portaal.")
        if _heeft_gepubliceerd_besluit(vergadering=vergadering):
            return ImportItem.Status.CONFLICT, GEPUBLICEERD_BESLUIT
        if vergadering.status == Vergadering.Status.CONCEPT:
            agenda_services.vergadering_verwijderen(vergadering=vergadering, door=door)
            return _verwijderd(herkomst, "Verwijderd bij de bron; de concept-vergadering is verwijderd.")
        if vergadering.status != Vergadering.Status.GEANNULEERD and not vergadering.besluiten.exists():
            agenda_services.vergadering_annuleren(vergadering=vergadering, door=door)
        return _verwijderd(herkomst, "Verwijderd bij de bron; de vergadering was gepubliceerd en is geannuleerd.")
    velden = _vergadering_velden(payload, _gremium_voor(payload, herkomst.bron_systeem))
    if vergadering is None:
        vergadering = agenda_services.vergadering_aanmaken(velden=velden, door=door)
        status, reden = ImportItem.Status.AANGEMAAKT, "Vergadering aangemaakt."
    else:
        if _heeft_gepubliceerd_besluit(vergadering=vergadering):
            return ImportItem.Status.CONFLICT, GEPUBLICEERD_BESLUIT
        if vergadering.status == Vergadering.Status.GEANNULEERD:
            raise ImportFout("Deze vergadering is in het portaal geannuleerd; de wijziging is niet overgenomen.")
        agenda_services.vergadering_bijwerken(
            vergadering=vergadering, versie=vergadering.version, velden=velden, door=door
        )
        status, reden = ImportItem.Status.BIJGEWERKT, "Vergadering bijgewerkt."
    _koppelen(herkomst, vergadering)
    conflicten = _agenda_bijwerken(vergadering=vergadering, payload=payload, bron=herkomst.bron_systeem, door=door)
    if conflicten:
        reden += " " + " ".join(conflicten)
    vergadering.refresh_from_db()
    if obv.geannuleerd(payload) and vergadering.status in (Vergadering.Status.CONCEPT, Vergadering.Status.GEPUBLICEERD):
        if not vergadering.besluiten.exists():
            agenda_services.vergadering_annuleren(vergadering=vergadering, door=door)
            reden += " Geannuleerd volgens de bron."
    elif obv.gepubliceerd(payload) and vergadering.status == Vergadering.Status.CONCEPT:
        agenda_services.vergadering_publiceren(vergadering=vergadering, door=door)
        reden += " Gepubliceerd, want de bron markeert haar als openbaar en gepubliceerd."
    elif vergadering.status == Vergadering.Status.CONCEPT:
        reden += " Staat als concept klaar voor de griffie."
    return status, reden


def _agenda_bijwerken(*, vergadering: Vergadering, payload: dict, bron: str, door) -> list[str]:
    """Create or update the meeting's agenda items (matched on their own id); items gone from the source's
    agenda are removed, unless a besluit hangs on them (then reported)."""
    meldingen = []
    gezien = set()
    type_punt = ContentType.objects.get_for_model(Agendapunt)
    for item in obv.agendapunten(payload):
        item_id = str(item["id"])
        gezien.add(item_id)
        punt_herkomst = _herkomst(bron_systeem=bron, bron_id=item_id, soort=Soort.AGENDAPUNT)
        item_hash = "sha256:" + hashlib.sha256(repr(sorted(item.items())).encode()).hexdigest()
        begin, eind = obv.datum_tijd(item.get("start_date")), obv.datum_tijd(item.get("end_date"))
        aanvang = begin.time().replace(second=0, microsecond=0) if begin else None
        einde = eind.time().replace(second=0, microsecond=0) if eind else None
        if aanvang and einde and einde <= aanvang:
            einde = None
        titel: str = (item.get("title") or item.get("description") or "Agendapunt")[:500]
        besloten = obv.vertrouwelijk(item)
        velden = {
            "volgnummer": str(item.get("number") or "")[:20],
            "titel": titel,
            "omschrijving": item.get("description") or "" if item.get("title") else "",
            "aanvang": aanvang,
            "einde": einde,
            "besloten": besloten,
        }
        punt = _record_van(punt_herkomst, Agendapunt)
        if punt is not None and punt.vergadering_id != vergadering.pk:
            punt = None
        if punt is None:
            punt = agenda_services.agendapunt_toevoegen(vergadering=vergadering, velden=velden, door=door)
        elif punt_herkomst.content_hash != item_hash:
            if _heeft_gepubliceerd_besluit(agendapunt=punt):
                meldingen.append(f"Agendapunt ‘{punt.titel}’: {GEPUBLICEERD_BESLUIT}")
                punt_herkomst.status, punt_herkomst.reden = Herkomst.Status.CONFLICT, GEPUBLICEERD_BESLUIT
                punt_herkomst.save()
                continue
            agenda_services.agendapunt_bijwerken(agendapunt=punt, versie=punt.version, velden=velden, door=door)
        punt_herkomst.content_hash = item_hash
        punt_herkomst.titel = titel
        punt_herkomst.jaar = vergadering.datum.year
        punt_herkomst.vertrouwelijk = besloten
        _koppelen(punt_herkomst, punt)
        punt_herkomst.save()
        for link in item.get("documents") or []:
            if isinstance(link, dict) and link.get("id"):
                _document_koppelen(punt=punt, link=link, bron=bron, vertrouwelijk=besloten)
    # Items that left the source's agenda.
    oud = Herkomst.objects.filter(
        bron_systeem=bron, soort=Soort.AGENDAPUNT, record_type=type_punt, status=Herkomst.Status.IN_PORTAAL
    ).exclude(bron_id__in=gezien)
    for punt_herkomst in oud.filter(record_id__isnull=False).select_for_update():
        punt = Agendapunt.objects.filter(pk=punt_herkomst.record_id or 0, vergadering=vergadering).first()
        if punt is None:
            continue
        if punt.besluiten.exists():
            meldingen.append(
                f"Agendapunt ‘{punt.titel}’ staat niet meer op de agenda bij de bron, maar heeft een besluit."
            )
            continue
        agenda_services.agendapunt_verwijderen(agendapunt=punt, door=door)
        _verwijderd(punt_herkomst, "")
        punt_herkomst.save()
    return meldingen


def _document_koppelen(*, punt: Agendapunt, link: dict, bron: str, vertrouwelijk: bool) -> None:
    herkomst = _herkomst(bron_systeem=bron, bron_id=str(link["id"]), soort=Soort.DOCUMENT)
    bijlage = _record_van(herkomst, AgendapuntBijlage)
    if bijlage is None:
        bijlage = bijlage_zonder_bestand(
            agendapunt=punt,
            titel=link.get("name") or "Document",
            bestandsnaam=link.get("file_name") or "",
            mimetype=link.get("content_type") or "",
            grootte=0,
        )
        if vertrouwelijk:
            AgendapuntBijlage.objects.filter(pk=bijlage.pk).update(vertrouwelijkheid=Vertrouwelijkheid.VERTROUWELIJK)
        _koppelen(herkomst, bijlage)
        herkomst.titel = bijlage.titel
        herkomst.jaar = punt.vergadering.datum.year
    herkomst.original_url = (link.get("original_url") or herkomst.original_url or "")[:1000]
    herkomst.save()


def _document(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    bijlage = _record_van(herkomst, AgendapuntBijlage)
    if record["op"] == "delete":
        if bijlage is None:
            return _verwijderd(herkomst, "Verwijderd bij de bron; het stond niet in het portaal.")
        if _heeft_gepubliceerd_besluit(agendapunt_id=bijlage.agendapunt_id):
            return ImportItem.Status.CONFLICT, GEPUBLICEERD_BESLUIT
        bijlage.delete()
        return _verwijderd(herkomst, "Verwijderd bij de bron; de bijlage is verwijderd.")
    if bijlage is None:
        herkomst.status = Herkomst.Status.ONTBREEKT
        herkomst.reden = (
            "Dit document hangt bij de bron niet aan een agendapunt; het portaal bewaart documenten als bijlage "
            "van een agendapunt, voorstel of memo. Voeg het met de hand toe."
        )
        return ImportItem.Status.MISLUKT, herkomst.reden
    if _heeft_gepubliceerd_besluit(agendapunt_id=bijlage.agendapunt_id):
        return ImportItem.Status.CONFLICT, GEPUBLICEERD_BESLUIT
    nieuw = {
        "titel": (payload.get("name") or bijlage.titel)[:300],
        "bestandsnaam": (payload.get("file_name") or bijlage.bestandsnaam)[:255],
        "mimetype": (payload.get("content_type") or bijlage.mimetype)[:120],
        "grootte": int(payload.get("size_in_bytes") or bijlage.grootte or 0),
    }
    if obv.vertrouwelijk(payload):
        nieuw["vertrouwelijkheid"] = Vertrouwelijkheid.VERTROUWELIJK
    AgendapuntBijlage.objects.filter(pk=bijlage.pk).update(**nieuw)
    _koppelen(herkomst, bijlage)
    return ImportItem.Status.BIJGEWERKT, "Gegevens van de bijlage bijgewerkt (het bestand zelf zit niet in de export)."


def _persoon_naam(payload: dict) -> str:
    naam = payload.get("name") or " ".join(p for p in (payload.get("given_name"), payload.get("family_name")) if p)
    return " ".join(str(naam or "").split())


def _person(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    persoon = _record_van(herkomst, Persoon)
    if record["op"] == "delete":
        # A person stays: published records may name them.
        return _verwijderd(herkomst, "Verwijderd bij de bron; de persoon blijft in het portaal staan.")
    naam = _persoon_naam(payload)
    if not naam:
        raise ImportFout("Een Person zonder naam.")
    if persoon is None:
        persoon = _persoon(naam)
        status = ImportItem.Status.AANGEMAAKT
    else:
        Persoon.objects.filter(pk=persoon.pk).update(naam=naam[:200])
        status = ImportItem.Status.BIJGEWERKT
    _koppelen(herkomst, persoon)
    return status, f"Persoon {naam}."


def _committee(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    if record["op"] == "delete":
        return _verwijderd(herkomst, "Verwijderd bij de bron; het gremium blijft in het portaal staan.")
    gremium = _record_van(herkomst, Gremium) or _gremium(payload.get("name") or "", soort=Gremium.Soort.COMMISSIE)
    _koppelen(herkomst, gremium)
    return ImportItem.Status.AANGEMAAKT, f"Gremium {gremium.naam}."


def _personen_uit_stemmen(payload: dict, bron: str) -> None:
    for stem in payload.get("votes") or []:
        if isinstance(stem, dict) and stem.get("voter") and stem.get("voter_name"):
            herkomst = _herkomst(bron_systeem=bron, bron_id=str(stem["voter"]), soort=Soort.PERSOON)
            if herkomst.record_id is None:
                _koppelen(herkomst, _persoon(stem["voter_name"]))
                herkomst.titel = stem["voter_name"][:500]
                herkomst.content_hash = herkomst.content_hash or "uit-stemming"
                herkomst.save()


def _motion(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    if record["op"] != "delete":
        _personen_uit_stemmen(payload, herkomst.bron_systeem)
    return _motie_importeren(record=record, payload=payload, herkomst=herkomst, run=run, door=door)


def _recording(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    herkomst.status = Herkomst.Status.ONTBREEKT
    herkomst.reden = "Opnames (video/audio) worden niet in het portaal opgeslagen."
    return ImportItem.Status.OVERGESLAGEN, herkomst.reden


def _agenda_item(*, record, payload, herkomst, run, door) -> tuple[str, str]:
    """A standalone AgendaItem record (older exports): only its tombstone needs handling here; its content
    arrives inside the Meeting."""
    punt = _record_van(herkomst, Agendapunt)
    if record["op"] == "delete":
        if punt is None:
            return _verwijderd(herkomst, "Verwijderd bij de bron.")
        if punt.besluiten.exists():
            return ImportItem.Status.CONFLICT, "Dit agendapunt heeft een besluit en wordt niet verwijderd."
        agenda_services.agendapunt_verwijderen(agendapunt=punt, door=door)
        return _verwijderd(herkomst, "Verwijderd bij de bron; het agendapunt is van de agenda gehaald.")
    if punt is None:
        raise ImportFout("Een los agendapunt zonder vergadering in het portaal; het komt mee met de Meeting.")
    return ImportItem.Status.OVERGESLAGEN, "Agendapunten worden bijgewerkt via hun vergadering."


TOEPASSERS = {
    "Meeting": _meeting,
    "AgendaItem": _agenda_item,
    "Document": _document,
    "MediaObject": _document,
    "Person": _person,
    "Party": _party,
    "Committee": _committee,
    "Motion": _motion,
    "Vote": _vote,
    "Recording": _recording,
}
