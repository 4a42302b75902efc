"""Every read of besluiten a view needs."""

import datetime
import re

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q

from apps.core.models import Gremium, Onderwerp, Persoon
from apps.core.paginering import SleutelPaginator, vanaf
from apps.core.permissions import rol_van
from apps.core.voorbereid import Voorbereid
from apps.moties.selectors import stemmingen_over
from apps.paginacache.fragmenten import per_generatie
from apps.raadsvoorstellen.models import Beslispunt, Raadsvoorstel, RaadsvoorstelBijlage
from apps.vergaderagenda.query import vergadering_zichtbaar

from .filters import BesluitFilter
from .models import Besluit, DictumPunt

# A besluit is superseded once a rectificatie of it is published; until then it is current.
VERVANGEN = Q(vervangen_door__status="gepubliceerd")


def geldig_zaaknummer(zaaknummer: str) -> bool:
    return bool(zaaknummer and len(zaaknummer) <= 30 and re.fullmatch(settings.ZAAKNUMMER_PATROON, zaaknummer))


def _dictum():
    return Prefetch("dictum", queryset=DictumPunt.objects.order_by("volgorde"))


def huidige_besluiten(*, user):
    """Published besluiten this user may see, without the versions a rectificatie replaced."""
    return Besluit.objects.zichtbaar_voor(user).filter(status="gepubliceerd").exclude(VERVANGEN)


def laatste_besluiten(*, user, aantal: int = 5):
    return list(
        huidige_besluiten(user=user)
        .select_related("zaak", "vergadering")
        .prefetch_related(_dictum())
        .order_by("-gepubliceerd_op", "-id")[:aantal]
    )


#: The order of the besluiten list; the list's indexes (migration 0004) follow it.
LIJST_SORTERING = ("-gepubliceerd_op", "-id")
#: The only columns a list row shows (apps/besluiten/templatetags/besluitenlijst.py).
LIJST_VELDEN = (
    "titel",
    "uitkomst",
    "vertrouwelijkheid",
    "gepubliceerd_op",
    "zaak__zaaknummer",
    "vergadering__datum",
    "vergadering__gremium__naam",
)


def besluiten_lijst(*, user):
    return (
        huidige_besluiten(user=user)
        .select_related("zaak", "vergadering", "vergadering__gremium")
        .only(*LIJST_VELDEN)
        .order_by(*LIJST_SORTERING)
    )


def besluit_filter_keuzes() -> dict[str, list[tuple[str, str]]]:
    """The options of the list's filter form that come from the database, read once per cache generation."""

    def lezen():
        personen = Persoon.objects.filter(Exists(Raadsvoorstel.objects.filter(portefeuillehouder=OuterRef("pk"))))
        return {
            "onderwerp": list(Onderwerp.objects.order_by("naam").values_list("slug", "naam")),
            "gremium": [(g.slug, str(g)) for g in Gremium.objects.order_by("naam").only("slug", "naam", "organisatie")],
            "portefeuillehouder": [(str(u), n) for u, n in personen.order_by("naam").values_list("uuid", "naam")],
        }

    return per_generatie("besluiten:filterkeuzes", lezen)


def besluiten_filteren(*, user, params) -> BesluitFilter:
    """The besluiten list with the visitor's filters (from the URL) applied: `.qs`, `.form`."""
    return BesluitFilter(params or None, queryset=besluiten_lijst(user=user), keuzes=besluit_filter_keuzes())


#: a page of the whole list from its key (SleutelPaginator), compiled once per role (apps.core.voorbereid)
_besluiten_pagina = Voorbereid(
    lambda user, per_pagina, tijd, id: vanaf(
        besluiten_lijst(user=user), [v.lstrip("-") for v in LIJST_SORTERING], (tijd, id)
    )[:per_pagina]
)


