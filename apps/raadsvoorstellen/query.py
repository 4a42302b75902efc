from django.db import models

from apps.core.permissions import GRIFFIE, RAADSLID, rol_van


class RaadsvoorstelQuerySet(models.QuerySet):
    def openbaar(self):
        return self.exclude(status="concept").filter(vertrouwelijkheid="openbaar")

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.exclude(status="concept")
        return self.openbaar()
