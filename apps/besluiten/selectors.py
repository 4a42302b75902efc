"""Every read of besluiten a view needs."""

import re

from django.conf import settings
from django.db.models import Prefetch, Q

from apps.core.models import Onderwerp
from apps.core.permissions import mag_besloten_zien
from apps.moties.selectors import stemmingen_over
from apps.raadsvoorstellen.models import Beslispunt, Raadsvoorstel, RaadsvoorstelBijlage

from .filters import BesluitFilter
from .models import Besluit, DictumPunt

# A besluit is superseded once a rectificatie of it is published; until then it is current.
VERVANGEN = Q(vervangen_door__status="gepubliceerd")


def geldig_zaaknummer(zaaknummer: str) -> bool:
    return bool(zaaknummer) and len(zaaknummer) <= 30 and re.fullmatch(settings.ZAAKNUMMER_PATROON, zaaknummer)


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


def besluiten_lijst(*, user):
    return (
        huidige_besluiten(user=user)
        .select_related("zaak", "vergadering", "vergadering__gremium")
        .order_by("-gepubliceerd_op", "-id")
    )


def besluiten_filteren(*, user, params) -> BesluitFilter:
    """The besluiten list with the visitor's filters (from the URL) applied: `.qs`, `.form`."""
    return BesluitFilter(params or None, queryset=besluiten_lijst(user=user))


def _detail_qs(user):
    return (
        Besluit.objects.zichtbaar_voor(user)
        .select_related(
            "zaak",
            "vergadering",
            "vergadering__gremium",
            "agendapunt",
            "griffier",
            "voorzitter",
            "vervangt",
        )
        .prefetch_related(_dictum(), Prefetch("zaak__onderwerpen", queryset=Onderwerp.objects.order_by("naam")))
    )


def huidig_besluit(*, user, zaaknummer: str) -> Besluit | None:
    """The besluit at /besluiten/<zaaknummer>/: the newest published version this user may see;
    for the griffie, when nothing is published yet, the newest concept."""
    if not geldig_zaaknummer(zaaknummer):
        return None
    qs = _detail_qs(user).filter(zaak__zaaknummer=zaaknummer)
    besluit = qs.filter(status="gepubliceerd").order_by("-versie").first()
    if besluit is None:
        besluit = qs.order_by("-versie").first()  # only the griffie sees unpublished ones
    return besluit


def besluit_versie(*, user, zaaknummer: str, versie: int) -> Besluit | None:
    if not geldig_zaaknummer(zaaknummer):
        return None
    return _detail_qs(user).filter(zaak__zaaknummer=zaaknummer, versie=versie).first()


def besluit_details(*, user, besluit: Besluit) -> dict:
    """What the besluit page shows beside the besluit itself, each list in one query."""
    raadsvoorstel = None
    if besluit.raadsvoorstel_id:
        bijlagen = RaadsvoorstelBijlage.objects.order_by("volgorde")
        if not mag_besloten_zien(user):
            bijlagen = bijlagen.filter(vertrouwelijkheid="openbaar")
        raadsvoorstel = (
            Raadsvoorstel.objects.zichtbaar_voor(user)
            .filter(pk=besluit.raadsvoorstel_id)
            .select_related("portefeuillehouder")
            .prefetch_related(
                Prefetch("beslispunten", queryset=Beslispunt.objects.order_by("volgorde")),
                Prefetch("bijlagen", queryset=bijlagen),
            )
            .first()
        )
    versies = list(
        Besluit.objects.zichtbaar_voor(user)
        .filter(zaak_id=besluit.zaak_id, status="gepubliceerd")
        .order_by("-versie")
        .only("id", "versie", "gepubliceerd_op", "rectificatie_reden", "status", "zaak_id")
    )
    nieuwste = versies[0] if versies else None
    # The stemming on the voorstel in the besluit's meeting, and those on the amendementen that changed it.
    alle = stemmingen_over(
        user=user, raadsvoorstel=besluit.raadsvoorstel_id, met_amendementen=True, vergadering=besluit.vergadering_id
    )
    stemmingen = [u for u in alle if u.stemming.raadsvoorstel_id]
    amendementen = [u for u in alle if u.stemming.amendement_id]
    return {
        "uitslag": stemmingen[-1] if stemmingen else None,
        "amendement_uitslagen": amendementen,
        "raadsvoorstel": raadsvoorstel,
        "secties": raadsvoorstel.secties() if raadsvoorstel else [],
        "versies": versies,
        "is_geldig": besluit.status == "gepubliceerd" and nieuwste is not None and nieuwste.pk == besluit.pk,
        "nieuwste": nieuwste,
    }


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