def besluiten_pagineren(*, user, filterset: BesluitFilter | None, per_pagina: int, gefilterd: bool) -> SleutelPaginator:
    """The pages of a (filtered) list: the same cost at every page number, an exact count where it is cheap
    (the unfiltered list always: its page keys are kept per cache generation), an estimate otherwise. Without
    `filterset`, or when none of its filters applies: the whole list."""
    if filterset is not None and gefilterd:
        qs, weinig_rijen = filterset.qs, filterset.weinig_rijen
    else:
        qs, weinig_rijen, gefilterd = besluiten_lijst(user=user), False, False
    return SleutelPaginator(
        qs,
        per_pagina,
        sortering=LIJST_SORTERING,
        cache_sleutel=f"besluiten:{rol_van(user)}",
        # the whole list is the same for everyone of a role: named, not fingerprinted by compiling its SQL
        vingerafdruk=None if gefilterd else "alle",
        pagina_qs=None if gefilterd else lambda k: _besluiten_pagina(user, per_pagina, tijd=k[0], id=k[1]),
        altijd_grenzen=not gefilterd,
        # a few meetings' besluiten (a year, a period) or a portefeuillehouder's: sort those few thousand instead
        # of walking the whole list's order to where they are (50 ms for 2015 at 100,000 besluiten, now 3-5 ms)
        zonder_sorteerindex=weinig_rijen,
    )


def _detail_qs(user):
    return (
        Besluit.objects.zichtbaar_voor(user)
        # Only what the page reads of every besluit: PostgreSQL plans a query of eight joined tables in 20-30 ms
        # (its execution takes 0.5 ms), so the signatories (the PDF) and the replaced version are read where they
        # are used. The agendapunt stays: the meeting line of a besluit without a snapshot names it.
        .select_related("zaak", "vergadering__gremium", "agendapunt")
    )


# Every published version this user may see, newest first, in the query that finds the current one: the page
# lists them (a rectificatie's history), and a second query for that list was one of eight on every besluit page
# (issue 14). Nearly every besluit has one version, so the extra rows are rare. Compiled once per role.
_gepubliceerde_versies = Voorbereid(
    lambda user, zaaknummer: (
        _detail_qs(user).filter(zaak__zaaknummer=zaaknummer, status="gepubliceerd").order_by("-versie", "-id")
    )
)


def huidig_besluit(*, user, zaaknummer: str) -> Besluit | None:
    """The besluit at /besluiten/<zaaknummer>/: the newest published version this user may see;
    for the griffie, when nothing is published yet, the newest concept."""
    if not geldig_zaaknummer(zaaknummer):
        return None
    gepubliceerd = list(_gepubliceerde_versies(user, zaaknummer=zaaknummer))
    if gepubliceerd:
        besluit = gepubliceerd[0]
        besluit.gepubliceerde_versies = gepubliceerd
        return besluit
    # only the griffie sees unpublished ones
    return _detail_qs(user).filter(zaak__zaaknummer=zaaknummer).order_by("-versie").first()


def besluit_versie(*, user, zaaknummer: str, versie: int) -> Besluit | None:
    if not geldig_zaaknummer(zaaknummer):
        return None
    return _detail_qs(user).filter(zaak__zaaknummer=zaaknummer, versie=versie).first()


# What a besluit page reads beside the besluit, each compiled once per role (apps.core.voorbereid): by the id of
# the one besluit, zaak or voorstel shown, not as prefetches (Django builds and compiles those on every request)
_raadsvoorstel_van_besluit = Voorbereid(
    lambda user, pk: Raadsvoorstel.objects.zichtbaar_voor(user).filter(pk=pk).select_related("portefeuillehouder")
)
_dictum_van = Voorbereid(lambda user, besluit: DictumPunt.objects.filter(besluit_id=besluit).order_by("volgorde"))
_onderwerpen_van = Voorbereid(lambda user, zaak: Onderwerp.objects.filter(zaken=zaak).order_by("naam"))
_beslispunten_van = Voorbereid(
    lambda user, voorstel: Beslispunt.objects.filter(raadsvoorstel_id=voorstel).order_by("volgorde")
)
_voorstelbijlagen_van = Voorbereid(
    lambda user, voorstel: (
        RaadsvoorstelBijlage.objects.zichtbaar_voor(user).filter(raadsvoorstel_id=voorstel).order_by("volgorde")
    )
)


