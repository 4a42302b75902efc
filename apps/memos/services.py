"""Every write of memo's. Keyword-only, typed, transactional; history records who did it."""

from collections.abc import Iterable, Sequence

from django.db import transaction

from apps.core.bijlagen import (
    NieuweBijlage,
    bestanden_verwijderen,
    bijlage_aan_ouder_toevoegen,
    bijlage_van_ouder_verwijderen,
)
from apps.core.models import Gremium, Onderwerp
from apps.core.search import zoekindex_bijwerken, zoekindex_verwijderen
from apps.core.services import (
    geschiedenis_gebruiker,
    m2m_vervangen,
    velden_zetten,
    versie_opslaan,
    zaak_voor_nummer,
)

from .models import Memo, MemoBehandeling, MemoBijlage

VELDEN = [
    "soort",
    "aan",
    "cc",
    "van",
    "datum",
    "betreft",
    "kenmerk",
    "tekst",
    "zaak",
    "beantwoordt_vergadering",
    "status",
    "versie",
    "opgesteld_door",
    "in_opdracht_van",
    "vertrouwelijkheid",
]


def _route_vervangen(memo: Memo, route: Sequence[dict]) -> bool:
    """route: dicts with gremium, datum, omschrijving, in order. Returns whether it changed."""
    nieuw = [
        (
            r["gremium"].pk if isinstance(r["gremium"], Gremium) else r["gremium"],
            r.get("datum"),
            (r.get("omschrijving") or "").strip(),
        )
        for r in route
    ]
    oud = list(memo.route.order_by("volgorde").values_list("gremium_id", "datum", "omschrijving"))
    if oud == nieuw:
        return False
    memo.route.all().delete()
    MemoBehandeling.objects.bulk_create(
        [
            MemoBehandeling(memo=memo, volgorde=i, gremium_id=g, datum=d, omschrijving=o)
            for i, (g, d, o) in enumerate(nieuw, 1)
        ]
    )
    return True


def memo_aanmaken(
    *,
    velden: dict,
    onderwerpen: Iterable[Onderwerp] | None = None,
    route: Sequence[dict] = (),
    door=None,
) -> Memo:
    with transaction.atomic():
        memo = Memo()
        velden_zetten(memo, velden, toegestaan=VELDEN)
        versie_opslaan(memo, versie=None, door=door)
        _route_vervangen(memo, route)
        m2m_vervangen(memo.onderwerpen, onderwerpen)
        zoekindex_bijwerken(memo)
    return memo


def memo_bijwerken(
    *,
    memo: Memo,
    versie: int,
    velden: dict,
    onderwerpen: Iterable[Onderwerp] | None = None,
    route: Sequence[dict] | None = None,
    door=None,
) -> Memo:
    with transaction.atomic():
        velden_zetten(memo, velden, toegestaan=VELDEN)
        versie_opslaan(memo, versie=versie, door=door)
        redenen = []
        if route is not None and _route_vervangen(memo, route):
            redenen.append("route gewijzigd")
        if m2m_vervangen(memo.onderwerpen, onderwerpen):
            redenen.append("onderwerpen gewijzigd")
        if redenen:
            versie_opslaan(memo, versie=memo.version, door=door, reden="; ".join(redenen).capitalize())
        zoekindex_bijwerken(memo)
    return memo


def memo_verwijderen(*, memo: Memo, door=None) -> None:
    with transaction.atomic():
        zoekindex_verwijderen(memo)
        geschiedenis_gebruiker(memo, door)
        bestanden = [b.bestand for b in memo.bijlagen.all()]
        memo.delete()
        transaction.on_commit(lambda: bestanden_verwijderen(bestanden))


def memo_bijlage_toevoegen(
    *,
    memo: Memo,
    bestand,
    titel: str = "",
    vertrouwelijkheid: str = "openbaar",
    mimetype: str | None = None,
    door=None,
) -> MemoBijlage:
    with transaction.atomic():
        vers = Memo.objects.select_for_update().get(pk=memo.pk)
        return bijlage_aan_ouder_toevoegen(
            ouder=vers,
            bijlage_model=MemoBijlage,
            bestand=bestand,
            titel=titel,
            vertrouwelijkheid=vertrouwelijkheid,
            mimetype=mimetype,
            door=door,
        )


def memo_bijlage_verwijderen(*, bijlage: MemoBijlage, door=None) -> None:
    with transaction.atomic():
        vers = Memo.objects.select_for_update().get(pk=bijlage.memo_id)
        bijlage_van_ouder_verwijderen(ouder=vers, bijlage=bijlage, door=door)


@transaction.atomic
def memo_opslaan(
    *,
    memo: Memo | None,
    zaaknummer: str | None = None,
    versie: int = 0,
    velden: dict,
    onderwerpen: Iterable[Onderwerp] | None = None,
    route: Sequence[dict] = (),
    bijlage: NieuweBijlage | None = None,
    door=None,
) -> Memo:
    """The griffie's "save this memo", all or nothing: the zaak with `zaaknummer` (created when it does not
    exist yet; no zaaknummer: no zaak), the memo (new, or against `versie`), then the optional new bijlage."""
    velden = {
        **velden,
        "zaak": zaak_voor_nummer(zaaknummer=zaaknummer, titel=velden["betreft"]) if zaaknummer else None,
    }
    if memo is None or memo.pk is None:
        memo = memo_aanmaken(velden=velden, onderwerpen=onderwerpen, route=route, door=door)
    else:
        memo_bijwerken(memo=memo, versie=versie, velden=velden, onderwerpen=onderwerpen, route=route, door=door)
    if bijlage is not None:
        memo_bijlage_toevoegen(memo=memo, **bijlage.velden(), door=door)
    return memo
