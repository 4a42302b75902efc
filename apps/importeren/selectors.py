"""Every read the importer's pages need, with the joins done here (constant queries per page)."""

import csv
import io
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from .models import Herkomst, ImportItem, ImportRun, Soort

LIJST_LIMIET = 200
ONTBREKEND_LIMIET = 500


def runs_lijst():
    return ImportRun.objects.select_related("gestart_door").order_by("-gestart_op", "-id")


def run_detail(pk: int) -> ImportRun | None:
    return ImportRun.objects.select_related("gestart_door").filter(pk=pk).first()


def run_items(run: ImportRun):
    return (
        ImportItem.objects.filter(run=run)
        .select_related("herkomst", "herkomst__record_type")
        .defer("brontekst", "velden")
        .order_by("volgnummer", "id")
    )


def te_beoordelen():
    """Imported draft records still waiting for a clerk's save (newest first)."""
    return (
        ImportItem.objects.filter(status=ImportItem.Status.AANGEMAAKT, run__bron="documenten")
        .select_related("herkomst", "herkomst__record_type", "run")
        .defer("brontekst", "velden")
        .order_by("-created_at", "-id")
    )


def niet_ingelezen():
    """Inputs that were not read in (unreadable, unknown, conflicts), kept for manual entry; newest first."""
    return (
        ImportItem.objects.filter(status__in=[ImportItem.Status.MISLUKT, ImportItem.Status.CONFLICT])
        .select_related("herkomst", "herkomst__record_type", "run")
        .defer("brontekst", "velden")
        .order_by("-created_at", "-id")
    )


def item_detail(pk: int) -> ImportItem | None:
    return ImportItem.objects.select_related("run", "herkomst", "herkomst__record_type").filter(pk=pk).first()


def bron_voor_record(record) -> dict | None:
    """For the review form: the newest import item that made this record, with its source text and the
    names of the imported fields. None for a record that was not imported from a document."""
    if record is None or record.pk is None:
        return None
    item = (
        ImportItem.objects.filter(
            herkomst__record_type=ContentType.objects.get_for_model(type(record)),
            herkomst__record_id=record.pk,
        )
        .exclude(brontekst="")
        .order_by("-created_at", "-id")
        .first()
    )
    if item is None:
        return None
    velden = item.velden or {}
    return {
        "item": item,
        "geimporteerd": set(velden.get("geimporteerd", [])),
        "opmerkingen": velden.get("opmerkingen", []),
        "onderdelen": velden.get("onderdelen", {}),
        "lijst_geimporteerd": bool(set(velden.get("geimporteerd", [])) & {"beslispunten", "route", "dictum"}),
        "beoordeeld": item.record_versie is not None and getattr(record, "version", 0) > item.record_versie,
    }


def dekking(*, jaar: int | None = None) -> dict:
    """The coverage report: per year and kind, how many records the source held against how many are in the
    portal, and the missing ones with the reason. Three queries."""
    qs = Herkomst.objects.all()
    if jaar:
        qs = qs.filter(jaar=jaar)
    rijen: list[dict[str, Any]] = [
        dict(rij)
        for rij in qs.values("jaar", "soort")
        .annotate(
            bron=Count("id", filter=~Q(status=Herkomst.Status.VERWIJDERD)),
            portaal=Count("id", filter=Q(status=Herkomst.Status.IN_PORTAAL)),
            wacht=Count("id", filter=Q(status=Herkomst.Status.WACHT)),
            conflict=Count("id", filter=Q(status=Herkomst.Status.CONFLICT)),
        )
        .order_by("-jaar", "soort")
    ]
    soorten = dict(Soort.choices)
    for rij in rijen:
        rij["soort_label"] = soorten.get(rij["soort"], rij["soort"])
        rij["ontbreekt"] = rij["bron"] - rij["portaal"]
        rij["percentage"] = round(100 * rij["portaal"] / rij["bron"]) if rij["bron"] else 100
    ontbrekend = list(
        qs.exclude(status__in=[Herkomst.Status.IN_PORTAAL, Herkomst.Status.VERWIJDERD]).order_by(
            "-jaar", "soort", "titel"
        )[:ONTBREKEND_LIMIET]
    )
    jaren = sorted({j for j in Herkomst.objects.values_list("jaar", flat=True).distinct() if j}, reverse=True)
    return {"rijen": rijen, "ontbrekend": ontbrekend, "jaren": jaren, "jaar": jaar, "limiet": ONTBREKEND_LIMIET}


def dekking_csv(*, jaar: int | None = None) -> str:
    gegevens = dekking(jaar=jaar)
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(["jaar", "soort", "bij de bron", "in het portaal", "ontbreekt", "wacht op vergadering of motie"])
    for rij in gegevens["rijen"]:
        schrijver.writerow(
            [rij["jaar"] or "onbekend", rij["soort_label"], rij["bron"], rij["portaal"], rij["ontbreekt"], rij["wacht"]]
        )
    schrijver.writerow([])
    schrijver.writerow(["ontbrekend: jaar", "soort", "titel", "bronsysteem", "bron-id", "status", "reden", "url"])
    for h in gegevens["ontbrekend"]:
        schrijver.writerow(
            [
                h.jaar or "",
                h.get_soort_display(),
                h.titel,
                h.bron_systeem,
                h.bron_id,
                h.get_status_display(),
                h.reden,
                h.original_url,
            ]
        )
    return uit.getvalue()


def publieke_dekking() -> list[dict]:
    """Per year and kind how many source records are in the portal: counts only, no titles (some are concept)."""
    return [
        {k: r[k] for k in ("jaar", "soort_label", "bron", "portaal", "ontbreekt")}
        for r in dekking()["rijen"]
        if r["soort"] not in ("persoon", "fractie", "gremium", "agendapunt")
    ]