def besluit_details(*, user, besluit: Besluit) -> dict:
    """What the besluit page shows beside the besluit itself, each list in one query."""
    raadsvoorstel = None
    beslispunten: list = []
    voorstel_bijlagen: list = []
    if besluit.raadsvoorstel_id:
        raadsvoorstel = next(iter(_raadsvoorstel_van_besluit(user, pk=besluit.raadsvoorstel_id)), None)
    if raadsvoorstel is not None:
        beslispunten = list(_beslispunten_van(user, voorstel=raadsvoorstel.pk))
        voorstel_bijlagen = list(_voorstelbijlagen_van(user, voorstel=raadsvoorstel.pk))
    # read with the besluit when it was found as the current one (huidig_besluit); else here
    versies = getattr(besluit, "gepubliceerde_versies", None)
    if versies is None:
        versies = list(
            Besluit.objects.zichtbaar_voor(user)
            .filter(zaak_id=besluit.zaak_id, status="gepubliceerd")
            .order_by("-versie", "-id")
            .only("id", "versie", "gepubliceerd_op", "rectificatie_reden", "status", "zaak_id")
        )
    nieuwste = versies[0] if versies else None
    # The stemming on the voorstel in the besluit's meeting, and those on the amendementen that changed it.
    # The page names only the amendementen of its stemmingen: the meeting and the voorstel it shows already.
    alle = stemmingen_over(
        user=user,
        raadsvoorstel=besluit.raadsvoorstel_id,
        met_amendementen=True,
        vergadering=besluit.vergadering_id,
        samen_met=("amendement",),
    )
    stemmingen = [u for u in alle if u.stemming.raadsvoorstel_id]
    amendementen = [u for u in alle if u.stemming.amendement_id]
    return {
        "vergadering": besluit_vergadering(user=user, besluit=besluit),
        "uitslag": stemmingen[-1] if stemmingen else None,
        "amendement_uitslagen": amendementen,
        "dictum": list(_dictum_van(user, besluit=besluit.pk)),
        "onderwerpen": list(_onderwerpen_van(user, zaak=besluit.zaak_id)),
        "raadsvoorstel": raadsvoorstel,
        "beslispunten": beslispunten,
        "voorstel_bijlagen": voorstel_bijlagen,
        "secties": raadsvoorstel.secties() if raadsvoorstel else [],
        "versies": versies,
        "is_geldig": besluit.status == "gepubliceerd" and nieuwste is not None and nieuwste.pk == besluit.pk,
        "nieuwste": nieuwste,
    }


def besluit_vergadering(*, user, besluit: Besluit) -> dict | None:
    """The meeting line of the besluit page: as the published besluit states it (its snapshot), and only
    when the visitor may see that meeting (a besloten meeting, or one whose agenda is not published, is left
    out), so the page never names or links a meeting the visitor cannot open."""
    vergadering = besluit.vergadering
    if vergadering is None or not vergadering_zichtbaar(vergadering, user):
        return None
    vastgelegd = (besluit.publicatie_gegevens or {}).get("vergadering") if besluit.is_gepubliceerd else None
    if vastgelegd:
        datum = datetime.date.fromisoformat(vastgelegd["datum"])
        titel, gremium = vastgelegd["titel"], vastgelegd["gremium"]
        agendapunt = (besluit.publicatie_gegevens or {}).get("agendapunt", "")
    else:
        datum, titel = vergadering.datum, vergadering.titel
        gremium = vergadering.gremium.naam if vergadering.gremium_id else ""
        punt = besluit.agendapunt  # joined by the detail query
        agendapunt = (punt.volgnummer or str(punt.volgorde)) if punt else ""
    gremium_slug = vergadering.gremium.slug if vergadering.gremium_id else ""
    return {"titel": titel, "datum": datum, "gremium": gremium, "gremium_slug": gremium_slug, "agendapunt": agendapunt}


def besluiten_voor_feed(*, onderwerp: Onderwerp | None = None, aantal: int = 50):
    """Newly published public besluiten: a feed is public, whoever asks for it."""
    qs = Besluit.objects.openbaar().exclude(VERVANGEN)
    if onderwerp is not None:
        qs = qs.filter(zaak__onderwerpen=onderwerp)
    return list(
        qs.select_related("zaak", "vergadering")
        .prefetch_related(_dictum())
        .order_by("-gepubliceerd_op", "-id")[:aantal]
    )


def onderwerp_op_slug(slug: str) -> Onderwerp | None:
    return Onderwerp.objects.filter(slug=slug).first()
