"""Atom feeds of newly published public besluiten: all, and per onderwerp."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse

from apps.core.feeds import TekstAtom1Feed
from apps.core.gemeente import huidige_gemeente

from .selectors import besluiten_voor_feed, onderwerp_op_slug


class BesluitenFeed(Feed):
    feed_type = TekstAtom1Feed  # summaries as plain text: a clerk's markup is never delivered as HTML

    def title(self):
        return f"Besluiten van de {huidige_gemeente().naam_raad.lower()}"

    def subtitle(self):
        return "Nieuw gepubliceerde besluiten van de gemeenteraad."

    def link(self):
        return reverse("besluiten:lijst")

    def items(self):
        return besluiten_voor_feed()

    def item_title(self, besluit):
        return f"{besluit.zaak.zaaknummer}: {besluit.titel}"

    def item_description(self, besluit):
        regels = [punt.tekst for punt in besluit.dictum.all()]
        uitkomst = besluit.get_uitkomst_display()
        return f"Uitkomst: {uitkomst}. Besluit: " + " ".join(regels)

    def item_link(self, besluit):
        return reverse("besluiten:detail", kwargs={"zaaknummer": besluit.zaak.zaaknummer})

    def item_guid(self, besluit):
        return f"urn:uuid:{besluit.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, besluit):
        return besluit.gepubliceerd_op

    def item_updateddate(self, besluit):
        return besluit.gepubliceerd_op

    def item_author_name(self, besluit):
        return huidige_gemeente().naam_raad


class OnderwerpBesluitenFeed(BesluitenFeed):
    def get_object(self, request, slug):
        onderwerp = onderwerp_op_slug(slug)
        if onderwerp is None:
            raise Http404("Onbekend onderwerp.")
        return onderwerp

    def title(self, onderwerp):
        return f"Besluiten over {onderwerp.naam} — {huidige_gemeente().naam_raad}"

    def subtitle(self, onderwerp):
        return f"Nieuw gepubliceerde besluiten van de gemeenteraad over {onderwerp.naam}."

    def link(self, onderwerp):
        return f"{reverse('besluiten:lijst')}?onderwerp={onderwerp.slug}"

    def items(self, onderwerp):
        return besluiten_voor_feed(onderwerp=onderwerp)
