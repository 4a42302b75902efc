"""Re-render the stored PDF raadsbesluit of one or more besluiten, or of all published ones."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from apps.besluiten.models import Besluit
from apps.besluiten.pdf import raadsbesluit_opslaan


class Command(BaseCommand):
    help = (
        "Rendert de PDF van gepubliceerde raadsbesluiten opnieuw en slaat die op: raadsbesluiten_renderen "
        "L275141 [L...] of --alle."
    )

    def add_arguments(self, parser):
        parser.add_argument("zaaknummers", nargs="*", help="Zaaknummers, bijvoorbeeld " + settings.ZAAKNUMMER_VOORBEELD)
        parser.add_argument("--alle", action="store_true", help="Alle gepubliceerde besluiten.")
        parser.add_argument(
            "--ontbrekend",
            action="store_true",
            help="Alleen gepubliceerde besluiten die nog geen opgeslagen PDF hebben.",
        )

    def handle(self, *args, zaaknummers, alle, ontbrekend, **options):
        if not (zaaknummers or alle or ontbrekend):
            raise CommandError("Geef een of meer zaaknummers, of --alle.")
        besluiten = Besluit.objects.filter(status="gepubliceerd").select_related("zaak").order_by("pk")
        if zaaknummers:
            gevraagd = {z.upper() for z in zaaknummers}
            besluiten = besluiten.filter(zaak__zaaknummer__in=gevraagd)
            gevonden = set(besluiten.values_list("zaak__zaaknummer", flat=True))
            if onbekend := sorted(gevraagd - gevonden):
                raise CommandError(f"Geen gepubliceerd besluit voor: {', '.join(onbekend)}")
        if ontbrekend:
            besluiten = besluiten.filter(pdf="")
        aantal = 0
        toon = options["verbosity"] > 0
        for besluit in tqdm(
            list(besluiten), unit="pdf", desc="Raadsbesluiten", disable=not toon, file=self.stderr._out
        ):
            raadsbesluit_opslaan(besluit)
            aantal += 1
        if toon:
            self.stdout.write(self.style.SUCCESS(f"{aantal} raadsbesluit(en) gerenderd en opgeslagen."))
