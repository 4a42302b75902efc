"""Bring the open-data traces up to date (tombstones, and the deliveries they queue) after changes made outside the
portal's forms, e.g. a raw import or a database restore."""

from django.core.management.base import BaseCommand

from apps.openori.sporen import sporen_bijwerken


class Command(BaseCommand):
    help = "Werk de openbaarheidssporen bij: nieuwe, gewijzigde en niet meer openbare records."

    def handle(self, *args, **opties):
        wijzigingen = sporen_bijwerken()
        per_soort = {}
        for w in wijzigingen:
            per_soort[w.gebeurtenis] = per_soort.get(w.gebeurtenis, 0) + 1
        samenvatting = ", ".join(f"{n} {soort}" for soort, n in sorted(per_soort.items())) or "geen wijzigingen"
        self.stdout.write(f"Openbaarheidssporen bijgewerkt: {samenvatting}.")
