"""Facts a published besluit rests on are locked: the guard below the forms, services and admin.

A model that a published besluit rests on (its zaak, meeting, agenda item, raadsvoorstel) names
the fields the besluit states (`VASTGELEGDE_VELDEN`) and how to find its published besluiten
(`VASTGELEGD_DOOR`, a lookup through the reverse relation, so core imports no domain app).
Once such a besluit exists, a save() or a QuerySet.update() that changes one of those fields is
refused with a VastgelegdFout, on every database; on PostgreSQL a trigger is the last line.
"""

from django.db import models
from django.db.models import Q

from .fouten import RECTIFICATIE_HINT, VastgelegdFout


def _namen(model, velden) -> str:
    labels = [str(model._meta.get_field(v).verbose_name) for v in velden]
    return ", ".join(labels[:-1]) + (" en " if len(labels) > 1 else "") + labels[-1]


def vastgelegd_melding(model, velden) -> str:
    soort = f"{getattr(model, 'VASTGELEGD_LIDWOORD', 'deze')} {model._meta.verbose_name}"
    return (
        f"Op {soort} rust een gepubliceerd besluit: {_namen(model, velden)} "
        f"{'kan' if len(velden) == 1 else 'kunnen'} niet meer worden gewijzigd. {RECTIFICATIE_HINT}"
    )


class VastgelegdQuerySetMixin:
    """QuerySet.update() (and so bulk_update()) refuses to change a locked field of a locked row."""

    def vastgelegd(self):
        return self.filter(self.model.vastgelegd_filter()).distinct()

    def update(self, **kwargs):
        velden = [v for v in kwargs if v in self.model.VASTGELEGDE_VELDEN]
        if velden and self.vastgelegd().exists():
            raise VastgelegdFout(vastgelegd_melding(self.model, velden))
        return super().update(**kwargs)


class VastgelegdQuerySet(VastgelegdQuerySetMixin, models.QuerySet):
    pass


class VastgelegdModel(models.Model):
    """Refuses, in save(), a change of a field a published besluit rests on."""

    VASTGELEGDE_VELDEN: tuple[str, ...] = ()
    VASTGELEGD_DOOR = "besluiten__status"
    VASTGELEGD_LIDWOORD = "deze"  # "dit" for a het-woord (raadsvoorstel, agendapunt)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.vastgelegd_controleren()
        super().save(*args, **kwargs)

    @classmethod
    def vastgelegd_filter(cls) -> Q:
        return Q(**{cls.VASTGELEGD_DOOR: "gepubliceerd"})

    def is_vastgelegd(self) -> bool:
        if self.pk is None or self._state.adding:
            return False
        return type(self)._base_manager.filter(pk=self.pk).filter(self.vastgelegd_filter()).exists()

    def vastgelegde_wijzigingen(self) -> list[str]:
        """The locked fields whose value differs from the stored row (empty when not locked)."""
        if not self.VASTGELEGDE_VELDEN or not self.is_vastgelegd():
            return []
        kolommen = [self._meta.get_field(v).attname for v in self.VASTGELEGDE_VELDEN]
        opgeslagen = type(self)._base_manager.filter(pk=self.pk).values(*kolommen).first() or {}
        return [
            v
            for v, kolom in zip(self.VASTGELEGDE_VELDEN, kolommen, strict=True)
            if kolom in opgeslagen and opgeslagen[kolom] != self._meta.get_field(v).to_python(getattr(self, kolom))
        ]

    def vastgelegd_controleren(self) -> None:
        if gewijzigd := self.vastgelegde_wijzigingen():
            raise VastgelegdFout(vastgelegd_melding(type(self), gewijzigd), veld=gewijzigd[0])
