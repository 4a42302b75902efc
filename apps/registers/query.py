"""Visibility of register items, and the derived state "overschreden".

- the griffie sees everything;
- raadsleden see what is published (also vertrouwelijk);
- the public sees what is published and openbaar; a toezegging also needs a public meeting (and agenda item).

A motie's follow-up follows the motie: whoever may see the aangenomen motie may see its follow-up.

"Overschreden" is derived, never stored: open and past the deadline, with today in Europe/Amsterdam.
"""

import datetime

from django.db.models import Q

from apps.core.permissions import GRIFFIE, rol_van
from apps.core.query import ZichtbaarheidQuerySet

from .termijnen import vandaag


class RegisterQuerySet(ZichtbaarheidQuerySet):
    open_statussen: tuple[str, ...] = ("open",)

    def gepubliceerd(self):
        return self.filter(publicatie="gepubliceerd")

    def openbaar(self):
        return self.gepubliceerd().filter(vertrouwelijkheid="openbaar")

    def voor_raadsleden(self):
        return self.gepubliceerd()

    # --- derived state -----------------------------------------------------------------------------

    def open(self):
        return self.filter(status__in=self.open_statussen)

    def overschreden(self, op: datetime.date | None = None):
        return self.open().filter(uiterste_datum__lt=op or vandaag())

    def met_toestand(self, toestand: str, op: datetime.date | None = None):
        op = op or vandaag()
        if toestand == "overschreden":
            return self.overschreden(op)
        if toestand == "open":
            return self.open().filter(Q(uiterste_datum__isnull=True) | Q(uiterste_datum__gte=op))
        return self.filter(status=toestand)

    def verloopt_tussen(self, van: datetime.date, tot: datetime.date):
        return self.open().filter(uiterste_datum__gte=van, uiterste_datum__lte=tot)


class ToezeggingQuerySet(RegisterQuerySet):
    def openbaar(self):
        return (
            super()
            .openbaar()
            .filter(vergadering__openbaar=True)
            .exclude(vergadering__status="concept")
            .filter(Q(agendapunt__isnull=True) | Q(agendapunt__besloten=False))
        )


class IngekomenStukQuerySet(RegisterQuerySet):
    pass


class SchriftelijkeVraagQuerySet(RegisterQuerySet):
    pass


class LangetermijnQuerySet(RegisterQuerySet):
    open_statussen = ("gepland", "in_voorbereiding", "uitgesteld")


class MotieopvolgingQuerySet(RegisterQuerySet):
    open_statussen = ("niet_gestart", "in_uitvoering")

    def openbaar(self):
        from apps.moties.models import Motie

        return self.filter(motie__in=Motie.objects.openbaar().filter(status="aangenomen").values("pk"))

    def zichtbaar_voor(self, user):
        from apps.moties.models import Motie

        if rol_van(user) == GRIFFIE:
            return self
        return self.filter(motie__in=Motie.objects.zichtbaar_voor(user).filter(status="aangenomen").values("pk"))
