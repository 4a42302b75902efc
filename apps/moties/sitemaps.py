"""Sitemap sections of moties, amendementen, besluitenlijsten, fracties and persons: only what is public."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from apps.core.models import Fractie, Persoon

from .models import Amendement, Besluitenlijst, Motie


class MotiesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = 10000
    naam = "moties:motie"
    model = Motie

    def items(self):
        return self.model.objects.openbaar().order_by("-ingediend_op", "-id").values("nummer", "updated_at")

    def location(self, item):
        return reverse(self.naam, kwargs={"nummer": item["nummer"]})

    def lastmod(self, item):
        return item["updated_at"]


class AmendementenSitemap(MotiesSitemap):
    naam = "moties:amendement"
    model = Amendement


class BesluitenlijstenSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.7
    limit = 10000

    def items(self):
        return (
            Besluitenlijst.objects.openbaar()
            .order_by("vergadering__datum", "vergadering__gremium__slug")
            .values("vergadering__datum", "vergadering__gremium__slug")
            .distinct()
        )

    def location(self, item):
        return reverse(
            "moties:besluitenlijst",
            kwargs={"datum": item["vergadering__datum"].isoformat(), "gremium": item["vergadering__gremium__slug"]},
        )


class FractiesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Fractie.objects.order_by("naam").values_list("slug", flat=True)

    def location(self, item):
        return reverse("moties:fractie", kwargs={"slug": item})


class PersonenSitemap(Sitemap):
    """Persons with a public page (a slug) and a membership of a fractie (raadsleden, burgerleden)."""

    changefreq = "monthly"
    priority = 0.4
    limit = 10000

    def items(self):
        return (
            Persoon.objects.exclude(slug="")
            .filter(rollen__fractie__isnull=False)
            .order_by("slug")
            .values_list("slug", flat=True)
            .distinct()
        )

    def location(self, item):
        return reverse("moties:persoon", kwargs={"slug": item})
