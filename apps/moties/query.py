"""Visibility of moties, amendementen, stemmingen and besluitenlijsten.

- the griffie sees everything;
- raadsleden see what is no longer concept (also besloten and vertrouwelijk);
- the public sees what is no longer concept, openbaar, of a public meeting that is no longer concept, and
  not on a besloten agenda item.

Related visibility follows the parent: a stemming is public when it is published and its meeting and agenda
item are public; the meeting's rule lives once, in `_openbare_vergadering`.
"""

from django.db import models
from django.db.models import Q

from apps.core.fouten import VastgelegdFout
from apps.core.permissions import GRIFFIE, RAADSLID, rol_van

VAST_MELDING = (
    "Dit is gepubliceerd (een stemming, haar stemmen, de presentielijst waarop zij rust of een besluitenlijst) en "
    "kan niet meer worden gewijzigd. Een correctie is een rectificatie: een nieuwe versie."
)


class VastQuerySet(models.QuerySet):
    """update() and delete() refuse rows a published stemming or besluitenlijst states, on every database
    (bulk_update() goes through update()); on PostgreSQL the triggers of migration moties/0002 stay the last line.
    `vast` names those rows."""

    vast = Q(pk__in=[])

    def heeft_vaste(self) -> bool:
        return self.filter(self.vast).exists()

    def update(self, **kwargs):
        if self.heeft_vaste():
            raise VastgelegdFout(VAST_MELDING)
        return super().update(**kwargs)

    def delete(self):
        if self.heeft_vaste():
            raise VastgelegdFout(VAST_MELDING)
        return super().delete()


class AanwezigheidQuerySet(VastQuerySet):
    # The presence list of a meeting is fixed once one of its stemmingen is published.
    vast = Q(vergadering__stemmingen__status="gepubliceerd")


class StemQuerySet(VastQuerySet):
    vast = Q(stemming__status="gepubliceerd")


def _openbare_vergadering(pad: str = "") -> Q:
    return (
        Q(**{f"{pad}vergadering__openbaar": True})
        & ~Q(**{f"{pad}vergadering__status": "concept"})
        & (Q(**{f"{pad}agendapunt__isnull": True}) | Q(**{f"{pad}agendapunt__besloten": False}))
    )


class IngediendQuerySet(models.QuerySet):
    def ingediend(self):
        return self.exclude(status="concept")

    def openbaar(self):
        return self.ingediend().filter(_openbare_vergadering(), vertrouwelijkheid="openbaar")

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.ingediend()
        return self.openbaar()


class MotieQuerySet(IngediendQuerySet):
    pass


class AmendementQuerySet(IngediendQuerySet):
    def openbaar(self):
        return super().openbaar().filter(raadsvoorstel__vertrouwelijkheid="openbaar")


class StemmingQuerySet(VastQuerySet):
    vast = Q(status="gepubliceerd")

    def gepubliceerd(self):
        return self.filter(status="gepubliceerd")

    def openbaar(self):
        stuk_openbaar = (
            (Q(raadsvoorstel__isnull=True) | Q(raadsvoorstel__vertrouwelijkheid="openbaar"))
            & (Q(motie__isnull=True) | Q(motie__vertrouwelijkheid="openbaar"))
            & (Q(amendement__isnull=True) | Q(amendement__vertrouwelijkheid="openbaar"))
        )
        return self.gepubliceerd().filter(_openbare_vergadering()).filter(stuk_openbaar)

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.gepubliceerd()
        return self.openbaar()

    def geldend(self):
        """Without the versions a published rectificatie replaced."""
        return self.exclude(vervangen_door__status="gepubliceerd")


class BesluitenlijstQuerySet(VastQuerySet):
    vast = Q(status="gepubliceerd")

    def gepubliceerd(self):
        return self.filter(status="gepubliceerd")

    def openbaar(self):
        return self.gepubliceerd().filter(vergadering__openbaar=True).exclude(vergadering__status="concept")

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.gepubliceerd()
        return self.openbaar()
