"""Store the PDF raadsbesluit of published besluiten whose file is missing, and check the others.

The stored PDF is the record: an existing file is never rendered again, only compared with the
checksum recorded at publication. A missing file is rendered from the publication snapshot and
must reproduce that checksum; a mismatch is reported as an error and nothing is overwritten.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from apps.besluiten.models import Besluit
from apps.besluiten.pdf import PdfAfwijking, raadsbesluit_aanwezig, raadsbesluit_controleren, raadsbesluit_opslaan


class Command(BaseCommand):
    help = (
        "Slaat de ontbrekende PDF van gepubliceerde raadsbesluiten op (uit de gegevens die bij publicatie zijn "
        "vastgelegd) en controleert de aanwezige tegen hun controlesom: raadsbesluiten_renderen L275141 [L...] "
        "of --alle."
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
        opgeslagen, gecontroleerd, fouten = 0, 0, []
        toon = options["verbosity"] > 0
        for besluit in tqdm(
            list(besluiten), unit="pdf", desc="Raadsbesluiten", disable=not toon, file=self.stderr._out
        ):
            if raadsbesluit_aanwezig(besluit):
                gecontroleerd += 1
                if fout := raadsbesluit_controleren(besluit):
                    fouten.append(fout)
                continue
            try:
                raadsbesluit_opslaan(besluit)
            except PdfAfwijking as fout:
                fouten.append(fout.melding)
            else:
                opgeslagen += 1
        if toon:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{opgeslagen} ontbrekend(e) raadsbesluit(en) opgeslagen, {gecontroleerd} aanwezig en ongewijzigd "
                    "gelaten."
                )
            )
        if fouten:
            raise CommandError("\n".join(fouten))
