"""(Re)build the search index from every registered source, with a progress bar."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from apps.core.search import zoekindex_herbouwen, zoekindex_omvang, zoekindex_ordenen


class Command(BaseCommand):
    help = "Bouwt de zoekindex (opnieuw) op uit alle besluiten, raadsvoorstellen, memo's en agendapunten."

    def add_arguments(self, parser):
        parser.add_argument("--zonder-voortgang", action="store_true", help="Toon geen voortgangsbalk.")
        parser.add_argument(
            "--ordenen",
            action="store_true",
            help="Zet de zoektabel daarna op volgorde van zichtbaarheid en datum (PostgreSQL, CLUSTER): sneller "
            "zoeken als de tabel niet in het geheugen past. Blokkeert de zoektabel zolang het duurt.",
        )

    def handle(self, *args, **options):
        toon = not options["zonder_voortgang"] and options["verbosity"] > 0
        with tqdm(
            total=zoekindex_omvang(), unit="stuk", desc="Zoekindex", disable=not toon, file=self.stderr._out
        ) as balk:
            resultaat = zoekindex_herbouwen(voortgang=balk.update)
        if options["ordenen"] and zoekindex_ordenen() and options["verbosity"] > 0:
            self.stdout.write("Zoektabel geordend (CLUSTER).")
        if options["verbosity"] > 0:
            samenvatting = ", ".join(f"{soort}: {aantal}" for soort, aantal in resultaat.items())
            self.stdout.write(self.style.SUCCESS(f"Zoekindex bijgewerkt ({samenvatting})."))
