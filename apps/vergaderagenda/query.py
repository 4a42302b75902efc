from django.db.models import Q

from apps.core.query import ZichtbaarheidQuerySet


class VergaderingQuerySet(ZichtbaarheidQuerySet):
    def openbaar(self):
        return self.exclude(status="concept").filter(openbaar=True)

    def voor_raadsleden(self):
        return self.exclude(status="concept")


class AgendapuntQuerySet(ZichtbaarheidQuerySet):
    """An agendapunt follows its meeting's rule; a besloten item is hidden from the public as well."""

    def openbaar(self):
        return self.filter(besloten=False).filter(Q(vergadering__openbaar=True) & ~Q(vergadering__status="concept"))

    def voor_raadsleden(self):
        return self.exclude(vergadering__status="concept")
