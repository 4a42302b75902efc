from apps.core.query import ZichtbaarheidQuerySet


class RaadsvoorstelQuerySet(ZichtbaarheidQuerySet):
    def openbaar(self):
        return self.exclude(status="concept").filter(vertrouwelijkheid="openbaar")

    def voor_raadsleden(self):
        return self.exclude(status="concept")
