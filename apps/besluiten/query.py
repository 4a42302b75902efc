from django.db import models

from apps.core.permissions import GRIFFIE, RAADSLID, rol_van


class BesluitQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(status="gepubliceerd")

    def openbaar(self):
        """Published, public, and not superseded by a rectificatie."""
        return self.filter(status="gepubliceerd", vertrouwelijkheid="openbaar")

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.filter(status="gepubliceerd")
        return self.openbaar()
