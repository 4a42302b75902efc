"""Send the queued deliveries to Open Overheid (and catch up on changes made outside the portal's forms)."""

import time

from django.core.management.base import BaseCommand

from apps.aanlevering.services import aanlevering_ingesteld, aanleveringen_verwerken
from apps.openori.sporen import sporen_bijwerken


class Command(BaseCommand):
    help = "Lever gepubliceerde records aan bij Open Overheid en probeer mislukte aanleveringen opnieuw."

    def add_arguments(self, parser):
        parser.add_argument("--doorlopend", action="store_true", help="blijf draaien (een worker)")
        parser.add_argument("--interval", type=int, default=30, help="seconden tussen twee rondes (standaard 30)")
        parser.add_argument("--limiet", type=int, default=None, help="hoogstens zoveel aanleveringen per ronde")

    def handle(self, *args, **opties):
        if not aanlevering_ingesteld():
            self.stdout.write("OPEN_OVERHEID_URL is niet ingesteld: er wordt niets aangeleverd.")
            return
        while True:
            sporen_bijwerken()  # also queues what changed without passing the portal's signals
            tellers = aanleveringen_verwerken(limiet=opties["limiet"])
            if opties["verbosity"]:
                self.stdout.write(", ".join(f"{status}: {aantal}" for status, aantal in tellers.items()))
            if not opties["doorlopend"]:
                return
            time.sleep(max(opties["interval"], 1))
