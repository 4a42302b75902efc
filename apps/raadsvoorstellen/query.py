from apps.core.query import ZichtbaarheidQuerySet
from apps.core.vastlegging import VastgelegdQuerySetMixin


class RaadsvoorstelQuerySet(VastgelegdQuerySetMixin, ZichtbaarheidQuerySet):
    def openbaar(self):
        return self.exclude(status="concept").filter(vertrouwelijkheid="openbaar")

    def voor_raadsleden(self):
        return self.exclude(status="concept")
