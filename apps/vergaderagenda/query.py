from django.db.models import Q

from apps.core.permissions import GRIFFIE, RAADSLID, rol_van
from apps.core.query import ZichtbaarheidQuerySet
from apps.core.vastlegging import VastgelegdQuerySetMixin


def vergadering_zichtbaar(vergadering, user) -> bool:
    """The rule of VergaderingQuerySet.zichtbaar_voor for one meeting already loaded (no query)."""
    rol = rol_van(user)
    if rol == GRIFFIE:
        return True
    if vergadering.status == "concept":
        return False
    return rol == RAADSLID or vergadering.openbaar


class VergaderingQuerySet(VastgelegdQuerySetMixin, ZichtbaarheidQuerySet):
    def openbaar(self):
        return self.exclude(status="concept").filter(openbaar=True)

    def voor_raadsleden(self):
        return self.exclude(status="concept")


class AgendapuntQuerySet(VastgelegdQuerySetMixin, ZichtbaarheidQuerySet):
    """An agendapunt follows its meeting's rule; a besloten item is hidden from the public as well."""

    def openbaar(self):
        return self.filter(besloten=False).filter(Q(vergadering__openbaar=True) & ~Q(vergadering__status="concept"))

    def voor_raadsleden(self):
        return self.exclude(vergadering__status="concept")
