"""Generate the scale dataset for the benchmarks: N besluiten over 20 years with everything around them."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from apps.schaaldata.generator import SchaaldataFout, schaaldata_genereren


class Command(BaseCommand):
    help = (
        "Genereert een grote, realistische dataset (besluiten, raadsvoorstellen, memo's, vergaderingen, "
        "agendapunten, onderwerpen, personen) in bulk, met de zoekindex. Bedoeld voor de benchmark."
    )

    def add_arguments(self, parser):
        parser.add_argument("--besluiten", type=int, default=100_000, help="Aantal besluiten (standaard 100000).")
        parser.add_argument("--seed", type=int, default=7, help="Startwaarde van de toevalsgenerator (standaard 7).")
        parser.add_argument(
            "--peildatum",
            type=datetime.date.fromisoformat,
            default=None,
            help="De datum die als 'vandaag' geldt (JJJJ-MM-DD; standaard vandaag).",
        )
        parser.add_argument("--zonder-voortgang", action="store_true", help="Geen voortgangsbalken.")

    def handle(self, *args, **options):
        n = options["besluiten"]
        self.stdout.write(f"Schaaldata genereren: {n} besluiten, seed {options['seed']} ...")
        try:
            resultaat = schaaldata_genereren(
                besluiten=n,
                seed=options["seed"],
                peildatum=options["peildatum"],
                uitvoer=self.stdout,
                voortgang=not options["zonder_voortgang"] and options["verbosity"] > 0,
            )
        except SchaaldataFout as exc:
            raise CommandError(str(exc)) from exc
        if resultaat.overgeslagen:
            return
        for label, aantal in sorted(resultaat.aantallen.items()):
            self.stdout.write(f"  {label:40} {aantal:>10,}".replace(",", "."))
        self.stdout.write(f"  {'documenten in totaal':40} {resultaat.documenten:>10,}".replace(",", "."))
        totaal = dict(resultaat.fasen)["totaal"]
        self.stdout.write(self.style.SUCCESS(f"Klaar in {totaal:.1f} s."))
