"""Sitemaps for search engines: only what an anonymous visitor may see.

Every section reads what an anonymous visitor may see (`.openbaar()` or a selector called
for AnonymousUser), so concept, vertrouwelijke and besloten records can never appear here.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from apps.besluiten.selectors import huidige_besluiten
from apps.core.models import Onderwerp
from apps.moties.sitemaps import (
    AmendementenSitemap,
    BesluitenlijstenSitemap,
    FractiesSitemap,
    MotiesSitemap,
    PersonenSitemap,
)
from apps.vergaderagenda.models import Vergadering


class VasteSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return [
            "portaal:home",
            "vergaderagenda:kalender",
            "besluiten:lijst",
            "portaal:onderwerpen",
            "portaal:toegankelijkheid",
            "portaal:open-data",
        ]

    def location(self, item):
        return reverse(item)


class BesluitenSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.8
    limit = 10000

    def items(self):
        return (
            huidige_besluiten(user=AnonymousUser())
            .order_by("-gepubliceerd_op", "-id")
            .values("zaak__zaaknummer", "gepubliceerd_op")
        )

    def location(self, item):
        return reverse("besluiten:detail", kwargs={"zaaknummer": item["zaak__zaaknummer"]})

    def lastmod(self, item):
        return item["gepubliceerd_op"]


class ZakenSitemap(Sitemap):
    """The timeline of every zaak with a public besluit."""

    changefreq = "monthly"
    priority = 0.5
    limit = 10000

    def items(self):
        return (
            huidige_besluiten(user=AnonymousUser())
            .order_by("-gepubliceerd_op", "-id")
            .values_list("zaak__zaaknummer", flat=True)
        )

    def location(self, item):
        return reverse("portaal:zaak", kwargs={"zaaknummer": item})


class AgendaSitemap(Sitemap):
    """One agenda page per date with a public meeting."""

    changefreq = "weekly"
    priority = 0.6
    limit = 10000

    def items(self):
        return Vergadering.objects.openbaar().order_by("-datum").values_list("datum", flat=True).distinct()

    def location(self, item):
        return reverse("vergaderagenda:agenda", kwargs={"datum": item.isoformat()})


class OnderwerpenSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Onderwerp.objects.order_by("naam").values_list("slug", flat=True)

    def location(self, item):
        return reverse("portaal:onderwerp", kwargs={"slug": item})


SITEMAPS = {
    "paginas": VasteSitemap,
    "besluiten": BesluitenSitemap,
    "zaken": ZakenSitemap,
    "agenda": AgendaSitemap,
    "onderwerpen": OnderwerpenSitemap,
    "moties": MotiesSitemap,
    "amendementen": AmendementenSitemap,
    "besluitenlijsten": BesluitenlijstenSitemap,
    "fracties": FractiesSitemap,
    "personen": PersonenSitemap,
}
