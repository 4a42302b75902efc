"""Atom feed of public moties and amendementen, newest first (a feed is public, whoever asks for it)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from apps.core.gemeente import huidige_gemeente

from .selectors import stukken_voor_feed


class MotiesFeed(Feed):
    feed_type = Atom1Feed
    item_guid_is_permalink = False

    def title(self):
        return f"Moties en amendementen — {huidige_gemeente().naam_raad}"

    def subtitle(self):
        return "Ingediende moties en amendementen in de gemeenteraad, met hun uitslag."

    def link(self):
        return reverse("moties:moties")

    def items(self):
        return stukken_voor_feed()

    def item_title(self, stuk):
        soort = "Motie" if stuk._meta.model_name == "motie" else "Amendement"
        return f"{soort} {stuk.nummer}: {stuk.titel} ({stuk.get_status_display()})"

    def item_description(self, stuk):
        indieners = ", ".join(
            f"{i.persoon.naam} ({i.fractie.naam})" if i.fractie_id else i.persoon.naam for i in stuk.indieners.all()
        )
        tekst = getattr(stuk, "verzoek", "") or getattr(stuk, "nieuwe_tekst", "")
        return f"Status: {stuk.get_status_display()}. Ingediend door {indieners}. {tekst}"

    def item_link(self, stuk):
        naam = "moties:motie" if stuk._meta.model_name == "motie" else "moties:amendement"
        return reverse(naam, kwargs={"nummer": stuk.nummer})

    def item_guid(self, stuk):
        return f"urn:uuid:{stuk.uuid}"

    def item_pubdate(self, stuk):
        return stuk.created_at

    def item_updateddate(self, stuk):
        return stuk.updated_at
