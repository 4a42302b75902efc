from django.db.models import Q

from apps.core.permissions import GRIFFIE, RAADSLID, rol_van
from apps.core.vastlegging import VastgelegdQuerySet


def vergadering_zichtbaar(vergadering, user) -> bool:
    """The rule of VergaderingQuerySet.zichtbaar_voor for one meeting already loaded (no query)."""
    rol = rol_van(user)
    if rol == GRIFFIE:
        return True
    if vergadering.status == "concept":
        return False
    return rol == RAADSLID or vergadering.openbaar


class VergaderingQuerySet(VastgelegdQuerySet):
    def openbaar(self):
        return self.exclude(status="concept").filter(openbaar=True)

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.exclude(status="concept")
        return self.openbaar()


class AgendapuntQuerySet(VastgelegdQuerySet):
    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.exclude(vergadering__status="concept")
        return self.filter(besloten=False).filter(Q(vergadering__openbaar=True) & ~Q(vergadering__status="concept"))
