"""Atom feeds of the public register items. Summaries are plain text; a private sender is "particulier"."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from apps.core.gemeente import huidige_gemeente

from .selectors import voor_feed


class RegisterFeed(Feed):
    feed_type = Atom1Feed
    register = ""
    naam = ""
    item_guid_is_permalink = False

    def title(self):
        return f"{self.naam} — {huidige_gemeente().naam_raad}"

    def subtitle(self):
        return f"Nieuwe en bijgewerkte items van het register {self.naam.lower()}."

    def link(self):
        return reverse(f"registers:{self.register}")

    def items(self):
        return voor_feed(register=self.register)

    def item_guid(self, item):
        return f"urn:uuid:{item.uuid}"

    def item_pubdate(self, item):
        return getattr(item, "gepubliceerd_op", None) or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return huidige_gemeente().naam_raad


class ToezeggingenFeed(RegisterFeed):
    register, naam = "toezeggingen", "Toezeggingen"

    def item_title(self, t):
        return f"Toezegging {t.nummer}: {t.titel}"

    def item_description(self, t):
        termijn = f" Uiterste datum: {t.uiterste_datum:%d-%m-%Y}." if t.uiterste_datum else ""
        wie = f"{t.persoon.naam} ({t.portefeuille})" if t.portefeuille else t.persoon.naam
        return f"{wie}: {t.tekst} Status: {t.toestand_label}.{termijn}"

    def item_link(self, t):
        return reverse("registers:toezegging", kwargs={"nummer": t.nummer})


class MotiemonitorFeed(RegisterFeed):
    register, naam = "motiemonitor", "Motiemonitor"

    def item_title(self, o):
        return f"Motie {o.motie.nummer}: {o.motie.titel}"

    def item_description(self, o):
        standen = list(o.standen.all())
        laatste = f" Laatste stand van zaken ({standen[-1].datum:%d-%m-%Y}): {standen[-1].tekst}" if standen else ""
        return f"Status: {o.toestand_label}.{laatste}"

    def item_link(self, o):
        return reverse("registers:motie", kwargs={"nummer": o.motie.nummer})

    def item_pubdate(self, o):
        return o.created_at


class IngekomenStukkenFeed(RegisterFeed):
    register, naam = "ingekomen-stukken", "Ingekomen stukken"

    def item_title(self, s):
        return f"Ingekomen stuk {s.nummer}: {s.onderwerp}"

    def item_description(self, s):
        vastgesteld = f" Vastgesteld: {s.vastgesteld_tekst}." if s.vastgestelde_afhandeling else ""
        return (
            f"Van {s.afzender_publiek}, ontvangen {s.ontvangen_op:%d-%m-%Y}. Voorstel: {s.voorstel_tekst}.{vastgesteld}"
        )

    def item_link(self, s):
        return reverse("registers:ingekomen-stuk", kwargs={"nummer": s.nummer})


class SchriftelijkeVragenFeed(RegisterFeed):
    register, naam = "schriftelijke-vragen", "Schriftelijke vragen"

    def item_title(self, v):
        return f"Schriftelijke vragen {v.nummer}: {v.onderwerp}"

    def item_description(self, v):
        return (
            f"Gesteld door {v.vraagsteller_tekst} op {v.gesteld_op:%d-%m-%Y}; uiterste antwoorddatum "
            f"{v.uiterste_datum:%d-%m-%Y}. Status: {v.toestand_label}."
        )

    def item_link(self, v):
        return reverse("registers:schriftelijke-vraag", kwargs={"nummer": v.nummer})


class LangetermijnFeed(RegisterFeed):
    register, naam = "lange-termijnagenda", "Lange termijnagenda"

    def item_title(self, i):
        return f"{i.periode}: {i.titel}"

    def item_description(self, i):
        wie = f" Portefeuillehouder: {i.portefeuillehouder.naam}." if i.portefeuillehouder_id else ""
        return f"{i.omschrijving} Status: {i.get_status_display()}.{wie}".strip()

    def item_link(self, i):
        return reverse("registers:langetermijn-item", kwargs={"uuid": i.uuid})
