from django.db import models

from apps.core.fouten import RECTIFICATIE_HINT, VastgelegdFout
from apps.core.query import ZichtbaarheidQuerySet

GEPUBLICEERD_MELDING = (
    "Dit besluit is gepubliceerd en kan niet meer worden gewijzigd. "
    "Maak een rectificatie (een nieuwe versie) als er iets moet worden verbeterd."
)
DICTUM_MELDING = f"Het dictum van een gepubliceerd besluit kan niet meer worden gewijzigd. {RECTIFICATIE_HINT}"

# Set exactly once on a published besluit (by the publication or, for a besluit published by an
# import without them, by the first rendering of its PDF); everything else of it never changes.
EENMALIG = ("pdf", "pdf_sha256", "publicatie_gegevens")


def leeg(waarde) -> bool:
    return waarde in (None, "", {}) or (hasattr(waarde, "name") and not waarde.name)


class BesluitQuerySet(ZichtbaarheidQuerySet):
    def gepubliceerd(self):
        return self.filter(status="gepubliceerd")

    def openbaar(self):
        """Published and public. A version superseded by a rectificatie stays public (its own address shows it
        with a notice); the lists and the search leave superseded versions out themselves."""
        return self.filter(status="gepubliceerd", vertrouwelijkheid="openbaar")

    def voor_raadsleden(self):
        return self.gepubliceerd()

    # The guard: a published besluit never changes, also not through a queryset (bulk_update uses update()).

    def update(self, **kwargs):
        gepubliceerd = self.filter(status="gepubliceerd")
        if gepubliceerd.exists():
            if set(kwargs) - set(EENMALIG):
                raise VastgelegdFout(GEPUBLICEERD_MELDING)
            for veld in kwargs:
                leeg_filter = {"publicatie_gegevens__isnull": True} if veld == "publicatie_gegevens" else {veld: ""}
                if gepubliceerd.exclude(**leeg_filter).exists():
                    raise VastgelegdFout(GEPUBLICEERD_MELDING)
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status="gepubliceerd").exists():
            raise VastgelegdFout(GEPUBLICEERD_MELDING)
        return super().delete()


class DictumQuerySet(models.QuerySet):
    def _gepubliceerd(self):
        return self.filter(besluit__status="gepubliceerd").exists()

    def update(self, **kwargs):
        if self._gepubliceerd():
            raise VastgelegdFout(DICTUM_MELDING)
        return super().update(**kwargs)

    def delete(self):
        if self._gepubliceerd():
            raise VastgelegdFout(DICTUM_MELDING)
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        from .models import Besluit

        ids = {o.besluit_id for o in objs}
        if Besluit._base_manager.filter(pk__in=ids, status="gepubliceerd").exclude(pdf="").exists():
            raise VastgelegdFout(DICTUM_MELDING)
        return super().bulk_create(objs, *args, **kwargs)
