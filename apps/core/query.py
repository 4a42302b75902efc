from django.db import models
from django.db.models import Q

from .vastlegging import VastgelegdQuerySet


class RolQuerySet(models.QuerySet):
    def op_datum(self, datum):
        return self.filter(begindatum__lte=datum).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=datum))


class OnderwerpQuerySet(models.QuerySet):
    pass


class ZaakQuerySet(VastgelegdQuerySet):
    pass
