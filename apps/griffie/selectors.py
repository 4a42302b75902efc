"""Every read the griffie pages need: lists, one record with everything on its page, and its history.

Each function runs a fixed number of queries, whatever the number of rows.
"""

from django.db.models import Count, Prefetch

from apps.besluiten.models import Besluit, DictumPunt
from apps.core.geschiedenis import geschiedenis, wijzigingen_sinds
from apps.memos.models import Memo, MemoBehandeling, MemoBijlage
from apps.raadsvoorstellen.models import Beslispunt, Raadsvoorstel, RaadsvoorstelBijlage
from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage, Vergadering

LIJST_LIMIET = 200

__all__ = ["geschiedenis", "wijzigingen_sinds"]  # the history of any record, from core, for the griffie pages


# --- Lists -------------------------------------------------------------------------------


def raadsvoorstellen_lijst():
    # Newest first by primary key: an index, also at the benchmark's data sizes.
    return Raadsvoorstel.objects.select_related("zaak", "portefeuillehouder").order_by("-id")


def memos_lijst():
    return Memo.objects.select_related("zaak").order_by("-datum", "-id")


def vergaderingen_lijst():
    return (
        Vergadering.objects.select_related("gremium")
        .annotate(aantal_punten=Count("agendapunten"))
        .order_by("-datum", "-aanvang", "-id")
    )


def besluiten_lijst():
    return Besluit.objects.select_related("zaak", "vergadering", "vervangen_door").order_by("-id")


def dashboard_gegevens() -> dict:
    return {
        "concept_voorstellen": list(raadsvoorstellen_lijst().filter(status="concept")[:10]),
        "te_agenderen": list(raadsvoorstellen_lijst().filter(status="aangeboden")[:10]),
        "concept_vergaderingen": list(vergaderingen_lijst().filter(status="concept")[:10]),
        # status IN (...): the status index applies (NOT gepubliceerd scanned the whole table).
        "open_besluiten": list(
            besluiten_lijst().filter(status__in=[Besluit.Status.CONCEPT, Besluit.Status.VASTGESTELD])[:10]
        ),
    }


# --- One record --------------------------------------------------------------------------


def raadsvoorstel_detail(uuid) -> Raadsvoorstel | None:
    return (
        Raadsvoorstel.objects.filter(uuid=uuid)
        .select_related("zaak", "portefeuillehouder", "directeur_secretaris", "burgemeester")
        .prefetch_related(
            Prefetch("beslispunten", queryset=Beslispunt.objects.order_by("volgorde")),
            Prefetch("bijlagen", queryset=RaadsvoorstelBijlage.objects.order_by("volgorde")),
            "zaak__onderwerpen",
            Prefetch("agendapunten", queryset=Agendapunt.objects.select_related("vergadering")),
            Prefetch("besluiten", queryset=Besluit.objects.order_by("versie")),
        )
        .first()
    )


def memo_detail(uuid) -> Memo | None:
    return (
        Memo.objects.filter(uuid=uuid)
        .select_related("zaak", "beantwoordt_vergadering")
        .prefetch_related(
            Prefetch("route", queryset=MemoBehandeling.objects.select_related("gremium").order_by("volgorde")),
            Prefetch("bijlagen", queryset=MemoBijlage.objects.order_by("volgorde")),
            "onderwerpen",
        )
        .first()
    )


def vergadering_detail(uuid) -> Vergadering | None:
    return (
        Vergadering.objects.filter(uuid=uuid)
        .select_related("gremium")
        .prefetch_related(
            Prefetch(
                "agendapunten",
                queryset=Agendapunt.objects.select_related("raadsvoorstel__zaak", "zaak")
                .prefetch_related(
                    "memos",
                    Prefetch("bijlagen", queryset=AgendapuntBijlage.objects.order_by("volgorde")),
                    Prefetch("besluiten", queryset=Besluit.objects.order_by("versie")),
                )
                .order_by("volgorde"),
            )
        )
        .first()
    )


def agenda_met_besluiten(vergadering) -> list:
    """The prefetched agendapunten, each with `huidig_besluit` (the newest version) or None."""
    punten = list(vergadering.agendapunten.all())
    for punt in punten:
        besluiten = list(punt.besluiten.all())
        punt.huidig_besluit = besluiten[-1] if besluiten else None
    return punten


def agendapunt_detail(uuid) -> Agendapunt | None:
    return (
        Agendapunt.objects.filter(uuid=uuid)
        .select_related("vergadering", "raadsvoorstel__zaak", "zaak")
        .prefetch_related(Prefetch("bijlagen", queryset=AgendapuntBijlage.objects.order_by("volgorde")))
        .first()
    )


def besluit_detail(uuid) -> Besluit | None:
    return (
        Besluit.objects.filter(uuid=uuid)
        .select_related(
            "zaak",
            "raadsvoorstel",
            "vergadering",
            "agendapunt",
            "griffier",
            "voorzitter",
            "gepubliceerd_door",
            "vervangt",
            "vervangen_door",
        )
        .prefetch_related(Prefetch("dictum", queryset=DictumPunt.objects.order_by("volgorde")))
        .first()
    )
