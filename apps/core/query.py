"""QuerySets of the shared model, and the one role switch every kind of record uses for its visibility."""

from typing import Any

from django.db import models
from django.db.models import Q

from .permissions import GRIFFIE, RAADSLID, rol_van
from .vastlegging import VastgelegdQuerySet


class ZichtbaarheidQuerySet(models.QuerySet):
    """Who sees which records, written once: the griffie sees everything, a raadslid what `voor_raadsleden()`
    keeps, everyone else what `openbaar()` keeps. A kind of record defines those two filters."""

    def openbaar(self):
        raise NotImplementedError

    def voor_raadsleden(self):
        raise NotImplementedError

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.voor_raadsleden()
        return self.openbaar()


class BijlageQuerySet(ZichtbaarheidQuerySet):
    """A bijlage follows the rule of the record it belongs to (the model names the foreign key in `ouder_veld`,
    like Open Zaak's related querysets name the path to their zaak); the public sees only openbare bijlagen."""

    def _pad(self) -> str:
        return self.model.ouder_veld  # type: ignore[attr-defined]  # declared by every concrete bijlage model

    def _ouders(self) -> Any:
        return self.model._meta.get_field(self._pad()).related_model.objects.all()  # type: ignore[union-attr]

    def openbaar(self):
        return self.filter(
            **{f"{self._pad()}__in": self._ouders().openbaar().values("pk")}, vertrouwelijkheid="openbaar"
        )

    def voor_raadsleden(self):
        return self.filter(**{f"{self._pad()}__in": self._ouders().voor_raadsleden().values("pk")})


class RolQuerySet(models.QuerySet):
    def op_datum(self, datum):
        return self.filter(begindatum__lte=datum).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=datum))


class OnderwerpQuerySet(models.QuerySet):
    pass


class ZaakQuerySet(VastgelegdQuerySet):
    pass


def zonder_lange_teksten(qs, *paden: str):
    """`qs` without the long text columns (TextField, JSONField) of the models it joins at `paden` (paths of its
    select_related, "" for its own model): for lists that show titles. Fewer columns are cheaper for PostgreSQL
    to send and, above all, for Django to compile and build (about 30 µs a column here)."""
    uit = []
    for pad in paden:
        model = qs.model
        for deel in filter(None, pad.split("__")):
            model = model._meta.get_field(deel).related_model
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.TextField | models.JSONField):
                uit.append(f"{pad}__{veld.name}" if pad else veld.name)
    return qs.defer(*uit)
