from apps.core.permissions import GRIFFIE, RAADSLID, rol_van
from apps.core.vastlegging import VastgelegdQuerySet


class RaadsvoorstelQuerySet(VastgelegdQuerySet):
    def openbaar(self):
        return self.exclude(status="concept").filter(vertrouwelijkheid="openbaar")

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.exclude(status="concept")
        return self.openbaar()
