from django.db import models

from apps.core.permissions import GRIFFIE, RAADSLID, rol_van


class MemoQuerySet(models.QuerySet):
    def openbaar(self):
        return self.filter(status="definitief", vertrouwelijkheid="openbaar")

    def zichtbaar_voor(self, user):
        rol = rol_van(user)
        if rol == GRIFFIE:
            return self
        if rol == RAADSLID:
            return self.filter(status="definitief")
        return self.openbaar()
