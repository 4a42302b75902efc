"""(Re)build the search index from every registered source, with a progress bar."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from apps.core.search import zoekindex_herbouwen, zoekindex_omvang


class Command(BaseCommand):
    help = "Bouwt de zoekindex (opnieuw) op uit alle besluiten, raadsvoorstellen, memo's en agendapunten."

    def add_arguments(self, parser):
        parser.add_argument("--zonder-voortgang", action="store_true", help="Toon geen voortgangsbalk.")

    def handle(self, *args, **options):
        toon = not options["zonder_voortgang"] and options["verbosity"] > 0
        with tqdm(total=zoekindex_omvang(), unit="stuk", desc="Zoekindex", disable=not toon,
                  file=self.stderr._out) as balk:
            resultaat = zoekindex_herbouwen(voortgang=balk.update)
        if options["verbosity"] > 0:
            samenvatting = ", ".join(f"{soort}: {aantal}" for soort, aantal in resultaat.items())
            self.stdout.write(self.style.SUCCESS(f"Zoekindex bijgewerkt ({samenvatting})."))
